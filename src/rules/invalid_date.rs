//! `invalid-date`: a date that cannot be read or does not exist.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a review, publish, update or next-review date, in the front
    /// matter or in a byline, that cannot be read or names a day that does
    /// not exist (February 30). Accepted forms: `2026-01-22`, `January
    /// 22nd, 2026`, `Jan 22, 2026`, `22 January 2026`, `Tuesday, March 3,
    /// 2026`, `2026/01/22`, native YAML/TOML dates, and numeric day and
    /// month (`01/22/2026`, `13/03/2025`, `3/3/2026`). A numeric date is
    /// ambiguous only when both readings are real days and differ
    /// (`03/04/2026`): then `dates.order` ("mdy" or "dmy") decides, and
    /// without it the finding names both days it could be. The finding
    /// points at the date.
    ///
    /// ## Why is this bad?
    /// A date nobody can read is no date at all: the publishing system may
    /// drop it, and freshness checks cannot run.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// reviewed_on: 2026-02-30
    /// updated: 2018-10-6
    /// ---
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// reviewed_on: 2026-02-28
    /// updated: 2018-10-06
    /// ---
    /// ```
    pub static INVALID_DATE = {
        name: "invalid-date",
        category: Review,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    for date in article.review.dates() {
        if let Err(error) = &date.value {
            out.emit(
                date.span.clone(),
                format!("{} \"{}\" {}", date.field.noun(), date.raw, error.describe()),
            )
            .help(error.help());
        }
    }
}
