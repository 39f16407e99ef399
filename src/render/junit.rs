//! `--format junit`: JUnit XML via quick-junit. One test case per file; a
//! file with findings fails, and its failure lists every finding. Each
//! file's test case is rendered when it is linted and spooled; the suite's
//! counts are written around them at the end.

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::render::{Frame, Located, Summary};

/// The test case of one file: its `<testcase>` element as it appears in the
/// whole document, indentation and line end included.
pub fn entry(path: &str, diagnostics: &[Located]) -> String {
    let mut suite = TestSuite::new("medlint");
    suite.add_test_case(case(path, diagnostics));
    let document = document(suite);
    // Between the suite's opening line and its closing tag.
    let start = document
        .find("<testsuite ")
        .and_then(|i| document[i..].find('\n').map(|j| i + j + 1));
    let end = document.rfind("    </testsuite>");
    match (start, end) {
        (Some(start), Some(end)) if start <= end => document[start..end].to_string(),
        _ => String::new(),
    }
}

/// The document around the test cases, with the run's counts.
pub fn frame(summary: &Summary) -> Frame {
    const MARKER: &str = "medlint-spooled-test-cases";
    let mut suite = TestSuite::new("medlint");
    if summary.files > 0 {
        suite.add_test_case(case(MARKER, &[]));
    }
    suite.tests = summary.files;
    suite.failures = summary.files_with_findings;
    let document = document(suite);
    if summary.files == 0 {
        return Frame::split(&document, "");
    }
    Frame::split(&document, &entry(MARKER, &[]))
}

fn document(suite: TestSuite) -> String {
    let mut report = Report::new("medlint");
    report.add_test_suite(suite);
    report.to_string().unwrap_or_default()
}

/// A file with findings fails, and its failure lists every finding.
fn case(path: &str, diagnostics: &[Located]) -> TestCase {
    let status = if diagnostics.is_empty() {
        TestCaseStatus::success()
    } else {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        let lines: Vec<String> = diagnostics
            .iter()
            .map(|l| {
                let d = &l.diagnostic;
                format!(
                    "{}:{}:{}: {}[{}] {}",
                    path, l.start.line, l.start.column, d.severity, d.rule, d.message
                )
            })
            .collect();
        let first = &diagnostics[0].diagnostic;
        let worst = diagnostics
            .iter()
            .map(|l| l.diagnostic.severity)
            .max()
            .unwrap_or(first.severity);
        status
            .set_message(format!(
                "{} finding{}: {}",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" },
                first.message
            ))
            .set_type(worst.as_str())
            .set_description(lines.join("\n"));
        status
    };
    let mut case = TestCase::new(path.to_string(), status);
    case.set_classname("medlint");
    case
}
