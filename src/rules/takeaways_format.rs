//! `takeaways-format`: takeaways as a list of 2 to 8 non-empty items.

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Checks the key takeaways section: it should be a list of 2 to 8
    /// items, none of them empty. Warns when the takeaways are prose instead
    /// of a list, when the list is too short or too long, and at each empty
    /// item.
    ///
    /// ## Why is this bad?
    /// Takeaways are for skimming. One point is not a summary, a dozen is
    /// not a glance, and an empty bullet looks like a point someone forgot.
    ///
    /// ## Example
    /// ```markdown
    /// ## Key Takeaways
    ///
    /// Peels remove the outer layer of skin and need some recovery time.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## Key Takeaways
    ///
    /// - Peels remove the outer layer of skin
    /// - Deeper peels need 1-2 weeks of recovery
    /// ```
    pub static TAKEAWAYS_FORMAT = {
        name: "takeaways-format",
        category: Structure,
        severity: Warning,
        check: check,
    };
}

const MIN_ITEMS: usize = 2;
const MAX_ITEMS: usize = 8;

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let Some(index) = cx.find_section(options, "takeaways") else {
        return;
    };
    let section = &article.sections[index];
    let heading = &article.headings[section.heading];
    let lists: Vec<_> = article
        .lists
        .iter()
        .filter(|l| l.depth == 0 && section.own_body.contains(&l.span.start))
        .collect();
    if lists.is_empty() {
        if section.has_own_content {
            out.emit(
                heading.span.clone(),
                format!("takeaways under {} are not a list", quoted(&heading.text)),
            )
            .help("write the takeaways as a bulleted list of short points");
        }
        return;
    }
    let items: Vec<_> = lists.iter().flat_map(|l| &l.items).collect();
    let count = items.len();
    if count < MIN_ITEMS {
        out.emit(
            heading.span.clone(),
            format!("takeaways list has {count} item; give at least {MIN_ITEMS}"),
        )
        .help("sum up the article in two to eight short points");
    } else if count > MAX_ITEMS {
        out.emit(
            heading.span.clone(),
            format!("takeaways list has {count} items; keep it to {MAX_ITEMS} or fewer"),
        )
        .help("keep only the points a reader must not miss");
    }
    for item in items.iter().filter(|i| i.blank) {
        out.emit(item.span.clone(), "takeaway item is empty")
            .help("write the point or remove the bullet");
    }
}
