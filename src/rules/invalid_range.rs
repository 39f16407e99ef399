//! `invalid-range`: a range written high to low.

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a range whose first value is larger than its second, such as
    /// "60-15 minutes" or "between 8 and 2 weeks".
    ///
    /// ## Why is this bad?
    /// A backwards range is usually a typo in a figure a reader will act on:
    /// nobody can tell whether "60-15 minutes" meant 15-60 or 6-15.
    ///
    /// ## Example
    /// ```markdown
    /// The procedure takes 60-15 minutes.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The procedure takes 15-60 minutes.
    /// ```
    pub static INVALID_RANGE = {
        name: "invalid-range",
        category: Claims,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    for q in cx.quantities(options).iter() {
        if q.reading.is_reversed() {
            out.emit(
                q.span.clone(),
                format!("range {} runs from high to low", quoted(&q.text)),
            )
            .help("write the smaller value first, and check that both figures are right");
        }
    }
}
