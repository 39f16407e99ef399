//! `invalid-reference`: a DOI or PubMed ID that cannot be one.

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;
use crate::references::{Found, Identifier, doi_problem, identifiers, pmid_problem};

declare_rule! {
    /// ## What it does
    /// Warns about a DOI or a PubMed ID whose syntax is wrong, in the text
    /// ("doi:10.1056", "PMID: PMC1234567") or in a link
    /// (`https://doi.org/1056/NEJMoa`, `https://pubmed.ncbi.nlm.nih.gov/123456789`).
    /// A DOI is "10.", a registrant code of 4 to 9 digits, "/" and a
    /// suffix (DOI Handbook, section 2.2); a PubMed ID is 1 to 8 digits. Only
    /// the syntax is checked: medlint does not go to the network to look
    /// an identifier up.
    ///
    /// ## Why is this bad?
    /// A reader or a reviewer who follows a broken identifier cannot check
    /// the source, and a PubMed Central ID written as a PMID finds another
    /// paper or none. A malformed identifier is usually a copy-paste slip
    /// that hides a missing or wrong source.
    ///
    /// ## Example
    /// ```markdown
    /// 1. Smith J. Statins in older adults. N Engl J Med. 2024. doi:10.1056
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// 1. Smith J. Statins in older adults. N Engl J Med. 2024. doi:10.1056/NEJMoa2401234
    /// ```
    pub static INVALID_REFERENCE = {
        name: "invalid-reference",
        category: Medication,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let mut reported = Vec::new();
    for block in &article.blocks {
        for found in identifiers(&block.text) {
            if let Some(message) = problem(&found) {
                let span = block.source_span(found.range.clone());
                reported.push(span.clone());
                emit(out, span, message);
            }
        }
    }
    for link in &article.links {
        // A bare URL is in the text too: reported once, there.
        if reported
            .iter()
            .any(|s| link.span.start <= s.start && s.end <= link.span.end)
        {
            continue;
        }
        if let Some(message) = identifiers(&link.destination).iter().find_map(problem) {
            emit(out, link.span.clone(), message);
        }
    }
}

fn problem(found: &Found) -> Option<String> {
    match &found.id {
        Identifier::Doi(doi) => doi_problem(doi).map(|p| format!("the DOI {} {p}", quoted(doi))),
        Identifier::Pmid(pmid) => pmid_problem(pmid).map(|p| format!("the PubMed ID {} {p}", quoted(pmid))),
    }
}

fn emit(out: &mut Emitter, span: std::ops::Range<usize>, message: String) {
    let help = if message.starts_with("the DOI") {
        "a DOI is \"10.\", a 4- to 9-digit registrant code, \"/\" and a suffix: copy it from the source's page"
    } else {
        "a PubMed ID is 1 to 8 digits (a PMC number is a PubMed Central ID): copy it from the source's PubMed page"
    };
    out.emit(span, message).help(help);
}

#[cfg(test)]
mod tests {
    fn messages(source: &str) -> Vec<String> {
        crate::findings_of("invalid-reference", source)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn malformed_identifiers_in_text_and_links_are_reported_once() {
        let found = messages(
            "# T\n\n1. Smith. 2024. doi:10.1056\n2. PMID: PMC1234567\n3. [Lee 2023](https://doi.org/1056/NEJMoa)\n\
             4. <https://pubmed.ncbi.nlm.nih.gov/123456789>\n5. doi:10.1056/NEJMoa2401234, PMID 18565860\n",
        );
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].starts_with("the DOI \"10.1056\""), "{found:?}");
        assert!(found[1].contains("PMC1234567"), "{found:?}");
        assert!(found[2].contains("does not start with"), "{found:?}");
        assert!(found[3].contains("not 1 to 8 digits"), "{found:?}");
    }
}
