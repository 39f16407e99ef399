//! The review calendar: one row per article with its reviewer, last review,
//! next due date and status, worked out from the review metadata the rules
//! read ([`ReviewMeta`]) and the same expiry `stale-review` and
//! `review-due-soon` judge by, so that the calendar and the findings never
//! disagree. Written as a table, JSON, CSV or an iCalendar file.

pub mod ics;
pub mod json;
pub mod spreadsheet;
pub mod table;

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::article::ReviewMeta;
use crate::article::review::{Person, comparable_name};
use crate::options::Options;
use crate::rules::stale_review::expiry;

/// Where an article stands in its review cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Past its due date: `stale-review` fires.
    Overdue,
    /// Due within `review.warn-before`: `review-due-soon` fires.
    DueSoon,
    Ok,
    /// No reviewer, or no (readable) review date.
    Unreviewed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Overdue, Status::DueSoon, Status::Ok, Status::Unreviewed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::DueSoon => "due-soon",
            Status::Ok => "ok",
            Status::Unreviewed => "unreviewed",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One article in the review calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// The path as every output shows it.
    pub path: String,
    pub title: Option<String>,
    /// The reviewer as "Name, MD, FAAD".
    pub reviewer: Option<String>,
    /// The reviewer's name alone, for grouping and `--reviewer`.
    pub reviewer_name: Option<String>,
    /// The authors as "Name, MD; Other Name".
    pub author: Option<String>,
    /// The last review.
    pub reviewed: Option<NaiveDate>,
    /// When the next review is due: `next_review` when the article states
    /// one, else the last review plus `review.max-age`, whichever comes
    /// first (the day `stale-review` starts to fire).
    pub due: Option<NaiveDate>,
    /// Days from today to `due` (negative when overdue).
    pub days_left: Option<i64>,
    pub status: Status,
}

impl ReviewRow {
    /// The row of the article at `path`, from what its reader found.
    pub fn new(path: &str, title: Option<&str>, review: &ReviewMeta, options: &Options) -> ReviewRow {
        let today = options.today;
        let reviewer = review.reviewer();
        let reviewed = review.review_date().and_then(|date| date.value.ok());
        let next = review.next_review.as_ref().and_then(|date| date.value.ok());
        let expires = reviewed.and_then(|reviewed| expiry(reviewed, options));
        let due = match (next, expires) {
            (Some(next), Some(expires)) => Some(next.min(expires)),
            (next, expires) => next.or(expires),
        };
        let days_left = due.map(|due| (due - today).num_days());
        let status = match days_left {
            _ if reviewer.is_none() || reviewed.is_none() => Status::Unreviewed,
            Some(left) if left < 0 => Status::Overdue,
            Some(left) if left <= options.review.warn_before_days => Status::DueSoon,
            _ => Status::Ok,
        };
        let authors: Vec<String> = review.authors.iter().map(shown_person).collect();
        ReviewRow {
            path: path.to_string(),
            title: title.map(str::to_string).filter(|t| !t.trim().is_empty()),
            reviewer: reviewer.map(shown_person),
            reviewer_name: reviewer.map(|person| person.name.clone()),
            author: (!authors.is_empty()).then(|| authors.join("; ")),
            reviewed,
            due,
            days_left,
            status,
        }
    }

    /// Whether `query` names this row's reviewer: the whole name, or some
    /// of its words in order ("Whitfield", "dana whitfield"), ignoring case,
    /// punctuation, titles and credentials.
    pub fn reviewed_by(&self, query: &str) -> bool {
        let Some(name) = &self.reviewer_name else {
            return false;
        };
        let (name, query) = (comparable_name(name), comparable_name(query));
        !query.is_empty() && format!(" {name} ").contains(&format!(" {query} "))
    }
}

/// A person as the calendar shows them: "Dana Whitfield, MD, FAAD".
fn shown_person(person: &Person) -> String {
    let mut shown = person.name.clone();
    for credential in &person.credentials {
        shown.push_str(", ");
        shown.push_str(credential);
    }
    shown
}

/// Orders rows by due date, the most overdue first, articles with no due
/// date last, then by path.
pub fn sort(rows: &mut [ReviewRow]) {
    rows.sort_by(|a, b| by_due(a, b).then_with(|| a.path.cmp(&b.path)));
}

fn by_due(a: &ReviewRow, b: &ReviewRow) -> Ordering {
    match (a.due, b.due) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Which rows to show: `--status` and `--reviewer`.
#[derive(Debug, Clone, Default)]
pub struct RowFilter {
    /// Empty: every status.
    pub statuses: Vec<Status>,
    pub reviewer: Option<String>,
}

impl RowFilter {
    pub fn keeps(&self, row: &ReviewRow) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&row.status))
            && self.reviewer.as_deref().is_none_or(|query| row.reviewed_by(query))
    }
}

/// How many rows have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub overdue: usize,
    pub due_soon: usize,
    pub ok: usize,
    pub unreviewed: usize,
}

impl StatusCounts {
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a ReviewRow>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for row in rows {
            *counts.slot(row.status) += 1;
        }
        counts
    }

    fn slot(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Overdue => &mut self.overdue,
            Status::DueSoon => &mut self.due_soon,
            Status::Ok => &mut self.ok,
            Status::Unreviewed => &mut self.unreviewed,
        }
    }

    pub fn get(&self, status: Status) -> usize {
        let mut counts = *self;
        *counts.slot(status)
    }

    pub fn total(&self) -> usize {
        self.overdue + self.due_soon + self.ok + self.unreviewed
    }

    /// "12 overdue, 30 due within 60 days, 410 ok, 48 unreviewed".
    pub fn line(&self, warn_before_days: i64) -> String {
        format!(
            "{} overdue, {} due within {warn_before_days} days, {} ok, {} unreviewed",
            self.overdue, self.due_soon, self.ok, self.unreviewed
        )
    }
}

/// Rows grouped by reviewer (`--by reviewer`): reviewers by name, the
/// same person however their name is written in one group, and the
/// articles nobody reviews last.
pub fn by_reviewer(rows: &[ReviewRow]) -> Vec<ReviewerGroup<'_>> {
    let mut groups: Vec<ReviewerGroup> = Vec::new();
    for row in rows {
        let key = row.reviewer_name.as_deref().map(comparable_name);
        match groups.iter_mut().find(|group| group.key == key) {
            Some(group) => group.rows.push(row),
            None => groups.push(ReviewerGroup {
                key,
                reviewer: row.reviewer.clone(),
                rows: vec![row],
            }),
        }
    }
    groups.sort_by(|a, b| match (&a.key, &b.key) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    groups
}

/// One reviewer's queue.
#[derive(Debug)]
pub struct ReviewerGroup<'a> {
    key: Option<String>,
    /// The reviewer as the first of their articles names them; `None` for
    /// the articles without a reviewer.
    pub reviewer: Option<String>,
    pub rows: Vec<&'a ReviewRow>,
}

impl ReviewerGroup<'_> {
    pub fn counts(&self) -> StatusCounts {
        StatusCounts::of(self.rows.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, InputFormat, ReviewOptions};

    fn row_of(source: &str) -> ReviewRow {
        let options = Options::new(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let article = Article::read(source, InputFormat::Markdown, &ReviewOptions::default());
        ReviewRow::new(
            "a.md",
            article.title.as_ref().map(|t| t.text.as_str()),
            &article.review,
            &options,
        )
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_recent_review_is_due_after_the_maximum_age() {
        let row = row_of("---\nreviewed_by: Ana Ruiz, MD\nreviewed_on: 2026-09-01\n---\n# Flu\n");
        assert_eq!(row.status, Status::Ok);
        assert_eq!(row.due, date(2028, 9, 1));
        assert_eq!(row.days_left, Some(647));
        assert_eq!(row.reviewer.as_deref(), Some("Ana Ruiz, MD"));
        assert_eq!(row.title.as_deref(), Some("Flu"));
    }

    #[test]
    fn a_stated_next_review_comes_first_when_it_is_earlier() {
        let row =
            row_of("---\nreviewed_by: Ana Ruiz, MD\nreviewed_on: 2026-09-01\nnext_review: 2026-12-01\n---\n# Flu\n");
        assert_eq!(
            (row.status, row.due, row.days_left),
            (Status::DueSoon, date(2026, 12, 1), Some(7))
        );
        // A later one does not put off what the maximum age demands.
        let row =
            row_of("---\nreviewed_by: Ana Ruiz, MD\nreviewed_on: 2024-01-10\nnext_review: 2027-06-01\n---\n# Flu\n");
        assert_eq!((row.status, row.due), (Status::Overdue, date(2026, 1, 10)));
    }

    #[test]
    fn no_reviewer_or_no_date_is_unreviewed() {
        assert_eq!(
            row_of("---\nreviewed_on: 2026-09-01\n---\n# Flu\n").status,
            Status::Unreviewed
        );
        assert_eq!(
            row_of("---\nreviewed_by: Ana Ruiz, MD\n---\n# Flu\n").status,
            Status::Unreviewed
        );
        assert_eq!(
            row_of("---\nreviewed_by: Ana Ruiz, MD\nreviewed_on: 2026-02-30\n---\n# Flu\n").status,
            Status::Unreviewed
        );
    }

    #[test]
    fn the_byline_counts_as_the_rules_read_it() {
        let row = row_of("# Flu\n\n*Medically reviewed by Lee Park | DO on March 3rd, 2025.*\n\nBy Sam Hill\n");
        assert_eq!(row.reviewer.as_deref(), Some("Lee Park, DO"));
        assert_eq!(row.reviewed, date(2025, 3, 3));
        assert_eq!(row.status, Status::Ok);
    }

    #[test]
    fn reviewer_queries_match_words_of_the_name() {
        let row = row_of("---\nreviewed_by: Dr. Dana Whitfield, MD\nreviewed_on: 2026-09-01\n---\n");
        assert!(row.reviewed_by("Whitfield"));
        assert!(row.reviewed_by("dana whitfield"));
        assert!(!row.reviewed_by("Whit"));
        assert!(!row.reviewed_by(""));
    }

    #[test]
    fn rows_sort_by_due_date_with_undated_ones_last() {
        let mut rows = vec![
            row_of("# A\n"),
            row_of("---\nreviewed_by: A B, MD\nreviewed_on: 2026-09-01\n---\n"),
            row_of("---\nreviewed_by: A B, MD\nreviewed_on: 2023-09-01\n---\n"),
        ];
        sort(&mut rows);
        let statuses: Vec<_> = rows.iter().map(|r| r.status).collect();
        assert_eq!(statuses, [Status::Overdue, Status::Ok, Status::Unreviewed]);
    }
}
