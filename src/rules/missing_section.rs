//! `missing-section`: a required section is absent.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Checks that the article has every required section: by default key
    /// takeaways, an FAQ and a bottom line. A heading counts when, ignoring
    /// case and punctuation, it equals one of the section's aliases or holds
    /// one as whole words ("Microneedling FAQs" is an FAQ).
    ///
    /// Default aliases: takeaways `Key Takeaways`, `Takeaways`, `Key Points`,
    /// `At a Glance`; FAQ `Frequently Asked Questions`, `FAQ`, `FAQs`,
    /// `Common Questions`; bottom line `The Bottom Line`, `Bottom Line`,
    /// `Conclusion`, `Summary`, `In Summary`.
    ///
    /// ## Why is this bad?
    /// Readers skim health articles. The takeaways, the answers to common
    /// questions and the bottom line are where most of them find what they
    /// came for; an article without them is incomplete.
    ///
    /// ## Example
    /// ```markdown
    /// # Chemical Peels
    ///
    /// ## Key Takeaways
    ///
    /// - Peels remove the outer layer of skin
    /// - Deeper peels need longer recovery
    ///
    /// ## How Peels Work
    ///
    /// An acid solution is applied to the skin.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// # Chemical Peels
    ///
    /// ## Key Takeaways
    ///
    /// - Peels remove the outer layer of skin
    /// - Deeper peels need longer recovery
    ///
    /// ## How Peels Work
    ///
    /// An acid solution is applied to the skin.
    ///
    /// ## Frequently Asked Questions
    ///
    /// ### Does a peel hurt?
    ///
    /// Most people feel mild stinging.
    ///
    /// ## The Bottom Line
    ///
    /// Peels can refresh the skin when done by a professional.
    /// ```
    pub static MISSING_SECTION = {
        name: "missing-section",
        category: Structure,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let headings: Vec<&str> = (0..article.headings.len())
        .map(|i| article.normalized_heading(i))
        .collect();
    let anchor = article.top_span();
    for required in &options.sections {
        if headings.iter().any(|h| required.matches(h)) {
            continue;
        }
        out.emit(anchor.clone(), required.missing_message.clone())
            .help(required.missing_help.clone());
    }
}
