//! Units, their dimensions and base units, and number words.

use crate::claims::subject::Stem;

/// What a quantity measures. Counts carry the stem of the counted noun.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// Seconds.
    Time,
    /// Millimetres.
    Length,
    /// Milligrams.
    Mass,
    /// Millilitres.
    Volume,
    Percent,
    /// A count of the noun with this stem ("treatment", "session").
    Count(Stem),
}

impl Dimension {
    /// The dimension's name; a count is named by its noun in `lexicon`.
    pub fn name<'l>(&self, lexicon: &'l crate::claims::subject::Lexicon) -> &'l str {
        match self {
            Dimension::Time => "time",
            Dimension::Length => "length",
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Percent => "percent",
            Dimension::Count(noun) => lexicon.text(*noun),
        }
    }
}

/// A unit word: its dimension and how many base units one of it is.
pub fn unit(word: &str) -> Option<(Dimension, f64)> {
    const MINUTE: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86_400.0;
    let entry = match word {
        "s" | "sec" | "secs" | "second" | "seconds" => (Dimension::Time, 1.0),
        "min" | "mins" | "minute" | "minutes" => (Dimension::Time, MINUTE),
        "h" | "hr" | "hrs" | "hour" | "hours" => (Dimension::Time, HOUR),
        "day" | "days" => (Dimension::Time, DAY),
        "wk" | "wks" | "week" | "weeks" => (Dimension::Time, 7.0 * DAY),
        "month" | "months" => (Dimension::Time, 30.44 * DAY),
        "yr" | "yrs" | "year" | "years" => (Dimension::Time, 365.25 * DAY),
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => (Dimension::Length, 1.0),
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => (Dimension::Length, 10.0),
        "inch" | "inches" => (Dimension::Length, 25.4),
        "mcg" | "µg" | "microgram" | "micrograms" => (Dimension::Mass, 0.001),
        "mg" | "milligram" | "milligrams" => (Dimension::Mass, 1.0),
        "g" | "gram" | "grams" => (Dimension::Mass, 1000.0),
        "kg" | "kilogram" | "kilograms" => (Dimension::Mass, 1_000_000.0),
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" => (Dimension::Volume, 1.0),
        "l" | "liter" | "liters" | "litre" | "litres" => (Dimension::Volume, 1000.0),
        "percent" | "%" => (Dimension::Percent, 1.0),
        _ => return None,
    };
    Some(entry)
}

/// One…nineteen, twenty…ninety, hundred. A `match`, because it runs for
/// every word of every article.
pub fn number_word(word: &str) -> Option<f64> {
    let value = match word {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        _ => return None,
    };
    Some(value)
}

pub fn is_tens_word(word: &str) -> bool {
    number_word(word).is_some_and(|n| (20.0..100.0).contains(&n))
}
