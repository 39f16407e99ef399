//! Every output format on the same multi-rule articles, snapshot-tested;
//! SARIF checked by the real validator; hostile article text kept inside
//! each format.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

const ARTICLES: &[&str] = &[
    "fixtures/articles/laser-resurfacing-guide.md",
    "fixtures/articles/sleep-hygiene-draft.md",
    "fixtures/articles/sunscreen-basics.md",
];

fn run(format: &str, extra: &[&str]) -> Output {
    Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("MEDLINT_TODAY")
        .args([
            "check",
            "--today",
            "2026-11-24",
            "--no-config",
            "--color",
            "never",
            "--format",
            format,
        ])
        .args(extra)
        .output()
        .unwrap()
}

fn stdout(format: &str, paths: &[&str]) -> String {
    let output = run(format, paths);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn concise() {
    insta::assert_snapshot!(stdout("concise", ARTICLES));
}

#[test]
fn github() {
    insta::assert_snapshot!(stdout("github", ARTICLES));
}

#[test]
fn junit() {
    let xml = stdout("junit", ARTICLES);
    // The clean article is a passing case; the others fail with every finding.
    assert!(xml.contains("<testcase name=\"fixtures/articles/sunscreen-basics.md\" classname=\"medlint\"/>"));
    insta::assert_snapshot!(xml);
}

#[test]
fn json() {
    let text = stdout("json", ARTICLES);
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["summary"]["files"], 3);
    let count = report["diagnostics"].as_array().unwrap().len() as u64;
    let summary = &report["summary"];
    assert_eq!(
        count,
        ["errors", "warnings", "infos"]
            .iter()
            .map(|k| summary[k].as_u64().unwrap())
            .sum::<u64>()
    );
    insta::assert_snapshot!(text);
}

#[test]
fn gitlab() {
    let text = stdout("gitlab", ARTICLES);
    let issues: serde_json::Value = serde_json::from_str(&text).unwrap();
    let fingerprints: Vec<&str> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    let mut unique = fingerprints.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), fingerprints.len(), "fingerprints are unique");
    insta::assert_snapshot!(text);
}

#[test]
fn gitlab_fingerprints_survive_lines_moving() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string("fixtures/articles/sleep-hygiene-draft.md").unwrap();
    let shifted = article.replacen("# Sleep", "\n\n\n# Sleep", 1);
    let fingerprints = |text: &str| {
        let path = dir.path().join("a.md");
        std::fs::write(&path, text).unwrap();
        let output = run("gitlab", &[path.to_str().unwrap()]);
        let issues: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        issues
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["fingerprint"].as_str().unwrap().to_string(),
                    i["location"]["lines"]["begin"].as_u64(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = fingerprints(&article);
    let after = fingerprints(&shifted);
    assert_eq!(before.len(), after.len());
    let mut moved = 0;
    for ((fa, la), (fb, lb)) in before.iter().zip(&after) {
        assert_eq!(fa, fb);
        moved += usize::from(la != lb);
    }
    assert!(moved >= 5, "the body's findings moved down three lines");
}

#[test]
fn sarif() {
    let text = stdout("sarif", ARTICLES);
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let config = medlint::config::Config::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(rules.len(), config.rules.rules().len());
    let empty_table = rules.iter().find(|r| r["id"] == "empty-table").unwrap();
    assert_eq!(empty_table["name"], "EmptyTable");
    assert!(
        empty_table["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("## Why is this bad?")
    );
    assert_eq!(empty_table["defaultConfiguration"]["level"], "error");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let self_review = results.iter().find(|r| r["ruleId"] == "self-review").unwrap();
    assert_eq!(self_review["level"], "warning");
    assert_eq!(
        self_review["relatedLocations"][0]["message"]["text"],
        "named as the author here"
    );
    assert_eq!(
        self_review["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    insta::assert_snapshot!(text);
}

/// Finds the SARIF validator (`@microsoft/sarif-multitool`), which `.ci/run`
/// installs under `.ci/tools`.
fn sarif_validator() -> Option<std::path::PathBuf> {
    if let Ok(path) = std::env::var("MEDLINT_SARIF_MULTITOOL") {
        return Some(path.into());
    }
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/tools/node_modules/.bin/sarif-multitool");
    local.is_file().then_some(local)
}

/// Needs Microsoft's SARIF validator, so it is ignored by a plain `cargo
/// test` (which lists it as ignored, not passed); `.ci/run` installs the
/// validator and runs it with `--include-ignored`. Run without the
/// validator, it fails.
#[test]
#[ignore = "needs @microsoft/sarif-multitool; .ci/run installs it and runs this test"]
fn sarif_validates_against_the_schema() {
    let validator = sarif_validator().expect(
        "@microsoft/sarif-multitool is not installed: run `npm install --prefix .ci/tools @microsoft/sarif-multitool@5.7.0`",
    );
    let dir = tempfile::tempdir().unwrap();
    for (name, paths) in [
        ("articles", ARTICLES),
        ("hostile", &["fixtures/formats/hostile.md"][..]),
    ] {
        let sarif = dir.path().join(format!("{name}.sarif"));
        let log = run("sarif", paths).stdout;
        if name == "articles" {
            // The fixes are validated too.
            let parsed: serde_json::Value = serde_json::from_slice(&log).unwrap();
            let results = parsed["runs"][0]["results"].as_array().unwrap();
            assert!(results.iter().any(|r| r["fixes"].is_array()), "no result carries a fix");
        }
        std::fs::write(&sarif, log).unwrap();
        let report = dir.path().join(format!("{name}.validation.sarif"));
        let status = std::process::Command::new(&validator)
            .arg("validate")
            .arg(&sarif)
            .arg("--output")
            .arg(&report)
            .output()
            .unwrap();
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stdout));
        // The validator exits 0 whatever it finds; read its own report.
        let validation: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let errors: Vec<&serde_json::Value> = validation["runs"][0]["results"]
            .as_array()
            .map(|r| r.iter().filter(|r| r["level"] == "error").collect())
            .unwrap_or_default();
        assert!(errors.is_empty(), "{name}: SARIF is invalid: {errors:#?}");
    }
}

#[test]
fn hostile_text_cannot_inject_a_github_command() {
    let text = stdout("github", &["fixtures/formats/hostile.md"]);
    for line in text.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice "),
            "{line}"
        );
        // Exactly one `::` separates properties from the message.
        let (properties, message) = line[2..].split_once("::").expect("a message");
        assert!(!properties.contains("::"));
        assert!(!message.contains('\n') && !message.contains('\r'));
        assert!(!message.contains("%0A::") || message.contains("%250A"), "{line}");
    }
    assert_eq!(text.lines().count(), 5);
    // The heading's `%25` arrives as `%2525`, so the runner shows it verbatim.
    assert!(
        text.contains("section \"Empty ::warning file=evil.md::gotcha%2525\" is empty"),
        "{text}"
    );
    // A title with `:` and `,` in the table name stays one property.
    assert!(text.contains("title=medlint empty-table-cell::row"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn hostile_text_stays_inside_json_xml_and_sarif() {
    for format in ["json", "sarif", "gitlab"] {
        let text = stdout(format, &["fixtures/formats/hostile.md"]);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert!(value.to_string().contains("gotcha%25"), "{format}");
    }
    let xml = stdout("junit", &["fixtures/formats/hostile.md"]);
    assert!(!xml.contains("<script>") && !xml.contains("<b>"), "{xml}");
    assert_eq!(xml.matches("<testcase ").count(), 1);
    assert!(xml.trim_end().ends_with("</testsuites>"));
}

#[test]
fn human_output_shows_control_characters_harmlessly() {
    let output = run("human", &["fixtures/formats/control-chars.md"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    assert!(text.contains('\u{241b}'), "escape shown as a visible symbol: {text}");
}

#[test]
fn statistics_count_findings_per_rule() {
    let text = stdout("concise", &["fixtures/articles", "--statistics"]);
    insta::assert_snapshot!(text);
    let json: serde_json::Value =
        serde_json::from_str(&stdout("json", &["fixtures/articles", "--statistics"])).unwrap();
    let first = &json[0];
    assert_eq!(first["rule"], "empty-section");
    // The Markdown and HTML copies of the laser article, and the draft.
    assert_eq!(first["count"], 3);
}

#[test]
fn exit_codes_follow_fail_on_in_every_format() {
    for format in ["human", "concise", "json", "sarif", "github", "junit", "gitlab"] {
        assert_eq!(run(format, ARTICLES).status.code(), Some(1), "{format}");
        assert_eq!(run(format, &[ARTICLES[2]]).status.code(), Some(0), "{format}");
        assert_eq!(
            run(format, &[ARTICLES[0], "--fail-on", "never"]).status.code(),
            Some(0),
            "{format}"
        );
        assert_eq!(
            run(format, &[ARTICLES[0], "--select", "review", "--fail-on", "warning"])
                .status
                .code(),
            Some(1),
            "{format}"
        );
        assert_eq!(
            run(format, &[ARTICLES[0], "--select", "review"]).status.code(),
            Some(0),
            "{format}"
        );
    }
}

#[test]
fn completions_are_generated_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_medlint()"),
        ("zsh", "#compdef medlint"),
        ("fish", "complete -c medlint"),
    ] {
        let output = Command::cargo_bin("medlint")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains(marker), "{shell}");
        assert!(text.contains("fail-on"), "{shell}");
    }
}

#[test]
fn a_byte_order_mark_is_neither_shown_nor_counted_as_a_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.md");
    std::fs::write(&path, "\u{feff}# Pain Relief\r\n\r\nRest.\r\n").unwrap();
    let output = run("human", &["--select", "missing-references", path.to_str().unwrap()]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("bom.md:1:1\n"), "{text}");
    assert!(!text.contains('\u{feff}'), "{text:?}");
    assert!(text.contains("1 | # Pain Relief\n"), "{text}");
}
