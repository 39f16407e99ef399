//! `changed-after-review`: the article was updated after its last review.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns when the article's update date is later than its review date:
    /// the text readers see now is not the text that was reviewed. The
    /// update date comes from the front matter (`updated`, `last_updated`,
    /// `lastmod`, `date_modified`, `modified`) or from a byline ("Updated
    /// on September 12, 2026", "Last updated: …", on the byline's line or a
    /// line of its own). The finding points at the update date and labels
    /// the review date.
    ///
    /// ## Why is this bad?
    /// An edit after review can change a dose, a duration or a warning. The
    /// byline still claims a medical review the new text never had.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// reviewed_on: 2026-04-05
    /// updated: 2026-09-12
    /// ---
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// reviewed_on: 2026-09-14
    /// updated: 2026-09-12
    /// ---
    /// ```
    pub static CHANGED_AFTER_REVIEW = {
        name: "changed-after-review",
        category: Review,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let review = &article.review;
    if let (Some(updated), Some(reviewed)) = (&review.updated, review.review_date())
        && let (Ok(u), Ok(r)) = (updated.value, reviewed.value)
        && u > r
    {
        out.emit(
            updated.span.clone(),
            format!("article was updated on {u}, after its last review on {r}"),
        )
        .label(reviewed.span.clone(), "last reviewed here")
        .help("have the changes reviewed and update the review date");
    }
}
