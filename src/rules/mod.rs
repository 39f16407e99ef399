//! The registry of built-in rules and the small framework they share.
//!
//! Each rule lives in its own file and is declared with `declare_rule!`,
//! whose doc comment is the rule's documentation: `medlint explain`,
//! `medlint rules --format json` and SARIF all print that one text. A rule
//! reads the per-file [`Context`] and the [`Options`]; which rules run, at
//! which severity, is the [`RuleSet`]'s business.

use crate::context::Context;
use crate::diagnostic::{Category, Emitter, Severity};
use crate::options::Options;
use crate::packs::PackRule;

mod set;

pub use set::{Override, RuleSet};

/// Declares a rule: its doc comment becomes `Rule::docs`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $ident:ident = {
            name: $name:literal,
            category: $category:ident,
            severity: $severity:ident,
            check: $check:path $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            category: $crate::diagnostic::Category::$category,
            default_severity: $crate::diagnostic::Severity::$severity,
            raw_docs: concat!($($doc, "\n"),*),
            check: $crate::rules::Check::Builtin($check),
        };
    };
}

pub mod changed_after_review;
pub mod dose_exceeds_limit;
pub mod dose_notation;
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
pub mod invalid_reference;
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
pub mod stale_reference;
pub mod stale_review;
pub mod takeaways_format;
pub mod uncited_statistic;
pub mod unsafe_abbreviation;
pub mod unused_suppression;

/// A rule: built in (declared with `declare_rule!`) or from a pack.
pub struct Rule {
    pub name: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    pub(crate) raw_docs: &'static str,
    pub check: Check,
}

/// What a rule runs.
#[derive(Clone, Copy)]
pub enum Check {
    /// A built-in rule's function.
    Builtin(fn(&Context, &Options, &mut Emitter)),
    /// A pack rule, run by the generic pack check.
    Pack(&'static PackRule),
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

    /// A pack's rule, named and documented by the pack.
    pub fn from_pack(pack: &'static PackRule) -> Rule {
        Rule {
            name: pack.name,
            category: pack.category,
            default_severity: pack.severity,
            raw_docs: pack.docs,
            check: Check::Pack(pack),
        }
    }

    /// Whether the rule is about an article's structure or its medical
    /// review, and so runs only on the pages the config's `[articles]`
    /// table counts as articles. Date checks, input, links, tables, claims
    /// and packs run on every page.
    pub fn runs_on_articles_only(&self) -> bool {
        match self.category {
            Category::Structure => true,
            Category::Review => !matches!(self.name, "invalid-date" | "future-date"),
            _ => matches!(self.name, "missing-references" | "reading-level"),
        }
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
/// rules follow them in a [`RuleSet`].
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
    &dose_notation::DOSE_NOTATION,
    &unsafe_abbreviation::UNSAFE_ABBREVIATION,
    &dose_exceeds_limit::DOSE_EXCEEDS_LIMIT,
    &stale_reference::STALE_REFERENCE,
    &invalid_reference::INVALID_REFERENCE,
];

/// A rule by name among `rules`.
pub fn find(rules: &[&'static Rule], name: &str) -> Option<&'static Rule> {
    rules.iter().copied().find(|rule| rule.name == name)
}

/// The categories of `rules`, sorted by name.
pub fn categories(rules: &[&'static Rule]) -> Vec<Category> {
    let mut categories: Vec<Category> = rules.iter().map(|r| r.category).collect();
    categories.sort_unstable_by_key(|c| c.as_str());
    categories.dedup();
    categories
}

/// The text a message uses to name a table: the heading it sits under.
pub(crate) fn table_name(article: &crate::article::Article, table_start: usize) -> String {
    article
        .section_at(table_start)
        .map(|s| &article.headings[article.sections[s].heading].text)
        .filter(|text| !text.is_empty())
        .map_or_else(
            || "table".to_string(),
            |text| format!("table {}", crate::diagnostic::quoted(text)),
        )
}
