//! Cited sources as articles write them: the entries of a reference list,
//! citation links ("[Smith et al., 2009](…)"), and DOIs and PubMed IDs
//! written out or linked. The source-quality rules read these:
//! `stale-reference` the year a source was published, `invalid-reference`
//! the syntax of its identifiers. Nothing here goes to the network.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A plausible publication year: 1800 to 2099, standing alone (not part
/// of a longer number, an ISBN, a page range or a phone number).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"(?:^|[^\w./:#=&?%-])(?P<year>1[89]\d\d|20\d\d)(?:$|[^\w/%-]|-\d|–)"));

/// Words after which a year dates a page, not a publication: "accessed
/// 2024", "last updated 2023", "reviewed 2022", "next review due: 12
/// October 2014", "Copyright © 2010".
static NOT_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)(?:\b(?:accessed|retrieved|updated|reviewed|revised|modified|cited|viewed|visited|due|next\s+review|copyright)|©|\(c\))[\s:,.©]*(?:on\s+)?(?:\d{1,2}\s+)?(?:[a-z]+\.?\s+)?(?:\d{1,2},?\s+)?$",
    )
});

/// The publication year of a reference entry's text: the first plausible
/// year that does not date an access or an update, with its range in
/// `text`. Years after `this_year` are none (a typo or a schedule, not a
/// source).
pub fn publication_year(text: &str, this_year: i32) -> Option<(i32, Range<usize>)> {
    YEAR.captures_iter(text).find_map(|c| {
        let m = c.name("year")?;
        let year: i32 = m.as_str().parse().ok()?;
        if year > this_year {
            return None;
        }
        // Look back a little: "Accessed March 3, 2024."
        let from = text[..m.start()].char_indices().rev().nth(40).map_or(0, |(at, _)| at);
        if NOT_PUBLISHED.is_match(&text[from..m.start()]) || names_a_subject(&text[m.end()..]) {
            return None;
        }
        Some((year, m.range()))
    })
}

/// A citation link's text that ends in its year: "Smith et al., 2009",
/// "(Jones 2004)", "NICE guideline (2012)". A year that opens the text
/// ("1918 pandemic history") is a subject, not a date.
static CITATION_TEXT: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"(?:,\s*|\(\s*|\s)(?P<year>1[89]\d\d|20\d\d)[a-z]?\s*\)?\.?\s*$"));

/// True when the word after a year makes it part of a title ("1918
/// pandemic", "2024 flu season"), not a date: a word follows that is
/// neither a month ("2009 Mar;360") nor a kind of publication ("a 2001
/// trial", "2019 guidelines").
fn names_a_subject(after: &str) -> bool {
    const DATING: [&str; 30] = [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "study",
        "trial",
        "review",
        "report",
        "survey",
        "analys",
        "guideline",
        "paper",
        "statement",
        "recommendation",
        "cohort",
        "randomi",
        "systematic",
        "clinical",
        "observational",
        "pilot",
        "article",
        "edition",
    ];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())].to_ascii_lowercase();
    !word.is_empty() && !DATING.iter().any(|d| word.starts_with(d))
}

/// The year at the end of a citation link's text, with its range.
pub fn citation_year(text: &str, this_year: i32) -> Option<(i32, Range<usize>)> {
    let c = CITATION_TEXT.captures(text)?;
    let m = c.name("year")?;
    let year: i32 = m.as_str().parse().ok()?;
    (year <= this_year && m.start() > 0).then(|| (year, m.range()))
}

/// True when `destination` is a link to a DOI or a PubMed record.
pub fn is_identifier_link(destination: &str) -> bool {
    !identifiers(destination).is_empty()
}

/// An identifier of a cited source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identifier {
    Doi(String),
    Pmid(String),
}

/// A DOI or a PubMed ID written in a text or a link, as written, with its
/// range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: Identifier,
    pub range: Range<usize>,
}

/// "doi:10.1056/…", "DOI 10.1016/…", "https://doi.org/10.…",
/// "PMID: 12345678", "pubmed.ncbi.nlm.nih.gov/12345678".
static IDENTIFIER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(concat!(
        r"(?i)(?:\bdoi:\s*|\b(?:dx\.)?doi\.org/)(?P<doi>[^\s<>\x22]*)",
        r"|\bdoi\s+(?P<doi2>\d[^\s<>\x22]*)",
        r"|\bpmid:\s*(?P<pmid>[^\s<>\x22,;]*)",
        r"|\bpmid\s+(?P<pmid2>\d[^\s<>\x22,;]*)",
        r"|\bpubmed\.ncbi\.nlm\.nih\.gov/(?P<pubmed>\d[^\s<>\x22/?#]*)",
        r"|\bncbi\.nlm\.nih\.gov/pubmed/(?P<pubmed2>\d[^\s<>\x22/?#]*)",
    ))
});

/// Punctuation that ends the sentence or the bracket around an
/// identifier, not the identifier.
fn trim_trailing(id: &str) -> &str {
    let mut id = id.trim_end_matches(['.', ',', ';', ':', '\'', '"', '>', ']', '}']);
    // A closing parenthesis belongs to the DOI only when it opened one.
    while id.ends_with(')') && id.matches('(').count() < id.matches(')').count() {
        id = id[..id.len() - 1].trim_end_matches(['.', ',', ';', ':']);
    }
    id
}

/// Every DOI and PubMed ID in `text`.
pub fn identifiers(text: &str) -> Vec<Found> {
    // Every form names "doi" or "pubmed" or "pmid": most texts have none.
    let lower = text.to_ascii_lowercase();
    if !(lower.contains("doi") || lower.contains("pmid") || lower.contains("pubmed")) {
        return Vec::new();
    }
    IDENTIFIER
        .captures_iter(text)
        .filter_map(|c| {
            let (m, doi) = match (
                c.name("doi").or(c.name("doi2")),
                c.name("pmid").or(c.name("pmid2")),
                c.name("pubmed").or(c.name("pubmed2")),
            ) {
                (Some(m), ..) => (m, true),
                (_, Some(m), _) | (_, _, Some(m)) => (m, false),
                _ => return None,
            };
            let written = trim_trailing(m.as_str());
            let range = m.start()..m.start() + written.len();
            let id = if doi {
                Identifier::Doi(written.to_string())
            } else {
                Identifier::Pmid(written.to_string())
            };
            Some(Found { id, range })
        })
        .collect()
}

/// What is wrong with a DOI's syntax, or `None` when it is well formed:
/// "10.", a registrant code of four to nine digits (with dotted
/// sub-codes), "/", and a suffix (DOI Handbook, 2.2).
pub fn doi_problem(doi: &str) -> Option<&'static str> {
    static WELL_FORMED: LazyLock<Regex> = LazyLock::new(|| crate::pattern::regex(r"^10\.\d{4,9}(?:\.\d+)*/\S+$"));
    if doi.is_empty() {
        return Some("is empty");
    }
    if WELL_FORMED.is_match(&percent_decoded(doi)) {
        return None;
    }
    Some(if !doi.starts_with("10.") {
        "does not start with \"10.\""
    } else if !doi.contains('/') || doi.ends_with('/') {
        "has no suffix after the \"/\""
    } else {
        "has a registrant code that is not 4 to 9 digits"
    })
}

/// What is wrong with a PubMed ID, or `None` when it is well formed: one
/// to eight digits, as PubMed assigns them.
pub fn pmid_problem(pmid: &str) -> Option<&'static str> {
    if pmid.is_empty() {
        Some("is empty")
    } else if !pmid.bytes().all(|b| b.is_ascii_digit()) {
        Some("is not a number")
    } else if pmid.len() > 8 || pmid.trim_start_matches('0').is_empty() {
        Some("is not 1 to 8 digits")
    } else {
        None
    }
}

/// `%2F` and the like in a DOI taken from a URL.
fn percent_decoded(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(text: &str) -> Option<i32> {
        publication_year(text, 2026).map(|(y, _)| y)
    }

    #[test]
    fn the_publication_year_is_the_first_that_dates_no_access() {
        assert_eq!(
            year("Smith J, Lee K. Statins in older adults. N Engl J Med. 2009;360:1234-40."),
            Some(2009)
        );
        assert_eq!(
            year("Centers for Disease Control. Flu facts. Accessed March 3, 2024."),
            None
        );
        assert_eq!(
            year("NHS. Paracetamol for adults. Last updated 2023. Published 2011."),
            Some(2011)
        );
        assert_eq!(year("Jones A (2004). Sleep and memory. Nature 430:12."), Some(2004));
        assert_eq!(year("Call 1-800-232-4636 for help."), None);
        assert_eq!(year("Page 1995-2001 of the report"), Some(1995));
        assert_eq!(year("ISBN 978-1-2019-1234-5"), None);
        assert_eq!(year("A guide to 2031 targets"), None);
        assert_eq!(year("See https://example.org/2004/guide"), None);
        assert_eq!(year("About 1500 people"), None);
        assert_eq!(
            year("NHS. Statins. Page last reviewed: 12 October 2011. Next review due: 12 October 2014."),
            None
        );
        assert_eq!(year("Copyright © 2010-2026 Example Health."), None);
        assert_eq!(year("CDC. The 1918 flu pandemic. 2019."), Some(2019));
        assert_eq!(year("Lee K. Naps. BMJ. 2009 Mar 5;360(10):1-9."), Some(2009));
    }

    #[test]
    fn a_citation_link_ends_in_its_year() {
        let y = |t: &str| citation_year(t, 2026).map(|(y, _)| y);
        assert_eq!(y("Smith et al., 2009"), Some(2009));
        assert_eq!(y("(Jones 2004)"), Some(2004));
        assert_eq!(y("NICE guideline (2012)"), Some(2012));
        assert_eq!(y("1918 pandemic history"), None);
        assert_eq!(y("2004"), None);
        assert_eq!(y("the CDC's advice"), None);
    }

    #[test]
    fn dois_and_pmids_are_found_and_checked() {
        let ids =
            identifiers("See doi:10.1056/NEJMoa0802987. Also PMID: 18565860, and https://doi.org/10.1000/xyz123).");
        assert_eq!(
            ids.iter().map(|f| f.id.clone()).collect::<Vec<_>>(),
            [
                Identifier::Doi("10.1056/NEJMoa0802987".into()),
                Identifier::Pmid("18565860".into()),
                Identifier::Doi("10.1000/xyz123".into()),
            ]
        );
        assert_eq!(doi_problem("10.1056/NEJMoa0802987"), None);
        assert_eq!(
            doi_problem("10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2"),
            None
        );
        assert_eq!(doi_problem("10.1000.10/abc"), None);
        assert_eq!(doi_problem("10.1000%2Fxyz"), None);
        assert!(doi_problem("10.1000").is_some());
        assert!(doi_problem("10.12/abc").is_some());
        assert!(doi_problem("1056/NEJMoa").is_some());
        assert!(doi_problem("10.1000/").is_some());
        assert_eq!(pmid_problem("18565860"), None);
        assert!(pmid_problem("123456789").is_some());
        assert!(pmid_problem("PMC1234").is_some());
        assert!(pmid_problem("").is_some());
        assert!(identifiers("Two doctors agreed.").is_empty());
        assert!(identifiers("Use the PMID search box, or the DOI lookup.").is_empty());
        assert_eq!(identifiers("PMID 1234 and DOI 10.1000/a1").len(), 2);
        assert!(identifiers("pubmed.ncbi.nlm.nih.gov/?term=statins").is_empty());
    }
}
