//! The plain-text reader: recovers the structure a person sees in text
//! copied out of a published page. Headings are short lines set off by
//! blank lines and followed by content; "•", "-", "*" and "1." lines are
//! list items; tab-separated lines are table rows; a question line under an
//! FAQ heading is an FAQ entry; a heading followed only by short label lines
//! (a details table whose values were lost) is an empty table.
//!
//! Every block's text maps back to the exact bytes of the file. `<!-- … -->`
//! comments carry suppressions, as in Markdown, and are not text.

use std::ops::Range;

use crate::article::byline::is_byline;
use crate::article::dates::parse_date;
use crate::article::sections::normalize_heading;
use crate::article::{
    Article, BlockKind, Cell, Comment, Heading, Link, List, ListItem, Parts, ReviewOptions, Table, TextBlock,
    front_matter,
};

/// A heading line has at most this many words and bytes.
const HEADING_WORDS: usize = 14;
const HEADING_BYTES: usize = 120;
/// A label line of a details table has at most this many words and bytes.
const LABEL_WORDS: usize = 8;
const LABEL_BYTES: usize = 60;
/// A details table needs at least this many label lines.
const MIN_LABELS: usize = 2;
/// An FAQ question line has at most this many words.
const QUESTION_WORDS: usize = 30;

/// Reads a plain-text article.
pub(crate) fn parse<'a>(source: &'a str, review_options: &ReviewOptions) -> Article<'a> {
    let split = front_matter::split(source);
    let mut parts = Parts::default();
    let lines = read_lines(source, split.body_start, &mut parts.comments);
    let units = units_of(&lines);
    let roles = roles_of(&lines, &units);
    Builder {
        source,
        lines: &lines,
        parts: &mut parts,
    }
    .build(&units, &roles);
    parts.finish(source, split, review_options)
}

/// One line of the file, without its terminator and its comments.
#[derive(Debug)]
struct Line {
    /// The stretches of the line outside comments, trimmed at both ends of
    /// the line; empty for a blank or comment-only line.
    pieces: Vec<Range<usize>>,
    /// The line's text outside comments, trimmed.
    text: String,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    fn span(&self) -> Range<usize> {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }
}

/// Splits the body into lines, recording `<!-- … -->` comments (on one line
/// or across lines) as comments and leaving them out of the text.
fn read_lines(source: &str, body_start: usize, comments: &mut Vec<Comment>) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut at = body_start;
    // Where an open multi-line comment started.
    let mut open_comment: Option<usize> = None;
    while at < source.len() {
        let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
        let mut pieces = Vec::new();
        let mut cursor = at;
        let line_end = if source[at..end].ends_with('\r') { end - 1 } else { end };
        while cursor < line_end {
            if let Some(start) = open_comment {
                match source[cursor..line_end].find("-->") {
                    Some(close) => {
                        let close = cursor + close + 3;
                        comments.push(Comment {
                            text: source[start + 4..close - 3].trim().to_string(),
                            span: start..close,
                        });
                        open_comment = None;
                        cursor = close;
                    }
                    None => cursor = line_end,
                }
                continue;
            }
            match source[cursor..line_end].find("<!--") {
                Some(open) => {
                    pieces.push(cursor..cursor + open);
                    open_comment = Some(cursor + open);
                    cursor += open + 4;
                }
                None => {
                    pieces.push(cursor..line_end);
                    cursor = line_end;
                }
            }
        }
        lines.push(trimmed_line(source, pieces));
        at = end + 1;
    }
    lines
}

/// A line from its pieces: empty pieces dropped, white space trimmed at
/// the line's two ends (but a trailing tab, which ends an empty table
/// cell, is kept), the text joined with single spaces.
fn trimmed_line(source: &str, pieces: Vec<Range<usize>>) -> Line {
    let mut pieces: Vec<Range<usize>> = pieces
        .into_iter()
        .filter(|p| !source[p.clone()].trim().is_empty())
        .collect();
    if let Some(first) = pieces.first_mut() {
        let text = &source[first.clone()];
        first.start += text.len() - text.trim_start().len();
    }
    if let Some(last) = pieces.last_mut() {
        let text = &source[last.clone()];
        last.end -= text.len() - text.trim_end_matches([' ', '\r']).len();
    }
    let text = pieces
        .iter()
        .map(|p| source[p.clone()].trim_start().trim_end_matches([' ', '\r']))
        .collect::<Vec<_>>()
        .join(" ");
    Line { pieces, text }
}

/// What a stretch of lines is, before headings are told from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    /// Consecutive lines of text.
    Text,
    /// A list item line; `marker` is the length of its marker.
    Bullet { marker: usize },
    /// A line of tab-separated cells.
    Row,
}

/// Lines that belong together: a run of text lines between blank lines,
/// or one bullet or row line.
#[derive(Debug)]
struct Unit {
    kind: UnitKind,
    /// Indexes into the lines.
    lines: Range<usize>,
}

fn units_of(lines: &[Line]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let kind = kind_of(&line.text);
        let continues = kind == UnitKind::Text
            && index > 0
            && !lines[index - 1].is_blank()
            && units
                .last()
                .is_some_and(|u| u.kind == UnitKind::Text && u.lines.end == index);
        match units.last_mut() {
            Some(unit) if continues => unit.lines.end = index + 1,
            _ => units.push(Unit {
                kind,
                lines: index..index + 1,
            }),
        }
    }
    units
}

fn kind_of(text: &str) -> UnitKind {
    if let Some(marker) = bullet_marker(text) {
        return UnitKind::Bullet { marker };
    }
    if text.contains('\t') {
        return UnitKind::Row;
    }
    UnitKind::Text
}

/// The length of a list marker ("•", "-", "*", "1.", "2)") and the space
/// after it, when `text` starts with one.
fn bullet_marker(text: &str) -> Option<usize> {
    for bullet in ['•', '◦', '▪', '‣', '●', '○', '–'] {
        if let Some(rest) = text.strip_prefix(bullet) {
            return Some(text.len() - rest.trim_start().len());
        }
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            return Some(text.len() - rest.trim_start().len());
        }
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        let rest = text[digits..].strip_prefix(['.', ')'])?;
        if rest.starts_with([' ', '\t']) {
            return Some(text.len() - rest.trim_start().len());
        }
    }
    None
}

/// What a short line may be, by its shape alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Could be a heading (short, no closing punctuation).
    HeadingLike,
    /// A question that could be an FAQ entry.
    Question,
    Other,
}

fn shape_of(text: &str) -> Shape {
    let words = text.split_whitespace().count();
    if text.ends_with('?') && words <= QUESTION_WORDS && !text.contains("://") {
        return Shape::Question;
    }
    let starts_like_a_heading = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let heading_like = words <= HEADING_WORDS
        && text.len() <= HEADING_BYTES
        && starts_like_a_heading
        && !text.ends_with(['.', '!', '?', ':', ';', ',', '…'])
        && !text.contains("://")
        && !is_byline(text)
        && !is_date_line(text);
    if heading_like { Shape::HeadingLike } else { Shape::Other }
}

/// "Updated March 3, 2026", "Published: 2026-01-22", "January 22, 2026":
/// a date line, not a heading.
fn is_date_line(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = [
        "last updated",
        "updated",
        "published",
        "posted",
        "last reviewed",
        "reviewed",
        "modified",
    ]
    .iter()
    .find_map(|word| lower.strip_prefix(word))
    .map(|rest| rest.trim_start_matches([':', ' ']).trim_start_matches("on ").trim());
    // Every date has a digit; most headings have none.
    rest.is_some() || (lower.bytes().any(|b| b.is_ascii_digit()) && parse_date(&lower, None).is_ok())
}

/// A short line that can stand as a label of a details table.
fn is_label(text: &str) -> bool {
    text.split_whitespace().count() <= LABEL_WORDS && text.len() <= LABEL_BYTES
}

/// Headings whose short lines are a list of titles or sources, not labels.
fn lists_titles(normalized: &str) -> bool {
    const LISTING: &[&str] = &[
        "related",
        "see also",
        "references",
        "sources",
        "resources",
        "further reading",
        "read more",
        "learn more",
        "more from",
        "you might also like",
    ];
    LISTING.iter().any(|word| normalized.contains(word))
}

/// Headings under which question lines are FAQ entries.
fn is_faq_heading(normalized: &str) -> bool {
    normalized
        .split(' ')
        .any(|word| matches!(word, "faq" | "faqs" | "questions" | "q&a"))
}

/// What a unit turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Heading {
        level: u8,
    },
    /// A label line of a details table without values.
    Label,
    Paragraph,
    Bullet {
        marker: usize,
    },
    /// A line of a table of at least two rows.
    Row,
}

/// Decides what each unit is. Headings need the lines after them: a short
/// line is a heading only when content follows, and a run of short lines
/// under a heading is a details table whose values were lost.
fn roles_of(lines: &[Line], units: &[Unit]) -> Vec<Role> {
    let text = |unit: &Unit| unit_text(lines, unit);
    // Each line's shape is looked at up to three times: work it out once.
    let shapes: Vec<Shape> = units
        .iter()
        .map(|unit| match unit.kind {
            UnitKind::Text if unit.lines.len() == 1 => shape_of(text(unit)),
            _ => Shape::Other,
        })
        .collect();
    let mut roles = vec![Role::Paragraph; units.len()];
    let mut in_faq = false;
    let mut index = 0;
    while index < units.len() {
        let unit = &units[index];
        match unit.kind {
            UnitKind::Bullet { marker } => roles[index] = Role::Bullet { marker },
            UnitKind::Row => {
                let end = (index..units.len())
                    .find(|&i| units[i].kind != UnitKind::Row)
                    .unwrap_or(units.len());
                // One tab-separated line alone is text, not a table.
                if end - index >= 2 {
                    roles[index..end].fill(Role::Row);
                }
                index = end;
                continue;
            }
            UnitKind::Text => match shapes[index] {
                Shape::Question if in_faq => roles[index] = Role::Heading { level: 3 },
                Shape::HeadingLike => {
                    let end = (index..units.len())
                        .find(|&i| shapes[i] != Shape::HeadingLike)
                        .unwrap_or(units.len());
                    assign_run(&mut roles, lines, units, index..end);
                    if let Some(last) = (index..end).rev().find(|&i| matches!(roles[i], Role::Heading { .. })) {
                        in_faq = is_faq_heading(&normalize_heading(text(&units[last])));
                    }
                    index = end;
                    continue;
                }
                _ => {}
            },
        }
        index += 1;
    }
    if let Some(Role::Heading { level }) = roles.first_mut() {
        *level = 1;
    }
    roles
}

/// The text of a unit's first line.
fn unit_text<'l>(lines: &'l [Line], unit: &Unit) -> &'l str {
    &lines[unit.lines.start].text
}

/// Roles for a run of heading-like lines: the last one heads the content
/// after the run; the first heads the rest, which are labels of a details
/// table, titles of a listing, or headings of empty sections.
fn assign_run(roles: &mut [Role], lines: &[Line], units: &[Unit], run: Range<usize>) {
    let text = |unit: &Unit| unit_text(lines, unit);
    let content_follows = run.end < units.len();
    let body = if content_follows {
        roles[run.end - 1] = Role::Heading { level: 2 };
        run.start..run.end - 1
    } else {
        run.clone()
    };
    if body.is_empty() {
        return;
    }
    // A short line alone at the very end heads nothing: it is text.
    if !content_follows && body.len() == 1 {
        return;
    }
    roles[body.start] = Role::Heading { level: 2 };
    let first = normalize_heading(text(&units[body.start]));
    let rest = body.start + 1..body.end;
    let role = if rest.len() >= MIN_LABELS && !lists_titles(&first) && rest.clone().all(|i| is_label(text(&units[i]))) {
        Role::Label
    } else if lists_titles(&first) || !content_follows {
        Role::Paragraph
    } else {
        Role::Heading { level: 2 }
    };
    roles[rest].fill(role);
}

/// Turns the units into the article's parts, by their roles.
struct Builder<'p, 'a> {
    source: &'a str,
    lines: &'p [Line],
    parts: &'p mut Parts,
}

impl Builder<'_, '_> {
    fn build(mut self, units: &[Unit], roles: &[Role]) {
        let mut index = 0;
        while index < units.len() {
            let same = |i: usize| (i..units.len()).find(|&j| roles[j] != roles[i]).unwrap_or(units.len());
            match roles[index] {
                Role::Heading { level } => {
                    let line = &self.lines[units[index].lines.start];
                    self.heading(line, level);
                    if roles.get(index + 1) == Some(&Role::Label) {
                        let end = (index + 1..units.len())
                            .find(|&j| roles[j] != Role::Label)
                            .unwrap_or(units.len());
                        self.label_table(line, &units[index + 1..end]);
                        index = end;
                        continue;
                    }
                }
                Role::Label | Role::Paragraph => self.paragraph(&units[index]),
                Role::Bullet { .. } => {
                    let end = (index..units.len())
                        .find(|&j| !matches!(roles[j], Role::Bullet { .. }))
                        .unwrap_or(units.len());
                    self.list(&units[index..end], &roles[index..end]);
                    index = end;
                    continue;
                }
                Role::Row => {
                    let end = same(index);
                    self.table(&units[index..end]);
                    index = end;
                    continue;
                }
            }
            index += 1;
        }
    }

    fn heading(&mut self, line: &Line, level: u8) {
        let mut block = TextBlock::new(BlockKind::Heading, line.span());
        self.push_pieces(&mut block, &line.pieces);
        self.parts.headings.push(Heading {
            level,
            text: line.text.clone(),
            span: line.span(),
        });
        self.parts.blocks.push(block);
    }

    /// Appends `pieces` of one line to `block`, joined by single spaces,
    /// and records the links they hold.
    fn push_pieces(&mut self, block: &mut TextBlock, pieces: &[Range<usize>]) {
        for (n, piece) in pieces.iter().enumerate() {
            if n > 0 {
                block.push(" ", pieces[n - 1].end..piece.start, false);
            }
            block.push(&self.source[piece.clone()], piece.clone(), true);
            self.bare_links(block, piece.clone());
        }
    }

    /// Records `http://` and `https://` addresses written out in the text
    /// as links: in a text copy, they are the citations.
    fn bare_links(&mut self, block: &mut TextBlock, piece: Range<usize>) {
        let text = &self.source[piece.clone()];
        let mut from = 0;
        while let Some(found) = ["https://", "http://"]
            .iter()
            .filter_map(|scheme| text[from..].find(scheme))
            .min()
        {
            let start = from + found;
            let length = text[start..].find(char::is_whitespace).unwrap_or(text.len() - start);
            let url = text[start..start + length].trim_end_matches(['.', ',', ';', ':', ')', ']', '"', '\'']);
            let span = piece.start + start..piece.start + start + url.len();
            block.has_citation = true;
            self.parts.links.push(Link {
                text: url.to_string(),
                destination: url.to_string(),
                span,
            });
            from = start + length.max(1);
        }
    }

    fn paragraph(&mut self, unit: &Unit) {
        let lines = &self.lines[unit.lines.clone()];
        let span = lines[0].span().start..lines[lines.len() - 1].span().end;
        self.parts.content_starts.push(span.start);
        let mut block = TextBlock::new(BlockKind::Paragraph, span);
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                block.push(" ", lines[n - 1].span().end..line.span().start, false);
            }
            // A lone tab-separated line reads as text: its tabs as spaces.
            let pieces = split_cells(self.source, &line.pieces)
                .into_iter()
                .flat_map(|cell| cell.pieces)
                .collect::<Vec<_>>();
            self.push_pieces(&mut block, &pieces);
        }
        self.parts.blocks.push(block);
    }

    fn list(&mut self, units: &[Unit], roles: &[Role]) {
        let first = self.lines[units[0].lines.start].span();
        let last = self.lines[units[units.len() - 1].lines.start].span();
        self.parts.content_starts.push(first.start);
        let mut list = List {
            span: first.start..last.end,
            depth: 0,
            items: Vec::new(),
        };
        for (unit, role) in units.iter().zip(roles) {
            let Role::Bullet { marker } = *role else { continue };
            let line = &self.lines[unit.lines.start];
            let mut pieces = line.pieces.clone();
            pieces[0].start += marker;
            pieces.retain(|p| !p.is_empty());
            list.items.push(ListItem {
                span: line.span(),
                blank: pieces.is_empty(),
            });
            if pieces.is_empty() {
                continue;
            }
            let mut block = TextBlock::new(BlockKind::ListItem, line.span());
            self.push_pieces(&mut block, &pieces);
            self.parts.blocks.push(block);
        }
        self.parts.lists.push(list);
    }

    /// A table copied with its cells separated by tabs: the first row is
    /// the header; rows are cut or padded to its width.
    fn table(&mut self, units: &[Unit]) {
        let rows: Vec<(Range<usize>, Vec<CellText>)> = units
            .iter()
            .map(|unit| {
                let line = &self.lines[unit.lines.start];
                (line.span(), split_cells(self.source, &line.pieces))
            })
            .collect();
        let span = rows[0].0.start..rows[rows.len() - 1].0.end;
        self.parts.content_starts.push(span.start);
        let mut table = Table::new(span);
        let width = rows[0].1.len();
        for (n, (row_span, cells)) in rows.into_iter().enumerate() {
            let mut row: Vec<Cell> = cells.into_iter().take(width).map(|cell| self.cell(cell)).collect();
            while row.len() < width {
                row.push(Cell {
                    text: String::new(),
                    span: row_span.end..row_span.end,
                });
            }
            if n == 0 {
                table.header = row;
            } else {
                table.rows.push(row);
            }
        }
        self.parts.tables.push(table);
    }

    fn cell(&mut self, cell: CellText) -> Cell {
        let mut block = TextBlock::new(BlockKind::TableCell, cell.span.clone());
        self.push_pieces(&mut block, &cell.pieces);
        let text = block.text.trim().to_string();
        if !text.is_empty() {
            self.parts.blocks.push(block);
        }
        Cell { text, span: cell.span }
    }

    /// A heading followed only by label lines: a details table whose
    /// values were lost. Its span runs from the heading to the last label,
    /// so the finding shows them all.
    fn label_table(&mut self, heading: &Line, labels: &[Unit]) {
        let last = self.lines[labels[labels.len() - 1].lines.start].span();
        let first = self.lines[labels[0].lines.start].span();
        self.parts.content_starts.push(first.start);
        let heading_span = heading.span();
        let mut table = Table::new(heading_span.start..last.end);
        table.header = vec![
            Cell {
                text: heading.text.clone(),
                span: heading_span.clone(),
            },
            Cell {
                text: String::new(),
                span: heading_span.end..heading_span.end,
            },
        ];
        for unit in labels {
            let line = &self.lines[unit.lines.start];
            let span = line.span();
            let label = self.cell(CellText {
                span: span.clone(),
                pieces: line.pieces.clone(),
            });
            let value = Cell {
                text: String::new(),
                span: span.end..span.end,
            };
            table.rows.push(vec![label, value]);
        }
        self.parts.tables.push(table);
    }
}

/// One tab-separated cell of a line: its span and the pieces of its text.
struct CellText {
    span: Range<usize>,
    pieces: Vec<Range<usize>>,
}

/// Splits a line's pieces at tabs into trimmed cells; a trailing tab makes
/// a last, empty cell.
fn split_cells(source: &str, pieces: &[Range<usize>]) -> Vec<CellText> {
    let mut cells = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut cell_start = pieces.first().map_or(0, |p| p.start);
    let finish = |current: &mut Vec<Range<usize>>, start: usize, end: usize| {
        let pieces: Vec<Range<usize>> = std::mem::take(current)
            .into_iter()
            .filter_map(|p| trim_range(source, p))
            .collect();
        let span = match (pieces.first(), pieces.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => start..start.max(end.min(start)),
        };
        CellText { span, pieces }
    };
    for piece in pieces {
        let mut at = piece.start;
        for (offset, _) in source[piece.clone()].match_indices('\t') {
            current.push(at..piece.start + offset);
            cells.push(finish(&mut current, cell_start, piece.start + offset));
            at = piece.start + offset + 1;
            cell_start = at;
        }
        current.push(at..piece.end);
    }
    let end = pieces.last().map_or(cell_start, |p| p.end);
    cells.push(finish(&mut current, cell_start, end));
    cells
}

/// `range` without the white space at its ends; `None` when nothing is
/// left.
fn trim_range(source: &str, range: Range<usize>) -> Option<Range<usize>> {
    let text = &source[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.end - (text.len() - text.trim_end().len());
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> Article<'_> {
        Article::read(
            source,
            crate::article::InputFormat::PlainText,
            &ReviewOptions::default(),
        )
    }

    fn headings(article: &Article) -> Vec<(u8, String)> {
        article.headings.iter().map(|h| (h.level, h.text.clone())).collect()
    }

    #[test]
    fn short_lines_followed_by_content_are_headings() {
        let article = read(
            "A Guide to Patch Testing\n\nBy Lena Ortiz | RN\n\nWhy Test First\n\nA patch test shows a reaction early.\n\nclosing words without a heading\n",
        );
        assert_eq!(
            headings(&article),
            [
                (1, "A Guide to Patch Testing".to_string()),
                (2, "Why Test First".to_string())
            ]
        );
        assert_eq!(article.review.authors[0].name, "Lena Ortiz");
    }

    #[test]
    fn a_short_line_at_the_very_end_is_text() {
        let article = read("Title Here\n\nSome text follows here.\n\nRelated Reading\n");
        assert_eq!(headings(&article), [(1, "Title Here".to_string())]);
        assert_eq!(article.blocks.last().unwrap().text, "Related Reading");
    }

    #[test]
    fn label_lines_under_a_heading_are_an_empty_table() {
        let source = "Peel Details\n\nSession Length\n\nDowntime\n\nCost Range\n\nCommon Questions\n\nDoes it sting?\n\nA little, for a minute.\n";
        let article = read(source);
        assert_eq!(article.tables.len(), 1);
        let table = &article.tables[0];
        assert_eq!(
            &source[table.span.clone()],
            "Peel Details\n\nSession Length\n\nDowntime\n\nCost Range"
        );
        let labels: Vec<_> = table.rows.iter().map(|r| r[0].text.as_str()).collect();
        assert_eq!(labels, ["Session Length", "Downtime", "Cost Range"]);
        assert!(table.rows.iter().all(|r| r[1].is_empty()));
        // The heading's section holds the table; the FAQ question is an entry.
        assert_eq!(
            headings(&article),
            [
                (1, "Peel Details".to_string()),
                (2, "Common Questions".to_string()),
                (3, "Does it sting?".to_string())
            ]
        );
        assert!(article.sections[0].has_own_content);
    }

    #[test]
    fn titles_under_a_related_heading_are_not_labels() {
        let article = read("T\n\nText here.\n\nRelated Articles\n\nPeel Basics\n\nSun Care Tips\n");
        assert!(article.tables.is_empty());
        assert_eq!(headings(&article).last().unwrap().1, "Related Articles");
    }

    #[test]
    fn bullets_and_tab_rows() {
        let source = "Key Points\n\n  • First point here\n\n  • Second point\n- Third\n\nCosts\n\nItem\tPrice\nPeel\t\nMask\t$20\n";
        let article = read(source);
        assert_eq!(article.lists.len(), 1);
        assert_eq!(article.lists[0].items.len(), 3);
        let items: Vec<_> = article
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| (b.text.as_str(), &source[b.source_span(0..b.text.len())]))
            .collect();
        assert_eq!(items[0], ("First point here", "First point here"));
        let table = &article.tables[0];
        assert_eq!(table.header[1].text, "Price");
        assert_eq!(table.rows.len(), 2);
        assert!(table.rows[0][1].is_empty());
        assert_eq!(&source[table.rows[1][1].span.clone()], "$20");
    }

    #[test]
    fn comments_are_not_text_and_urls_are_links() {
        let source = "Sources\n\nSee https://example.org/study. <!-- medlint-disable-next-line x -->\n";
        let article = read(source);
        assert_eq!(article.comments[0].text, "medlint-disable-next-line x");
        assert_eq!(article.links[0].destination, "https://example.org/study");
        let block = article.blocks.last().unwrap();
        assert_eq!(block.text, "See https://example.org/study.");
    }
}
