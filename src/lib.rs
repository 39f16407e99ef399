//! medlint: a linter for consumer health articles.
//!
//! The library's entry point, [`lint`], does no I/O: it turns one
//! article's text into diagnostics, given the [`Options`] rules read and the
//! [`RuleSet`] that says which rules run. The command line, and anything
//! else that lints (a language server, a report), calls it the same way;
//! linting a document again after an edit is one more call, with nothing
//! compiled again. `cli` and `discover` are the binary's edge (walking
//! paths, reading files, printing).

#[macro_use]
pub mod rules;
pub mod article;
pub mod articles;
pub mod baseline;
pub mod changed;
pub mod claims;
pub mod cli;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod discover;
pub mod escape;
pub mod fix;
pub mod line_index;
pub mod medication;
pub mod options;
pub mod packs;
pub mod pattern;
pub mod references;
pub mod render;
pub mod report;
pub mod reviews;
pub mod server;
pub mod suggest;
pub mod suppress;
pub mod toml_file;

use article::Article;
use context::Context;
use diagnostic::{Diagnostic, Emitter};
pub use options::Options;
use rules::Check;
pub use rules::RuleSet;

/// Lints one article. `path` picks the reader by its extension (unless
/// `options.input_format` names one) and the path-specific settings; the
/// function does no I/O. Diagnostics come back sorted by position, then rule.
/// A rule that panics is skipped; use [`lint_checked`] to learn about it.
pub fn lint(source: &str, path: &str, options: &Options, rules: &RuleSet) -> Vec<Diagnostic> {
    lint_checked(source, path, options, rules).diagnostics
}

/// What linting one article produced.
#[derive(Debug, Default)]
pub struct LintOutcome {
    pub diagnostics: Vec<Diagnostic>,
    /// Internal errors: a rule (or the parser) panicked on this article. The
    /// other rules' findings are still in `diagnostics`.
    pub internal_errors: Vec<InternalError>,
    /// Whether the page counts as an article (the config's `[articles]`):
    /// rules about structure and review ran only if it does.
    pub is_article: bool,
    /// The article's title and review metadata as the rules read them, for
    /// what reports on articles rather than findings (`medlint reviews`,
    /// `medlint report`). Suppressions do not touch them.
    pub title: Option<String>,
    pub review: article::ReviewMeta,
}

/// A panic inside medlint, contained to one file and one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalError {
    /// The rule that panicked, or `None` for the parser.
    pub rule: Option<&'static str>,
    pub message: String,
}

impl std::fmt::Display for InternalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.rule {
            Some(rule) => write!(f, "internal error in rule {rule}: {}", self.message)?,
            None => write!(f, "internal error while parsing: {}", self.message)?,
        }
        f.write_str(" (this is a bug in medlint; the other rules still ran)")
    }
}

/// Lints with every rule `rules` runs on `path`, containing any panic to
/// the rule that raised it, so that one bad rule on one file cannot stop a
/// run.
pub fn lint_checked(source: &str, path: &str, options: &Options, rules: &RuleSet) -> LintOutcome {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let mut outcome = LintOutcome::default();
    // CR-only line breaks are read as LF (same length: spans stay valid).
    let source = line_index::with_line_feeds(source);
    let source: &str = &source;
    let format = options.input_format_for(path);
    let article = match catch_unwind(|| Article::read(source, format, &options.reading)) {
        Ok(article) => article,
        Err(payload) => {
            outcome.internal_errors.push(InternalError {
                rule: None,
                message: panic_message(payload.as_ref()),
            });
            return outcome;
        }
    };
    let search = rules.shared_search();
    let is_article = options.articles.is_article(path, &article);
    outcome.is_article = is_article;
    let mut cx = Context::new(article, search.map(packs::SharedSearch::set));
    for (rule, severity) in rules.enabled_for(path) {
        if !is_article && rule.runs_on_articles_only() {
            continue;
        }
        let mut emitter = Emitter::new(rule.name, rule.category, severity);
        let run = || match rule.check {
            Check::Builtin(check) => check(&cx, options, &mut emitter),
            Check::Pack(pack) => packs::check(pack, &cx, search.and_then(|s| s.slot(pack)), &mut emitter),
        };
        match catch_unwind(AssertUnwindSafe(run)) {
            Ok(()) => outcome.diagnostics.extend(emitter.into_diagnostics()),
            Err(payload) => outcome.internal_errors.push(InternalError {
                rule: Some(rule.name),
                message: panic_message(payload.as_ref()),
            }),
        }
    }
    let diagnostics = &mut outcome.diagnostics;
    if catch_unwind(AssertUnwindSafe(|| {
        suppress::apply(&cx.article, rules, path, is_article, diagnostics)
    }))
    .is_err()
    {
        outcome.internal_errors.push(InternalError {
            rule: Some(rules::unused_suppression::UNUSED_SUPPRESSION.name),
            message: "the suppression pass failed".to_string(),
        });
    }
    outcome.title = cx.article.title.as_ref().map(|title| title.text.clone());
    outcome.review = std::mem::take(&mut cx.article.review);
    outcome
        .diagnostics
        .sort_by(|a, b| (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end)));
    outcome
}

/// The findings of one rule on `source`, linted with the default settings
/// on the date the tests take as today.
#[cfg(test)]
pub(crate) fn findings_of(rule: &str, source: &str) -> Vec<Diagnostic> {
    let options = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    lint(source, "a.md", &options, &RuleSet::new())
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn panicking_check(cx: &Context, _options: &Options, _out: &mut Emitter) {
        if cx.article.source.contains("trigger") {
            panic!("boom on purpose");
        }
    }

    declare_rule! {
        /// ## What it does
        /// Panics, to test isolation.
        pub static PANICS = {
            name: "panics",
            category: Structure,
            severity: Error,
            check: panicking_check,
        };
    }

    #[test]
    fn a_panicking_rule_is_reported_and_the_others_still_run() {
        let options = Options::new(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let rules = RuleSet::of(vec![&PANICS, &rules::empty_section::EMPTY_SECTION]);
        let outcome = lint_checked("# T\n\ntrigger\n\n## Empty\n", "a.md", &options, &rules);
        assert_eq!(
            outcome.internal_errors,
            [InternalError {
                rule: Some("panics"),
                message: "boom on purpose".to_string()
            }]
        );
        assert_eq!(outcome.diagnostics.len(), 1);
        assert_eq!(outcome.diagnostics[0].rule, "empty-section");
        assert!(
            outcome.internal_errors[0]
                .to_string()
                .starts_with("internal error in rule panics: boom on purpose")
        );
        // The same rule on another file is fine.
        let calm = lint_checked("# T\n\ntext\n", "b.md", &options, &rules);
        assert!(calm.internal_errors.is_empty());
    }
}
