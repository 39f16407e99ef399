//! `--format json-lines`: one JSON object a finding, each on a line of its
//! own, for log pipelines (`jq`, Loki, Elasticsearch). Each object is a
//! `--format json` diagnostic; there is no document around them, so lines
//! are written as files are checked.

use crate::render::Located;
use crate::render::json::diagnostic;

/// One file's findings, a line each.
pub fn render(path: &str, diagnostics: &[Located]) -> String {
    let mut out = String::new();
    for located in diagnostics {
        out.push_str(&serde_json::to_string(&diagnostic(path, located)).expect("a finding serializes"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Category, Diagnostic, Severity};
    use crate::line_index::Position;

    fn located(rule: &'static str) -> Located {
        let at = Position { line: 3, column: 1 };
        Located {
            diagnostic: Diagnostic {
                rule,
                category: Category::Content,
                severity: Severity::Error,
                message: format!("{rule} \"quoted\"\nsecond line"),
                span: 0..1,
                labels: Vec::new(),
                help: None,
            },
            start: at,
            end: at,
            labels: Vec::new(),
            anchor: 0,
            fix: None,
        }
    }

    #[test]
    fn each_finding_is_one_parsable_line() {
        let diagnostics = [located("empty-link"), located("placeholder-text")];
        let text = render("a \"b\".md", &diagnostics);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        for (line, rule) in lines.iter().zip(["empty-link", "placeholder-text"]) {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(value["rule"], rule);
            assert_eq!(value["path"], "a \"b\".md");
            assert_eq!(value["line"], 3);
        }
        assert!(render("a.md", &[]).is_empty());
    }
}
