//! `future-date`: a review, publish or update date after today.

use crate::article::review::Field;
use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a review, publish or update date that lies after today. Today
    /// is `--today`, else `MEDLINT_TODAY`, else the local date. The next
    /// review date is meant to be in the future and is not checked here.
    /// Dates come from the front matter and from bylines ("Published
    /// January 5, 2027"); the finding points at the date.
    ///
    /// ## Why is this bad?
    /// A review dated next month has not happened. Future dates are usually
    /// typos (2062 for 2026) or a review that was planned and never done.
    ///
    /// ## Example
    /// ```markdown
    /// *Medically reviewed by Marcus Lee, MD on April 5, 2062*
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// *Medically reviewed by Marcus Lee, MD on April 5, 2026*
    /// ```
    pub static FUTURE_DATE = {
        name: "future-date",
        category: Review,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    for date in article.review.dates() {
        if date.field == Field::NextReview {
            continue;
        }
        if let Ok(value) = date.value
            && value > options.today
        {
            out.emit(
                date.span.clone(),
                format!(
                    "{} {value} is in the future (today is {})",
                    date.field.noun(),
                    options.today
                ),
            )
            .help("correct the date; a review or update can only be dated once it has happened");
        }
    }
}
