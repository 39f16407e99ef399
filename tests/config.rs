//! `medlint.toml`, `--config`, `--no-config`, `init` and inline
//! suppressions, end to end: every option changes an outcome.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// An article that is clean but for what a test adds.
const CLEAN: &str = "---
reviewed_by: \"Ana Ruiz, MD\"
reviewed_on: 2026-10-01
author: Sam Ortiz
---
# Allergies

## Key Takeaways

- Pollen peaks in spring
- Antihistamines help

## Frequently Asked Questions

### Do allergies go away?

Some children outgrow them.

## The Bottom Line

Most allergies can be managed.

## References

1. [Allergies](https://www.nhs.uk/conditions/allergies/)
";

struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new(config: &str) -> Project {
        let dir = tempfile::tempdir().unwrap();
        if !config.is_empty() {
            std::fs::write(dir.path().join("medlint.toml"), config).unwrap();
        }
        Project { dir }
    }

    fn file(&self, name: &str, text: &str) -> &Project {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `medlint check` in the project, judged on a fixed date.
    fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.args(["check", "--today", "2026-11-24"]);
        cmd
    }

    /// `medlint` in the project, with no arguments yet.
    fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("medlint").unwrap();
        cmd.current_dir(self.path())
            .env_remove("MEDLINT_TODAY")
            .env("NO_COLOR", "1");
        cmd
    }

    /// (rule, severity, line) of every finding, from JSON output.
    fn findings(&self, args: &[&str]) -> Vec<(String, String, u64)> {
        let output = self.cmd().args(args).args(["--format", "json"]).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&output.stderr)));
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_string(),
                    d["severity"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                )
            })
            .collect()
    }

    fn rules(&self, args: &[&str]) -> Vec<String> {
        self.findings(args).into_iter().map(|(rule, _, _)| rule).collect()
    }
}

/// The rules that fire on `article` (as `a.md`) under `config`.
fn rules_with(config: &str, article: &str) -> Vec<String> {
    let project = Project::new(config);
    project.file("a.md", article);
    project.rules(&["a.md"])
}

/// `rule` does not fire on the clean article with `paragraph` added under
/// a "Doses" heading, and fires under `config`.
fn fires_only_with(config: &str, paragraph: &str, rule: &str) {
    let article = CLEAN.replace(
        "## The Bottom Line",
        &format!("## Doses\n\n{paragraph}\n\n## The Bottom Line"),
    );
    let without = rules_with("", &article);
    assert!(!without.iter().any(|r| r == rule), "{without:?}");
    let with = rules_with(config, &article);
    assert!(with.iter().any(|r| r == rule), "{with:?}");
}

/// Checking the clean article under `config` is a usage error (exit 2)
/// whose message holds `expected`.
fn config_error(config: &str, expected: &str) {
    let project = Project::new(config);
    project.file("a.md", CLEAN);
    project
        .cmd()
        .arg("a.md")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(expected))
        .stderr(predicate::str::contains("medlint.toml:"));
}

fn with_empty_cell() -> String {
    CLEAN.replace(
        "## The Bottom Line",
        "## Doses\n\n| Medicine | Dose |\n| --- | --- |\n| Cetirizine | 10 mg |\n| Loratadine | |\n\n## The Bottom Line",
    )
}

#[test]
fn the_clean_article_is_clean_without_config() {
    let project = Project::new("");
    project.file("a.md", CLEAN);
    assert_eq!(project.rules(&["a.md"]), Vec::<String>::new());
}

#[test]
fn rule_severity_can_be_raised_lowered_or_turned_off() {
    let article = with_empty_cell();
    let project = Project::new("[rules]\nempty-table-cell = \"error\"\n");
    project.file("a.md", &article);
    assert_eq!(project.findings(&["a.md"])[0].1, "error");
    project.cmd().arg("a.md").assert().code(1);
    assert!(rules_with("[rules]\nempty-table-cell = \"off\"\n", &article).is_empty());
}

#[test]
fn category_severity_applies_unless_a_rule_says_otherwise() {
    let article = with_empty_cell();
    let project = Project::new("[rules]\ntables = \"info\"\n");
    project.file("a.md", &article);
    assert_eq!(project.findings(&["a.md"])[0].1, "info");
    let project = Project::new("[rules]\nempty-table-cell = \"error\"\ntables = \"off\"\n");
    project.file("a.md", &article);
    assert_eq!(project.findings(&["a.md"])[0].1, "error");
}

#[test]
fn command_line_selection_wins_over_the_file() {
    let article = with_empty_cell();
    let project = Project::new("[rules]\nempty-table-cell = \"off\"\n");
    project.file("a.md", &article);
    assert_eq!(
        project.rules(&["a.md", "--select", "empty-table-cell"]),
        ["empty-table-cell"]
    );
    let project = Project::new("[rules]\nempty-table-cell = \"error\"\n");
    project.file("a.md", &article);
    assert!(project.rules(&["a.md", "--ignore", "tables"]).is_empty());
}

#[test]
fn required_sections_and_aliases_are_configurable() {
    let article = CLEAN.replace("## Frequently Asked Questions", "## Reader Questions");
    assert_eq!(rules_with("", &article), ["missing-section"]);
    assert!(rules_with("[sections.aliases]\nfaq = [\"Reader Questions\"]\n", &article).is_empty());
    let project = Project::new(
        "[sections]\nrequired = [\"takeaways\", \"glossary\"]\n[sections.aliases]\nglossary = [\"Glossary\", \"Key Terms\"]\n",
    );
    project.file("a.md", &article);
    let output = project.cmd().args(["a.md", "--format", "concise"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("missing required section \"Glossary\""), "{text}");
    assert!(!text.contains("Frequently Asked Questions"), "{text}");
}

#[test]
fn review_max_age_and_warn_before_change_freshness() {
    let article = CLEAN.replace("2026-10-01", "2024-06-10");
    assert_eq!(rules_with("", &article), ["stale-review"]);
    assert!(rules_with("[review]\nmax-age = \"3 years\"\n", &article).is_empty());
    assert_eq!(
        rules_with(
            "[review]\nmax-age = \"36 months\"\nwarn-before = \"30 weeks\"\n",
            &article
        ),
        ["review-due-soon"]
    );
    assert_eq!(
        rules_with(
            "[review]\nmax-age = \"12 months\"\n",
            &CLEAN.replace("2026-10-01", "2025-12-15")
        ),
        ["review-due-soon"]
    );
}

#[test]
fn self_review_and_credentials_follow_the_review_policy() {
    let own = CLEAN.replace("author: Sam Ortiz", "author: Ana Ruiz");
    assert_eq!(rules_with("", &own), ["self-review"]);
    assert!(rules_with("[review]\nallow-self-review = true\n", &own).is_empty());

    let cns = CLEAN.replace("Ana Ruiz, MD", "Ana Ruiz, CNS");
    let phd = CLEAN.replace("Ana Ruiz, MD", "Ana Ruiz, PhD");
    let project = Project::new("");
    project.file("cns.md", &cns).file("phd.md", &phd);
    assert_eq!(
        project.rules(&["cns.md", "phd.md"]),
        ["reviewer-credentials", "reviewer-credentials"]
    );
    let project = Project::new("[review]\ncredentials = [\"CNS\"]\n");
    project.file("cns.md", &cns).file("phd.md", &phd);
    assert_eq!(project.rules(&["cns.md", "phd.md"]), ["reviewer-credentials"]);
    let project = Project::new("[review]\nallow-phd-mph = true\n");
    project.file("phd.md", &phd);
    assert!(project.rules(&["phd.md"]).is_empty());
}

#[test]
fn a_credential_the_config_adds_is_read_after_the_name_even_unlike_one() {
    // "Dip" is not shaped like post-nominal letters: only the config makes
    // it a credential, in the front matter and in the byline alike.
    let article = CLEAN.replace("reviewed_by: \"Ana Ruiz, MD\"\n", "").replace(
        "# Allergies\n",
        "# Allergies\n\nReviewed by Ana Ruiz, Dip on October 1, 2026\n",
    );
    assert_eq!(rules_with("", &article), ["reviewer-credentials"]);
    assert!(rules_with("[review]\ncredentials = [\"Dip\"]\n", &article).is_empty());
}

#[test]
fn front_matter_keys_are_configurable() {
    let article = CLEAN.replace("author: Sam Ortiz", "author: Sam Ortiz\nrevised: 2018-10-6");
    assert!(rules_with("", &article).is_empty());
    let project = Project::new("[front-matter]\nrevised = \"updated\"\n");
    project.file("a.md", &article);
    assert_eq!(
        project.findings(&["a.md"]),
        [("invalid-date".to_string(), "error".to_string(), 5)]
    );
}

#[test]
fn date_order_decides_how_numeric_dates_read() {
    // 01/12/2026: January 12 read month first, 1 December (after today's
    // 2026-11-24) read day first.
    let article = CLEAN.replace("author: Sam Ortiz", "author: Sam Ortiz\npublished: 01/12/2026");
    assert_eq!(rules_with("", &article), ["invalid-date"]);
    assert!(rules_with("[dates]\norder = \"mdy\"\n", &article).is_empty());
    assert_eq!(rules_with("[dates]\norder = \"dmy\"\n", &article), ["future-date"]);
}

#[test]
fn overrides_apply_to_matching_paths_only() {
    let stale = CLEAN.replace("2026-10-01", "2020-01-01");
    let project = Project::new("[[overrides]]\npaths = [\"drafts/**\"]\nrules = { stale-review = \"off\" }\n");
    project.file("drafts/a.md", &stale).file("live/b.md", &stale);
    let output = project
        .cmd()
        .args([".", "--format", "concise", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "live/b.md:3:14: error[stale-review] review from 2020-01-01 expired on 2022-01-01 (max age 24 months)\n"
    );
}

#[test]
fn config_is_found_in_a_parent_directory_or_named_or_ignored() {
    let article = with_empty_cell();
    let project = Project::new("[rules]\nempty-table-cell = \"off\"\n");
    project.file("articles/a.md", &article);
    let mut cmd = project.cmd();
    cmd.current_dir(project.path().join("articles"));
    let output = cmd.args(["a.md", "--format", "concise", "--quiet"]).output().unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "");
    assert_eq!(project.rules(&["articles/a.md", "--no-config"]), ["empty-table-cell"]);
    project.file("strict.toml", "[rules]\nempty-table-cell = \"error\"\n");
    assert_eq!(
        project.findings(&["articles/a.md", "--config", "strict.toml"])[0].1,
        "error"
    );
    // The dotted name is found too.
    let dotted = Project::new("");
    dotted
        .file(".medlint.toml", "[rules]\ntables = \"off\"\n")
        .file("a.md", &article);
    assert!(dotted.rules(&["a.md"]).is_empty());
}

#[test]
fn invalid_config_is_a_located_error_with_a_suggestion() {
    let project = Project::new("[review]\nmax-age = \"24 months\"\nallow-self-reveiw = true\n");
    project.file("a.md", CLEAN);
    let output = project.cmd().arg("a.md").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    insta::assert_snapshot!(String::from_utf8(output.stderr).unwrap());
    for (config, expected) in [
        (
            "[rules]\nempty-tabel = \"off\"\n",
            "unknown rule or category \"empty-tabel\"; did you mean \"empty-table\"?",
        ),
        (
            "[rules]\nempty-table = \"fatal\"\n",
            "invalid severity \"fatal\" for \"empty-table\"",
        ),
        (
            "[review]\nmax-age = 36\n",
            "max-age must be a duration such as \"24 months\"",
        ),
        ("[dates]\norder = \"ymd\"\n", "invalid date order \"ymd\""),
        (
            "[front-matter]\nlastupdate = \"freshness\"\n",
            "unknown front matter field \"freshness\"",
        ),
        (
            "[sections]\nrequired = [\"glossary\"]\n",
            "required section \"glossary\" has no aliases",
        ),
        (
            "[[overrides]]\nrules = { stale-review = \"off\" }\n",
            "an [[overrides]] table needs `paths`",
        ),
        (
            "[readability]\nmax-words = -3\n",
            "max-words must be a positive whole number",
        ),
        ("[reveiw]\n", "unknown key \"reveiw\"; did you mean \"review\"?"),
        ("[review\n", "invalid TOML"),
    ] {
        config_error(config, expected);
    }
    let project = Project::new("");
    project.file("a.md", CLEAN);
    project
        .cmd()
        .args(["a.md", "--config", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing.toml: cannot read config file: no such file or directory",
        ));
}

#[test]
fn init_writes_a_config_that_loads_and_refuses_to_overwrite() {
    let project = Project::new("");
    project
        .bare()
        .arg("init")
        .assert()
        .success()
        .stdout("wrote medlint.toml\n");
    let written = std::fs::read_to_string(project.path().join("medlint.toml")).unwrap();
    for key in [
        "max-age",
        "warn-before",
        "allow-self-review",
        "credentials",
        "allow-phd-mph",
        "order",
        "max-grade",
        "max-words",
        "[[overrides]]",
        "[front-matter]",
        "abbreviations",
    ] {
        assert!(written.contains(key), "init does not document {key}");
    }
    project.file("a.md", CLEAN);
    project.cmd().arg("a.md").assert().success();
    project
        .bare()
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn inline_suppressions_hide_findings_and_report_unused_ones() {
    let body = "# Allergies

<!-- medlint-disable-next-line empty-section -->
## Empty One

## Table One

<!-- medlint-disable empty-table-cell -->
| A | B |
| --- | --- |
| x | 1 |
| y | |
<!-- medlint-enable -->

## Table Two

| A | B |
| --- | --- |
| x | 1 |
| y | |

<!-- medlint-disable-next-line stale-review -->
Text.
";
    let article = format!(
        "---\nmedlint: {{ disable: [missing-section, missing-reviewer, missing-review-date, missing-references] }}\n---\n{body}"
    );
    let project = Project::new("");
    project.file("a.md", &article);
    let findings: Vec<(String, u64)> = project
        .findings(&["a.md"])
        .into_iter()
        .map(|(r, _, l)| (r, l))
        .collect();
    assert_eq!(
        findings,
        [
            ("empty-table-cell".to_string(), 23),
            ("unused-suppression".to_string(), 25)
        ]
    );
    // The whole file, from front matter.
    let whole = article.replace(
        "missing-references]",
        "missing-references, empty-table-cell, unused-suppression]",
    );
    assert!(rules_with("", &whole).is_empty());
}

#[test]
fn packs_named_in_the_config_add_rules_everywhere() {
    let pack = r#"[[rules]]
name = "no-superfoods"
kind = "existence"
category = "house-style"
severity = "error"
patterns = ['\bsuper-?foods?\b']
message = "house style avoids {match}"
help = "name the food and what it contains"
docs = """
## What it does
Reports "superfood".

## Why is this bad?
It is a marketing word, not a nutrition term.
"""

[rules.example]
fail = "Kale is a superfood."
pass = "Kale is rich in vitamin K."
"#;
    let article = CLEAN.replace(
        "Most allergies can be managed.",
        "Most allergies can be managed. Eat superfoods.",
    );
    let project = Project::new("packs = [\"house-style/*.toml\"]\n[rules]\nabsolute-claim = \"off\"\n");
    project.file("house-style/words.toml", pack).file("a.md", &article);
    assert_eq!(
        project.findings(&["a.md"]),
        [("no-superfoods".to_string(), "error".to_string(), 21)]
    );
    // Severity by its category, like a built-in rule.
    let project = Project::new("packs = [\"house-style/*.toml\"]\n[rules]\nhouse-style = \"warning\"\n");
    project.file("house-style/words.toml", pack).file("a.md", &article);
    assert_eq!(project.findings(&["a.md"])[0].1, "warning");
    // Listed, explained and described in SARIF.
    project
        .bare()
        .args(["rules"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no-superfoods"));
    project
        .bare()
        .args(["explain", "no-superfoods"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Use instead:\n```markdown\nKale is rich in vitamin K.\n```",
        ));
    let output = project.cmd().args(["a.md", "--format", "sarif"]).output().unwrap();
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "no-superfoods"));
}

#[test]
fn a_broken_pack_is_reported_at_its_own_file_and_line() {
    let project = Project::new("packs = [\"house.toml\"]\n");
    project
        .file(
            "house.toml",
            "[[rules]]\nname = \"no-superfoods\"\nkind = \"existence\"\npatterns = ['(unclosed']\nmessage = \"avoid {match}\"\n",
        )
        .file("a.md", CLEAN);
    let output = project.cmd().arg("a.md").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("error: invalid pattern in `patterns`: error: unclosed group"),
        "{stderr}"
    );
    assert!(stderr.contains("house.toml:4:13"), "{stderr}");
    let project = Project::new("packs = [\"missing/*.toml\"]\n");
    project.file("a.md", CLEAN);
    project
        .cmd()
        .arg("a.md")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no pack file matches \"missing/*.toml\""));
}

#[test]
fn readability_thresholds_are_configurable() {
    let prose = "Patients recovering from dermatological procedures should carefully monitor inflammation, \
                 maintain consistent moisturisation, and avoid unnecessary ultraviolet exposure afterwards. "
        .repeat(8);
    let article = CLEAN.replace("Most allergies can be managed.", &prose);
    let fired = |config: &str| {
        let mut rules = rules_with(config, &article);
        rules.dedup();
        rules
    };
    assert_eq!(fired(""), ["reading-level"]);
    assert!(fired("[readability]\nmax-grade = 30\n").is_empty());
    assert_eq!(
        fired("[readability]\nmax-grade = 30\nmax-words = 10\n"),
        ["long-sentence"]
    );
}

#[test]
fn claims_cue_words_are_configurable() {
    // The same rinse after two procedures: one claim, unless the config
    // says the procedures are versions of care that differ.
    let article = CLEAN
        .replace(
            "## Key Takeaways\n\n",
            "## Key Takeaways\n\n- After an extraction, rinse with the salt-water rinse 4 times a day\n",
        )
        .replace(
            "## The Bottom Line",
            "## Rinsing\n\nAfter a filling, rinse with the salt-water rinse once a day.\n\n## The Bottom Line",
        );
    let fires = |config: &str| rules_with(config, &article).iter().any(|r| r == "inconsistent-number");
    assert!(fires(""), "without cue words the two are one claim");
    assert!(!fires(
        "[claims.variants]\nextraction = [\"extraction\"]\nfilling = [\"filling\"]\n"
    ));
    let project = Project::new("[claims.colours]\nred = [\"red\"]\n");
    project.file("a.md", &article);
    let output = project.cmd().arg("a.md").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown key \"colours\" in [claims]"));
}

#[test]
fn a_publisher_adds_its_own_dose_abbreviations() {
    fires_only_with(
        "[medication]\nabbreviations = { QHS = \"at bedtime\" }\n",
        "Take 10 mg of cetirizine QHS.",
        "unsafe-abbreviation",
    );
}

#[test]
fn an_unknown_medication_key_is_an_error() {
    config_error(
        "[medication]\nabbreviation = { QHS = \"at bedtime\" }\n",
        "unknown key \"abbreviation\" in [medication]",
    );
}

#[test]
fn a_publisher_sets_how_old_a_cited_source_may_be() {
    fires_only_with(
        "[medication]\nreference-max-age = \"5 years\"\n",
        "A [trial (Okafor et al., 2019)](https://example.org/t) set the dose.",
        "stale-reference",
    );
    config_error(
        "[medication]\nreference-max-age = \"ten years\"\n",
        "reference-max-age must be a duration such as \"10 years\"",
    );
}
