//! `dose-exceeds-limit`: a regimen that breaks the article's own maximum.

use std::ops::Range;

use crate::claims::dose::{
    DailyLimit, Population, Regimen, daily_limits, format_amount, population, regimens, same_population,
};
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a dosing instruction that, followed as written, gives more
    /// in a day than the maximum the same article states for the same
    /// medicine and the same people: "take 400 mg every 4 hours" is up to
    /// 2,400 mg a day, against "do not take more than 1,200 mg in 24
    /// hours". Limits in tablets ("no more than 8 tablets in 24 hours")
    /// and in doses ("no more than 4 doses in 24 hours") count the
    /// regimen's tablets ("2 tablets every 4 hours" is 12 tablets a day)
    /// and doses ("every 4 hours" is 6 doses a day). The message shows the
    /// arithmetic and where the limit is.
    ///
    /// Only clear cases count. A regimen and a limit for different people
    /// (children and adults), doses by body weight ("10 mg/kg"), different
    /// medicines, different kinds of unit, and ranges whose lowest reading
    /// ("200-400 mg every 6-8 hours") stays within the limit are left
    /// alone. A limit applies to the regimens of its own section, and to
    /// regimens elsewhere that name the same medicine.
    ///
    /// ## Why is this bad?
    /// Readers follow the dosing line and rarely do the sum. ISMP and the
    /// FDA's over-the-counter labelling rules put the daily maximum next to
    /// the dose precisely so that the two agree; an article whose dose
    /// adds up to more than its own maximum leads readers into an
    /// overdose (acetaminophen overdose is a leading cause of acute liver
    /// failure).
    ///
    /// ## Example
    /// ```markdown
    /// Take 400 mg of ibuprofen every 4 hours as needed.
    /// Do not take more than 1,200 mg in 24 hours.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Take 200 to 400 mg of ibuprofen every 6 to 8 hours as needed.
    /// Do not take more than 1,200 mg in 24 hours.
    /// ```
    pub static DOSE_EXCEEDS_LIMIT = {
        name: "dose-exceeds-limit",
        category: Medication,
        severity: Error,
        check: check,
    };
}

/// A regimen or a limit with where it was found.
struct Found<T> {
    item: T,
    /// The block's text and the heading above, lower-cased: where a
    /// medicine named by the other side may be mentioned.
    surroundings: String,
    span: Range<usize>,
    section: Option<usize>,
    population: Population,
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let mut all_regimens: Vec<Found<Regimen>> = Vec::new();
    let mut all_limits: Vec<Found<DailyLimit>> = Vec::new();
    for (index, block) in article.blocks.iter().enumerate() {
        // Regimens and limits have figures.
        if !block.text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let section = article.section_at(block.span.start);
        let heading = section.map_or("", |s| article.headings[article.sections[s].heading].text.as_str());
        let surroundings = format!("{heading}\n{}", block.text).to_lowercase();
        // A sentence that does not say who it is about is about whom the
        // paragraph's sentence before it was ("Children take 25 mg/kg.
        // The maximum dose is 1,000 mg a day.").
        let mut carried = Population::Unstated;
        for sentence in cx.sentences(index).iter().cloned() {
            let text = &block.text[sentence.clone()];
            let who = match population(text) {
                Population::Unstated => carried,
                stated => stated,
            };
            carried = who;
            let limits = daily_limits(text);
            let shift = |r: &Range<usize>| sentence.start + r.start..sentence.start + r.end;
            for regimen in regimens(text) {
                // A limit's own amount ("no more than 3 g a day") is not a
                // regimen.
                if limits
                    .iter()
                    .any(|l| l.span.start < regimen.span.end && regimen.span.start < l.span.end)
                {
                    continue;
                }
                all_regimens.push(Found {
                    surroundings: surroundings.clone(),
                    span: block.source_span(shift(&regimen.span)),
                    item: regimen,
                    section,
                    population: who,
                });
            }
            for limit in limits {
                all_limits.push(Found {
                    surroundings: surroundings.clone(),
                    span: block.source_span(shift(&limit.span)),
                    item: limit,
                    section,
                    population: who,
                });
            }
        }
    }
    for regimen in &all_regimens {
        // The nearest limit that applies: a paragraph's own limit wins over
        // another medicine's in the same section.
        let nearest = all_limits
            .iter()
            .filter(|limit| applies(regimen, limit))
            .min_by_key(|limit| limit.span.start.abs_diff(regimen.span.start));
        let Some(limit) = nearest else { continue };
        let family = limit.item.family;
        let (Some(least), Some(most)) = (regimen.item.min_daily(family), regimen.item.max_daily(family)) else {
            continue;
        };
        if least <= limit.item.amount + 1e-9 {
            continue;
        }
        let line = 1 + memchr::memchr_iter(b'\n', &article.source.as_bytes()[..limit.span.start]).count();
        let r = &regimen.item;
        let message = format!(
            "{} {} is up to {} a day; line {line} sets the limit at {}",
            r.dose_text,
            r.frequency,
            format_amount(most, family),
            limit.item.written,
        );
        out.emit(regimen.span.clone(), message)
            .label(limit.span.clone(), "the daily maximum is stated here")
            .help(format!(
                "lower the dose or the frequency so that a day's total stays within {}, or correct the limit",
                quoted(&limit.item.written)
            ));
    }
}

/// The limit is about the same medicine and people as the regimen.
fn applies(regimen: &Found<Regimen>, limit: &Found<DailyLimit>) -> bool {
    if regimen.item.per_dose_in(limit.item.family).is_none() || !same_population(regimen.population, limit.population) {
        return false;
    }
    match (&regimen.item.medicine, &limit.item.medicine) {
        (Some(a), Some(b)) if a != b => false,
        (Some(_), Some(_)) => true,
        // A limit for a named medicine holds for a regimen that names
        // none only where the regimen's paragraph or heading names it.
        (None, Some(b)) => regimen.section == limit.section && regimen.surroundings.contains(b.as_str()),
        _ => regimen.section == limit.section,
    }
}
