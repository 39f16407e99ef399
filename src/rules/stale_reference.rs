//! `stale-reference`: a cited source older than the allowed age.

use std::collections::HashSet;
use std::ops::Range;

use chrono::Datelike;

use crate::article::BlockKind;
use crate::article::text::starts_with_ignoring_ascii_case;
use crate::context::{Context, is_reference_heading};
use crate::diagnostic::{Emitter, plural};
use crate::options::Options;
use crate::references::{citation_year, identifiers, is_identifier_link, publication_year};

declare_rule! {
    /// ## What it does
    /// Warns about a cited source published longer ago than
    /// `medication.reference-max-age` (10 years by default), judged by
    /// its year against `--today`. A source's year is read from an entry of
    /// the References (or Sources, Bibliography…) section or a footnote,
    /// from a paragraph that cites a DOI or a PubMed ID, and from the end of
    /// a citation link's text ("[Smith et al., 2009](…)"). Years that date
    /// an access or an update ("Accessed March 3, 2024", "Last updated
    /// 2023") are not publication years.
    ///
    /// ## Why is this bad?
    /// Doses, screening ages and first-line treatments change as evidence
    /// does; a health article resting on decade-old sources may repeat
    /// advice that has since been withdrawn. Editorial standards for health
    /// content (the HONcode principles, NHS England's Information Standard,
    /// publishers' own medical review policies) ask for current sources, or
    /// a reason to keep an old landmark study.
    ///
    /// ## Example
    /// ```markdown
    /// ## References
    ///
    /// 1. Smith J, Lee K. Statins in older adults. N Engl J Med. 2009;360:1234-40.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## References
    ///
    /// 1. Patel R, Okafor N. Statins after 75: a cohort study. BMJ. 2024;385:e078123.
    /// ```
    pub static STALE_REFERENCE = {
        name: "stale-reference",
        category: Medication,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let this_year = options.today.year();
    // A source from this many years ago or earlier is too old.
    let limit_years = options.reference_max_age_months / 12;
    let oldest_fresh = this_year - options.reference_max_age_months.div_ceil(12) as i32;
    let areas: Vec<Range<usize>> = article
        .sections
        .iter()
        .filter(|s| is_reference_heading(article.normalized_heading(s.heading)))
        .map(|s| s.span.clone())
        .chain(article.footnotes.iter().cloned())
        .collect();
    let in_area = |at: usize| areas.iter().any(|r| r.contains(&at));
    let mut reported = HashSet::new();
    let mut report = |out: &mut Emitter, span: Range<usize>, year: i32| {
        if year >= oldest_fresh || !reported.insert(span.start) {
            return;
        }
        let age = this_year - year;
        let limit = if options.reference_max_age_months.is_multiple_of(12) {
            plural(limit_years as usize, "year")
        } else {
            plural(options.reference_max_age_months as usize, "month")
        };
        out.emit(
            span,
            format!(
                "cited source is from {year}, {} before {} (limit {limit})",
                plural(age as usize, "year"),
                options.today.format("%Y-%m-%d")
            ),
        )
        .help("cite a current source for the claim, or check that this one is still the best evidence");
    };
    let mut links = article.links.iter().peekable();
    for block in &article.blocks {
        // The links inside this block (both are in source order).
        while links.next_if(|l| l.span.start < block.span.start).is_some() {}
        let mut inside = Vec::new();
        while let Some(link) = links.next_if(|l| l.span.start < block.span.end) {
            inside.push(link);
        }
        if block.kind == BlockKind::Heading || !block.text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let entry = in_area(block.span.start)
            || !identifiers(&block.text).is_empty()
            || inside.iter().any(|l| is_identifier_link(&l.destination));
        if entry && let Some((year, range)) = publication_year(&block.text, this_year) {
            report(out, block.source_span(range), year);
            continue;
        }
        for link in inside {
            let outbound = ["https://", "http://"]
                .iter()
                .any(|scheme| starts_with_ignoring_ascii_case(link.destination.trim_start(), scheme));
            if !outbound {
                continue;
            }
            if let Some((year, range)) = citation_year(&link.text, this_year)
                && let Some(at) = block.text.find(link.text.as_str())
            {
                report(out, block.source_span(at + range.start..at + range.end), year);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    fn findings(source: &str) -> Vec<String> {
        crate::findings_of("stale-reference", source)
            .into_iter()
            .map(|d| format!("{}: {}", source[..d.span.start].matches('\n').count() + 1, d.message))
            .collect()
    }

    #[test]
    fn old_entries_and_citation_links_are_reported_at_their_year() {
        let source = "# T\n\nA [landmark trial (Smith et al., 2009)](https://example.org/a) and \
                      [newer work (Lee 2024)](https://example.org/b).\n\n## References\n\n\
                      1. Jones A. Sleep. Nature. 2004;430:12.\n\
                      2. Lee K. Naps. BMJ. 2023;380:e1.\n\
                      3. CDC. Flu facts. Accessed March 3, 2012.\n";
        let found = findings(source);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("from 2009, 17 years before"), "{found:?}");
        assert!(found[1].starts_with("7:"), "{found:?}");
        assert!(found[1].contains("(limit 10 years)"), "{found:?}");
    }

    #[test]
    fn years_outside_citations_are_not_sources() {
        assert!(
            findings("# T\n\nIn 1998 the vaccine was licensed. See [the 2004 guide](https://example.org).\n")
                .is_empty()
        );
        assert!(findings("# T\n\n## References\n\n- [1918 pandemic history](https://example.org/h)\n").is_empty());
    }

    #[test]
    fn a_doi_or_pmid_makes_a_paragraph_an_entry() {
        let found = findings("# T\n\nA 2001 trial (doi:10.1056/NEJMoa0802987) found this.\n");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
