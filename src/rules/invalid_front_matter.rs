//! `invalid-front-matter`: front matter (or an HTML page's schema.org
//! JSON-LD) that does not parse.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports front matter that does not parse: YAML (`---`) or TOML (`+++`)
    /// with a syntax error, duplicate keys, or a block that is never closed.
    /// In an HTML page, its counterpart: a `<script type="application/ld+json">`
    /// whose schema.org JSON does not parse. The diagnostic points at the
    /// fault; the rest of the page is still checked.
    ///
    /// ## Why is this bad?
    /// The reviewer, review date and title live in the front matter. When it
    /// does not parse, the publishing system may drop all of them, and
    /// medlint cannot check the review.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Chemical Peels
    /// reviewed_by: [Dr Ana Ruiz, MD
    /// ---
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// title: Chemical Peels
    /// reviewed_by: "Dr Ana Ruiz, MD"
    /// ---
    /// ```
    pub static INVALID_FRONT_MATTER = {
        name: "invalid-front-matter",
        category: Input,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    if let Some(error) = &article.front_matter_error {
        out.emit(error.span.clone(), error.message.clone())
            .help("fix the front matter so that it parses; until then its fields are ignored");
    }
    for error in &article.page_data_errors {
        out.emit(error.span.clone(), error.message.clone())
            .help("fix the JSON so that it parses; until then search engines and medlint ignore its review data");
    }
}
