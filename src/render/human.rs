//! `--format human`: rustc-style reports with source excerpts, rendered by
//! annotate-snippets (the only place that crate is used).

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::line_index::LineIndex;
use crate::render::sanitize_for_terminal;

pub fn render(
    path: &str,
    source: &str,
    index: &LineIndex<'_>,
    diagnostics: &[Diagnostic],
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&render_one(&renderer, path, source, index, diagnostic));
        out.push('\n');
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn render_one(
    renderer: &Renderer,
    path: &str,
    source: &str,
    index: &LineIndex<'_>,
    d: &Diagnostic,
) -> String {
    // Excerpt only the lines the annotations touch, so that rendering costs
    // what the diagnostic shows, not what the file holds.
    let spans = std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span));
    let (mut first, mut last) = (usize::MAX, 0);
    for span in spans {
        first = first.min(index.line_of(span.start));
        last = last.max(
            index
                .line_of(span.end.max(span.start + 1) - 1)
                .max(index.line_of(span.start)),
        );
    }
    let start = index.line_start(first);
    let end = index.line_range(last.min(index.line_count() - 1)).end;
    let excerpt = sanitize_for_terminal(&source[start..end]);
    let shift = |offset: usize| -> usize {
        // Sanitising maps one char to one char, but byte lengths can change;
        // recompute the offset by characters.
        let chars = source[start..offset.clamp(start, end)].chars().count();
        excerpt
            .char_indices()
            .nth(chars)
            .map_or(excerpt.len(), |(i, _)| i)
    };
    let range = |span: &std::ops::Range<usize>| shift(span.start)..shift(span.end.max(span.start));
    let message = sanitize_for_terminal(&d.message);
    let mut snippet = Snippet::source(excerpt.as_ref())
        .line_start(first + 1)
        .path(path)
        .annotation(AnnotationKind::Primary.span(range(&d.span)));
    let label_texts: Vec<_> = d
        .labels
        .iter()
        .map(|l| sanitize_for_terminal(&l.message))
        .collect();
    for (label, text) in d.labels.iter().zip(&label_texts) {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(range(&label.span))
                .label(text.as_ref()),
        );
    }
    let mut group = level(d.severity)
        .primary_title(message.as_ref())
        .id(d.rule)
        .element(snippet);
    let help = d.help.as_deref().map(sanitize_for_terminal);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}
