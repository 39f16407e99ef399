//! Extraction, phrase by phrase. Each case lists what must be read, as
//! `bound low..high dimension [flags]` in base units (seconds, mm, mg, ml,
//! percent, times a day).

use super::*;

fn describe(text: &str) -> Vec<String> {
    let mut lexicon = Lexicon::default();
    let (_, found) = readings(text, &text.to_lowercase(), &mut lexicon);
    found
        .into_iter()
        .map(|r| {
            let high = if r.high.is_infinite() {
                "inf".to_string()
            } else {
                format!("{}", round(r.high))
            };
            let bound = match r.bound {
                Bound::AtMost { strict: true } => "Below".to_string(),
                Bound::AtLeast { strict: true } => "Above".to_string(),
                Bound::AtMost { .. } => "AtMost".to_string(),
                Bound::AtLeast { .. } => "AtLeast".to_string(),
                other => format!("{other:?}"),
            };
            let mut out = format!("{bound} {}..{high} {}", round(r.low), r.dimension.name(&lexicon));
            for (flag, name) in [
                (r.per_day, "per-day"),
                (r.interval, "interval"),
                (r.age, "age"),
                (r.negated, "limit"),
            ] {
                if flag {
                    out.push(' ');
                    out.push_str(name);
                }
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
    let y = 365.25 * D;
    let time = |bound: &str, low: f64, high: f64| format!("{bound} {}..{} time", round(low), round(high));
    let cases: Vec<(&str, Vec<String>)> = vec![
        // Ranges in every form.
        ("takes 15-60 minutes", vec![time("Range", 15.0 * M, 60.0 * M)]),
        ("takes 15–60 min", vec![time("Range", 15.0 * M, 60.0 * M)]),
        ("takes 15 — 60 mins", vec![time("Range", 15.0 * M, 60.0 * M)]),
        ("takes 15 to 60 minutes", vec![time("Range", 15.0 * M, 60.0 * M)]),
        ("between 15 and 60 minutes", vec![time("Range", 15.0 * M, 60.0 * M)]),
        ("from 15 to 60 minutes", vec![time("Range", 15.0 * M, 60.0 * M)]),
        ("one to two hours", vec![time("Range", H, 2.0 * H)]),
        ("1 hour to 2 hours", vec![time("Range", H, 2.0 * H)]),
        ("45 minutes to 3 hours", vec![time("Range", 45.0 * M, 3.0 * H)]),
        ("60 to 120 minutes", vec![time("Range", H, 2.0 * H)]),
        ("2 or 3 days", vec![time("Range", 2.0 * D, 3.0 * D)]),
        ("24-48 hours", vec![time("Range", 24.0 * H, 48.0 * H)]),
        ("3 to 6 months", vec![time("Range", 3.0 * mo, 6.0 * mo)]),
        ("twenty-one to thirty days", vec![time("Range", 21.0 * D, 30.0 * D)]),
        ("twenty one days", vec![time("Point", 21.0 * D, 21.0 * D)]),
        ("ten to twelve sessions", vec!["Range 10..12 session".to_string()]),
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
        ("5.7% to 6.4%", vec!["Range 5.7..6.4 percent".to_string()]),
        ("60-15 minutes", vec![time("Range", 15.0 * M, 60.0 * M)]),
        ("a week", vec![time("Point", w, w)]),
        ("a full week", vec![time("Point", w, w)]),
        ("half an hour", vec![time("Point", 30.0 * M, 30.0 * M)]),
        ("a 10-day course", vec![time("Point", 10.0 * D, 10.0 * D)]),
        ("day 3", vec![time("Point", 3.0 * D, 3.0 * D)]),
        // Bounds.
        ("up to 2 hours", vec![time("AtMost", 0.0, 2.0 * H)]),
        ("within 48 hours", vec![time("AtMost", 0.0, 48.0 * H)]),
        ("less than 3 days", vec![time("Below", 0.0, 3.0 * D)]),
        ("under 10 minutes", vec![time("Below", 0.0, 10.0 * M)]),
        ("at most 4 sessions", vec!["AtMost 0..4 session".to_string()]),
        ("at least 3 sessions", vec!["AtLeast 3..inf session".to_string()]),
        ("fewer than 10 sessions", vec!["Below 0..10 session".to_string()]),
        ("10 sessions or more", vec!["AtLeast 10..inf session".to_string()]),
        ("more than 2 weeks", vec![format!("Above {}..inf time", round(2.0 * w))]),
        ("over 6 months", vec![format!("Above {}..inf time", round(6.0 * mo))]),
        ("from 4 weeks", vec![time("Point", 4.0 * w, 4.0 * w)]),
        ("about 30 minutes", vec![time("About", 25.5 * M, 34.5 * M)]),
        ("approximately 20%", vec!["About 17..23 percent".to_string()]),
        // Counts of a noun.
        ("3-6 treatments", vec!["Range 3..6 treat".to_string()]),
        ("2 tablets", vec!["Point 2..2 tablet".to_string()]),
        ("one session", vec!["Point 1..1 session".to_string()]),
        ("three to five injections", vec!["Range 3..5 injection".to_string()]),
        ("3 small cuts", vec!["Point 3..3 cut".to_string()]),
        // Frequencies, rates and intervals: times a day.
        ("3 times a day", vec!["Point 3..3 rate".to_string()]),
        ("twice a day", vec!["Point 2..2 rate".to_string()]),
        ("once daily", vec!["Point 1..1 rate".to_string()]),
        ("once or twice a day", vec!["Range 1..2 rate".to_string()]),
        ("8 to 12 times in 24 hours", vec!["Range 8..12 rate".to_string()]),
        (
            "2 to 3 times a week",
            vec![format!("Range {}..{} rate", round(2.0 / 7.0), round(3.0 / 7.0))],
        ),
        ("every 4-6 hours", vec!["Range 4..6 rate interval".to_string()]),
        ("every 2 hours", vec!["Point 12..12 rate interval".to_string()]),
        ("every other day", vec!["Point 0.5..0.5 rate interval".to_string()]),
        (
            "once every 6 months",
            vec![format!(
                "Point {}..{} rate",
                round(D / (6.0 * mo)),
                round(D / (6.0 * mo))
            )],
        ),
        (
            "4-6 weeks apart",
            vec![format!(
                "Range {}..{} rate interval",
                round(1.0 / 42.0),
                round(1.0 / 28.0)
            )],
        ),
        ("2 tablets a day", vec!["Point 2..2 rate".to_string()]),
        (
            "3 sessions per week",
            vec![format!("Point {}..{} rate", round(3.0 / 7.0), round(3.0 / 7.0))],
        ),
        (
            "no more than 4 doses in 24 hours",
            vec!["AtMost 0..4 rate limit".to_string()],
        ),
        ("500 mg daily", vec!["Point 500..500 mass per-day".to_string()]),
        ("2,000 mg a day", vec!["Point 2000..2000 mass per-day".to_string()]),
        ("20 mg/kg", vec!["Point 20..20 dose per weight".to_string()]),
        ("below 126 mg/dL", vec!["Below 0..126 concentration".to_string()]),
        ("4 mmol/L", vec!["Point 4..4 concentration".to_string()]),
        // Proportions.
        ("1 in 4 adults", vec!["Point 25..25 percent".to_string()]),
        ("about 1 in 10 people", vec!["About 8.5..11.5 percent".to_string()]),
        ("7 out of 10", vec!["Point 70..70 percent".to_string()]),
        (
            "about a third of people",
            vec![format!(
                "About {}..{} percent",
                round(100.0 / 3.0 * 0.85),
                round(100.0 / 3.0 * 1.15)
            )],
        ),
        ("half of all cases", vec!["Point 50..50 percent".to_string()]),
        ("2 or 3 visits", vec!["Range 2..3 visit".to_string()]),
        // Ages.
        (
            "aged 50 and over",
            vec![format!("AtLeast {}..inf time age", round(50.0 * y))],
        ),
        (
            "children under 5",
            vec![format!("Below 0..{} time age", round(5.0 * y))],
        ),
        (
            "3 to 5 years old",
            vec![format!("Range {}..{} time age", round(3.0 * y), round(5.0 * y))],
        ),
        (
            "from the age of 12",
            vec![format!("Point {}..{} time age", round(12.0 * y), round(12.0 * y))],
        ),
        // Limits said as denials.
        (
            "do not take more than 8 tablets",
            vec!["AtMost 0..8 tablet limit".to_string()],
        ),
        (
            "never use for more than 3 days",
            vec![time("AtMost", 0.0, 3.0 * D) + " limit"],
        ),
        ("no more than 4 grams", vec!["AtMost 0..4000 mass limit".to_string()]),
        // Not amounts.
        ("open 24/7", vec![]),
        ("COVID-19 vaccines", vec![]),
        ("type 2 diabetes", vec![]),
        ("Type 1 diabetes", vec![]),
        ("a 3-year-old child", vec![]),
        ("a 6-month-old baby", vec![]),
        ("in 2026", vec![]),
        ("since 1998 clinics", vec![]),
        ("call 0800 123 4567", vec![]),
        ("call 1-800-318-2596", vec![]),
        ("call (555) 123-4567", vec![]),
        ("on 2026-01-22", vec![]),
        ("on 01/22/2026", vec![]),
        ("on January 22, 2026", vec![]),
        ("on 22 January", vec![]),
        ("SPF 30 sunscreen", vec![]),
        ("step 2 is rinsing", vec![]),
        ("at 9:30 tomorrow", vec![]),
        ("a 1:1000 dilution", vec![]),
        ("a reading of 140/90", vec![]),
        ("2x stronger", vec![]),
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
    ];
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (text, expected) in &cases {
        let got = describe(text);
        if &got != expected {
            failures.push(format!("{text:?}\n   got      {got:?}\n   expected {expected:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} phrasings misread:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn ranges_remember_how_they_were_written() {
    let read = |text: &str| readings(text, &text.to_lowercase(), &mut Lexicon::default()).1;
    assert!(read("takes 60-15 minutes")[0].is_reversed());
    assert!(!read("takes 15-60 minutes")[0].is_reversed());
    // Units are read before ends are compared.
    assert!(!read("takes 45 minutes to 3 hours")[0].is_reversed());
}

#[test]
fn masks_cover_phone_numbers_dates_times_and_ratios() {
    let text =
        "Call 0800 123 4567 or (555) 123-4567 on 2026-01-22, 1/22/26 at 10:30; mix 1:4, 3 / 4, not 15-60 or 2.5.";
    let found: Vec<&str> = MASKS.find_iter(text).map(|m| m.as_str()).collect();
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
