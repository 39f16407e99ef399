//! `medlint report`: one self-contained HTML file for a managing editor.
//! Summary cards, findings by rule and by folder, the review timeline, a
//! sortable and filterable table of articles, each article's findings with
//! their source excerpts, and the docs of every rule that fired. No network
//! request: CSS, SVG charts and a little JavaScript are inline, and the
//! page reads as a plain document without the script.
//!
//! The model here is built file by file while each source is at hand
//! ([`ReportArticle::new`]); [`html::render`] writes the page from it.

mod charts;
mod docs;
pub mod html;

use crate::diagnostic::Severity;
use crate::line_index::LineIndex;
use crate::render::Located;
use crate::reviews::ReviewRow;

/// At most this many source lines shown for one finding.
const EXCERPT_LINES: usize = 4;
/// Source lines are cut at this many characters in an excerpt.
const EXCERPT_WIDTH: usize = 160;

/// One page: its review row and its findings.
#[derive(Debug, Clone)]
pub struct ReportArticle {
    pub row: ReviewRow,
    /// Whether the config's `[articles]` table counts the page as an
    /// article; a page that is not one has findings but no review cycle.
    pub is_article: bool,
    pub findings: Vec<ReportFinding>,
}

/// One finding, with the source lines it points at.
#[derive(Debug, Clone)]
pub struct ReportFinding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub help: Option<String>,
    pub excerpt: Vec<ExcerptLine>,
}

/// A source line of an excerpt, and the characters the finding covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcerptLine {
    pub number: usize,
    pub text: String,
    /// 0-based character range of `text` to mark.
    pub marked: std::ops::Range<usize>,
}

impl ReportArticle {
    /// The report's view of one article, while its source is at hand.
    pub fn new(
        row: ReviewRow,
        is_article: bool,
        source: &str,
        index: &LineIndex<'_>,
        findings: &[Located],
    ) -> ReportArticle {
        let findings = findings
            .iter()
            .map(|located| {
                let d = &located.diagnostic;
                ReportFinding {
                    rule: d.rule,
                    severity: d.severity,
                    message: d.message.clone(),
                    line: located.start.line,
                    column: located.start.column,
                    help: d.help.clone(),
                    excerpt: excerpt(source, index, located),
                }
            })
            .collect();
        ReportArticle {
            row,
            is_article,
            findings,
        }
    }

    /// The page's review status, if it is an article.
    pub fn status(&self) -> Option<crate::reviews::Status> {
        self.is_article.then_some(self.row.status)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }
}

/// The lines a finding covers (the first few), each cut to a readable
/// width, with the covered characters marked.
fn excerpt(source: &str, index: &LineIndex<'_>, located: &Located) -> Vec<ExcerptLine> {
    let (start, end) = (located.start, located.end);
    if source.is_empty() {
        return Vec::new();
    }
    let last = end.line.min(start.line + EXCERPT_LINES - 1).min(index.line_count());
    (start.line..=last)
        .map(|number| {
            let text = index.text(index.line_range(number - 1));
            let text = text.trim_end_matches('\r');
            let length = text.chars().count();
            let from = if number == start.line { start.column - 1 } else { 0 };
            let to = if number == end.line { end.column - 1 } else { length };
            let shown: String = text.chars().take(EXCERPT_WIDTH).collect();
            let cut = length > EXCERPT_WIDTH;
            let width = shown.chars().count();
            ExcerptLine {
                number,
                text: if cut { format!("{shown}…") } else { shown },
                marked: from.min(width)..to.clamp(from.min(width), width),
            }
        })
        .collect()
}

/// The run the report describes.
#[derive(Debug, Clone)]
pub struct ReportRun {
    pub today: chrono::NaiveDate,
    pub max_age_months: u32,
    pub warn_before_days: i64,
    /// What was checked, as named on the command line.
    pub inputs: Vec<String>,
    /// Files that could not be read.
    pub unreadable: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;
    use crate::options::Options;

    #[test]
    fn excerpts_mark_what_the_finding_covers() {
        let source = "# Title\n\n## Related Articles\n";
        let options = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let index = LineIndex::new(source);
        let located: Vec<Located> = crate::lint(source, "a.md", &options, &RuleSet::new())
            .into_iter()
            .filter(|d| d.rule == "empty-section")
            .map(|d| Located::resolve(&index, d))
            .collect();
        let row = crate::reviews::ReviewRow::new("a.md", None, &Default::default(), &options);
        let article = ReportArticle::new(row, true, source, &index, &located);
        let finding = &article.findings[0];
        assert_eq!(finding.line, 3);
        assert_eq!(
            finding.excerpt,
            [ExcerptLine {
                number: 3,
                text: "## Related Articles".to_string(),
                marked: 0..19
            }]
        );
    }
}
