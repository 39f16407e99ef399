//! `--format concise`: one line per diagnostic, `path:line:col: severity[rule] message`.

use std::fmt::Write;

use crate::escape;
use crate::render::Located;

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
            escape::line(&d.message)
        );
    }
    out
}
