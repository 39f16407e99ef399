//! Quantities: found in every text block and table cell, with their
//! dimension, interval in base units and subject, and compared for the
//! claims rules.

pub mod extract;
pub mod subject;
pub mod units;

use rustc_hash::FxHashMap;
use std::ops::Range;

use crate::article::{Article, BlockKind};
use extract::{Found, Kind};
use subject::{Lexicon, Stem, is_stop_word};
use units::{Dimension, unit};

/// A quantity in the article.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub found: Found,
    /// Index into `Article::blocks`.
    pub block: usize,
    /// Source span of the phrase.
    pub span: Range<usize>,
    /// The phrase as written.
    pub text: String,
    /// For a table cell: the stems of its row label.
    pub label: Vec<Stem>,
    /// The innermost section holding it.
    pub section: Option<usize>,
    /// The outermost list or the table holding it: items of one list and
    /// rows of one table enumerate different cases.
    pub group: Option<Range<usize>>,
    /// Another quantity of the same dimension shares its sentence: it is
    /// one of several alternatives ("30 days if …, 60 days if …").
    pub alternative: bool,
}

/// Label words that name a kind of value, not a subject.
const GENERIC_LABEL_WORDS: &[&str] = &[
    "time",
    "duration",
    "length",
    "number",
    "amount",
    "total",
    "average",
    "typical",
    "recommended",
    "value",
    "values",
    "detail",
    "details",
    "range",
    "count",
    "frequency",
    "period",
    "estimated",
    "approximate",
    "usual",
];

fn label_stems(text: &str, lexicon: &mut Lexicon) -> Vec<Stem> {
    let mut stems: Vec<Stem> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && !is_stop_word(w) && unit(w).is_none() && !GENERIC_LABEL_WORDS.contains(&w.as_str()))
        .map(|w| lexicon.stem(&w))
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The quantities of one article, and the lexicon their stems belong to.
#[derive(Debug, Default)]
pub struct Quantities {
    pub list: Vec<Quantity>,
    pub lexicon: Lexicon,
}

impl std::ops::Deref for Quantities {
    type Target = [Quantity];

    fn deref(&self) -> &[Quantity] {
        &self.list
    }
}

/// Every quantity in the article's prose, headings and table cells;
/// `sentences` holds each block's sentence spans. The grammar and stems
/// are English, so other languages yield nothing.
pub fn collect(article: &Article, sentences: &[Vec<Range<usize>>]) -> Quantities {
    let mut lexicon = Lexicon::default();
    if !article.is_english() {
        return Quantities::default();
    }
    // Table cells: the row label and the column header say what a value is.
    let mut cell_context: FxHashMap<usize, (&str, &str)> = FxHashMap::default();
    for table in &article.tables {
        for row in &table.rows {
            let label = row.first().map_or("", |c| c.text.as_str());
            for (column, cell) in row.iter().enumerate().skip(1) {
                let header = table.header.get(column).map_or("", |c| c.text.as_str());
                cell_context.insert(cell.span.start, (label, header));
            }
        }
    }
    // Tables and top-level lists, by position: they do not nest in each
    // other, so the group holding a block is the last one starting before it.
    let mut groups: Vec<Range<usize>> = article
        .tables
        .iter()
        .map(|t| t.span.clone())
        .chain(article.lists.iter().filter(|l| l.depth == 0).map(|l| l.span.clone()))
        .collect();
    groups.sort_by_key(|g| g.start);
    let mut quantities = Vec::new();
    for (index, block) in article.blocks.iter().enumerate() {
        let context = if block.kind == BlockKind::TableCell {
            match cell_context.get(&block.span.start) {
                Some(context) => Some(context),
                None => continue, // a label cell
            }
        } else {
            None
        };
        let mut found = extract::quantities(&block.text, &mut lexicon);
        let mut label = Vec::new();
        if let Some(&(label_text, header)) = context {
            if found.is_empty() {
                found = unitless_cell(&block.text, label_text, header, &mut lexicon)
                    .into_iter()
                    .collect();
            }
            // The header is shared by every row, so only the row label says
            // what this value is about.
            label = label_stems(label_text, &mut lexicon);
            for f in &mut found {
                f.subject.extend(label.iter().copied());
                f.subject.sort();
                f.subject.dedup();
            }
        }
        if found.is_empty() {
            continue;
        }
        let at = groups.partition_point(|g| g.start <= block.span.start);
        let group = at
            .checked_sub(1)
            .map(|i| &groups[i])
            .filter(|g| g.contains(&block.span.start))
            .cloned();
        let section = article.section_at(block.span.start);
        let sentences = &sentences[index];
        let sentence_of = |offset: usize| sentences.iter().position(|s| s.contains(&offset));
        let alternatives: Vec<bool> = found
            .iter()
            .enumerate()
            .map(|(i, f)| {
                found.iter().enumerate().any(|(j, other)| {
                    j != i
                        && other.dimension == f.dimension
                        && sentence_of(other.range.start) == sentence_of(f.range.start)
                })
            })
            .collect();
        for (f, alternative) in found.into_iter().zip(alternatives) {
            quantities.push(Quantity {
                text: block.text[f.range.clone()].to_string(),
                label: label.clone(),
                block: index,
                span: block.source_span(f.range.clone()),
                found: f,
                section,
                group: group.clone(),
                alternative,
            });
        }
    }
    Quantities {
        list: quantities,
        lexicon,
    }
}

/// A cell that is only a number or range ("3-6") takes its unit from the
/// row label or column header ("Sessions", "Duration (minutes)").
fn unitless_cell(text: &str, label: &str, header: &str, lexicon: &mut Lexicon) -> Option<Found> {
    let context = format!("{label} {header}").to_lowercase();
    let words: Vec<&str> = context
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let suffix = words
        .iter()
        .find_map(|w| unit(w).map(|_| (*w).to_string()))
        .or_else(|| {
            words
                .iter()
                .rev()
                .find(|w| w.len() > 3 && w.ends_with('s') && !is_stop_word(w))
                .map(|w| (*w).to_string())
        })?;
    let probe = format!("{} {suffix}", text.trim());
    let mut found = extract::quantities(&probe, lexicon);
    if found.len() != 1 || found[0].range.end <= text.trim().len() {
        return None;
    }
    let mut f = found.remove(0);
    // The quantity is the cell's whole text, not the probe's unit word.
    f.range = 0..text.len();
    f.subject.clear();
    Some(f)
}

/// How two statements of the same quantity relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Agree,
    /// Both bounded ranges, overlapping, with different ends.
    BoundsDiffer,
    /// The intervals do not overlap: both cannot be true.
    Conflict,
}

/// Relative tolerance for "the same end": "1-2 months" and "4-8 weeks" agree.
const TOLERANCE: f64 = 0.15;

fn close(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        // An open end ("at least 6 hours") is close to nothing finite.
        return a == b;
    }
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs())
}

pub fn relate(a: &Found, b: &Found) -> Relation {
    let overlap = a.low <= b.high * (1.0 + 1e-9) && b.low <= a.high * (1.0 + 1e-9);
    if !overlap && !close(a.high, b.low) && !close(b.high, a.low) {
        return Relation::Conflict;
    }
    if a.kind == Kind::Range && b.kind == Kind::Range && !(close(a.low, b.low) && close(a.high, b.high)) {
        return Relation::BoundsDiffer;
    }
    Relation::Agree
}

/// Whether two quantities state the same thing: same dimension, rate and
/// interval-ness, in different sections (takeaways, body, table, FAQ, bottom
/// line), not alternatives within one sentence, list or table, and about
/// the same subject.
pub fn same_claim(a: &Quantity, b: &Quantity) -> bool {
    if a.block == b.block || a.found.negated || b.found.negated || a.alternative || b.alternative {
        return false;
    }
    if a.section == b.section || (a.group.is_some() && a.group == b.group) {
        return false;
    }
    let (fa, fb) = (&a.found, &b.found);
    if fa.dimension != fb.dimension || fa.per != fb.per || fa.every != fb.every {
        return false;
    }
    let noun_stem = match fa.dimension {
        Dimension::Count(noun) => Some(noun),
        _ => None,
    };
    let shared = fa
        .subject
        .iter()
        .filter(|&&s| Some(s) != noun_stem && fb.subject.binary_search(&s).is_ok())
        .count();
    // Shared words must make up at least half of the smaller subject, so
    // that "2 steps in the external review process" and "3 steps in the
    // internal appeals process" stay apart. A count already agrees on its
    // noun, so one such word is enough; other quantities need two.
    let smaller = fa.subject.len().min(fb.subject.len()).max(1);
    let overlapping = shared * 2 >= smaller;
    let needed = if noun_stem.is_some() { 1 } else { 2 };
    // A table row label is a strong subject: all of it must recur (the
    // counted noun counts as recurring).
    let label_covered = |label: &[Stem], other: &[Stem]| {
        !label.is_empty()
            && label
                .iter()
                .all(|&l| Some(l) == noun_stem || other.binary_search(&l).is_ok())
    };
    (shared >= needed && overlapping) || label_covered(&a.label, &fb.subject) || label_covered(&b.label, &fa.subject)
}

/// The bucket a quantity is compared within.
pub fn bucket_key(q: &Quantity) -> (&Dimension, Option<Stem>, bool) {
    (&q.found.dimension, q.found.per, q.found.every)
}

#[cfg(test)]
mod tests;
