//! Doses as articles write them: an amount with a dose unit ("5 mg",
//! ".5 mL", "1,000 IU"), a regimen ("400 mg every 4 hours", "2 tablets of
//! 500 mg 4 times a day") and a daily maximum ("no more than 3 g in 24
//! hours"), with who the sentence is about (children or adults).
//!
//! The medication rules read these; the shapes are kept small so that the
//! numeric-claim frames can take them up as dose frames.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// Units that make a number a dose. Weights of people ("kg") and lab
/// concentrations ("mg/dL", "mmol/L") are not doses; they are told apart
/// by [`is_lab_unit`].
const DOSE_UNIT: &str = r"(?:mg|mcg|µg|μg|ug|g|grams?|milligrams?|micrograms?|mL|ml|millilit(?:er|re)s?|cc|units?|IU|U|mEq|mmol|tablets?|tabs?|capsules?|caps?|puffs?|drops?|teaspoons?|tsp|tablespoons?|tbsp|sprays?|patch(?:es)?|sachets?|doses?)";

/// An amount: digits with optional thousands commas and decimals, or a
/// naked leading decimal (".5").
const AMOUNT: &str = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)";

/// A dose: amounts (one, or a range "1.0-2.0", "1 to 2") and a unit.
pub static DOSE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        r"(?:^|[^\w.,/$£€])(?P<amounts>{AMOUNT}(?:\s?(?:-|–|to|or)\s?{AMOUNT})*)\s?(?P<unit>{DOSE_UNIT})(?P<per>/(?:kg|dL|dl|L|l|mmol|mol|mL|ml|day|d|hr?|h|m2|min)\b|\s+per\s+(?:kg|kilogram|pound|lb)\b)?\b",
    ))
});

static ONE_AMOUNT: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(AMOUNT));

/// A dose found in a text: where it is and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct DoseMention {
    /// The amounts and unit, without the `/kg` or `/dL` that may follow.
    pub span: Range<usize>,
    /// Each amount as written, with its range in the text.
    pub amounts: Vec<(Range<usize>, String)>,
    pub unit: String,
    /// What follows the unit: "/kg", "/dL", " per kg", or nothing.
    pub per: Option<String>,
}

impl DoseMention {
    /// A lab value ("7.0 mmol/L", "5.0 mg/dL"), not a dose.
    pub fn is_lab_value(&self) -> bool {
        self.per.as_deref().is_some_and(is_lab_unit)
    }

    /// A dose by body weight ("10 mg/kg", "10 mg per kg").
    pub fn is_by_weight(&self) -> bool {
        self.per
            .as_deref()
            .is_some_and(|p| p.contains("kg") || p.contains("kilogram") || p.contains("pound") || p.contains("lb"))
    }
}

/// A per-volume denominator of a lab result.
fn is_lab_unit(per: &str) -> bool {
    matches!(per, "/dL" | "/dl" | "/L" | "/l" | "/mmol" | "/mol")
}

/// Every dose in `text`, in order.
pub fn doses(text: &str) -> Vec<DoseMention> {
    DOSE.captures_iter(text).map(|c| mention(&c)).collect()
}

fn mention(c: &Captures<'_>) -> DoseMention {
    let amounts_match = c.name("amounts").expect("group amounts");
    let unit = c.name("unit").expect("group unit");
    let amounts = ONE_AMOUNT
        .find_iter(amounts_match.as_str())
        .map(|m| {
            let start = amounts_match.start() + m.start();
            (start..start + m.len(), m.as_str().to_string())
        })
        .collect();
    DoseMention {
        span: amounts_match.start()..unit.end(),
        amounts,
        unit: unit.as_str().to_string(),
        per: c.name("per").map(|m| m.as_str().trim().to_string()),
    }
}

/// True when `text` holds a dose (an amount with a dose unit that is not a
/// lab value).
pub fn has_dose(text: &str) -> bool {
    doses(text).iter().any(|d| !d.is_lab_value())
}

/// An amount as a number ("1,200" → 1200, ".5" → 0.5).
pub fn amount_value(amount: &str) -> Option<f64> {
    let plain: String = amount.chars().filter(|c| *c != ',').collect();
    let plain = if plain.starts_with('.') {
        format!("0{plain}")
    } else {
        plain
    };
    plain.parse().ok()
}

/// The unit's family and its factor to the family's base (milligrams for
/// mass, millilitres for volume, units for units; tablets, capsules and
/// pills are counted as tablets, and doses as doses), or `None` for units
/// no daily total is kept in (drops, puffs).
pub fn unit_scale(unit: &str) -> Option<(&'static str, f64)> {
    let unit = unit.to_lowercase();
    let unit = unit
        .strip_prefix("international")
        .map_or(unit.as_str(), str::trim_start);
    Some(match unit {
        "mg" | "milligram" | "milligrams" => ("mg", 1.0),
        "mcg" | "µg" | "μg" | "ug" | "microgram" | "micrograms" => ("mg", 0.001),
        "g" | "gram" | "grams" => ("mg", 1000.0),
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" | "cc" => ("mL", 1.0),
        "unit" | "units" | "iu" | "u" => ("units", 1.0),
        "tablet" | "tablets" | "capsule" | "capsules" | "caplet" | "caplets" | "pill" | "pills" => ("tablets", 1.0),
        "dose" | "doses" => ("doses", 1.0),
        _ => return None,
    })
}

/// Who a sentence is about, as far as doses go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Population {
    Children,
    Adults,
    /// The sentence names both: which dose is whose is not clear.
    Mixed,
    /// The sentence does not say: read as the article's default reader.
    Unstated,
}

static CHILDREN: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:child|children|child's|kids?|infants?|bab(?:y|ies)|toddlers?|newborns?|pediatric|paediatric|under\s+(?:the\s+age\s+of\s+)?1[0-8]|aged?\s+\d{1,2}\s+(?:to|-)\s+1[0-7]|younger\s+than\s+1[0-8]|(?:years?|months?)\s+old)\b",
    )
});

static ADULTS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?i)\b(?:adults?|grown-ups?|(?:1[2-8]|\d{2})\s+(?:years\s+)?(?:and|or)\s+(?:older|over))\b")
});

/// Who `sentence` is about.
pub fn population(sentence: &str) -> Population {
    let children = CHILDREN.is_match(sentence);
    if children && ADULTS.is_match(sentence) {
        Population::Mixed
    } else if children {
        Population::Children
    } else if ADULTS.is_match(sentence) {
        Population::Adults
    } else {
        Population::Unstated
    }
}

/// Two populations a dose and a limit could both be about: an unstated
/// one is read as adults, the default reader of a consumer article.
pub fn same_population(a: Population, b: Population) -> bool {
    let adultish = |p| matches!(p, Population::Adults | Population::Unstated);
    a != Population::Mixed && b != Population::Mixed && (a == b || (adultish(a) && adultish(b)))
}

/// Words that make a dose a step or a target, not the dose itself:
/// "increase to", "work up to", "up to", "reduce to".
pub static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:increas\w*|rais\w*|work\w*\s+up|titrat\w*|adjust\w*|doubl\w*|reduc\w*|lower\w*|decreas\w*|cut\s+back|step\w*\s+(?:up|down)|up\s+to|at\s+most|maximum|max|more\s+than|less\s+than|fewer\s+than|exceed\w*|switch\w*|then|after)\b",
    )
});

/// A regimen: one dose given so many times a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Regimen {
    pub span: Range<usize>,
    /// The amount per dose, as written ("400 mg", "2 tablets of 500 mg").
    pub dose_text: String,
    /// The smallest and largest amount per dose in the family's base unit.
    pub per_dose: (f64, f64),
    pub family: &'static str,
    /// The fewest and most doses a day the frequency allows.
    pub per_day: (f64, f64),
    /// Tablets (capsules, pills) per dose, when the dose is written as a
    /// count of them ("2 tablets of 500 mg").
    pub tablets: Option<(f64, f64)>,
    /// The frequency as written ("every 4 hours").
    pub frequency: String,
    pub medicine: Option<String>,
}

impl Regimen {
    /// The smallest and largest dose counted in `family`: the amount in
    /// its own family, the number of tablets when it is written as
    /// tablets, one dose; `None` when the regimen says nothing of it.
    pub fn per_dose_in(&self, family: &str) -> Option<(f64, f64)> {
        match family {
            _ if family == self.family => Some(self.per_dose),
            "tablets" => self.tablets,
            "doses" => Some((1.0, 1.0)),
            _ => None,
        }
    }

    /// A day's amount ("2 capsules a day", "5 mg a day"), not a dose
    /// given so many times.
    pub fn is_daily_amount(&self) -> bool {
        let frequency = self.frequency.trim_start_matches([',', ' ']).to_lowercase();
        ["a ", "per ", "each ", "every day"]
            .iter()
            .any(|p| frequency.starts_with(p))
    }

    /// The most the regimen allows in a day, counted in `family`.
    pub fn max_daily(&self, family: &str) -> Option<f64> {
        self.per_dose_in(family).map(|dose| dose.1 * self.per_day.1)
    }

    /// The least the regimen allows in a day, counted in `family`: its
    /// lowest dose at its lowest frequency.
    pub fn min_daily(&self, family: &str) -> Option<f64> {
        self.per_dose_in(family).map(|dose| dose.0 * self.per_day.0)
    }
}

/// A stated daily maximum ("no more than 1,200 mg in 24 hours").
#[derive(Debug, Clone, PartialEq)]
pub struct DailyLimit {
    pub span: Range<usize>,
    pub text: String,
    /// The amount and unit as written ("3 g").
    pub written: String,
    pub amount: f64,
    pub family: &'static str,
    pub medicine: Option<String>,
}

const NUMBER_WORD: &str = r"(?:\d+|one|two|three|four|five|six)";
const MULTIPLIER: &str = r"(?:once|twice|thrice|(?:\d+|one|two|three|four|five|six)\s+times)";

/// How often a dose is taken: "every 4 hours", "every 4 to 6 hours",
/// "3 times a day", "twice daily".
const FREQUENCY: &str = concat!(
    r",?\s+(?:",
    r"every\s+(?P<hours_lo>\d+)(?:\s?(?:-|–|to|or)\s?(?P<hours_hi>\d+))?\s+hours?",
    r"|(?P<times>{mult})(?:\s+(?:or|to|-)\s+(?P<times_hi>{mult}))?\s+(?:a|per|each|every)\s+day",
    r"|(?P<times_daily>{mult})(?:\s+(?:or|to|-)\s+(?P<times_daily_hi>{mult}))?\s+daily",
    // "2 capsules a day": the dose is the day's.
    r"|(?P<once>a|per|each|every)\s+day\b",
    r")",
);

/// A number of tablets, capsules or pills.
const COUNT: &str =
    r"(?P<count>{num}|one\s+or\s+two|1\s+(?:or|to|-)\s+2)\s+(?P<form>tablets?|capsules?|caplets?|pills?)";

/// What may stand between a dose and how often it is taken: the
/// medicine (after the strength its label names: "infant paracetamol",
/// "children's ibuprofen"), how it is taken.
const BETWEEN: &str = concat!(
    r"(?:\s+(?:of\s+)?(?:(?:infants?['’]?|children['’]?s|child(?:ren)?|junior|adult|liquid|oral|chewable|extra-strength|regular-strength)\s+)?(?P<medicine1>[a-z][a-z-]{{3,}}(?:\s+[a-z][a-z-]{{3,}})?))?",
    r"(?:\s+(?:by\s+mouth|orally|with\s+(?:food|water)))?",
);

/// A regimen by amount: "400 mg every 4 hours", "2 tablets of 500 mg 4
/// times a day".
static REGIMEN: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = [
        r"(?i)(?:",
        COUNT,
        r"\s+(?:of\s+)?)?",
        r"(?P<amounts>{amount}(?:\s?(?:-|–|to|or)\s?{amount})?)\s?(?P<unit>mg|mcg|µg|g|grams?|milligrams?|micrograms?|mL|ml|units?|IU)\b",
        r"(?:\s+(?:tablets?|capsules?|caplets?|pills?|doses?))?",
        BETWEEN,
        FREQUENCY,
    ]
    .concat();
    crate::pattern::regex(
        &pattern
            .replace("{num}", NUMBER_WORD)
            .replace("{amount}", AMOUNT)
            .replace("{mult}", MULTIPLIER)
            .replace("{{", "{")
            .replace("}}", "}"),
    )
});

/// A regimen by count alone: "2 tablets every 4 hours", "1 or 2 capsules
/// of paracetamol 4 times a day".
static REGIMEN_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = [r"(?i)\b", COUNT, BETWEEN, FREQUENCY].concat();
    crate::pattern::regex(
        &pattern
            .replace("{num}", NUMBER_WORD)
            .replace("{mult}", MULTIPLIER)
            .replace("{{", "{")
            .replace("}}", "}"),
    )
});

static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        concat!(
            r"(?i)(?:no\s+more\s+than|not\s+(?:to\s+)?exceed|more\s+than|maximum(?:\s+daily)?(?:\s+dose)?(?:\s+(?:of|is))?|max(?:imum)?\s+of|up\s+to\s+a\s+(?:maximum|total)\s+of|daily\s+(?:maximum|limit)\s+(?:of|is))",
            r"\s+(?:a\s+total\s+of\s+)?(?P<amount>{amount})\s?(?P<unit>mg|mcg|µg|g|grams?|milligrams?|micrograms?|mL|ml|(?:international\s+)?units?|IU|tablets?|capsules?|caplets?|pills?|doses?)\b",
            // "100 micrograms (4,000 international units) a day": the
            // same limit in another unit.
            r"(?:\s*\((?P<alt>{amount})\s?(?P<alt_unit>mg|mcg|µg|g|micrograms?|milligrams?|(?:international\s+)?units?|IU)\))?",
            r"(?:\s+(?:of\s+)?(?P<medicine>[a-z][a-z-]{{3,}}))?",
            r"\s+(?:in|per|a|each|every|within|over)\s+(?:any\s+|one\s+|a\s+|1\s+)?(?:24(?:-|\s)hours?(?:\s+period)?|day)\b",
            // "The maximum daily dose is 2,000 mg": the period comes first.
            r"|(?i:(?:maximum|max|highest)\s+(?:total\s+)?(?:daily|24-hour)\s+(?:dose|amount|intake)\s+(?:is|of)|daily\s+(?:maximum|limit)\s+(?:is|of))\s+(?P<amount2>{amount})\s?(?P<unit2>mg|mcg|µg|g|grams?|milligrams?|micrograms?|mL|ml|units?|IU|tablets?|capsules?|caplets?|pills?|doses?)\b",
        ),
        amount = AMOUNT,
    ))
});

/// Words after a unit that are not a medicine's name.
const NOT_MEDICINE: &[&str] = &[
    "every", "each", "once", "twice", "thrice", "times", "daily", "with", "orally", "tablet", "tablets", "capsule",
    "capsules", "dose", "doses", "taken", "that", "this", "total", "within", "over", "per", "from", "your", "their",
    "after", "before", "when", "then", "and", "should", "may", "can", "could", "must", "would", "will", "should",
];

fn medicine(word: Option<regex::Match<'_>>) -> Option<String> {
    let word = word?.as_str().to_lowercase();
    (!NOT_MEDICINE.contains(&word.as_str())).then_some(word)
}

fn times(word: &str) -> Option<f64> {
    let word = word.to_lowercase();
    let first = word.split_whitespace().next()?;
    Some(match first {
        "once" | "one" => 1.0,
        "twice" | "two" => 2.0,
        "thrice" | "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        n => n.parse().ok()?,
    })
}

fn count_range(count: &str) -> Option<(f64, f64)> {
    let lower = count.to_lowercase();
    if lower.contains("or") || lower.contains("to") || lower.contains('-') {
        let numbers: Vec<f64> = lower.split(|c: char| !c.is_alphanumeric()).filter_map(times).collect();
        return Some((*numbers.first()?, *numbers.last()?));
    }
    let n = times(&lower)?;
    Some((n, n))
}

/// "500 mg of metformin", "1,000 IU of vitamin D", "400 mg ibuprofen":
/// the word after a dose by mass or in units names what it is of.
static DOSE_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        r"(?i)(?:^|[^\w.,/]){AMOUNT}\s?(?:mg|mcg|µg|g|grams?|milligrams?|micrograms?|units?|IU)\s+(?:(?:tablets?|capsules?|caplets?|pills?|doses?)\s+)?(?:of\s+)?(?P<medicine>[a-z][a-z-]{{3,}})\b",
    ))
});

/// Words after a dose that name a form or a kind of thing, not a
/// medicine of its own.
const NOT_A_MEDICINE: &[&str] = &[
    "medicine",
    "medicines",
    "medication",
    "medications",
    "drug",
    "drugs",
    "supplement",
    "supplements",
    "pill",
    "pills",
    "product",
    "products",
    "active",
    "ingredient",
    "ingredients",
    "extended-release",
    "slow-release",
    "immediate-release",
    "strength",
    "dosage",
    "amount",
    "amounts",
    "less",
    "more",
    "daily",
    "weekly",
    "once",
    "twice",
    "hourly",
    "nightly",
    "every",
    "twice-daily",
    "once-daily",
    "intravenously",
    "intramuscularly",
    "subcutaneously",
    "injected",
    "given",
    "taken",
    "used",
    "prescribed",
    "reduces",
    "lowers",
    "raises",
    "helps",
];

/// The medicines `text` gives doses of ("500 mg of metformin" names
/// "metformin"), lower-cased.
pub fn medicines_named(text: &str) -> impl Iterator<Item = String> + '_ {
    DOSE_OF.captures_iter(text).filter_map(|c| {
        let word = c.name("medicine")?.as_str().to_lowercase();
        let known_other = NOT_MEDICINE.contains(&word.as_str())
            || NOT_A_MEDICINE.contains(&word.as_str())
            || crate::claims::subject::is_stop_word(&word)
            || crate::claims::units::unit(&word).is_some();
        (!known_other).then_some(word)
    })
}

/// Every regimen in `text`: by amount ("400 mg every 4 hours") and by
/// count alone ("2 tablets every 4 hours").
pub fn regimens(text: &str) -> Vec<Regimen> {
    let mut found: Vec<Regimen> = REGIMEN
        .captures_iter(text)
        .chain(REGIMEN_COUNT.captures_iter(text))
        .filter_map(|c| regimen(text, &c))
        .map(|r| with_strength(text, r))
        .collect();
    found.sort_by_key(|r| r.span.start);
    found
}

fn regimen(text: &str, c: &Captures<'_>) -> Option<Regimen> {
    let whole = c.get(0).expect("group 0");
    let count = c.name("count").and_then(|m| count_range(m.as_str()));
    // A dose by amount, or by count alone: the unit is the amount's, or
    // the tablets'.
    let unit = c.name("unit").or_else(|| c.name("form")).expect("a unit or a form");
    let (family, scale) = unit_scale(unit.as_str())?;
    // "10 mg/kg every 8 hours" never matches: the unit must end at a word
    // boundary not followed by "/".
    if text[whole.end()..].starts_with('/') || text[unit.end()..].starts_with('/') {
        return None;
    }
    let (count_lo, count_hi) = count.unwrap_or((1.0, 1.0));
    let (low, high) = match c.name("amounts") {
        Some(amounts) => {
            let values: Vec<f64> = ONE_AMOUNT
                .find_iter(amounts.as_str())
                .filter_map(|m| amount_value(m.as_str()))
                .collect();
            (*values.first()?, *values.last()?)
        }
        None => (1.0, 1.0),
    };
    // "10 mg once a day" and "20 mg of loratadine once a day" can read as
    // a medicine "once" (or "loratadine once") taken "a day": the
    // multiplier belongs to the frequency.
    let mut medicine_words = c.name("medicine1").map(|m| m.as_str());
    let mut taken_multiplier: Option<(usize, &str)> = None;
    if let (Some(m), Some(_)) = (c.name("medicine1"), c.name("once")) {
        let words = m.as_str();
        // The multiplier is the group's last word ("once") or its last two
        // ("three times").
        let starts: Vec<usize> = std::iter::once(0)
            .chain(words.match_indices(' ').map(|(i, _)| i + 1))
            .collect();
        if let Some(&from) = starts
            .iter()
            .rev()
            .take(2)
            .find(|&&from| times(&words[from..]).is_some())
        {
            taken_multiplier = Some((m.start() + from, &words[from..]));
            medicine_words = Some(words[..from].trim_end()).filter(|w| !w.is_empty());
        }
    }
    let per_day = if let Some(lo) = c.name("hours_lo") {
        let lo: f64 = lo.as_str().parse().unwrap_or(0.0);
        let hi: f64 = c.name("hours_hi").and_then(|m| m.as_str().parse().ok()).unwrap_or(lo);
        if lo <= 0.0 || hi <= 0.0 {
            return None;
        }
        // "every 4 hours" is at most 6 doses in 24 hours, counting the
        // first at hour 0 as people do; at least 24/6 = 4.
        ((24.0 / hi).floor(), (24.0 / lo).floor())
    } else {
        let (word, word_hi) = match (c.name("times"), c.name("once")) {
            (Some(m), _) => (m.as_str(), c.name("times_hi")),
            (None, Some(_)) => (taken_multiplier.map_or("once", |(_, word)| word), None),
            (None, None) => (
                c.name("times_daily").expect("a frequency").as_str(),
                c.name("times_daily_hi"),
            ),
        };
        let lo = times(word)?;
        let hi = word_hi.and_then(|m| times(m.as_str())).unwrap_or(lo);
        (lo, hi)
    };
    let dose_start = c
        .name("count")
        .or_else(|| c.name("amounts"))
        .expect("a count or amounts")
        .start();
    let dose_end = unit.end();
    let frequency_start = [c.name("hours_lo"), c.name("times"), c.name("times_daily")]
        .into_iter()
        .flatten()
        .map(|m| m.start())
        .chain(taken_multiplier.map(|(at, _)| at))
        .chain(c.name("once").map(|m| m.start()))
        .next()
        .unwrap_or(dose_end);
    let frequency_start = if c.name("hours_lo").is_some() {
        text[..frequency_start].rfind("every").unwrap_or(frequency_start)
    } else {
        frequency_start
    };
    Some(Regimen {
        span: dose_start..whole.end(),
        dose_text: text[dose_start..dose_end].to_string(),
        per_dose: (low * scale * count_lo, high * scale * count_hi),
        family,
        per_day,
        tablets: count,
        frequency: text[frequency_start..whole.end()].to_string(),
        medicine: medicine_words
            .map(str::to_lowercase)
            .filter(|w| !NOT_MEDICINE.contains(&w.as_str())),
    })
}

/// Every daily maximum in `text`.
pub fn daily_limits(text: &str) -> Vec<DailyLimit> {
    LIMIT
        .captures_iter(text)
        .flat_map(|c| {
            let whole = c.get(0).expect("group 0");
            let limit = |amount: Option<regex::Match<'_>>, unit: Option<regex::Match<'_>>| {
                let (amount_match, unit) = (amount?, unit?);
                let (family, scale) = unit_scale(unit.as_str())?;
                let amount = amount_value(amount_match.as_str())? * scale;
                Some(DailyLimit {
                    span: whole.range(),
                    text: whole.as_str().to_string(),
                    written: text[amount_match.start()..unit.end()].to_string(),
                    amount,
                    family,
                    medicine: medicine(c.name("medicine")),
                })
            };
            [
                limit(
                    c.name("amount").or_else(|| c.name("amount2")),
                    c.name("unit").or_else(|| c.name("unit2")),
                ),
                limit(c.name("alt"), c.name("alt_unit")),
            ]
        })
        .flatten()
        .collect()
}

/// The strength of one tablet or capsule: "a capsule containing 4,000
/// international units", "500 mg tablets".
static STRENGTH: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        concat!(
            r"(?i)\b(?:tablets?|capsules?|caplets?|pills?)\s+(?:containing|that\s+contains?|with|of)\s+(?P<amount>{amount})\s?(?P<unit>mg|mcg|µg|g|micrograms?|milligrams?|(?:international\s+)?units|IU)\b",
            r"|(?:^|[^\w.,])(?P<amount2>{amount})\s?(?P<unit2>mg|mcg|µg|g|micrograms?|milligrams?|(?:international\s+)?units|IU)\s+(?:tablets?|capsules?|caplets?|pills?)\b",
        ),
        amount = AMOUNT,
    ))
});

/// A count-only regimen ("take 2 capsules a day") after the one strength
/// its text gives a tablet ("a capsule containing 4,000 international
/// units") is also a regimen by amount: 8,000 units a day.
fn with_strength(text: &str, mut regimen: Regimen) -> Regimen {
    if regimen.family != "tablets" {
        return regimen;
    }
    let strengths: Vec<(f64, &'static str)> = STRENGTH
        .captures_iter(&text[..regimen.span.start])
        .filter_map(|c| {
            let amount = c.name("amount").or_else(|| c.name("amount2"))?;
            let unit = c.name("unit").or_else(|| c.name("unit2"))?;
            let (family, scale) = unit_scale(unit.as_str())?;
            Some((amount_value(amount.as_str())? * scale, family))
        })
        .collect();
    if let ([(strength, family)], Some((lo, hi))) = (strengths.as_slice(), regimen.tablets) {
        regimen.per_dose = (lo * strength, hi * strength);
        regimen.family = family;
        regimen.dose_text = format!("{} of {}", regimen.dose_text, format_amount(*strength, family));
    }
    regimen
}

/// A quantity in the family's base unit, written as people read it:
/// "2,400 mg", "0.5 mg".
pub fn format_amount(amount: f64, family: &str) -> String {
    let whole = amount.round() as i64;
    let digits = if (amount - whole as f64).abs() < 1e-9 {
        group_thousands(whole)
    } else {
        format!("{amount:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    format!("{digits} {family}")
}

fn group_thousands(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tablets_strength_makes_a_count_an_amount() {
        let r = &regimens("With a capsule containing 4,000 international units, take 2 capsules a day.")[0];
        assert_eq!(r.max_daily("units"), Some(8000.0));
        assert_eq!(r.max_daily("tablets"), Some(2.0));
        assert!(r.is_daily_amount());
        let r = &regimens("Take 250 mg three times a day.")[0];
        assert_eq!(r.per_day, (3.0, 3.0));
        assert_eq!(r.frequency, "three times a day");
        let r = &regimens("Take one 300 mg tablet of ferrous sulfate once a day.")[0];
        assert_eq!(r.medicine.as_deref(), Some("ferrous sulfate"));
        let r = &regimens("Take 10 mg once a day.")[0];
        assert_eq!(r.per_day, (1.0, 1.0));
        assert_eq!(r.frequency, "once a day");
        assert!(!r.is_daily_amount());
        let limits = daily_limits("Do not take more than 100 micrograms (4,000 international units) a day.");
        let read: Vec<(f64, &str)> = limits.iter().map(|l| (l.amount, l.family)).collect();
        assert_eq!(read, [(0.1, "mg"), (4000.0, "units")]);
    }

    #[test]
    fn reads_a_regimen_every_few_hours() {
        let r = &regimens("Take 400 mg every 4 hours as needed.")[0];
        assert_eq!(r.max_daily("mg"), Some(2400.0));
        assert_eq!(r.max_daily("doses"), Some(6.0));
        assert_eq!(r.max_daily("tablets"), None);
        assert_eq!(r.frequency, "every 4 hours");
    }

    #[test]
    fn reads_tablets_of_a_strength_times_a_day() {
        let r = &regimens("Take 2 tablets of 500 mg 4 times a day.")[0];
        assert_eq!(r.max_daily("mg"), Some(4000.0));
        assert_eq!(r.max_daily("tablets"), Some(8.0));
        assert_eq!(r.dose_text, "2 tablets of 500 mg");
        assert_eq!(regimens("Take 2 tablets of 500 mg 4 times a day.").len(), 1);
    }

    #[test]
    fn reads_a_count_of_tablets_alone() {
        let r = &regimens("Adults take 1 or 2 tablets of paracetamol every 4 to 6 hours.")[0];
        assert_eq!(r.dose_text, "1 or 2 tablets");
        assert_eq!(r.family, "tablets");
        assert_eq!(r.medicine.as_deref(), Some("paracetamol"));
        assert_eq!(
            (r.min_daily("tablets"), r.max_daily("tablets")),
            (Some(4.0), Some(12.0))
        );
        assert_eq!(r.max_daily("mg"), None);
        assert!(regimens("The pack holds 2 tablets.").is_empty());
    }

    #[test]
    fn reads_limits_in_tablets_and_doses() {
        let l = &daily_limits("Do not take more than 8 tablets in 24 hours.")[0];
        assert_eq!((l.amount, l.family, l.written.as_str()), (8.0, "tablets", "8 tablets"));
        let l = &daily_limits("Never take more than 4 doses in 24 hours.")[0];
        assert_eq!((l.amount, l.family), (4.0, "doses"));
    }

    #[test]
    fn reads_a_daily_limit() {
        let l = &daily_limits("Do not take more than 3 g a day.")[0];
        assert_eq!(l.amount, 3000.0);
        let l = &daily_limits("Do not take more than 1,200 mg in 24 hours.")[0];
        assert_eq!(l.amount, 1200.0);
        let l = &daily_limits("The maximum daily dose is 2,000 mg.")[0];
        assert_eq!((l.amount, l.written.as_str()), (2000.0, "2,000 mg"));
    }

    #[test]
    fn doses_by_weight_and_lab_values_are_marked() {
        assert!(doses("10 mg/kg")[0].is_by_weight());
        assert!(doses("5.0 mmol/L")[0].is_lab_value());
        assert!(regimens("10 mg/kg every 8 hours").is_empty());
    }

    #[test]
    fn formats_amounts_with_thousands() {
        assert_eq!(format_amount(2400.0, "mg"), "2,400 mg");
        assert_eq!(format_amount(0.5, "mg"), "0.5 mg");
    }
}
