//! Extraction, phrase by phrase. Each case lists what must be found, as
//! `kind low..high dimension` in base units (seconds, mm, mg, ml, %).

use super::*;

fn describe(text: &str) -> Vec<String> {
    quantities(text)
        .into_iter()
        .filter(|q| !q.negated)
        .map(|q| {
            let high = if q.high.is_infinite() {
                "inf".to_string()
            } else {
                format!("{}", round(q.high))
            };
            let mut out = format!("{:?} {}..{} {}", q.kind, round(q.low), high, q.dimension.name());
            if q.every {
                out.push_str(" every");
            }
            if let Some(per) = &q.per {
                out.push_str(&format!(" per {per}"));
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
    let found = quantities("takes 60-15 minutes");
    assert!(found[0].is_reversed());
    assert!(!quantities("takes 15-60 minutes")[0].is_reversed());
}

#[test]
fn spans_cover_the_phrase_and_subjects_the_words_around_it() {
    let text = "The numbing cream works within 48 hours of the appointment.";
    let found = &quantities(text)[0];
    assert_eq!(&text[found.range.clone()], "within 48 hours");
    assert_eq!(found.subject, ["appoint", "cream", "numb", "work"]);
}

/// The tokenizer as first written, over `char_indices`: the byte-level one
/// must split every text the same way.
fn reference_tokenize(text: &str) -> Vec<Token<'_>> {
    // About one token per five bytes of prose.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    let mut sentence = 0;
    let mut chars = text.char_indices().peekable();
    let mut last_end = 0;
    while let Some(&(start, c)) = chars.peek() {
        let glued = start == last_end && start > 0;
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c.is_ascii_digit() {
            let bytes = text.as_bytes();
            let mut end = start;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            // Thousands separators, then a decimal part.
            while end + 3 < bytes.len()
                && bytes[end] == b','
                && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
                && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit())
            {
                end += 4;
            }
            if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
                end += 1;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
            }
            let value = text[start..end].replace(',', "").parse::<f64>().unwrap_or(f64::NAN);
            let before = text[..start].chars().next_back();
            let before2 = text[..start].chars().rev().nth(1);
            let glued_left = before.is_some_and(char::is_alphabetic)
                || (before == Some('-') && before2.is_some_and(char::is_alphabetic))
                || before == Some('.');
            tokens.push(Token {
                tok: Tok::Num { value, glued_left },
                range: start..end,
                glued,
                sentence,
            });
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            last_end = end;
            continue;
        }
        if c.is_alphabetic() || c == 'µ' {
            let mut end = start;
            while let Some(&(i, ch)) = chars.peek() {
                let inner_apostrophe = (ch == '\'' || ch == '’')
                    && text[i + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if ch.is_alphabetic() || inner_apostrophe {
                    end = i + ch.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let raw = &text[start..end];
            let word = if raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
                Cow::Borrowed(raw)
            } else if raw.is_ascii() {
                Cow::Owned(raw.to_ascii_lowercase())
            } else {
                Cow::Owned(raw.to_lowercase().replace('’', "'"))
            };
            tokens.push(Token {
                tok: Tok::Word(word),
                range: start..end,
                glued,
                sentence,
            });
            last_end = end;
            continue;
        }
        chars.next();
        let end = start + c.len_utf8();
        let symbol = match c {
            '–' | '—' | '‑' => '-',
            other => other,
        };
        if matches!(symbol, '.' | '!' | '?' | ';') {
            sentence += 1;
        }
        tokens.push(Token {
            tok: Tok::Sym(symbol),
            range: start..end,
            glued,
            sentence,
        });
        last_end = end;
    }
    tokens
}

proptest::proptest! {
    #[test]
    fn the_byte_tokenizer_matches_the_reference(
        text in "[a-zA-Z0-9 ,.;!?'’%$µé\u{2013}\u{2014}\u{00a0}\u{3000}\n-]{0,48}"
    ) {
        proptest::prop_assert_eq!(format!("{:?}", tokenize(&text)), format!("{:?}", reference_tokenize(&text)));
    }
}
