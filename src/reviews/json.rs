//! `--format json`: `{"articles": [...]}`, or with `--by reviewer`
//! `{"reviewers": [{"reviewer", "counts", "articles"}]}`. Dates are
//! `YYYY-MM-DD`; what an article does not state is `null`.

use serde::Serialize;

use crate::reviews::{ReviewRow, StatusCounts, by_reviewer};

#[derive(Serialize)]
pub struct ArticleEntry<'a> {
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub reviewer: Option<&'a str>,
    pub author: Option<&'a str>,
    pub reviewed: Option<String>,
    pub next_review: Option<String>,
    pub days_left: Option<i64>,
    pub status: &'static str,
}

impl<'a> From<&'a ReviewRow> for ArticleEntry<'a> {
    fn from(row: &'a ReviewRow) -> Self {
        ArticleEntry {
            path: &row.path,
            title: row.title.as_deref(),
            reviewer: row.reviewer.as_deref(),
            author: row.author.as_deref(),
            reviewed: row.reviewed.map(|d| d.to_string()),
            next_review: row.due.map(|d| d.to_string()),
            days_left: row.days_left,
            status: row.status.as_str(),
        }
    }
}

#[derive(Serialize)]
struct Counts {
    overdue: usize,
    due_soon: usize,
    ok: usize,
    unreviewed: usize,
}

impl From<StatusCounts> for Counts {
    fn from(counts: StatusCounts) -> Self {
        Counts {
            overdue: counts.overdue,
            due_soon: counts.due_soon,
            ok: counts.ok,
            unreviewed: counts.unreviewed,
        }
    }
}

#[derive(Serialize)]
struct Articles<'a> {
    summary: Counts,
    articles: Vec<ArticleEntry<'a>>,
}

#[derive(Serialize)]
struct Group<'a> {
    reviewer: Option<&'a str>,
    counts: Counts,
    articles: Vec<ArticleEntry<'a>>,
}

#[derive(Serialize)]
struct Reviewers<'a> {
    summary: Counts,
    reviewers: Vec<Group<'a>>,
}

pub fn render(rows: &[ReviewRow], grouped: bool) -> String {
    let summary = StatusCounts::of(rows).into();
    let mut text = if grouped {
        let groups = by_reviewer(rows);
        let reviewers = groups
            .iter()
            .map(|group| Group {
                reviewer: group.reviewer.as_deref(),
                counts: group.counts().into(),
                articles: group.rows.iter().map(|row| ArticleEntry::from(*row)).collect(),
            })
            .collect();
        serde_json::to_string_pretty(&Reviewers { summary, reviewers })
    } else {
        let articles = rows.iter().map(ArticleEntry::from).collect();
        serde_json::to_string_pretty(&Articles { summary, articles })
    }
    .expect("review rows serialize");
    text.push('\n');
    text
}
