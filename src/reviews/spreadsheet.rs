//! `--format csv`: one row per article under a header row, for
//! spreadsheets. A text cell that a spreadsheet would run as a formula
//! (one starting with `=`, `+`, `-`, `@`, a tab or a CR: OWASP's CSV
//! injection advice) starts with `'` instead.

use crate::reviews::ReviewRow;

const HEADER: [&str; 8] = [
    "path",
    "title",
    "reviewer",
    "author",
    "reviewed",
    "next_review",
    "days_left",
    "status",
];

pub fn render(rows: &[ReviewRow]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).expect("writing to memory");
    for row in rows {
        let text = |value: Option<&str>| inert(value.unwrap_or(""));
        let date = |value: Option<chrono::NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
        writer
            .write_record([
                inert(&row.path),
                text(row.title.as_deref()),
                text(row.reviewer.as_deref()),
                text(row.author.as_deref()),
                date(row.reviewed),
                date(row.due),
                row.days_left.map(|d| d.to_string()).unwrap_or_default(),
                row.status.as_str().to_string(),
            ])
            .expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
}

/// A text cell no spreadsheet runs as a formula.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
