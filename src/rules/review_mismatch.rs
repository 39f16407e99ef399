//! `review-mismatch`: front matter and byline disagree about the review.

use crate::article::review::comparable_name;
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports an article whose front matter and review byline name
    /// different reviewers, or give different review dates. Names are
    /// compared without credentials, titles, case and punctuation; dates by
    /// the day they name, whatever the format.
    ///
    /// ## Why is this bad?
    /// Readers see the byline; search engines and the CMS read the front
    /// matter. When they disagree, one of them is wrong, and the page makes
    /// two different promises about who checked it and when.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// reviewed_by: "Marcus Lee, MD"
    /// reviewed_on: 2026-04-05
    /// ---
    ///
    /// *Medically reviewed by Marcus Lee, MD on May 4, 2026*
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// reviewed_by: "Marcus Lee, MD"
    /// reviewed_on: 2026-04-05
    /// ---
    ///
    /// *Medically reviewed by Marcus Lee, MD on April 5, 2026*
    /// ```
    pub static REVIEW_MISMATCH = {
        name: "review-mismatch",
        category: Review,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let review = &article.review;
    if let (Some(front), Some(byline)) = (&review.fm_reviewer, &review.byline_reviewer) {
        let (a, b) = (comparable_name(&front.name), comparable_name(&byline.name));
        if !a.is_empty() && !b.is_empty() && a != b {
            out.emit(
                byline.span.clone(),
                format!(
                    "byline names reviewer {} but the front matter names {}",
                    quoted(&byline.name),
                    quoted(&front.name)
                ),
            )
            .label(front.span.clone(), "front matter reviewer")
            .help("make the byline and the front matter name the same reviewer");
        }
    }
    if let (Some(front), Some(byline)) = (&review.fm_review_date, &review.byline_review_date)
        && let (Ok(a), Ok(b)) = (front.value, byline.value)
        && a != b
    {
        out.emit(
            byline.span.clone(),
            format!("byline gives review date {b} but the front matter gives {a}"),
        )
        .label(front.span.clone(), "front matter review date")
        .help("make the byline and the front matter give the same review date");
    }
}
