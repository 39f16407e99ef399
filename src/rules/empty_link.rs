//! `empty-link`: a link without a destination or without text.

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a link whose destination is empty (or only `#`), and a link
    /// with no text.
    ///
    /// ## Why is this bad?
    /// An empty destination goes nowhere, usually a source someone meant to
    /// add; a link without text is invisible to sighted readers and
    /// meaningless to screen readers.
    ///
    /// ## Example
    /// ```markdown
    /// Most people recover within a week ([source]()). See also [](https://www.nhs.uk).
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Most people recover within a week ([NHS](https://www.nhs.uk/conditions/flu/)).
    /// ```
    pub static EMPTY_LINK = {
        name: "empty-link",
        category: Content,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    for link in &article.links {
        let destination = link.destination.trim();
        if destination.is_empty() || destination == "#" {
            let text = if link.text.is_empty() {
                "link".to_string()
            } else {
                format!("link {}", quoted(&link.text))
            };
            out.emit(link.span.clone(), format!("{text} has no destination"))
                .help("add the address the link should go to, or remove the link");
        } else if link.text.is_empty() {
            out.emit(
                link.span.clone(),
                format!("link to {} has no text", quoted(destination)),
            )
            .help("write link text that says where the link goes");
        }
    }
}
