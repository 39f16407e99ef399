//! `faq-format`: FAQ entries that are not questions, lack answers, or repeat.

use std::collections::HashMap;
use std::ops::Range;

use crate::article::sections::normalize_heading;
use crate::article::{Article, BlockKind};
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Checks the entries of the FAQ section: each sub-heading, or each
    /// paragraph that is entirely bold, is a question. Warns when an entry
    /// is not phrased as a question (no `?`), has no answer before the next
    /// entry, or repeats an earlier one.
    ///
    /// ## Why is this bad?
    /// An FAQ is read as question-and-answer pairs, and search engines read
    /// it that way too. A statement where a question belongs, a question
    /// left unanswered or asked twice all read as unfinished work.
    ///
    /// ## Example
    /// ```markdown
    /// ## Frequently Asked Questions
    ///
    /// ### Does it hurt
    ///
    /// Most people feel mild stinging.
    ///
    /// ### How long does it last?
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## Frequently Asked Questions
    ///
    /// ### Does it hurt?
    ///
    /// Most people feel mild stinging.
    ///
    /// ### How long does it last?
    ///
    /// Results last 3-6 months.
    /// ```
    pub static FAQ_FORMAT = {
        name: "faq-format",
        category: Structure,
        severity: Warning,
        check: check,
    };
}

struct Entry {
    text: String,
    span: Range<usize>,
    answered: bool,
}

fn entries(article: &Article, faq: usize) -> Vec<Entry> {
    let section = &article.sections[faq];
    let mut entries = Vec::new();
    // Bold-line entries anywhere in the FAQ (a mixed FAQ may put them after
    // sub-headings). An entry is answered by prose before the next entry
    // or heading.
    let blocks: Vec<_> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading && section.span.contains(&b.span.start))
        .collect();
    let is_entry = |b: &crate::article::TextBlock| b.kind == BlockKind::Paragraph && b.bold;
    for (i, block) in blocks.iter().enumerate() {
        if !is_entry(block) {
            continue;
        }
        // Headings are in document order: the next one by bisection.
        let next = article.headings.partition_point(|h| h.span.start <= block.span.start);
        let next_heading = article.headings.get(next).map_or(usize::MAX, |h| h.span.start);
        let answered = blocks
            .get(i + 1)
            .is_some_and(|next| !is_entry(next) && next.span.start < next_heading);
        entries.push(Entry {
            text: block.text.trim().to_string(),
            span: block.span.start..block.span.start + article.source[block.span.clone()].trim_end().len(),
            answered,
        });
    }
    // Sub-heading entries.
    for &child in &section.children {
        let sub = &article.sections[child];
        let heading = &article.headings[sub.heading];
        entries.push(Entry {
            text: heading.text.clone(),
            span: heading.span.clone(),
            answered: sub.has_own_content || !sub.children.is_empty(),
        });
    }
    entries.sort_by_key(|e| e.span.start);
    entries
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let Some(faq) = cx.find_section(options, "faq") else {
        return;
    };
    let entries = entries(article, faq);
    // The first entry asked with each normalised text.
    let mut first_asked: HashMap<String, usize> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let first = *first_asked.entry(normalize_heading(&entry.text)).or_insert(i);
        if first != i {
            let first = &entries[first];
            out.emit(
                entry.span.clone(),
                format!("question {} repeats an earlier one in the FAQ", quoted(&entry.text)),
            )
            .label(first.span.clone(), "first asked here")
            .help("remove the repeated question or merge the answers");
            continue;
        }
        if !entry.text.trim_end_matches(['*', '_', ' ']).ends_with('?') {
            out.emit(
                entry.span.clone(),
                format!("entry {} in the FAQ is not a question", quoted(&entry.text)),
            )
            .help("phrase the entry as the question a reader would ask, ending with \"?\"");
        }
        if !entry.answered {
            out.emit(
                entry.span.clone(),
                format!("question {} in the FAQ has no answer", quoted(&entry.text)),
            )
            .help("answer the question below it, or remove it");
        }
    }
}
