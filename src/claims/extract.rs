//! Finds quantities in a block of text: masks dates, phone numbers and
//! clock times, then reads number phrases with their bounds, units and
//! rates ("at least 6 weeks", "15-60 minutes", "twice a day", "every 4-6
//! hours", "1 in 5", "aged 50 and over", "no more than 4 g a day").
//! Anything that is not clearly a measured amount is skipped.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::claims::subject::{Lexicon, is_stop_word};
use crate::claims::tokens::{Tok, Token, tokenize};
use crate::claims::units::{
    Concentration, DAY, Dimension, YEAR, fraction_word, is_tens_word, number_word, period_adverb, time_unit,
    times_word, unit,
};

/// How a quantity bounds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// "30 minutes", "from 4 weeks".
    Point,
    /// "15-60 minutes", "between 15 and 60 minutes".
    Range,
    /// "up to 2 hours", "within 48 hours", "no more than 4"; `strict` for
    /// "under" and "fewer than".
    AtMost { strict: bool },
    /// "at least 3", "aged 50 and over"; `strict` for "over", "more than".
    AtLeast { strict: bool },
    /// "about 30 minutes".
    About,
}

/// A quantity read from a block of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub bound: Bound,
    /// Values as written, in the quantity's own units.
    pub first: f64,
    pub second: Option<f64>,
    /// Lowest and highest values in base units (`high` may be infinite).
    pub low: f64,
    pub high: f64,
    pub dimension: Dimension,
    /// An amount per period ("500 mg a day"), in base units per day.
    pub per_day: bool,
    /// Written as a repeat interval ("every 4 hours", "4 weeks apart").
    pub interval: bool,
    /// Written as an age ("aged 50 and over", "from the age of 12").
    pub age: bool,
    /// Said as a limit with a negation ("do not take more than 8").
    pub negated: bool,
    /// Byte range in the block text.
    pub range: Range<usize>,
    /// Token range of the phrase.
    pub tokens: Range<usize>,
    /// A range written high to low ("60-15 minutes"), compared in base
    /// units, so that "45 minutes to 3 hours" is not.
    pub reversed: bool,
}

impl Reading {
    /// "60-15 minutes": a range written high to low.
    pub fn is_reversed(&self) -> bool {
        self.reversed
    }
}

static MASKS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(concat!(
        // Phone numbers: 0800 123 4567, 1-800-318-2596, (555) 123-4567.
        r"(?:\+?[0-9]{1,3}[-. ])?(?:\([0-9]{3}\)\s?|\b[0-9]{3,5}[-. ])[0-9]{3,4}[-. ][0-9]{3,4}\b",
        r"|\b1-[0-9]{3}-[0-9]{3}-[0-9]{4}\b",
        // Dates and clock times.
        r"|\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b|\b[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}\b|\b[0-9]{1,2}[:.][0-9]{2}\s?(?:am|pm|a\.m|p\.m)\b|\b[0-9]{1,2}:[0-9]{2}\b",
        // Blood pressure and other ratios, fractions, around-the-clock.
        r"|\b[0-9]+\s?/\s?[0-9]+\b|\b[0-9]+:[0-9]+\b",
    ))
});

static HAS_NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|once|twice|thrice|half|third|thirds|quarter|every|an?)\b",
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
            | "types"
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
            | "top"
            | "code"
            | "ext"
            | "extension"
            | "item"
            | "question"
            | "rule"
            | "cd"
            | "dsm"
            | "call"
            | "dial"
            | "ring"
            | "text"
            | "zone"
            | "size"
            | "model"
    )
}

/// Words that make "more than X" a limit ("do not take more than 8").
fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not" | "don't" | "dont" | "never" | "no" | "doesn't" | "shouldn't" | "mustn't" | "cannot" | "can't" | "nor"
    )
}

/// Nouns a count never counts: they make the number something else.
fn is_uncountable_after_number(word: &str) -> bool {
    is_stop_word(word)
        || is_month(word)
        || matches!(
            word,
            "times" | "time" | "old" | "am" | "pm" | "in" | "out" | "percent" | "x" | "year" | "years" | "or"
        )
}

/// A quantity and the tokens it spans, while it is being read.
struct Phrase {
    start: usize,
    next: usize,
    first: f64,
    second: Option<f64>,
    bound: Option<Bound>,
    dimension: Option<Dimension>,
    /// Factors to base units for the first and second value.
    factors: (f64, f64),
    per: Option<f64>,
    interval: bool,
    age: bool,
    negated: bool,
}

impl Phrase {
    fn new(start: usize, first: f64, next: usize) -> Phrase {
        Phrase {
            start,
            next,
            first,
            second: None,
            bound: None,
            dimension: None,
            factors: (1.0, 1.0),
            per: None,
            interval: false,
            age: false,
            negated: false,
        }
    }

    /// The reading, with values in base units; a rate per day.
    fn finish(self, tokens: &[Token<'_>]) -> Option<Reading> {
        let mut dimension = self.dimension?;
        let bound = self.bound.unwrap_or(if self.second.is_some() {
            Bound::Range
        } else {
            Bound::Point
        });
        let a = self.first * self.factors.0;
        let b = self.second.map(|s| s * self.factors.1);
        let reversed = bound == Bound::Range && b.is_some_and(|b| a > b * (1.0 + 1e-9));
        // "within 2-3 days" is at most 3 days; "at least 2-3 weeks" at
        // least 2.
        let (least, most) = (a.min(b.unwrap_or(a)), a.max(b.unwrap_or(a)));
        let (mut low, mut high) = match bound {
            Bound::Range => (least, most),
            Bound::AtMost { .. } => (0.0, most),
            Bound::AtLeast { .. } => (least, f64::INFINITY),
            Bound::About => (a * 0.85, a * 1.15),
            Bound::Point => (a, a),
        };
        let mut bound = bound;
        let mut per_day = false;
        if self.interval {
            // Every `low`..`high` seconds is DAY/high..DAY/low times a day.
            if low <= 0.0 && high.is_infinite() {
                return None;
            }
            let (l, h) = (DAY / high, if low > 0.0 { DAY / low } else { f64::INFINITY });
            (low, high) = (l, h);
            bound = match bound {
                Bound::AtMost { strict } => Bound::AtLeast { strict },
                Bound::AtLeast { strict } => Bound::AtMost { strict },
                other => other,
            };
            dimension = Dimension::Rate;
        } else if let Some(period) = self.per {
            let scale = DAY / period;
            (low, high) = (low * scale, high * scale);
            match dimension {
                Dimension::Count(_) => dimension = Dimension::Rate,
                Dimension::Rate => {}
                _ => per_day = true,
            }
        }
        let start = tokens[self.start].range.start;
        let end = tokens[self.next - 1].range.end;
        Some(Reading {
            bound,
            first: self.first,
            second: self.second,
            low,
            high,
            dimension,
            per_day,
            interval: self.interval,
            age: self.age && dimension == Dimension::Time,
            negated: self.negated,
            range: start..end,
            tokens: self.start..self.next,
            reversed,
        })
    }
}

/// The tokens of `text` and the quantities read from them; `lower` is
/// `text` lowercased, which the tokens borrow from.
pub fn readings<'a>(text: &str, lower: &'a str, lexicon: &mut Lexicon) -> (Vec<Token<'a>>, Vec<Reading>) {
    if !text.bytes().any(|b| b.is_ascii_digit()) && !HAS_NUMBER_WORD.is_match(text) {
        return (Vec::new(), Vec::new());
    }
    let tokens = tokenize(text, lower);
    let masks: Vec<Range<usize>> = MASKS.find_iter(text).map(|m| m.range()).collect();
    // Matches come in order and do not overlap: the one that can hold `r`
    // is the last starting at or before it (a scan of all of them for each
    // figure was quadratic in a block of thousands of dates or times).
    let masked = |r: &Range<usize>| {
        let at = masks.partition_point(|m| m.start <= r.start);
        at.checked_sub(1).is_some_and(|i| r.end <= masks[i].end)
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match read_at(&tokens, i, &masked, lexicon) {
            Some(reading) => {
                i = reading.tokens.end.max(i + 1);
                found.push(reading);
            }
            None => i += 1,
        }
    }
    (tokens, found)
}

/// Reads the quantity that starts at token `i`, if one does.
fn read_at(
    tokens: &[Token<'_>],
    i: usize,
    masked: &dyn Fn(&Range<usize>) -> bool,
    lexicon: &mut Lexicon,
) -> Option<Reading> {
    let word = tokens[i].word();
    if let Some(times) = word.and_then(times_word) {
        // "once or twice a day".
        if matches!(word_at(tokens, i + 1), Some("or" | "to"))
            && let Some(more) = word_at(tokens, i + 2).and_then(times_word)
        {
            return frequency(tokens, i, times, Some(more), i + 3);
        }
        return frequency(tokens, i, times, None, i + 1);
    }
    if word == Some("every") {
        return every(tokens, i);
    }
    if let Some(reading) = fraction(tokens, i) {
        return Some(reading);
    }
    let (first, next, glued_left) = number_at(tokens, i)?;
    if glued_left || masked(&tokens[i].range) || rejected_before(tokens, i) {
        return None;
    }
    let mut phrase = Phrase::new(i, first, next);
    prefix(tokens, &mut phrase);
    if word_at(tokens, next) == Some("times") {
        return frequency(tokens, phrase.start, first, None, next + 1);
    }
    // "8 to 12 times in 24 hours".
    if tokens
        .get(next)
        .is_some_and(|t| t.is_sym('-') || matches!(t.word(), Some("to" | "or")))
        && let Some((second, after, false)) = number_at(tokens, next + 1)
        && word_at(tokens, after) == Some("times")
    {
        return frequency(tokens, phrase.start, first, Some(second), after + 1);
    }
    if let Some(reading) = proportion(tokens, &phrase, masked) {
        return Some(reading);
    }
    if let Some(reading) = hyphenated_length(tokens, &phrase) {
        return Some(reading);
    }
    units_and_range(tokens, &mut phrase, masked, lexicon)?;
    if describes_a_noun(tokens, phrase.next) || is_year(&phrase) {
        return None;
    }
    suffix(tokens, &mut phrase);
    phrase.finish(tokens)
}

/// A number at `i`: digits or number words ("twenty-one", "one hundred"),
/// or "a"/"an" before a unit ("a week"); its value, the token after it,
/// and whether it is glued to a letter on its left.
fn number_at(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize, bool)> {
    match &tokens.get(i)?.tok {
        Tok::Num { value, glued_left } if value.is_finite() => Some((*value, i + 1, *glued_left)),
        Tok::Word(w) if w.as_ref() == "a" || w.as_ref() == "an" => {
            // "a week", "an hour", "a fortnight", "a full week"; "half an
            // hour".
            let skip = usize::from(matches!(word_at(tokens, i + 1), Some("full" | "whole" | "single")));
            time_unit(word_at(tokens, i + 1 + skip)?)?;
            Some((1.0, i + 1 + skip, false))
        }
        Tok::Word(w) if w.as_ref() == "half" && matches!(word_at(tokens, i + 1), Some("an" | "a")) => {
            time_unit(word_at(tokens, i + 2)?)?;
            Some((0.5, i + 2, false))
        }
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
            if word_at(tokens, next) == Some("hundred") && value < 10.0 {
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
fn words_before<'t>(tokens: &'t [Token<'_>], i: usize) -> Vec<&'t str> {
    let sentence = tokens.get(i).map_or(0, |t| t.sentence);
    // Within 32 tokens: a run of thousands of numbers and commas holds no
    // words, and looking through all of it for each number was quadratic.
    tokens[i.saturating_sub(32)..i]
        .iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .filter_map(Token::word)
        .take(6)
        .collect()
}

/// What before a number makes it not an amount: a currency or symbol glued
/// to it, an identifier word ("type 2"), a month ("March 3"), or the second
/// half of something already read or rejected ("aged 6 to 12", "1 in 4").
fn rejected_before(tokens: &[Token<'_>], i: usize) -> bool {
    let start = &tokens[i];
    if let Some(p) = i.checked_sub(1) {
        let previous = &tokens[p];
        if matches!(previous.tok, Tok::Sym('$' | '£' | '€' | '#' | '/' | ':' | '^' | '×')) && start.glued {
            return true;
        }
        if let Some(w) = previous.word()
            && (is_identifier_word(w) || is_month(w) || (w == "year" && is_year_value(tokens, i)))
        {
            return true;
        }
        // The second half of a pair ("6 to 12" where 6 was rejected).
        let joins = previous.is_sym('-') || matches!(previous.word(), Some("to" | "and" | "or" | "in"));
        if joins
            && p.checked_sub(1)
                .and_then(|n| number_at(tokens, n))
                .is_some_and(|(_, end, _)| end == p)
        {
            return true;
        }
    }
    false
}

fn is_year_value(tokens: &[Token<'_>], i: usize) -> bool {
    number_at(tokens, i).is_some_and(|(v, _, _)| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v))
}

/// The bound words before the number ("at least", "up to", "between",
/// "from", "aged"), which widen the phrase to include them.
fn prefix(tokens: &[Token<'_>], phrase: &mut Phrase) {
    let before = words_before(tokens, phrase.start);
    let word = |n: usize| before.get(n).copied().unwrap_or("");
    let negated = before.iter().any(|w| is_negation(w));
    let (bound, words) = match (word(2), word(1), word(0)) {
        // "no more than 8" is an upper limit; "no less than" a lower one.
        ("no", "more" | "longer", "than") => (Some(Bound::AtMost { strict: false }), 3),
        ("no", "less" | "fewer" | "sooner" | "earlier", "than") => (Some(Bound::AtLeast { strict: false }), 3),
        (_, "up", "to") | (_, "at", "most") | (_, "a", "maximum") => (Some(Bound::AtMost { strict: false }), 2),
        (_, "maximum", "of") => (Some(Bound::AtMost { strict: false }), 2),
        (_, "less" | "fewer" | "shorter", "than") => (Some(Bound::AtMost { strict: true }), 2),
        // A denied "more than" is the limit itself: "do not take more than 8".
        (_, "more" | "longer" | "greater" | "later", "than") if negated => (Some(Bound::AtMost { strict: false }), 2),
        (_, "more" | "greater" | "longer", "than") => (Some(Bound::AtLeast { strict: true }), 2),
        (_, "at", "least") | (_, "minimum", "of") => (Some(Bound::AtLeast { strict: false }), 2),
        // "doesn't exceed 9.5%".
        (_, _, "exceed" | "exceeds") if negated => (Some(Bound::AtMost { strict: false }), 1),
        (_, "up", "until") => (Some(Bound::Point), 2),
        (_, _, "within") => (Some(Bound::AtMost { strict: false }), 1),
        (_, _, "under" | "below") => (Some(Bound::AtMost { strict: true }), 1),
        (_, _, "over" | "above") => (Some(Bound::AtLeast { strict: true }), 1),
        (_, _, "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "approx" | "some") => {
            (Some(Bound::About), 1)
        }
        _ => (None, 0),
    };
    phrase.bound = bound;
    phrase.negated = negated && matches!(bound, Some(Bound::AtMost { .. }));
    // Words that make the number an age.
    let population_near = before.iter().take(6).any(|w| is_population(w));
    let aged = matches!(word(0), "aged" | "age" | "ages")
        || (word(0) == "of" && word(1) == "age")
        || (matches!(word(0), "under" | "over") && is_population(word(1)))
        || (matches!(word(0), "over" | "under") && matches!(word(1), "are" | "is" | "you're" | "re"))
        || (matches!(word(0), "from" | "between") && population_near);
    if aged {
        phrase.age = true;
    }
    let mut span_words = words;
    if matches!(word(0), "aged" | "age" | "ages") {
        span_words = 1;
    }
    // "from 4 weeks" is the earliest point, not a lower bound; "between"
    // and "from" may open a range.
    if words == 0 && matches!(word(0), "from" | "between") {
        span_words = 1;
    }
    if span_words > 0 && phrase.start >= span_words {
        let first = phrase.start - span_words;
        if tokens[first..phrase.start].iter().all(|t| t.word().is_some()) {
            phrase.start = first;
        }
    }
}

/// Words for groups of people an age threshold may qualify.
fn is_population(word: &str) -> bool {
    matches!(
        word,
        "children"
            | "child"
            | "kids"
            | "babies"
            | "baby"
            | "infants"
            | "adults"
            | "people"
            | "players"
            | "women"
            | "men"
            | "girls"
            | "boys"
            | "teenagers"
            | "teens"
            | "everyone"
            | "anyone"
            | "those"
            | "patients"
    )
}

/// "N in M" and "N out of M" as percent ("1 in 5" is 20%); not "2 or more
/// in 6 months".
fn proportion(tokens: &[Token<'_>], phrase: &Phrase, masked: &dyn Fn(&Range<usize>) -> bool) -> Option<Reading> {
    let mut at = phrase.next;
    match word_at(tokens, at) {
        Some("in") => at += 1,
        Some("out") if word_at(tokens, at + 1) == Some("of") => at += 2,
        _ => return None,
    }
    let (whole, after, glued) = number_at(tokens, at)?;
    if glued || masked(&tokens[at].range) || whole <= 0.0 || whole < phrase.first {
        return None;
    }
    if word_at(tokens, after).is_some_and(|w| time_unit(w).is_some()) {
        return None;
    }
    let mut proportion = Phrase::new(phrase.start, phrase.first * 100.0 / whole, after);
    proportion.bound = phrase.bound;
    proportion.negated = phrase.negated;
    proportion.dimension = Some(Dimension::Percent);
    proportion.finish(tokens)
}

/// "a third of", "two thirds of", "half of", "about half", "roughly halved"
/// is not read; "half" alone is read only before "of".
fn fraction(tokens: &[Token<'_>], i: usize) -> Option<Reading> {
    let (count, word_index) = match (word_at(tokens, i), word_at(tokens, i + 1)) {
        (Some("a" | "one"), Some(w)) if fraction_word(w).is_some() && w != "half" => (1.0, i + 1),
        (Some(n), Some(w)) if number_word(n).is_some_and(|v| v > 1.0) && fraction_word(w).is_some() => {
            (number_word(n)?, i + 1)
        }
        (Some("half"), _) => (1.0, i),
        _ => return None,
    };
    if word_at(tokens, word_index + 1) != Some("of") {
        return None;
    }
    let share = fraction_word(word_at(tokens, word_index)?)?;
    let mut phrase = Phrase::new(i, count * share, word_index + 1);
    phrase.dimension = Some(Dimension::Percent);
    prefix(tokens, &mut phrase);
    phrase.finish(tokens)
}

/// "twice a day", "3 times a week", "8 to 12 times in 24 hours", "once
/// every 6 months", "once daily"; `next` is the token after "times" or
/// "once".
fn frequency(tokens: &[Token<'_>], start: usize, first: f64, second: Option<f64>, next: usize) -> Option<Reading> {
    let mut phrase = Phrase::new(start, first, next);
    phrase.second = second;
    let period = match word_at(tokens, next) {
        Some("a" | "an" | "per" | "each" | "every" | "in") => {
            let (length, after) = period_after(tokens, next + 1)?;
            phrase.next = after;
            length
        }
        Some(w) if period_adverb(w).is_some() => {
            phrase.next = next + 1;
            period_adverb(w)?
        }
        _ => return None,
    };
    prefix(tokens, &mut phrase);
    phrase.dimension = Some(Dimension::Rate);
    phrase.per = Some(period);
    phrase.finish(tokens)
}

/// A period after "a", "per", "every" or "in": "day", "week", "24 hours",
/// "other day"; its length in seconds and the token after it.
fn period_after(tokens: &[Token<'_>], at: usize) -> Option<(f64, usize)> {
    if word_at(tokens, at) == Some("other") {
        return Some((2.0 * time_unit(word_at(tokens, at + 1)?)?, at + 2));
    }
    if let Some(length) = word_at(tokens, at).and_then(time_unit) {
        return Some((length, at + 1));
    }
    let (count, after, _) = number_at(tokens, at)?;
    let length = time_unit(word_at(tokens, after)?)?;
    Some((count * length, after + 1))
}

/// "every 4-6 hours", "every other day", "every year": a repeat interval.
fn every(tokens: &[Token<'_>], i: usize) -> Option<Reading> {
    let at = i + 1;
    let mut phrase = if word_at(tokens, at) == Some("other") {
        let mut phrase = Phrase::new(i, 2.0, at + 1);
        phrase.factors = (time_unit(word_at(tokens, at + 1)?)?, 1.0);
        phrase.next = at + 2;
        phrase.dimension = Some(Dimension::Time);
        phrase
    } else if let Some(length) = word_at(tokens, at).and_then(time_unit) {
        // "every day" and "every night" say a habit, not a count.
        if length <= DAY {
            return None;
        }
        let mut phrase = Phrase::new(i, 1.0, at + 1);
        phrase.factors = (length, length);
        phrase.dimension = Some(Dimension::Time);
        phrase
    } else {
        let (first, next, glued) = number_at(tokens, at)?;
        if glued {
            return None;
        }
        let mut phrase = Phrase::new(at, first, next);
        time_range(tokens, &mut phrase)?;
        phrase.start = i;
        phrase
    };
    phrase.interval = true;
    // "once every 6 months": the "once" belongs to the phrase.
    if i > 0 && tokens[i - 1].word() == Some("once") {
        phrase.start = i - 1;
    }
    let before = phrase.start;
    let mut prefixed = Phrase::new(before, phrase.first, phrase.next);
    prefix(tokens, &mut prefixed);
    phrase.start = prefixed.start;
    phrase.bound = prefixed.bound.or(phrase.bound);
    phrase.finish(tokens)
}

/// A time unit after the number and an optional second number with its
/// own unit: "4-6 hours", "45 minutes to 3 hours".
fn time_range(tokens: &[Token<'_>], phrase: &mut Phrase) -> Option<()> {
    let first_unit = word_at(tokens, phrase.next).and_then(time_unit);
    if let Some(length) = first_unit {
        phrase.factors = (length, length);
        phrase.next += 1;
    }
    let connector = tokens.get(phrase.next);
    if connector.is_some_and(|t| t.is_sym('-') || matches!(t.word(), Some("to" | "or")))
        && let Some((value, after, false)) = number_at(tokens, phrase.next + 1)
    {
        phrase.second = Some(value);
        phrase.next = after;
        let length = word_at(tokens, phrase.next).and_then(time_unit);
        if let Some(length) = length {
            phrase.next += 1;
            phrase.factors.1 = length;
            if first_unit.is_none() {
                phrase.factors.0 = length;
            }
        } else if first_unit.is_none() {
            return None;
        }
    } else if first_unit.is_none() {
        return None;
    }
    phrase.dimension = Some(Dimension::Time);
    Some(())
}

/// The unit after the first number, a connector and second number ("15-60
/// minutes", "1 hour to 2 hours", "between 15 and 60 minutes"), the unit
/// after the second, or a counted noun ("3-6 treatments").
fn units_and_range(
    tokens: &[Token<'_>],
    phrase: &mut Phrase,
    masked: &dyn Fn(&Range<usize>) -> bool,
    lexicon: &mut Lexicon,
) -> Option<()> {
    let between = phrase.start > 0
        && tokens[(phrase.start + 1).saturating_sub(32)..phrase.start + 1]
            .iter()
            .rev()
            .find_map(Token::word)
            .is_some_and(|w| w == "between")
        || word_at(tokens, phrase.start) == Some("between");
    let first_unit = unit_at(tokens, phrase.next);
    if let Some((_, _, width)) = first_unit {
        phrase.next += width;
    }
    // "day 3", "weeks 2 to 6": a time unit before the number.
    let unit_before = phrase
        .start
        .checked_sub(1)
        .and_then(|p| tokens[p].word())
        .and_then(time_unit)
        .filter(|_| first_unit.is_none());
    let connector = tokens.get(phrase.next);
    let joins = connector.is_some_and(|t| {
        t.is_sym('-') || matches!(t.word(), Some("to" | "or")) || (between && t.word() == Some("and"))
    });
    let year_like = first_unit.is_none() && phrase.first.fract() == 0.0 && (1900.0..=2100.0).contains(&phrase.first);
    if joins
        && !year_like
        && let Some((value, after, glued)) = number_at(tokens, phrase.next + 1)
        && !glued
        && !masked(&tokens[phrase.next + 1].range)
    {
        phrase.second = Some(value);
        phrase.next = after;
        if phrase.bound.is_none_or(|b| b == Bound::Point) {
            phrase.bound = Some(Bound::Range);
        }
    }
    let mut second_unit = None;
    if phrase.second.is_some()
        && let Some((d, f, width)) = unit_at(tokens, phrase.next)
    {
        second_unit = Some((d, f));
        phrase.next += width;
    }
    let first_unit = first_unit.map(|(d, f, _)| (d, f));
    let (dimension, factors) = match (first_unit, second_unit) {
        (Some((d1, f1)), Some((d2, f2))) if d1 == d2 => (d1, (f1, f2)),
        (Some(_), Some(_)) => return None,
        (None, Some((d, f))) | (Some((d, f)), None) => (d, (f, f)),
        (None, None) => match unit_before {
            Some(length) => (Dimension::Time, (length, length)),
            None if phrase.age => (Dimension::Time, (YEAR, YEAR)),
            None => (counted_noun(tokens, phrase, lexicon)?, (1.0, 1.0)),
        },
    };
    phrase.dimension = Some(dimension);
    phrase.factors = factors;
    Some(())
}

/// The unit at `at`, with compound units ("mg/dL", "mg per kg", "mmol/L"):
/// its dimension, factor, and how many tokens it takes.
fn unit_at(tokens: &[Token<'_>], at: usize) -> Option<(Dimension, f64, usize)> {
    let token = tokens.get(at)?;
    let word = match &token.tok {
        Tok::Sym('%') => "%",
        Tok::Word(w) if w.as_ref() == "per" && word_at(tokens, at + 1) == Some("cent") => {
            return Some((Dimension::Percent, 1.0, 2));
        }
        Tok::Word(w) if w.as_ref() == "percentage" && word_at(tokens, at + 1) == Some("points") => {
            return Some((Dimension::Percent, 1.0, 2));
        }
        Tok::Word(w) => w.as_ref(),
        _ => return None,
    };
    // "mg/dL", "mg per kg": a second unit after "/" or "per".
    let divided = tokens
        .get(at + 1)
        .is_some_and(|t| t.is_sym('/') || t.word() == Some("per"));
    if divided && let Some(denominator) = word_at(tokens, at + 2) {
        let compound = match (word, denominator) {
            ("mg", "dl") => Some(Dimension::Concentration(Concentration::MgPerDl)),
            ("mmol", "l") => Some(Dimension::Concentration(Concentration::MmolPerL)),
            ("mmol", "mol") => Some(Dimension::Concentration(Concentration::MmolPerMol)),
            ("mu" | "miu" | "mui", "l") => Some(Dimension::Concentration(Concentration::MuPerL)),
            ("g", "l" | "dl") => Some(Dimension::Concentration(Concentration::GPerL)),
            ("ng", "ml") => Some(Dimension::Concentration(Concentration::NgPerMl)),
            ("mg" | "mcg" | "microgram" | "micrograms" | "milligrams", "kg" | "kilogram") => {
                Some(Dimension::MassPerWeight)
            }
            _ => None,
        };
        if let Some(dimension) = compound {
            let factor = if denominator == "dl" && word == "g" { 10.0 } else { 1.0 };
            return Some((dimension, factor, 3));
        }
    }
    if matches!(word, "mmol" | "mu" | "miu" | "ng") {
        return None;
    }
    unit(word).map(|(d, f)| (d, f, 1))
}

/// A count: "3-6 treatments", "2 tablets", the noun interned.
fn counted_noun(tokens: &[Token<'_>], phrase: &mut Phrase, lexicon: &mut Lexicon) -> Option<Dimension> {
    // "3 small cuts", "two or three sessions": one adjective may come first.
    let mut at = phrase.next;
    let mut noun = word_at(tokens, at)?;
    if let Some(after) = word_at(tokens, at + 1)
        && matches!(
            noun,
            "small"
                | "large"
                | "separate"
                | "different"
                | "full"
                | "adult"
                | "more"
                | "extra"
                | "weekly"
                | "daily"
                | "monthly"
        )
        && after.len() >= 3
        && after.ends_with('s')
    {
        at += 1;
        noun = after;
    }
    let whole = phrase.first.fract() == 0.0 && phrase.second.is_none_or(|s| s.fract() == 0.0);
    // "3 per week": a count of what the sentence is about, per period.
    if whole
        && noun == "per"
        && let Some((period, after)) = period_after(tokens, at + 1)
    {
        phrase.per = Some(period);
        phrase.next = after;
        return Some(Dimension::Rate);
    }
    let countable = noun.len() >= 3
        && noun.chars().all(|c| c.is_ascii_alphabetic())
        && !is_uncountable_after_number(noun)
        && time_unit(noun).is_none();
    if !whole || !countable || (phrase.first > 1.0 && !noun.ends_with('s')) {
        return None;
    }
    phrase.next = at + 1;
    Some(Dimension::Count(lexicon.stem(noun)))
}

/// "a 10-day course", "a 3-month programme": a length written as an
/// adjective of a course, stay or treatment.
fn hyphenated_length(tokens: &[Token<'_>], phrase: &Phrase) -> Option<Reading> {
    if phrase.dimension.is_some_and(|d| d != Dimension::Time) || phrase.second.is_some() {
        return None;
    }
    let dash = tokens.get(phrase.next)?;
    if !(dash.is_sym('-') && dash.glued) {
        return None;
    }
    let length = time_unit(word_at(tokens, phrase.next + 1)?)?;
    let noun = word_at(tokens, phrase.next + 2)?;
    if !matches!(
        noun,
        "course" | "courses" | "treatment" | "stay" | "programme" | "program" | "plan" | "wait" | "break" | "gap"
    ) {
        return None;
    }
    let mut reading = Phrase::new(phrase.start, phrase.first, phrase.next + 2);
    reading.bound = phrase.bound;
    reading.dimension = Some(Dimension::Time);
    reading.factors = (length, length);
    reading.finish(tokens)
}

/// "3-year-old", "2-week-long": the number describes a noun.
fn describes_a_noun(tokens: &[Token<'_>], next: usize) -> bool {
    tokens.get(next).is_some_and(|t| t.is_sym('-') && t.glued)
        && word_at(tokens, next + 1).is_some_and(|w| matches!(w, "old" | "long" | "term" | "day" | "week" | "year"))
}

/// A count of 1900-2100 things is almost always a year.
fn is_year(phrase: &Phrase) -> bool {
    matches!(phrase.dimension, Some(Dimension::Count(_))) && (1900.0..=2100.0).contains(&phrase.first)
}

/// What follows a quantity: "or more", "and over", "apart", "a day",
/// "years old".
fn suffix(tokens: &[Token<'_>], phrase: &mut Phrase) {
    let (w0, w1) = (word_at(tokens, phrase.next), word_at(tokens, phrase.next + 1));
    let (bound, words) = match (w0, w1) {
        (Some("or" | "and"), Some("more" | "over" | "above" | "higher" | "older" | "greater" | "longer")) => {
            (Some(Bound::AtLeast { strict: false }), 2)
        }
        (Some("or" | "and"), Some("less" | "under" | "below" | "fewer" | "lower" | "younger" | "shorter")) => {
            (Some(Bound::AtMost { strict: false }), 2)
        }
        (Some("at"), Some("most")) => (Some(Bound::AtMost { strict: false }), 2),
        (Some("at"), Some("least")) => (Some(Bound::AtLeast { strict: false }), 2),
        _ => (None, 0),
    };
    if let Some(bound) = bound
        && phrase.second.is_none()
    {
        phrase.bound = Some(bound);
        phrase.next += words;
    } else if tokens.get(phrase.next).is_some_and(|t| t.is_sym('+') && t.glued) {
        phrase.bound = Some(Bound::AtLeast { strict: false });
        phrase.next += 1;
    }
    if matches!(phrase.dimension, Some(Dimension::Time)) {
        match word_at(tokens, phrase.next) {
            Some("apart") => {
                phrase.interval = true;
                phrase.next += 1;
            }
            Some("old") if phrase.factors.0 >= YEAR * 0.99 || phrase.factors.0 >= 28.0 * DAY => {
                phrase.age = true;
                phrase.next += 1;
            }
            _ => {}
        }
        return;
    }
    // Rates: "2 tablets a day", "500 mg daily", "4 doses in 24 hours".
    let next = phrase.next;
    match word_at(tokens, next) {
        Some("a" | "an" | "per" | "each" | "every" | "in") => {
            if let Some((length, after)) = period_after(tokens, next + 1) {
                phrase.per = Some(length);
                phrase.next = after;
            }
        }
        Some(w) if period_adverb(w).is_some() => {
            phrase.per = period_adverb(w);
            phrase.next += 1;
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
