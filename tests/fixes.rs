//! Fixes: the exact bytes each safe and unsafe fix writes, through the one
//! fix model the language server and `check --fix` share.

use medlint::article::InputFormat;
use medlint::fix::{Applicability, Fix, apply, fixes};
use medlint::{Options, RuleSet, lint};

fn options() -> Options {
    Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

/// The rule's own fixes (not "disable for this line") for `rule` in `source`.
fn own_fixes(source: &str, rule: &str) -> Vec<Fix> {
    lint(source, "a.md", &options(), &RuleSet::new())
        .iter()
        .filter(|d| d.rule == rule)
        .flat_map(|d| fixes(source, InputFormat::Markdown, d))
        .filter(|f| !f.title.starts_with("Disable "))
        .collect()
}

/// `source` with the single own fix of `rule` applied, and its applicability.
fn fix_one(source: &str, rule: &str) -> (String, Applicability) {
    let found = own_fixes(source, rule);
    assert_eq!(found.len(), 1, "one fix for {rule} in {source:?}: {found:#?}");
    (apply(source, &found[0].edits), found[0].applicability)
}

#[test]
fn a_trailing_zero_is_dropped_safely() {
    let (after, applicability) = fix_one("# T\n\nThe usual dose is 5.0 mg a day.\n", "dose-notation");
    assert_eq!(after, "# T\n\nThe usual dose is 5 mg a day.\n");
    assert_eq!(applicability, Applicability::Safe);
}

#[test]
fn a_naked_decimal_gets_its_zero_safely() {
    let (after, applicability) = fix_one("# T\n\nOlder adults take .5 mg at night.\n", "dose-notation");
    assert_eq!(after, "# T\n\nOlder adults take 0.5 mg at night.\n");
    assert_eq!(applicability, Applicability::Safe);
}

#[test]
fn exact_abbreviations_are_written_out_safely() {
    for (before, after) in [
        ("Give 250 µg of the drug.", "Give 250 mcg of the drug."),
        ("Inject 5 cc of saline.", "Inject 5 mL of saline."),
        ("Take 10 mg QD with food.", "Take 10 mg daily with food."),
        ("Take 10 mg QOD with food.", "Take 10 mg every other day with food."),
    ] {
        let source = format!("# T\n\n{before}\n");
        let (fixed, applicability) = fix_one(&source, "unsafe-abbreviation");
        assert_eq!(fixed, format!("# T\n\n{after}\n"), "{before}");
        assert_eq!(applicability, Applicability::Safe, "{before}");
    }
}

#[test]
fn a_dotted_form_ending_a_sentence_keeps_the_full_stop() {
    let (after, _) = fix_one("# T\n\nTake 10 mg q.d.\n", "unsafe-abbreviation");
    assert_eq!(after, "# T\n\nTake 10 mg daily.\n");
}

#[test]
fn units_are_an_unsafe_fix() {
    for (before, after) in [
        ("Take 1,000 IU of vitamin D.", "Take 1,000 units of vitamin D."),
        ("Inject 10 U of insulin.", "Inject 10 units of insulin."),
    ] {
        let source = format!("# T\n\n{before}\n");
        let (fixed, applicability) = fix_one(&source, "unsafe-abbreviation");
        assert_eq!(fixed, format!("# T\n\n{after}\n"), "{before}");
        assert_eq!(applicability, Applicability::Unsafe, "{before}");
    }
}

#[test]
fn fixed_text_relints_without_the_finding() {
    let source = "# T\n\nTake .5 mg QD, or 250 µg.\n";
    let mut text = source.to_string();
    for rule in ["dose-notation", "unsafe-abbreviation"] {
        let edits: Vec<_> = own_fixes(&text, rule).into_iter().flat_map(|f| f.edits).collect();
        text = apply(&text, &edits);
    }
    assert_eq!(text, "# T\n\nTake 0.5 mg daily, or 250 mcg.\n");
    assert!(own_fixes(&text, "dose-notation").is_empty());
    assert!(own_fixes(&text, "unsafe-abbreviation").is_empty());
}
