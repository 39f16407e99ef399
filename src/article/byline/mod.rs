//! Bylines in the body: who wrote and who reviewed an article, and when, as
//! publishers print it under the title ("By Ana Ortiz | Medically reviewed
//! by Lee Park, MD on March 4, 2026"), in labelled fields ("Medical
//! Reviewer: …", "Date of last review: …") and at the foot of the page
//! ("Page last reviewed: … / Next review due: …").
//!
//! Only the article's head (the paragraphs before the first section) and
//! foot (its last paragraphs) are read, and only lines made of clauses
//! ([`clause`]), give or take a short label before them or a note after a
//! dated one: prose that mentions a review is not a byline.

mod clause;

use std::ops::Range;

use crate::article::dates::parse_date;
use crate::article::person::{NameTest, is_plausible_name, parse_person_with, same_name};
use crate::article::review::{DateField, Field, Origin, Person, ReviewOptions};
use crate::article::sections::Heading;
use crate::article::text::{BlockKind, TextBlock};
use clause::{OpenEnd, Role, Statement, clauses_of_line};

/// Paragraphs read at the head of an article, before its first section.
const HEAD_BLOCKS: usize = 12;
/// Paragraphs read at the foot of an article.
const FOOT_BLOCKS: usize = 4;
/// A paragraph longer than this is prose.
const MAX_BLOCK: usize = 1200;

/// What the bylines of an article say; the first statement of each kind
/// counts.
#[derive(Debug, Default)]
pub(crate) struct Byline {
    pub authors: Vec<Person>,
    pub reviewer: Option<Person>,
    pub review_date: Option<DateField>,
    pub published: Option<DateField>,
    pub updated: Option<DateField>,
    pub next_review: Option<DateField>,
}

/// Where in the article a paragraph stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Head,
    Foot,
}

/// Reads the bylines of an article from its text blocks.
pub(crate) fn read(headings: &[Heading], blocks: &[TextBlock], options: &ReviewOptions) -> Byline {
    let mut byline = Byline::default();
    for (block, place) in places(headings, blocks) {
        byline.read_block(block, place, options);
    }
    byline
}

/// The blocks where bylines stand, in document order: the first
/// [`HEAD_BLOCKS`] paragraphs, quotes and list items before the first
/// section heading, and the last [`FOOT_BLOCKS`] paragraphs and quotes of
/// the article (not list items there: those are references).
fn places<'b>(headings: &[Heading], blocks: &'b [TextBlock]) -> Vec<(&'b TextBlock, Place)> {
    // Without an H1, the first heading is the title.
    let titled = headings.iter().any(|h| h.level == 1);
    let first_section = headings
        .iter()
        .filter(|h| h.level >= 2)
        .nth(usize::from(!titled))
        .map_or(usize::MAX, |h| h.span.start);
    let readable = |b: &&TextBlock| b.text.len() <= MAX_BLOCK;
    let head: Vec<&TextBlock> = blocks
        .iter()
        .filter(|b| b.kind.is_prose())
        .filter(readable)
        .take_while(|b| b.span.start < first_section)
        .take(HEAD_BLOCKS)
        .collect();
    let head_end = head.last().map_or(0, |b| b.span.end);
    let paragraphs: Vec<&TextBlock> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::BlockQuote) && b.span.start >= head_end)
        .filter(readable)
        .collect();
    let foot = &paragraphs[paragraphs.len().saturating_sub(FOOT_BLOCKS)..];
    head.into_iter()
        .map(|b| (b, Place::Head))
        .chain(foot.iter().map(|b| (*b, Place::Foot)))
        .collect()
}

/// A statement read into the article's terms.
struct Fact {
    role: Role,
    person: Option<Person>,
    date: Option<DateField>,
}

impl Byline {
    fn read_block(&mut self, block: &TextBlock, place: Place, options: &ReviewOptions) {
        let mut open = OpenEnd::default();
        for line in block.lines() {
            let facts = clauses_of_line(&block.text, line.clone(), &mut open)
                .and_then(|clauses| facts_of_line(block, &clauses, options));
            match facts {
                Some(facts) => facts.into_iter().for_each(|fact| self.take(fact, place)),
                None if place == Place::Head => self.name_and_credential_line(block, line, options),
                None => {}
            }
        }
    }

    /// Keeps what a statement says where nothing earlier said it. Authors
    /// come from the head only: at the foot, "By …" is as often prose.
    fn take(&mut self, fact: Fact, place: Place) {
        let Fact { role, person, date } = fact;
        match role {
            Role::Author if place == Place::Foot => {}
            Role::Author => self.add_author(person),
            Role::Reviewer => self.add_review(person, date),
            Role::AuthorAndReviewer => {
                self.add_author(person.clone());
                self.add_review(person, date);
            }
            Role::FactChecker => {}
            Role::Reviewed => {
                if person.is_some() {
                    self.add_review(person, date);
                } else if self.review_date.is_none() {
                    self.review_date = date;
                }
            }
            Role::Updated => fill(&mut self.updated, date),
            Role::Published => {
                if place == Place::Head {
                    self.add_author(person);
                }
                fill(&mut self.published, date);
            }
            Role::NextReview => fill(&mut self.next_review, date),
        }
    }

    fn add_author(&mut self, person: Option<Person>) {
        if let Some(person) = person
            && !self.authors.iter().any(|a| same_person(a, &person))
        {
            self.authors.push(person);
        }
    }

    /// The first reviewer named counts; a date counts when it is the
    /// first review date and comes with that reviewer or with nobody.
    fn add_review(&mut self, person: Option<Person>, date: Option<DateField>) {
        let same = match (&self.reviewer, &person) {
            (None, _) | (_, None) => true,
            (Some(known), Some(named)) => same_person(known, named),
        };
        if self.reviewer.is_none() {
            self.reviewer = person;
        }
        if same && self.review_date.is_none() {
            self.review_date = date;
        }
    }

    /// "Alan Lucks | MD" alone on a line at the head: the author, as some
    /// publishers print one.
    fn name_and_credential_line(&mut self, block: &TextBlock, line: Range<usize>, options: &ReviewOptions) {
        let text = &block.text[line.clone()];
        if !self.authors.is_empty() || text.len() > 120 || !text.contains('|') {
            return;
        }
        let person = parse_person_with(text, block.source_span(line), Origin::Byline, &options.credentials);
        if person.affiliation.is_none()
            && !person.credentials.is_empty()
            && is_plausible_name(&person.name, NameTest::Capitalised)
        {
            self.authors.push(person);
        }
    }
}

/// The person a clause names; of several ("Ana Ortiz and Lee Park"), the
/// first. `None` when it is no plausible name.
fn person_of(block: &TextBlock, range: Range<usize>, test: NameTest, options: &ReviewOptions) -> Option<Person> {
    let read = |range: Range<usize>| {
        let span = block.source_span(range.clone());
        let person = parse_person_with(&block.text[range], span, Origin::Byline, &options.credentials);
        is_plausible_name(&person.name, test).then_some(person)
    };
    read(range.clone()).or_else(|| {
        let text = &block.text[range.clone()];
        let first = [" and ", " & "].iter().filter_map(|joint| text.find(joint)).min()?;
        read(range.start..range.start + first)
    })
}

fn fill(slot: &mut Option<DateField>, date: Option<DateField>) {
    if slot.is_none() {
        *slot = date;
    }
}

/// Whether a line reads as a byline ("By Ana Ortiz", "Medically reviewed
/// by Lee Park, MD on March 4, 2026", "Alan Lucks | MD"): readers that
/// guess structure (plain text) keep such lines as text, not headings.
pub(crate) fn is_byline(text: &str) -> bool {
    let text = text.trim();
    let mut block = TextBlock::new(BlockKind::Paragraph, 0..text.len());
    block.push(text, 0..text.len(), true);
    let options = ReviewOptions::default();
    let line = 0..text.len();
    let read = clauses_of_line(text, line.clone(), &mut OpenEnd::default())
        .and_then(|clauses| facts_of_line(&block, &clauses, &options))
        .is_some_and(|facts| !facts.is_empty());
    read || {
        let mut byline = Byline::default();
        byline.name_and_credential_line(&block, line, &options);
        !byline.authors.is_empty()
    }
}

/// Whether two people are one: "Dr. Lee Park" and "Lee Park, MD" are.
pub(crate) fn same_person(a: &Person, b: &Person) -> bool {
    same_name(&a.name, &b.name)
}

/// What the clauses of a line say. A line of one clause is read only when
/// the clause reads (else it is prose: "By the end of the week, …"); a line
/// of several, whose separators already mark it as a byline, keeps the
/// clauses that read ("Written by the Editorial Team | Medically reviewed
/// by …").
fn facts_of_line(block: &TextBlock, clauses: &[clause::Clause], options: &ReviewOptions) -> Option<Vec<Fact>> {
    let facts: Vec<Option<Fact>> = clauses
        .iter()
        .map(|clause| fact(block, clause.statement(&block.text)?, options))
        .collect();
    if clauses.len() == 1 || facts.iter().all(Option::is_some) {
        return facts.into_iter().collect();
    }
    let read: Vec<Fact> = facts.into_iter().flatten().collect();
    (!read.is_empty()).then_some(read)
}

/// A statement's person and date, or `None` when the person named is no
/// plausible name (the line is prose).
fn fact(block: &TextBlock, statement: Statement, options: &ReviewOptions) -> Option<Fact> {
    // A bare "By" opens prose as often as bylines: its name must look like one.
    let test = match statement.role {
        Role::Author | Role::Published => NameTest::Capitalised,
        _ => NameTest::AnyCase,
    };
    let person = match statement.person {
        Some(range) => Some(person_of(block, range, test, options)?),
        None => None,
    };
    let field = match statement.role {
        Role::Reviewer | Role::AuthorAndReviewer | Role::Reviewed => Some(Field::ReviewDate),
        Role::Updated => Some(Field::Updated),
        Role::Published => Some(Field::Published),
        Role::NextReview => Some(Field::NextReview),
        Role::Author | Role::FactChecker => None,
    };
    let date = statement.date.zip(field).map(|(range, field)| {
        let raw = block.text[range.clone()].to_string();
        DateField {
            field,
            value: parse_date(&raw, options.date_order),
            raw,
            span: block.source_span(range),
            origin: Origin::Byline,
        }
    });
    Some(Fact {
        role: statement.role,
        person,
        date,
    })
}

#[cfg(test)]
mod tests {
    use crate::article::Article;

    /// (author, reviewer, credentials, review date, update date, publish
    /// date) as read from `source`.
    fn read(source: &str) -> [String; 6] {
        let review = Article::parse(source).review;
        let date = |d: Option<&crate::article::review::DateField>| d.map_or(String::new(), |d| d.raw.clone());
        let reviewer = review.reviewer();
        [
            review.authors.first().map_or(String::new(), |a| a.name.clone()),
            reviewer.map_or(String::new(), |r| r.name.clone()),
            reviewer.map_or(String::new(), |r| r.credentials.join(" ")),
            date(review.review_date()),
            date(review.updated.as_ref()),
            date(review.published.as_ref()),
        ]
    }

    #[test]
    fn lines_of_several_clauses_keep_those_that_read() {
        assert_eq!(
            read("# T\n\nWritten by the Editorial Team | Medically reviewed by Lee Park, MD on March 4, 2026\n"),
            ["", "Lee Park", "MD", "March 4, 2026", "", ""]
        );
    }

    #[test]
    fn labels_before_and_notes_after_a_byline_are_passed_over() {
        assert_eq!(
            read("# T\n\nEvidence based · Medically reviewed by Lee Park, MD on March 4, 2026 · 5 min read\n"),
            ["", "Lee Park", "MD", "March 4, 2026", "", ""]
        );
    }

    #[test]
    fn a_date_alone_under_a_reviewer_is_the_review_date() {
        for source in [
            "# T\n\nReviewed by Lee Park, MD\nMarch 4, 2026\n",
            "# T\n\nReviewed by Lee Park, MD<br>March 4, 2026\n",
        ] {
            assert_eq!(
                read(source),
                ["", "Lee Park", "MD", "March 4, 2026", "", ""],
                "{source}"
            );
        }
        // Under an author, a date is not a review date.
        assert_eq!(read("# T\n\nBy Ana Ortiz\nMarch 4, 2026\n")[3], "");
    }

    #[test]
    fn bylines_in_list_items_under_the_title() {
        assert_eq!(
            read("# T\n\n- **Author:** Ana Ortiz\n- **Reviewer:** Lee Park, MD\n- **Last reviewed:** March 4, 2026\n"),
            ["Ana Ortiz", "Lee Park", "MD", "March 4, 2026", "", ""]
        );
    }

    #[test]
    fn one_word_date_phrases_after_a_comma_open_a_clause_before_a_date() {
        assert_eq!(
            read("# T\n\nReviewed by Lee Park, MD, Written by Ana Ortiz, Updated 03/24/2026\n"),
            ["Ana Ortiz", "Lee Park", "MD", "", "03/24/2026", ""]
        );
    }

    #[test]
    fn dates_with_a_person_after_them() {
        assert_eq!(
            read("# T\n\nPosted March 2, 2026 by Ana Ortiz\n"),
            ["Ana Ortiz", "", "", "", "", "March 2, 2026"]
        );
        assert_eq!(
            read("# T\n\nReviewed by: Lee Park, MD (March 9, 2026)\n"),
            ["", "Lee Park", "MD", "March 9, 2026", "", ""]
        );
    }

    #[test]
    fn the_first_reviewer_counts_and_dates_stay_with_their_reviewer() {
        let source =
            "# T\n\nReviewed by Lee Park, MD\n\n## A\n\nText.\n\nAlso reviewed by Ana Ruiz, RN on May 1, 2026\n";
        assert_eq!(read(source), ["", "Lee Park", "MD", "", "", ""]);
        let same = "# T\n\nReviewed by Lee Park, MD\n\n## A\n\nText.\n\nLast reviewed by Dr. Lee Park on May 1, 2026\n";
        assert_eq!(read(same), ["", "Lee Park", "MD", "May 1, 2026", "", ""]);
    }
}
