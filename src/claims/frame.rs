//! Claim frames: what a figure is about. Each quantity gets the words of
//! its clause and its context (a table cell's row label and column header,
//! a list item's lead-in, the heading above), weighted by nearness, folded
//! through synonyms, and the facets those words set (population, variant,
//! aspect). Two figures state the same claim when their facets agree and
//! their words, weighted by how rare each is in the article, overlap.

use std::rc::Rc;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::claims::cues::{Cues, FacetKind};
use crate::claims::extract::Reading;
use crate::claims::subject::{Lexicon, Stem, is_stop_word, stem};
use crate::claims::tokens::Token;
use crate::claims::units::{number_word, unit};

/// A word of a frame, or of its context, and how much it says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighted {
    pub concept: Stem,
    pub weight: f32,
    /// From a heading above the figure: figures of one section share it,
    /// so it says nothing about whether they state the same thing.
    pub heading: bool,
}

/// A label that sets one case apart from its siblings: a table row's label,
/// a table column's header, a list item's lead ("aged 25 to 49:"). A
/// figure under one label is not compared with a statement that names a
/// sibling's label and not its own.
#[derive(Debug, Clone, Default)]
pub struct Exclusive {
    pub own: Vec<Stem>,
    /// Every concept of the labels of the figure's table or list, its own
    /// among them (sorted, unique): shared by the group's figures, so that
    /// a table of thousands of rows is not copied into each cell.
    pub pool: Arc<Vec<Stem>>,
}

impl Exclusive {
    /// True when `concept` names a sibling's label and not this one.
    pub fn is_sibling(&self, concept: Stem) -> bool {
        self.own.binary_search(&concept).is_err() && self.pool.binary_search(&concept).is_ok()
    }
}

/// The label words of a table's rows or columns, or of a list's items,
/// gathered once per group; their concepts are worked out by the first
/// figure that needs them.
#[derive(Debug, Default)]
pub struct LabelPool {
    pub words: Vec<String>,
    concepts: std::sync::OnceLock<Arc<Vec<Stem>>>,
}

impl LabelPool {
    pub fn new(words: Vec<String>) -> Self {
        LabelPool {
            words,
            concepts: std::sync::OnceLock::new(),
        }
    }
}

/// What a quantity is about.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// Concepts, sorted and unique, with their weight.
    pub words: Vec<Weighted>,
    /// Facets, sorted and unique.
    pub facets: Vec<(FacetKind, u16)>,
    /// Concepts of everything the figure's clause and context mention, for
    /// the exclusive labels of other figures.
    pub mentions: Vec<Stem>,
    pub exclusive: Vec<Exclusive>,
    /// Concepts that set facets, and the facets' markers among `words`.
    pub facet_words: Vec<Stem>,
}

/// The context of a block, as weighted words, gathered once per block.
#[derive(Debug, Clone, Default)]
pub struct BlockContext {
    /// (word, weight): row label, column header, lead-in.
    pub words: Vec<(String, f32)>,
    /// (word, weight): the headings above.
    pub headings: Vec<(String, f32)>,
    /// (own label words, the group's label words).
    pub exclusive: Vec<(Vec<String>, Rc<LabelPool>)>,
}

/// What a word stands for in frames: its concept, and the facets it sets
/// with their markers.
#[derive(Debug, Clone)]
pub struct WordConcept {
    pub id: Stem,
    pub facets: Vec<(FacetKind, u16)>,
    pub markers: Vec<Stem>,
}

/// The concepts of an article's words, worked out once per distinct word:
/// stemming and looking up cues for every word near every figure, and for
/// every word when counting rarity, is most of the claims rules' cost.
pub struct Concepts<'c> {
    cues: &'c Cues,
    known: FxHashMap<Box<str>, Option<WordConcept>>,
}

impl<'c> Concepts<'c> {
    pub fn new(cues: &'c Cues) -> Self {
        Concepts {
            cues,
            known: FxHashMap::default(),
        }
    }

    /// The concept of a lowercase word: its synonym group, else its stem;
    /// none for words that say nothing about a subject.
    pub fn of(&mut self, word: &str, lexicon: &mut Lexicon) -> Option<&WordConcept> {
        if !self.known.contains_key(word) {
            let concept = self.compute(word, lexicon);
            self.known.insert(word.into(), concept);
        }
        self.known.get(word).and_then(Option::as_ref)
    }

    /// The concept of a word already looked up, without working out a new
    /// one.
    pub fn known(&self, word: &str) -> Option<&WordConcept> {
        self.known.get(word).and_then(Option::as_ref)
    }

    fn compute(&self, word: &str, lexicon: &mut Lexicon) -> Option<WordConcept> {
        if word.len() < 3 || is_stop_word(word) || unit(word).is_some() || number_word(word).is_some() {
            return None;
        }
        if crate::article::dates::month_number(word).is_some() {
            return None;
        }
        let stemmed = stem(word);
        let cue = self.cues.of(&stemmed);
        let canonical = cue.and_then(|c| c.synonym.as_deref()).unwrap_or(&stemmed);
        let id = lexicon.word(canonical);
        let facets = cue.map(|c| c.facets.clone()).unwrap_or_default();
        // A medicine's own word already says what a figure is about: a
        // marker beside it would count it twice.
        let markers = facets
            .iter()
            .filter(|(kind, _)| *kind != FacetKind::Medicine)
            .map(|(kind, name)| lexicon.word(&format!("#{kind:?}{name}")))
            .collect();
        Some(WordConcept { id, facets, markers })
    }
}

/// How many tokens either side of a figure its frame reads, at most: far
/// more than an ordinary sentence holds.
const WINDOW: usize = 60;

/// Builds the frame of `reading` among `tokens`, with its block's context.
pub fn frame_of(
    tokens: &[Token<'_>],
    reading: &Reading,
    context: &BlockContext,
    concepts: &mut Concepts<'_>,
    lexicon: &mut Lexicon,
) -> Frame {
    let mut frame = Frame::default();
    let at = reading.tokens.clone();
    let sentence = tokens[at.start].sentence;
    let clause = tokens[at.start].clause;
    // Tokens come in sentence order: visit only the figure's sentence.
    // and of it only the tokens within `WINDOW` of the figure: a sentence
    // of thousands of figures ("… and …") would otherwise give each of
    // them every word of it, quadratic in time and memory.
    let first = tokens
        .partition_point(|t| t.sentence < sentence)
        .max(at.start.saturating_sub(WINDOW));
    let last = tokens.partition_point(|t| t.sentence <= sentence).min(at.end + WINDOW);
    let mut sentence_medicines: Vec<(FacetKind, u16)> = Vec::new();
    for (i, token) in tokens.iter().enumerate().take(last).skip(first) {
        if at.contains(&i) {
            continue;
        }
        let Some(word) = token.word() else { continue };
        let distance = if i < at.start { at.start - i } else { i + 1 - at.end };
        let weight = match (token.clause == clause, distance) {
            (false, _) => 0.2,
            (true, 0..=4) => 1.0,
            (true, 5..=8) => 0.7,
            (true, _) => 0.3,
        };
        // Facets come from the figure's own clause only; a medicine named
        // elsewhere in the sentence is kept aside ("for ibuprofen, take
        // 200 mg").
        if token.clause != clause
            && let Some(concept) = concepts.of(word, lexicon)
        {
            sentence_medicines.extend(concept.facets.iter().filter(|(kind, _)| *kind == FacetKind::Medicine));
        }
        frame.add(word, weight, token.clause == clause, false, concepts, lexicon);
    }
    // A dose whose clause names no medicine is of the one its sentence
    // names.
    sentence_medicines.sort_unstable();
    sentence_medicines.dedup();
    if sentence_medicines.len() == 1 && !frame.facets.iter().any(|(kind, _)| *kind == FacetKind::Medicine) {
        frame.facets.extend(sentence_medicines);
    }
    for (word, weight) in &context.words {
        frame.add(word, *weight, true, false, concepts, lexicon);
    }
    // A facet the figure's own text sets wins over the headings' facets of
    // its kind: "Older adults take 200 mg" under "## Older adults and
    // fever" is about older adults, whatever the heading adds; "take 500
    // mg of amoxicillin" under "## Ibuprofen" is about amoxicillin.
    let own_kinds: Vec<FacetKind> = frame.facets.iter().map(|(kind, _)| *kind).collect();
    let before_headings = frame.facets.len();
    for (word, weight) in &context.headings {
        frame.add(word, *weight, true, true, concepts, lexicon);
    }
    let mut at = 0;
    frame.facets.retain(|(kind, _)| {
        at += 1;
        at <= before_headings || !own_kinds.contains(kind)
    });
    for (own, pool) in &context.exclusive {
        let mut ids = |words: &[String], lexicon: &mut Lexicon| -> Vec<Stem> {
            let mut ids: Vec<Stem> = words
                .iter()
                .filter_map(|w| concepts.of(w, lexicon).map(|c| c.id))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let own = ids(own, lexicon);
        let pool = pool
            .concepts
            .get_or_init(|| Arc::new(ids(&pool.words, lexicon)))
            .clone();
        // A sibling is a concept of the pool that is not the figure's own.
        let own_in_pool = own.iter().filter(|c| pool.binary_search(c).is_ok()).count();
        if !own.is_empty() && pool.len() > own_in_pool {
            frame.exclusive.push(Exclusive { own, pool });
        }
    }
    frame.finish();
    frame
}

impl Frame {
    fn add(
        &mut self,
        word: &str,
        weight: f32,
        facets: bool,
        heading: bool,
        concepts: &mut Concepts<'_>,
        lexicon: &mut Lexicon,
    ) {
        let Some(concept) = concepts.of(word, lexicon) else {
            return;
        };
        self.words.push(Weighted {
            concept: concept.id,
            weight,
            heading,
        });
        self.mentions.push(concept.id);
        if concept.facets.is_empty() {
            return;
        }
        self.facet_words.push(concept.id);
        // A facet is also a word the figure is about: "starts" and "kicks
        // in" share the onset.
        for &marker in &concept.markers {
            self.facet_words.push(marker);
            self.words.push(Weighted {
                concept: marker,
                weight,
                heading,
            });
        }
        if facets {
            self.facets.extend(concept.facets.iter().copied());
        }
    }

    fn finish(&mut self) {
        // One entry per concept, at its highest weight (and not from a
        // heading, when the text itself uses it).
        self.words.sort_by(|a, b| {
            a.concept
                .cmp(&b.concept)
                .then(a.heading.cmp(&b.heading))
                .then(b.weight.total_cmp(&a.weight))
        });
        self.words.dedup_by_key(|w| w.concept);
        self.facets.sort_unstable();
        self.facets.dedup();
        self.mentions.sort_unstable();
        self.mentions.dedup();
        self.facet_words.sort_unstable();
        self.facet_words.dedup();
        // Frames are kept for the whole article: no spare capacity.
        self.words.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.facets.shrink_to_fit();
        self.facet_words.shrink_to_fit();
    }

    /// The facets of one kind.
    pub fn facets_of(&self, kind: FacetKind) -> impl Iterator<Item = u16> + '_ {
        self.facets.iter().filter(move |(k, _)| *k == kind).map(|(_, n)| *n)
    }

    pub fn mentions(&self, concept: Stem) -> bool {
        self.mentions.binary_search(&concept).is_ok()
    }
}

/// True when the facets of `a` and `b` agree: for each kind, one of them
/// has none, or they share one.
pub fn facets_agree(a: &Frame, b: &Frame) -> bool {
    FacetKind::ALL.into_iter().all(|kind| {
        let mut theirs = b.facets_of(kind).peekable();
        let mut ours = a.facets_of(kind).peekable();
        if ours.peek().is_none() || theirs.peek().is_none() {
            return true;
        }
        let theirs: Vec<u16> = theirs.collect();
        ours.any(|f| theirs.contains(&f))
    })
}

/// For two doses of one medicine, facets must match, not merely not
/// clash: a dose for older adults, for kidney disease, for a fever or a
/// loading dose is a case of its own beside the usual dose, not a second
/// statement of it. Only "adults" and no stated group are alike: the
/// usual reader of a consumer article is an adult.
pub fn dose_facets_match(a: &Frame, b: &Frame) -> bool {
    static ADULTS: std::sync::LazyLock<Option<u16>> =
        std::sync::LazyLock::new(|| Cues::shipped().index_of(FacetKind::Population, "adults"));
    let adults = *ADULTS;
    [FacetKind::Population, FacetKind::Variant, FacetKind::Attribute]
        .into_iter()
        .all(|kind| {
            let of = |frame: &Frame| -> Vec<u16> {
                frame
                    .facets_of(kind)
                    .filter(|&f| kind != FacetKind::Population || Some(f) != adults)
                    .collect()
            };
            of(a) == of(b)
        })
}

/// True when an exclusive label of one frame rules the other out: the other
/// names a sibling of the label and not the label itself.
pub fn excluded(a: &Frame, b: &Frame) -> bool {
    let rules_out = |labelled: &Frame, other: &Frame| {
        labelled.exclusive.iter().any(|label| {
            !label.own.iter().any(|&c| other.mentions(c)) && other.mentions.iter().any(|&c| label.is_sibling(c))
        })
    };
    rules_out(a, b) || rules_out(b, a)
}
