//! `missing-reviewer`: nobody is named as the medical reviewer.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports an article that names no medical reviewer, neither in the
    /// front matter (`reviewed_by`, `reviewer`, `medical_reviewer`,
    /// `medically_reviewed_by`) nor in a byline such as "Medically reviewed
    /// by Ana Ruiz, MD on January 22, 2026".
    ///
    /// ## Why is this bad?
    /// Readers act on health articles. A named, qualified reviewer is how a
    /// publisher shows that someone accountable checked the medicine.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Chemical Peels
    /// author: Lena Okafor
    /// ---
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// title: Chemical Peels
    /// author: Lena Okafor
    /// reviewed_by: "Marcus Lee, MD, FAAD"
    /// reviewed_on: 2026-04-05
    /// ---
    /// ```
    pub static MISSING_REVIEWER = {
        name: "missing-reviewer",
        category: Review,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    if article.review.reviewer().is_none() {
        out.emit(article.top_span(), "article names no medical reviewer").help(
            "add `reviewed_by` to the front matter, or a byline \"Medically reviewed by NAME, CREDENTIAL on DATE\"",
        );
    }
}
