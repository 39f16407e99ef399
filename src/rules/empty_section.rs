//! `empty-section`: a heading with nothing under it.

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a heading with no content before the next heading of the same
    /// or a higher level. A section that holds only subsections is not empty
    /// as long as one of them has content; an empty subsection is reported
    /// on its own. HTML comments do not count as content. A page with no
    /// headings and no content at all (front matter alone) is reported as
    /// an article with no body.
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
    // A page with no headings and no content: the article itself is the
    // empty section (front matter alone, an empty `<main>`).
    if article.headings.is_empty() && !article.has_content_in(article.body_start..article.source.len()) {
        out.emit(article.top_span(), "article has no body")
            .help("write the article, or remove the page");
    }
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

#[cfg(test)]
mod tests {
    fn messages(source: &str) -> Vec<String> {
        crate::findings_of("empty-section", source)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_page_of_front_matter_alone_has_no_body() {
        assert_eq!(messages("---\ntitle: Flu\n---\n"), ["article has no body"]);
        assert_eq!(
            messages("---\ntitle: Flu\n---\n\n<!-- to write -->\n"),
            ["article has no body"]
        );
        assert!(messages("---\ntitle: Flu\n---\n\nFlu spreads in winter.\n").is_empty());
        assert_eq!(messages("# Flu\n"), ["section \"Flu\" is empty"]);
    }
}
