//! Quantities and claim frames: every figure in the article's prose, lists
//! and tables, read with its unit, bounds and rate, and framed by what it
//! is about, so that the claims rules compare only statements of the same
//! thing.

pub mod compare;
pub mod cues;
pub mod dose;
pub mod extract;
pub mod frame;
pub mod subject;
pub mod tokens;
pub mod units;

use std::ops::Range;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::article::{Article, BlockKind};
use cues::Cues;
use extract::Reading;
use frame::{BlockContext, Frame, LabelPool};
use subject::{Lexicon, Stem};

/// A quantity in the article.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub reading: Reading,
    /// Index into `Article::blocks`.
    pub block: usize,
    /// Source span of the phrase.
    pub span: Range<usize>,
    /// The phrase as written.
    pub text: String,
    /// The innermost section holding it.
    pub section: Option<usize>,
    /// The table or outermost list holding it: items of one list and cells
    /// of one table enumerate different cases.
    pub group: Option<Range<usize>>,
    /// The block's clause it sits in ("30 days if …, 60 days if …" are
    /// alternatives of one clause).
    pub clause: usize,
    /// For a table cell, its row label; for a list item, its lead.
    pub label: Option<String>,
    /// A value cell of a table.
    pub in_table: bool,
    /// A value cell of a table of several rows whose row label names no
    /// subject ("91 dB", "6-8 years"): only the table says what it is.
    pub anonymous_row: bool,
    /// For a figure of a clause that gives a dose and an age ("children
    /// aged 2 to 5 take 250 mg"), the age band's bounds: the dose is for
    /// that band alone. The age itself is then a label, not a claim:
    /// `age_band` is set on it too, and `is_age_label` says so.
    pub age_band: Option<(f64, f64)>,
    /// For the amount of a regimen ("400 mg three times a day"), the
    /// fewest and most doses a day its frequency allows.
    pub per_day: Option<(f64, f64)>,
    pub frame: Frame,
}

impl Quantity {
    /// An age that says whom a dose in its clause is for.
    pub fn is_age_label(&self) -> bool {
        self.reading.age && self.age_band.is_some()
    }
}

/// The quantities of one article, the lexicon their words belong to, and
/// how rare each word is in the article.
#[derive(Debug, Default)]
pub struct Quantities {
    pub list: Vec<Quantity>,
    pub lexicon: Lexicon,
    /// Inverse document frequency of each concept over the article's
    /// sentences: words every sentence uses say little about a subject.
    pub rarity: FxHashMap<Stem, f32>,
}

impl std::ops::Deref for Quantities {
    type Target = [Quantity];

    fn deref(&self) -> &[Quantity] {
        &self.list
    }
}

impl Quantities {
    pub fn rarity(&self, concept: Stem) -> f32 {
        self.rarity.get(&concept).copied().unwrap_or(1.0)
    }
}

/// Where a table cell sits: its table, row and column.
struct CellPlace {
    table: usize,
    row: usize,
    column: usize,
}

/// Every quantity in the article's prose, headings and table cells;
/// `sentences` holds each block's sentence spans. The grammar and stems
/// are English: the caller ([`crate::context::Context::quantities`]) skips
/// articles in other languages.
pub fn collect(article: &Article, sentences: &[Vec<Range<usize>>], cues: &Cues) -> Quantities {
    let mut quantities = Quantities::default();
    let cells = cell_places(article);
    let groups = groups(article);
    let mut labels = Labels::new(article);
    // The medicines the article gives doses of set a facet of their own:
    // doses of different medicines are never compared.
    let with_medicines = article_medicines(article).map(|named| {
        let mut cues = cues.clone();
        for medicine in &named {
            let listed = cues
                .of(&subject::stem(medicine))
                .is_some_and(|c| c.facets.iter().any(|(kind, _)| *kind == cues::FacetKind::Medicine));
            if listed {
                continue;
            }
            cues.add(Some(cues::FacetKind::Medicine), medicine, &[medicine.as_str()]);
        }
        cues
    });
    let mut concepts = frame::Concepts::new(with_medicines.as_ref().unwrap_or(cues));
    let lexicon = &mut quantities.lexicon;
    for (index, block) in article.blocks.iter().enumerate() {
        let place = (block.kind == BlockKind::TableCell)
            .then(|| cells.get(&block.span.start))
            .flatten();
        if block.kind == BlockKind::TableCell && place.is_none_or(|p| p.column == 0) {
            continue; // a label cell
        }
        if block.kind == BlockKind::Heading {
            continue;
        }
        let lower = block.text.to_lowercase();
        let pieces = pieces(&block.text, &lower, sentences.get(index).map_or(&[], Vec::as_slice));
        let mut shared: Option<BlockShared> = None;
        // Clauses are numbered per piece; the base keeps them apart.
        let mut clause_base = 0;
        for piece in &pieces {
            let (text, lower) = if pieces.len() == 1 {
                (block.text.as_str(), lower.as_str())
            } else {
                (&block.text[piece.clone()], &lower[piece.clone()])
            };
            let (tokens, mut readings) = extract::readings(text, lower, lexicon);
            if let Some(place) = place
                && readings.is_empty()
            {
                readings = unitless_cell(article, place, &block.text, lexicon)
                    .into_iter()
                    .collect();
            }
            let base = clause_base;
            clause_base += tokens.last().map_or(0, |t| t.clause + 1);
            if readings.is_empty() {
                continue;
            }
            if shared.is_none() {
                shared = Some(BlockShared {
                    context: block_context(article, index, place, &mut labels),
                    group: {
                        let at = groups.partition_point(|g| g.start <= block.span.start);
                        at.checked_sub(1)
                            .map(|i| &groups[i])
                            .filter(|g| g.contains(&block.span.start))
                            .cloned()
                    },
                    section: article.section_at(block.span.start),
                    label: place
                        .map(|p| article.tables[p.table].rows[p.row][0].text.clone())
                        .or_else(|| item_lead(&block.text).map(str::to_string)),
                    anonymous_row: place.is_some_and(|p| {
                        article.tables[p.table].rows.len() > 1
                            && crate::article::prose::words(&article.tables[p.table].rows[p.row][0].text)
                                .all(|w| concepts.of(&w.to_lowercase(), lexicon).is_none())
                    }),
                });
            }
            let shared = shared.as_ref().expect("set above");
            for mut reading in readings {
                let frame = if tokens.is_empty() {
                    Frame::default()
                } else {
                    frame::frame_of(&tokens, &reading, &shared.context, &mut concepts, lexicon)
                };
                let clause = base + tokens.get(reading.tokens.start).map_or(0, |t| t.clause);
                reading.range = reading.range.start + piece.start..reading.range.end + piece.start;
                quantities.list.push(Quantity {
                    text: block.text[reading.range.clone()].to_string(),
                    span: block.source_span(reading.range.clone()),
                    block: index,
                    section: shared.section,
                    group: shared.group.clone(),
                    clause,
                    label: shared.label.clone(),
                    in_table: place.is_some(),
                    anonymous_row: shared.anonymous_row,
                    age_band: None,
                    per_day: None,
                    reading,
                    frame,
                });
            }
        }
    }
    band_doses_by_age(&mut quantities.list);
    doses_a_day(article, &mut quantities.list);
    if quantities.list.len() > 1 {
        quantities.rarity = rarity(article, sentences, &quantities.list, &concepts);
    }
    quantities
}

/// The medicines the article gives doses of, not already in the cue
/// lists; `None` when there are none.
fn article_medicines(article: &Article) -> Option<Vec<String>> {
    let mut named: Vec<String> = article
        .blocks
        .iter()
        .filter(|b| b.text.bytes().any(|b| b.is_ascii_digit()))
        .flat_map(|b| dose::medicines_named(&b.text))
        .collect();
    named.sort_unstable();
    named.dedup();
    (!named.is_empty()).then_some(named)
}

/// Ages that set apart a dose ("children aged 2 to 5 take 250 mg, aged
/// 6 to 11 take 500 mg"): in a clause with a dose and an age, every figure
/// gets the age's band, so that doses of different bands are never
/// compared, and the age becomes a label of the dose.
fn band_doses_by_age(list: &mut [Quantity]) {
    let is_dose = |q: &Quantity| is_dose(q.reading.dimension);
    // Figures of one clause are next to each other in the list.
    let mut start = 0;
    while start < list.len() {
        let (block, clause) = (list[start].block, list[start].clause);
        let end = start
            + list[start..]
                .iter()
                .take_while(|q| q.block == block && q.clause == clause)
                .count();
        let clause_figures = &mut list[start..end];
        let age = clause_figures
            .iter()
            .find(|q| q.reading.age)
            .map(|q| (q.reading.low, q.reading.high));
        if let Some(band) = age.filter(|_| clause_figures.iter().any(is_dose)) {
            for q in clause_figures.iter_mut() {
                q.age_band = Some(band);
            }
        }
        start = end;
    }
}

/// Sets `per_day` on each dose that is the amount of a regimen: "10 mg
/// once a day" is given once a day, whatever else its sentence says.
fn doses_a_day(article: &Article, list: &mut [Quantity]) {
    let mut start = 0;
    while start < list.len() {
        let block = list[start].block;
        let end = start + list[start..].iter().take_while(|q| q.block == block).count();
        if list[start..end].iter().any(|q| is_dose(q.reading.dimension)) {
            let text = &article.blocks[block].text;
            let regimens = dose::regimens(text);
            for q in list[start..end].iter_mut().filter(|q| is_dose(q.reading.dimension)) {
                // "work up to 30 units once a day" is where a dose goes,
                // not what it is.
                let sentence = text[..q.reading.range.start]
                    .rfind(['.', ';', '!', '?'])
                    .map_or(0, |at| at + 1);
                if dose::CHANGED.is_match(&text[sentence..q.reading.range.start]) {
                    continue;
                }
                // "5 mg a day" is a day's amount, often of different
                // things; only a dose given so often is an instruction.
                q.per_day = regimens
                    .iter()
                    .filter(|r| !r.is_daily_amount())
                    .find(|r| r.span.start <= q.reading.range.start && q.reading.range.end <= r.span.end)
                    .map(|r| r.per_day);
            }
        }
        start = end;
    }
}

fn is_dose(dimension: units::Dimension) -> bool {
    matches!(
        dimension,
        units::Dimension::Mass | units::Dimension::Volume | units::Dimension::Units | units::Dimension::MassPerWeight
    )
}

/// What the figures of one block share.
struct BlockShared {
    context: BlockContext,
    group: Option<Range<usize>>,
    section: Option<usize>,
    label: Option<String>,
    anonymous_row: bool,
}

/// Bytes of a block read at once, about: a block of megabytes (one
/// paragraph of a generated or broken page) is read in pieces ending at
/// sentence ends, so that its tokens are never all held at once.
const PIECE: usize = 64 * 1024;

/// The pieces of a block's text to read one at a time: the whole text,
/// unless it is longer than [`PIECE`], in which case pieces end at a
/// sentence end after [`PIECE`] bytes, or at a space when the sentence runs
/// on far longer. Lowercasing must keep the text's byte offsets.
fn pieces(text: &str, lower: &str, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    if text.len() <= PIECE || !tokens::keeps_offsets(text, lower) {
        pieces.push(0..text.len());
        return pieces;
    }
    let mut start = 0;
    while text.len() - start > PIECE {
        let want = start + PIECE;
        let at = sentences.partition_point(|s| s.end < want);
        let sentence_end = sentences.get(at).map(|s| s.end).filter(|&end| end <= want + PIECE);
        let end = sentence_end.or_else(|| memchr::memchr(b' ', &text.as_bytes()[want..]).map(|i| want + i + 1));
        match end {
            Some(end) if end < text.len() && end > start => {
                pieces.push(start..end);
                start = end;
            }
            _ => break,
        }
    }
    pieces.push(start..text.len());
    pieces
}

/// Table cells by the start of their span.
fn cell_places(article: &Article) -> FxHashMap<usize, CellPlace> {
    let mut places = FxHashMap::default();
    for (table, t) in article.tables.iter().enumerate() {
        for (row, cells) in t.rows.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                places.insert(cell.span.start, CellPlace { table, row, column });
            }
        }
    }
    places
}

/// Tables and top-level lists, by position: they do not nest in each other,
/// so the group holding a block is the last one starting before it.
fn groups(article: &Article) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = article
        .tables
        .iter()
        .map(|t| t.span.clone())
        .chain(article.lists.iter().filter(|l| l.depth == 0).map(|l| l.span.clone()))
        .collect();
    groups.sort_by_key(|g| g.start);
    groups
}

/// A list item's lead: the words before its first colon ("aged 25 to 49:
/// every 3 years"), when they are few.
fn item_lead(text: &str) -> Option<&str> {
    let (lead, _) = text.split_once(':')?;
    (lead.split_whitespace().count() <= 6 && !lead.trim().is_empty()).then_some(lead.trim())
}

/// Header cells that only name the kind of column ("Value", "Detail").
fn is_generic_header(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.is_empty()
        || matches!(
            lower.as_str(),
            "value" | "values" | "detail" | "details" | "amount" | "figure" | "answer"
        )
}

/// The words around a block that say what its figures are about.
fn block_context(article: &Article, index: usize, place: Option<&CellPlace>, labels: &mut Labels) -> BlockContext {
    let block = &article.blocks[index];
    let mut context = BlockContext::default();
    let add = |text: &str, weight: f32, context: &mut BlockContext| {
        for word in crate::article::prose::words(text) {
            context.words.push((word.to_lowercase(), weight));
        }
    };
    let add_heading = |text: &str, weight: f32, context: &mut BlockContext| {
        for word in crate::article::prose::words(text) {
            context.headings.push((word.to_lowercase(), weight));
        }
    };
    let words_of = |text: &str| -> Vec<String> { crate::article::prose::words(text).map(str::to_lowercase).collect() };
    if let Some(place) = place {
        let table = &article.tables[place.table];
        let row = &table.rows[place.row];
        add(&row[0].text, 1.0, &mut context);
        let header = table.header.get(place.column).map_or("", |c| c.text.as_str());
        if !is_generic_header(header) {
            add(header, 0.8, &mut context);
        }
        // Rows and value columns are cases of one table.
        let rows = labels.table_rows(place.table).clone();
        context.exclusive.push((words_of(&row[0].text), rows));
        if !is_generic_header(header) {
            let headers = labels.table_headers(place.table).clone();
            context.exclusive.push((words_of(header), headers));
        }
    }
    if block.kind == BlockKind::ListItem
        && let Some(list) = labels.list_of(block.span.start)
    {
        if let Some(lead_in) = labels.lead_in(list) {
            add(lead_in, 0.5, &mut context);
        }
        if let Some(lead) = item_lead(&block.text) {
            let leads = labels.list_leads(list).clone();
            context.exclusive.push((words_of(lead), leads));
        }
    }
    // The headings above, but not the standard ones ("Key Takeaways",
    // "Frequently Asked Questions"), which say nothing of a subject.
    let mut section = article.section_at(block.span.start);
    let mut weight = 0.5;
    while let Some(index) = section {
        let heading = article.sections[index].heading;
        if !is_standard_heading(article.normalized_heading(heading)) {
            add_heading(&article.headings[heading].text, weight, &mut context);
        }
        weight /= 2.0;
        section = article.sections[index].parent.filter(|_| weight > 0.2);
    }
    context
}

/// Headings every article has, which say nothing of what a figure is
/// about.
fn is_standard_heading(normalized: &str) -> bool {
    const STANDARD: &[&str] = &[
        "key takeaways",
        "takeaways",
        "key points",
        "at a glance",
        "frequently asked questions",
        "faq",
        "faqs",
        "common questions",
        "the bottom line",
        "bottom line",
        "conclusion",
        "summary",
        "in summary",
        "overview",
        "introduction",
    ];
    STANDARD.contains(&normalized)
}

/// The labels of an article's tables and top-level lists, gathered once
/// per table or list the first time one of its figures asks: each figure
/// gathering its siblings' labels was quadratic in a long table or list.
struct Labels<'x, 'a> {
    article: &'x Article<'a>,
    /// Top-level lists, by start.
    lists: Vec<&'x crate::article::List>,
    rows: FxHashMap<usize, Rc<LabelPool>>,
    headers: FxHashMap<usize, Rc<LabelPool>>,
    leads: FxHashMap<usize, Rc<LabelPool>>,
    lead_ins: FxHashMap<usize, Option<&'x str>>,
}

impl<'x, 'a> Labels<'x, 'a> {
    fn new(article: &'x Article<'a>) -> Self {
        let mut lists: Vec<_> = article.lists.iter().filter(|l| l.depth == 0).collect();
        lists.sort_by_key(|l| l.span.start);
        Labels {
            article,
            lists,
            rows: FxHashMap::default(),
            headers: FxHashMap::default(),
            leads: FxHashMap::default(),
            lead_ins: FxHashMap::default(),
        }
    }

    /// The words of every row label of table `table`.
    fn table_rows(&mut self, table: usize) -> &Rc<LabelPool> {
        let article = self.article;
        self.rows.entry(table).or_insert_with(|| {
            let words = article.tables[table]
                .rows
                .iter()
                .filter_map(|cells| cells.first())
                .flat_map(|c| lowercase_words(&c.text))
                .collect();
            Rc::new(LabelPool::new(words))
        })
    }

    /// The words of every header of table `table` but the label column's.
    fn table_headers(&mut self, table: usize) -> &Rc<LabelPool> {
        let article = self.article;
        self.headers.entry(table).or_insert_with(|| {
            let words = article.tables[table]
                .header
                .iter()
                .skip(1)
                .flat_map(|c| lowercase_words(&c.text))
                .collect();
            Rc::new(LabelPool::new(words))
        })
    }

    /// The index in `lists` of the top-level list holding offset `at`.
    /// Top-level lists do not overlap, so it is the last one starting at
    /// or before it.
    fn list_of(&self, at: usize) -> Option<usize> {
        let i = self.lists.partition_point(|l| l.span.start <= at).checked_sub(1)?;
        self.lists[i].span.contains(&at).then_some(i)
    }

    /// The paragraph that introduces list `list` ("Take it as follows:"),
    /// when it ends with a colon.
    fn lead_in(&mut self, list: usize) -> Option<&'x str> {
        let article = self.article;
        let start = self.lists[list].span.start;
        *self.lead_ins.entry(list).or_insert_with(|| {
            let before = article.blocks[..article.blocks.partition_point(|b| b.span.start <= start)]
                .iter()
                .rfind(|b| b.span.end <= start)?;
            (before.kind == BlockKind::Paragraph && before.text.trim_end().ends_with(':'))
                .then_some(before.text.as_str())
        })
    }

    /// The words of the leads of every item of list `list`.
    fn list_leads(&mut self, list: usize) -> &Rc<LabelPool> {
        let article = self.article;
        let span = self.lists[list].span.clone();
        self.leads.entry(list).or_insert_with(|| {
            let first = article.blocks.partition_point(|b| b.span.start < span.start);
            let words = article.blocks[first..]
                .iter()
                .take_while(|b| span.contains(&b.span.start))
                .filter(|b| b.kind == BlockKind::ListItem)
                .filter_map(|b| item_lead(&b.text))
                .flat_map(lowercase_words)
                .collect();
            Rc::new(LabelPool::new(words))
        })
    }
}

fn lowercase_words(text: &str) -> Vec<String> {
    crate::article::prose::words(text).map(str::to_lowercase).collect()
}

/// A cell that is only a number or range ("3-6") takes its unit from the
/// row label or column header ("Sessions", "Duration (minutes)").
fn unitless_cell(article: &Article, place: &CellPlace, text: &str, lexicon: &mut Lexicon) -> Option<Reading> {
    let table = &article.tables[place.table];
    let label = &table.rows[place.row][0].text;
    let header = table.header.get(place.column).map_or("", |c| c.text.as_str());
    let context = format!("{label} {header}").to_lowercase();
    let words: Vec<&str> = context
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let suffix = words.iter().find(|w| units::unit(w).is_some()).or_else(|| {
        words
            .iter()
            .rev()
            .find(|w| w.len() > 3 && w.ends_with('s') && !subject::is_stop_word(w))
    })?;
    let probe = format!("{} {suffix}", text.trim());
    let (_, mut found) = extract::readings(&probe, &probe.to_lowercase(), lexicon);
    if found.len() != 1 || found[0].range.end <= text.trim().len() {
        return None;
    }
    let mut reading = found.remove(0);
    // The quantity is the cell's whole text, not the probe's unit word.
    reading.range = 0..text.len();
    reading.tokens = 0..0;
    Some(reading)
}

/// How rare each concept of the frames is among the article's sentences:
/// ln(1 + sentences / sentences using it).
fn rarity(
    article: &Article,
    sentences: &[Vec<Range<usize>>],
    quantities: &[Quantity],
    concepts: &frame::Concepts<'_>,
) -> FxHashMap<Stem, f32> {
    let mut counts: FxHashMap<Stem, u32> = quantities
        .iter()
        .flat_map(|q| q.frame.words.iter().map(|w| (w.concept, 0)))
        .collect();
    let mut total = 0u32;
    let mut seen: Vec<Stem> = Vec::new();
    // Only words the frames use can count, so the frames' words (already
    // looked up) are all this needs to recognise.
    let mut count = |lower: &str, counts: &mut FxHashMap<Stem, u32>| {
        seen.clear();
        let words = lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty());
        for word in words {
            if let Some(concept) = concepts.known(word)
                && counts.contains_key(&concept.id)
                && !seen.contains(&concept.id)
            {
                seen.push(concept.id);
            }
        }
        for id in &seen {
            *counts.entry(*id).or_default() += 1;
        }
    };
    for (index, block) in article.blocks.iter().enumerate() {
        let lower = block.text.to_lowercase();
        // Lowercasing keeps byte offsets for nearly all text; where it does
        // not, the block counts as one sentence.
        if block.kind == BlockKind::TableCell || !tokens::keeps_offsets(&block.text, &lower) {
            total += 1;
            count(&lower, &mut counts);
            continue;
        }
        for sentence in &sentences[index] {
            total += 1;
            count(&lower[sentence.clone()], &mut counts);
        }
    }
    counts
        .into_iter()
        .map(|(id, n)| (id, (1.0 + total as f32 / (n.max(1)) as f32).ln()))
        .collect()
}

#[cfg(test)]
mod tests;
