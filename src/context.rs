//! The per-file context rules receive: the [`Article`] and what is derived
//! from it on demand (sentences, word counts, quantities, advertising
//! labels, the packs' shared search), each worked out at most once per file
//! and owned here.
//!
//! Rules run one after another on one thread, so the caches are plain
//! `OnceCell`s.

use std::cell::OnceCell;
use std::ops::Range;

use regex::{RegexSet, SetMatches};
use rustc_hash::FxHashMap;

use crate::article::sections::heading_matches;
use crate::article::{Article, TextBlock, prose};
use crate::claims::{self, Quantities};
use crate::options::{Options, RequiredSection};

pub struct Context<'a> {
    pub article: Article<'a>,
    /// The shared search of the pack rules that run (one per rule set).
    pack_set: Option<&'a RegexSet>,
    sentences: OnceCell<Vec<Vec<Range<usize>>>>,
    sentence_counts: OnceCell<Vec<Vec<prose::Counts>>>,
    quantities: OnceCell<Quantities>,
    advertising: OnceCell<AdvertisingLabels>,
    joined_text: OnceCell<String>,
    pack_matches: OnceCell<Option<SetMatches>>,
    english: OnceCell<bool>,
}

/// Which sections (or an ancestor) and which quotes carry an advertising
/// label.
struct AdvertisingLabels {
    sections: Vec<bool>,
    quotes: Vec<bool>,
}

impl<'a> Context<'a> {
    /// A context for `article`; `pack_set` is the pack rules' shared search
    /// when the rule set has one.
    pub fn new(article: Article<'a>, pack_set: Option<&'a RegexSet>) -> Self {
        Context {
            article,
            pack_set,
            sentences: OnceCell::new(),
            sentence_counts: OnceCell::new(),
            quantities: OnceCell::new(),
            advertising: OnceCell::new(),
            joined_text: OnceCell::new(),
            pack_matches: OnceCell::new(),
            english: OnceCell::new(),
        }
    }

    /// The article is in English ([`Article::is_english`]), worked out
    /// once: language detection reads the text.
    pub fn is_english(&self) -> bool {
        *self.english.get_or_init(|| self.article.is_english())
    }

    /// Sentence spans of block `index` (ranges of its text).
    pub fn sentences(&self, index: usize) -> &[Range<usize>] {
        &self.all_sentences()[index]
    }

    fn all_sentences(&self) -> &[Vec<Range<usize>>] {
        self.sentences
            .get_or_init(|| self.article.blocks.iter().map(|b| prose::sentences(&b.text)).collect())
    }

    /// Word and syllable counts of each sentence of block `index`, in the
    /// order of [`Context::sentences`]; empty for blocks that are not prose.
    pub fn sentence_counts(&self, index: usize) -> &[prose::Counts] {
        let all = self.sentence_counts.get_or_init(|| {
            let blocks = &self.article.blocks;
            // Articles repeat most of their words: count each one once. A
            // distinct word comes about every 40 bytes of prose.
            let prose: usize = blocks.iter().filter(|b| b.kind.is_prose()).map(|b| b.text.len()).sum();
            let mut syllables = FxHashMap::with_capacity_and_hasher(prose / 40, Default::default());
            (0..blocks.len())
                .map(|i| {
                    let block = &blocks[i];
                    if !block.kind.is_prose() {
                        return Vec::new();
                    }
                    self.sentences(i)
                        .iter()
                        .map(|sentence| prose::Counts::of(&block.text[sentence.clone()], &mut syllables))
                        .collect()
                })
                .collect()
        });
        &all[index]
    }

    /// Every quantity in the article with its claim frame, extracted once
    /// and shared by the claims rules (which all read one `options`).
    pub fn quantities(&self, options: &Options) -> &Quantities {
        self.quantities.get_or_init(|| {
            // The grammar and stems are English: other languages yield
            // nothing.
            if self.is_english() {
                claims::collect(&self.article, self.all_sentences(), &options.claims)
            } else {
                Quantities::default()
            }
        })
    }

    /// True when `block` sits in a section headed as advertising
    /// ("Advertisement", "Sponsored", "Paid partnership") or in a block
    /// quote whose first line is such a label.
    pub fn is_advertising(&self, block: &TextBlock) -> bool {
        let labels = self.advertising.get_or_init(|| self.advertising_labels());
        let in_section = self
            .article
            .section_at(block.span.start)
            .is_some_and(|s| labels.sections[s]);
        in_section
            || block
                .quote
                .is_some_and(|q| labels.quotes.get(q).copied().unwrap_or(false))
    }

    fn advertising_labels(&self) -> AdvertisingLabels {
        const LABELS: [&str; 5] = ["advertisement", "advertising", "sponsored", "paid partnership", "ad"];
        let article = &self.article;
        let mut sections = vec![false; article.sections.len()];
        for (index, section) in article.sections.iter().enumerate() {
            let heading = article.normalized_heading(section.heading);
            let labelled = LABELS.iter().any(|label| heading_matches(heading, label));
            // Parents come before children, so a parent's flag is final.
            sections[index] = labelled || section.parent.is_some_and(|p| sections[p]);
        }
        let mut quotes = vec![false; article.quotes.len()];
        let mut seen = vec![false; article.quotes.len()];
        for block in &article.blocks {
            if let Some(q) = block.quote
                && !std::mem::replace(&mut seen[q], true)
            {
                let words = crate::article::sections::normalize_heading(&block.text);
                quotes[q] = LABELS.iter().any(|label| {
                    words
                        .strip_prefix(label)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                });
            }
        }
        AdvertisingLabels { sections, quotes }
    }

    /// The text of every block, joined by blank lines: a haystack to rule
    /// out a pattern for the whole article with one search.
    pub fn joined_text(&self) -> &str {
        self.joined_text.get_or_init(|| {
            let blocks = &self.article.blocks;
            let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
            for block in blocks {
                text.push_str(&block.text);
                text.push_str("\n\n");
            }
            text
        })
    }

    /// Which patterns of the packs' shared search match the joined text;
    /// `None` when the rule set has no shared search.
    pub fn pack_matches(&self) -> Option<&SetMatches> {
        self.pack_matches
            .get_or_init(|| self.pack_set.map(|set| set.matches(self.joined_text())))
            .as_ref()
    }

    /// The article's top-level sections (children of the H1, or the
    /// highest-level sections when there is no H1) with their roles. A
    /// section plays a role only when its heading is one of the aliases,
    /// not merely contains one ("Summary of Benefits and Coverage" is body
    /// text).
    pub fn top_sections(&self, options: &Options) -> Vec<(usize, SectionRole)> {
        let article = &self.article;
        let takeaways = options.section("takeaways");
        let faq = options.section("faq");
        let bottom = options.section("bottom-line");
        let title = article.sections.iter().position(|s| s.level == 1 && s.parent.is_none());
        let top: Vec<usize> = match title {
            Some(title) => article.sections[title].children.clone(),
            None => {
                let min = article.sections.iter().map(|s| s.level).min().unwrap_or(2);
                (0..article.sections.len())
                    .filter(|&i| article.sections[i].level == min && article.sections[i].parent.is_none())
                    .collect()
            }
        };
        top.into_iter()
            .map(|index| {
                let heading = article.normalized_heading(article.sections[index].heading);
                let role = if takeaways.is(heading) {
                    SectionRole::Takeaways
                } else if faq.is(heading) {
                    SectionRole::Faq
                } else if bottom.is(heading) {
                    SectionRole::BottomLine
                } else if is_trailing_heading(heading) {
                    SectionRole::Trailing
                } else {
                    SectionRole::Body
                };
                (index, role)
            })
            .collect()
    }

    /// The first section (at any depth) whose heading counts as the
    /// required section `key`.
    pub fn find_section(&self, options: &Options, key: &str) -> Option<usize> {
        let wanted: &RequiredSection = options.section(key);
        let article = &self.article;
        (0..article.sections.len()).find(|&i| wanted.matches(article.normalized_heading(article.sections[i].heading)))
    }
}

/// What part a top-level section plays in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionRole {
    Takeaways,
    Faq,
    BottomLine,
    /// References, related articles, disclaimers.
    Trailing,
    Body,
}

/// Headings of a section that lists the article's sources (normalised).
pub const REFERENCE_HEADINGS: &[&str] = &["references", "sources", "citations", "bibliography", "works cited"];

/// Headings, besides [`REFERENCE_HEADINGS`], that may follow the bottom
/// line and do not count as body.
const OTHER_TRAILING_HEADINGS: &[&str] = &[
    "related articles",
    "related",
    "further reading",
    "resources",
    "disclaimer",
    "about the author",
    "about the authors",
    "editorial policy",
];

/// True when a normalised heading names a list of sources.
pub fn is_reference_heading(normalized: &str) -> bool {
    REFERENCE_HEADINGS.iter().any(|r| heading_matches(normalized, r))
}

/// True when a normalised heading names a section that may follow the
/// bottom line: sources, related articles, disclaimers.
pub fn is_trailing_heading(normalized: &str) -> bool {
    is_reference_heading(normalized) || OTHER_TRAILING_HEADINGS.iter().any(|t| heading_matches(normalized, t))
}
