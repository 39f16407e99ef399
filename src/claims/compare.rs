//! Comparing quantities: which pairs state the same claim, and whether
//! their values can both be true.

use rustc_hash::FxHashMap;

use crate::claims::cues::FacetKind;
use crate::claims::extract::{Bound, Reading};
use crate::claims::frame::{dose_facets_match, excluded, facets_agree};
use crate::claims::subject::Stem;
use crate::claims::units::Dimension;
use crate::claims::{Quantities, Quantity};

/// How two statements of the same quantity relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Agree,
    /// Both bounded ranges, overlapping, with different ends.
    BoundsDiffer,
    /// They cannot both be true.
    Conflict,
}

/// Relative tolerance for "the same value": "1-2 months" and "4-8 weeks"
/// agree, as do "6 weeks" and "1.5 months".
const TOLERANCE: f64 = 0.1;

fn close(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs())
}

/// The interval a reading allows, with whether each end is excluded.
fn interval(r: &Reading) -> (f64, f64, bool, bool) {
    match r.bound {
        Bound::AtMost { strict } => (r.low, r.high, false, strict),
        Bound::AtLeast { strict } => (r.low, r.high, strict, false),
        _ => (r.low, r.high, false, false),
    }
}

pub fn relate(a: &Reading, b: &Reading) -> Relation {
    // Two limits in the same direction are two statements of the limit:
    // "no more than 4 doses" and "up to 5 doses a day" disagree.
    let limits = matches!(
        (a.bound, b.bound),
        (Bound::AtMost { .. }, Bound::AtMost { .. }) | (Bound::AtLeast { .. }, Bound::AtLeast { .. })
    );
    if limits {
        let (x, y) = match a.bound {
            Bound::AtMost { .. } => (a.high, b.high),
            _ => (a.low, b.low),
        };
        return if close(x, y) {
            Relation::Agree
        } else {
            Relation::Conflict
        };
    }
    // One threshold named from both sides ("more than 9.5%" is not
    // affordable, "not more than 9.5%" is) is one statement of it.
    let opposite = matches!(
        (a.bound, b.bound),
        (Bound::AtMost { .. }, Bound::AtLeast { .. }) | (Bound::AtLeast { .. }, Bound::AtMost { .. })
    );
    if opposite && (close(a.high, b.low) || close(b.high, a.low)) {
        return Relation::Agree;
    }
    let (a_low, a_high, a_open_low, a_open_high) = interval(a);
    let (b_low, b_high, b_open_low, b_open_high) = interval(b);
    // A strict end excludes its own value exactly ("under 5" and "5").
    let before = |high: f64, open_high: bool, low: f64, open_low: bool| {
        if open_high || open_low {
            high <= low
        } else {
            high < low && !close(high, low)
        }
    };
    if before(a_high, a_open_high, b_low, b_open_low) || before(b_high, b_open_high, a_low, a_open_low) {
        return Relation::Conflict;
    }
    if a.bound == Bound::Range && b.bound == Bound::Range && !(close(a.low, b.low) && close(a.high, b.high)) {
        return Relation::BoundsDiffer;
    }
    Relation::Agree
}

/// What must match before two quantities can state one claim: the
/// dimension (a count's noun among them), a rate or amount per day, an age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Measure {
    pub dimension: Dimension,
    pub per_day: bool,
    pub age: bool,
}

impl Measure {
    pub fn of(reading: &Reading) -> Measure {
        Measure {
            dimension: reading.dimension,
            per_day: reading.per_day,
            age: reading.age,
        }
    }
}

/// How much two quantities' frames say they are about the same thing,
/// from 0 to 1: their shared words, each weighted by nearness and rarity,
/// against the geometric mean of all their words.
pub fn similarity(quantities: &Quantities, a: &Quantity, b: &Quantity) -> f32 {
    // Figures of one section share its headings: those words count for
    // neither.
    let same_section = a.section == b.section;
    let counts = |w: &&crate::claims::frame::Weighted| !(same_section && w.heading);
    let weight = |w: &crate::claims::frame::Weighted| w.weight * quantities.rarity(w.concept);
    let total_a: f32 = a.frame.words.iter().filter(counts).map(weight).sum();
    let total_b: f32 = b.frame.words.iter().filter(counts).map(weight).sum();
    if total_a <= 0.0 || total_b <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    let (wa, wb) = (&a.frame.words, &b.frame.words);
    while i < wa.len() && j < wb.len() {
        match wa[i].concept.cmp(&wb[j].concept) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if counts(&&wa[i]) && counts(&&wb[j]) {
                    shared += wa[i].weight.min(wb[j].weight) * quantities.rarity(wa[i].concept);
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared / (total_a * total_b).sqrt()
}

/// The least similarity at which two quantities state one claim.
pub const SAME_CLAIM: f32 = 0.3;

/// How many features [`features`] gives.
pub const FEATURES: usize = 16;

/// What the model of "the same claim" reads of a pair of comparable
/// quantities: how their words overlap, where they sit, what they measure
/// and how far apart their values are.
pub fn features(quantities: &Quantities, a: &Quantity, b: &Quantity) -> [f32; FEATURES] {
    let same_section = a.section == b.section;
    let counts = |w: &crate::claims::frame::Weighted| !(same_section && w.heading);
    let mass = |w: &crate::claims::frame::Weighted| w.weight * quantities.rarity(w.concept);
    let total_a: f32 = a.frame.words.iter().filter(|w| counts(w)).map(mass).sum();
    let total_b: f32 = b.frame.words.iter().filter(|w| counts(w)).map(mass).sum();
    let (mut shared, mut anchors, mut heading_shared, mut strong) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for wa in &a.frame.words {
        let Ok(j) = b.frame.words.binary_search_by(|w| w.concept.cmp(&wa.concept)) else {
            continue;
        };
        let wb = &b.frame.words[j];
        let rarity = quantities.rarity(wa.concept);
        if wa.heading || wb.heading {
            if !same_section {
                heading_shared += wa.weight.min(wb.weight) * rarity;
            }
            continue;
        }
        shared += wa.weight.min(wb.weight) * rarity;
        if wa.weight >= 0.8 && wb.weight >= 0.8 {
            anchors += rarity;
        }
        if wa.weight >= 0.6 && wb.weight >= 0.6 {
            strong += 1.0;
        }
    }
    let cosine = if total_a > 0.0 && total_b > 0.0 {
        shared / (total_a * total_b).sqrt()
    } else {
        0.0
    };
    let least = total_a.min(total_b);
    let covered = |labelled: &Quantity, other: &Quantity| {
        labelled
            .frame
            .exclusive
            .iter()
            .any(|label| label.own.iter().all(|&c| other.frame.mentions(c)))
    };
    let middle = |r: &Reading| {
        if r.high.is_finite() {
            (r.low + r.high) / 2.0
        } else {
            r.low
        }
    };
    let (ma, mb) = (middle(&a.reading), middle(&b.reading));
    let apart = if ma > 0.0 && mb > 0.0 {
        (ma / mb).ln().abs().min(5.0) / 5.0
    } else {
        1.0
    };
    let dimension = a.reading.dimension;
    let flag = |on: bool| if on { 1.0 } else { 0.0 };
    [
        1.0,
        cosine,
        (shared / 10.0).min(1.0),
        if least > 0.0 { shared / least } else { 0.0 },
        (anchors / 5.0).min(1.0),
        (strong / 4.0).min(1.0),
        (heading_shared / 5.0).min(1.0),
        flag(same_section),
        flag(a.block == b.block),
        flag(a.label.is_some() || b.label.is_some()),
        flag(covered(a, b) || covered(b, a)),
        flag(relate(&a.reading, &b.reading) == Relation::BoundsDiffer),
        apart as f32,
        flag(dimension == Dimension::Time && !a.reading.age),
        flag(matches!(dimension, Dimension::Rate | Dimension::Percent)),
        flag(a.reading.age || matches!(dimension, Dimension::Count(_))),
    ]
}

/// True when `a` and `b` may state one claim, whatever their words: not
/// alternatives of one clause, not cases of one table or list, facets and
/// labels that agree.
pub fn comparable(a: &Quantity, b: &Quantity) -> bool {
    if a.block == b.block && a.clause == b.clause {
        return false;
    }
    if a.group.is_some() && a.group == b.group {
        return false;
    }
    if a.anonymous_row || b.anonymous_row {
        return false;
    }
    // An age that labels a dose is not a claim, and doses of different
    // age bands are different cases.
    if a.is_age_label() || b.is_age_label() || a.age_band != b.age_band {
        return false;
    }
    let doses = [a, b]
        .iter()
        .all(|q| q.frame.facets_of(FacetKind::Medicine).next().is_some());
    if doses && !dose_facets_match(&a.frame, &b.frame) {
        return false;
    }
    facets_agree(&a.frame, &b.frame) && !excluded(&a.frame, &b.frame) && label_named(a, b) && label_named(b, a)
}

/// A table cell is one case of its table: a statement about it names its
/// row ("Hospital Stay | 5-7 days" and "most people stay 1 to 3 nights in
/// hospital"), or it may be about any row.
fn label_named(cell: &Quantity, other: &Quantity) -> bool {
    !cell.in_table
        || cell
            .frame
            .exclusive
            .first()
            .is_none_or(|row| row.own.iter().any(|&c| other.frame.mentions(c)))
}

/// A later statement, the earlier one it disagrees with, and how.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Disagreement {
    pub later: usize,
    pub earlier: usize,
    pub relation: Relation,
    /// The model's score of the pair (see [`score`]).
    pub similarity: f32,
}

/// How many earlier statements sharing a word each quantity is compared
/// with, nearest first: it keeps the work near-linear in an article with
/// thousands of like figures.
const CANDIDATES_PER_WORD: usize = 24;

/// How many earlier statements in all each quantity is compared with.
const MAX_CANDIDATES: usize = 16;

/// The weights of [`features`] in the model of "a disagreeing pair states
/// the same claim": a logistic regression fitted to the labelled
/// contradictions of `fixtures/claims-eval/` against every other comparable
/// pair that disagrees (`MEDLINT_EVAL_DUMP` in `tests/claims_eval.rs`
/// writes the pairs). Fitted on two of its three sets of articles and
/// scored on the third, it finds about one contradiction in seven at four
/// findings in five right; the figures are in BENCHMARKS.md.
const WEIGHTS: [f32; FEATURES] = [
    -1.7278, 1.4462, 0.3288, 1.1386, 0.2316, 1.6028, -0.6696, -0.8399, -0.0925, -0.5673, 0.4873, 0.5922, -5.2391,
    0.3259, 0.9909, 0.431,
];

/// The least model score (a log-odds) at which a disagreeing pair is
/// reported: precision matters more than recall.
pub const REPORT_AT: f32 = 0.5;

/// The model's log-odds that `a` and `b` state the same claim.
pub fn score(quantities: &Quantities, a: &Quantity, b: &Quantity) -> f32 {
    log_odds(&features(quantities, a, b))
}

fn log_odds(features: &[f32; FEATURES]) -> f32 {
    features.iter().zip(WEIGHTS).map(|(f, w)| f * w).sum()
}

/// True when a disagreeing pair is reported: the model is sure enough, or
/// the statements plainly say one thing.
fn reported(quantities: &Quantities, a: &Quantity, b: &Quantity, features: &[f32; FEATURES]) -> bool {
    log_odds(features) >= REPORT_AT || plainly_one_claim(quantities, a, b, features) || one_regimen(a, b)
}

/// Two doses of one medicine for the same people and case (which
/// [`comparable`] has made sure of), given equally often, in different
/// sections: "loratadine 10 mg once a day" in the takeaways and "20 mg of
/// loratadine once a day" in the dosing section state one instruction.
fn one_regimen(a: &Quantity, b: &Quantity) -> bool {
    let medicine = |q: &Quantity| q.frame.facets_of(FacetKind::Medicine).next().is_some();
    a.per_day.is_some()
        && a.per_day == b.per_day
        && a.reading.dimension == b.reading.dimension
        && a.section != b.section
        && !a.in_table
        && !b.in_table
        && medicine(a)
        && medicine(b)
}

/// The least weight of a word "right by" a figure: within four words.
const NEAR: f32 = 1.0;

/// Words of a table's row label that name a kind of value, not a subject
/// ("Recovery Time").
fn is_generic(word: &str) -> bool {
    matches!(
        word,
        "time"
            | "duration"
            | "length"
            | "number"
            | "amount"
            | "total"
            | "average"
            | "typical"
            | "recommend"
            | "value"
            | "detail"
            | "range"
            | "count"
            | "frequenc"
            | "period"
            | "estimat"
            | "approximate"
            | "usual"
    )
}

/// A pair the model may rate low, because such pairs are rare among the
/// hard cases it learnt from, but that plainly states one thing in two
/// sections: the words right by one figure (within four words, or its row
/// label) are all right by the other, at least two of them (one is enough
/// for counts, which share their noun too), and the values are of one
/// order of magnitude. "Redness fades within 48 hours" and "redness fades
/// after 3-5 days" are such a pair.
fn plainly_one_claim(quantities: &Quantities, a: &Quantity, b: &Quantity, features: &[f32; FEATURES]) -> bool {
    if a.reading.age {
        return false;
    }
    // Facet words ("adults", "children") and their markers say who, not
    // what.
    // A count's noun is a word right by it. Against a table's row label
    // ("Children"), a facet word is the subject.
    let keep_facets = a.in_table || b.in_table;
    let near = |q: &Quantity| -> Vec<Stem> {
        let noun = match q.reading.dimension {
            Dimension::Count(noun) => Some(noun),
            _ => None,
        };
        q.frame
            .words
            .iter()
            .filter(|w| w.weight >= NEAR && !w.heading)
            .filter(|w| !quantities.lexicon.text(w.concept).starts_with('#'))
            .filter(|w| keep_facets || !q.frame.facet_words.contains(&w.concept))
            .map(|w| w.concept)
            .filter(|&c| !(q.in_table && is_generic(quantities.lexicon.text(c))))
            .chain(noun)
            .collect()
    };
    let (mut near_a, mut near_b) = (near(a), near(b));
    near_a.sort_unstable();
    near_a.dedup();
    near_b.sort_unstable();
    near_b.dedup();
    let shared = near_a.iter().filter(|c| near_b.contains(c)).count();
    // A table's row label names its subject in full: one word of it is
    // enough, as for counts, whose noun is shared too.
    let named = matches!(a.reading.dimension, Dimension::Count(_)) || a.in_table || b.in_table;
    let needed = if named { 1 } else { 2 };
    let contained = shared == near_a.len().min(near_b.len());
    a.section != b.section && shared >= needed && contained && features[12] <= 0.3
}

/// Each quantity compared with the earlier statements that may state the
/// same claim and disagree with it; of those the model reports, the
/// likeliest is a disagreement.
pub fn disagreements(quantities: &Quantities) -> Vec<Disagreement> {
    let mut found = Vec::new();
    let mut by_word: FxHashMap<(Measure, Stem), Vec<usize>> = FxHashMap::default();
    let mut candidates: Vec<usize> = Vec::new();
    for (later, q) in quantities.iter().enumerate() {
        let measure = Measure::of(&q.reading);
        candidates.clear();
        for w in &q.frame.words {
            if let Some(earlier) = by_word.get(&(measure, w.concept)) {
                candidates.extend(earlier.iter().rev().take(CANDIDATES_PER_WORD).copied());
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        // The nearest earlier statements only: a figure stated a hundred
        // times is compared with its last few statements.
        let nearest = candidates.len().saturating_sub(MAX_CANDIDATES);
        let best = candidates[nearest..]
            .iter()
            .map(|&earlier| (earlier, &quantities[earlier]))
            .filter(|(_, a)| comparable(a, q))
            .filter_map(|(earlier, a)| {
                let relation = relate(&a.reading, &q.reading);
                let features = features(quantities, a, q);
                (relation != Relation::Agree && reported(quantities, a, q, &features))
                    .then(|| (earlier, relation, log_odds(&features)))
            })
            .max_by(|x, y| x.2.total_cmp(&y.2).then(x.0.cmp(&y.0)));
        if let Some((earlier, relation, score)) = best {
            found.push(Disagreement {
                later,
                earlier,
                relation,
                similarity: score,
            });
        }
        for w in &q.frame.words {
            by_word.entry((measure, w.concept)).or_default().push(later);
        }
    }
    found
}
