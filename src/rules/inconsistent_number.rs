//! `inconsistent-number`: the same quantity stated with conflicting values.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::claims::subject::Stem;
use crate::claims::{self, Relation};
use crate::context::Context;
use crate::diagnostic::Severity;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Finds every quantity in the article (durations, lengths, doses,
    /// volumes, percentages and counts of things such as treatments), works
    /// out what each one is about from the words around it (or, in a table,
    /// from its row label and column header), and compares statements of
    /// the same thing made in different places. Units are converted, so
    /// "1-2 hours" agrees with "60 to 120 minutes", and "within 72 hours"
    /// with "2-3 days".
    ///
    /// It is an error when the two cannot both be true ("2-3 treatments"
    /// and "6-8 treatments"), and a warning when both are ranges whose ends
    /// differ ("15-60 minutes" and "45 to 90 minutes"). Vague amounts
    /// ("several months"), limits said as denials ("do not take more than
    /// 8"), dates, years, phone numbers and identifiers ("type 2",
    /// "COVID-19", "SPF 30") are not compared.
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

/// How many earlier statements sharing a word each quantity is checked
/// against, nearest first.
const MAX_CANDIDATES: usize = 32;

/// The words a quantity can be matched on.
fn keys(q: &claims::Quantity) -> impl Iterator<Item = Stem> {
    let noun = match q.found.dimension {
        crate::claims::units::Dimension::Count(noun) => Some(noun),
        _ => None,
    };
    q.found.subject.iter().chain(&q.label).copied().chain(noun)
}

/// Compares each member of a bucket with earlier ones, nearest
/// `MAX_CANDIDATES` first, and records (later, earlier, relation) for the
/// worst disagreement. Candidates share a subject word, a row label word
/// or the counted noun (two statements of the same claim always do); an
/// index on those words finds them, which keeps the work near-linear even
/// in an article with thousands of like quantities.
fn compare_bucket(quantities: &[claims::Quantity], members: &[usize], findings: &mut Vec<(usize, usize, Relation)>) {
    let mut by_word: FxHashMap<Stem, Vec<usize>> = FxHashMap::default();
    let mut candidates: Vec<usize> = Vec::new();
    for &later in members {
        let q = &quantities[later];
        candidates.clear();
        candidates.extend(
            keys(q)
                .filter_map(|word| by_word.get(&word))
                .flat_map(|earlier| earlier.iter().rev().take(MAX_CANDIDATES).copied()),
        );
        candidates.sort_unstable();
        candidates.dedup();
        let start = candidates.len().saturating_sub(MAX_CANDIDATES);
        let mut worst: Option<(Relation, usize)> = None;
        for &earlier in &candidates[start..] {
            let a = &quantities[earlier];
            if !claims::same_claim(a, q) {
                continue;
            }
            match claims::relate(&a.found, &q.found) {
                Relation::Conflict => {
                    worst = Some((Relation::Conflict, earlier));
                    break;
                }
                Relation::BoundsDiffer if worst.is_none() => worst = Some((Relation::BoundsDiffer, earlier)),
                _ => {}
            }
        }
        if let Some((relation, earlier)) = worst {
            findings.push((later, earlier, relation));
        }
        for word in keys(q) {
            by_word.entry(word).or_default().push(later);
        }
    }
}

/// The quantities that can be compared, as indexes, grouped by dimension,
/// rate and interval-ness: only members of one bucket are compared, so the
/// work grows with the number of like quantities, not with the square of
/// all of them.
fn buckets(quantities: &[claims::Quantity]) -> Vec<Vec<usize>> {
    let mut buckets: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for (index, q) in quantities.iter().enumerate() {
        if !q.found.negated {
            buckets.entry(claims::bucket_key(q)).or_default().push(index);
        }
    }
    buckets.into_values().collect()
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let quantities = cx.quantities();
    let mut findings = Vec::new();
    for members in buckets(quantities) {
        compare_bucket(quantities, &members, &mut findings);
    }
    findings.sort_by_key(|&(later, _, _)| quantities[later].span.start);
    for (later, earlier, relation) in findings {
        let (a, b) = (&quantities[earlier], &quantities[later]);
        let (message, severity) = match relation {
            Relation::Conflict => (
                format!("{} contradicts {} stated earlier", quoted(&b.text), quoted(&a.text)),
                out.severity(),
            ),
            _ => (
                format!("{} differs from {} stated earlier", quoted(&b.text), quoted(&a.text)),
                out.severity().min(Severity::Warning),
            ),
        };
        let diagnostic = out.emit(b.span.clone(), message);
        diagnostic.severity = severity;
        diagnostic
            .label(a.span.clone(), "stated here")
            .help("give the same figure in both places, or say why they differ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::context::Context;

    #[test]
    fn a_bucket_of_many_like_quantities_still_finds_conflicts() {
        // Forty durations, each about its own thing, then two that disagree.
        let mut source = String::from("# Guide\n\n");
        for n in 0..40u8 {
            let thing = format!("zz{}{}", char::from(b'a' + n / 10), char::from(b'a' + n % 10));
            source.push_str(&format!("## Part {n}\n\nThe {thing} lasts {} minutes.\n\n", n + 1));
        }
        source.push_str("## Takeaway\n\nNumbing cream takes 20-30 minutes to work.\n\n");
        source.push_str("## Later\n\nNumbing cream takes 2-3 hours to work.\n");
        let cx = Context::new(Article::parse(&source), None);
        let members = buckets(cx.quantities()).into_iter().max_by_key(Vec::len).unwrap();
        assert!(members.len() > MAX_CANDIDATES + 1, "{} members", members.len());
        let found: Vec<String> = crate::findings_of("inconsistent-number", &source)
            .into_iter()
            .map(|d| source[d.span].to_string())
            .collect();
        assert_eq!(found, ["2-3 hours"]);
    }
}
