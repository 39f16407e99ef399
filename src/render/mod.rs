//! Output formats. Each format is one small file; `FileReport` carries the
//! facts they all share (diagnostics resolved to lines and columns).

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::line_index::{LineIndex, Position};

/// A diagnostic with its positions resolved against the source.
#[derive(Debug, Clone)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: Position,
    pub end: Position,
    pub labels: Vec<(Position, Position, String)>,
}

impl Located {
    pub fn resolve(index: &LineIndex<'_>, diagnostic: Diagnostic) -> Located {
        let start = index.position(diagnostic.span.start);
        let end = index.position(diagnostic.span.end);
        let labels = diagnostic
            .labels
            .iter()
            .map(|l| {
                (
                    index.position(l.span.start),
                    index.position(l.span.end),
                    l.message.clone(),
                )
            })
            .collect();
        Located {
            diagnostic,
            start,
            end,
            labels,
        }
    }
}

/// The outcome of linting one file, ready to render.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given on the command line (or the stdin file name).
    pub path: String,
    pub diagnostics: Vec<Located>,
    /// The human or concise rendering, made while the source was at hand.
    pub rendered: String,
    /// Rules that panicked on this file, as messages.
    pub internal_errors: Vec<String>,
}

/// The output formats `--format` accepts.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Junit,
    Gitlab,
}

impl Format {
    /// Formats written file by file as results arrive; the others are one
    /// document written at the end.
    pub fn is_streamed(self) -> bool {
        matches!(self, Format::Human | Format::Concise | Format::Github)
    }

    /// Formats that end with a summary line.
    pub fn has_summary_line(self) -> bool {
        matches!(self, Format::Human | Format::Concise)
    }
}

/// Renders one file's findings for a streamed format, while its source is
/// still at hand. Whole-run formats return nothing here.
pub fn render_file(
    format: Format,
    path: &str,
    source: &str,
    index: &LineIndex<'_>,
    diagnostics: &[Located],
    color: bool,
) -> String {
    match format {
        Format::Human => human::render(path, source, index, diagnostics, color),
        Format::Concise => concise::render(path, diagnostics),
        Format::Github => github::render(path, diagnostics),
        Format::Json | Format::Sarif | Format::Junit | Format::Gitlab => String::new(),
    }
}

/// Renders the whole-run document for the formats that have one.
pub fn render_run(
    format: Format,
    reports: &[FileReport],
    summary: &Summary,
    rules: &[&'static crate::rules::Rule],
) -> Option<String> {
    match format {
        Format::Json => Some(json::render(reports, summary)),
        Format::Sarif => Some(sarif::render(reports, rules)),
        Format::Junit => Some(junit::render(reports)),
        Format::Gitlab => Some(gitlab::render(reports)),
        Format::Human | Format::Concise | Format::Github => None,
    }
}

/// `--statistics`: findings per rule, most frequent first.
pub fn statistics(reports: &[FileReport], format: Format) -> String {
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for located in reports.iter().flat_map(|r| &r.diagnostics) {
        *counts
            .entry((located.diagnostic.rule, located.diagnostic.severity))
            .or_default() += 1;
    }
    let mut rows: Vec<((&str, Severity), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.0.cmp(b.0.0)));
    if format == Format::Json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|((rule, severity), count)| serde_json::json!({"rule": rule, "severity": severity.as_str(), "count": count}))
            .collect();
        return serde_json::to_string_pretty(&list).expect("statistics serialize") + "\n";
    }
    let width = rows.iter().map(|((rule, _), _)| rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for ((rule, severity), count) in rows {
        out.push_str(&format!("{count:>6}  {rule:width$}  {severity}\n"));
    }
    out
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        for located in &report.diagnostics {
            match located.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// "3 files checked: 2 errors, 1 warning"
    pub fn line(&self) -> String {
        let files = plural(self.files, "file");
        if self.errors + self.warnings + self.infos == 0 {
            return format!("{files} checked: no problems found");
        }
        let mut parts = vec![plural(self.errors, "error"), plural(self.warnings, "warning")];
        if self.infos > 0 {
            parts.push(plural(self.infos, "info"));
        }
        format!("{files} checked: {}", parts.join(", "))
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Replaces control characters (other than tab) so that article text cannot
/// move the cursor or recolour a terminal.
pub fn sanitize_for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\t' && c != '\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\t' && c != '\n' {
                    char::from_u32(0x2400 + c as u32)
                        .filter(|_| (c as u32) < 0x20)
                        .unwrap_or('\u{FFFD}')
                } else {
                    c
                }
            })
            .collect(),
    )
}
