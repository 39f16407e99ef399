//! `inconsistent-number`: the same quantity stated with conflicting values.

use crate::claims::compare::{Relation, disagreements};
use crate::claims::units::Dimension;
use crate::claims::{Quantities, Quantity};
use crate::context::Context;
use crate::diagnostic::{Emitter, Severity, quoted};
use crate::line_index::LineIndex;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Finds every figure in the article (durations, ages, how often,
    /// doses, volumes, percentages and proportions such as "1 in 5",
    /// counts of things such as sessions) and frames what each one is
    /// about: the words of its clause, and its context (a table cell's row
    /// label and column header, a list item's lead-in, the heading above),
    /// each weighted by how near it is and how rare it is in the article;
    /// and its facets: the group of people ("children", "adults",
    /// "pregnant"), the version of a treatment ("keyhole", "open", "light
    /// peel", "modified-release") and the aspect ("starts working", "lasts",
    /// "maximum"). Two statements are compared when their measure matches
    /// (units are converted: "1-2 hours" is "60 to 120 minutes", "every 4
    /// hours" is "6 times a day", "1 in 5" is "20%"), their facets agree,
    /// and their frames say they are about the same thing; within a section
    /// as well as across sections, but never alternatives in one clause
    /// ("30 days if …, 60 days if …"), rows of one table or items of one
    /// list, and never a table cell against a statement that names another
    /// row or column of its table and not its own.
    ///
    /// It is an error when the two cannot both be true ("2-3 treatments"
    /// and "6-8 treatments"; "at least 6 weeks" and "from 4 weeks"; "no
    /// more than 4 doses" and "up to 5 doses a day"), and a warning when
    /// both are ranges whose ends differ ("15-60 minutes" and "45 to 90
    /// minutes"). Bounds keep their meaning: "fewer than 10" excludes 10,
    /// "within 72 hours" agrees with "2-3 days", and a figure inside a
    /// range agrees with it. Doses are compared per medicine (a listed
    /// medicine or its brand, or one the article gives a dose of: "500 mg
    /// of metformin") and per case: a dose for a special group (older
    /// adults, kidney disease), for another condition, or a starting or
    /// loading dose is never compared with the usual dose. Vague amounts ("several months"), dates,
    /// years, phone numbers, prices and identifiers ("type 2", "SPF 30",
    /// "a 3-year-old") are not compared.
    ///
    /// The cue words live in a data file that `[claims]` in medlint.toml
    /// extends, for a publisher's own groups, versions and synonyms:
    ///
    /// ```toml
    /// [claims.variants]
    /// gel = ["gel", "gels"]
    /// [claims.synonyms]
    /// work = ["shift", "rota"]
    /// [claims.medicines]
    /// paracetamol = ["paracetamol", "panadol"]
    /// ```
    ///
    /// ## Why is this bad?
    /// A patient who reads "takes 15-60 minutes" in the takeaways and
    /// "between 45 and 90 minutes" in the body cannot know which is right,
    /// and may plan around the wrong one.
    ///
    /// ## Example
    /// ```markdown
    /// - Most people need 2-3 treatments
    ///
    /// ### How many treatments will I need?
    ///
    /// Most people need 6-8 treatments, spaced a month apart.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// - Most people need 3-6 treatments
    ///
    /// ### How many treatments will I need?
    ///
    /// Most people need 3-6 treatments, spaced a month apart.
    /// ```
    pub static INCONSISTENT_NUMBER = {
        name: "inconsistent-number",
        category: Claims,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let quantities = cx.quantities(options);
    let article = &cx.article;
    let found = disagreements(quantities);
    // Built only for articles with findings, once: counting lines from the
    // top for each finding was quadratic in an article full of them.
    let lines = (!found.is_empty()).then(|| LineIndex::new(article.source));
    for found in found {
        let (a, b) = (&quantities[found.earlier], &quantities[found.later]);
        let verb = match found.relation {
            Relation::Conflict => "contradicts",
            _ => "differs from",
        };
        let line = 1 + lines.as_ref().map_or(0, |index| index.line_of(a.span.start));
        let place = match a.section.map(|s| &article.headings[article.sections[s].heading].text) {
            Some(heading) if !heading.is_empty() => format!("{}, line {line}", quoted(heading)),
            _ => format!("line {line}"),
        };
        let message = format!(
            "{}: {} {verb} {} ({place})",
            topic(quantities, a, b),
            quoted(&b.text),
            quoted(&a.text)
        );
        let severity = match found.relation {
            Relation::Conflict => out.severity(),
            _ => out.severity().min(Severity::Warning),
        };
        let diagnostic = out.emit(b.span.clone(), message);
        diagnostic.severity = severity;
        diagnostic
            .label(a.span.clone(), "stated here")
            .help("give the same figure in both places, or say why they differ");
    }
}

/// Stems of words that say how or how often, not what: "amount (time)"
/// for "three times a day" names nothing.
const SAYS_NOTHING: &[&str] = &[
    "time", "day", "daili", "hour", "week", "take", "taken", "give", "given", "usual", "usualli",
];

/// What the two statements are about, for the message: a table row's
/// label, else the rarest word they share and the kind of figure.
fn topic(quantities: &Quantities, a: &Quantity, b: &Quantity) -> String {
    if let Some(label) = a.label.as_ref().or(b.label.as_ref()).filter(|l| !l.trim().is_empty()) {
        return label.trim().to_lowercase();
    }
    // The shared word nearest both figures, the rarer of equals.
    let shared = a
        .frame
        .words
        .iter()
        .filter(|w| !w.heading && !quantities.lexicon.text(w.concept).starts_with('#'))
        .filter(|w| !SAYS_NOTHING.contains(&quantities.lexicon.text(w.concept)))
        .filter_map(|w| {
            let v = b.frame.words.iter().find(|v| v.concept == w.concept && !v.heading)?;
            Some((w, w.weight + v.weight, quantities.rarity(w.concept)))
        })
        .max_by(|x, y| x.1.total_cmp(&y.1).then(x.2.total_cmp(&y.2)))
        .map(|(w, _, _)| w)
        .map(|w| quantities.lexicon.text(w.concept));
    let kind = match b.reading.dimension {
        _ if b.reading.age => "age",
        Dimension::Time => "time",
        Dimension::Rate => "how often",
        Dimension::Percent => "share",
        Dimension::Count(_) => "number",
        Dimension::Mass | Dimension::Volume | Dimension::MassPerWeight | Dimension::Units => "amount",
        _ => "level",
    };
    match shared {
        Some(word) => format!("{kind} ({word})"),
        None => kind.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_dose_contradiction_is_named_by_its_medicine_not_its_frequency() {
        let source = "# Pain\n\n## Key Takeaways\n\n- Take 400 mg of ibuprofen three times a day.\n\n\
                      ## Dosing\n\nTake 200 mg of ibuprofen three times a day.\n";
        let found: Vec<String> = crate::findings_of("inconsistent-number", source)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("amount (ibuprofen): \"200 mg\" contradicts \"400 mg\""),
            "{found:?}"
        );
    }
}
