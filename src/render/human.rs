//! `--format human`: rustc-style reports with source excerpts, rendered by
//! annotate-snippets (the only place that crate is used).

use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Source lines longer than this are not echoed in reports.
const MAX_LINE_BYTES: usize = 4096;

/// Annotations closer than this many lines share one excerpt.
const MERGE_LINES: usize = 8;

use crate::diagnostic::{Diagnostic, Severity};
use crate::escape;
use crate::line_index::LineIndex;
use crate::render::Located;

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

/// A span to annotate: the report's primary span (no label) or a label.
#[derive(Clone, Copy)]
struct Mark<'a> {
    span: &'a std::ops::Range<usize>,
    label: Option<&'a str>,
}

/// Marks close enough to share one excerpt: the source lines `first..=last`
/// (0-based) and the marks on them, as indices into the sorted marks.
struct Cluster {
    first: usize,
    last: usize,
    members: Vec<usize>,
}

impl Cluster {
    /// Whether the report's primary span is in this cluster.
    fn holds_primary(&self, marks: &[Mark<'_>]) -> bool {
        self.members.iter().any(|&i| marks[i].label.is_none())
    }
}

impl<'a> Excerpt<'a> {
    /// The primary span and the labels, in source order.
    fn marks(&self) -> Vec<Mark<'a>> {
        let mut marks = vec![Mark {
            span: self.span,
            label: None,
        }];
        marks.extend(self.labels.iter().map(|&(span, text)| Mark {
            span,
            label: Some(text),
        }));
        marks.sort_by_key(|mark| mark.span.start);
        marks
    }

    /// The first and last line (0-based) a span touches.
    fn lines_of(&self, span: &std::ops::Range<usize>) -> (usize, usize) {
        let last_line = self.index.line_count() - 1;
        let first = self.index.line_of(span.start);
        let last = self.index.line_of(span.end.max(span.start + 1) - 1);
        (first, last.max(first).min(last_line))
    }

    /// Excerpt only the lines the annotations touch, so that rendering costs
    /// what the diagnostic shows, not what the file holds. Annotations far
    /// apart (a label on a statement hundreds of lines up) get excerpts of
    /// their own. The excerpt with the primary span comes first: its
    /// location is the one the report's `-->` line names.
    fn clusters(&self, marks: &[Mark<'_>]) -> Vec<Cluster> {
        let mut clusters: Vec<Cluster> = Vec::new();
        for (i, mark) in marks.iter().enumerate() {
            let (first, last) = self.lines_of(mark.span);
            match clusters.last_mut() {
                Some(cluster) if first <= cluster.last + MERGE_LINES => {
                    cluster.last = cluster.last.max(last);
                    cluster.members.push(i);
                }
                _ => clusters.push(Cluster {
                    first,
                    last,
                    members: vec![i],
                }),
            }
        }
        if let Some(primary) = clusters.iter().position(|cluster| cluster.holds_primary(marks)) {
            let cluster = clusters.remove(primary);
            clusters.insert(0, cluster);
        }
        clusters
    }

    /// The length in bytes of the longest line the clusters show.
    fn longest_line(&self, clusters: &[Cluster]) -> usize {
        clusters
            .iter()
            .flat_map(|cluster| cluster.first..=cluster.last)
            .map(|line| self.index.line_range(line).len())
            .max()
            .unwrap_or(0)
    }

    /// One cluster's source lines, sanitised, with its marks on them.
    fn snippet(&self, marks: &[Mark<'a>], cluster: &Cluster) -> Snippet<'a, Annotation<'a>> {
        let mut start = self.index.line_start(cluster.first);
        // A byte order mark is invisible in editors: not shown, and no
        // column (as `LineIndex::position` counts them).
        if start == 0 && self.source.starts_with('\u{feff}') {
            start = 3;
        }
        let end = self.index.line_range(cluster.last).end.max(start);
        let text = escape::block(&self.source[start..end]);
        let shift = |offset: usize| -> usize {
            // Escaping maps one char to one char, but byte lengths can
            // change; recompute the offset by characters.
            let chars = self.source[start..offset.clamp(start, end)].chars().count();
            text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
        };
        let annotations: Vec<Annotation<'a>> = cluster
            .members
            .iter()
            .map(|&i| {
                let span = marks[i].span;
                let range = shift(span.start)..shift(span.end.max(span.start));
                match marks[i].label {
                    None => AnnotationKind::Primary.span(range),
                    Some(label) => AnnotationKind::Context.span(range).label(escape::line(label)),
                }
            })
            .collect();
        Snippet::source(text)
            .line_start(cluster.first + 1)
            .path(self.path)
            .annotations(annotations)
    }
}

fn render_report(
    renderer: &Renderer,
    level: Level<'_>,
    id: Option<&str>,
    title: &str,
    excerpt: &Excerpt<'_>,
    help: Option<&str>,
) -> String {
    let marks = excerpt.marks();
    let clusters = excerpt.clusters(&marks);
    let mut title = level.primary_title(escape::line(title));
    if let Some(id) = id {
        title = title.id(id);
    }
    // A line too long to read (minified HTML, a pasted blob) is not echoed:
    // the report names the place and says why the source is missing.
    let longest_line = excerpt.longest_line(&clusters);
    let mut group = if longest_line > MAX_LINE_BYTES {
        let position = excerpt.index.position(excerpt.span.start);
        let origin = Origin::path(excerpt.path)
            .line(position.line)
            .char_column(position.column);
        title
            .element(origin)
            .element(Level::NOTE.message(format!("the source line is {longest_line} bytes long; not shown")))
    } else {
        title.elements(clusters.iter().map(|cluster| excerpt.snippet(&marks, cluster)))
    };
    if let Some(help) = help {
        group = group.element(Level::HELP.message(escape::line(help)));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}
