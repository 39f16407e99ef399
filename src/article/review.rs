//! Review metadata: author, reviewer and dates, from front matter and from
//! bylines in the body ("Medically reviewed by Ana Ruiz, MD on Jan 22, 2026",
//! read by [`crate::article::byline`]).

use std::ops::Range;

use chrono::NaiveDate;

use crate::article::byline::{self, same_person};
use crate::article::credentials::normalize_credential;
use crate::article::dates::{DateError, DateOrder, parse_date};
use crate::article::front_matter::{FmValue, FrontMatter, keys_match};
use crate::article::page_data::DeclaredField;
use crate::article::person::parse_person_with;
use crate::article::sections::Heading;
use crate::article::text::TextBlock;

pub use crate::article::person::{comparable_name, parse_person, same_name};

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
    // A common CMS key (the VA's health pages use it).
    ("lastupdate", Field::Updated),
    ("last_update", Field::Updated),
    ("lastmod", Field::Updated),
    ("date_modified", Field::Updated),
    ("modified", Field::Updated),
    ("next_review", Field::NextReview),
    ("review_due", Field::NextReview),
    ("next_review_due", Field::NextReview),
];

/// How review metadata is read: extra key mappings, numeric date order and
/// the credentials the config adds to medlint's list.
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// Further front matter keys, e.g. `lastupdate` → `Field::Updated`.
    pub extra_keys: Vec<(String, Field)>,
    pub date_order: Option<DateOrder>,
    /// Credentials `[review] credentials` names, read as credentials after
    /// a name ("Ana Ruiz, Dip").
    pub credentials: Vec<String>,
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
                    self.authors = people_of(value, span, &origin, options);
                }
            }
            Field::Reviewer => {
                if self.fm_reviewer.is_none() {
                    self.fm_reviewer = people_of(value, span, &origin, options).into_iter().next();
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
    let byline = byline::read(headings, blocks, options);
    meta.byline_reviewer = byline.reviewer;
    meta.byline_review_date = byline.review_date;
    for (slot, found) in [
        (&mut meta.published, byline.published),
        (&mut meta.updated, byline.updated),
        (&mut meta.next_review, byline.next_review),
    ] {
        if slot.is_none() {
            *slot = found;
        }
    }
    for author in byline.authors {
        if !meta.authors.iter().any(|known| same_person(known, &author)) {
            meta.authors.push(author);
        }
    }
    share_credentials(&mut meta);
    meta
}

/// "Dr. Lee Park" in the front matter and "Lee Park, MD" in the byline are
/// one reviewer: each takes the credentials the other states when it states
/// none.
fn share_credentials(meta: &mut ReviewMeta) {
    let (Some(front), Some(byline)) = (meta.fm_reviewer.as_mut(), meta.byline_reviewer.as_mut()) else {
        return;
    };
    if !same_person(front, byline) {
        return;
    }
    if front.credentials.is_empty() {
        front.credentials = byline.credentials.clone();
    } else if byline.credentials.is_empty() {
        byline.credentials = front.credentials.clone();
    }
}

fn people_of(value: &FmValue, span: Range<usize>, origin: &Origin, options: &ReviewOptions) -> Vec<Person> {
    match value {
        FmValue::List(items) => items
            .iter()
            .flat_map(|item| people_of(item, span.clone(), origin, options))
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
            let mut person = parse_person_with(&name, span, origin.clone(), &options.credentials);
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
            .map(|t| vec![parse_person_with(&t, span, origin.clone(), &options.credentials)])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(source: &str) -> ReviewMeta {
        crate::article::Article::parse(source).review
    }

    fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, DateError> {
        Ok(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn bylines_in_plain_italic_and_bold_text() {
        for source in [
            "# T\n\nMedically reviewed by Alan Park | MD, Park Clinic - Denver on January 22nd, 2026.\n",
            "# T\n\n*Medically reviewed by Alan Park | MD, Park Clinic - Denver on January 22nd, 2026*\n",
            "# T\n\n**Reviewed by Alan Park | MD, Park Clinic - Denver on January 22nd, 2026.**\n",
            "# T\n\n_Clinically reviewed by: Alan Park | MD, Park Clinic - Denver on January 22nd, 2026_\n",
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
            assert_eq!(date.value, day(2026, 1, 22));
        }
    }

    #[test]
    fn author_lines_at_the_head() {
        assert_eq!(
            meta("# T\n\nBy Chris Patel\n\n## A\n\nText.\n").authors[0].name,
            "Chris Patel"
        );
        assert_eq!(
            meta("# T\n\nWritten by Chris Patel, RN\n").authors[0].credentials,
            ["RN"]
        );
        assert_eq!(meta("# T\n\nAlan Lucks | MD\n\nIntro.\n").authors[0].name, "Alan Lucks");
        // At the foot, "By …" is prose, not a byline.
        assert!(meta("# T\n\n## A\n\nBy Chris Patel\n").authors.is_empty());
        assert!(meta("# T\n\nby the way, rest helps.\n").authors.is_empty());
        assert!(
            meta("# T\n\nBy the end of the week, most colds clear.\n")
                .authors
                .is_empty()
        );
    }

    #[test]
    fn prose_mentioning_a_review_is_not_a_byline() {
        for source in [
            "# T\n\nThe study was reviewed by the FDA on March 3, 2024.\n",
            "# T\n\nReviewed by the FDA in 2024, the drug is safe.\n",
            "# T\n\nUpdated guidance says rest helps.\n",
            "# T\n\nReviewers agree that rest helps.\n",
            "# T\n\nBy Tuesday | Reviewed by the FDA\n",
            "# T\n\nBy law, insurers must cover preventive care.\n",
            "# T\n\nLast updated rules apply to plans bought after January 1, 2026.\n",
            "# T\n\nCall 911 · Go to the ER · Reviewed by your care team\n",
            "# T\n\nBy Email | By Phone | By Mail\n",
            "# T\n\nReviewed By Our Editors – Updated Recently\n",
        ] {
            let meta = meta(source);
            assert!(meta.byline_reviewer.is_none(), "{source}");
            assert!(meta.authors.is_empty(), "{source}");
            assert!(meta.updated.is_none(), "{source}");
        }
    }

    #[test]
    fn bylines_in_the_middle_of_an_article_are_not_read() {
        let mut source = String::from("# T\n\n## A\n\nReviewed by Ana Ruiz, MD on March 3, 2026\n\n");
        for i in 0..6 {
            source.push_str(&format!("Paragraph {i}.\n\n"));
        }
        assert!(meta(&source).byline_reviewer.is_none());
    }

    #[test]
    fn without_an_h1_the_first_heading_is_the_title() {
        let meta = meta(
            "## Hay Fever\n\nReviewed by Lee Park, MD on March 4, 2026\n\n## Causes\n\nPollen.\n\n## Relief\n\nA.\n\nB.\n\nC.\n\nD.\n",
        );
        assert_eq!(meta.byline_reviewer.unwrap().name, "Lee Park");
    }

    #[test]
    fn footer_stamps_after_the_references() {
        let meta = meta(
            "# T\n\nBy Ana Ortiz\n\n## References\n\n- [A](https://example.org)\n\n*Last reviewed by Lee Park, MD, on December 1, 2025.*\n",
        );
        assert_eq!(meta.byline_reviewer.unwrap().name, "Lee Park");
        assert_eq!(meta.byline_review_date.unwrap().value, day(2025, 12, 1));
    }

    #[test]
    fn a_separate_updated_line_is_the_update_date() {
        let source = "# T\n\nMedically reviewed by Lee Park, MD on March 4, 2026\n\nUpdated on 19 September 2026\n";
        let meta = meta(source);
        let updated = meta.updated.unwrap();
        assert_eq!(updated.value, day(2026, 9, 19));
        assert_eq!(&source[updated.span], "19 September 2026");
        assert_eq!(meta.byline_review_date.unwrap().value, day(2026, 3, 4));
    }

    #[test]
    fn front_matter_dates_come_before_byline_dates() {
        let meta = meta("---\nupdated: 2026-01-02\n---\n# T\n\nUpdated on 19 September 2026\n");
        assert_eq!(meta.updated.unwrap().value, day(2026, 1, 2));
    }

    #[test]
    fn one_reviewer_in_two_forms_shares_credentials() {
        let meta =
            meta("---\nreviewed_by: Dr. Lee Park\n---\n# T\n\nMedically reviewed by Lee Park, MD on March 4, 2026\n");
        assert_eq!(meta.fm_reviewer.as_ref().unwrap().credentials, ["MD"]);
        assert_eq!(meta.reviewer().unwrap().name, "Lee Park");
        // Another person's credentials are not shared.
        let other = crate::article::Article::parse(
            "---\nreviewed_by: Dr. Ana Ruiz\n---\n# T\n\nMedically reviewed by Lee Park, MD on March 4, 2026\n",
        )
        .review;
        assert!(other.fm_reviewer.unwrap().credentials.is_empty());
    }

    #[test]
    fn byline_authors_join_front_matter_authors_once() {
        let meta = meta("---\nauthor: Dr. Ana Ortiz\n---\n# T\n\nBy Ana Ortiz, RN\n");
        assert_eq!(meta.authors.len(), 1);
        let both = crate::article::Article::parse("---\nauthor: Ana Ortiz\n---\n# T\n\nBy Lee Park\n").review;
        let names: Vec<&str> = both.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Ana Ortiz", "Lee Park"]);
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
        // `lastupdate` is read as the update date, as CMSs write it.
        assert_eq!(meta.updated.clone().unwrap().raw, "2026-04-01");
        // A key the config maps.
        let options = ReviewOptions {
            extra_keys: vec![("revised".into(), Field::Updated)],
            ..ReviewOptions::default()
        };
        let mapped = crate::article::Article::parse_with(&source.replace("lastupdate", "revised"), &options).review;
        assert_eq!(mapped.updated.unwrap().raw, "2026-04-01");
    }
}
