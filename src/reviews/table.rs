//! `--format table`: aligned columns, the status in colour (and always in
//! words), and a summary line.

use std::fmt::Write;

use crate::escape;
use crate::reviews::{ReviewRow, Status, StatusCounts, by_reviewer};

/// Titles longer than this are cut, so that a row stays one screen line.
const TITLE_WIDTH: usize = 48;

/// The table of `rows`, each group of `--by reviewer` under its reviewer
/// when `grouped`, then the summary line.
pub fn render(rows: &[ReviewRow], grouped: bool, warn_before_days: i64, color: bool) -> String {
    let mut out = String::new();
    let widths = Widths::of(rows);
    if grouped {
        for group in by_reviewer(rows) {
            let counts = group.counts();
            let name = group.reviewer.as_deref().unwrap_or("(no reviewer)");
            let _ = writeln!(
                out,
                "{} — {} article{}: {}",
                escape::line(name),
                counts.total(),
                if counts.total() == 1 { "" } else { "s" },
                counts.line(warn_before_days)
            );
            header(&mut out, &widths);
            for row in &group.rows {
                line(&mut out, row, &widths, color);
            }
            out.push('\n');
        }
    } else if !rows.is_empty() {
        header(&mut out, &widths);
        for row in rows {
            line(&mut out, row, &widths, color);
        }
        out.push('\n');
    }
    out.push_str(&StatusCounts::of(rows).line(warn_before_days));
    out.push('\n');
    out
}

struct Widths {
    reviewer: usize,
    path: usize,
}

impl Widths {
    fn of(rows: &[ReviewRow]) -> Widths {
        let width = |text: &str| escape::line(text).chars().count();
        Widths {
            reviewer: rows
                .iter()
                .map(|r| width(r.reviewer.as_deref().unwrap_or("-")))
                .max()
                .unwrap_or(0)
                .max("REVIEWER".len()),
            path: rows.iter().map(|r| width(&r.path)).max().unwrap_or(0).max("PATH".len()),
        }
    }
}

fn header(out: &mut String, widths: &Widths) {
    let _ = writeln!(
        out,
        "{:<10}  {:<10}  {:>5}  {:<rw$}  {:<pw$}  TITLE",
        "STATUS",
        "DUE",
        "DAYS",
        "REVIEWER",
        "PATH",
        rw = widths.reviewer,
        pw = widths.path
    );
}

fn line(out: &mut String, row: &ReviewRow, widths: &Widths, color: bool) {
    let status = format!("{:<10}", row.status.as_str());
    let status = if color {
        format!("\x1b[{}m{status}\x1b[0m", colour(row.status))
    } else {
        status
    };
    let due = row.due.map_or_else(|| "-".to_string(), |d| d.to_string());
    let days = row.days_left.map_or_else(|| "-".to_string(), |d| d.to_string());
    let title = escape::line(row.title.as_deref().unwrap_or("")).into_owned();
    let title = if title.chars().count() > TITLE_WIDTH {
        let cut: String = title.chars().take(TITLE_WIDTH - 1).collect();
        format!("{cut}…")
    } else {
        title
    };
    let _ = writeln!(
        out,
        "{status}  {due:<10}  {days:>5}  {:<rw$}  {:<pw$}  {title}",
        escape::line(row.reviewer.as_deref().unwrap_or("-")),
        escape::line(&row.path),
        rw = widths.reviewer,
        pw = widths.path
    );
}

/// The ANSI colour of a status: red, yellow, green, grey.
fn colour(status: Status) -> &'static str {
    match status {
        Status::Overdue => "1;31",
        Status::DueSoon => "1;33",
        Status::Ok => "32",
        Status::Unreviewed => "2",
    }
}
