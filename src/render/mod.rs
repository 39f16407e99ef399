//! Output formats. Each format is one small file; `FileReport` carries the
//! facts they all share (diagnostics resolved to lines and columns).

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod json_lines;
mod json_writer;
pub mod junit;
pub mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Read, Write};

use crate::diagnostic::{Diagnostic, Severity, plural};
use crate::line_index::{LineIndex, Position};
use crate::rules::Rule;

/// A diagnostic with its positions resolved against the source.
#[derive(Debug, Clone)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: Position,
    pub end: Position,
    pub labels: Vec<(Position, Position, String)>,
    /// A hash of the source text the finding points at (its first
    /// kilobyte): a part of fingerprints that stays the same from day to
    /// day and when lines move, unlike a message that says "in 44 days".
    pub anchor: u64,
    /// The rule's own fix, resolved to positions: only for the formats
    /// that carry fixes (JSON, JSON lines, SARIF); see
    /// [`Format::carries_fixes`].
    pub fix: Option<LocatedFix>,
}

/// A fix with its edits resolved to lines and columns.
#[derive(Debug, Clone)]
pub struct LocatedFix {
    pub title: String,
    pub applicability: crate::fix::Applicability,
    /// (start, end, replacement), in source order.
    pub edits: Vec<(Position, Position, String)>,
}

/// How much of the text a finding points at goes into its anchor.
const ANCHOR_BYTES: usize = 1024;

impl Located {
    pub fn resolve(index: &LineIndex<'_>, diagnostic: Diagnostic) -> Located {
        let start = index.position(diagnostic.span.start);
        let end = index.position(diagnostic.span.end);
        let span = &diagnostic.span;
        let pointed = index.text(span.start..span.end.min(span.start.saturating_add(ANCHOR_BYTES)));
        let anchor = gitlab::hash64(pointed.trim());
        let labels = diagnostic
            .labels
            .iter()
            .map(|l| {
                (
                    index.position(l.span.start),
                    index.position(l.span.end),
                    l.message.clone(),
                )
            })
            .collect();
        Located {
            diagnostic,
            start,
            end,
            labels,
            anchor,
            fix: None,
        }
    }

    /// Resolves the rule's own fix for the finding in `source` (read as
    /// `format`), if it has one.
    pub fn resolve_fix(&mut self, source: &str, format: crate::article::InputFormat, index: &LineIndex<'_>) {
        self.fix = crate::fix::own_fix(source, format, &self.diagnostic).map(|fix| LocatedFix {
            title: fix.title,
            applicability: fix.applicability,
            edits: fix
                .edits
                .into_iter()
                .map(|edit| {
                    (
                        index.position(edit.range.start),
                        index.position(edit.range.end),
                        edit.replacement,
                    )
                })
                .collect(),
        });
    }
}

/// The outcome of linting one file, ready to render.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given on the command line (or the stdin file name).
    pub path: String,
    pub diagnostics: Vec<Located>,
    /// The human or concise rendering, made while the source was at hand.
    pub rendered: String,
    /// Rules that panicked on this file, as messages.
    pub internal_errors: Vec<String>,
}

/// The output formats `--format` accepts.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Junit,
    Gitlab,
    /// One JSON object a finding, a line each, for log pipelines.
    JsonLines,
}

impl Format {
    /// Formats written file by file as results arrive; the others are one
    /// document written at the end.
    pub fn is_streamed(self) -> bool {
        matches!(
            self,
            Format::Human | Format::Concise | Format::Github | Format::JsonLines
        )
    }

    /// Whole-run documents whose findings are rendered file by file, as the
    /// streamed formats are, and spooled until the run ends (memory, then a
    /// temporary file past 64 MB): their header needs the run's totals, but
    /// memory must not grow with the number of files.
    pub fn is_spooled(self) -> bool {
        matches!(self, Format::Json | Format::Sarif | Format::Gitlab | Format::Junit)
    }

    /// Formats that end with a summary line.
    pub fn has_summary_line(self) -> bool {
        matches!(self, Format::Human | Format::Concise)
    }
}

/// How findings are rendered, besides the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Colour human output.
    pub color: bool,
    /// The lowest severity that fails the run (`--fail-on`; `None`:
    /// never): JUnit fails a test case for those findings only.
    pub fail_on: Option<Severity>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            fail_on: Some(Severity::Error),
        }
    }
}

/// Renders one file's findings, while its source is still at hand: the
/// text for a streamed format, its entries (findings, or JUnit's test case)
/// for a spooled one, to go inside its [`Frame`].
pub fn render_file(
    format: Format,
    path: &str,
    source: &str,
    index: &LineIndex<'_>,
    diagnostics: &[Located],
    options: &RenderOptions,
    rules: &[&'static Rule],
) -> String {
    match format {
        Format::Human => human::render(path, source, index, diagnostics, options.color),
        Format::Concise => concise::render(path, diagnostics),
        Format::Github => github::render(path, diagnostics),
        Format::Json => json::entries(path, diagnostics),
        Format::Sarif => sarif::entries(path, diagnostics, rules),
        Format::Gitlab => gitlab::entries(path, diagnostics),
        Format::Junit => junit::entry(path, diagnostics, options.fail_on),
        Format::JsonLines => json_lines::render(path, diagnostics),
    }
}

impl Format {
    /// The format carries each finding's fix (its edits and whether it is
    /// safe), for tools that apply them.
    pub fn carries_fixes(self) -> bool {
        matches!(self, Format::Json | Format::JsonLines | Format::Sarif)
    }
}

/// The document around a spooled format's findings, for the run's totals.
pub fn frame<'a>(format: Format, summary: &Summary, rules: &'a [&'static Rule]) -> Option<Frame<'a>> {
    match format {
        Format::Json => Some(Frame::Json(*summary)),
        Format::Sarif => Some(Frame::Sarif(rules)),
        Format::Gitlab => Some(Frame::Gitlab),
        Format::Junit => Some(Frame::Junit(*summary)),
        Format::Human | Format::Concise | Format::Github | Format::JsonLines => None,
    }
}

/// Renders the whole-run document for the spooled formats, from reports
/// held in memory (the library's way; the CLI spools as it goes).
pub fn render_run(
    format: Format,
    reports: &[FileReport],
    summary: &Summary,
    rules: &[&'static Rule],
) -> Option<String> {
    let frame = frame(format, summary, rules)?;
    let mut spool = Spool::new(Vec::new(), format);
    for report in reports {
        spool
            .add(&report_entries(format, report, summary, rules))
            .expect("writing to memory");
    }
    let (spooled, any) = spool.into_parts();
    let mut out = Vec::new();
    frame
        .write(&mut out, &mut spooled.as_slice(), any)
        .expect("writing to memory");
    Some(String::from_utf8(out).expect("documents are UTF-8"))
}

/// A report's entries for a spooled format. They need no source text;
/// JUnit fails the findings the summary fails.
fn report_entries(format: Format, report: &FileReport, summary: &Summary, rules: &[&'static Rule]) -> String {
    let options = RenderOptions {
        color: false,
        fail_on: summary.fail_on,
    };
    render_file(
        format,
        &report.path,
        "",
        &LineIndex::new(""),
        &report.diagnostics,
        &options,
        rules,
    )
}

/// Findings of a spooled format, gathered file by file until the run ends.
pub struct Spool<W> {
    out: W,
    any: bool,
    /// Between two files' entries, each of which starts on a line of its
    /// own: JSON's comma, nothing for XML.
    separator: &'static [u8],
}

impl<W: std::io::Write> Spool<W> {
    pub fn new(out: W, format: Format) -> Spool<W> {
        let separator: &[u8] = if format == Format::Junit { b"" } else { b"," };
        Spool {
            out,
            any: false,
            separator,
        }
    }

    /// Adds one file's entries (from [`render_file`]).
    pub fn add(&mut self, entries: &str) -> std::io::Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        if self.any {
            self.out.write_all(self.separator)?;
        }
        self.any = true;
        self.out.write_all(entries.as_bytes())
    }

    /// The spooled text, and whether it holds any entry.
    pub fn into_parts(self) -> (W, bool) {
        (self.out, self.any)
    }
}

/// A whole-run document, written around its spooled findings once the
/// run's totals are known: each format writes its head and tail from typed
/// values.
pub enum Frame<'a> {
    Json(Summary),
    Sarif(&'a [&'static Rule]),
    Gitlab,
    Junit(Summary),
}

impl Frame<'_> {
    /// Writes the document with the spooled entries; `any` says whether
    /// there are some.
    pub fn write(&self, out: &mut impl Write, entries: &mut impl Read, any: bool) -> io::Result<()> {
        let entries = Spooled::new(entries, any);
        match self {
            Frame::Json(summary) => json::write_document(out, summary, entries),
            Frame::Sarif(rules) => sarif::write_document(out, rules, entries),
            Frame::Gitlab => gitlab::write_document(out, entries),
            Frame::Junit(summary) => junit::write_document(out, summary, entries),
        }
    }
}

/// A run's spooled entries, on their way into their document as they are.
pub struct Spooled<'a> {
    text: &'a mut dyn Read,
    any: bool,
}

impl<'a> Spooled<'a> {
    pub fn new(text: &'a mut dyn Read, any: bool) -> Spooled<'a> {
        Spooled { text, any }
    }

    /// Whether there is an entry.
    pub fn any(&self) -> bool {
        self.any
    }

    pub fn copy_to(self, out: &mut impl Write) -> io::Result<()> {
        io::copy(self.text, out).map(drop)
    }
}

/// Findings per rule and severity, for `--statistics`.
#[derive(Debug, Default)]
pub struct RuleCounts(BTreeMap<(&'static str, Severity), usize>);

impl RuleCounts {
    pub fn add(&mut self, report: &FileReport) {
        for located in &report.diagnostics {
            *self
                .0
                .entry((located.diagnostic.rule, located.diagnostic.severity))
                .or_default() += 1;
        }
    }
}

/// `--statistics`: findings per rule, most frequent first.
pub fn statistics(counts: &RuleCounts, format: Format) -> String {
    let mut rows: Vec<((&str, Severity), usize)> = counts.0.iter().map(|(&key, &count)| (key, count)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.0.cmp(b.0.0)));
    if format == Format::Json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|((rule, severity), count)| serde_json::json!({"rule": rule, "severity": severity.as_str(), "count": count}))
            .collect();
        return serde_json::to_string_pretty(&list).expect("statistics serialize") + "\n";
    }
    let width = rows.iter().map(|((rule, _), _)| rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for ((rule, severity), count) in rows {
        out.push_str(&format!("{count:>6}  {rule:width$}  {severity}\n"));
    }
    out
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// The lowest severity that fails the run (`None`: never).
    pub fail_on: Option<Severity>,
    pub files: usize,
    /// Files with one finding or more.
    pub files_with_findings: usize,
    /// Files with a finding at or above `fail_on` (JUnit's failures).
    pub files_failing: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Inputs that could not be read: a run with some is never "no
    /// problems found".
    pub unreadable: usize,
    /// Pages checked as articles, when the config says which pages are
    /// (`None`: every page is).
    pub articles: Option<usize>,
    /// Findings a baseline accepted: neither shown nor counted above.
    pub baselined: usize,
    /// Baseline entries no finding matched any more: fixed since.
    pub baseline_gone: usize,
}

impl Default for Summary {
    /// Totals of a run that fails on errors, as `--fail-on` does by default.
    fn default() -> Self {
        Summary::failing_on(Some(Severity::Error))
    }
}

impl Summary {
    /// Empty totals of a run that fails on `fail_on` and above.
    pub fn failing_on(fail_on: Option<Severity>) -> Summary {
        Summary {
            fail_on,
            files: 0,
            files_with_findings: 0,
            files_failing: 0,
            errors: 0,
            warnings: 0,
            infos: 0,
            unreadable: 0,
            articles: None,
            baselined: 0,
            baseline_gone: 0,
        }
    }

    /// Whether a finding of `severity` fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        self.fail_on.is_some_and(|threshold| severity >= threshold)
    }

    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.files_with_findings += usize::from(!report.diagnostics.is_empty());
        let failing = report.diagnostics.iter().any(|d| self.fails(d.diagnostic.severity));
        self.files_failing += usize::from(failing);
        for located in &report.diagnostics {
            match located.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// "3 files checked: 2 errors, 1 warning"; "2 files checked, 1 could
    /// not be read: 0 errors, 0 warnings"
    ///
    /// With an `[articles]` table it says how many were articles ("3 files
    /// checked (2 as articles)"), and with a baseline how many findings it
    /// accepted and how many of its entries are gone.
    pub fn line(&self) -> String {
        let mut files = plural(self.files, "file") + " checked";
        if let Some(articles) = self.articles {
            files.push_str(&format!(" ({articles} as articles)"));
        }
        let line = if self.unreadable > 0 {
            files.push_str(&format!(", {} could not be read", self.unreadable));
            None
        } else if self.errors + self.warnings + self.infos == 0 {
            Some(format!("{files}: no problems found"))
        } else {
            None
        };
        let mut line = line.unwrap_or_else(|| {
            let mut parts = vec![plural(self.errors, "error"), plural(self.warnings, "warning")];
            if self.infos > 0 {
                parts.push(plural(self.infos, "info"));
            }
            format!("{files}: {}", parts.join(", "))
        });
        if self.baselined > 0 {
            line.push_str(&format!("; {} in the baseline", plural(self.baselined, "finding")));
        }
        if self.baseline_gone > 0 {
            line.push_str(&format!(
                "; {} of the baseline {} gone (`--write-baseline` shrinks it)",
                self.baseline_gone,
                if self.baseline_gone == 1 { "is" } else { "are" }
            ));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Seek, SeekFrom};

    pub(super) fn report(path: &str, rules: &[&'static str]) -> FileReport {
        let position = Position { line: 3, column: 1 };
        let diagnostics = rules
            .iter()
            .map(|rule| Located {
                diagnostic: Diagnostic {
                    rule,
                    category: crate::diagnostic::Category::Content,
                    severity: Severity::Warning,
                    message: format!("{rule} \"quoted\""),
                    span: 0..1,
                    labels: Vec::new(),
                    help: Some("help".to_string()),
                },
                start: position,
                end: position,
                labels: vec![(position, position, "label".to_string())],
                anchor: 0,
                fix: None,
            })
            .collect();
        FileReport {
            path: path.to_string(),
            diagnostics,
            rendered: String::new(),
            internal_errors: Vec::new(),
        }
    }

    const SPOOLED: [Format; 4] = [Format::Json, Format::Sarif, Format::Gitlab, Format::Junit];

    pub(super) fn config() -> crate::config::Config {
        crate::config::Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
    }

    /// Three files: two findings, none, one.
    fn reports() -> [FileReport; 3] {
        [
            report("a.md", &["placeholder-text", "empty-link"]),
            report("clean.md", &[]),
            report("b.md", &["empty-link"]),
        ]
    }

    /// Totals of a run in which every finding fails.
    pub(super) fn summary_of(reports: &[FileReport]) -> Summary {
        let mut summary = Summary::failing_on(Some(Severity::Info));
        for r in reports {
            summary.add(r);
        }
        summary
    }

    /// Spooling through a file on disk, as a long run does, writes the same
    /// document as rendering in memory.
    #[test]
    fn spooled_documents_match_in_memory_ones() {
        let config = config();
        let reports = reports();
        let summary = summary_of(&reports);
        for format in SPOOLED {
            let whole = render_run(format, &reports, &summary, config.rules.rules()).unwrap();
            let mut spool = Spool::new(tempfile::tempfile().unwrap(), format);
            for r in &reports {
                spool
                    .add(&report_entries(format, r, &summary, config.rules.rules()))
                    .unwrap();
            }
            let (mut file, any) = spool.into_parts();
            file.seek(SeekFrom::Start(0)).unwrap();
            let mut out = Vec::new();
            frame(format, &summary, config.rules.rules())
                .unwrap()
                .write(&mut out, &mut file, any)
                .unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "{format:?}");
        }
    }

    /// The path of every finding in a spooled document, in order, read back
    /// with a parser of its format.
    fn finding_paths(format: Format, document: &str) -> Vec<String> {
        if format == Format::Junit {
            let report = quick_junit::Report::deserialize_from_str(document).expect("well-formed JUnit XML");
            return report
                .test_suites
                .iter()
                .flat_map(|suite| &suite.test_cases)
                .flat_map(|case| match &case.status {
                    quick_junit::TestCaseStatus::NonSuccess { description, .. } => {
                        let findings = description.as_ref().map_or(0, |d| d.lines().count());
                        vec![case.name.to_string(); findings]
                    }
                    _ => Vec::new(),
                })
                .collect();
        }
        let parsed: serde_json::Value = serde_json::from_str(document).expect("valid JSON");
        let (findings, path) = match format {
            Format::Json => (&parsed["diagnostics"], "/path"),
            Format::Sarif => (
                &parsed["runs"][0]["results"],
                "/locations/0/physicalLocation/artifactLocation/uri",
            ),
            _ => (&parsed, "/location/path"),
        };
        findings
            .as_array()
            .expect("an array of findings")
            .iter()
            .map(|finding| finding.pointer(path).and_then(|p| p.as_str()).unwrap().to_string())
            .collect()
    }

    /// With findings and without, every spooled document parses and holds
    /// each finding, in order; JUnit's counts are the run's.
    #[test]
    fn documents_with_and_without_findings_parse() {
        let config = config();
        let reports = reports();
        for (reports, expected) in [(&reports[..], &["a.md", "a.md", "b.md"][..]), (&[], &[])] {
            let summary = summary_of(reports);
            for format in SPOOLED {
                let document = render_run(format, reports, &summary, config.rules.rules()).unwrap();
                assert_eq!(finding_paths(format, &document), expected, "{format:?}: {document}");
            }
            let junit = render_run(Format::Junit, reports, &summary, config.rules.rules()).unwrap();
            let junit = quick_junit::Report::deserialize_from_str(&junit).unwrap();
            assert_eq!(junit.test_suites[0].test_cases.len(), summary.files);
            assert_eq!((junit.tests, junit.failures), (summary.files, summary.files_failing));
        }
        let empty = render_run(Format::Json, &[], &Summary::default(), config.rules.rules()).unwrap();
        assert!(empty.contains("\"diagnostics\": []\n}"), "{empty}");
    }
}
