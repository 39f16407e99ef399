//! `missing-references`: nothing backs the article's claims.

use crate::article::text::starts_with_ignoring_ascii_case;
use crate::context::Context;
use crate::context::is_reference_heading;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns when an article has no References (or Sources, Citations,
    /// Bibliography, Works Cited) section, no footnotes and no outbound
    /// links (`http://` or `https://`) to cite.
    ///
    /// ## Why is this bad?
    /// Health claims need sources readers and reviewers can check. An
    /// article that cites nothing asks to be taken on trust.
    ///
    /// ## Example
    /// ```markdown
    /// ## The Bottom Line
    ///
    /// Sunscreen lowers the risk of skin cancer.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## The Bottom Line
    ///
    /// Sunscreen lowers the risk of skin cancer.
    ///
    /// ## References
    ///
    /// 1. [Sun protection](https://www.aad.org/public/everyday-care/sun-protection), American Academy of Dermatology.
    /// ```
    pub static MISSING_REFERENCES = {
        name: "missing-references",
        category: Content,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let has_heading = article.normalized_headings.iter().any(|h| is_reference_heading(h));
    let has_outbound = article.links.iter().any(|l| {
        let d = l.destination.trim_start();
        starts_with_ignoring_ascii_case(d, "https://") || starts_with_ignoring_ascii_case(d, "http://")
    });
    if !has_heading && !has_outbound && article.footnotes.is_empty() {
        out.emit(
            article.top_span(),
            "article has no references section and no outbound citation links",
        )
        .help("add a \"References\" section that links to the sources behind the article's claims");
    }
}

#[cfg(test)]
mod tests {
    fn flagged(source: &str) -> bool {
        !crate::findings_of("missing-references", source).is_empty()
    }

    #[test]
    fn any_outbound_web_link_is_a_citation_whatever_its_case() {
        assert!(!flagged("# T\n\nSee [a study](HTTPS://example.org/a).\n"));
        assert!(!flagged("# T\n\nSee [a study](<  Http://example.org/a>).\n"));
        assert!(flagged(
            "# T\n\nSee [our page](/guides/a) or [mail us](mailto:a@example.org).\n"
        ));
        assert!(flagged("# T\n\nSee [a study](https:/example.org).\n"));
    }
}
