//! `--format json`: the stable machine-readable report (DESIGN.md shape).

use std::io::{self, Write};

use serde::Serialize;

use crate::render::json_writer::{self, JsonWriter};
use crate::render::{Located, Spooled, Summary};

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Pages checked as articles, with an `[articles]` table.
    #[serde(skip_serializing_if = "Option::is_none")]
    articles: Option<usize>,
    /// Findings a baseline accepted, with a baseline.
    #[serde(skip_serializing_if = "is_zero")]
    baselined: usize,
    /// Baseline entries that no finding matches any more.
    #[serde(skip_serializing_if = "is_zero")]
    baseline_gone: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One finding, as `--format json` and `--format json-lines` write it.
#[derive(Serialize)]
pub(crate) struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
    /// The rule's own fix, or null.
    fix: Option<JsonFix<'a>>,
}

/// A fix as Ruff's JSON writes one: whether it is safe, what it does, and
/// its edits (replace the text from `line:column` to
/// `end_line:end_column`, exclusive, with `content`).
#[derive(Serialize)]
pub(crate) struct JsonFix<'a> {
    applicability: &'static str,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
pub(crate) struct JsonEdit<'a> {
    content: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
pub(crate) struct JsonLabel<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
}

/// The version of the report's shape; it changes only when the shape does.
const VERSION: u32 = 1;

/// How deep the findings sit: in `diagnostics`, in the report.
const ENTRY_DEPTH: usize = 2;

/// One file's findings, as entries of the `diagnostics` array.
pub fn entries(path: &str, diagnostics: &[Located]) -> String {
    json_writer::entries(diagnostics.iter().map(|located| diagnostic(path, located)), ENTRY_DEPTH)
}

pub(crate) fn diagnostic<'a>(path: &'a str, located: &'a Located) -> JsonDiagnostic<'a> {
    let d = &located.diagnostic;
    JsonDiagnostic {
        path,
        rule: d.rule,
        category: d.category.as_str(),
        severity: d.severity.as_str(),
        message: &d.message,
        line: located.start.line,
        column: located.start.column,
        end_line: located.end.line,
        end_column: located.end.column,
        labels: located
            .labels
            .iter()
            .map(|(start, end, message)| JsonLabel {
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                message,
            })
            .collect(),
        help: d.help.as_deref(),
        fix: located.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability.as_str(),
            message: &fix.title,
            edits: fix
                .edits
                .iter()
                .map(|(start, end, content)| JsonEdit {
                    content,
                    line: start.line,
                    column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                })
                .collect(),
        }),
    }
}

/// The report: the run's totals, then the spooled findings.
pub fn write_document(out: &mut dyn Write, summary: &Summary, findings: Spooled<'_>) -> io::Result<()> {
    let mut report = JsonWriter::new(out);
    report.begin_object()?;
    report.member("version", &VERSION)?;
    report.member(
        "tool",
        &Tool {
            name: "medlint",
            version: env!("CARGO_PKG_VERSION"),
        },
    )?;
    report.member(
        "summary",
        &JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            articles: summary.articles,
            baselined: summary.baselined,
            baseline_gone: summary.baseline_gone,
        },
    )?;
    report.key("diagnostics")?;
    report.begin_array()?;
    report.spooled(findings, ENTRY_DEPTH)?;
    report.end()?;
    report.end()?;
    report.finish()
}
