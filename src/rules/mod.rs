//! The registry of built-in rules and the small framework they share.
//!
//! Each rule lives in its own file and is declared with `declare_rule!`,
//! whose doc comment is the rule's documentation: `medlint explain`,
//! `medlint rules --format json` and SARIF all print that one text.

use std::ops::Range;

use crate::article::Article;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};

/// Declares a rule: its doc comment becomes `Rule::docs`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $ident:ident = {
            name: $name:literal,
            category: $category:literal,
            severity: $severity:ident,
            check: $check:path $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            category: $category,
            default_severity: $crate::diagnostic::Severity::$severity,
            raw_docs: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

pub mod changed_after_review;
pub mod empty_section;
pub mod empty_table;
pub mod empty_table_cell;
pub mod future_date;
pub mod invalid_date;
pub mod invalid_front_matter;
pub mod missing_review_date;
pub mod missing_reviewer;
pub mod missing_section;
pub mod review_due_soon;
pub mod review_mismatch;
pub mod reviewer_credentials;
pub mod self_review;
pub mod stale_review;
pub mod unused_suppression;

/// A built-in rule.
pub struct Rule {
    pub name: &'static str,
    pub category: &'static str,
    pub default_severity: Severity,
    pub(crate) raw_docs: &'static str,
    pub check: fn(&Article, &Config, &mut Emitter),
}

impl Rule {
    /// The rule's documentation (its doc comment), as Markdown.
    pub fn docs(&self) -> String {
        self.raw_docs
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// The first line of the docs, without its trailing period.
    pub fn summary(&self) -> String {
        let docs = self.docs();
        let paragraph = docs
            .lines()
            .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        paragraph.trim_end_matches('.').to_string()
    }
}

/// Every built-in rule, in the order `medlint rules` lists them.
pub static REGISTRY: &[&Rule] = &[
    &missing_section::MISSING_SECTION,
    &empty_section::EMPTY_SECTION,
    &empty_table::EMPTY_TABLE,
    &empty_table_cell::EMPTY_TABLE_CELL,
    &missing_reviewer::MISSING_REVIEWER,
    &missing_review_date::MISSING_REVIEW_DATE,
    &invalid_date::INVALID_DATE,
    &future_date::FUTURE_DATE,
    &stale_review::STALE_REVIEW,
    &review_due_soon::REVIEW_DUE_SOON,
    &reviewer_credentials::REVIEWER_CREDENTIALS,
    &self_review::SELF_REVIEW,
    &review_mismatch::REVIEW_MISMATCH,
    &changed_after_review::CHANGED_AFTER_REVIEW,
    &invalid_front_matter::INVALID_FRONT_MATTER,
    &unused_suppression::UNUSED_SUPPRESSION,
];

pub fn find(name: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|rule| rule.name == name)
}

pub fn categories() -> Vec<&'static str> {
    let mut categories: Vec<_> = REGISTRY.iter().map(|r| r.category).collect();
    categories.sort_unstable();
    categories.dedup();
    categories
}

/// Collects one rule's diagnostics, stamping each with the rule's name,
/// category and configured severity.
pub struct Emitter {
    rule: &'static Rule,
    severity: Severity,
    diagnostics: Vec<Diagnostic>,
}

impl Emitter {
    pub fn new(rule: &'static Rule, severity: Severity) -> Self {
        Emitter {
            rule,
            severity,
            diagnostics: Vec::new(),
        }
    }

    /// Reports a finding at `span` and returns it for labels and help.
    pub fn emit(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            rule: self.rule.name,
            category: self.rule.category,
            severity: self.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// The text a message uses to name a table: the heading it sits under.
pub(crate) fn table_name(article: &Article, table_start: usize) -> String {
    article
        .section_at(table_start)
        .map(|s| &article.headings[article.sections[s].heading].text)
        .filter(|text| !text.is_empty())
        .map_or_else(|| "table".to_string(), |text| format!("table {}", quoted(text)))
}

/// Article text for a message, in quotes, cut to a readable length.
pub(crate) fn quoted(text: &str) -> String {
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
    }
}
