//! `--format ics`: an iCalendar file (RFC 5545) with one all-day event per
//! article on the day its review is due. Each event's UID comes from the
//! article's path, so a calendar that subscribes to the file updates an
//! article's event when its due date moves instead of adding a second one.
//! Lines end in CRLF and fold at 75 octets; text is escaped as TEXT values
//! need, with control characters shown as visible symbols.

use std::fmt::Write;

use chrono::{Days, NaiveDate};

use crate::escape;
use crate::render::gitlab::hash64;
use crate::reviews::{ReviewRow, Status};

/// The calendar of `rows` that have a due date, stamped `today`.
pub fn render(rows: &[ReviewRow], today: NaiveDate) -> String {
    let mut out = Calendar::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!(
        "PRODID:-//medlint//review calendar {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.line("X-WR-CALNAME:Medical reviews due");
    let stamp = format!("DTSTAMP:{}T000000Z", today.format("%Y%m%d"));
    for row in rows {
        let Some(due) = row.due else { continue };
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:review-{:016x}@medlint", hash64(&row.path)));
        out.line(&stamp);
        out.line(&format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")));
        let next_day = due.checked_add_days(Days::new(1)).unwrap_or(due);
        out.line(&format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")));
        let title = row.title.as_deref().unwrap_or(&row.path);
        let what = match row.status {
            Status::Overdue => "Overdue medical review",
            _ => "Medical review due",
        };
        out.line(&format!("SUMMARY:{}", text(&format!("{what}: {title}"))));
        out.line(&format!("DESCRIPTION:{}", text(&description(row))));
        out.line(&format!("CATEGORIES:{}", row.status.as_str()));
        out.line("TRANSP:TRANSPARENT");
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.text
}

fn description(row: &ReviewRow) -> String {
    let mut text = format!("Article: {}\n", row.path);
    let _ = writeln!(text, "Reviewer: {}", row.reviewer.as_deref().unwrap_or("none named"));
    if let Some(author) = &row.author {
        let _ = writeln!(text, "Author: {author}");
    }
    match row.reviewed {
        Some(reviewed) => {
            let _ = writeln!(text, "Last reviewed: {reviewed}");
        }
        None => text.push_str("Last reviewed: no review date\n"),
    }
    let _ = write!(text, "Status: {}", row.status);
    text
}

/// A TEXT value: `\`, `;`, `,` and line breaks escaped, other control
/// characters shown as symbols.
fn text(value: &str) -> String {
    let value = escape::block(value);
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Default)]
struct Calendar {
    text: String,
}

impl Calendar {
    /// Writes a content line folded to 75 octets, never inside a character.
    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                self.text.push_str("\r\n ");
                width = 1;
            }
            self.text.push(c);
            width += c.len_utf8();
        }
        self.text.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut calendar = Calendar::default();
        let line = format!("SUMMARY:{}", "é".repeat(100));
        calendar.line(&line);
        for physical in calendar.text.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{physical:?} is {} octets", physical.len());
        }
        let unfolded = calendar.text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_escapes_what_rfc_5545_reserves() {
        assert_eq!(text("a;b,c\\d\ne\u{1b}"), "a\\;b\\,c\\\\d\\ne␛");
    }
}
