//! Finds quantities in a block of text: tokenises it, masks dates, phone
//! numbers and clock times, then parses number phrases with their bounds
//! and units. Anything that is not clearly a measured amount is skipped.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::article::text::char_at;
use crate::claims::subject::{Lexicon, Stem, is_stop_word};
use crate::claims::units::{Dimension, is_tens_word, number_word, unit};

/// How a quantity bounds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "30 minutes".
    Point,
    /// "15-60 minutes", "between 15 and 60 minutes".
    Range,
    /// "up to 2 hours", "within 48 hours", "less than 3".
    AtMost,
    /// "at least 3", "more than 2 weeks".
    AtLeast,
    /// "about 30 minutes".
    About,
}

/// A quantity found in a block of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: Kind,
    /// Values as written, in the quantity's own units.
    pub first: f64,
    pub second: Option<f64>,
    /// Lowest and highest values in base units (`high` may be infinite).
    pub low: f64,
    pub high: f64,
    pub dimension: Dimension,
    /// "every 4 hours": a repeat interval, not a duration.
    pub every: bool,
    /// "2 tablets a day": the time unit of the rate.
    pub per: Option<Stem>,
    /// Said as a limit or denial ("do not take more than 8").
    pub negated: bool,
    /// Byte range in the block text.
    pub range: Range<usize>,
    /// Content-word stems near the quantity, sorted and unique.
    pub subject: Vec<Stem>,
}

impl Found {
    /// "60-15 minutes": a range written high to low.
    pub fn is_reversed(&self) -> bool {
        self.kind == Kind::Range && self.second.is_some_and(|second| self.first > second)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Num {
        value: f64,
        glued_left: bool,
    },
    /// Lowercased; borrowed from the text when it already was.
    Word(Cow<'a, str>),
    Sym(char),
}

#[derive(Debug, Clone)]
struct Token<'a> {
    tok: Tok<'a>,
    range: Range<usize>,
    /// No space between this token and the previous one.
    glued: bool,
    sentence: usize,
}

impl Token<'_> {
    fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    fn is_sym(&self, c: char) -> bool {
        self.tok == Tok::Sym(c)
    }
}

static MASKS: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII digits only, as the tokenizer reads numbers: and a tenth of the
    // compile time of Unicode `\d`.
    crate::pattern::regex(concat!(
        // Phone numbers: 0800 123 4567, 1-800-318-2596, (555) 123-4567.
        r"(?:\+?[0-9]{1,3}[-. ])?(?:\([0-9]{3}\)\s?|\b[0-9]{3,5}[-. ])[0-9]{3,4}[-. ][0-9]{3,4}\b",
        r"|\b1-[0-9]{3}-[0-9]{3}-[0-9]{4}\b",
        // Dates and clock times.
        r"|\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b|\b[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}\b|\b[0-9]{1,2}:[0-9]{2}\b",
        // Ratios, fractions, around-the-clock.
        r"|\b[0-9]+\s?/\s?[0-9]+\b|\b[0-9]+:[0-9]+\b",
    ))
});

static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    )
});

fn is_month(word: &str) -> bool {
    crate::article::dates::month_number(word).is_some()
}

/// Words that make the next number an identifier, not an amount. A
/// `match`: it runs for the word before every number.
fn is_identifier_word(word: &str) -> bool {
    matches!(
        word,
        "type"
            | "stage"
            | "grade"
            | "level"
            | "phase"
            | "step"
            | "spf"
            | "vitamin"
            | "omega"
            | "covid"
            | "class"
            | "category"
            | "tier"
            | "section"
            | "chapter"
            | "page"
            | "number"
            | "no"
            | "room"
            | "version"
            | "schedule"
            | "part"
            | "form"
            | "box"
            | "line"
            | "ward"
            | "bay"
            | "floor"
            | "route"
            | "option"
            | "table"
            | "figure"
            | "fig"
            | "plan"
            | "ages"
            | "aged"
            | "age"
            | "over-"
            | "top"
            | "code"
            | "ext"
            | "extension"
            | "item"
            | "question"
            | "day"
            | "week"
            | "year"
            | "rule"
            | "cd"
            | "dsm"
    )
}

/// Words that make a quantity a limit or a denial. A `match`: it runs for
/// the words before every number.
fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "don't"
            | "dont"
            | "never"
            | "no"
            | "doesn't"
            | "shouldn't"
            | "mustn't"
            | "cannot"
            | "can't"
            | "avoid"
            | "nor"
    )
}

/// Splits `text` into tokens. `lower` is `text` with ASCII letters
/// lowercased (byte for byte the same length), which ASCII words borrow
/// from.
fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    // About one token per five bytes of prose.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    let mut sentence = 0;
    let mut last_end = 0;
    let mut start = 0;
    while start < bytes.len() {
        let (c, width) = char_at(text, start);
        let glued = start == last_end && start > 0;
        if c.is_whitespace() {
            start += width;
            continue;
        }
        if c.is_ascii_digit() {
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
            let value = number_value(&text[start..end]);
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
            last_end = end;
            start = end;
            continue;
        }
        if c.is_alphabetic() || c == 'µ' {
            let mut end = start;
            // Most words are ASCII letters throughout.
            while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                end += 1;
            }
            let mut ascii = true;
            while end < bytes.len() {
                // Any other ASCII character ends the word.
                let byte = bytes[end];
                if byte.is_ascii() && byte != b'\'' && !byte.is_ascii_alphabetic() {
                    break;
                }
                let (ch, width) = char_at(text, end);
                let inner_apostrophe = (ch == '\'' || ch == '’')
                    && end + width < bytes.len()
                    && char_at(text, end + width).0.is_alphabetic();
                if ch.is_alphabetic() || inner_apostrophe {
                    ascii &= ch.is_ascii();
                    end += width;
                } else {
                    break;
                }
            }
            let word = if ascii {
                Cow::Borrowed(&lower[start..end])
            } else {
                Cow::Owned(text[start..end].to_lowercase().replace('’', "'"))
            };
            tokens.push(Token {
                tok: Tok::Word(word),
                range: start..end,
                glued,
                sentence,
            });
            last_end = end;
            start = end;
            continue;
        }
        let end = start + width;
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
        start = end;
    }
    tokens
}

/// The value of a number as the tokenizer reads it: digits, thousands
/// separators, and a decimal part. Integers of up to 19 digits are summed
/// in a `u64`, several times faster than parsing them; converting that to
/// an `f64` rounds to the nearest value, as parsing does. Decimals and
/// longer integers are parsed.
fn number_value(digits: &str) -> f64 {
    let mut value: u64 = 0;
    let mut count = 0;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' if count < 19 => {
                value = value * 10 + u64::from(b - b'0');
                count += 1;
            }
            b',' => {}
            _ => return digits.replace(',', "").parse::<f64>().unwrap_or(f64::NAN),
        }
    }
    value as f64
}

/// Reads a number at `i` (digits or number words); returns value and the
/// index after it.
fn number_at(tokens: &[Token], i: usize) -> Option<(f64, usize, bool)> {
    match &tokens.get(i)?.tok {
        Tok::Num { value, glued_left } if value.is_finite() => Some((*value, i + 1, *glued_left)),
        Tok::Word(w) => {
            let mut value = number_word(w)?;
            let mut next = i + 1;
            // "twenty-one", "twenty one"
            if is_tens_word(w) {
                let skip = usize::from(tokens.get(next).is_some_and(|t| t.is_sym('-')));
                if let Some(unit_value) = tokens.get(next + skip).and_then(Token::word).and_then(number_word)
                    && (1.0..10.0).contains(&unit_value)
                {
                    value += unit_value;
                    next += skip + 1;
                }
            }
            // "one hundred"
            if tokens.get(next).and_then(Token::word) == Some("hundred") && value < 10.0 {
                value *= 100.0;
                next += 1;
            }
            Some((value, next, false))
        }
        _ => None,
    }
}

fn word_at<'t>(tokens: &'t [Token<'_>], i: usize) -> Option<&'t str> {
    tokens.get(i).and_then(Token::word)
}

/// Up to six words before `i` in the same sentence, nearest first.
fn words_before<'t>(tokens: &'t [Token<'_>], i: usize) -> ([&'t str; 6], usize) {
    let sentence = tokens.get(i).map_or(0, |t| t.sentence);
    let mut words = [""; 6];
    let mut n = 0;
    for word in tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .filter_map(Token::word)
        .take(words.len())
    {
        words[n] = word;
        n += 1;
    }
    (words, n)
}

/// The bound a phrase before the number sets; how many words that phrase
/// has; whether it was "between"; whether it was "every".
fn prefix_kind(before: &[&str]) -> (Option<Kind>, usize, bool, bool) {
    let first = before.first().copied().unwrap_or("");
    let second = before.get(1).copied().unwrap_or("");
    let third = before.get(2).copied().unwrap_or("");
    let (kind, words) = match (third, second, first) {
        // "no more than 8" is an upper limit; "no less than" a lower one.
        ("no", "more", "than") => (Some(Kind::AtMost), 3),
        ("no", "less" | "fewer", "than") => (Some(Kind::AtLeast), 3),
        (_, "up", "to") | (_, "at", "most") | (_, "less" | "fewer", "than") => (Some(Kind::AtMost), 2),
        (_, "more" | "greater", "than") | (_, "at", "least") => (Some(Kind::AtLeast), 2),
        (_, _, "within" | "under" | "below") => (Some(Kind::AtMost), 1),
        (_, _, "over" | "above") => (Some(Kind::AtLeast), 1),
        (_, _, "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "approx") => {
            (Some(Kind::About), 1)
        }
        (_, _, "between") => (None, 1),
        _ => (None, 0),
    };
    (kind, words, first == "between", first == "every")
}

/// Parses every quantity in `text`.
pub fn quantities(text: &str, lexicon: &mut Lexicon) -> Vec<Found> {
    // Most prose holds no number at all: skip it before tokenising.
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && !NUMBER_WORD.is_match(text) {
        return Vec::new();
    }
    // One lowercase copy for the block, not one per capitalised word.
    let lower = if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    };
    let tokens = tokenize(text, &lower);
    // Masks only ever cover digits.
    let masks = if has_digit { masks(text, &tokens) } else { Vec::new() };
    let masked = |r: &Range<usize>| masks.iter().any(|m| m.start <= r.start && r.end <= m.end);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match parse_at(&tokens, i, &masked, lexicon) {
            Some((quantity, next)) => {
                found.push(quantity);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// The ranges [`MASKS`] matches in `text`, searched only where a match
/// can be. A match is digits and `+-.()/:` separators, with whitespace
/// between, so it lies within one run of number and separator tokens; and
/// it holds three groups of digits, or two around a `/` or `:`. Most
/// numbers ("15-60", "2.5") are in runs that cannot match, and the prose
/// around them is never searched.
fn masks(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let in_run = |t: &Token| match t.tok {
        Tok::Num { .. } => true,
        // The source character: the tokenizer reads dashes as '-'.
        Tok::Sym(_) => matches!(&bytes[t.range.clone()], b"+" | b"-" | b"." | b"(" | b")" | b"/" | b":"),
        Tok::Word(_) => false,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !in_run(&tokens[i]) {
            i += 1;
            continue;
        }
        let first = i;
        while i < tokens.len() && in_run(&tokens[i]) {
            i += 1;
        }
        let run = tokens[first].range.start..tokens[i - 1].range.end;
        if !may_hold_mask(&bytes[run.clone()]) {
            continue;
        }
        // The search sees the text before the run and the character after
        // it, for word boundaries, and nothing further.
        let limit = text[run.end..]
            .chars()
            .next()
            .map_or(text.len(), |c| run.end + c.len_utf8());
        let haystack = &text[..limit];
        let mut at = run.start;
        while let Some(m) = MASKS.find_at(haystack, at) {
            found.push(m.range());
            // No mask is empty.
            at = m.end();
        }
    }
    found
}

/// Three groups of digits, or two and a `/` or `:`.
fn may_hold_mask(run: &[u8]) -> bool {
    let mut groups = 0;
    let mut in_digits = false;
    let mut slash_or_colon = false;
    for &b in run {
        let digit = b.is_ascii_digit();
        groups += usize::from(digit && !in_digits);
        in_digits = digit;
        slash_or_colon |= b == b'/' || b == b':';
    }
    groups >= 3 || (groups >= 2 && slash_or_colon)
}

fn parse_at(
    tokens: &[Token],
    i: usize,
    masked: &dyn Fn(&Range<usize>) -> bool,
    lexicon: &mut Lexicon,
) -> Option<(Found, usize)> {
    let (first, mut next, glued_left) = number_at(tokens, i)?;
    let start_token = &tokens[i];
    if glued_left || masked(&start_token.range) {
        return None;
    }
    let (before_words, before_count) = words_before(tokens, i);
    let before = &before_words[..before_count.min(5)];
    let previous_symbol = i.checked_sub(1).map(|p| &tokens[p]);
    if previous_symbol
        .is_some_and(|t| matches!(t.tok, Tok::Sym('$' | '£' | '€' | '#' | '/' | ':' | '^')) && start_token.glued)
    {
        return None;
    }
    if before.first().is_some_and(|w| is_identifier_word(w) || is_month(w)) {
        // "type 2", "SPF 30", "ages 6-12", "March 3", "day 5"
        let adjacent = i.checked_sub(1).is_some_and(|p| tokens[p].word().is_some());
        if adjacent {
            return None;
        }
    }
    // The second half of a range whose first half was rejected ("aged 6
    // to 12"), or the denominator of a rate ("1 in 4 adults").
    let follows_number = |connector: usize| {
        connector.checked_sub(1).is_some_and(|n| {
            number_at(tokens, n).is_some_and(|(value, end, _)| {
                end == connector && !(value.fract() == 0.0 && (1900.0..=2100.0).contains(&value))
            })
        })
    };
    if let Some(p) = i.checked_sub(1) {
        let t = &tokens[p];
        let joins = t.is_sym('-') || matches!(t.word(), Some("to" | "and" | "or" | "in"));
        let out_of = t.word() == Some("of") && p.checked_sub(1).is_some_and(|q| tokens[q].word() == Some("out"));
        if (joins && follows_number(p)) || (out_of && follows_number(p - 1)) {
            return None;
        }
    }
    let (mut kind, prefix_words, between, every) = prefix_kind(before);
    let negated = before_words[..before_count].iter().any(|w| is_negation(w));
    // A unit right after the first number ("1 hour to 2 hours").
    let mut first_unit = word_or_percent(tokens, next).and_then(|w| unit(w).map(|u| (u, next)));
    if first_unit.is_some() {
        next += 1;
    }
    // Connector and a second number.
    let mut second = None;
    let connector = tokens.get(next);
    let is_connector = connector.is_some_and(|t| {
        t.is_sym('-') || matches!(t.word(), Some("to" | "or")) || (between && t.word() == Some("and"))
    });
    // A bare year cannot start a range ("in 2014 to 2.5% in 2016").
    let year_like = first_unit.is_none() && first.fract() == 0.0 && (1900.0..=2100.0).contains(&first);
    if is_connector
        && !year_like
        && let Some((value, after, glued)) = number_at(tokens, next + 1)
        && !glued
        && !masked(&tokens[next + 1].range)
    {
        second = Some(value);
        next = after;
        kind = Some(Kind::Range);
    }
    let mut second_unit = None;
    if second.is_some()
        && let Some(w) = word_or_percent(tokens, next)
        && let Some(u) = unit(w)
    {
        second_unit = Some(u);
        next += 1;
    }
    if second.is_none()
        && let Some((u, _)) = first_unit.take()
    {
        second_unit = Some(u);
    }
    // Resolve the dimension.
    let (dimension, factor_first, factor_second) = match (first_unit.map(|(u, _)| u), second_unit) {
        (Some((d1, f1)), Some((d2, f2))) if d1 == d2 => (d1, f1, f2),
        (Some(_), Some(_)) => return None,
        (None, Some((d, f))) => (d, f, f),
        (Some((d, f)), None) => (d, f, f),
        (None, None) => {
            // A count: "3-6 treatments", "2 tablets".
            let noun = word_at(tokens, next)?;
            let whole = first.fract() == 0.0 && second.is_none_or(|s| s.fract() == 0.0);
            let countable = noun.len() >= 3
                && noun.chars().all(|c| c.is_ascii_alphabetic())
                && !is_stop_word(noun)
                && !is_month(noun)
                && !matches!(
                    noun,
                    "times" | "time" | "old" | "am" | "pm" | "in" | "out" | "percent" | "x"
                );
            if !whole || !countable || (first > 1.0 && !noun.ends_with('s')) {
                return None;
            }
            next += 1;
            (Dimension::Count(lexicon.stem(noun)), 1.0, 1.0)
        }
    };
    // "3-year-old", "2-week-long": the number describes a noun, not an amount.
    if tokens.get(next).is_some_and(|t| t.is_sym('-') && t.glued)
        && word_at(tokens, next + 1).is_some_and(|w| matches!(w, "old" | "long" | "term" | "day" | "week"))
    {
        return None;
    }
    // Years and plain four-digit numbers with units are fine; a unitless
    // count of 1900-2100 things is almost always a year.
    if matches!(dimension, Dimension::Count(_)) && (1900.0..=2100.0).contains(&first) {
        return None;
    }
    // Rates: "2 tablets a day", "3 sessions per week".
    let mut per = None;
    if matches!(word_at(tokens, next), Some("a" | "an" | "per" | "each" | "every"))
        && let Some(w) = word_at(tokens, next + 1)
        && unit(w).is_some_and(|(d, _)| d == Dimension::Time)
    {
        per = Some(lexicon.stem(w));
        next += 2;
    } else if matches!(
        word_at(tokens, next),
        Some("daily" | "weekly" | "monthly" | "yearly" | "nightly")
    ) {
        per = word_at(tokens, next).map(|w| lexicon.word(w));
        next += 1;
    }
    let kind = kind.unwrap_or(Kind::Point);
    let a = first * factor_first;
    let b = second.map(|s| s * factor_second);
    let (low, high) = match kind {
        Kind::Range => {
            let b = b.unwrap_or(a);
            (a.min(b), a.max(b))
        }
        Kind::AtMost => (0.0, a),
        Kind::AtLeast => (a, f64::INFINITY),
        Kind::About => (a * 0.85, a * 1.15),
        Kind::Point => (a, a),
    };
    let end = tokens[next - 1].range.end;
    // The phrase includes its bound words ("at least 6 hours").
    let start =
        if prefix_words > 0 && i >= prefix_words && tokens[i - prefix_words..i].iter().all(|t| t.word().is_some()) {
            tokens[i - prefix_words].range.start
        } else {
            start_token.range.start
        };
    let range = start..end;
    let subject = subject_words(tokens, i, next, lexicon);
    Some((
        Found {
            kind,
            first,
            second,
            low,
            high,
            dimension,
            every,
            per,
            negated,
            range,
            subject,
        },
        next,
    ))
}

/// The unit word (or `%`) at `i`, lowercased.
fn word_or_percent<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    let token = tokens.get(i)?;
    match &token.tok {
        Tok::Sym('%') => Some("%"),
        Tok::Word(w) if w.as_ref() == "per" && word_at(tokens, i + 1) == Some("cent") => Some("percent"),
        Tok::Word(w) => Some(w),
        _ => None,
    }
}

/// Stems of the content words within six words either side, same sentence.
fn subject_words(tokens: &[Token], start: usize, end: usize, lexicon: &mut Lexicon) -> Vec<Stem> {
    let sentence = tokens[start].sentence;
    // A sentence's tokens are contiguous: stop at its ends, not the block's.
    let same_sentence = |t: &&Token| t.sentence == sentence;
    let mut content = |t: &Token| t.word().and_then(|w| lexicon.content_stem(w));
    let mut words: Vec<Stem> = tokens[..start]
        .iter()
        .rev()
        .take_while(same_sentence)
        .filter_map(&mut content)
        .take(6)
        .collect();
    words.extend(
        tokens[end..]
            .iter()
            .take_while(same_sentence)
            .filter_map(&mut content)
            .take(6),
    );
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests;
