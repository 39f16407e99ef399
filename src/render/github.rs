//! `--format github`: GitHub Actions workflow commands, one per finding.
//!
//! Escaping follows GitHub's runner (`%` in the message; also `:` and `,`
//! in properties) on top of [`escape::line`], so article text cannot end
//! the command early or start a new one.

use std::fmt::Write;

use crate::diagnostic::Severity;
use crate::escape;
use crate::render::Located;

pub fn render(path: &str, diagnostics: &[Located]) -> String {
    let mut out = String::new();
    for located in diagnostics {
        let d = &located.diagnostic;
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(path),
            located.start.line,
            located.start.column,
            located.end.line,
            located.end.column,
            escape_property(&format!("medlint {}", d.rule)),
            escape_data(&d.message)
        );
    }
    out
}

/// Escapes a message (the part after `::`): control characters, line
/// breaks included, become visible symbols ([`escape::line`]), so the
/// command stays one line even after the runner decodes it; `%` is
/// percent-encoded, as the runner decodes it.
pub fn escape_data(text: &str) -> String {
    escape::line(text).replace('%', "%25")
}

/// Escapes a property value (`file=…`, `title=…`).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_cannot_break_out() {
        assert_eq!(escape_data("50%\n::error::x"), "50%25\u{240a}::error::x");
        assert_eq!(escape_property("a,b:c\r\n%"), "a%2Cb%3Ac\u{240d}\u{240a}%25");
        assert_eq!(escape_data("red \u{1b}[31m"), "red \u{241b}[31m");
    }
}
