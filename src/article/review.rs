//! Review metadata: author, reviewer and dates, from front matter and from
//! bylines in the body ("Medically reviewed by Ana Ruiz, MD on Jan 22, 2026").

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::article::credentials::normalize_credential;
use crate::article::dates::{DateError, DateOrder, parse_date};
use crate::article::front_matter::{FmValue, FrontMatter, keys_match};
use crate::article::page_data::DeclaredField;
use crate::article::sections::Heading;
use crate::article::text::{BlockKind, TextBlock, starts_with_ignoring_ascii_case};

/// What a front matter key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Author,
    Reviewer,
    ReviewDate,
    Published,
    Updated,
    NextReview,
}

impl Field {
    /// The field a front matter key or a canonical name stands for
    /// ("updated", "reviewed_on", "author", …).
    pub fn parse(name: &str) -> Option<Field> {
        DEFAULT_KEYS
            .iter()
            .find(|(key, _)| keys_match(key, name))
            .map(|(_, field)| *field)
    }

    /// The words messages use for a date field.
    pub fn noun(self) -> &'static str {
        match self {
            Field::Author => "author",
            Field::Reviewer => "reviewer",
            Field::ReviewDate => "review date",
            Field::Published => "publish date",
            Field::Updated => "update date",
            Field::NextReview => "next review date",
        }
    }
}

/// The front matter keys DESIGN.md assigns to each meaning.
pub const DEFAULT_KEYS: &[(&str, Field)] = &[
    ("author", Field::Author),
    ("authors", Field::Author),
    ("written_by", Field::Author),
    ("reviewed_by", Field::Reviewer),
    ("reviewer", Field::Reviewer),
    ("medical_reviewer", Field::Reviewer),
    ("medically_reviewed_by", Field::Reviewer),
    ("reviewed_on", Field::ReviewDate),
    ("reviewed", Field::ReviewDate),
    ("last_reviewed", Field::ReviewDate),
    ("review_date", Field::ReviewDate),
    ("medically_reviewed_on", Field::ReviewDate),
    ("published", Field::Published),
    ("date", Field::Published),
    ("date_published", Field::Published),
    ("published_on", Field::Published),
    ("updated", Field::Updated),
    ("last_updated", Field::Updated),
    ("lastmod", Field::Updated),
    ("date_modified", Field::Updated),
    ("modified", Field::Updated),
    ("next_review", Field::NextReview),
    ("review_due", Field::NextReview),
    ("next_review_due", Field::NextReview),
];

/// How review metadata is read: extra key mappings and numeric date order.
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// Further front matter keys, e.g. `lastupdate` → `Field::Updated`.
    pub extra_keys: Vec<(String, Field)>,
    pub date_order: Option<DateOrder>,
}

impl ReviewOptions {
    fn field_of(&self, key: &str) -> Option<Field> {
        self.extra_keys
            .iter()
            .find(|(k, _)| keys_match(k, key))
            .map(|(_, f)| *f)
            .or_else(|| DEFAULT_KEYS.iter().find(|(k, _)| keys_match(k, key)).map(|(_, f)| *f))
    }
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A front matter key, as written.
    FrontMatter(String),
    /// A property of the page's schema.org JSON-LD (`reviewedBy`).
    SchemaOrg(String),
    /// A `<meta>` tag's name or property (`article:modified_time`).
    MetaTag(String),
    Byline,
}

/// A person: name, credentials ("MD", "FAAD") and affiliation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub raw: String,
    pub name: String,
    pub credentials: Vec<String>,
    pub affiliation: Option<String>,
    pub span: Range<usize>,
    pub origin: Origin,
}

/// A date field with its text, span and parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateField {
    pub field: Field,
    pub raw: String,
    pub span: Range<usize>,
    pub value: Result<NaiveDate, DateError>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewMeta {
    pub authors: Vec<Person>,
    /// The declared reviewer: front matter, else the page's JSON-LD or
    /// `<meta>` tags (see `Person::origin`).
    pub fm_reviewer: Option<Person>,
    pub byline_reviewer: Option<Person>,
    pub fm_review_date: Option<DateField>,
    pub byline_review_date: Option<DateField>,
    pub published: Option<DateField>,
    pub updated: Option<DateField>,
    pub next_review: Option<DateField>,
}

impl ReviewMeta {
    /// The reviewer, front matter first.
    pub fn reviewer(&self) -> Option<&Person> {
        self.fm_reviewer.as_ref().or(self.byline_reviewer.as_ref())
    }

    /// The review date, front matter first.
    pub fn review_date(&self) -> Option<&DateField> {
        self.fm_review_date.as_ref().or(self.byline_review_date.as_ref())
    }

    /// Every date field present, in a stable order.
    pub fn dates(&self) -> impl Iterator<Item = &DateField> {
        [
            &self.fm_review_date,
            &self.byline_review_date,
            &self.published,
            &self.updated,
            &self.next_review,
        ]
        .into_iter()
        .flatten()
    }
}

impl ReviewMeta {
    /// Fills `field` from a declared value (front matter, JSON-LD, `<meta>`)
    /// unless an earlier one did.
    fn declare(
        &mut self,
        field: Field,
        value: &FmValue,
        span: Range<usize>,
        origin: Origin,
        source: &str,
        options: &ReviewOptions,
    ) {
        match field {
            Field::Author => {
                if self.authors.is_empty() {
                    self.authors = people_of(value, span, &origin);
                }
            }
            Field::Reviewer => {
                if self.fm_reviewer.is_none() {
                    self.fm_reviewer = people_of(value, span, &origin).into_iter().next();
                }
            }
            _ => {
                let Some(date) = date_of(value, field, span, origin, source, options) else {
                    return;
                };
                let slot = match field {
                    Field::ReviewDate => &mut self.fm_review_date,
                    Field::Published => &mut self.published,
                    Field::Updated => &mut self.updated,
                    _ => &mut self.next_review,
                };
                if slot.is_none() {
                    *slot = Some(date);
                }
            }
        }
    }
}

pub(crate) fn extract(
    source: &str,
    front_matter: Option<&FrontMatter>,
    declared: &[DeclaredField],
    headings: &[Heading],
    blocks: &[TextBlock],
    options: &ReviewOptions,
) -> ReviewMeta {
    let mut meta = ReviewMeta::default();
    if let Some(fm) = front_matter {
        for entry in &fm.entries {
            let Some(field) = options.field_of(&entry.key) else {
                continue;
            };
            let origin = Origin::FrontMatter(entry.key.clone());
            meta.declare(field, &entry.value, entry.value_span.clone(), origin, source, options);
        }
    }
    // What the page declares for machines fills what front matter left
    // open: the same fields, the same way.
    for entry in declared {
        if let Some(field) = options.field_of(&entry.key) {
            meta.declare(
                field,
                &entry.value,
                entry.span.clone(),
                entry.origin.clone(),
                source,
                options,
            );
        }
    }
    // Bylines: paragraphs that start with "Medically reviewed by" anywhere,
    // author lines ("By NAME") only before the first section heading.
    let first_section = headings
        .iter()
        .find(|h| h.level >= 2)
        .map_or(usize::MAX, |h| h.span.start);
    for block in blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && b.text.len() <= 400)
    {
        if meta.byline_reviewer.is_none()
            && let Some((person, date)) = review_byline(block, options)
        {
            meta.byline_reviewer = Some(person);
            meta.byline_review_date = date;
            continue;
        }
        if meta.authors.is_empty()
            && block.span.start < first_section
            && let Some(person) = author_byline(block)
        {
            meta.authors.push(person);
        }
    }
    meta
}

fn people_of(value: &FmValue, span: Range<usize>, origin: &Origin) -> Vec<Person> {
    match value {
        FmValue::List(items) => items
            .iter()
            .flat_map(|item| people_of(item, span.clone(), origin))
            .collect(),
        FmValue::Map(fields) => {
            let get = |key: &str| {
                fields
                    .iter()
                    .find(|(k, _)| keys_match(k, key))
                    .and_then(|(_, v)| v.as_text())
            };
            let Some(name) = get("name") else {
                return Vec::new();
            };
            let mut person = parse_person(&name, span, origin.clone());
            if let Some(credentials) = get("credentials").or_else(|| get("credential")) {
                person.credentials.extend(
                    credentials
                        .split([',', ' '])
                        .filter(|c| !c.is_empty())
                        .map(normalize_credential),
                );
            }
            vec![person]
        }
        other => other
            .as_text()
            .filter(|t| !t.trim().is_empty())
            .map(|t| vec![parse_person(&t, span, origin.clone())])
            .unwrap_or_default(),
    }
}

fn date_of(
    value: &FmValue,
    field: Field,
    span: Range<usize>,
    origin: Origin,
    source: &str,
    options: &ReviewOptions,
) -> Option<DateField> {
    let raw = match value {
        // `published: true` is a Jekyll switch, not a date.
        FmValue::Bool(_) | FmValue::Null => return None,
        FmValue::Str(s) if s.trim().is_empty() || matches!(s.trim(), "true" | "false") => {
            return None;
        }
        other => other
            .as_text()
            .unwrap_or_else(|| source.get(span.clone()).unwrap_or("").to_string()),
    };
    Some(DateField {
        field,
        value: parse_date(&raw, options.date_order),
        raw,
        span,
        origin,
    })
}

static REVIEW_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:medically\s+reviewed|clinically\s+reviewed|expert\s+reviewed|reviewed|fact[- ]checked)\s+by\s*:?\s+(?P<who>.+?)(?:\s+on\s+(?P<date>.+?))?[\s.]*$",
    )
    .unwrap()
});

static AUTHOR_BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[Bb]y|[Ww]ritten\s+by|[Aa]uthor:)\s+(?P<who>[A-Z][^.]*?)[\s.]*$").unwrap());

/// "NAME | MD" alone on a line, as publishers print an author.
static NAME_PIPE_CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*\|\s*[A-Za-z][A-Za-z.,\s-]{0,30})$").unwrap()
});

/// The words a review byline can open with. [`REVIEW_BYLINE`] is anchored
/// and none of these letters has a non-ASCII case variant, so a paragraph
/// that opens with none of them (ignoring ASCII case) cannot match: most
/// paragraphs are ruled out, and an article without a byline never
/// compiles the pattern.
const REVIEW_OPENINGS: &[&str] = &["medically", "clinically", "expert", "reviewed", "fact"];

/// [`REVIEW_BYLINE`]'s captures in `text`, not searching text that opens
/// with none of [`REVIEW_OPENINGS`].
fn review_captures(text: &str) -> Option<regex::Captures<'_>> {
    if !REVIEW_OPENINGS
        .iter()
        .any(|word| starts_with_ignoring_ascii_case(text, word))
    {
        return None;
    }
    REVIEW_BYLINE.captures(text)
}

/// True when `text` reads as a review or author byline: readers that
/// guess structure (plain text) keep such lines as text, not headings.
pub(crate) fn is_byline(text: &str) -> bool {
    let text = text.trim();
    review_captures(text).is_some() || author_name(text).is_some()
}

fn review_byline(block: &TextBlock, options: &ReviewOptions) -> Option<(Person, Option<DateField>)> {
    let text = block.text.trim_end();
    let captures = review_captures(text)?;
    let who = captures.name("who")?;
    let person = parse_person(who.as_str(), block.source_span(who.range()), Origin::Byline);
    let date = captures.name("date").map(|m| DateField {
        field: Field::ReviewDate,
        raw: m.as_str().to_string(),
        span: block.source_span(m.range()),
        value: parse_date(m.as_str(), options.date_order),
        origin: Origin::Byline,
    });
    Some((person, date))
}

/// The name an author line gives: by [`AUTHOR_BYLINE`], else by
/// [`NAME_PIPE_CREDENTIAL`]. Each pattern needs its opening word or its
/// bar, and most paragraphs have neither: they are not searched.
fn author_name(text: &str) -> Option<regex::Match<'_>> {
    let opens_author_line = ["By", "by", "Written", "written", "Author:", "author:"]
        .iter()
        .any(|word| text.starts_with(word));
    opens_author_line
        .then(|| AUTHOR_BYLINE.captures(text).and_then(|c| c.name("who")))
        .flatten()
        .or_else(|| {
            text.contains('|')
                .then(|| NAME_PIPE_CREDENTIAL.captures(text).and_then(|c| c.name("who")))
                .flatten()
        })
}

fn author_byline(block: &TextBlock) -> Option<Person> {
    let text = block.text.trim();
    if text.len() > 120 {
        return None;
    }
    let who = author_name(text)?;
    if who.as_str().split_whitespace().count() > 12 {
        return None;
    }
    let offset = block.text.len() - block.text.trim_start().len();
    let range = who.start() + offset..who.end() + offset;
    Some(parse_person(who.as_str(), block.source_span(range), Origin::Byline))
}

fn is_known_credential(word: &str) -> bool {
    crate::article::credentials::standing(word).is_some()
}

/// A word shaped like post-nominal letters: "MD", "PhD", "FNP-BC", "M.D.".
fn looks_like_credential(word: &str) -> bool {
    let word = normalize_credential(word);
    if is_known_credential(&word) {
        return true;
    }
    let uppercase = word.chars().filter(char::is_ascii_uppercase).count();
    (2..=8).contains(&word.len())
        && uppercase >= 2
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '/')
}

/// Splits "Dr. Omar Haddad, MD, FAAD, Haddad Skin Clinic" or
/// "Alan Lucks | MD, Practice - New York" into name, credentials and
/// affiliation.
pub fn parse_person(raw: &str, span: Range<usize>, origin: Origin) -> Person {
    let text = raw.trim().trim_end_matches(['.', ',', ';']);
    let mut rest_text = text;
    for prefix in ["Dr. ", "Dr ", "Doctor ", "dr. ", "DR. "] {
        if let Some(stripped) = rest_text.strip_prefix(prefix) {
            rest_text = stripped.trim_start();
            break;
        }
    }
    let (name_part, tail) = match rest_text.split_once('|') {
        Some((name, tail)) => (name, Some(tail)),
        None => match rest_text.split_once(',') {
            Some((name, tail)) => (name, Some(tail)),
            None => (rest_text, None),
        },
    };
    let mut name_words: Vec<&str> = name_part.split_whitespace().collect();
    let mut credentials = Vec::new();
    // Trailing credentials inside the name part: "Marcus Lee MD".
    while name_words.len() > 1 && name_words.last().is_some_and(|w| is_known_credential(w)) {
        credentials.insert(0, normalize_credential(name_words.pop().unwrap_or_default()));
    }
    let mut affiliation = None;
    if let Some(tail) = tail {
        let pieces: Vec<&str> = tail.split([',', '|']).collect();
        for (index, piece) in pieces.iter().enumerate() {
            let words: Vec<&str> = piece.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            if words.iter().all(|w| looks_like_credential(w)) {
                credentials.extend(words.iter().map(|w| normalize_credential(w)));
            } else {
                let joined = pieces[index..].join(",");
                affiliation = Some(joined.trim().trim_start_matches(['-', '–']).trim().to_string());
                break;
            }
        }
    }
    Person {
        raw: raw.trim().to_string(),
        name: name_words.join(" ").trim_end_matches([',', '.']).to_string(),
        credentials,
        affiliation,
        span,
        origin,
    }
}

/// A name reduced for comparison: lowercase letters and spaces, no title.
pub fn comparable_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = match words.first() {
        Some(&"dr") | Some(&"doctor") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(raw: &str) -> (String, Vec<String>, Option<String>) {
        let p = parse_person(raw, 0..0, Origin::Byline);
        (p.name, p.credentials, p.affiliation)
    }

    fn creds(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn names_split_into_name_credentials_and_affiliation() {
        let cases: &[(&str, &str, &[&str], Option<&str>)] = &[
            (
                "Omar Haddad, MD, FAAD, Haddad Skin Clinic",
                "Omar Haddad",
                &["MD", "FAAD"],
                Some("Haddad Skin Clinic"),
            ),
            (
                "Alan Lucks | MD, Alan Lucks MDPC Private Practice - New York",
                "Alan Lucks",
                &["MD"],
                Some("Alan Lucks MDPC Private Practice - New York"),
            ),
            ("Marcus Lee, MD", "Marcus Lee", &["MD"], None),
            ("Marcus Lee MD", "Marcus Lee", &["MD"], None),
            ("Dr. Ana Ruiz", "Ana Ruiz", &[], None),
            ("Dr Ana Ruiz, M.D.", "Ana Ruiz", &["MD"], None),
            ("Priya Raman", "Priya Raman", &[], None),
            ("Jane O'Neil, RN, BSN", "Jane O'Neil", &["RN", "BSN"], None),
            ("Sam Park, PharmD, BCPS", "Sam Park", &["PharmD", "BCPS"], None),
            ("Leah Cohen, FNP-BC", "Leah Cohen", &["FNP-BC"], None),
            (
                "Chris Wu, PA-C, Lakeside Urgent Care",
                "Chris Wu",
                &["PA-C"],
                Some("Lakeside Urgent Care"),
            ),
            ("Nia Brown, PhD, MPH", "Nia Brown", &["PhD", "MPH"], None),
            ("Ravi Shah, MD FACP", "Ravi Shah", &["MD", "FACP"], None),
            ("Dana Whitfield | MD", "Dana Whitfield", &["MD"], None),
            (
                "Tom Reyes, Registered Dietitian",
                "Tom Reyes",
                &[],
                Some("Registered Dietitian"),
            ),
            (
                "Ellen Marsh, MBChB, St Mary's Hospital, London",
                "Ellen Marsh",
                &["MBChB"],
                Some("St Mary's Hospital, London"),
            ),
        ];
        for (raw, name, credentials, affiliation) in cases {
            assert_eq!(
                person(raw),
                (name.to_string(), creds(credentials), affiliation.map(str::to_string)),
                "{raw}"
            );
        }
    }

    fn meta(source: &str) -> ReviewMeta {
        crate::article::Article::parse(source).review
    }

    #[test]
    fn bylines_in_plain_italic_and_bold_text() {
        for source in [
            "# T\n\nMedically reviewed by Alan Park | MD, Park Clinic - Denver on January 22nd, 2026.\n",
            "# T\n\n*Medically reviewed by Alan Park | MD, Park Clinic - Denver on January 22nd, 2026*\n",
            "# T\n\n**Reviewed by Alan Park | MD, Park Clinic - Denver on January 22nd, 2026.**\n",
            "# T\n\n_Fact-checked by: Alan Park | MD, Park Clinic - Denver on January 22nd, 2026_\n",
        ] {
            let meta = meta(source);
            let reviewer = meta.byline_reviewer.as_ref().unwrap_or_else(|| panic!("{source}"));
            assert_eq!(reviewer.name, "Alan Park", "{source}");
            assert_eq!(reviewer.credentials, ["MD"], "{source}");
            assert_eq!(
                reviewer.affiliation.as_deref(),
                Some("Park Clinic - Denver"),
                "{source}"
            );
            let date = meta.byline_review_date.as_ref().expect("date");
            assert_eq!(&source[date.span.clone()], "January 22nd, 2026");
            assert_eq!(date.value, Ok(NaiveDate::from_ymd_opt(2026, 1, 22).unwrap()));
        }
    }

    #[test]
    fn author_lines_before_the_first_section() {
        assert_eq!(
            meta("# T\n\nBy Chris Patel\n\n## A\n\nText.\n").authors[0].name,
            "Chris Patel"
        );
        assert_eq!(
            meta("# T\n\nWritten by Chris Patel, RN\n").authors[0].credentials,
            ["RN"]
        );
        assert_eq!(meta("# T\n\nAlan Lucks | MD\n\nIntro.\n").authors[0].name, "Alan Lucks");
        // After the first section, "By …" is prose, not a byline.
        assert!(meta("# T\n\n## A\n\nBy Chris Patel\n").authors.is_empty());
        assert!(meta("# T\n\nby the way, rest helps.\n").authors.is_empty());
    }

    #[test]
    fn prose_mentioning_a_review_is_not_a_byline() {
        let meta = meta("# T\n\nThe study was reviewed by the FDA on March 3, 2024.\n");
        assert!(meta.byline_reviewer.is_none());
    }

    #[test]
    fn front_matter_people_and_dates() {
        let source = "---\nAuthors: [Lena Okafor, Sam Ortiz]\nMedical-Reviewer:\n  name: Omar Haddad\n  credentials: MD, FAAD\nReview_Date: 2026-03-01\nlastupdate: 2026-04-01\n---\n# T\n";
        let meta = meta(source);
        assert_eq!(meta.authors.len(), 2);
        assert_eq!(meta.authors[1].name, "Sam Ortiz");
        let reviewer = meta.fm_reviewer.unwrap();
        assert_eq!(
            (reviewer.name.as_str(), reviewer.credentials.clone()),
            ("Omar Haddad", vec!["MD".to_string(), "FAAD".to_string()])
        );
        assert_eq!(&source[meta.fm_review_date.unwrap().span], "2026-03-01");
        // `lastupdate` is not a known key until mapped.
        assert!(meta.updated.is_none());
        let options = ReviewOptions {
            extra_keys: vec![("lastupdate".into(), Field::Updated)],
            date_order: None,
        };
        let mapped = crate::article::Article::parse_with(source, &options).review;
        assert_eq!(mapped.updated.unwrap().raw, "2026-04-01");
    }

    #[test]
    fn comparable_names_ignore_case_punctuation_and_titles() {
        assert_eq!(comparable_name("Dr. Ana  Ruiz"), "ana ruiz");
        assert_eq!(comparable_name("ana ruiz"), comparable_name("ANA RUIZ."));
        assert_ne!(comparable_name("Ana Ruiz"), comparable_name("Ana Ruiz-Lopez"));
    }

    proptest::proptest! {
        /// The checks before the byline patterns only skip text the
        /// patterns would not match: across case, Unicode case variants
        /// (the Kelvin sign, the long s), leading space and bars.
        #[test]
        fn byline_prechecks_never_skip_a_match(
            opening in proptest::sample::select(vec![
                "Medically reviewed by", "MEDICALLY REVIEWED BY", "clinically Reviewed by", "Expert reviewed by",
                "Reviewed by:", "reviewed  by", "Fact-checked by", "FACT CHEC\u{212A}ED BY", "fact checked by",
                "By", "by", "Written by", "written by", "Author:", "author:", "BY", "Bylined", "\u{17f}ome",
                " Reviewed by", "\u{e9}crit par", "Ana Ruiz", "Dr. Lee, MD",
            ]),
            rest in "[A-Z][a-z]{0,6}( [A-Za-z]{1,6}){0,3}( ?[|.,] ?[A-Za-z]{0,5})?",
        ) {
            let text = format!("{opening} {rest}");
            let span = |m: Option<regex::Match>| m.map(|m| m.range());
            proptest::prop_assert_eq!(
                span(review_captures(&text).and_then(|c| c.get(0))),
                span(REVIEW_BYLINE.captures(&text).and_then(|c| c.get(0))),
                "{}", text
            );
            let unfiltered = AUTHOR_BYLINE
                .captures(&text)
                .and_then(|c| c.name("who"))
                .or_else(|| NAME_PIPE_CREDENTIAL.captures(&text).and_then(|c| c.name("who")));
            proptest::prop_assert_eq!(span(author_name(&text)), span(unfiltered), "{}", text);
        }
    }
}
