//! `--format human`: rustc-style reports with source excerpts, rendered by
//! annotate-snippets (the only place that crate is used).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Source lines longer than this are not echoed in reports.
const MAX_LINE_BYTES: usize = 4096;

use crate::diagnostic::{Diagnostic, Severity};
use crate::line_index::LineIndex;
use crate::render::{Located, sanitize_for_terminal};

pub fn render(path: &str, source: &str, index: &LineIndex<'_>, diagnostics: &[Located], color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for diagnostic in diagnostics {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&render_one(&renderer, path, source, index, &diagnostic.diagnostic));
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

fn render_one(renderer: &Renderer, path: &str, source: &str, index: &LineIndex<'_>, d: &Diagnostic) -> String {
    let labels: Vec<(&std::ops::Range<usize>, &str)> = d.labels.iter().map(|l| (&l.span, l.message.as_str())).collect();
    let excerpt = Excerpt {
        path,
        source,
        index,
        span: &d.span,
        labels: &labels,
    };
    render_report(
        renderer,
        level(d.severity),
        Some(d.rule),
        &d.message,
        &excerpt,
        d.help.as_deref(),
    )
}

/// A located problem outside any article (e.g. in a config file), rendered
/// the same way as a diagnostic.
pub fn render_error(
    path: &str,
    source: &str,
    span: &std::ops::Range<usize>,
    message: &str,
    help: Option<&str>,
    color: bool,
) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let index = LineIndex::new(source);
    let excerpt = Excerpt {
        path,
        source,
        index: &index,
        span,
        labels: &[],
    };
    render_report(&renderer, Level::ERROR, None, message, &excerpt, help)
}

/// The source lines a report shows, with its primary span and labels.
struct Excerpt<'a> {
    path: &'a str,
    source: &'a str,
    index: &'a LineIndex<'a>,
    span: &'a std::ops::Range<usize>,
    labels: &'a [(&'a std::ops::Range<usize>, &'a str)],
}

fn render_report(
    renderer: &Renderer,
    level: Level<'_>,
    id: Option<&str>,
    title: &str,
    excerpt: &Excerpt<'_>,
    help: Option<&str>,
) -> String {
    let Excerpt {
        path,
        source,
        index,
        span,
        labels,
    } = *excerpt;
    // Excerpt only the lines the annotations touch, so that rendering costs
    // what the diagnostic shows, not what the file holds.
    let spans = std::iter::once(span).chain(labels.iter().map(|(s, _)| *s));
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
    let end = index.line_range(last.min(index.line_count() - 1)).end.max(start);
    let message = sanitize_for_terminal(title);
    let mut title = level.primary_title(message.as_ref());
    if let Some(id) = id {
        title = title.id(id);
    }
    let help = help.map(sanitize_for_terminal);
    // A line too long to read (minified HTML, a pasted blob) is not echoed:
    // the report names the place and says why the source is missing.
    let longest_line = (first..=last.min(index.line_count() - 1))
        .map(|line| index.line_range(line).len())
        .max()
        .unwrap_or(0);
    if longest_line > MAX_LINE_BYTES {
        let position = index.position(span.start);
        let origin = Origin::path(path).line(position.line).char_column(position.column);
        let mut group = title
            .element(origin)
            .element(Level::NOTE.message(format!("the source line is {longest_line} bytes long; not shown")));
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_ref()));
        }
        let report: [Group<'_>; 1] = [group];
        return renderer.render(&report);
    }
    let excerpt = sanitize_for_terminal(&source[start..end]);
    let shift = |offset: usize| -> usize {
        // Sanitising maps one char to one char, but byte lengths can change;
        // recompute the offset by characters.
        let chars = source[start..offset.clamp(start, end)].chars().count();
        excerpt.char_indices().nth(chars).map_or(excerpt.len(), |(i, _)| i)
    };
    let range = |span: &std::ops::Range<usize>| shift(span.start)..shift(span.end.max(span.start));
    let mut snippet = Snippet::source(excerpt.as_ref())
        .line_start(first + 1)
        .path(path)
        .annotation(AnnotationKind::Primary.span(range(span)));
    let label_texts: Vec<_> = labels.iter().map(|(_, text)| sanitize_for_terminal(text)).collect();
    for ((label_span, _), text) in labels.iter().zip(&label_texts) {
        snippet = snippet.annotation(AnnotationKind::Context.span(range(label_span)).label(text.as_ref()));
    }
    let mut group = title.element(snippet);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}
