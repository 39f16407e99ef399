//! `review-due-soon`: the review expires within the warning window.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;
use crate::rules::stale_review::expiry;

declare_rule! {
    /// ## What it does
    /// Warns when the review expires within `review.warn-before` (60 days by
    /// default). It expires when its age reaches `review.max-age`, or when
    /// the next review date (`next_review`, "Next review due: …") comes up.
    /// The finding points at the date that decides it.
    ///
    /// ## Why is this bad?
    /// A review takes time to schedule. A warning ahead of expiry lets
    /// editors book the reviewer before the article goes stale.
    ///
    /// ## Example
    /// With today 2026-11-24 and the default 24 months:
    /// ```markdown
    /// ---
    /// reviewed_on: 2024-12-15
    /// ---
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// reviewed_on: 2026-11-20
    /// ---
    /// ```
    pub static REVIEW_DUE_SOON = {
        name: "review-due-soon",
        category: Review,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let review = &article.review;
    let window = options.review.warn_before_days;
    let within = |day: chrono::NaiveDate| {
        let left = (day - options.today).num_days();
        (0..=window).contains(&left).then_some(left)
    };
    if let Some(date) = review.review_date()
        && let Ok(reviewed) = date.value
        && reviewed <= options.today
        && let Some(expires) = expiry(reviewed, options)
        && let Some(left) = within(expires)
    {
        out.emit(
            date.span.clone(),
            format!("review from {reviewed} expires on {expires}, in {left} days"),
        )
        .help("schedule the next medical review now");
        return;
    }
    if let Some(next) = &review.next_review
        && let Ok(due) = next.value
        && let Some(left) = within(due)
    {
        out.emit(
            next.span.clone(),
            format!("next review is due on {due}, in {left} days"),
        )
        .help("schedule the next medical review now");
    }
}
