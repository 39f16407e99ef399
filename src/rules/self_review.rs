//! `self-review`: the author reviewed their own article.

use crate::article::review::{comparable_name, same_name};
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns when the medical reviewer is also an author. Both may be named
    /// anywhere: front matter, a "By" line, "Written and medically reviewed
    /// by …". Names are compared without credentials, titles ("Dr",
    /// "Prof"), case, punctuation and middle initials. The finding points at
    /// the reviewer. Set `review.allow-self-review = true` to allow it.
    ///
    /// ## Why is this bad?
    /// A medical review is a second pair of eyes. An author reviewing their
    /// own work is not independent, however qualified.
    ///
    /// ## Example
    /// ```markdown
    /// By Dana Whitfield | MD
    ///
    /// *Medically reviewed by Dr. Dana Whitfield, MD on March 3, 2026.*
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// By Dana Whitfield | MD
    ///
    /// *Medically reviewed by Omar Haddad, MD, FAAD on March 3, 2026.*
    /// ```
    pub static SELF_REVIEW = {
        name: "self-review",
        category: Review,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    if options.review.allow_self_review {
        return;
    }
    let Some(reviewer) = article.review.reviewer() else {
        return;
    };
    if comparable_name(&reviewer.name).is_empty() {
        return;
    }
    if let Some(author) = article
        .review
        .authors
        .iter()
        .find(|a| same_name(&a.name, &reviewer.name))
    {
        out.emit(
            reviewer.span.clone(),
            format!("{} reviewed an article they wrote", quoted(&reviewer.name)),
        )
        .label(author.span.clone(), "named as the author here")
        .help("have someone other than the author do the medical review");
    }
}
