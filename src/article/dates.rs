//! Dates as editors write them: ISO, "January 22nd, 2026", "Jan 22, 2026",
//! "22 January 2026", "Tuesday, March 3, 2026", "2026/01/22", and numeric
//! day and month such as `01/22/2026`: read the one way that names a real
//! day, and when both ways do and differ, as the configured order says.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// How to read all-numeric dates such as `03/04/2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// Month first (US).
    Mdy,
    /// Day first.
    Dmy,
}

/// Why a date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in any accepted form.
    Unparseable,
    /// Looks like a date but names a day that does not exist.
    Impossible { year: i32, month: u32, day: u32 },
    /// All-numeric, both orders name a real day and they differ, and no
    /// order is configured: the two days it could be.
    Ambiguous {
        month_first: NaiveDate,
        day_first: NaiveDate,
    },
    /// An ISO-like date with one-digit month or day ("2018-10-6").
    MalformedIso,
}

impl DateError {
    /// A message fragment, to follow the quoted date text.
    pub fn describe(&self) -> String {
        match self {
            DateError::Unparseable => "is not a date medlint can read".to_string(),
            DateError::Impossible { year, month, day } => {
                format!("does not exist ({} {day}, {year})", month_name(*month))
            }
            DateError::Ambiguous { month_first, day_first } => format!(
                "is ambiguous: it could be {} (month first) or {} (day first)",
                spelled(*month_first),
                spelled(*day_first)
            ),
            DateError::MalformedIso => "is not a valid ISO date (YYYY-MM-DD, two-digit month and day)".to_string(),
        }
    }

    pub fn help(&self) -> &'static str {
        match self {
            DateError::Ambiguous { .. } => {
                "write it as YYYY-MM-DD, or set `dates.order = \"mdy\"` or `\"dmy\"` in medlint.toml"
            }
            _ => "write the date as YYYY-MM-DD or as \"January 22, 2026\"",
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_name(month: u32) -> String {
    let name = MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("month");
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Month number from a full or abbreviated English month name ("March",
/// "mar", "Sept.").
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    // No copy: it runs for every word near every number.
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word) || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word)))
        .map(|i| i as u32 + 1)
}

/// "March 4, 2026".
fn spelled(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {}, {}", month_name(date.month()), date.day(), date.year())
}

fn make(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(1..=12).contains(&month) {
        return Err(DateError::Unparseable);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Impossible { year, month, day })
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$").unwrap());
static SLASH_YMD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})/(\d{1,2})/(\d{1,2})$").unwrap());
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$").unwrap());
static MONTH_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$").unwrap());
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)(?:of\s+)?([A-Za-z]+\.?)(?:,?\s+|-)(\d{4})$").unwrap()
});

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `word` names a day of the week ("Tuesday", "Tue", "Tues.").
fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.len() >= 3
        && WEEKDAYS
            .iter()
            .any(|day| day.len() >= word.len() && day[..word.len()].eq_ignore_ascii_case(word))
}

/// `text` without a leading day of the week: "Tuesday, March 3, 2026" →
/// "March 3, 2026".
fn without_weekday(text: &str) -> &str {
    let Some(end) = text.find(|c: char| !c.is_ascii_alphabetic() && c != '.') else {
        return text;
    };
    if end == 0 || !is_weekday(&text[..end]) {
        return text;
    }
    text[end..].trim_start_matches([',', ' '])
}

/// Whether `text` is shaped like a date, read or not: day, month and year
/// in numbers, or a word (a month name, perhaps misspelt) with a day and a
/// four-digit year, perhaps after a weekday. A byline reader uses it to tell
/// where a date is written, so that a date that does not exist ("February
/// 30, 2026") is still reported as one.
pub fn looks_like_date(text: &str) -> bool {
    let text = without_weekday(text.trim().trim_end_matches('.').trim());
    if text.is_empty() || text.len() > 40 || !text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    let (mut numbers, mut words, mut has_year) = (0, 0, false);
    for token in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-' | '.')) {
        if token.is_empty() {
            continue;
        }
        let digits = token.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let suffix = &token[digits..];
            if !(suffix.is_empty() || ["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s))) {
                return false;
            }
            numbers += 1;
            has_year |= digits == 4;
        } else if token.eq_ignore_ascii_case("of") {
            continue;
        } else if token.len() >= 3 && token.bytes().all(|b| b.is_ascii_alphabetic()) {
            words += 1;
        } else {
            return false;
        }
    }
    has_year && ((words == 0 && numbers == 3) || (words == 1 && numbers == 2))
}

/// Whether `text` is exactly a date written `YYYY-MM-DD` in ASCII digits.
pub fn is_plain_iso_date(text: &str) -> bool {
    matches!(
        *text.as_bytes(),
        [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]
            if [y1, y2, y3, y4, m1, m2, d1, d2].iter().all(u8::is_ascii_digit)
    )
}

/// Reads a date written in one of the accepted forms.
pub fn parse_date(text: &str, order: Option<DateOrder>) -> Result<NaiveDate, DateError> {
    let text = without_weekday(text.trim().trim_end_matches('.').trim());
    let num = |s: &str| s.parse::<u32>().map_err(|_| DateError::Unparseable);
    // The common form, read without compiling the patterns: exactly what
    // `ISO` makes of it.
    if is_plain_iso_date(text) {
        return make(
            text[..4].parse().map_err(|_| DateError::Unparseable)?,
            num(&text[5..7])?,
            num(&text[8..10])?,
        );
    }
    if let Some(c) = ISO.captures(text) {
        if c[2].len() != 2 || c[3].len() != 2 {
            return Err(DateError::MalformedIso);
        }
        return make(
            c[1].parse().map_err(|_| DateError::Unparseable)?,
            num(&c[2])?,
            num(&c[3])?,
        );
    }
    if let Some(c) = SLASH_YMD.captures(text) {
        return make(
            c[1].parse().map_err(|_| DateError::Unparseable)?,
            num(&c[2])?,
            num(&c[3])?,
        );
    }
    if let Some(c) = NUMERIC.captures(text) {
        let year = c[3].parse().map_err(|_| DateError::Unparseable)?;
        return numeric(year, num(&c[1])?, num(&c[2])?, order);
    }
    if let Some(c) = MONTH_FIRST.captures(text) {
        let month = month_number(&c[1]).ok_or(DateError::Unparseable)?;
        return make(c[3].parse().map_err(|_| DateError::Unparseable)?, month, num(&c[2])?);
    }
    if let Some(c) = DAY_FIRST.captures(text) {
        let month = month_number(&c[2]).ok_or(DateError::Unparseable)?;
        return make(c[3].parse().map_err(|_| DateError::Unparseable)?, month, num(&c[1])?);
    }
    Err(DateError::Unparseable)
}

/// Reads `first/second/year`. Only when both orders name a real day, and
/// different days, does the configured order decide; without one the date
/// is ambiguous. Otherwise the one real reading is taken: "01/22/2026" can
/// only be January 22 and "13/03/2025" only March 13, whatever the order.
fn numeric(year: i32, first: u32, second: u32, order: Option<DateOrder>) -> Result<NaiveDate, DateError> {
    let month_first = make(year, first, second);
    let day_first = make(year, second, first);
    match (month_first, day_first) {
        (Ok(a), Ok(b)) if a == b => Ok(a),
        (Ok(month_first), Ok(day_first)) => match order {
            Some(DateOrder::Mdy) => Ok(month_first),
            Some(DateOrder::Dmy) => Ok(day_first),
            None => Err(DateError::Ambiguous { month_first, day_first }),
        },
        (Ok(date), Err(_)) | (Err(_), Ok(date)) => Ok(date),
        // A real month with a day it does not have says more than a month
        // that does not exist.
        (Err(impossible @ DateError::Impossible { .. }), Err(_))
        | (Err(_), Err(impossible @ DateError::Impossible { .. })) => Err(impossible),
        (Err(error), Err(_)) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, DateError> {
        Ok(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn accepted_forms() {
        let cases = [
            ("2026-01-22", ymd(2026, 1, 22)),
            ("2026-01-22T09:30:00Z", ymd(2026, 1, 22)),
            ("2026-01-22 09:30:00+01:00", ymd(2026, 1, 22)),
            ("January 22nd, 2026", ymd(2026, 1, 22)),
            ("January 22, 2026.", ymd(2026, 1, 22)),
            ("Jan 22, 2026", ymd(2026, 1, 22)),
            ("Jan. 2 2026", ymd(2026, 1, 2)),
            ("Sept 3rd, 2026", ymd(2026, 9, 3)),
            ("august 1st 2026", ymd(2026, 8, 1)),
            ("22 January 2026", ymd(2026, 1, 22)),
            ("1st of March, 2026", ymd(2026, 3, 1)),
            ("22nd Jan 2026", ymd(2026, 1, 22)),
            ("22-Jan-2026", ymd(2026, 1, 22)),
            ("2026/01/22", ymd(2026, 1, 22)),
            ("2024-02-29", ymd(2024, 2, 29)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text, None), expected, "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_named() {
        assert_eq!(
            parse_date("February 30, 2026", None),
            Err(DateError::Impossible {
                year: 2026,
                month: 2,
                day: 30
            })
        );
        assert_eq!(
            parse_date("2025-02-29", None),
            Err(DateError::Impossible {
                year: 2025,
                month: 2,
                day: 29
            })
        );
        assert_eq!(
            parse_date("2026-04-31", None).unwrap_err().describe(),
            "does not exist (April 31, 2026)"
        );
    }

    #[test]
    fn numeric_dates_need_an_order_only_when_both_readings_differ() {
        let (jan_2, feb_1) = (ymd(2026, 1, 2).unwrap(), ymd(2026, 2, 1).unwrap());
        assert_eq!(
            parse_date("01/02/2026", None),
            Err(DateError::Ambiguous {
                month_first: jan_2,
                day_first: feb_1
            })
        );
        assert_eq!(parse_date("01/02/2026", Some(DateOrder::Mdy)), Ok(jan_2));
        assert_eq!(parse_date("01/02/2026", Some(DateOrder::Dmy)), Ok(feb_1));
        // One reading only: month/day, day/month, or both the same day.
        assert_eq!(parse_date("01/22/2026", None), ymd(2026, 1, 22));
        assert_eq!(parse_date("13/03/2025", None), ymd(2025, 3, 13));
        assert_eq!(parse_date("13/03/2025", Some(DateOrder::Mdy)), ymd(2025, 3, 13));
        assert_eq!(parse_date("3/3/2026", None), ymd(2026, 3, 3));
        assert_eq!(parse_date("22.01.2026", None), ymd(2026, 1, 22));
        // No reading at all.
        assert_eq!(
            parse_date("13/22/2026", Some(DateOrder::Mdy)),
            Err(DateError::Unparseable)
        );
        assert_eq!(
            parse_date("04/31/2026", None),
            Err(DateError::Impossible {
                year: 2026,
                month: 4,
                day: 31
            })
        );
    }

    #[test]
    fn an_ambiguous_date_names_both_days() {
        assert_eq!(
            parse_date("03/04/2026", None).unwrap_err().describe(),
            "is ambiguous: it could be March 4, 2026 (month first) or April 3, 2026 (day first)"
        );
    }

    #[test]
    fn weekdays_before_a_date_are_read_past() {
        assert_eq!(parse_date("Tuesday, March 3, 2026", None), ymd(2026, 3, 3));
        assert_eq!(parse_date("Tue 3 March 2026", None), ymd(2026, 3, 3));
        assert_eq!(parse_date("Tuesday", None), Err(DateError::Unparseable));
    }

    #[test]
    fn date_shapes() {
        for date in [
            "March 4, 2026",
            "Febuary 30th, 2026",
            "2026-13-02",
            "13/03/2025",
            "Tuesday, March 3, 2026",
            "1st of March, 2026",
            "Jan. 22, 2026.",
            "2026/02/11",
        ] {
            assert!(looks_like_date(date), "{date}");
        }
        for text in [
            "March 2026",
            "Lee Park, MD",
            "3 counts",
            "2026",
            "the 4th of July 2026 fireworks",
            "behalf of the clinic",
            "",
        ] {
            assert!(!looks_like_date(text), "{text}");
        }
    }

    #[test]
    fn malformed_and_unreadable_dates() {
        assert_eq!(parse_date("2018-10-6", None), Err(DateError::MalformedIso));
        assert_eq!(parse_date("Janury 22, 2026", None), Err(DateError::Unparseable));
        assert_eq!(parse_date("last spring", None), Err(DateError::Unparseable));
        assert_eq!(parse_date("2026-13-01", None), Err(DateError::Unparseable));
        assert_eq!(parse_date("", None), Err(DateError::Unparseable));
    }

    proptest::proptest! {
        /// A plain YYYY-MM-DD date, read without the pattern, gives what
        /// the `ISO` pattern's branch gives.
        #[test]
        fn plain_iso_dates_read_as_the_pattern_reads_them(y in 0u32..10000, m in 0u32..100, d in 0u32..100) {
            let text = format!("{y:04}-{m:02}-{d:02}");
            let c = ISO.captures(&text).expect("the pattern matches");
            let by_pattern = make(c[1].parse().unwrap(), c[2].parse().unwrap(), c[3].parse().unwrap());
            proptest::prop_assert_eq!(parse_date(&text, None), by_pattern);
        }
    }
}
