//! medlint: a linter for consumer health articles written in Markdown.
//!
//! The library's entry point, [`lint_source`], does no I/O: it turns one
//! article's text into diagnostics. `cli` and `discover` are the binary's
//! edge (walking paths, reading files, printing).

pub mod article;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod line_index;
pub mod render;
pub mod rules;
pub mod suggest;
pub mod suppress;

use article::Article;
use config::Config;
use diagnostic::Diagnostic;

/// Lints one article. `path` is used only for path-specific settings; the
/// function does no I/O. Diagnostics come back sorted by position, then rule.
pub fn lint_source(path: &str, source: &str, config: &Config) -> Vec<Diagnostic> {
    let article = Article::parse_with(source, &config.review_options);
    let mut diagnostics = Vec::new();
    for &rule in rules::REGISTRY {
        let Some(severity) = config.severity_for(rule, path) else {
            continue;
        };
        let mut emitter = rules::Emitter::new(rule, severity);
        (rule.check)(&article, config, &mut emitter);
        diagnostics.extend(emitter.into_diagnostics());
    }
    suppress::apply(&article, config, path, &mut diagnostics);
    diagnostics.sort_by(|a, b| (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end)));
    diagnostics
}
