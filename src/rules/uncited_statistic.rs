//! `uncited-statistic`: a finding stated as a number, with no source.

use std::sync::LazyLock;

use regex::Regex;

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns about a percentage or rate stated as a finding ("87% of
    /// patients", "1 in 4 adults", "1 in 20 hernias", "about 1 in 100", "twice as likely", "a 30% lower risk",
    /// "reduces wrinkles by 40%", "95% effective") in a paragraph, list
    /// item or quote that has no link and no footnote. Prices and discounts
    /// ("20% off"), shares of a cost ("you pay 20% of the bill") and
    /// figures in tables are not statistics.
    ///
    /// ## Why is this bad?
    /// Numbers persuade. A statistic without a source cannot be checked,
    /// and invented or misremembered figures spread from article to
    /// article.
    ///
    /// ## Example
    /// ```markdown
    /// Microneedling improves acne scars in 87% of patients.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Microneedling improved acne scars in most patients in a small trial ([Alster 2018](https://example.org/alster-2018)).
    /// ```
    pub static UNCITED_STATISTIC = {
        name: "uncited-statistic",
        category: Claims,
        severity: Warning,
        check: check,
    };
}

static STATISTIC: LazyLock<Regex> = LazyLock::new(|| {
    let population = r"(?:people|patients|adults|children|kids|teens|teenagers|women|men|users|participants|americans|britons|cases|smokers|seniors|respondents|babies|infants|students|workers|deaths|subjects|volunteers|individuals|households|pregnancies|births|those|survivors|sufferers|parents|mothers|veterans)";
    let number = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)";
    crate::pattern::regex(&format!(
        concat!(
            r"(?i)\b\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+of\s+(?:all\s+|the\s+)?(?:\w+\s+){{0,2}}?{pop}\b",
            // "1 in 20 hernias", "(about 1 in 100)": a rate whatever follows,
            // unless it is a time ("2 in 24 hours": a dose) — see `check`.
            r"|\b{num}\s+(?:in|out\s+of)\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|a\s+thousand)\b",
            r"|\b(?:twice|three\s+times|four\s+times|five\s+times|\d+(?:\.\d+)?\s?(?:x|times))\s+(?:as|more|less)\s+likely\b",
            r"|\b\d+(?:\.\d+)?\s?(?:%|percent)\s+(?:lower|higher|greater|reduced|increased|less|more)\s+(?:risk|chance|odds|likelihood|mortality)\b",
            r"|\b(?:reduces?|reduced|lowers?|lowered|cuts?|increases?|increased|raises?|raised|improves?|improved|boosts?|boosted)\b[^.;]{{0,30}}?\bby\s+(?:up\s+to\s+|about\s+|around\s+)?\d+(?:\.\d+)?\s?(?:%|percent)",
            r"|\b\d+(?:\.\d+)?\s?(?:%|percent)\s+(?:success\s+rate|effective|effectiveness|efficacy|improvement|satisfaction|reduction|cure\s+rate|response\s+rate|accurate|accuracy)\b",
        ),
        pop = population,
        num = number,
    ))
});

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    for block in article.blocks.iter().filter(|b| b.kind.is_prose()) {
        if block.has_citation {
            continue;
        }
        for found in STATISTIC.find_iter(&block.text) {
            if is_time_or_dose(&block.text[found.end()..]) {
                continue;
            }
            out.emit(
                block.source_span(found.range()),
                format!("statistic {} has no source in its paragraph", quoted(found.as_str())),
            )
            .help("link the study or add a footnote in the same paragraph");
        }
    }
}

/// "N in M" followed by a unit of time or a count of doses ("8 in 24
/// hours", "2 in 3 days") is a schedule, not a rate.
fn is_time_or_dose(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        next.as_str(),
        "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
    )
}
