//! Units: what each measures and how many base units one of it is, and
//! number words.

use crate::claims::subject::Stem;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// Seconds.
    Time,
    /// Millimetres.
    Length,
    /// Milligrams.
    Mass,
    /// Millilitres.
    Volume,
    /// Percent, and proportions ("1 in 5" is 20).
    Percent,
    /// Times per day: frequencies ("twice a day"), and repeat intervals
    /// ("every 4 hours" is 6 a day).
    Rate,
    /// Milligrams per kilogram of body weight.
    MassPerWeight,
    /// International units or units (insulin, vitamin D, botulinum toxin).
    Units,
    /// A lab concentration, by unit.
    Concentration(Concentration),
    /// Degrees Celsius.
    Temperature,
    Decibels,
    /// Degrees of angle (a knee that bends to 90 degrees).
    Angle,
    /// A count of the noun with this stem ("session", "dose").
    Count(Stem),
}

/// Concentration units, which do not convert into one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Concentration {
    MgPerDl,
    MmolPerL,
    MmolPerMol,
    MuPerL,
    GPerL,
    NgPerMl,
    /// Millimetres of mercury (blood pressure).
    MmHg,
}

impl Dimension {
    /// The dimension's name in messages; a count is named by its noun.
    pub fn name<'l>(&self, lexicon: &'l crate::claims::subject::Lexicon) -> &'l str {
        match self {
            Dimension::Time => "time",
            Dimension::Length => "length",
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Percent => "percent",
            Dimension::Rate => "rate",
            Dimension::MassPerWeight => "dose per weight",
            Dimension::Units => "units",
            Dimension::Concentration(_) => "concentration",
            Dimension::Temperature => "temperature",
            Dimension::Decibels => "decibels",
            Dimension::Angle => "angle",
            Dimension::Count(noun) => lexicon.text(*noun),
        }
    }
}

pub const MINUTE: f64 = 60.0;
pub const HOUR: f64 = 3600.0;
pub const DAY: f64 = 86_400.0;
pub const WEEK: f64 = 7.0 * DAY;
pub const MONTH: f64 = 30.44 * DAY;
pub const YEAR: f64 = 365.25 * DAY;

/// A unit word: its dimension and how many base units one of it is.
pub fn unit(word: &str) -> Option<(Dimension, f64)> {
    let entry = match word {
        "s" | "sec" | "secs" | "second" | "seconds" => (Dimension::Time, 1.0),
        "min" | "mins" | "minute" | "minutes" => (Dimension::Time, MINUTE),
        "h" | "hr" | "hrs" | "hour" | "hours" => (Dimension::Time, HOUR),
        "day" | "days" | "night" | "nights" => (Dimension::Time, DAY),
        "wk" | "wks" | "week" | "weeks" => (Dimension::Time, WEEK),
        "fortnight" | "fortnights" => (Dimension::Time, 2.0 * WEEK),
        "month" | "months" => (Dimension::Time, MONTH),
        "yr" | "yrs" | "year" | "years" => (Dimension::Time, YEAR),
        "decade" | "decades" => (Dimension::Time, 10.0 * YEAR),
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => (Dimension::Length, 1.0),
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => (Dimension::Length, 10.0),
        "m" | "meter" | "meters" | "metre" | "metres" => (Dimension::Length, 1000.0),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => (Dimension::Length, 1_000_000.0),
        "inch" | "inches" => (Dimension::Length, 25.4),
        "mcg" | "µg" | "microgram" | "micrograms" => (Dimension::Mass, 0.001),
        "mg" | "milligram" | "milligrams" => (Dimension::Mass, 1.0),
        "g" | "gram" | "grams" => (Dimension::Mass, 1000.0),
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => (Dimension::Mass, 1_000_000.0),
        "lb" | "lbs" | "pound" | "pounds" => (Dimension::Mass, 453_592.37),
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" => (Dimension::Volume, 1.0),
        "l" | "liter" | "liters" | "litre" | "litres" => (Dimension::Volume, 1000.0),
        "percent" | "%" => (Dimension::Percent, 1.0),
        "iu" | "units" | "unit" => (Dimension::Units, 1.0),
        "°c" | "celsius" => (Dimension::Temperature, 1.0),
        "db" | "decibels" | "decibel" => (Dimension::Decibels, 1.0),
        "degrees" | "degree" | "°" => (Dimension::Angle, 1.0),
        "mmhg" => (Dimension::Concentration(Concentration::MmHg), 1.0),
        _ => return None,
    };
    Some(entry)
}

/// A time unit word and its length in seconds.
pub fn time_unit(word: &str) -> Option<f64> {
    unit(word).and_then(|(dimension, factor)| (dimension == Dimension::Time).then_some(factor))
}

/// One…nineteen, twenty…ninety, hundred. A `match`, because it runs for
/// every word near every number.
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

/// How many times "once", "twice" and "thrice" say.
pub fn times_word(word: &str) -> Option<f64> {
    match word {
        "once" => Some(1.0),
        "twice" => Some(2.0),
        "thrice" => Some(3.0),
        _ => None,
    }
}

/// A fraction said in words: "a third", "two thirds", "half", as percent.
pub fn fraction_word(word: &str) -> Option<f64> {
    match word {
        "half" => Some(50.0),
        "third" | "thirds" => Some(100.0 / 3.0),
        "quarter" | "quarters" => Some(25.0),
        "fifth" | "fifths" => Some(20.0),
        "tenth" | "tenths" => Some(10.0),
        _ => None,
    }
}

/// "daily" and the like: the period they name, in seconds.
pub fn period_adverb(word: &str) -> Option<f64> {
    match word {
        "hourly" => Some(HOUR),
        "daily" | "nightly" => Some(DAY),
        "weekly" => Some(WEEK),
        "fortnightly" => Some(2.0 * WEEK),
        "monthly" => Some(MONTH),
        "yearly" | "annually" => Some(YEAR),
        _ => None,
    }
}
