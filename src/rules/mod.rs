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
            pack: None,
        };
    };
}

pub mod changed_after_review;
pub mod empty_link;
pub mod empty_section;
pub mod empty_table;
pub mod empty_table_cell;
pub mod faq_format;
pub mod future_date;
pub mod inconsistent_number;
pub mod invalid_date;
pub mod invalid_front_matter;
pub mod invalid_range;
pub mod long_sentence;
pub mod missing_references;
pub mod missing_review_date;
pub mod missing_reviewer;
pub mod missing_section;
pub mod reading_level;
pub mod review_due_soon;
pub mod review_mismatch;
pub mod reviewer_credentials;
pub mod section_order;
pub mod self_review;
pub mod stale_review;
pub mod takeaways_format;
pub mod uncited_statistic;
pub mod unused_suppression;

/// A rule: built in (declared with `declare_rule!`) or from a pack.
pub struct Rule {
    pub name: &'static str,
    pub category: &'static str,
    pub default_severity: Severity,
    pub(crate) raw_docs: &'static str,
    pub check: fn(&Article, &Config, &mut Emitter),
    /// For rules from a pack: the pattern rule the generic check runs.
    pub pack: Option<&'static crate::packs::PackRule>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("name", &self.name).finish_non_exhaustive()
    }
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

    /// The first sentence of the docs, without its trailing period.
    pub fn summary(&self) -> String {
        let docs = self.docs();
        let paragraph = docs
            .lines()
            .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let first = crate::article::prose::sentences(&paragraph).into_iter().next();
        let sentence = first.map_or(paragraph.as_str(), |range| &paragraph[range]);
        sentence.trim_end_matches('.').to_string()
    }
}

/// Every built-in rule, in the order `medlint rules` lists them. Pack
/// rules follow them in `Config::rules`.
pub static BUILTIN: &[&Rule] = &[
    &missing_section::MISSING_SECTION,
    &empty_section::EMPTY_SECTION,
    &section_order::SECTION_ORDER,
    &faq_format::FAQ_FORMAT,
    &takeaways_format::TAKEAWAYS_FORMAT,
    &empty_table::EMPTY_TABLE,
    &empty_table_cell::EMPTY_TABLE_CELL,
    &inconsistent_number::INCONSISTENT_NUMBER,
    &invalid_range::INVALID_RANGE,
    &uncited_statistic::UNCITED_STATISTIC,
    &missing_references::MISSING_REFERENCES,
    &empty_link::EMPTY_LINK,
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
    &reading_level::READING_LEVEL,
    &long_sentence::LONG_SENTENCE,
];

/// A rule by name among `rules`.
pub fn find(rules: &[&'static Rule], name: &str) -> Option<&'static Rule> {
    rules.iter().copied().find(|rule| rule.name == name)
}

/// The categories of `rules`, sorted.
pub fn categories(rules: &[&'static Rule]) -> Vec<&'static str> {
    let mut categories: Vec<_> = rules.iter().map(|r| r.category).collect();
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

    /// The severity this rule runs at.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The rule being run.
    pub fn rule(&self) -> &'static Rule {
        self.rule
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
    // Built by hand, not with `format!`: every message quotes its text.
    let mut out = String::with_capacity(text.len().min(4 * MAX_CHARS) + 6);
    out.push('"');
    // Only text of more than MAX_CHARS bytes can have more characters.
    let cut = if text.len() > MAX_CHARS {
        text.char_indices().nth(MAX_CHARS)
    } else {
        None
    };
    match cut {
        Some((cut, _)) => {
            out.push_str(text[..cut].trim_end());
            out.push('…');
        }
        None => out.push_str(text),
    }
    out.push('"');
    out
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

/// Headings that may follow the bottom line and do not count as body.
const TRAILING_SECTIONS: &[&str] = &[
    "references",
    "sources",
    "citations",
    "bibliography",
    "works cited",
    "related articles",
    "related",
    "further reading",
    "resources",
    "disclaimer",
    "about the author",
    "about the authors",
    "editorial policy",
];

/// What part a top-level section plays in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionRole {
    Takeaways,
    Faq,
    BottomLine,
    /// References, related articles, disclaimers.
    Trailing,
    Body,
}

/// The configured section for `key`, or the built-in one.
pub(crate) fn required_section<'c>(config: &'c Config, key: &str) -> &'c crate::config::RequiredSection {
    static DEFAULTS: std::sync::LazyLock<Vec<crate::config::RequiredSection>> =
        std::sync::LazyLock::new(crate::config::default_sections);
    config
        .required_sections
        .iter()
        .chain(DEFAULTS.iter())
        .find(|r| r.key == key)
        .expect("built-in section keys exist")
}

/// Indexes of the article's top-level sections (children of the H1, or
/// the highest-level sections when there is no H1) with their roles. A
/// section plays a role only when its heading is one of the aliases, not
/// merely contains one ("Summary of Benefits and Coverage" is body text).
pub(crate) fn top_sections(article: &Article, config: &Config) -> Vec<(usize, SectionRole)> {
    use crate::article::sections::heading_matches;
    let takeaways = required_section(config, "takeaways");
    let faq = required_section(config, "faq");
    let bottom = required_section(config, "bottom-line");
    let title = article.sections.iter().position(|s| s.level == 1 && s.parent.is_none());
    let top: Vec<usize> = match title {
        Some(title) => article.sections[title].children.clone(),
        None => {
            let min = article.sections.iter().map(|s| s.level).min().unwrap_or(2);
            (0..article.sections.len())
                .filter(|&i| article.sections[i].level == min && article.sections[i].parent.is_none())
                .collect()
        }
    };
    top.into_iter()
        .map(|index| {
            let heading = article.normalized_heading(article.sections[index].heading);
            let is = |section: &crate::config::RequiredSection| section.normalized.iter().any(|n| n == heading);
            let role = if is(takeaways) {
                SectionRole::Takeaways
            } else if is(faq) {
                SectionRole::Faq
            } else if is(bottom) {
                SectionRole::BottomLine
            } else if TRAILING_SECTIONS.iter().any(|t| heading_matches(heading, t)) {
                SectionRole::Trailing
            } else {
                SectionRole::Body
            };
            (index, role)
        })
        .collect()
}

/// The first section (at any depth) whose heading counts as `key`.
pub(crate) fn find_section(article: &Article, config: &Config, key: &str) -> Option<usize> {
    let wanted = required_section(config, key);
    (0..article.sections.len()).find(|&i| wanted.matches(article.normalized_heading(article.sections[i].heading)))
}
