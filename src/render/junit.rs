//! `--format junit`: JUnit XML in quick-junit's layout. One test case per
//! file; a file with findings fails, and its failure lists every finding.
//! Each file's test case is written when it is linted and spooled; the
//! suites, with the run's counts, are written around them at the end.

use std::io::{self, Write};

use quick_junit::XmlString;

use crate::diagnostic::Severity;
use crate::escape;
use crate::render::{Located, Spooled, Summary, concise};

/// How deep the test cases sit: in the suite, in the suites.
const ENTRY_DEPTH: usize = 2;

/// The test case of one file, as [`write_document`] copies it into the
/// suite.
pub fn entry(path: &str, diagnostics: &[Located], fail_on: Option<Severity>) -> String {
    let mut xml = XmlWriter::inside(Vec::new(), ENTRY_DEPTH);
    Case::new(path, diagnostics, fail_on)
        .write(&mut xml)
        .expect("writing to memory");
    String::from_utf8(xml.into_inner()).expect("XML is UTF-8")
}

/// The report: one suite with the run's counts, holding the spooled test
/// cases.
pub fn write_document(out: &mut dyn Write, summary: &Summary, cases: Spooled<'_>) -> io::Result<()> {
    let tests = summary.files.to_string();
    let failures = summary.files_failing.to_string();
    // Attributes in the order quick-junit writes them, which differs
    // between the two elements.
    let mut xml = XmlWriter::new(out);
    xml.declaration()?;
    xml.start(
        "testsuites",
        &[
            ("name", "medlint"),
            ("tests", &tests),
            ("skipped", "0"),
            ("failures", &failures),
            ("errors", "0"),
        ],
    )?;
    let suite = [
        ("name", "medlint"),
        ("tests", tests.as_str()),
        ("skipped", "0"),
        ("errors", "0"),
        ("failures", &failures),
    ];
    if cases.any() {
        xml.start("testsuite", &suite)?;
        xml.spooled(cases, ENTRY_DEPTH)?;
        xml.end()?;
    } else {
        xml.empty("testsuite", &suite)?;
    }
    xml.end()?;
    xml.finish()
}

/// One file's test case: it fails when the file has findings at or above
/// `--fail-on`, as the exit code does; the other findings are its standard
/// output. Messages are one line each ([`escape::line`]: a report printed
/// to a CI log must not start a line of its own), then go through
/// quick-junit's `XmlString`.
struct Case {
    name: XmlString,
    failure: Option<Failure>,
    /// Findings below the threshold, one a line.
    system_out: Option<XmlString>,
}

/// The failure of a file with failing findings.
struct Failure {
    /// How many findings fail, and the first one's message.
    message: XmlString,
    /// The worst severity.
    kind: XmlString,
    /// Every failing finding, one a line.
    description: XmlString,
}

impl Case {
    fn new(path: &str, diagnostics: &[Located], fail_on: Option<Severity>) -> Case {
        let fails = |l: &&Located| fail_on.is_some_and(|threshold| l.diagnostic.severity >= threshold);
        let (failing, passing): (Vec<&Located>, Vec<&Located>) = diagnostics.iter().partition(fails);
        let failure = failing.first().map(|first| {
            let lines: Vec<String> = failing.iter().map(|l| concise::line(path, l)).collect();
            let worst = failing
                .iter()
                .map(|l| l.diagnostic.severity)
                .max()
                .unwrap_or(first.diagnostic.severity);
            Failure {
                message: XmlString::new(format!(
                    "{} finding{}: {}",
                    lines.len(),
                    if lines.len() == 1 { "" } else { "s" },
                    escape::line(&first.diagnostic.message)
                )),
                kind: XmlString::new(worst.as_str()),
                description: XmlString::new(lines.join("\n")),
            }
        });
        let system_out = (!passing.is_empty()).then(|| {
            let lines: Vec<String> = passing.iter().map(|l| concise::line(path, l)).collect();
            XmlString::new(lines.join("\n"))
        });
        Case {
            name: XmlString::new(path),
            failure,
            system_out,
        }
    }

    fn write(&self, xml: &mut XmlWriter<impl Write>) -> io::Result<()> {
        let attributes = [("name", self.name.as_str()), ("classname", "medlint")];
        if self.failure.is_none() && self.system_out.is_none() {
            return xml.empty("testcase", &attributes);
        }
        xml.start("testcase", &attributes)?;
        if let Some(failure) = &self.failure {
            xml.start(
                "failure",
                &[("message", failure.message.as_str()), ("type", failure.kind.as_str())],
            )?;
            xml.text(&failure.description)?;
            xml.end()?;
        }
        if let Some(text) = &self.system_out {
            xml.start("system-out", &[])?;
            xml.text(text)?;
            xml.end()?;
        }
        xml.end()
    }
}

/// XML written event by event in the layout quick-junit gives it (quick-xml's
/// with four spaces a level): every tag on a line of its own, except an end
/// tag right after text.
struct XmlWriter<W> {
    out: W,
    /// How deep the writer started (for entries that go inside elements
    /// written elsewhere).
    base: usize,
    /// The elements opened here and not yet closed, innermost last.
    open: Vec<&'static str>,
    /// Whether the next tag starts a new line: not at the very start, nor
    /// after text.
    line_break: bool,
}

impl<W: Write> XmlWriter<W> {
    fn new(out: W) -> XmlWriter<W> {
        XmlWriter {
            out,
            base: 0,
            open: Vec::new(),
            line_break: false,
        }
    }

    /// A writer `depth` elements deep, after a tag.
    fn inside(out: W, depth: usize) -> XmlWriter<W> {
        XmlWriter {
            out,
            base: depth,
            open: Vec::new(),
            line_break: true,
        }
    }

    fn into_inner(self) -> W {
        self.out
    }

    fn declaration(&mut self) -> io::Result<()> {
        self.line()?;
        self.out.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>"#)
    }

    fn start(&mut self, name: &'static str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.open_tag(name, attributes)?;
        self.out.write_all(b">")?;
        self.open.push(name);
        Ok(())
    }

    fn empty(&mut self, name: &'static str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.open_tag(name, attributes)?;
        self.out.write_all(b"/>")
    }

    /// Closes the innermost element opened here.
    fn end(&mut self) -> io::Result<()> {
        let name = self.open.pop().expect("an element is open");
        self.line()?;
        write!(self.out, "</{name}>")
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        write_escaped(&mut self.out, text)?;
        self.line_break = false;
        Ok(())
    }

    /// Copies spooled elements, written by a writer [`XmlWriter::inside`]
    /// `depth` elements, which must be this writer's depth.
    fn spooled(&mut self, entries: Spooled<'_>, depth: usize) -> io::Result<()> {
        debug_assert_eq!(self.depth(), depth, "entries written at another depth");
        debug_assert!(self.line_break, "entries start on a line of their own");
        entries.copy_to(&mut self.out)
    }

    /// Ends the document with a line end.
    fn finish(&mut self) -> io::Result<()> {
        debug_assert!(self.open.is_empty(), "an element is still open");
        self.out.write_all(b"\n")
    }

    fn depth(&self) -> usize {
        self.base + self.open.len()
    }

    fn open_tag(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.line()?;
        write!(self.out, "<{name}")?;
        for (key, value) in attributes {
            write!(self.out, " {key}=\"")?;
            write_escaped(&mut self.out, value)?;
            self.out.write_all(b"\"")?;
        }
        Ok(())
    }

    /// The line break and indentation before a tag, where one goes.
    fn line(&mut self) -> io::Result<()> {
        if self.line_break {
            self.out.write_all(b"\n")?;
            for _ in 0..self.depth() {
                self.out.write_all(b"    ")?;
            }
        }
        self.line_break = true;
        Ok(())
    }
}

/// Writes `text` with the five XML special characters escaped, as quick-xml
/// escapes text and attribute values.
fn write_escaped(out: &mut impl Write, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut from = 0;
    for (at, byte) in bytes.iter().enumerate() {
        let escaped: &[u8] = match byte {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'&' => b"&amp;",
            b'\'' => b"&apos;",
            b'"' => b"&quot;",
            _ => continue,
        };
        out.write_all(&bytes[from..at])?;
        out.write_all(escaped)?;
        from = at + 1;
    }
    out.write_all(&bytes[from..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::{config, report};
    use crate::render::{Format, render_run};
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

    /// The same case in quick-junit's model.
    fn quick_junit_case(case: &Case) -> TestCase {
        let status = match &case.failure {
            None => TestCaseStatus::success(),
            Some(failure) => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status
                    .set_message(failure.message.as_str())
                    .set_type(failure.kind.as_str())
                    .set_description(failure.description.as_str());
                status
            }
        };
        let mut test_case = TestCase::new(case.name.as_str(), status);
        test_case.set_classname("medlint");
        if let Some(text) = &case.system_out {
            test_case.set_system_out(text.as_str());
        }
        test_case
    }

    /// Documents keep the bytes quick-junit writes for the same report,
    /// markup, quotes, ANSI escapes and control characters in the text
    /// included.
    #[test]
    fn documents_are_laid_out_as_quick_junit_lays_them_out() {
        let mut tricky = report("<a & 'b'>.md", &["empty-link", "placeholder-text"]);
        tricky.diagnostics[0].diagnostic.message = "\u{1b}[31mred\u{1b}[0m <b> & \"c\" \u{7}bell".to_string();
        tricky.diagnostics[0].diagnostic.severity = Severity::Error;
        let reports = [tricky, report("clean.md", &[]), report("b.md", &["empty-link"])];
        // Every finding fails; errors fail and warnings are output; none fails.
        for fail_on in [Some(Severity::Info), Some(Severity::Error), None] {
            for reports in [&reports[..], &[]] {
                let mut summary = Summary::failing_on(fail_on);
                let mut suite = TestSuite::new("medlint");
                for r in reports {
                    summary.add(r);
                    suite.add_test_case(quick_junit_case(&Case::new(&r.path, &r.diagnostics, fail_on)));
                }
                let mut expected = Report::new("medlint");
                expected.add_test_suite(suite);
                let document = render_run(Format::Junit, reports, &summary, config().rules.rules()).unwrap();
                assert_eq!(document, expected.to_string().unwrap());
                let parsed = Report::deserialize_from_str(&document).unwrap();
                let failing = match (fail_on, reports.is_empty()) {
                    (_, true) | (None, _) => 0,
                    (Some(Severity::Error), _) => 1,
                    _ => 2,
                };
                assert_eq!(parsed.failures, failing, "{fail_on:?}");
            }
        }
    }
}
