//! Plain text of a block (paragraph, list item, table cell, quote, heading)
//! with a map back to the source bytes it came from.

use std::ops::Range;

/// The character at byte `i` of `text` (a character boundary) and its
/// length in bytes, decoding only non-ASCII: for scanners that run over
/// every byte of an article.
#[inline]
pub fn char_at(text: &str, i: usize) -> (char, usize) {
    let byte = text.as_bytes()[i];
    if byte.is_ascii() {
        return (char::from(byte), 1);
    }
    let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Whether `text` starts with `prefix`, ignoring ASCII case.
pub fn starts_with_ignoring_ascii_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    ListItem,
    TableCell,
    BlockQuote,
    Heading,
}

impl BlockKind {
    /// Running prose: paragraphs, list items and quotes (not headings or
    /// table cells).
    pub fn is_prose(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::BlockQuote)
    }
}

/// A stretch of block text that came from one source range. `exact` means
/// the text equals the source bytes, so offsets inside it map one to one;
/// otherwise (entities, escapes, soft breaks) they map to `source.start`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    text_start: usize,
    source: Range<usize>,
    exact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    pub kind: BlockKind,
    pub text: String,
    /// Source span of the whole block.
    pub span: Range<usize>,
    /// The block holds a link or a footnote reference.
    pub has_citation: bool,
    /// The outermost block quote holding the block (`Article::quotes`).
    pub quote: Option<usize>,
    /// The whole block is one bold span (`**Is it safe?**`,
    /// `<p><strong>…</strong></p>`): how FAQ entries are often written.
    pub bold: bool,
    segments: Vec<Segment>,
    /// Where lines break in `text`: the space that stands for a soft or
    /// hard break, or an empty range where `<br>` stood.
    line_breaks: Vec<Range<usize>>,
}

impl TextBlock {
    pub(crate) fn new(kind: BlockKind, span: Range<usize>) -> Self {
        TextBlock {
            kind,
            text: String::new(),
            span,
            has_citation: false,
            quote: None,
            bold: false,
            segments: Vec::new(),
            line_breaks: Vec::new(),
        }
    }

    /// Appends a line break read from `from`: a space in the text, with its
    /// place remembered for [`TextBlock::lines`].
    pub(crate) fn push_line_break(&mut self, from: Range<usize>) {
        let at = self.text.len();
        self.line_breaks.push(at..at + 1);
        self.push(" ", from, false);
    }

    /// Remembers a line break that adds no text (an inline `<br>`), so that
    /// the text other rules read stays as it was.
    pub(crate) fn mark_line_break(&mut self) {
        let at = self.text.len();
        self.line_breaks.push(at..at);
    }

    /// Where an inline `<br>` broke a line, as offsets in `text` (it adds
    /// no text): lines a reader sees apart, whatever the punctuation.
    pub fn tag_breaks(&self) -> impl Iterator<Item = usize> + '_ {
        self.line_breaks.iter().filter(|b| b.is_empty()).map(|b| b.start)
    }

    /// The ranges of `text` that were separate lines in the source, without
    /// the spaces that joined them.
    pub fn lines(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let starts = std::iter::once(0).chain(self.line_breaks.iter().map(|b| b.end));
        let ends = self
            .line_breaks
            .iter()
            .map(|b| b.start)
            .chain(std::iter::once(self.text.len()));
        starts.zip(ends).map(|(start, end)| start..end.max(start))
    }

    /// Appends `text` that was read from `source` range `from`.
    pub(crate) fn push(&mut self, text: &str, from: Range<usize>, exact: bool) {
        if text.is_empty() {
            return;
        }
        self.segments.push(Segment {
            text_start: self.text.len(),
            source: from,
            exact,
        });
        self.text.push_str(text);
    }

    /// Source offset of byte `offset` of the block text.
    pub fn source_offset(&self, offset: usize) -> usize {
        match self.segments.get(self.segment_index(offset)) {
            Some(segment) if segment.exact => {
                (segment.source.start + (offset - segment.text_start)).min(segment.source.end)
            }
            Some(segment) => segment.source.start,
            None => self.span.start,
        }
    }

    /// Source span of a range of the block text. A range that ends at the
    /// end of an inexact segment (a decoded `&amp;`) ends where its source
    /// ends.
    pub fn source_span(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start);
        let end = if range.end > range.start {
            let last = self.segment_index(range.end - 1);
            match self.segments.get(last) {
                Some(segment) if !segment.exact && range.end >= self.segment_text_end(last) => segment.source.end,
                _ => {
                    // From the start of the last character, which may be
                    // several bytes long.
                    let last = self.text[..range.end].chars().next_back().map_or(1, char::len_utf8);
                    self.source_offset(range.end - last) + last
                }
            }
        } else {
            start
        };
        start..end.max(start)
    }

    fn segment_index(&self, offset: usize) -> usize {
        self.segments
            .partition_point(|s| s.text_start <= offset)
            .saturating_sub(1)
    }

    /// Where segment `index`'s text ends in the block text.
    fn segment_text_end(&self, index: usize) -> usize {
        self.segments
            .get(index + 1)
            .map_or(self.text.len(), |next| next.text_start)
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_through_exact_and_inexact_segments() {
        // Source: "Use *gentle* care &amp; rest"
        let mut block = TextBlock::new(BlockKind::Paragraph, 0..28);
        block.push("Use ", 0..4, true);
        block.push("gentle", 5..11, true);
        block.push(" care ", 12..18, true);
        block.push("&", 18..23, false);
        block.push(" rest", 23..28, true);
        assert_eq!(block.text, "Use gentle care & rest");
        let gentle = block.text.find("gentle").unwrap();
        assert_eq!(block.source_span(gentle..gentle + 6), 5..11);
        let amp = block.text.find('&').unwrap();
        assert_eq!(block.source_offset(amp), 18);
        assert_eq!(block.source_span(amp..amp + 1), 18..23);
        let rest = block.text.find("rest").unwrap();
        assert_eq!(block.source_span(rest..rest + 4), 24..28);
    }

    #[test]
    fn a_span_ending_in_a_wide_character_ends_with_it() {
        // Source: "Sip tea ☕" after 10 bytes of something else.
        let mut block = TextBlock::new(BlockKind::Paragraph, 10..21);
        block.push("Sip tea ☕", 10..21, true);
        assert_eq!(block.source_span(0..block.text.len()), 10..21);
        let cup = block.text.find('☕').unwrap();
        assert_eq!(block.source_span(cup..cup + '☕'.len_utf8()), 18..21);
    }

    #[test]
    fn lines_split_where_the_source_broke_them() {
        let article =
            crate::article::Article::parse("# T\n\nBy Ana Ruiz\n*Reviewed by* Lee Park  \nToday<br>Now<BR/>Later\n");
        let block = article.blocks.iter().find(|b| b.text.starts_with("By")).unwrap();
        let lines: Vec<&str> = block.lines().map(|r| &block.text[r]).collect();
        assert_eq!(lines, ["By Ana Ruiz", "Reviewed by Lee Park", "Today", "Now", "Later"]);
        // `<br>` adds no text.
        assert!(block.text.ends_with("TodayNowLater"));
        let single = article.blocks.iter().find(|b| b.text == "T").unwrap();
        assert_eq!(single.lines().count(), 1);
    }
}
