//! `--format concise`: one line per diagnostic, `path:line:col: severity[rule] message`.

use std::fmt::Write;

use crate::render::{Located, sanitize_for_terminal};

pub fn render(path: &str, diagnostics: &[Located]) -> String {
    let mut out = String::new();
    for located in diagnostics {
        let d = &located.diagnostic;
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            path,
            located.start.line,
            located.start.column,
            d.severity,
            d.rule,
            sanitize_for_terminal(&d.message)
        );
    }
    out
}
