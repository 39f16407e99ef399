//! Adopting medlint on a library that already exists: baselines,
//! `--changed-since` on real git repositories, which pages are articles,
//! shared policy through `extends`, `--show-settings` and json-lines.

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

const TODAY: &str = "2026-11-24";

/// An article with a few findings of several rules.
const ARTICLE: &str =
    "---\ntitle: Flu\n---\n# Flu\n\nFlu passes in 3 to 7 days.\n\n## Treatment\n\nRest and drink fluids.\n";

fn medlint(dir: &Path, command: &str) -> Command {
    let mut cmd = Command::cargo_bin("medlint").unwrap();
    cmd.current_dir(dir)
        .env_remove("MEDLINT_TODAY")
        // Git run from a hook points these at another repository.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env("NO_COLOR", "1")
        .args([command, "--today", TODAY]);
    cmd
}

/// Runs `medlint check ARGS` in `dir`: exit code, stdout, stderr.
fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = medlint(dir, "check").args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The JSON report of `medlint check ARGS --format json` in `dir`.
fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let (_, out, err) = check(dir, &[args, &["--format", "json"]].concat());
    serde_json::from_str(&out).unwrap_or_else(|_| panic!("not JSON: {out}\n{err}"))
}

fn rules_of(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn baseline_entries(dir: &Path, name: &str) -> Vec<serde_json::Value> {
    let document: serde_json::Value = serde_json::from_str(&read(dir, name)).unwrap();
    document["findings"].as_array().unwrap().clone()
}

#[test]
fn a_baseline_accepts_todays_findings_and_fails_on_one_new_defect() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "articles/flu.md", ARTICLE);
    write(root, "articles/cold.md", &ARTICLE.replace("Flu", "Cold"));
    let before = json(root, &["--no-config", "."]);
    let found = before["diagnostics"].as_array().unwrap().len();
    assert!(found >= 6, "{before}");

    let (code, out, _) = check(root, &["--no-config", "--write-baseline", "medlint-baseline.json", "."]);
    assert_eq!(code, 0);
    assert!(out.contains(&format!("recorded {found} findings")), "{out}");
    assert_eq!(baseline_entries(root, "medlint-baseline.json").len(), found);

    let (code, out, _) = check(root, &["--no-config", "--baseline", "medlint-baseline.json", "."]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("2 files checked: no problems found")
            && out.contains(&format!("{found} findings in the baseline")),
        "{out}"
    );

    // Lines inserted above every finding: still accepted.
    let moved = ARTICLE.replacen("# Flu\n", "# Flu\n\nA new first paragraph.\n\nAnd a second one.\n", 1);
    write(root, "articles/flu.md", &moved);
    let report = json(root, &["--no-config", "--baseline", "medlint-baseline.json", "."]);
    assert_eq!(rules_of(&report), Vec::<String>::new(), "{report}");
    assert_eq!(report["summary"]["baselined"], found, "{report}");
    assert!(report["summary"].get("baseline_gone").is_none(), "{report}");

    // One new defect: exactly that finding, and the check fails.
    write(root, "articles/flu.md", &format!("{moved}\nDosage: TODO\n"));
    let (code, out, _) = check(
        root,
        &[
            "--no-config",
            "--baseline",
            "medlint-baseline.json",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!(code, 1);
    let findings: Vec<&str> = out.lines().filter(|l| l.contains("error[")).collect();
    assert_eq!(findings.len(), 1, "{out}");
    assert!(findings[0].starts_with("articles/flu.md:") && findings[0].contains("placeholder-text"));
}

#[test]
fn identical_findings_are_counted_not_merged() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", "# A\n\nStep one: TODO\n");
    check(
        root,
        &[
            "--no-config",
            "--select",
            "placeholder-text",
            "--write-baseline",
            "b.json",
            ".",
        ],
    );
    assert_eq!(baseline_entries(root, "b.json").len(), 1);
    write(root, "a.md", "# A\n\nStep one: TODO\n\nStep one: TODO\n");
    let report = json(
        root,
        &[
            "--no-config",
            "--select",
            "placeholder-text",
            "--baseline",
            "b.json",
            ".",
        ],
    );
    assert_eq!(rules_of(&report), ["placeholder-text"]);
    assert_eq!(
        report["diagnostics"][0]["line"], 5,
        "the first of the two is the recorded one"
    );
}

#[test]
fn fingerprints_do_not_change_with_today() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Its review expires within 60 days of TODAY, and the message counts the days.
    let article = "---\nreviewed_by: Ana Diaz, MD\nreviewed_on: 2025-01-10\n---\n# Flu\n\nRest.\n";
    write(root, "a.md", article);
    let select = ["--no-config", "--select", "stale-review,review-due-soon,future-date"];
    let first = json(root, &[&select[..], &["."]].concat());
    assert_eq!(rules_of(&first), ["review-due-soon"], "{first}");
    check(root, &[&select[..], &["--write-baseline", "b.json", "."]].concat());
    let written = read(root, "b.json");
    // Written again on another day, the file does not change.
    check(
        root,
        &[
            &select[..],
            &["--today", "2026-12-01", "--write-baseline", "b.json", "."],
        ]
        .concat(),
    );
    assert_eq!(read(root, "b.json"), written);
    for today in ["2026-11-30", "2026-12-20"] {
        let (code, out, _) = check(
            root,
            &[&select[..], &["--today", today, "--baseline", "b.json", "."]].concat(),
        );
        assert_eq!(code, 0, "{today}: {out}");
        assert!(
            out.contains("no problems found; 1 finding in the baseline"),
            "{today}: {out}"
        );
    }
}

#[test]
fn fixed_findings_are_counted_and_writing_again_shrinks_the_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", "# A\n\nStep one: TODO\n\nStep two: TBD\n");
    write(root, "b.md", "# B\n\nLater: FIXME\n");
    let select = ["--no-config", "--select", "placeholder-text"];
    check(root, &[&select[..], &["--write-baseline", "b.json", "."]].concat());
    let written = read(root, "b.json");
    assert_eq!(baseline_entries(root, "b.json").len(), 3);

    // Writing again with nothing changed gives the same bytes.
    check(root, &[&select[..], &["--write-baseline", "b.json", "."]].concat());
    assert_eq!(read(root, "b.json"), written);
    // Sorted by path, then rule.
    let paths: Vec<String> = baseline_entries(root, "b.json")
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["a.md", "a.md", "b.md"]);

    write(root, "a.md", "# A\n\nStep one: rest.\n\nStep two: TBD\n");
    std::fs::remove_file(root.join("b.md")).unwrap();
    let (code, out, _) = check(root, &[&select[..], &["--baseline", "b.json", "."]].concat());
    assert_eq!(code, 0);
    assert!(
        out.contains("1 finding in the baseline; 2 of the baseline are gone (`--write-baseline` shrinks it)"),
        "{out}"
    );
    let (_, out, _) = check(root, &[&select[..], &["--write-baseline", "b.json", "."]].concat());
    assert!(
        out.contains("recorded 1 finding") && out.contains("2 findings fixed"),
        "{out}"
    );
    assert_eq!(baseline_entries(root, "b.json").len(), 1);
}

#[test]
fn writing_the_baseline_of_some_files_keeps_the_entries_of_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", "# A\n\nTODO\n");
    write(root, "b.md", "# B\n\nTBD\n");
    let select = ["--no-config", "--select", "placeholder-text"];
    check(root, &[&select[..], &["--write-baseline", "b.json", "."]].concat());
    write(root, "a.md", "# A\n\nTODO and FIXME\n");
    check(root, &[&select[..], &["--write-baseline", "b.json", "a.md"]].concat());
    let mut messages: Vec<String> = baseline_entries(root, "b.json")
        .iter()
        .map(|e| format!("{} {}", e["path"].as_str().unwrap(), e["message"].as_str().unwrap()))
        .collect();
    messages.sort();
    assert_eq!(
        messages,
        [
            "a.md placeholder text \"FIXME\"",
            "a.md placeholder text \"TODO\"",
            "b.md placeholder text \"TBD\""
        ]
    );
}

#[test]
fn a_baseline_that_does_not_parse_is_a_usage_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", ARTICLE);
    write(
        root,
        "b.json",
        "{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\": 3}\n  ]\n}\n",
    );
    let (code, out, err) = check(root, &["--no-config", "--baseline", "b.json", "."]);
    assert_eq!(code, 2, "{out}");
    assert!(out.is_empty(), "nothing is checked: {out}");
    assert!(err.contains("invalid baseline") && err.contains("b.json:4:"), "{err}");
    write(root, "b.json", "{\"version\": 1, \"findings\": [], \"extra\": true}");
    let (code, _, err) = check(root, &["--no-config", "--baseline", "b.json", "."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown field `extra`") && err.contains("b.json:1:"),
        "{err}"
    );
    let (code, _, err) = check(root, &["--no-config", "--baseline", "missing.json", "."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.json: baseline file not found; write it with"),
        "{err}"
    );
}

#[test]
fn the_config_names_the_baseline_relative_to_itself() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site/medlint.toml", "baseline = \"ci/baseline.json\"\n");
    write(root, "site/articles/a.md", "# A\n\nDose: TODO\n");
    let site = root.join("site");
    check(&site, &["--write-baseline", "ci/baseline.json", "."]);
    let entries = baseline_entries(&site, "ci/baseline.json");
    assert_eq!(
        entries[0]["path"], "../articles/a.md",
        "paths are from the baseline's directory"
    );
    // From the site and from a subdirectory, the config's baseline applies.
    for (cwd, target) in [(site.clone(), "."), (site.join("articles"), "a.md")] {
        let (code, out, _) = check(&cwd, &[target]);
        assert_eq!(code, 0, "{}: {out}", cwd.display());
        assert!(out.contains("no problems found;"), "{out}");
    }
    let (code, out, _) = check(&site, &["--no-baseline", "."]);
    assert_eq!(code, 1, "{out}");
}

// ---- --changed-since, on real repositories ----

/// Whether the `git` command runs here. Without it the git tests say they
/// skipped, unless `MEDLINT_REQUIRE_GIT=1` (as `.ci/run` sets) makes that a
/// failure.
fn git_available(test: &str) -> bool {
    let runs = Process::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs {
        assert!(
            std::env::var_os("MEDLINT_REQUIRE_GIT").is_none(),
            "{test}: git is required (MEDLINT_REQUIRE_GIT) but cannot be run"
        );
        eprintln!("SKIPPED {test}: the git command cannot be run");
    }
    runs
}

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Process::new("git")
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A repository with three committed articles.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    for name in ["a.md", "b.md", "docs/c.md"] {
        write(root, name, ARTICLE);
    }
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "articles"]);
    dir
}

fn checked_paths(report: &serde_json::Value) -> Vec<String> {
    let mut paths: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    paths.dedup();
    paths
}

#[test]
fn changed_since_head_checks_the_one_changed_article() {
    if !git_available("changed_since_head_checks_the_one_changed_article") {
        return;
    }
    let dir = repository();
    let root = dir.path();
    write(root, "b.md", &format!("{ARTICLE}\nMore.\n"));
    let report = json(root, &["--no-config", "--changed-since", "HEAD", "."]);
    assert_eq!(report["summary"]["files"], 1, "{report}");
    assert_eq!(checked_paths(&report), ["b.md"]);
    // Staged changes and untracked files count; ignored files do not.
    write(root, "docs/c.md", &format!("{ARTICLE}\nStaged.\n"));
    git(root, &["add", "docs/c.md"]);
    write(root, "new.md", ARTICLE);
    write(root, ".gitignore", "ignored.md\n");
    write(root, "ignored.md", ARTICLE);
    let report = json(root, &["--no-config", "--changed-since", "HEAD", "."]);
    assert_eq!(checked_paths(&report), ["b.md", "docs/c.md", "new.md"], "{report}");
    // PATHS still narrow the run.
    let report = json(root, &["--no-config", "--changed-since", "HEAD", "docs"]);
    assert_eq!(checked_paths(&report), ["docs/c.md"]);
}

#[test]
fn changed_since_a_branch_follows_renames_and_skips_deletions() {
    if !git_available("changed_since_a_branch_follows_renames_and_skips_deletions") {
        return;
    }
    let dir = repository();
    let root = dir.path();
    git(root, &["checkout", "-q", "-b", "edit"]);
    git(root, &["mv", "a.md", "renamed.md"]);
    git(root, &["rm", "-q", "b.md"]);
    git(root, &["commit", "-q", "-m", "rename and delete"]);
    // main moves on after the branch: its change is not the branch's.
    git(root, &["checkout", "-q", "main"]);
    write(root, "docs/c.md", &format!("{ARTICLE}\nOn main.\n"));
    git(root, &["commit", "-q", "-am", "main"]);
    git(root, &["checkout", "-q", "edit"]);
    let report = json(root, &["--no-config", "--changed-since", "main", "."]);
    assert_eq!(checked_paths(&report), ["renamed.md"], "{report}");
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn changed_since_with_nothing_changed_passes() {
    if !git_available("changed_since_with_nothing_changed_passes") {
        return;
    }
    let dir = repository();
    let (code, out, err) = check(dir.path(), &["--no-config", "--changed-since", "HEAD", "."]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("no articles changed since HEAD"), "{err}");
}

#[test]
fn changed_since_outside_a_repository_or_with_an_unknown_ref_is_a_usage_error() {
    if !git_available("changed_since_outside_a_repository_or_with_an_unknown_ref_is_a_usage_error") {
        return;
    }
    let dir = repository();
    let (code, _, err) = check(dir.path(), &["--no-config", "--changed-since", "no-such-branch", "."]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown git revision \"no-such-branch\""), "{err}");
    let empty = tempfile::tempdir().unwrap();
    git(empty.path(), &["init", "-q"]);
    write(empty.path(), "a.md", ARTICLE);
    let (code, _, err) = check(empty.path(), &["--no-config", "--changed-since", "HEAD", "."]);
    assert_eq!(code, 2);
    assert!(err.contains("the repository has no commit yet"), "{err}");
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "a.md", ARTICLE);
    // Git looks no higher than the temporary directory, even if it sits in a repository.
    let output = medlint(plain.path(), "check")
        .env("GIT_CEILING_DIRECTORIES", plain.path().parent().unwrap())
        .args(["--no-config", "--changed-since", "HEAD", "."])
        .output()
        .unwrap();
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(err.contains("not inside a git repository"), "{err}");
}

// ---- which pages are articles ----

const GLOSSARY: &str = "---\nlayout: glossary-word\ntitle: Copay\n---\nA fixed amount you pay. TODO: Spanish link.\n";

#[test]
fn structure_and_review_rules_run_on_articles_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "medlint.toml",
        "[articles]\nexclude = [\"glossary\"]\nfront-matter = { layout = [\"article\", \"guide\"] }\n",
    );
    write(root, "glossary/copay.md", GLOSSARY);
    write(
        root,
        "guides/flu.md",
        &ARTICLE.replace("title: Flu", "title: Flu\nlayout: Guide"),
    );
    write(
        root,
        "guides/landing.md",
        "---\nlayout: landing\n---\n# Guides\n\nSee [flu](flu.md). TBD\n",
    );
    let report = json(root, &["."]);
    let by_path = |path: &str| -> Vec<String> {
        let mut rules: Vec<String> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"] == path)
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        rules.dedup();
        rules
    };
    assert_eq!(by_path("glossary/copay.md"), ["placeholder-text"]);
    assert_eq!(by_path("guides/landing.md"), ["placeholder-text"]);
    let article = by_path("guides/flu.md");
    for rule in ["missing-section", "missing-reviewer", "missing-review-date"] {
        assert!(article.contains(&rule.to_string()), "{article:?}");
    }
    let (_, out, _) = check(root, &["--format", "concise", "."]);
    assert!(out.contains("3 files checked (1 as articles):"), "{out}");
    assert_eq!(report["summary"]["articles"], 1);
}

/// The example config for three public health sites, on pages of the kinds
/// those sites hold.
#[test]
fn the_public_health_sites_example_tells_articles_from_other_pages() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let body = "Some words about coverage and care. ".repeat(20);
    let article = format!("---\ntitle: Can I keep my doctor?\nlayout: basic\n---\n{body}\n");
    let pages = [
        ("site/_posts/articles/keep-my-doctor.md", article.clone(), true),
        (
            "site/_posts/glossary/copay.md",
            format!("---\ntitle: Copay\nlayout: glossary-word\n---\n{body}"),
            false,
        ),
        ("site/_posts/questions/q.md", article.clone(), false),
        (
            "site/_posts/home.md",
            format!("---\ntitle: Home\nlayout: home\n---\n{body}"),
            false,
        ),
        (
            "va/pages/old.md",
            "---\ntitle: Old page\nhref: https://example.gov/new\n---\n".to_string(),
            false,
        ),
        (
            "va/pages/index.md",
            format!("---\ntitle: Health care\ntemplate: level2-index\n---\n{body}"),
            false,
        ),
        (
            "va/pages/ptsd.md",
            format!("---\ntitle: PTSD\ntemplate: detail-page\n---\n{body}"),
            true,
        ),
        ("nhs/content/flu/content-1.md", body.clone(), false),
        (
            "site/_posts/articles/stub.md",
            "---\ntitle: Stub\nlayout: basic\n---\nSee the new page.\n".to_string(),
            false,
        ),
    ];
    for (name, text, _) in &pages {
        write(root, name, text);
    }
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/public-health-sites/medlint.toml");
    let report = json(
        root,
        &[
            "--config",
            config.to_str().unwrap(),
            "--select",
            "missing-reviewer",
            ".",
        ],
    );
    let mut expected: Vec<String> = pages.iter().filter(|p| p.2).map(|p| p.0.to_string()).collect();
    expected.sort();
    assert_eq!(checked_paths(&report), expected, "{report}");
    assert_eq!(report["summary"]["articles"], 2);
    assert_eq!(report["summary"]["files"], pages.len());
}

#[test]
fn a_suppression_of_an_article_rule_on_a_page_is_not_unused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "medlint.toml", "[articles]\nmin-words = 20\n");
    write(
        root,
        "stub.md",
        "<!-- medlint-disable missing-section -->\n# Stub\n\nShort.\n",
    );
    let report = json(root, &["."]);
    assert_eq!(rules_of(&report), Vec::<String>::new(), "{report}");
}

#[test]
fn mistakes_in_the_new_keys_are_located_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", ARTICLE);
    for (config, expected) in [
        (
            "[articles]\nexlude = [\"x\"]\n",
            "unknown key \"exlude\" in [articles]; did you mean \"exclude\"?",
        ),
        (
            "[articles]\nmin-words = \"many\"\n",
            "min-words must be a positive whole number",
        ),
        (
            "[articles]\nfront-matter = { layout = [] }\n",
            "the condition on `layout` needs a value",
        ),
        ("baseline = 3\n", "baseline must be a string"),
        ("basline = \"b.json\"\n", "did you mean \"baseline\"?"),
        ("extend = [\"x.toml\"]\n", "did you mean \"extends\"?"),
        ("extends = [\"nowhere.toml\"]\n", "extends: no config file at"),
    ] {
        write(root, "medlint.toml", config);
        let (code, _, err) = check(root, &["."]);
        assert_eq!(code, 2, "{config}");
        assert!(err.contains(expected), "{config}: {err}");
        assert!(err.contains("medlint.toml:"), "located: {err}");
    }
}

// ---- shared policy ----

#[test]
fn extends_applies_the_shared_policy_first_and_the_site_wins() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "house-style/medlint.toml",
        "[rules]\nreadability = \"off\"\nstructure = \"off\"\nplaceholder-text = \"warning\"\n[review]\nmax-age = \"12 months\"\n",
    );
    write(
        root,
        "site/medlint.toml",
        "extends = [\"../house-style/medlint.toml\"]\n[rules]\nplaceholder-text = \"error\"\nmissing-section = \"error\"\n",
    );
    write(root, "site/a.md", "# A\n\nDose: TODO\n");
    let site = root.join("site");
    let report = json(
        &site,
        &[
            "--select",
            "placeholder-text,missing-section,empty-section,reading-level",
            ".",
        ],
    );
    let rules = rules_of(&report);
    assert!(
        rules.contains(&"missing-section".to_string()),
        "the site turns it back on: {rules:?}"
    );
    assert!(
        !rules.contains(&"reading-level".to_string()),
        "off in the house style: {rules:?}"
    );
    let placeholder = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "placeholder-text")
        .unwrap();
    assert_eq!(placeholder["severity"], "error", "the site wins");

    let output = medlint(&site, "config").arg("a.md").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        text.contains("#   ../house-style/medlint.toml\n#   medlint.toml\n"),
        "{text}"
    );
    assert!(
        line("review.max-age").ends_with("# ../house-style/medlint.toml:6"),
        "{text}"
    );
    assert!(line("review.warn-before").ends_with("# default"), "{text}");
    assert!(line("placeholder-text ").ends_with("# medlint.toml:3"), "{text}");
    assert!(line("reading-level ").contains("\"off\""), "{text}");
    assert!(
        line("reading-level ").ends_with("# ../house-style/medlint.toml:2"),
        "{text}"
    );
    // The same listing from check.
    let (code, same, _) = check(&site, &["--show-settings", "a.md"]);
    assert_eq!((code, same), (0, text));
}

#[test]
fn a_circle_of_extends_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.toml", "extends = [\"b.toml\"]\n");
    write(root, "b.toml", "extends = \"a.toml\"\n");
    write(root, "x.md", ARTICLE);
    let (code, _, err) = check(root, &["--config", "a.toml", "."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("extends: circular,") && err.contains("a.toml -> "),
        "{err}"
    );
    assert!(err.contains("b.toml:1:"), "located in the file that closes it: {err}");
}

// ---- json-lines ----

#[test]
fn json_lines_writes_one_object_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", ARTICLE);
    write(root, "b\nc.md", ARTICLE);
    let whole = json(root, &["--no-config", "."]);
    let (code, out, _) = check(root, &["--no-config", "--format", "json-lines", "."]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(&serde_json::Value::Array(lines), &whole["diagnostics"]);
}

#[test]
fn init_writes_the_adoption_keys_commented_out() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(root)
        .arg("init")
        .assert()
        .code(0);
    let text = read(root, "medlint.toml");
    for line in [
        "# extends = [",
        "# baseline = \"medlint-baseline.json\"",
        "# [articles]",
        "# exclude = [",
    ] {
        assert!(text.contains(line), "{line}");
    }
    // The example, uncommented, is a valid table.
    let start = text.find("# [articles]").unwrap();
    let block: String = text[start..]
        .lines()
        .take_while(|l| l.starts_with("# "))
        .map(|l| format!("{}\n", &l[2..]))
        .collect();
    write(root, "medlint.toml", &format!("{text}\n{block}"));
    write(root, "a.md", ARTICLE);
    let (code, _, err) = check(root, &["."]);
    assert_ne!(code, 2, "{block}\n{err}");
}

#[test]
fn a_policy_two_files_extend_is_applied_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "house/medlint.toml",
        "packs = [\"pack.toml\"]\n[rules]\nreading-level = \"off\"\n",
    );
    write(
        root,
        "house/pack.toml",
        "[[rules]]\nname = \"house-word\"\nkind = \"existence\"\ncategory = \"content\"\nseverity = \"warning\"\nscope = [\"text\"]\nmessage = \"avoid this word\"\npatterns = ['\\bsynergy\\b']\n",
    );
    write(
        root,
        "a.toml",
        "extends = [\"house/medlint.toml\"]\n[rules]\nreading-level = \"info\"\n",
    );
    write(root, "b.toml", "extends = [\"house/medlint.toml\"]\n");
    write(root, "medlint.toml", "extends = [\"a.toml\", \"b.toml\"]\n");
    write(root, "x.md", "# X\n\nOur synergy helps.\n");
    let (code, out, err) = check(root, &["--config", "medlint.toml", "--show-settings", "x.md"]);
    assert_eq!(code, 0, "{err}");
    let line = out.lines().find(|l| l.starts_with("reading-level ")).unwrap();
    assert!(line.contains("\"info\"") && line.ends_with("# a.toml:3"), "{out}");
    assert_eq!(out.matches("house/medlint.toml\n").count(), 1, "{out}");
    // The pack loads once, and its rule runs.
    let report = json(root, &["--config", "medlint.toml", "--select", "house-word", "x.md"]);
    assert_eq!(rules_of(&report), ["house-word"], "{report}");
}
