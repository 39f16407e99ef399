//! Output formats. Each format is one small file; `FileReport` carries the
//! facts they all share (diagnostics resolved to lines and columns).

pub mod concise;
pub mod human;
pub mod json;

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
        let mut parts = vec![
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
        ];
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
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\t' && c != '\n')
    {
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
