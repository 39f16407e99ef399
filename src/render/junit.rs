//! `--format junit`: JUnit XML via quick-junit. One test case per file; a
//! file with findings fails, and its failure lists every finding.

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::render::FileReport;

pub fn render(reports: &[FileReport]) -> String {
    let mut report = Report::new("medlint");
    let mut suite = TestSuite::new("medlint");
    for file in reports {
        let status = if file.diagnostics.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let lines: Vec<String> = file
                .diagnostics
                .iter()
                .map(|l| {
                    let d = &l.diagnostic;
                    format!(
                        "{}:{}:{}: {}[{}] {}",
                        file.path, l.start.line, l.start.column, d.severity, d.rule, d.message
                    )
                })
                .collect();
            let first = &file.diagnostics[0].diagnostic;
            let worst = file
                .diagnostics
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
        let mut case = TestCase::new(file.path.clone(), status);
        case.set_classname("medlint");
        suite.add_test_case(case);
    }
    report.add_test_suite(suite);
    report.to_string().unwrap_or_default()
}
