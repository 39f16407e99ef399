//! `--format concise`: one line per diagnostic, `path:line:col: severity[rule] message`.

use crate::escape;
use crate::render::Located;

pub fn render(path: &str, diagnostics: &[Located]) -> String {
    let mut out = String::new();
    for located in diagnostics {
        out.push_str(&line(path, located));
        out.push('\n');
    }
    out
}

/// One finding as one line (JUnit lists findings the same way).
pub fn line(path: &str, located: &Located) -> String {
    let d = &located.diagnostic;
    format!(
        "{}:{}:{}: {}[{}] {}",
        path,
        located.start.line,
        located.start.column,
        d.severity,
        d.rule,
        escape::line(&d.message)
    )
}
