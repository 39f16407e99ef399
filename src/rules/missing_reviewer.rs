//! `missing-reviewer`: nobody is named as the medical reviewer.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports an article that names no medical reviewer, in the front
    /// matter or in a byline. Front matter keys: `reviewed_by`, `reviewer`,
    /// `medical_reviewer`, `medically_reviewed_by`. Bylines: "Medically
    /// reviewed by Ana Ruiz, MD on January 22, 2026", "Written by Sam Ortiz | Reviewed by
    /// Ana Ruiz, MD", "Medical Reviewer: Ana Ruiz, MD", "Clinically reviewed
    /// by:" with the name on the next line, or a stamp at the foot of the
    /// page ("Last reviewed by Ana Ruiz, MD, on …"). Bylines are read under
    /// the title (before the first section) and in the article's last
    /// paragraphs. A fact checker is not a medical reviewer, and neither is
    /// a review date alone ("Page last reviewed: …"). The finding points at
    /// the title.
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
