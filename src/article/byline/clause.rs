//! One line of a byline split into clauses: "Medically reviewed by Kofi
//! Mensah, PharmD — Written by Rhea Castillo — Updated on August 18, 2025"
//! is a reviewer, an author and an update date. A clause opens with a
//! phrase that gives its role ("reviewed by", "Medical Reviewer:", "Last
//! updated", "Next review due:"); what follows is its subject, a person or
//! a date. Lines split on the separators publishers use (— – - | · • ; /)
//! and before an opening phrase after a comma, a full stop or "and",
//! never inside a name, a credential or a date.

use std::ops::Range;
use std::sync::LazyLock;

use crate::article::dates::looks_like_date;

/// What a clause says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Author,
    Reviewer,
    /// "Written and medically reviewed by": one person is both.
    AuthorAndReviewer,
    /// Not a medical reviewer; read so that the line is understood.
    FactChecker,
    /// The review date, without a person ("Last reviewed: …").
    Reviewed,
    Updated,
    Published,
    NextReview,
}

impl Role {
    /// Whether the clause names a person; otherwise it gives a date.
    pub fn names_person(self) -> bool {
        matches!(
            self,
            Role::Author | Role::Reviewer | Role::AuthorAndReviewer | Role::FactChecker
        )
    }
}

/// An opening phrase, lower case, words apart by single spaces.
struct Opener {
    phrase: &'static str,
    role: Role,
}

const fn opener(phrase: &'static str, role: Role) -> Opener {
    Opener { phrase, role }
}

/// Every opening phrase. The longest that fits wins, so "reviewed by" is a
/// reviewer and "reviewed" alone a review date. A colon may follow any of
/// them, and "on" any that opens a date.
const OPENERS: &[Opener] = &[
    opener("medically reviewed by", Role::Reviewer),
    opener("clinically reviewed by", Role::Reviewer),
    opener("expert reviewed by", Role::Reviewer),
    opener("peer reviewed by", Role::Reviewer),
    opener("reviewed by", Role::Reviewer),
    opener("last reviewed by", Role::Reviewer),
    opener("last medically reviewed by", Role::Reviewer),
    opener("medical review by", Role::Reviewer),
    opener("medical reviewer", Role::Reviewer),
    opener("clinical reviewer", Role::Reviewer),
    opener("online medical reviewer", Role::Reviewer),
    opener("peer reviewer", Role::Reviewer),
    opener("reviewer", Role::Reviewer),
    opener("reviewers", Role::Reviewer),
    opener("medical review", Role::Reviewer),
    opener("clinical review", Role::Reviewer),
    // Hospital health libraries: "Review Date 3/3/2026 · Updated by: …".
    opener("updated by", Role::Reviewer),
    opener("also reviewed by", Role::Reviewer),
    opener("reviewed for accuracy by", Role::Reviewer),
    opener("medically reviewed for accuracy by", Role::Reviewer),
    opener("medically reviewed and fact checked by", Role::Reviewer),
    opener("reviewed and fact checked by", Role::Reviewer),
    opener("written and medically reviewed by", Role::AuthorAndReviewer),
    opener("written and clinically reviewed by", Role::AuthorAndReviewer),
    opener("written and reviewed by", Role::AuthorAndReviewer),
    opener("written by", Role::Author),
    opener("authored by", Role::Author),
    opener("posted by", Role::Author),
    opener("by", Role::Author),
    opener("author", Role::Author),
    opener("authors", Role::Author),
    opener("fact checked by", Role::FactChecker),
    opener("factchecked by", Role::FactChecker),
    opener("fact checker", Role::FactChecker),
    opener("medically reviewed", Role::Reviewed),
    opener("clinically reviewed", Role::Reviewed),
    opener("reviewed", Role::Reviewed),
    opener("peer reviewed", Role::Reviewed),
    opener("last reviewed", Role::Reviewed),
    opener("last medically reviewed", Role::Reviewed),
    opener("page last reviewed", Role::Reviewed),
    opener("date last reviewed", Role::Reviewed),
    opener("date of last review", Role::Reviewed),
    opener("date reviewed", Role::Reviewed),
    opener("review date", Role::Reviewed),
    opener("last review date", Role::Reviewed),
    opener("last review", Role::Reviewed),
    opener("date of review", Role::Reviewed),
    opener("reviewed date", Role::Reviewed),
    opener("updated", Role::Updated),
    opener("last updated", Role::Updated),
    opener("page last updated", Role::Updated),
    opener("date last updated", Role::Updated),
    opener("date updated", Role::Updated),
    opener("last modified", Role::Updated),
    opener("last revised", Role::Updated),
    opener("published", Role::Published),
    opener("originally published", Role::Published),
    opener("first published", Role::Published),
    opener("date published", Role::Published),
    opener("publication date", Role::Published),
    opener("posted", Role::Published),
    opener("next review due", Role::NextReview),
    opener("next review", Role::NextReview),
    opener("next review date", Role::NextReview),
    opener("review due", Role::NextReview),
    opener("due for review", Role::NextReview),
];

/// Nouns of "This page was reviewed by …", read past before an opener.
const SELF_REFERENCES: &[&str] = &["page", "article", "guide", "post", "content", "information", "leaflet"];

/// A line longer than this is prose, not a byline.
const MAX_LINE: usize = 300;

/// A clause as written: its role, its subject (after the opening phrase,
/// up to the next clause) and a date that stands apart from the subject
/// after a separator ("Reviewed by Ana Ruiz, MD — March 14, 2025"), as
/// ranges of the block text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clause {
    pub role: Role,
    pub subject: Range<usize>,
    pub date: Option<Range<usize>>,
}

/// What a clause says, as ranges of the block text: the person it names
/// and the date it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Statement {
    pub role: Role,
    pub person: Option<Range<usize>>,
    pub date: Option<Range<usize>>,
}

/// An opening phrase found at the start of some text.
struct OpenerMatch {
    role: Role,
    /// Bytes taken by the phrase, a colon, "on" and the spaces after.
    len: usize,
    words: usize,
}

/// The longest opening phrase `text` starts with, perhaps after words
/// that name the page: "This page was reviewed by", "Content last
/// updated".
fn opener_at(text: &str) -> Option<OpenerMatch> {
    let words = LeadingWords::of(text);
    let words = words.as_slice();
    let is = |index: usize, wanted: &str| word(text, words, index).eq_ignore_ascii_case(wanted);
    let names_page = |index: usize| {
        SELF_REFERENCES
            .iter()
            .any(|noun| word(text, words, index).eq_ignore_ascii_case(noun))
    };
    let prefix = if is(0, "this") && names_page(1) {
        match () {
            _ if is(2, "was") || is(2, "is") => 3,
            _ if is(2, "has") && is(3, "been") => 4,
            _ => 0,
        }
    } else {
        usize::from(names_page(0))
    };
    let after_prefix = (prefix > 0)
        .then(|| longest_opener(text, &words[prefix.min(words.len())..]))
        .flatten();
    after_prefix.or_else(|| longest_opener(text, words))
}

/// [`OPENERS`] split into words once and grouped by their first word:
/// every line under a title is matched against them, and most open with a
/// word none of them starts with.
static OPENERS_BY_FIRST_WORD: LazyLock<Vec<OpenersOf>> = LazyLock::new(|| {
    let mut groups: Vec<OpenersOf> = Vec::new();
    for opener in OPENERS {
        let phrase = Phrase {
            words: opener.phrase.split(' ').collect(),
            role: opener.role,
        };
        let first = phrase.words[0];
        match groups.iter_mut().find(|g| g.first == first) {
            Some(group) => group.phrases.push(phrase),
            None => groups.push(OpenersOf {
                first,
                phrases: vec![phrase],
            }),
        }
    }
    groups
});

/// The opening phrases that start with one word.
struct OpenersOf {
    first: &'static str,
    phrases: Vec<Phrase>,
}

/// An opening phrase as its words.
struct Phrase {
    words: Vec<&'static str>,
    role: Role,
}

/// The longest opening phrase made of the first of `words`.
fn longest_opener(text: &str, words: &[(usize, usize)]) -> Option<OpenerMatch> {
    let &(start, end) = words.first()?;
    let group = OPENERS_BY_FIRST_WORD
        .iter()
        .find(|g| g.first.eq_ignore_ascii_case(&text[start..end]))?;
    let phrase = group
        .phrases
        .iter()
        .filter(|phrase| {
            phrase.words.len() <= words.len()
                && phrase
                    .words
                    .iter()
                    .zip(words)
                    .all(|(part, &(start, end))| text[start..end].eq_ignore_ascii_case(part))
        })
        .max_by_key(|phrase| phrase.words.len())?;
    let (role, count) = (phrase.role, phrase.words.len());
    let mut len = skip_label_colon(text, words[count - 1].1);
    if !role.names_person()
        && words
            .get(count)
            .is_some_and(|&(start, end)| text[start..end].eq_ignore_ascii_case("on"))
    {
        len = skip_label_colon(text, words[count].1);
    }
    Some(OpenerMatch {
        role,
        len,
        words: count,
    })
}

fn word<'t>(text: &'t str, words: &[(usize, usize)], index: usize) -> &'t str {
    words.get(index).map_or("", |&(start, end)| &text[start..end])
}

/// Past an optional colon and the spaces after it.
fn skip_label_colon(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    let trimmed = trimmed.strip_prefix(':').unwrap_or(trimmed).trim_start();
    at + rest.len() - trimmed.len()
}

/// The longest phrase, with a page's words before it, has this many words.
const MAX_OPENING_WORDS: usize = 9;

/// The first words of some text (ASCII letters), apart by spaces or a
/// hyphen ("Fact-checked"), as start and end offsets; they end where
/// anything else comes. Kept on the stack: every piece of every line under
/// the title is asked for them.
struct LeadingWords {
    bounds: [(usize, usize); MAX_OPENING_WORDS],
    len: usize,
}

impl LeadingWords {
    fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut words = LeadingWords {
            bounds: [(0, 0); MAX_OPENING_WORDS],
            len: 0,
        };
        let mut at = 0;
        while words.len < MAX_OPENING_WORDS {
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
                at += 1;
            }
            if at == start || (at < bytes.len() && bytes[at] >= 0x80) {
                break;
            }
            words.bounds[words.len] = (start, at);
            words.len += 1;
            let gap = at;
            while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'-') {
                at += 1;
            }
            if at == gap {
                break;
            }
        }
        words
    }

    fn as_slice(&self) -> &[(usize, usize)] {
        &self.bounds[..self.len]
    }
}

/// Where one clause could open inside a piece: after a comma, a full stop
/// or "and". Only phrases of two words or more open a clause there, or one
/// word that opens a date followed by a date ("…, updated March 4, 2026"),
/// so that "Anil Varghese, MD" or "by" inside prose does not.
const INNER_OPENINGS: &[&str] = &[", ", ". ", " and "];

/// Whether an opening phrase found inside a piece, at `from`, opens a
/// clause there.
fn opens_inside(text: &str, from: usize, end: usize, found: &OpenerMatch) -> bool {
    if found.words >= 2 {
        return true;
    }
    if found.role.names_person() {
        return false;
    }
    // The date may run to the end of the piece or to a comma before more.
    let rest = &text[from + found.len..end];
    looks_like_date(rest) || rest.match_indices(", ").any(|(at, _)| looks_like_date(&rest[..at]))
}

/// Separators that split a line wherever they stand.
const BARE_SEPARATORS: &[char] = &['|', '·', '•', ';', '—'];

/// Separators that split a line only with a space on each side, so that
/// "Dubois-Adeyemi", "2020–2021" and "13/03/2025" stay whole.
const SPACED_SEPARATORS: &[&str] = &[" – ", " - ", " / "];

/// Where the next separator at or after `from` (before `end`) stands, and
/// how long it is.
fn next_separator(text: &str, from: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < end {
        // Every separator starts with one of these bytes: a space, a bar,
        // a semicolon, or the lead byte of "·" (C2) or "•", "—", "–" (E2).
        let skip = bytes[at..end]
            .iter()
            .position(|b| matches!(b, b' ' | b'|' | b';' | 0xC2 | 0xE2))?;
        at += skip;
        let rest = &text[at..end];
        if let Some(c) = rest.chars().next().filter(|c| BARE_SEPARATORS.contains(c)) {
            return Some((at, c.len_utf8()));
        }
        if let Some(spaced) = SPACED_SEPARATORS.iter().find(|s| rest.starts_with(**s)) {
            return Some((at, spaced.len()));
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The ranges of `line` between separators, trimmed.
fn pieces(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = line.start;
    while let Some((at, len)) = next_separator(text, start, line.end) {
        pieces.push(start..at);
        start = at + len;
    }
    pieces.push(start..line.end);
    pieces
        .into_iter()
        .map(|piece| trim(text, piece))
        .filter(|piece| !piece.is_empty())
        .collect()
}

/// `range` without surrounding white space.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// A stretch of a piece: an opening phrase and its subject, or text that
/// continues the clause before.
struct Segment {
    range: Range<usize>,
    opener: Option<SegmentOpener>,
}

/// The phrase a segment opens with: its role and where its subject starts.
struct SegmentOpener {
    role: Role,
    subject_start: usize,
}

/// Where a clause may start in a piece: the piece's start, or the comma,
/// stop or "and" before an opening phrase.
struct Start {
    at: usize,
    opener: Option<OpenerMatch>,
}

/// Splits a piece where clauses open: at its start, and at the
/// [`INNER_OPENINGS`] where [`opens_inside`] says one opens.
fn segments(text: &str, piece: Range<usize>, first: Option<OpenerMatch>) -> Vec<Segment> {
    // "Written and medically reviewed by" is one phrase, not two.
    let searched_from = first.as_ref().map_or(0, |m| m.len);
    let mut starts = vec![Start {
        at: piece.start,
        opener: first,
    }];
    let slice = &text[piece.clone()];
    for opening in INNER_OPENINGS {
        for (at, _) in slice.match_indices(opening).filter(|(at, _)| *at >= searched_from) {
            let from = piece.start + at + opening.len();
            if let Some(found) = opener_at(&text[from..piece.end]).filter(|m| opens_inside(text, from, piece.end, m)) {
                starts.push(Start {
                    at: piece.start + at,
                    opener: Some(found),
                });
            }
        }
    }
    starts.sort_by_key(|start| start.at);
    let mut segments = Vec::with_capacity(starts.len());
    for (index, start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).map_or(piece.end, |next| next.at);
        // An inner opening starts after its comma, stop or "and".
        let skip = if index > 0 {
            INNER_OPENINGS
                .iter()
                .find(|o| text[start.at..].starts_with(*o))
                .map_or(0, |o| o.len())
        } else {
            0
        };
        let opener = start.opener.as_ref().map(|found| SegmentOpener {
            role: found.role,
            subject_start: start.at + skip + found.len,
        });
        segments.push(Segment {
            range: start.at + skip..end,
            opener,
        });
    }
    segments
}

/// What a line leaves open for the next line of the same paragraph.
#[derive(Debug, Default)]
pub(crate) struct OpenEnd {
    /// "… and medically reviewed by:" closing the line: its person opens
    /// the next one.
    person: Option<Clause>,
    /// A clause naming a person without a date: a date alone on the next
    /// line is its date ("Reviewed by Lee Park, MD" / "March 4, 2026").
    undated: Option<Role>,
}

/// A piece that opens a line without being a clause ("Evidence based ·
/// Medically reviewed by …") is skipped when it is this short.
const MAX_LEADING_WORDS: usize = 4;

/// A short label ends within this many bytes.
const MAX_LABEL_BYTES: usize = 60;

/// Whether a line is prose, not a byline, as most lines under a title
/// are: it opens with no clause, and not with a short label or a date
/// either. Only its first words are read.
fn is_prose(text: &str, line: Range<usize>) -> bool {
    if opener_at(&text[line.clone()]).is_some() {
        return false;
    }
    let mut label_end = (line.start + MAX_LABEL_BYTES).min(line.end);
    while !text.is_char_boundary(label_end) {
        label_end -= 1;
    }
    let first_end = match next_separator(text, line.start, label_end) {
        Some((at, _)) => at,
        None if label_end < line.end => return true,
        None => line.end,
    };
    !is_short_label(&text[trim(text, line.start..first_end)])
}

/// Whether text before any clause may be passed over: a date, or a label
/// of at most [`MAX_LEADING_WORDS`] words.
fn is_short_label(text: &str) -> bool {
    looks_like_date(text) || text.split_whitespace().nth(MAX_LEADING_WORDS).is_none()
}

/// Reads one line into clauses, or `None` when it holds no clause, or text
/// that is neither a clause, a date, nor the rest of the clause before it
/// (prose). `open` carries what the line before left open.
pub(crate) fn clauses_of_line(text: &str, line: Range<usize>, open: &mut OpenEnd) -> Option<Vec<Clause>> {
    let OpenEnd {
        person: waiting,
        undated,
    } = std::mem::take(open);
    if line.len() > MAX_LINE {
        return None;
    }
    if waiting.is_none() && undated.is_none() && is_prose(text, line.clone()) {
        return None;
    }
    let pieces = pieces(text, line.clone());
    if let [only] = pieces.as_slice()
        && let Some(role) = undated
        && looks_like_date(&text[only.clone()])
    {
        return Some(vec![Clause {
            role,
            subject: only.start..only.start,
            date: Some(only.clone()),
        }]);
    }
    let mut clauses: Vec<Clause> = Vec::new();
    let mut waiting = waiting;
    for piece in pieces {
        let first = opener_at(&text[piece.clone()]);
        if first.is_none() && clauses.is_empty() && waiting.is_none() {
            // Text before any clause: a short label or a date is passed
            // over, anything longer is prose, and the line is given up
            // before its commas and stops are searched for clauses.
            if is_short_label(&text[piece]) {
                continue;
            }
            return None;
        }
        for segment in segments(text, piece, first) {
            let range = segment.range;
            if let Some(SegmentOpener { role, subject_start }) = segment.opener {
                let subject = trim(text, subject_start.min(range.end)..range.end);
                clauses.push(Clause {
                    role,
                    subject,
                    date: None,
                });
                continue;
            }
            let Some(last) = clauses.last_mut() else {
                // The person of "… reviewed by:" closing the line before.
                if let Some(open) = waiting.take() {
                    clauses.push(Clause { subject: range, ..open });
                }
                continue;
            };
            if last.subject.is_empty() && last.date.is_none() {
                last.subject = range;
            } else if last.is_complete(text) {
                // "… on March 4, 2026 | 5 min read": nothing more belongs
                // to the clause.
            } else if looks_like_date(&text[range.clone()]) {
                last.date = Some(range);
            } else {
                last.subject.end = range.end;
            }
        }
    }
    if clauses.is_empty() {
        return None;
    }
    let ends_sentence = text[line].trim_end().ends_with('.');
    if let Some(last) = clauses.last()
        && last.role.names_person()
        && last.date.is_none()
        && !ends_sentence
    {
        if last.subject.is_empty() {
            open.person = clauses.pop();
        } else if !last.is_complete(text) {
            open.undated = Some(last.role);
        }
    }
    Some(clauses)
}

impl Clause {
    /// Whether the clause has its date: nothing after it belongs to it.
    fn is_complete(&self, text: &str) -> bool {
        if self.date.is_some() {
            return true;
        }
        if self.role.names_person() {
            split_trailing_date(text, self.subject.clone()).1.is_some()
        } else {
            looks_like_date(&text[self.subject.clone()])
        }
    }

    /// What the clause says, or `None` when its subject is not what its
    /// role needs (a date clause followed by words, not a date).
    pub fn statement(&self, text: &str) -> Option<Statement> {
        if !self.role.names_person() {
            return date_statement(self, text);
        }
        let written = text[self.subject.clone()].trim_end_matches('.');
        let (person, date) = match &self.date {
            Some(date) => (self.subject.clone(), Some(date.clone())),
            // "Medical review: 4 March 2026" gives the date alone.
            None if looks_like_date(written) => (
                self.subject.start..self.subject.start,
                Some(self.subject.start..self.subject.start + written.len()),
            ),
            None => split_trailing_date(text, self.subject.clone()),
        };
        let person = trim_person(text, person);
        let person = (!person.is_empty()).then_some(person);
        Some(Statement {
            role: self.role,
            person,
            date,
        })
    }
}

/// A date clause: its subject is a date, or empty ("Medically Reviewed."),
/// or "DATE by PERSON" ("Reviewed on Tuesday, March 3, 2026 by Imran
/// Qureshi, MD", "Posted March 2, 2026 by Ana Ortiz").
fn date_statement(clause: &Clause, text: &str) -> Option<Statement> {
    let subject = clause.subject.clone();
    let written = text[subject.clone()].trim_end_matches('.');
    let mut statement = Statement {
        role: clause.role,
        person: None,
        date: clause.date.clone(),
    };
    if written.trim().is_empty() {
        return Some(statement);
    }
    if looks_like_date(written) && statement.date.is_none() {
        statement.date = Some(subject.start..subject.start + written.len());
        return Some(statement);
    }
    if let Some(by) = written.find(" by ")
        && looks_like_date(&written[..by])
    {
        statement.date = Some(subject.start..subject.start + by);
        statement.person = Some(trim_person(text, subject.start + by + 4..subject.start + written.len()));
        return Some(statement);
    }
    None
}

/// Splits "Lee Park, MD on March 4, 2026" (or "…, MD, March 4, 2026", or
/// "…, MD (March 4, 2026)") into the person and the date.
fn split_trailing_date(text: &str, subject: Range<usize>) -> (Range<usize>, Option<Range<usize>>) {
    let written = &text[subject.clone()];
    if let Some(inside) = written.strip_suffix(')')
        && let Some(open) = inside.rfind('(')
        && looks_like_date(&inside[open + 1..])
    {
        let start = subject.start + open + 1;
        return (
            subject.start..subject.start + open,
            Some(start..start + inside.len() - open - 1),
        );
    }
    let dated = |at: usize| {
        let date = written[at..].trim().trim_end_matches('.');
        looks_like_date(date).then(|| {
            let start = subject.start + at + (written[at..].len() - written[at..].trim_start().len());
            start..start + date.len()
        })
    };
    let lower = written.to_ascii_lowercase();
    if let Some(on) = lower.rfind(" on ")
        && let Some(date) = dated(on + 4)
    {
        return (subject.start..subject.start + on, Some(date));
    }
    let commas: Vec<usize> = written.match_indices(", ").map(|(at, _)| at).collect();
    for &comma in commas.iter().rev().take(2) {
        if let Some(date) = dated(comma + 2) {
            return (subject.start..subject.start + comma, Some(date));
        }
    }
    (subject, None)
}

/// A person's range without the commas, colons and spaces around it.
fn trim_person(text: &str, range: Range<usize>) -> Range<usize> {
    let range = trim(text, range);
    let slice = &text[range.clone()];
    let kept = slice.trim_end_matches([',', ';', ':', ' ']);
    range.start..range.start + kept.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each clause of `line` as (role, person, date) text.
    fn read(line: &str) -> Option<Vec<(Role, String, String)>> {
        let clauses = clauses_of_line(line, 0..line.len(), &mut OpenEnd::default())?;
        clauses
            .iter()
            .map(|clause| {
                let s = clause.statement(line)?;
                let text = |r: Option<Range<usize>>| r.map_or(String::new(), |r| line[r].to_string());
                Some((s.role, text(s.person), text(s.date)))
            })
            .collect()
    }

    fn clause(role: Role, person: &str, date: &str) -> (Role, String, String) {
        (role, person.to_string(), date.to_string())
    }

    #[test]
    fn separators_split_clauses_but_not_names_or_dates() {
        assert_eq!(
            read("Medically reviewed by Carter Bell, DO - Written by Simone Adeyemi - Updated on Feb 2, 2026"),
            Some(vec![
                clause(Role::Reviewer, "Carter Bell, DO", ""),
                clause(Role::Author, "Simone Adeyemi", ""),
                clause(Role::Updated, "", "Feb 2, 2026"),
            ])
        );
        assert_eq!(
            read("Medically reviewed by Lena Fischer, MD, FACC on October 2, 2025 – Written by Darnell Hughes"),
            Some(vec![
                clause(Role::Reviewer, "Lena Fischer, MD, FACC", "October 2, 2025"),
                clause(Role::Author, "Darnell Hughes", ""),
            ])
        );
        assert_eq!(
            read("Reviewed by Alina Petrescu | DMD, Lakeshore Dentistry - Chicago on 2025-10-14"),
            Some(vec![clause(
                Role::Reviewer,
                "Alina Petrescu | DMD, Lakeshore Dentistry - Chicago",
                "2025-10-14"
            )])
        );
        assert_eq!(
            read("Reviewed by Gideon Marsh, MD — March 14, 2025"),
            Some(vec![clause(Role::Reviewer, "Gideon Marsh, MD", "March 14, 2025")])
        );
    }

    #[test]
    fn commas_stops_and_and_open_clauses_only_before_a_phrase() {
        assert_eq!(
            read("Written by Talia Brooks, reviewed by Joaquin Serrano, RN, on April 7, 2025."),
            Some(vec![
                clause(Role::Author, "Talia Brooks", ""),
                clause(Role::Reviewer, "Joaquin Serrano, RN", "April 7, 2025"),
            ])
        );
        assert_eq!(
            read("Medically reviewed by Nkechi Obi, PharmD, BCPS. Last updated on Mar 4, 2026."),
            Some(vec![
                clause(Role::Reviewer, "Nkechi Obi, PharmD, BCPS", ""),
                clause(Role::Updated, "", "Mar 4, 2026"),
            ])
        );
        assert_eq!(
            read("Reviewed on Tuesday, March 3, 2026 by Imran Qureshi, MD"),
            Some(vec![clause(
                Role::Reviewed,
                "Imran Qureshi, MD",
                "Tuesday, March 3, 2026"
            )])
        );
        assert_eq!(
            read("Page last reviewed: 12 February 2024 / Next review due: 12 February 2026"),
            Some(vec![
                clause(Role::Reviewed, "", "12 February 2024"),
                clause(Role::NextReview, "", "12 February 2026"),
            ])
        );
    }

    #[test]
    fn prose_is_not_a_byline() {
        for line in [
            "Updated guidance was published by the agency in 2020.",
            "The study was reviewed by the FDA on March 3, 2024.",
            "Published research suggests rest helps.",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    #[test]
    fn long_lines_of_any_script_are_prose() {
        // A character across the byte where a label must have ended.
        for pad in 0..4 {
            let line = format!(
                "{}’s · Reviewed by Lee Park, MD{}",
                "x".repeat(55 + pad),
                " ünïcödé".repeat(5)
            );
            assert_eq!(read(&line), None, "{line}");
        }
    }

    #[test]
    fn a_line_ending_in_reviewed_by_names_its_person_on_the_next() {
        let text = "Written by Maeve Doherty and reviewed by:\nAnil Varghese, MBBS — 18 November 2025";
        let first = 0..text.find('\n').unwrap();
        let second = first.end + 1..text.len();
        let mut open = OpenEnd::default();
        let clauses = clauses_of_line(text, first, &mut open).unwrap();
        assert_eq!(clauses.len(), 1);
        assert!(open.person.is_some());
        let next = clauses_of_line(text, second, &mut open).unwrap();
        let statement = next[0].statement(text).unwrap();
        assert_eq!(statement.role, Role::Reviewer);
        assert_eq!(&text[statement.person.unwrap()], "Anil Varghese, MBBS");
        assert_eq!(&text[statement.date.unwrap()], "18 November 2025");
    }
}
