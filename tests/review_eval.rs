//! The review evaluation set: `fixtures/review-eval/NN-*.md` are whole
//! articles with review defects planted in their bylines and front matter;
//! each `NN-*.toml` sidecar gives the day to judge on (`today`) and every
//! expected finding (`[[expect]]`: rule, line, the offending text on that
//! line, and why). Clean articles have no `[[expect]]`.
//!
//! Each article is linted with the review rules only. A finding matches an
//! expectation when rule and line agree and the finding's span covers part
//! of the expected text. The test prints found, missed and false findings
//! per rule, and fails on any miss or any false finding.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use medlint::diagnostic::Diagnostic;
use medlint::line_index::LineIndex;
use medlint::{Options, RuleSet};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    today: String,
    #[serde(default)]
    expect: Vec<Expected>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Expected {
    rule: String,
    line: usize,
    value: String,
    why: String,
}

/// Found, missed and false findings of one rule.
#[derive(Default)]
struct Tally {
    found: usize,
    missed: usize,
    false_findings: usize,
}

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/review-eval");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    paths
}

fn review_rules() -> RuleSet {
    let mut rules = RuleSet::new();
    rules
        .select(&["review".to_string()], &[])
        .expect("the review category exists");
    rules
}

/// The source range of `value` on 1-based `line`; the sidecar is wrong if
/// the text is not there.
fn value_span(source: &str, index: &LineIndex, expected: &Expected, path: &Path) -> std::ops::Range<usize> {
    let range = index.line_range(expected.line - 1);
    let at = source[range.clone()].find(&expected.value).unwrap_or_else(|| {
        panic!(
            "{}: line {} does not hold {:?}",
            path.display(),
            expected.line,
            expected.value
        )
    });
    range.start + at..range.start + at + expected.value.len()
}

fn matches(diagnostic: &Diagnostic, expected: &Expected, value: &std::ops::Range<usize>, index: &LineIndex) -> bool {
    diagnostic.rule == expected.rule
        && index.position(diagnostic.span.start).line == expected.line
        && diagnostic.span.start < value.end
        && value.start < diagnostic.span.end
}

#[test]
fn every_planted_review_defect_is_found_and_clean_articles_stay_clean() {
    let paths = articles();
    assert!(
        paths.len() >= 40,
        "the evaluation set shrank to {} articles",
        paths.len()
    );
    let rules = review_rules();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut problems = Vec::new();
    let (mut clean, mut clean_and_silent) = (0, 0);
    for path in &paths {
        let source = std::fs::read_to_string(path).unwrap();
        let sidecar_path = path.with_extension("toml");
        let sidecar: Sidecar = toml::from_str(&std::fs::read_to_string(&sidecar_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", sidecar_path.display()));
        let today = NaiveDate::parse_from_str(&sidecar.today, "%Y-%m-%d").expect("today is YYYY-MM-DD");
        let index = LineIndex::new(&source);
        let mut diagnostics = medlint::lint(&source, "article.md", &Options::new(today), &rules);
        let name = path.file_name().unwrap().to_string_lossy();
        for expected in &sidecar.expect {
            let value = value_span(&source, &index, expected, path);
            let tally = tallies.entry(expected.rule.clone()).or_default();
            match diagnostics.iter().position(|d| matches(d, expected, &value, &index)) {
                Some(at) => {
                    diagnostics.remove(at);
                    tally.found += 1;
                }
                None => {
                    tally.missed += 1;
                    problems.push(format!(
                        "{name}:{}: missed {} ({})",
                        expected.line, expected.rule, expected.why
                    ));
                }
            }
        }
        if sidecar.expect.is_empty() {
            clean += 1;
            clean_and_silent += usize::from(diagnostics.is_empty());
        }
        for extra in diagnostics {
            tallies.entry(extra.rule.to_string()).or_default().false_findings += 1;
            problems.push(format!(
                "{name}:{}: false {}: {}",
                index.position(extra.span.start).line,
                extra.rule,
                extra.message
            ));
        }
    }
    println!("review rules on {} articles ({clean} clean):", paths.len());
    println!("  {:<22} {:>5} {:>6} {:>5}", "rule", "found", "missed", "false");
    for (rule, tally) in &tallies {
        println!(
            "  {rule:<22} {:>5} {:>6} {:>5}",
            tally.found, tally.missed, tally.false_findings
        );
    }
    println!("  clean articles with no review finding: {clean_and_silent}/{clean}");
    for problem in &problems {
        println!("  {problem}");
    }
    assert!(
        problems.is_empty(),
        "{} problems in the review evaluation",
        problems.len()
    );
}
