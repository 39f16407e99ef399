//! `empty-section`: a heading with nothing under it.

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a heading with no content before the next heading of the same
    /// or a higher level. A section that holds only subsections is not empty
    /// as long as one of them has content; an empty subsection is reported
    /// on its own. HTML comments do not count as content.
    ///
    /// ## Why is this bad?
    /// An empty heading ("Related Articles" with nothing below it) is a
    /// leftover from a template or a section someone forgot to write. Readers
    /// see a promise the page does not keep.
    ///
    /// ## Example
    /// ```markdown
    /// ## The Bottom Line
    ///
    /// Peels can refresh the skin when done by a professional.
    ///
    /// ## Related Articles
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## The Bottom Line
    ///
    /// Peels can refresh the skin when done by a professional.
    ///
    /// ## Related Articles
    ///
    /// - [Choosing a sunscreen](sunscreen.md)
    /// ```
    pub static EMPTY_SECTION = {
        name: "empty-section",
        category: Structure,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    for section in &article.sections {
        if section.has_own_content || !section.children.is_empty() {
            continue;
        }
        let heading = &article.headings[section.heading];
        let message = if heading.text.is_empty() {
            "heading has no text and no content".to_string()
        } else {
            format!("section {} is empty", quoted(&heading.text))
        };
        out.emit(heading.span.clone(), message)
            .help("add content under this heading or remove the heading");
    }
}
