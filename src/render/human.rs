//! `--format human`: rustc-style reports with source excerpts, rendered by
//! annotate-snippets (the only place that crate is used).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Source lines longer than this are not echoed in reports.
const MAX_LINE_BYTES: usize = 4096;

/// Annotations closer than this many lines share one excerpt.
const MERGE_LINES: usize = 8;

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
    // what the diagnostic shows, not what the file holds. Annotations far
    // apart (a label on a statement hundreds of lines up) get excerpts of
    // their own.
    let last_line = index.line_count() - 1;
    let lines_of = |span: &std::ops::Range<usize>| {
        let first = index.line_of(span.start);
        (
            first,
            index
                .line_of(span.end.max(span.start + 1) - 1)
                .max(first)
                .min(last_line),
        )
    };
    let mut marks: Vec<(&std::ops::Range<usize>, Option<&str>)> = vec![(span, None)];
    marks.extend(labels.iter().map(|(s, text)| (*s, Some(*text))));
    marks.sort_by_key(|(s, _)| s.start);
    let mut clusters: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for (i, (mark, _)) in marks.iter().enumerate() {
        let (first, last) = lines_of(mark);
        match clusters.last_mut() {
            Some(cluster) if first <= cluster.1 + MERGE_LINES => {
                cluster.1 = cluster.1.max(last);
                cluster.2.push(i);
            }
            _ => clusters.push((first, last, vec![i])),
        }
    }
    // The excerpt with the primary span comes first: its location is the
    // one the report's `-->` line names.
    if let Some(primary) = clusters
        .iter()
        .position(|(_, _, members)| members.iter().any(|&i| marks[i].1.is_none()))
    {
        let cluster = clusters.remove(primary);
        clusters.insert(0, cluster);
    }
    let message = sanitize_for_terminal(title);
    let mut title = level.primary_title(message.as_ref());
    if let Some(id) = id {
        title = title.id(id);
    }
    let help = help.map(sanitize_for_terminal);
    // A line too long to read (minified HTML, a pasted blob) is not echoed:
    // the report names the place and says why the source is missing.
    let longest_line = clusters
        .iter()
        .flat_map(|(first, last, _)| *first..=*last)
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
    let excerpts: Vec<(usize, usize, std::borrow::Cow<'_, str>)> = clusters
        .iter()
        .map(|(first, last, _)| {
            let start = index.line_start(*first);
            let end = index.line_range(*last).end.max(start);
            (start, end, sanitize_for_terminal(&source[start..end]))
        })
        .collect();
    let label_texts: Vec<_> = marks.iter().map(|(_, text)| text.map(sanitize_for_terminal)).collect();
    let mut snippets = Vec::with_capacity(clusters.len());
    for ((first, _, members), (start, end, excerpt)) in clusters.iter().zip(&excerpts) {
        let (start, end) = (*start, *end);
        let shift = |offset: usize| -> usize {
            // Sanitising maps one char to one char, but byte lengths can
            // change; recompute the offset by characters.
            let chars = source[start..offset.clamp(start, end)].chars().count();
            excerpt.char_indices().nth(chars).map_or(excerpt.len(), |(i, _)| i)
        };
        let mut snippet = Snippet::source(excerpt.as_ref()).line_start(first + 1).path(path);
        for &i in members {
            let mark = marks[i].0;
            let range = shift(mark.start)..shift(mark.end.max(mark.start));
            snippet = snippet.annotation(match &label_texts[i] {
                None => AnnotationKind::Primary.span(range),
                Some(text) => AnnotationKind::Context.span(range).label(text.as_ref()),
            });
        }
        snippets.push(snippet);
    }
    let mut group = title.elements(snippets);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}
