//! `stale-review`: the review is older than the allowed age, or overdue.

use chrono::{Months, NaiveDate};

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a review older than `review.max-age` (24 months by default),
    /// or past its next review date. The next review date is `next_review`
    /// in the front matter, or "Next review due: …" in a byline. The finding
    /// points at the review date, or at the next review date when that is
    /// what has passed.
    ///
    /// ## Why is this bad?
    /// Guidance, doses and evidence change. Publishers promise readers that
    /// medical content is re-reviewed on a schedule; a stale review breaks
    /// that promise.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// reviewed_by: "Marcus Lee, MD"
    /// reviewed_on: 2023-05-14
    /// ---
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// reviewed_by: "Marcus Lee, MD"
    /// reviewed_on: 2026-10-02
    /// ---
    /// ```
    pub static STALE_REVIEW = {
        name: "stale-review",
        category: Review,
        severity: Error,
        check: check,
    };
}

/// The day a review from `reviewed` stops being current.
pub(crate) fn expiry(reviewed: NaiveDate, options: &Options) -> Option<NaiveDate> {
    reviewed.checked_add_months(Months::new(options.review.max_age_months))
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let review = &article.review;
    if let Some(date) = review.review_date()
        && let Ok(reviewed) = date.value
        && reviewed <= options.today
        && let Some(expires) = expiry(reviewed, options)
        && expires < options.today
    {
        out.emit(
            date.span.clone(),
            format!(
                "review from {reviewed} expired on {expires} (max age {} months)",
                options.review.max_age_months
            ),
        )
        .help("have the article reviewed again and update the review date");
        return;
    }
    if let Some(next) = &review.next_review
        && let Ok(due) = next.value
        && due < options.today
    {
        out.emit(
            next.span.clone(),
            format!(
                "next review was due on {due}, {} days ago",
                (options.today - due).num_days()
            ),
        )
        .help("have the article reviewed again and set a new next review date");
    }
}
