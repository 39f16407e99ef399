//! `long-sentence`: a sentence over the word limit.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports each sentence in paragraphs, list items and quotes with more
    /// than `readability.max-words` words (30 by default). Sentences end at
    /// `.`, `!` or `?` before a capital, but not after abbreviations such as
    /// "Dr." or "e.g.".
    ///
    /// ## Why is this bad?
    /// Long sentences are where readers lose the thread, and in health
    /// writing the lost part is often the warning or the dose.
    ///
    /// ## Example
    /// ```markdown
    /// After the procedure, which usually takes less than an hour and is done with a numbing cream so that it is not painful for most people, you should avoid sun, makeup and exercise for a few days while the skin heals.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The procedure takes less than an hour. A numbing cream keeps it comfortable. Afterwards, avoid sun, makeup and exercise for a few days.
    /// ```
    pub static LONG_SENTENCE = {
        name: "long-sentence",
        category: Readability,
        severity: Info,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let limit = options.readability.max_words;
    for (index, block) in article.blocks.iter().enumerate() {
        if !block.kind.is_prose() {
            continue;
        }
        let breaks: Vec<usize> = block.tag_breaks().collect();
        let sentences = cx.sentences(index).iter().cloned();
        for (sentence, counts) in sentences.zip(cx.sentence_counts(index)) {
            // A line ended by `<br>` is read apart from the next, even
            // without a full stop (a list of lines in an HTML block).
            let inside: Vec<usize> = breaks
                .iter()
                .copied()
                .filter(|b| sentence.start < *b && *b < sentence.end)
                .collect();
            let pieces = if inside.is_empty() {
                vec![(sentence, counts.words)]
            } else {
                let starts = std::iter::once(sentence.start).chain(inside.iter().copied());
                let ends = inside.iter().copied().chain(std::iter::once(sentence.end));
                starts
                    .zip(ends)
                    .map(|(start, end)| {
                        let text = &block.text[start..end];
                        let lead = text.len() - text.trim_start().len();
                        let piece = start + lead..start + lead + text.trim().len();
                        (piece, crate::article::prose::words(text).count())
                    })
                    .filter(|(piece, _)| !piece.is_empty())
                    .collect()
            };
            for (piece, count) in pieces {
                if count > limit {
                    out.emit(
                        block.source_span(piece),
                        format!("sentence has {count} words (limit {limit})"),
                    )
                    .help("split it into shorter sentences, one idea each");
                }
            }
        }
    }
}
