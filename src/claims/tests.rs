//! Whole-article comparisons: pairs that must conflict and pairs that must
//! not.

use crate::article::Article;

/// (rule, severity, quoted later statement) for the claims findings.
fn findings(source: &str) -> Vec<(String, String)> {
    crate::findings_of("inconsistent-number", source)
        .into_iter()
        .map(|d| (d.severity.to_string(), source[d.span.clone()].to_string()))
        .collect()
}

fn article(takeaway: &str, body: &str) -> String {
    format!("# Guide\n\n## Key Takeaways\n\n- {takeaway}\n- Another point\n\n## Details\n\n{body}\n")
}

#[test]
fn conflicting_pairs_are_reported() {
    let cases = [
        (
            "The procedure takes 20-30 minutes",
            "The whole procedure takes between 45 and 90 minutes.",
            "error",
            "between 45 and 90 minutes",
        ),
        (
            "Most people need 2-3 treatments",
            "Most people need 6-8 treatments, spaced a month apart.",
            "error",
            "6-8 treatments",
        ),
        (
            "The procedure typically takes 15-60 minutes",
            "The procedure typically takes between 45 and 90 minutes.",
            "warning",
            "between 45 and 90 minutes",
        ),
        (
            "Redness fades within 48 hours",
            "Redness usually fades after 3-5 days.",
            "error",
            "3-5 days",
        ),
        (
            "Needles reach 0.5 to 2.5 mm deep",
            "The needles reach 3-4 mm deep into the skin.",
            "error",
            "3-4 mm",
        ),
        (
            "Take 2 tablets a day with food",
            "Take 4 tablets a day with food.",
            "error",
            "4 tablets a day",
        ),
        (
            "The vaccine is 60% effective against infection",
            "Studies show the vaccine is 95% effective against infection.",
            "error",
            "95%",
        ),
        (
            "Stop caffeine at least 6 hours before sleep",
            "Stop caffeine 2-3 hours before sleep.",
            "error",
            "2-3 hours",
        ),
        (
            "Reapply sunscreen every 2 hours outdoors",
            "Reapply sunscreen outdoors every 4-6 hours.",
            "error",
            "4-6 hours",
        ),
    ];
    for (takeaway, body, severity, at) in cases {
        let got = findings(&article(takeaway, body));
        assert_eq!(
            got,
            [(severity.to_string(), at.to_string())],
            "{takeaway:?} vs {body:?}"
        );
    }
}

#[test]
fn agreeing_or_unrelated_pairs_are_not() {
    let cases = [
        // Unit conversion.
        (
            "The procedure takes 1-2 hours",
            "The procedure takes 60 to 120 minutes.",
        ),
        (
            "The procedure takes one to two hours",
            "The procedure takes 1-2 hours in total.",
        ),
        (
            "Swelling goes down within 72 hours",
            "Swelling goes down after 2-3 days.",
        ),
        ("Redness fades in 24-48 hours", "Redness fades within 48 hours."),
        (
            "The procedure takes 15-60 minutes",
            "The procedure takes between 15 and 60 minutes.",
        ),
        ("Results show after 4-8 weeks", "Results show after 1-2 months."),
        // A point inside a range.
        (
            "The procedure takes 15-60 minutes",
            "The procedure takes about 30 minutes.",
        ),
        ("Most people need 3-6 treatments", "Most people need 4 treatments."),
        // Different subjects.
        (
            "The procedure takes 15-60 minutes",
            "Numbing cream needs 20 minutes to work on the face.",
        ),
        ("Recovery takes 3-7 days", "Wait 4-6 weeks between treatments."),
        // Different dimensions.
        ("Use 2 ml of serum", "Use 2 mg of serum."),
        // Limits and denials.
        (
            "Take 2 tablets at a time",
            "Do not take more than 8 tablets in 24 hours.",
        ),
        // Vague amounts.
        (
            "Results improve over several months",
            "Results improve over 3-6 months.",
        ),
        // The same sentence twice is one statement, not two.
        (
            "Sessions last 30-60 minutes",
            "Your skin may feel warm for a few hours.",
        ),
        // Rates and totals.
        ("Take 2 tablets a day", "The pack holds 28 tablets."),
    ];
    for (takeaway, body) in cases {
        let got = findings(&article(takeaway, body));
        assert!(got.is_empty(), "{takeaway:?} vs {body:?}: {got:?}");
    }
}

#[test]
fn table_rows_are_compared_by_their_labels() {
    let source = "# Guide\n\n## Details\n\n| Detail | Value |\n| --- | --- |\n| Recovery Time | 3-7 days |\n| Sessions | 3-6 |\n\n\
                  ## FAQ\n\n### How long is recovery?\n\nRecovery takes 10-14 days for most people.\n\n\
                  ### How many sessions?\n\nMost people need 8-10 sessions.\n";
    let got = findings(source);
    assert_eq!(
        got,
        [
            ("error".to_string(), "10-14 days".to_string()),
            ("error".to_string(), "8-10 sessions".to_string())
        ]
    );
}

#[test]
fn the_later_statement_is_reported_with_the_earlier_labelled() {
    let source = article("Most people need 2-3 treatments", "Most people need 6-8 treatments.");
    let cx = crate::context::Context::new(Article::parse(&source), None);
    let diagnostics = crate::findings_of("inconsistent-number", &source);
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(
        d.message,
        "\"6-8 treatments\" contradicts \"2-3 treatments\" stated earlier"
    );
    assert_eq!(&source[d.labels[0].span.clone()], "2-3 treatments");
    assert_eq!(d.labels[0].message, "stated here");
    assert_eq!(cx.quantities().len(), 2);
}
