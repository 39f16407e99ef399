//! Inline suppressions: `<!-- medlint-disable RULE[, RULE] -->` …
//! `<!-- medlint-enable -->`, `<!-- medlint-disable-next-line RULE -->`,
//! `<!-- medlint-disable-line RULE -->` (on the line it shares) and front
//! matter `medlint: { disable: [RULE] }`. A suppression that hides nothing,
//! and a `medlint-…` comment that is no directive, are reported as
//! `unused-suppression`, as Ruff does for `noqa`.
//!
//! Matching is near-linear in the number of suppressions and findings
//! together: line suppressions are looked up by line, regions through
//! sorted, merged intervals per rule, so that an article with tens of
//! thousands of comments takes no longer than reading them.

use std::collections::{HashMap, HashSet};
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
    /// Where the suppression is written: the rule's name where it has one.
    span: Range<usize>,
    /// How it is written, for messages.
    directive: &'static str,
    used: bool,
}

/// The directives a `medlint-` comment can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    Disable,
    DisableNextLine,
    DisableLine,
    Enable,
}

const DIRECTIVES: [(&str, Directive); 4] = [
    ("medlint-disable", Directive::Disable),
    ("medlint-disable-next-line", Directive::DisableNextLine),
    ("medlint-disable-line", Directive::DisableLine),
    ("medlint-enable", Directive::Enable),
];

/// The directive a comment starts with and the rest of its text; `Err`
/// with the word when it starts with `medlint-` and is no directive.
fn directive(text: &str) -> Option<Result<(Directive, &str), &str>> {
    if !text.starts_with("medlint-") {
        return None;
    }
    let end = text.find(|c: char| c.is_whitespace()).unwrap_or(text.len());
    let word = &text[..end];
    Some(
        DIRECTIVES
            .iter()
            .find(|(name, _)| *name == word)
            .map(|&(_, directive)| (directive, &text[end..]))
            .ok_or(word),
    )
}

fn rule_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\t', '\n', '\r'])
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

/// A `medlint-…` comment that is no directive: it suppresses nothing.
struct UnknownDirective {
    word: String,
    span: Range<usize>,
}

/// What the article's suppressions are.
struct Found {
    suppressions: Vec<Suppression>,
    unknown: Vec<UnknownDirective>,
}

/// Front matter `medlint: { disable: [RULE] }`: each name pointed at where
/// it is written in the value (searched in order, from after the last one).
fn front_matter_suppressions(article: &Article, found: &mut Vec<Suppression>) {
    let Some(front_matter) = &article.front_matter else {
        return;
    };
    let Some(entry) = front_matter.get("medlint") else {
        return;
    };
    let FmValue::Map(fields) = &entry.value else {
        return;
    };
    // A parser may give a flow mapping's span as its first character:
    // names are searched for up to the end of the front matter.
    let value_text = article
        .source
        .get(entry.value_span.start..front_matter.span.end)
        .unwrap_or("");
    let mut from = 0;
    for (key, value) in fields {
        if key != "disable" {
            continue;
        }
        let names: Vec<String> = match value {
            FmValue::List(items) => items.iter().filter_map(FmValue::as_text).collect(),
            other => other.as_text().map(|t| rule_list(&t)).unwrap_or_default(),
        };
        for name in names {
            let span = match value_text.get(from..).and_then(|rest| rest.find(name.as_str())) {
                Some(at) if !name.is_empty() => {
                    let start = entry.value_span.start + from + at;
                    from += at + name.len();
                    start..start + name.len()
                }
                _ => entry.value_span.clone(),
            };
            found.push(Suppression {
                rule: Some(name),
                scope: Scope::Region(0..article.source.len()),
                span,
                directive: "front matter `medlint.disable`",
                used: false,
            });
        }
    }
}

fn collect(article: &Article, index: &LineIndex<'_>) -> Found {
    let end = article.source.len();
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    front_matter_suppressions(article, &mut found);
    // Open `medlint-disable` regions by rule (`None`: every rule), as
    // indexes into `found`.
    let mut open: HashMap<Option<String>, Vec<usize>> = HashMap::new();
    for comment in &article.comments {
        let (directive, rest) = match directive(&comment.text) {
            None => continue,
            Some(Err(word)) => {
                unknown.push(UnknownDirective {
                    word: word.to_string(),
                    span: comment.span.clone(),
                });
                continue;
            }
            Some(Ok(found)) => found,
        };
        let comment_line = index.line_of(comment.span.start);
        let (scope, name) = match directive {
            Directive::Enable => {
                let close = |found: &mut Vec<Suppression>, indexes: Vec<usize>| {
                    for i in indexes {
                        if let Scope::Region(region) = &mut found[i].scope {
                            region.end = comment.span.start;
                        }
                    }
                };
                let rules = rule_list(rest);
                if rules.is_empty() {
                    for (_, indexes) in open.drain() {
                        close(&mut found, indexes);
                    }
                } else {
                    for rule in rules {
                        if let Some(indexes) = open.remove(&Some(rule)) {
                            close(&mut found, indexes);
                        }
                    }
                }
                continue;
            }
            Directive::Disable => (Scope::Region(comment.span.end..end), "`medlint-disable`"),
            Directive::DisableNextLine => (
                Scope::Line(index.line_of(comment.span.end) + 1),
                "`medlint-disable-next-line`",
            ),
            Directive::DisableLine => (Scope::Line(comment_line), "`medlint-disable-line`"),
        };
        for rule in targets(rest) {
            if directive == Directive::Disable {
                open.entry(rule.clone()).or_default().push(found.len());
            }
            found.push(Suppression {
                rule,
                scope: scope.clone(),
                span: comment.span.clone(),
                directive: name,
                used: false,
            });
        }
    }
    Found {
        suppressions: found,
        unknown,
    }
}

/// Suppressions arranged for lookups: by line, and as merged intervals per
/// rule.
struct Matcher {
    /// (line, rule) to the suppressions written for it.
    lines: HashMap<(usize, Option<String>), Vec<usize>>,
    /// Per rule (`None`: every rule), the union of its regions, sorted.
    regions: HashMap<Option<String>, Vec<Range<usize>>>,
}

impl Matcher {
    fn new(suppressions: &[Suppression]) -> Matcher {
        let mut lines: HashMap<(usize, Option<String>), Vec<usize>> = HashMap::new();
        let mut regions: HashMap<Option<String>, Vec<Range<usize>>> = HashMap::new();
        for (i, s) in suppressions.iter().enumerate() {
            match &s.scope {
                Scope::Line(line) => lines.entry((*line, s.rule.clone())).or_default().push(i),
                Scope::Region(region) => regions.entry(s.rule.clone()).or_default().push(region.clone()),
            }
        }
        for list in regions.values_mut() {
            *list = merged(std::mem::take(list));
        }
        Matcher { lines, regions }
    }

    /// Whether a suppression covers a finding of `rule` at `offset` on
    /// `line`.
    fn covers(&self, rule: &str, offset: usize, line: usize) -> bool {
        [Some(rule.to_string()), None].into_iter().any(|key| {
            self.regions.get(&key).is_some_and(|list| contains(list, offset)) || self.lines.contains_key(&(line, key))
        })
    }
}

/// Sorted ranges with overlapping and touching ones joined.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges.into_iter().filter(|r| !r.is_empty()) {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// Whether one of the sorted, disjoint `ranges` holds `offset`.
fn contains(ranges: &[Range<usize>], offset: usize) -> bool {
    let after = ranges.partition_point(|r| r.start <= offset);
    after > 0 && ranges[after - 1].contains(&offset)
}

/// Finding offsets, sorted, per rule and for all rules.
struct Offsets<'a> {
    by_rule: HashMap<&'a str, Vec<usize>>,
    all: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(diagnostics: &'a [Diagnostic]) -> Offsets<'a> {
        let mut by_rule: HashMap<&str, Vec<usize>> = HashMap::new();
        for d in diagnostics {
            by_rule.entry(d.rule).or_default().push(d.span.start);
        }
        for list in by_rule.values_mut() {
            list.sort_unstable();
        }
        let mut all: Vec<usize> = diagnostics.iter().map(|d| d.span.start).collect();
        all.sort_unstable();
        Offsets { by_rule, all }
    }

    /// Whether a finding of `rule` (any rule for `None`) starts in `region`.
    fn any_in(&self, rule: Option<&str>, region: &Range<usize>) -> bool {
        let list = match rule {
            Some(rule) => self.by_rule.get(rule).map_or(&[][..], Vec::as_slice),
            None => &self.all,
        };
        let first = list.partition_point(|&offset| offset < region.start);
        list.get(first).is_some_and(|&offset| offset < region.end)
    }
}

/// Drops the findings `suppressions` cover and marks the suppressions that
/// cover one as used.
fn suppress(suppressions: &mut [Suppression], index: &LineIndex<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let matcher = Matcher::new(suppressions);
    let offsets = Offsets::new(diagnostics);
    let mut lines_hit: HashSet<(usize, Option<&str>)> = HashSet::new();
    for d in diagnostics.iter() {
        let line = index.line_of(d.span.start);
        lines_hit.insert((line, Some(d.rule)));
        lines_hit.insert((line, None));
    }
    for s in suppressions.iter_mut() {
        s.used = match &s.scope {
            Scope::Region(region) => offsets.any_in(s.rule.as_deref(), region),
            Scope::Line(line) => lines_hit.contains(&(*line, s.rule.as_deref())),
        };
    }
    diagnostics.retain(|d| !matcher.covers(d.rule, d.span.start, index.line_of(d.span.start)));
}

/// Drops suppressed diagnostics and adds `unused-suppression` findings.
/// On a page that is not an article, suppressions of the rules that run on
/// articles only are not reported either.
pub fn apply(article: &Article, rules: &RuleSet, path: &str, is_article: bool, diagnostics: &mut Vec<Diagnostic>) {
    if article.comments.is_empty() && article.front_matter.as_ref().and_then(|fm| fm.get("medlint")).is_none() {
        return;
    }
    let index = LineIndex::new(article.source);
    let Found {
        mut suppressions,
        unknown,
    } = collect(article, &index);
    if suppressions.is_empty() && unknown.is_empty() {
        return;
    }
    suppress(&mut suppressions, &index, diagnostics);
    let Some(severity) = rules.severity_for(&UNUSED_SUPPRESSION, path) else {
        return;
    };
    let finding = |span: Range<usize>, message: String, help: String| Diagnostic {
        rule: UNUSED_SUPPRESSION.name,
        category: UNUSED_SUPPRESSION.category,
        severity,
        message,
        span,
        labels: Vec::new(),
        help: Some(help),
    };
    let mut unused: Vec<Diagnostic> = unknown
        .into_iter()
        .map(|u| {
            let known = DIRECTIVES.iter().map(|(name, _)| *name);
            finding(
                u.span,
                format!("`{}` is not a medlint directive{}", u.word, hint(&u.word, known)),
                "use medlint-disable, medlint-disable-line, medlint-disable-next-line or medlint-enable".to_string(),
            )
        })
        .collect();
    // A suppression of `unused-suppression` itself is judged by the findings
    // below, not reported.
    let is_meta = |s: &Suppression| s.rule.as_deref() == Some(UNUSED_SUPPRESSION.name);
    let names: Vec<&str> = rules.rules().iter().map(|r| r.name).collect();
    for s in suppressions.iter().filter(|s| !s.used && !is_meta(s)) {
        let (message, help) = match &s.rule {
            None => (
                format!("{} suppresses nothing", s.directive),
                "remove the comment".to_string(),
            ),
            Some(name) => match rules.find(name) {
                None => (
                    format!(
                        "{} names unknown rule \"{name}\"{}",
                        s.directive,
                        hint(name, names.iter().copied())
                    ),
                    "use a rule name from `medlint rules`".to_string(),
                ),
                // A suppression of a rule that is off is not reported: the
                // comment may be meant for another configuration.
                Some(rule) if rules.severity_for(rule, path).is_none() => continue,
                Some(rule) if !is_article && rule.runs_on_articles_only() => continue,
                Some(_) => (
                    format!("{} for \"{name}\" suppresses nothing", s.directive),
                    format!("remove \"{name}\" from the suppression"),
                ),
            },
        };
        unused.push(finding(s.span.clone(), message, help));
    }
    let mut meta: Vec<Suppression> = suppressions.into_iter().filter(is_meta).collect();
    suppress(&mut meta, &index, &mut unused);
    diagnostics.extend(unused);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_are_whole_words() {
        assert_eq!(
            directive("medlint-disable-line empty-section"),
            Some(Ok((Directive::DisableLine, " empty-section")))
        );
        assert_eq!(directive("medlint-disable"), Some(Ok((Directive::Disable, ""))));
        assert_eq!(directive("medlint-disable-lines x"), Some(Err("medlint-disable-lines")));
        assert_eq!(directive("medlint is great"), None);
    }

    #[test]
    fn merged_intervals_answer_containment() {
        let list = merged(vec![5..9, 0..2, 8..12, 12..13, 20..20]);
        assert_eq!(list, [0..2, 5..13]);
        assert!(contains(&list, 0) && contains(&list, 12) && !contains(&list, 2) && !contains(&list, 13));
    }
}
