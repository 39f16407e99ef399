//! `--format json`: the stable machine-readable report (DESIGN.md shape).

use serde::Serialize;

use crate::render::{Located, Summary};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    summary: JsonSummary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

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
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
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
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
}

/// Where the findings array sits: its entries are indented past this.
pub const INDENT: usize = 2;

/// One file's findings, as entries of the `diagnostics` array.
pub fn entries<'a>(path: &'a str, diagnostics: &'a [Located]) -> impl Iterator<Item = impl Serialize + 'a> + 'a {
    diagnostics.iter().map(move |located| {
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
        }
    })
}

/// The report with an empty `diagnostics` array.
pub fn document(summary: &Summary) -> impl Serialize {
    Report {
        version: 1,
        tool: Tool {
            name: "medlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
        },
        diagnostics: Vec::<JsonDiagnostic>::new(),
    }
}
