//! The one diagnostic model every rule produces and every renderer consumes.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// How serious a finding is. Ordered so that `Error > Warning > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The family a rule belongs to. Categories group rules in `medlint
/// rules`, and `[rules]`, `--select` and `--ignore` take them as well as
/// rule names. Packs may name categories of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Structure,
    Tables,
    Claims,
    Content,
    Review,
    Input,
    Readability,
    Medication,
    /// A category a pack names ("house-style").
    Other(&'static str),
}

impl Category {
    /// The built-in categories.
    pub const BUILTIN: [Category; 8] = [
        Category::Structure,
        Category::Tables,
        Category::Claims,
        Category::Content,
        Category::Review,
        Category::Input,
        Category::Readability,
        Category::Medication,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Tables => "tables",
            Category::Claims => "claims",
            Category::Content => "content",
            Category::Review => "review",
            Category::Input => "input",
            Category::Readability => "readability",
            Category::Medication => "medication",
            Category::Other(name) => name,
        }
    }

    /// A built-in category by name.
    pub fn builtin(name: &str) -> Option<Category> {
        Category::BUILTIN.into_iter().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location that explains the primary one ("stated here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
}

/// One finding: a rule, a byte span in the source, a message and optional
/// labels and help. Renderers turn spans into lines and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: Range<usize>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// Adds a secondary location.
    pub fn label(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Says what to do about it.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}

/// Collects one rule's diagnostics, stamping each with the rule's name,
/// category and the severity it runs at.
pub struct Emitter {
    rule: &'static str,
    category: Category,
    severity: Severity,
    diagnostics: Vec<Diagnostic>,
}

impl Emitter {
    pub fn new(rule: &'static str, category: Category, severity: Severity) -> Self {
        Emitter {
            rule,
            category,
            severity,
            diagnostics: Vec::new(),
        }
    }

    /// Reports a finding at `span` and returns it for labels and help.
    pub fn emit(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            rule: self.rule,
            category: self.category,
            severity: self.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// The severity this rule runs at.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// "1 year", "17 years": a count and its noun.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Article text for a message, in quotes, cut to a readable length.
pub fn quoted(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let text = text.trim();
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("\"{}…\"", text[..cut].trim_end()),
        None => format!("\"{text}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quoted_text_is_cut_at_sixty_characters() {
        assert_eq!(quoted("Key Takeaways"), "\"Key Takeaways\"");
        let long = "é".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "é".repeat(60)));
        // Sixty characters fit; the sixty-first is cut, with the spaces before it.
        let sixty = "a".repeat(60);
        assert_eq!(quoted(&sixty), format!("\"{sixty}\""));
        assert_eq!(
            quoted(&format!("{} b", "a".repeat(59))),
            format!("\"{}…\"", "a".repeat(59))
        );
        assert_eq!(quoted("  padded  "), "\"padded\"");
    }
}
