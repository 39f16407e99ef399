//! End-to-end tests of the `medlint` binary: output formats, exit codes,
//! discovery and bad input.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const TODAY: &str = "2026-11-24";

fn medlint() -> Command {
    let mut cmd = Command::cargo_bin("medlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("MEDLINT_TODAY")
        .env("NO_COLOR", "1")
        .args(["--today", TODAY]);
    cmd
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let output = medlint().args(args).args(["--format", "json"]).output().unwrap();
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// The human rendering of an article that has errors.
fn rendered(path: &str) -> String {
    let output = medlint()
        .args([path, "--color", "never"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).unwrap()
}

#[test]
fn seed_like_article_renders_like_rustc() {
    insta::assert_snapshot!(rendered("fixtures/articles/laser-resurfacing-guide.md"));
}

#[test]
fn article_with_several_problems_renders_every_finding() {
    insta::assert_snapshot!(rendered("fixtures/articles/sleep-hygiene-draft.md"));
}

#[test]
fn clean_article_reports_nothing_and_exits_zero() {
    medlint()
        .arg("fixtures/articles/sunscreen-basics.md")
        .assert()
        .code(0)
        .stdout("1 file checked: no problems found\n");
}

#[test]
fn json_has_the_documented_shape() {
    let json = json_of(&["fixtures/articles"]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "medlint");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    // Three Markdown articles and the HTML page; the plain-text copy is
    // not walked.
    assert_eq!(json["summary"]["files"], 4);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let errors = diagnostics.iter().filter(|d| d["severity"] == "error").count();
    let warnings = diagnostics.iter().filter(|d| d["severity"] == "warning").count();
    assert_eq!(json["summary"]["errors"], errors);
    assert_eq!(json["summary"]["warnings"], warnings);
    let table = diagnostics
        .iter()
        .find(|d| d["rule"] == "empty-table" && d["path"] == "fixtures/articles/laser-resurfacing-guide.md")
        .expect("empty-table on the seed-like article");
    assert_eq!(table["category"], "tables");
    assert_eq!(
        table["message"],
        "table \"Laser Resurfacing Details\" has labels but no values"
    );
    assert_eq!((table["line"].as_u64(), table["column"].as_u64()), (Some(30), Some(1)));
    assert_eq!(
        (table["end_line"].as_u64(), table["end_column"].as_u64()),
        (Some(35), Some(19))
    );
    assert_eq!(table["help"], "fill in the values or remove the table");
    assert!(table["labels"].as_array().unwrap().is_empty());
    let keys: Vec<&str> = table.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "path",
        "rule",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "labels",
        "help",
    ] {
        assert!(keys.contains(&key), "missing {key}");
    }
    // Labels carry positions and a message.
    let cell = diagnostics.iter().find(|d| d["rule"] == "empty-table-cell").unwrap();
    let label = &cell["labels"][0];
    assert_eq!(label["message"], "empty");
    assert!(label["line"].is_u64() && label["end_column"].is_u64());
}

#[test]
fn output_is_sorted_by_path_then_position() {
    let json = json_of(&["fixtures/articles"]);
    let keys: Vec<(String, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // Same output whatever the thread count.
    let one = json_of(&["fixtures", "--jobs", "1"]);
    let many = json_of(&["fixtures", "--jobs", "4"]);
    assert_eq!(one, many);
}

#[test]
fn concise_format_is_one_line_per_finding() {
    medlint()
        .args(["fixtures/empty-table/fail.md", "--format", "concise", "--quiet"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "fixtures/empty-table/fail.md:15:1: error[empty-table] table \"Costs\" has no rows\n",
        ))
        .stdout(predicate::str::contains("checked").not());
}

#[test]
fn fail_on_sets_the_threshold_for_exit_code_one() {
    // An article whose only finding is a warning (an empty table cell).
    let warning_only = "---\nreviewed_by: Ana Ruiz, RD\nreviewed_on: 2026-10-01\n---\n# Tea\n\n## Key Takeaways\n\n- Green tea has caffeine\n- Herbal tea has none\n\n\
        ## Caffeine\n\n| Tea | Caffeine |\n| --- | --- |\n| Green | 30 mg |\n| Rooibos | |\n\n\
        ## FAQ\n\n### Is tea hydrating?\n\nYes.\n\n## The Bottom Line\n\nEnjoy tea.\n";
    let run = |fail_on: &str| {
        medlint()
            .args(["-", "--fail-on", fail_on])
            .write_stdin(warning_only)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("error"), Some(0));
    assert_eq!(run("warning"), Some(1));
    assert_eq!(run("info"), Some(1));
    assert_eq!(run("never"), Some(0));
    medlint()
        .args(["fixtures/articles", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn stdin_is_reported_under_its_given_name() {
    medlint()
        .args(["-", "--stdin-filename", "drafts/peel.md", "--format", "concise"])
        .write_stdin("# Peels\n\n## Related Articles\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "drafts/peel.md:3:1: error[empty-section] section \"Related Articles\" is empty",
        ));
}

#[test]
fn crlf_and_non_ascii_report_character_columns() {
    let source = "# Café Guide\r\n\r\n## Détails\r\n\r\n| Élément | Valeur |\r\n| --- | --- |\r\n| Durée | 20 min |\r\n| Coût ☕ | |\r\n";
    let output = medlint()
        .args(["-", "--format", "json"])
        .write_stdin(source)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let cell = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "empty-table-cell")
        .expect("empty cell found");
    assert_eq!(
        cell["message"],
        "row \"Coût ☕\" of table \"Détails\" has an empty cell under \"Valeur\""
    );
    assert_eq!(cell["line"], 8);
    assert_eq!(cell["column"], 2);
    // "| Coût ☕ | |": the row ends after 11 characters, not 14 bytes.
    assert_eq!(cell["end_line"], 8);
    assert_eq!(cell["end_column"], 12);
}

#[test]
fn directories_are_walked_sorted_respecting_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b")).unwrap();
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    let empty = "# T\n\n## Empty\n";
    for name in ["b/two.md", "a.markdown", "drafts/skip.md", "notes.txt", "c.MD"] {
        std::fs::write(root.join(name), empty).unwrap();
    }
    std::fs::write(root.join(".gitignore"), "drafts/\n").unwrap();
    let output = medlint()
        .current_dir(root)
        .args([".", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut paths: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    paths.dedup();
    assert_eq!(paths, ["a.markdown", "b/two.md", "c.MD"]);
    assert_eq!(json["summary"]["files"], 3);
}

#[test]
fn trees_larger_than_a_chunk_are_reported_whole_and_in_walk_order() {
    // 1,200 files, three chunks of up to 512: the walk hands the second and
    // third over while the first is linted, and they must come out in order.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut expected = Vec::new();
    for d in ["a", "b", "c"] {
        std::fs::create_dir(root.join(d)).unwrap();
        for i in 0..400 {
            let name = format!("{d}/{i:03}.md");
            std::fs::write(root.join(&name), "# T\n\n## Empty\n").unwrap();
            expected.push(format!("{name}:3:1: error[empty-section]"));
        }
    }
    let output = medlint()
        .current_dir(root)
        .args([".", "nope.md", "--select", "empty-section", "--format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1201, "{stdout}");
    for (line, expected) in lines.iter().zip(&expected) {
        assert!(line.starts_with(expected.as_str()), "{line:?} is not {expected:?}");
    }
    assert_eq!(
        lines[1200],
        "1200 files checked, 1 could not be read: 1200 errors, 0 warnings"
    );
    // The missing path after the tree is still reported.
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr, "error: nope.md: no such file or directory\n");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn unreadable_and_non_utf8_files_are_named_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("good.md"), "# T\n\n## Empty\n").unwrap();
    std::fs::write(root.join("latin1.md"), b"# Caf\xe9\n").unwrap();
    std::fs::write(root.join("binary.md"), b"\x00\x01\x02PNG").unwrap();
    medlint()
        .current_dir(root)
        .args(["binary.md", "latin1.md", "missing.md", "good.md", "--format", "concise"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: latin1.md: is not valid UTF-8 (invalid byte at offset 5)",
        ))
        .stderr(predicate::str::contains("error: binary.md: looks like a binary file"))
        .stderr(predicate::str::contains("error: missing.md: no such file or directory"))
        .stdout(predicate::str::contains("good.md:3:1: error[empty-section]"))
        .stdout(predicate::str::contains("1 file checked"));
}

#[test]
fn today_comes_from_the_flag_or_the_environment_and_is_validated() {
    Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("MEDLINT_TODAY", "26/11/2026")
        .arg("fixtures/articles")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("MEDLINT_TODAY must be a date as YYYY-MM-DD"));
    Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["fixtures/articles", "--today", "tomorrow"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--today must be a date as YYYY-MM-DD, got \"tomorrow\"",
        ));
}

#[test]
fn bad_arguments_are_usage_errors() {
    medlint().args(["--format", "xml"]).assert().code(2);
    medlint().args(["--jobs", "0", "fixtures"]).assert().code(2);
}

#[test]
fn rules_lists_every_rule_as_text_and_json() {
    let output = Command::cargo_bin("medlint")
        .unwrap()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let rules: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let names: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let config = medlint::config::Config::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let registry: Vec<&str> = config.rules.rules().iter().map(|r| r.name).collect();
    assert_eq!(names, registry);
    let table = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "empty-table")
        .unwrap();
    assert_eq!(table["category"], "tables");
    assert_eq!(table["default_severity"], "error");
    assert!(table["docs"].as_str().unwrap().contains("## Example"));
    Command::cargo_bin("medlint")
        .unwrap()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("empty-table-cell"));
}

#[test]
fn explain_prints_docs_or_suggests_a_name() {
    Command::cargo_bin("medlint")
        .unwrap()
        .args(["explain", "empty-section"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# empty-section\n"))
        .stdout(predicate::str::contains("Use instead:"));
    Command::cargo_bin("medlint")
        .unwrap()
        .args(["explain", "empty-tabel"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"empty-table\"?"));
}

#[test]
fn the_whole_fixture_tree_lints_without_errors_reading_it() {
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").is_dir());
    medlint()
        .args(["fixtures", "--quiet", "--format", "concise"])
        .assert()
        .code(1)
        .stderr("");
}

#[test]
fn seed_like_article_reports_self_review_and_no_date_errors() {
    let json = json_of(&["fixtures/articles/laser-resurfacing-guide.md", "--select", "review"]);
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["self-review"]);
    let finding = &json["diagnostics"][0];
    assert_eq!(finding["message"], "\"Dana Whitfield\" reviewed an article they wrote");
    assert_eq!(finding["labels"][0]["message"], "named as the author here");
    assert_eq!(finding["labels"][0]["line"], 3);
}

/// `lastupdate`, a common CMS key, is the update date without a mapping.
#[test]
fn lastupdate_is_read_as_the_update_date() {
    let page = "---\ntitle: Appointments\nlastupdate: 2018-10-6\n---\n\n# Appointments\n\nCall to book.\n";
    let output = medlint()
        .args(["-", "--select", "invalid-date", "--format", "concise", "--quiet"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "<stdin>:3:13: error[invalid-date] update date \"2018-10-6\" is not a valid ISO date (YYYY-MM-DD, two-digit month and day)\n"
    );
}

#[test]
fn front_matter_keys_can_be_mapped_from_the_command_line() {
    let page = "---\ntitle: Appointments\nrevised: 2018-10-6\n---\n\n# Appointments\n\nCall to book.\n";
    let run = |extra: &[&str]| {
        let output = medlint()
            .args([
                "-",
                "--select",
                "invalid-date,stale-review",
                "--format",
                "concise",
                "--quiet",
            ])
            .args(extra)
            .write_stdin(page)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(run(&[]), "");
    assert_eq!(
        run(&["--front-matter-key", "revised=updated"]),
        "<stdin>:3:10: error[invalid-date] update date \"2018-10-6\" is not a valid ISO date (YYYY-MM-DD, two-digit month and day)\n"
    );
    let stale = page.replace("2018-10-6", "2018-10-06");
    let output = medlint()
        .args(["-", "--select", "stale-review", "--format", "concise", "--quiet"])
        .args(["--front-matter-key", "revised=reviewed_on"])
        .write_stdin(stale)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "<stdin>:3:10: error[stale-review] review from 2018-10-06 expired on 2020-10-06 (max age 24 months)\n"
    );
    medlint()
        .args(["fixtures", "--front-matter-key", "revised=freshness"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field \"freshness\""));
}

#[test]
fn select_and_ignore_take_rules_and_categories() {
    let rules_in = |args: &[&str]| -> Vec<String> {
        let json = json_of(&[&["fixtures/articles"], args].concat());
        let mut rules: Vec<String> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        rules.sort();
        rules.dedup();
        rules
    };
    assert_eq!(rules_in(&["--select", "tables"]), ["empty-table", "empty-table-cell"]);
    assert_eq!(
        rules_in(&["--select", "tables", "--ignore", "empty-table-cell"]),
        ["empty-table"]
    );
    assert!(
        !rules_in(&["--ignore", "structure,review"])
            .iter()
            .any(|r| r.contains("section"))
    );
    medlint()
        .args(["fixtures", "--select", "empty-tabel"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule or category \"empty-tabel\"; did you mean \"empty-table\"?",
        ));
}

#[test]
fn many_files_stream_in_order_across_chunks() {
    // More files than one parallel chunk holds: output must stay sorted.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1100 {
        std::fs::write(dir.path().join(format!("{i:04}.md")), "# T\n\n## Empty\n").unwrap();
    }
    let output = medlint()
        .current_dir(dir.path())
        .args([".", "--select", "empty-section", "--format", "concise", "--jobs", "3"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let paths: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|p| p.ends_with(".md"))
        .collect();
    assert_eq!(paths.len(), 1100);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert!(text.ends_with("1100 files checked: 1100 errors, 0 warnings\n"));
    assert_eq!(output.status.code(), Some(1));
}

/// A directory with `files` (name, text) in it.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = medlint()
        .current_dir(dir)
        .args(["--no-config"])
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const EMPTY_SECTION: &str = "# T\n\n## Empty\n";

#[test]
fn github_annotations_name_paths_as_github_attaches_them() {
    let dir = project(&[("article.md", EMPTY_SECTION), ("sub/b.md", EMPTY_SECTION)]);
    let (_, out, _) = run_in(dir.path(), &[".", "--format", "github", "--select", "empty-section"]);
    assert!(out.starts_with("::error file=article.md,line=3,"), "{out}");
    assert!(out.contains("::error file=sub/b.md,line=3,"), "{out}");
    let absolute = dir.path().join("article.md");
    let (_, out, _) = run_in(
        dir.path(),
        &[
            absolute.to_str().unwrap(),
            "--format",
            "github",
            "--select",
            "empty-section",
        ],
    );
    assert!(out.starts_with("::error file=article.md,"), "{out}");
}

#[test]
fn junit_fails_what_the_exit_code_fails() {
    let warning_only = "# T\n\n| A | B |\n| --- | --- |\n| x | 1 |\n| y | |\n";
    let dir = project(&[("w.md", warning_only)]);
    for (fail_on, failures) in [("never", 0), ("error", 0), ("warning", 1)] {
        let (_, out, _) = run_in(
            dir.path(),
            &[
                "w.md",
                "--format",
                "junit",
                "--select",
                "empty-table-cell",
                "--fail-on",
                fail_on,
            ],
        );
        assert_eq!(out.matches("<failure ").count(), failures, "{fail_on}: {out}");
        assert!(out.contains(&format!("failures=\"{failures}\"")), "{fail_on}: {out}");
        let in_output = out.contains("<system-out>w.md:6:2: warning[empty-table-cell]");
        assert_eq!(in_output, failures == 0, "{fail_on}: {out}");
    }
}

#[test]
fn gitlab_fingerprints_do_not_change_from_day_to_day() {
    let article = "---\nreviewed_by: Ana Ruiz, MD\nreviewed_on: 2025-01-01\n---\n# T\n";
    let dir = project(&[("a.md", article)]);
    let fingerprints = |today: &str| {
        let output = Command::cargo_bin("medlint")
            .unwrap()
            .current_dir(dir.path())
            .args([
                "a.md",
                "--no-config",
                "--format",
                "gitlab",
                "--select",
                "review-due-soon",
                "--today",
                today,
            ])
            .output()
            .unwrap();
        let issues: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let issues = issues.as_array().unwrap().clone();
        assert_eq!(issues.len(), 1, "{today}: {issues:?}");
        (issues[0]["description"].clone(), issues[0]["fingerprint"].clone())
    };
    let (message_a, fingerprint_a) = fingerprints("2026-11-20");
    let (message_b, fingerprint_b) = fingerprints("2026-11-21");
    assert_ne!(message_a, message_b, "the message says how many days are left");
    assert_eq!(fingerprint_a, fingerprint_b);
}

#[test]
fn statistics_only_in_formats_that_can_hold_them() {
    let dir = project(&[("a.md", EMPTY_SECTION)]);
    for format in ["sarif", "github", "junit", "gitlab"] {
        let (code, out, err) = run_in(dir.path(), &["a.md", "--statistics", "--format", format]);
        assert_eq!((code, out.as_str()), (Some(2), ""), "{format}");
        assert!(err.contains(&format!("it has no {format} form")), "{format}: {err}");
    }
    for format in ["human", "concise", "json"] {
        let (code, _, _) = run_in(dir.path(), &["a.md", "--statistics", "--format", format]);
        assert_eq!(code, Some(1), "{format}");
    }
}

#[test]
fn finding_no_article_is_not_a_pass() {
    let dir = project(&[("notes.txt", "not an article"), ("empty/.keep", "")]);
    let (code, out, err) = run_in(dir.path(), &["."]);
    assert_eq!(code, Some(2), "{out}");
    assert_eq!(err, "warning: no articles found in .\n");
    let (code, _, err) = run_in(dir.path(), &["empty", "--allow-empty"]);
    assert_eq!((code, err.as_str()), (Some(0), "warning: no articles found in empty\n"));
    let config = project(&[("medlint.toml", "allow-empty = true\n")]);
    let output = medlint().current_dir(config.path()).arg(".").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    // A file that could not be read is never "no problems found".
    let (code, out, _) = run_in(dir.path(), &["missing.md"]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "0 files checked, 1 could not be read: 0 errors, 0 warnings\n");
}

#[test]
fn stdin_filename_alone_reads_standard_input() {
    let dir = project(&[("other.md", EMPTY_SECTION)]);
    let output = medlint()
        .current_dir(dir.path())
        .args([
            "--no-config",
            "--stdin-filename",
            "x.md",
            "--format",
            "concise",
            "--select",
            "empty-section",
        ])
        .write_stdin("# From stdin\n\n## Hollow\n")
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        out,
        "x.md:3:1: error[empty-section] section \"Hollow\" is empty\n1 file checked: 1 error, 0 warnings\n"
    );
}

#[test]
fn excludes_match_as_users_write_them() {
    let dir = project(&[
        ("content/drafts/a.md", EMPTY_SECTION),
        ("content/live/b.md", EMPTY_SECTION),
        ("README.md", EMPTY_SECTION),
        ("docs/CHANGELOG.md", EMPTY_SECTION),
        ("LICENSE.md", EMPTY_SECTION),
    ]);
    let concise = ["--format", "concise", "--select", "empty-section", "--quiet"];
    let (_, out, _) = run_in(dir.path(), &[&["."][..], &concise].concat());
    assert_eq!(
        out,
        "content/drafts/a.md:3:1: error[empty-section] section \"Empty\" is empty\ncontent/live/b.md:3:1: error[empty-section] section \"Empty\" is empty\n"
    );
    let (_, out, _) = run_in(
        dir.path(),
        &[&[".", "--exclude", "content/drafts/**"][..], &concise].concat(),
    );
    assert_eq!(
        out,
        "content/live/b.md:3:1: error[empty-section] section \"Empty\" is empty\n"
    );
    // From a subdirectory, a glob with a slash is still from the working directory.
    let output = medlint()
        .current_dir(dir.path().join("content"))
        .args(["--no-config", ".", "--exclude", "drafts/**"])
        .args(concise)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "live/b.md:3:1: error[empty-section] section \"Empty\" is empty\n"
    );
    // Named files are excluded too (pre-commit names them), and said so.
    let (code, out, err) = run_in(dir.path(), &[&["README.md"][..], &concise].concat());
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(
        err.starts_with("warning: README.md: skipped: excluded by \"README.*\""),
        "{err}"
    );
    // The config's `exclude` replaces the defaults, `extend-exclude` adds, `include` chooses.
    let configured = |config: &str| {
        std::fs::write(dir.path().join("medlint.toml"), config).unwrap();
        let output = medlint()
            .current_dir(dir.path())
            .arg(".")
            .args(concise)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let all = configured("exclude = [\"drafts\"]\n");
    assert!(
        all.contains("README.md") && all.contains("LICENSE.md") && !all.contains("drafts"),
        "{all}"
    );
    let some = configured("extend-exclude = [\"content/live\"]\n");
    assert_eq!(
        some,
        "content/drafts/a.md:3:1: error[empty-section] section \"Empty\" is empty\n"
    );
    // Read by its extension: an unknown one is Markdown.
    std::fs::write(dir.path().join("notes.mdown"), EMPTY_SECTION).unwrap();
    let text = configured("include = [\"*.mdown\"]\n");
    assert_eq!(
        text,
        "notes.mdown:3:1: error[empty-section] section \"Empty\" is empty\n"
    );
}

#[test]
fn near_miss_commands_and_rule_names_get_suggestions() {
    let dir = project(&[]);
    let (code, _, err) = run_in(dir.path(), &[]);
    assert_eq!(code, Some(2), "{err}");
    let output = Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["rule", "stale-review"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("did you mean `rules`?"), "{err}");
    let explain = |name: &str| {
        let output = Command::cargo_bin("medlint")
            .unwrap()
            .args(["explain", name])
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8(output.stdout).unwrap())
    };
    let (code, out) = explain("STALE-REVIEW");
    assert_eq!(code, Some(0));
    assert!(out.starts_with("# stale-review\n"), "{out}");
    let (code, out) = explain("review");
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("category review: ") && out.contains("  stale-review ") && out.contains("  self-review "),
        "{out}"
    );
}

#[test]
fn disable_line_suppresses_its_own_line_and_unknown_directives_suppress_nothing() {
    let article = "# T\n\n## Empty <!-- medlint-disable-line empty-section -->\n\n## Also <!-- medlint-disable-lines empty-section -->\n\n## Last\n\nText.\n";
    let dir = project(&[("a.md", article)]);
    let (_, out, _) = run_in(
        dir.path(),
        &[
            "a.md",
            "--format",
            "concise",
            "--select",
            "empty-section,unused-suppression",
            "--quiet",
        ],
    );
    assert_eq!(
        out,
        "a.md:5:1: error[empty-section] section \"Also\" is empty\n\
         a.md:5:9: warning[unused-suppression] `medlint-disable-lines` is not a medlint directive; did you mean \"medlint-disable-line\"?\n"
    );
}

#[test]
fn an_unused_front_matter_suppression_points_at_the_rule_name() {
    let article = "---\ntitle: T\nmedlint: { disable: [empty-table, empty-section] }\n---\n# T\n\n## Empty\n";
    let dir = project(&[("a.md", article)]);
    let (_, out, _) = run_in(
        dir.path(),
        &[
            "a.md",
            "--format",
            "concise",
            "--select",
            "empty-section,empty-table,unused-suppression",
            "--quiet",
        ],
    );
    assert_eq!(
        out,
        "a.md:3:22: warning[unused-suppression] front matter `medlint.disable` for \"empty-table\" suppresses nothing\n"
    );
}

#[test]
fn human_reports_of_two_files_are_apart() {
    let dir = project(&[("a.md", EMPTY_SECTION), ("b.md", EMPTY_SECTION)]);
    let (_, out, _) = run_in(
        dir.path(),
        &["a.md", "b.md", "--select", "empty-section", "--color", "never"],
    );
    assert!(
        out.contains("= help: add content under this heading or remove the heading\n\nerror[empty-section]"),
        "{out}"
    );
}

#[test]
fn the_readme_sample_is_a_real_run() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let sample = readme
        .split("<!-- sample-output:start -->\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```\n<!-- sample-output:end -->").next())
        .expect("the README has a sample output block");
    let output = Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--today",
            "2026-11-24",
            "fixtures/articles/laser-resurfacing-guide.md",
        ])
        .output()
        .unwrap();
    let real = String::from_utf8(output.stdout).unwrap();
    assert!(
        sample == real,
        "README.md's sample output differs from a real run; replace it with:\n{real}"
    );
    assert!(readme.find("cargo install --path .").unwrap() < readme.find("medlint check fixtures").unwrap());
}

#[test]
fn a_plain_text_copy_renders_its_empty_table_over_the_label_lines() {
    insta::assert_snapshot!(rendered("fixtures/articles/laser-resurfacing-guide.txt"));
}

#[test]
fn directories_yield_mdx_and_html_and_plain_text_only_when_configured() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in ["a.md", "b.mdx", "c.html", "d.HTM", "notes.txt", "LICENSE.txt", "e.rst"] {
        std::fs::write(root.join(name), "# T\n").unwrap();
    }
    let files = |config: Option<&str>| -> Vec<String> {
        let mut command = Command::cargo_bin("medlint").unwrap();
        command
            .current_dir(root)
            .args(["check", ".", "--format", "json", "--today", TODAY]);
        match config {
            Some(text) => {
                std::fs::write(root.join("medlint.toml"), text).unwrap();
                command.args(["--config", "medlint.toml"]);
            }
            None => {
                command.arg("--no-config");
            }
        }
        let output = command.output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let mut paths: Vec<String> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["path"].as_str().unwrap().to_string())
            .collect();
        paths.dedup();
        paths
    };
    assert_eq!(files(None), ["a.md", "b.mdx", "c.html", "d.HTM"]);
    // LICENSE.txt stays out: the default excludes.
    assert_eq!(
        files(Some("[files]\nextensions = [\"txt\"]\n")),
        ["a.md", "b.mdx", "c.html", "d.HTM", "notes.txt"]
    );
    assert_eq!(
        files(Some("[files]\ninclude = [\"notes.*\"]\n")),
        ["a.md", "b.mdx", "c.html", "d.HTM", "notes.txt"]
    );
    // A file named on the command line is always read, by its extension.
    medlint()
        .args([
            "--no-config",
            "--select",
            "empty-table",
            "fixtures/articles/laser-resurfacing-guide.txt",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("empty-table"));
}

#[test]
fn the_reader_follows_the_stdin_filename_or_the_input_format() {
    let page = "<main><h1>T</h1><h2>Empty</h2><p hidden>x</p></main>";
    let run = |args: &[&str]| -> String {
        let output = medlint()
            .args(["--no-config", "--select", "empty-section", "--format", "concise", "-q"])
            .args(args)
            .arg("-")
            .write_stdin(page)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    // Read as HTML, the hidden paragraph is not content: "Empty" is empty.
    assert_eq!(
        run(&["--stdin-filename", "page.html"]),
        "page.html:1:17: error[empty-section] section \"Empty\" is empty\n"
    );
    // As Markdown, the page is one HTML block with no headings at all.
    assert_eq!(run(&["--stdin-filename", "page.md"]), "");
    assert_eq!(
        run(&["--stdin-filename", "page.md", "--input-format", "html"]),
        "page.md:1:17: error[empty-section] section \"Empty\" is empty\n"
    );
    medlint()
        .args(["--input-format", "rst", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'rst'"));
}

#[test]
fn a_bad_files_table_is_a_located_config_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("medlint.toml"), "[files]\nextensions = [\"*.txt\"]\n").unwrap();
    Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"*.txt\" is not a file extension"))
        .stderr(predicate::str::contains("medlint.toml:2:"));
}
