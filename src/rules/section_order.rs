//! `section-order`: takeaways first, bottom line last.

use crate::context::Context;
use crate::context::SectionRole;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns when the key takeaways do not come before the first body
    /// section, or when the bottom line is not the last content section.
    /// References, sources, related articles and disclaimers may follow the
    /// bottom line.
    ///
    /// ## Why is this bad?
    /// Readers expect the summary at the top and the conclusion at the end.
    /// Takeaways buried mid-article, or an FAQ after the bottom line, break
    /// the shape readers rely on to skim.
    ///
    /// ## Example
    /// ```markdown
    /// ## How Peels Work
    /// ## Key Takeaways
    /// ## The Bottom Line
    /// ## Frequently Asked Questions
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## Key Takeaways
    /// ## How Peels Work
    /// ## Frequently Asked Questions
    /// ## The Bottom Line
    /// ## References
    /// ```
    pub static SECTION_ORDER = {
        name: "section-order",
        category: Structure,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let top = cx.top_sections(options);
    let heading = |index: usize| &article.headings[article.sections[index].heading];
    let first_body = top.iter().position(|&(_, role)| role == SectionRole::Body);
    if let Some(takeaways) = top.iter().position(|&(_, role)| role == SectionRole::Takeaways)
        && let Some(body) = first_body
        && takeaways > body
    {
        let (t, b) = (top[takeaways].0, top[body].0);
        out.emit(
            heading(t).span.clone(),
            format!(
                "{} comes after the body section {}",
                quoted(&heading(t).text),
                quoted(&heading(b).text)
            ),
        )
        .label(heading(b).span.clone(), "first body section")
        .help("move the takeaways above the first body section");
    }
    if let Some(bottom) = top.iter().position(|&(_, role)| role == SectionRole::BottomLine)
        && let Some(&(after, _)) = top[bottom + 1..]
            .iter()
            .find(|&&(_, role)| role != SectionRole::Trailing)
    {
        let b = top[bottom].0;
        out.emit(
            heading(b).span.clone(),
            format!("{} is not the last content section", quoted(&heading(b).text)),
        )
        .label(heading(after).span.clone(), "this section follows it")
        .help("end the article with the bottom line; only references, related articles and disclaimers follow it");
    }
}
