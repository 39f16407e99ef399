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
            "every 4-6 hours",
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
        "number (need): \"6-8 treatments\" contradicts \"2-3 treatments\" (\"Key Takeaways\", line 5)"
    );
    assert_eq!(&source[d.labels[0].span.clone()], "2-3 treatments");
    assert_eq!(d.labels[0].message, "stated here");
    assert_eq!(
        cx.quantities(&crate::Options::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
        ))
        .len(),
        2
    );
}

#[test]
fn frames_compare_every_kind_of_figure() {
    let cases = [
        // Frequencies and intervals, in rate space.
        (
            "Apply the cream 3 times a day",
            "Apply the cream once a day to the rash.",
        ),
        (
            "Feed your newborn 8 to 12 times in 24 hours",
            "Feed your newborn every 4 to 5 hours.",
        ),
        // Proportions.
        (
            "The vaccine protects about 1 in 10 people",
            "The vaccine protects roughly 40% of people.",
        ),
        // Limits stated twice.
        (
            "Give no more than 4 doses in 24 hours",
            "Give your child up to 5 doses a day.",
        ),
    ];
    for (takeaway, body) in cases {
        let got = findings(&article(takeaway, body));
        assert_eq!(got.len(), 1, "{takeaway:?} vs {body:?}: {got:?}");
    }
}

/// How values relate, whatever the words: bounds keep their meaning.
#[test]
fn relations_keep_bounds_exact() {
    use crate::claims::compare::{Relation, relate};
    let read = |text: &str| {
        let (_, mut readings) = crate::claims::extract::readings(
            text,
            &text.to_lowercase(),
            &mut crate::claims::subject::Lexicon::default(),
        );
        readings.remove(0)
    };
    let cases = [
        // The earliest point against a minimum.
        ("at least 6 weeks", "from 4 weeks", Relation::Conflict),
        ("at least 9 months", "at 6 months", Relation::Conflict),
        // Two limits in one direction are two statements of the limit.
        (
            "no more than 4 doses in 24 hours",
            "up to 5 doses a day",
            Relation::Conflict,
        ),
        ("up to 24 hours", "up to 1 day", Relation::Agree),
        // One threshold named from both sides is one statement of it.
        ("fewer than 10 sessions", "10 sessions or more", Relation::Agree),
        ("more than 9.5%", "no more than 9.5%", Relation::Agree),
        // A strict bound excludes its own value.
        ("under 5 years old", "5 years old", Relation::Conflict),
        // A bound and the values inside it.
        ("within 72 hours", "2-3 days", Relation::Agree),
        ("within 2-3 days", "3 days", Relation::Agree),
        ("within 2 weeks", "4 to 6 weeks", Relation::Conflict),
        ("about 45 minutes", "30-60 minutes", Relation::Agree),
        // Ranges whose ends differ.
        ("15-60 minutes", "between 45 and 90 minutes", Relation::BoundsDiffer),
        ("1-2 hours", "60 to 120 minutes", Relation::Agree),
        // Rates, whatever the wording.
        ("every 4-6 hours", "at least 8 hours apart", Relation::Conflict),
        ("8 to 12 times in 24 hours", "every 2 to 3 hours", Relation::Agree),
        ("1 in 5", "20%", Relation::Agree),
    ];
    for (a, b, expected) in cases {
        assert_eq!(relate(&read(a), &read(b)), expected, "{a:?} vs {b:?}");
    }
}

#[test]
fn facets_alternatives_and_enumerations_keep_cases_apart() {
    let cases = [
        // Different groups of people.
        ("Children take 5 ml of the liquid", "Adults take 10 ml of the liquid."),
        // Different versions of one treatment.
        (
            "A light peel heals in 3 to 5 days",
            "A deep peel heals in 2 to 3 weeks.",
        ),
        // Different aspects of one thing.
        ("Relief starts within 30 minutes", "Relief lasts 4 to 6 hours."),
        // Alternatives in one clause.
        (
            "Symptoms ease in 2 to 3 days",
            "Take it for 5 days, or for 10 days if you are pregnant.",
        ),
    ];
    for (takeaway, body) in cases {
        let got = findings(&article(takeaway, body));
        assert!(got.is_empty(), "{takeaway:?} vs {body:?}: {got:?}");
    }
    // Rows of one table, and a statement that names another row.
    let source = "# Guide\n\n## Doses\n\n| Group | Dose |\n| --- | --- |\n| Adults | 500 mg |\n| Children | 250 mg |\n\n\
                  ## More\n\nChildren usually take 125 mg of the medicine.\n";
    let diagnostics = crate::findings_of("inconsistent-number", source);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(&source[diagnostics[0].span.clone()], "125 mg");
    assert_eq!(
        &source[diagnostics[0].labels[0].span.clone()],
        "250 mg",
        "the row it names"
    );
}

/// Statements within one section, even one paragraph, are compared; two
/// figures of one clause are alternatives and are not.
#[test]
fn one_section_is_compared_but_not_one_clause() {
    let source = "# Guide\n\n## Stitches\n\nThe stitches come out after 7-10 days. \
                  Most stitches are removed at 3 weeks; deep ones stay 4 weeks, others 2 weeks.\n";
    let cx = crate::context::Context::new(Article::parse(source), None);
    let options = crate::Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let quantities = cx.quantities(&options);
    let at = |text: &str| {
        quantities.iter().find(|q| q.text == text).unwrap_or_else(|| {
            panic!(
                "{text:?} in {:?}",
                quantities.iter().map(|q| &q.text).collect::<Vec<_>>()
            )
        })
    };
    use crate::claims::compare::comparable;
    assert!(comparable(at("7-10 days"), at("3 weeks")));
    assert!(!comparable(at("4 weeks"), at("2 weeks")), "alternatives of one clause");
    assert!(comparable(at("7-10 days"), at("2 weeks")));
}

#[test]
fn a_long_block_is_read_in_pieces_that_cover_it() {
    let sentence = "Sessions last 30 minutes and results show within 3 days. ";
    let long = sentence.repeat(5_000);
    let endless = "sessions last 30 minutes and ".repeat(10_000);
    for text in [long.as_str(), endless.as_str(), "Short text."] {
        let lower = text.to_lowercase();
        let sentences = crate::article::prose::sentences(text);
        let pieces = super::pieces(text, &lower, &sentences);
        assert_eq!(pieces.first().map(|p| p.start), Some(0));
        assert_eq!(pieces.last().map(|p| p.end), Some(text.len()));
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for piece in &pieces {
            assert!(piece.len() <= 2 * super::PIECE + 100, "{piece:?}");
        }
        if text.len() > super::PIECE {
            assert!(pieces.len() > 1);
        }
    }
}

/// Doses are compared per medicine and per case: the same medicine for the
/// same people at two strengths is a contradiction; another medicine, a
/// special group, another indication, a loading dose or a dose by weight
/// is a case of its own.
#[test]
fn doses_are_compared_per_medicine_and_case() {
    let conflict = article(
        "Adults usually take 500 mg of metformin twice daily with meals",
        "Most adults take 1,000 mg of metformin twice daily with meals.",
    );
    assert_eq!(findings(&conflict), [("error".to_string(), "1,000 mg".to_string())]);
    // A brand and its medicine are one medicine.
    let brand = article(
        "Adults can take 200 mg of ibuprofen every 6 hours",
        "Adults can take 800 mg of Advil every 6 hours.",
    );
    assert_eq!(findings(&brand), [("error".to_string(), "800 mg".to_string())]);
    let cases = [
        // Different medicines, found by the article's own "mg of X".
        (
            "Adults take 500 mg of metformin twice daily",
            "Adults take 250 mg of cefalexin four times a day.",
        ),
        // A special group beside the usual dose.
        (
            "Adults take 500 mg of metformin twice daily",
            "People with kidney disease take 500 mg of metformin once daily.",
        ),
        (
            "Levothyroxine is taken at 100 mcg once daily",
            "Older adults take 25 mcg of levothyroxine once daily.",
        ),
        // Another indication.
        (
            "For period pain, adults take 400 mg of ibuprofen three times a day",
            "For a fever, adults take 200 mg of ibuprofen every 6 hours.",
        ),
        // A loading dose and the maintenance dose.
        (
            "Vitamin D is often given as 1,000 IU of vitamin D once daily",
            "A loading dose of 50,000 IU of vitamin D is sometimes given first.",
        ),
        // Age bands of children set their doses apart, and the ages are
        // labels, not claims.
        (
            "Children aged 6 to 11 take 250 mg of paracetamol every 6 hours",
            "Children aged 2 to 5 years can take 120 mg of paracetamol every 6 hours.",
        ),
        // A dose by weight is another measure.
        (
            "Adults take 500 mg of amoxicillin three times a day",
            "Children take 30 mg/kg of amoxicillin a day, split into doses.",
        ),
    ];
    for (takeaway, body) in cases {
        let found = findings(&article(takeaway, body));
        assert!(found.is_empty(), "{takeaway:?} / {body:?}: {found:?}");
    }
}
