//! `missing-review-date`: the review has no date.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports an article with no review date, in the front matter or in a
    /// byline. Front matter keys: `reviewed_on`, `reviewed`,
    /// `last_reviewed`, `review_date`, `medically_reviewed_on`. Bylines:
    /// "Medically reviewed by … on January 22, 2026", "Reviewed by Ana
    /// Ruiz, MD — January 22, 2026", "Last reviewed: …", "Date of last
    /// review: …", "Page last reviewed: …". An update or publish date is
    /// not a review date. The finding points at the reviewer, or at the
    /// title when there is none.
    ///
    /// ## Why is this bad?
    /// Medical advice changes. Without a date, neither readers nor editors can
    /// tell whether the review still stands, and medlint cannot tell when it
    /// goes stale.
    ///
    /// ## Example
    /// ```markdown
    /// *Medically reviewed by Marcus Lee, MD*
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// *Medically reviewed by Marcus Lee, MD on April 5, 2026*
    /// ```
    pub static MISSING_REVIEW_DATE = {
        name: "missing-review-date",
        category: Review,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let review = &article.review;
    if review.review_date().is_some() {
        return;
    }
    match review.reviewer() {
        Some(reviewer) => {
            out.emit(
                reviewer.span.clone(),
                format!("review by \"{}\" has no date", reviewer.name),
            )
            .help("add `reviewed_on: YYYY-MM-DD` to the front matter, or \"on DATE\" to the byline");
        }
        None => {
            out.emit(article.top_span(), "article has no review date")
                .help("add `reviewed_on: YYYY-MM-DD` to the front matter once the article is reviewed");
        }
    }
}
