//! `review-mismatch`: the declared review (front matter, or an HTML page's
//! schema.org JSON-LD or meta tags) and the byline disagree.

use crate::article::review::{Origin, comparable_name, same_name};
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports an article whose front matter and review byline name
    /// different reviewers, or give different review dates. In an HTML page
    /// the declared review comes from its schema.org JSON-LD (`reviewedBy`,
    /// `lastReviewed`) or `<meta>` tags when there is no front matter.
    /// Names are compared without credentials, titles, case, punctuation
    /// and middle initials ("Dr. Lee Park" in the front matter and "Lee J.
    /// Park, MD" in the byline are one reviewer); dates by the day they
    /// name, whatever the format. The finding points at the byline's
    /// reviewer or date.
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

/// What messages call the place a declared value came from.
fn place(origin: &Origin) -> &'static str {
    match origin {
        Origin::SchemaOrg(_) => "schema.org data",
        Origin::MetaTag(_) => "meta tags",
        Origin::FrontMatter(_) | Origin::Byline => "front matter",
    }
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let review = &article.review;
    if let (Some(front), Some(byline)) = (&review.fm_reviewer, &review.byline_reviewer) {
        let named = |name: &str| !comparable_name(name).is_empty();
        let place = place(&front.origin);
        if named(&front.name) && named(&byline.name) && !same_name(&front.name, &byline.name) {
            out.emit(
                byline.span.clone(),
                format!(
                    "byline names reviewer {} but the {place} names {}",
                    quoted(&byline.name),
                    quoted(&front.name)
                ),
            )
            .label(front.span.clone(), format!("{place} reviewer"))
            .help(format!("make the byline and the {place} name the same reviewer"));
        }
    }
    if let (Some(front), Some(byline)) = (&review.fm_review_date, &review.byline_review_date)
        && let (Ok(a), Ok(b)) = (front.value, byline.value)
        && a != b
    {
        let place = place(&front.origin);
        out.emit(
            byline.span.clone(),
            format!("byline gives review date {b} but the {place} gives {a}"),
        )
        .label(front.span.clone(), format!("{place} review date"))
        .help(format!("make the byline and the {place} give the same review date"));
    }
}
