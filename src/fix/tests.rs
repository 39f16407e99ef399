use super::*;
use crate::{Options, RuleSet, lint};

fn options() -> Options {
    Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

/// The text after applying the fix titled `title` offered for a finding
/// of `rule` in `source`.
fn fixed(source: &str, path: &str, rule: &str, title: &str) -> String {
    let format = InputFormat::from_path(path).unwrap_or(InputFormat::Markdown);
    let diagnostics = lint(source, path, &options(), &RuleSet::new());
    let fix = diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .flat_map(|d| fixes(source, format, d))
        .find(|f| f.title == title)
        .unwrap_or_else(|| panic!("no fix titled {title} for {rule} in {diagnostics:#?}"));
    apply(source, &fix.edits)
}

fn findings(source: &str, path: &str, rule: &str) -> usize {
    lint(source, path, &options(), &RuleSet::new())
        .iter()
        .filter(|d| d.rule == rule)
        .count()
}

#[test]
fn an_unused_suppression_on_its_own_line_goes_with_its_line() {
    let source = "# Title\n\nSome text.\n\n<!-- medlint-disable-next-line empty-table -->\nMore text.\n";
    let after = fixed(source, "a.md", "unused-suppression", "Remove the suppression");
    assert_eq!(after, "# Title\n\nSome text.\n\nMore text.\n");
    assert_eq!(findings(&after, "a.md", "unused-suppression"), 0);
}

#[test]
fn an_unused_suppression_sharing_a_line_leaves_the_text() {
    let source = "# Title\n\nSome text. <!-- medlint-disable-line empty-table -->\n";
    let after = fixed(source, "a.md", "unused-suppression", "Remove the suppression");
    assert_eq!(after, "# Title\n\nSome text.\n");
}

#[test]
fn one_unused_rule_of_several_is_removed_alone() {
    let source =
        "# Title\n\n<!-- medlint-disable-next-line empty-table, empty-section -->\n## Empty\n\n## Next\n\nText.\n";
    let after = fixed(
        source,
        "a.md",
        "unused-suppression",
        "Remove \"empty-table\" from the suppression",
    );
    assert_eq!(
        after,
        "# Title\n\n<!-- medlint-disable-next-line empty-section -->\n## Empty\n\n## Next\n\nText.\n"
    );
    assert_eq!(findings(&after, "a.md", "unused-suppression"), 0);
}

#[test]
fn an_mdx_suppression_is_removed_in_its_own_form() {
    let source = "# Title\n\n{/* medlint-disable-next-line empty-table */}\nText.\n";
    let after = fixed(source, "a.mdx", "unused-suppression", "Remove the suppression");
    assert_eq!(after, "# Title\n\nText.\n");
}

#[test]
fn an_empty_heading_is_removed_with_the_blank_lines_after_it() {
    let source = "# Title\n\n## Empty\n\n## Next\n\nText.\n";
    let after = fixed(source, "a.md", "empty-section", "Remove the empty heading");
    assert_eq!(after, "# Title\n\n## Next\n\nText.\n");
    assert_eq!(findings(&after, "a.md", "empty-section"), 0);
}

#[test]
fn disabling_for_a_line_inserts_a_comment_above_it() {
    let source = "# Title\n\n## Empty\n\n## Next\n\nText.\n";
    let after = fixed(source, "a.md", "empty-section", "Disable empty-section for this line");
    assert_eq!(
        after,
        "# Title\n\n<!-- medlint-disable-next-line empty-section -->\n## Empty\n\n## Next\n\nText.\n"
    );
    assert_eq!(findings(&after, "a.md", "empty-section"), 0);
    assert_eq!(findings(&after, "a.md", "unused-suppression"), 0);
}

#[test]
fn disabling_in_mdx_uses_an_expression_comment() {
    let source = "# Title\n\n## Empty\n\n## Next\n\nText.\n";
    let after = fixed(source, "a.mdx", "empty-section", "Disable empty-section for this line");
    assert!(after.contains("{/* medlint-disable-next-line empty-section */}\n## Empty\n"));
    assert_eq!(findings(&after, "a.mdx", "empty-section"), 0);
}

#[test]
fn edits_apply_in_any_order() {
    let edits = [
        Edit {
            range: 4..5,
            replacement: "E".into(),
        },
        Edit {
            range: 0..1,
            replacement: "A".into(),
        },
        Edit {
            range: 2..2,
            replacement: "+".into(),
        },
    ];
    assert_eq!(apply("abcdef", &edits), "Ab+cdEf");
}

const NO_SECTIONS: &str = "# Treating Mild Acne\n\nWritten by Ana Ruiz, MD\n\n## Options\n\nWash gently.\n\n## The Bottom Line\n\nMost acne improves.\n";

#[test]
fn a_missing_takeaways_section_goes_after_the_title_and_byline() {
    let after = fixed(NO_SECTIONS, "a.md", "missing-section", "Add the Key Takeaways section");
    assert_eq!(
        after,
        NO_SECTIONS.replace(
            "## Options\n",
            "## Key Takeaways\n\nTODO: write this section.\n\n## Options\n"
        )
    );
    let messages: Vec<String> = lint(&after, "a.md", &options(), &RuleSet::new())
        .into_iter()
        .filter(|d| d.rule == "missing-section")
        .map(|d| d.message)
        .collect();
    assert!(!messages.iter().any(|m| m.contains("Key Takeaways")), "{messages:?}");
}

#[test]
fn a_missing_faq_goes_before_the_bottom_line() {
    let after = fixed(
        NO_SECTIONS,
        "a.md",
        "missing-section",
        "Add the Frequently Asked Questions section",
    );
    assert_eq!(
        after,
        NO_SECTIONS.replace(
            "## The Bottom Line\n",
            "## Frequently Asked Questions\n\nTODO: write this section.\n\n## The Bottom Line\n"
        )
    );
}

#[test]
fn a_missing_bottom_line_goes_last() {
    let source = "# Treating Mild Acne\n\n## Options\n\nWash gently.\n\n";
    let after = fixed(source, "a.md", "missing-section", "Add the Bottom Line section");
    assert_eq!(
        after,
        "# Treating Mild Acne\n\n## Options\n\nWash gently.\n\n## The Bottom Line\n\nTODO: write this section.\n"
    );
}
