//! Inline suppressions: `<!-- medlint-disable RULE[, RULE] -->` …
//! `<!-- medlint-enable -->`, `<!-- medlint-disable-next-line RULE -->` and
//! front matter `medlint: { disable: [RULE] }`. A suppression that hides
//! nothing is reported as `unused-suppression`, as Ruff does for `noqa`.

use std::ops::Range;

use crate::article::{Article, FmValue};
use crate::diagnostic::Diagnostic;
use crate::line_index::LineIndex;
use crate::rules::RuleSet;
use crate::rules::unused_suppression::UNUSED_SUPPRESSION;
use crate::suggest::hint;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// Byte range of the article.
    Region(Range<usize>),
    /// A 0-based line.
    Line(usize),
}

#[derive(Debug, Clone)]
struct Suppression {
    /// The rule, or `None` for every rule.
    rule: Option<String>,
    scope: Scope,
    /// Where the suppression is written.
    span: Range<usize>,
    /// How it is written, for messages.
    directive: &'static str,
    used: bool,
}

fn rule_list(text: &str) -> Vec<String> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The rules a disable comment names; `None` alone means every rule.
fn targets(rest: &str) -> Vec<Option<String>> {
    let rules = rule_list(rest);
    if rules.is_empty() {
        vec![None]
    } else {
        rules.into_iter().map(Some).collect()
    }
}

fn collect(article: &Article, index: &LineIndex<'_>) -> Vec<Suppression> {
    let end = article.source.len();
    let mut found = Vec::new();
    if let Some(entry) = article.front_matter.as_ref().and_then(|fm| fm.get("medlint"))
        && let FmValue::Map(fields) = &entry.value
    {
        for (key, value) in fields {
            if key != "disable" {
                continue;
            }
            let names: Vec<String> = match value {
                FmValue::List(items) => items.iter().filter_map(FmValue::as_text).collect(),
                other => other.as_text().map(|t| rule_list(&t)).unwrap_or_default(),
            };
            for name in names {
                found.push(Suppression {
                    rule: Some(name),
                    scope: Scope::Region(0..end),
                    span: entry.value_span.clone(),
                    directive: "front matter `medlint.disable`",
                    used: false,
                });
            }
        }
    }
    // Open `medlint-disable` regions: index into `found`.
    let mut open: Vec<usize> = Vec::new();
    for comment in &article.comments {
        let text = comment.text.as_str();
        if let Some(rest) = text.strip_prefix("medlint-disable-next-line") {
            let line = index.line_of(comment.span.end) + 1;
            for rule in targets(rest) {
                found.push(Suppression {
                    rule,
                    scope: Scope::Line(line),
                    span: comment.span.clone(),
                    directive: "`medlint-disable-next-line`",
                    used: false,
                });
            }
        } else if let Some(rest) = text.strip_prefix("medlint-disable") {
            for rule in targets(rest) {
                open.push(found.len());
                found.push(Suppression {
                    rule,
                    scope: Scope::Region(comment.span.end..end),
                    span: comment.span.clone(),
                    directive: "`medlint-disable`",
                    used: false,
                });
            }
        } else if let Some(rest) = text.strip_prefix("medlint-enable") {
            let rules = rule_list(rest);
            open.retain(|&i| {
                let closes = rules.is_empty() || found[i].rule.as_ref().is_some_and(|r| rules.contains(r));
                if closes && let Scope::Region(region) = &mut found[i].scope {
                    region.end = comment.span.start;
                }
                !closes
            });
        }
    }
    found
}

/// Drops suppressed diagnostics and adds `unused-suppression` findings.
pub fn apply(article: &Article, rules: &RuleSet, path: &str, diagnostics: &mut Vec<Diagnostic>) {
    if article.comments.is_empty() && article.front_matter.as_ref().and_then(|fm| fm.get("medlint")).is_none() {
        return;
    }
    let index = LineIndex::new(article.source);
    let mut suppressions = collect(article, &index);
    if suppressions.is_empty() {
        return;
    }
    diagnostics.retain(|d| !hide(&mut suppressions, &index, d));
    let Some(severity) = rules.severity_for(&UNUSED_SUPPRESSION, path) else {
        return;
    };
    let mut unused = Vec::new();
    // A suppression of `unused-suppression` itself is judged by the findings
    // below, not reported.
    let is_meta = |s: &Suppression| s.rule.as_deref() == Some(UNUSED_SUPPRESSION.name);
    for s in suppressions.iter().filter(|s| !s.used && !is_meta(s)) {
        let (message, help) = match &s.rule {
            None => (
                format!("{} suppresses nothing", s.directive),
                "remove the comment".to_string(),
            ),
            Some(name) => match rules.find(name) {
                None => {
                    let names = rules.rules().iter().map(|r| r.name);
                    (
                        format!("{} names unknown rule \"{name}\"{}", s.directive, hint(name, names)),
                        "use a rule name from `medlint rules`".to_string(),
                    )
                }
                // A suppression of a rule that is off is not reported: the
                // comment may be meant for another configuration.
                Some(rule) if rules.severity_for(rule, path).is_none() => continue,
                Some(_) => (
                    format!("{} for \"{name}\" suppresses nothing", s.directive),
                    format!("remove \"{name}\" from the suppression"),
                ),
            },
        };
        unused.push(Diagnostic {
            rule: UNUSED_SUPPRESSION.name,
            category: UNUSED_SUPPRESSION.category,
            severity,
            message,
            span: s.span.clone(),
            labels: Vec::new(),
            help: Some(help),
        });
    }
    let mut meta: Vec<Suppression> = suppressions.into_iter().filter(is_meta).collect();
    unused.retain(|d| !hide(&mut meta, &index, d));
    diagnostics.extend(unused);
}

/// True when a suppression covers `d`; marks the ones that do as used.
fn hide(suppressions: &mut [Suppression], index: &LineIndex<'_>, d: &Diagnostic) -> bool {
    let line = index.line_of(d.span.start);
    let mut hidden = false;
    for s in suppressions.iter_mut() {
        let rule_matches = s.rule.as_deref().is_none_or(|r| r == d.rule);
        let place_matches = match &s.scope {
            Scope::Region(region) => region.contains(&d.span.start),
            Scope::Line(target) => *target == line,
        };
        if rule_matches && place_matches {
            s.used = true;
            hidden = true;
        }
    }
    hidden
}
