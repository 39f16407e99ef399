//! Extraction, phrase by phrase. Each case lists what must be found, as
//! `kind low..high dimension` in base units (seconds, mm, mg, ml, %).

use super::*;

/// The quantities of `text`, with a lexicon of their own.
fn found(text: &str) -> Vec<Found> {
    quantities(text, &mut Lexicon::default())
}

fn describe(text: &str) -> Vec<String> {
    let mut lexicon = Lexicon::default();
    quantities(text, &mut lexicon)
        .into_iter()
        .filter(|q| !q.negated)
        .map(|q| {
            let high = if q.high.is_infinite() {
                "inf".to_string()
            } else {
                format!("{}", round(q.high))
            };
            let mut out = format!("{:?} {}..{} {}", q.kind, round(q.low), high, q.dimension.name(&lexicon));
            if q.every {
                out.push_str(" every");
            }
            if let Some(per) = q.per {
                out.push_str(&format!(" per {}", lexicon.text(per)));
            }
            out
        })
        .collect()
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

const M: f64 = 60.0;
const H: f64 = 3600.0;
const D: f64 = 86_400.0;

#[test]
fn phrasings() {
    let w = 7.0 * D;
    let mo = 30.44 * D;
    let cases: Vec<(&str, Vec<String>)> = vec![
        // Ranges in every form.
        (
            "takes 15-60 minutes",
            vec![format!("Range {}..{} time", 15.0 * M, 60.0 * M)],
        ),
        (
            "takes 15–60 min",
            vec![format!("Range {}..{} time", 15.0 * M, 60.0 * M)],
        ),
        (
            "takes 15 — 60 mins",
            vec![format!("Range {}..{} time", 15.0 * M, 60.0 * M)],
        ),
        (
            "takes 15 to 60 minutes",
            vec![format!("Range {}..{} time", 15.0 * M, 60.0 * M)],
        ),
        (
            "between 15 and 60 minutes",
            vec![format!("Range {}..{} time", 15.0 * M, 60.0 * M)],
        ),
        (
            "from 15 to 60 minutes",
            vec![format!("Range {}..{} time", 15.0 * M, 60.0 * M)],
        ),
        ("one to two hours", vec![format!("Range {}..{} time", H, 2.0 * H)]),
        ("1 hour to 2 hours", vec![format!("Range {}..{} time", H, 2.0 * H)]),
        ("60 to 120 minutes", vec![format!("Range {}..{} time", H, 2.0 * H)]),
        ("2 or 3 days", vec![format!("Range {}..{} time", 2.0 * D, 3.0 * D)]),
        ("24-48 hours", vec![format!("Range {}..{} time", 24.0 * H, 48.0 * H)]),
        ("3-7 days", vec![format!("Range {}..{} time", 3.0 * D, 7.0 * D)]),
        ("4-6 weeks apart", vec![format!("Range {}..{} time", 4.0 * w, 6.0 * w)]),
        (
            "3 to 6 months",
            vec![format!("Range {}..{} time", round(3.0 * mo), round(6.0 * mo))],
        ),
        (
            "twenty-one to thirty days",
            vec![format!("Range {}..{} time", 21.0 * D, 30.0 * D)],
        ),
        (
            "twenty one days",
            vec![format!("Point {}..{} time", 21.0 * D, 21.0 * D)],
        ),
        ("0.5 to 2.5 mm", vec!["Range 0.5..2.5 length".to_string()]),
        ("0.5-2.5mm deep", vec!["Range 0.5..2.5 length".to_string()]),
        ("1 to 2 cm", vec!["Range 10..20 length".to_string()]),
        ("200-400 mg", vec!["Range 200..400 mass".to_string()]),
        ("250mcg", vec!["Point 0.25..0.25 mass".to_string()]),
        ("1.5 g", vec!["Point 1500..1500 mass".to_string()]),
        ("5 ml", vec!["Point 5..5 volume".to_string()]),
        ("2 litres", vec!["Point 2000..2000 volume".to_string()]),
        ("1,000 mg", vec!["Point 1000..1000 mass".to_string()]),
        ("87%", vec!["Point 87..87 percent".to_string()]),
        ("87 percent", vec!["Point 87..87 percent".to_string()]),
        ("87 per cent", vec!["Point 87..87 percent".to_string()]),
        ("10-20%", vec!["Range 10..20 percent".to_string()]),
        ("60-15 minutes", vec![format!("Range {}..{} time", 15.0 * M, 60.0 * M)]),
        // Bounds.
        ("up to 2 hours", vec![format!("AtMost 0..{} time", 2.0 * H)]),
        ("within 48 hours", vec![format!("AtMost 0..{} time", 48.0 * H)]),
        ("less than 3 days", vec![format!("AtMost 0..{} time", 3.0 * D)]),
        ("under 10 minutes", vec![format!("AtMost 0..{} time", 10.0 * M)]),
        ("at most 4 sessions", vec!["AtMost 0..4 session".to_string()]),
        ("at least 3 sessions", vec!["AtLeast 3..inf session".to_string()]),
        ("more than 2 weeks", vec![format!("AtLeast {}..inf time", 2.0 * w)]),
        ("over 6 months", vec![format!("AtLeast {}..inf time", round(6.0 * mo))]),
        (
            "about 30 minutes",
            vec![format!("About {}..{} time", 25.5 * M, 34.5 * M)],
        ),
        (
            "around 2 weeks",
            vec![format!("About {}..{} time", round(1.7 * w), round(2.3 * w))],
        ),
        ("approximately 20%", vec!["About 17..23 percent".to_string()]),
        // Counts of a noun.
        ("3-6 treatments", vec!["Range 3..6 treat".to_string()]),
        ("2 tablets", vec!["Point 2..2 tablet".to_string()]),
        ("one session", vec!["Point 1..1 session".to_string()]),
        ("three to five injections", vec!["Range 3..5 injection".to_string()]),
        // Rates and intervals.
        ("2 tablets a day", vec!["Point 2..2 tablet per day".to_string()]),
        ("3 sessions per week", vec!["Point 3..3 session per week".to_string()]),
        ("500 mg daily", vec!["Point 500..500 mass per daily".to_string()]),
        (
            "every 4-6 hours",
            vec![format!("Range {}..{} time every", 4.0 * H, 6.0 * H)],
        ),
        (
            "every 2 hours",
            vec![format!("Point {}..{} time every", 2.0 * H, 2.0 * H)],
        ),
        // Two quantities in one sentence.
        (
            "3-6 treatments spaced 4-6 weeks apart",
            vec![
                "Range 3..6 treat".to_string(),
                format!("Range {}..{} time", 4.0 * w, 6.0 * w),
            ],
        ),
        // Not amounts.
        ("open 24/7", vec![]),
        ("1 in 4 adults", vec![]),
        ("COVID-19 vaccines", vec![]),
        ("type 2 diabetes", vec![]),
        ("Type 1 diabetes", vec![]),
        ("a 3-year-old child", vec![]),
        ("a 6-month-old baby", vec![]),
        ("in 2026", vec![]),
        (
            "from 1% of income in 2014 to 2.5% in 2016",
            vec!["Point 1..1 percent".to_string(), "Point 2.5..2.5 percent".to_string()],
        ),
        ("since 1998 clinics", vec![]),
        ("call 0800 123 4567", vec![]),
        ("call 1-800-318-2596", vec![]),
        ("call (555) 123-4567", vec![]),
        ("on 2026-01-22", vec![]),
        ("on 01/22/2026", vec![]),
        ("on January 22, 2026", vec![]),
        ("on 22 January", vec![]),
        ("ages 6-12", vec![]),
        ("aged 6 to 12 years", vec![]),
        ("SPF 30 sunscreen", vec![]),
        ("step 2 is rinsing", vec![]),
        ("at 9:30 tomorrow", vec![]),
        ("a 1:1000 dilution", vec![]),
        ("2x stronger", vec![]),
        ("3 times a day", vec![]),
        ("the 19th century", vec![]),
        ("costs $200 per session", vec![]),
        ("costs £50", vec![]),
        ("vitamin B12 and D3", vec![]),
        ("omega-3 fats", vec![]),
        ("H1N1 flu", vec![]),
        ("stage 3 cancer", vec![]),
        ("several months", vec![]),
        ("a few days", vec![]),
        ("many years", vec![]),
        ("1. First item", vec![]),
        ("page 12 of the leaflet", vec![]),
        ("2 in 10 people", vec![]),
        // Limits stated as denials are marked negated, then left out here.
        ("do not take more than 8 tablets", vec![]),
        ("never use for more than 3 days", vec![]),
        ("no more than 4 grams", vec![]),
    ];
    assert!(cases.len() >= 80, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (text, expected) in &cases {
        let got = describe(text);
        if &got != expected {
            failures.push(format!("{text:?}\n   got      {got:?}\n   expected {expected:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} phrasings wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn ranges_remember_how_they_were_written() {
    assert!(found("takes 60-15 minutes")[0].is_reversed());
    assert!(!found("takes 15-60 minutes")[0].is_reversed());
}

#[test]
fn spans_cover_the_phrase_and_subjects_the_words_around_it() {
    let text = "The numbing cream works within 48 hours of the appointment.";
    let mut lexicon = Lexicon::default();
    let found = &quantities(text, &mut lexicon)[0];
    assert_eq!(&text[found.range.clone()], "within 48 hours");
    let mut subject: Vec<&str> = found.subject.iter().map(|&s| lexicon.text(s)).collect();
    subject.sort();
    assert_eq!(subject, ["appoint", "cream", "numb", "work"]);
}

#[test]
fn the_tokenizer_reads_non_ascii_text_as_it_reads_ascii() {
    // Curly apostrophes join words, dashes join ranges, no-break spaces
    // separate, and µg is a unit word.
    let text = "Don’t take more than 2\u{a0}tablets. It’s 10–20\u{a0}µg—then 1,500 mg.";
    let lower = text.to_ascii_lowercase();
    let words: Vec<String> = tokenize(text, &lower)
        .iter()
        .map(|t| match &t.tok {
            Tok::Word(w) => w.to_string(),
            Tok::Num { value, .. } => format!("#{value}"),
            Tok::Sym(c) => c.to_string(),
        })
        .collect();
    assert_eq!(
        words,
        [
            "don't", "take", "more", "than", "#2", "tablets", ".", "it's", "#10", "-", "#20", "µg", "-", "then",
            "#1500", "mg", "."
        ]
    );
    let sentences: Vec<usize> = tokenize(text, &lower).iter().map(|t| t.sentence).collect();
    assert_eq!(sentences[7], 1, "a period starts the next sentence");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
    /// Searching the runs of numbers and separators finds exactly the masks
    /// a search of the whole text finds.
    #[test]
    fn masks_are_found_where_a_whole_search_finds_them(
        parts in proptest::collection::vec(
            proptest::sample::select(&[
                "0", "1", "12", "123", "1234", "2024", "800", "4567", "1,500", "2.5", "+", "-", "–", ".", "(", ")", "/",
                ":", ",", " ", "  ", "\u{a0}", "\n", "a", "x", "am", "call ", "é", "_",
            ][..]),
            0..24,
        ),
    ) {
        let text = parts.concat();
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(&text, &lower);
        let whole: Vec<Range<usize>> = MASKS.find_iter(&text).map(|m| m.range()).collect();
        proptest::prop_assert_eq!(masks(&text, &tokens), whole, "{:?}", text);
    }
}

#[test]
fn masks_cover_phone_numbers_dates_times_and_ratios() {
    let text =
        "Call 0800 123 4567 or (555) 123-4567 on 2026-01-22, 1/22/26 at 10:30; mix 1:4, 3 / 4, not 15-60 or 2.5.";
    let lower = text.to_ascii_lowercase();
    let found: Vec<&str> = masks(text, &tokenize(text, &lower))
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(
        found,
        [
            "0800 123 4567",
            "(555) 123-4567",
            "2026-01-22",
            "1/22/26",
            "10:30",
            "1:4",
            "3 / 4"
        ]
    );
}

proptest::proptest! {
    /// Summing digits reads a number exactly as parsing it does.
    #[test]
    fn numbers_are_read_as_parsing_reads_them(digits in "[0-9]{1,24}(,[0-9]{3}){0,3}(\\.[0-9]{1,8})?") {
        let parsed = digits.replace(',', "").parse::<f64>().unwrap();
        proptest::prop_assert_eq!(number_value(&digits).to_bits(), parsed.to_bits(), "{}", digits);
    }
}
