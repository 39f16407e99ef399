//! Byte offsets to 1-based lines and character columns.

use std::borrow::Cow;

/// Whether `source` has a line break that is a CR alone (neither CRLF nor
/// LF), as old Mac files do.
fn has_lone_carriage_return(source: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', source).any(|at| source.get(at + 1) != Some(&b'\n'))
}

/// Turns every CR that is not part of a CRLF into LF. Both are one byte,
/// so offsets stay valid: a CR-only file is read with CR as its line break,
/// as CRLF files are.
pub fn lone_carriage_returns_to_line_feeds(source: &mut String) {
    if !has_lone_carriage_return(source.as_bytes()) {
        return;
    }
    let mut bytes = std::mem::take(source).into_bytes();
    for at in 0..bytes.len() {
        if bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n') {
            bytes[at] = b'\n';
        }
    }
    // Only ASCII bytes changed, to ASCII bytes: still UTF-8.
    *source = String::from_utf8(bytes).expect("replacing ASCII with ASCII keeps UTF-8");
}

/// `source` with lone CRs read as line feeds (see
/// [`lone_carriage_returns_to_line_feeds`]); borrowed when it has none.
pub fn with_line_feeds(source: &str) -> Cow<'_, str> {
    if !has_lone_carriage_return(source.as_bytes()) {
        return Cow::Borrowed(source);
    }
    let mut owned = source.to_string();
    lone_carriage_returns_to_line_feeds(&mut owned);
    Cow::Owned(owned)
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a source text. `\n` ends a line, so CRLF
/// files count lines the same way as LF files; a `\r` before the `\n` is part
/// of the line it ends.
pub struct LineIndex<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
    /// Characters before every [`CHECKPOINT`]-th byte, counted on the
    /// first column asked for on a long line: a column is then counted
    /// from the nearest checkpoint, not from its line's start, so that
    /// locating every finding of a one-line megabyte article stays linear.
    checkpoints: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two checkpoints of [`LineIndex`].
const CHECKPOINT: usize = 256;

/// Characters that start in `bytes`: every byte but UTF-8 continuation
/// bytes. Counted on bytes, so a range may cut a character.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        LineIndex {
            source,
            line_starts,
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// Characters in `source[..offset]`, `offset` a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.source.as_bytes();
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut total = 0;
            let mut list = vec![0];
            for chunk in bytes.chunks(CHECKPOINT) {
                total += char_starts(chunk);
                list.push(total);
            }
            list
        });
        let at = offset / CHECKPOINT;
        checkpoints[at] + char_starts(&bytes[at * CHECKPOINT..offset])
    }

    /// The 0-based line that holds byte `offset` (clamped to the source).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.source.len());
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// Byte range of 0-based line `line`, without its line terminator.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(self.source.len(), |next| next - 1);
        if end > start && self.source.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }

    /// The source text of `range`, clamped to the source and to character
    /// boundaries.
    pub fn text(&self, range: std::ops::Range<usize>) -> &'a str {
        let mut start = range.start.min(self.source.len());
        while !self.source.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end.clamp(start, self.source.len());
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        &self.source[start..end]
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// 1-based line and character column of byte `offset`. An offset inside a
    /// multi-byte character is moved back to the character's start.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let mut start = self.line_starts[line];
        // A byte order mark is invisible in editors: columns start after it.
        if start == 0 && self.source.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        let column = if offset - start <= 2 * CHECKPOINT {
            self.source[start..offset].chars().count() + 1
        } else {
            self.chars_before(offset) - self.chars_before(start) + 1
        };
        Position { line: line + 1, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_and_crlf_agree_on_lines_and_columns() {
        let lf = LineIndex::new("ab\ncd\n");
        let crlf = LineIndex::new("ab\r\ncd\r\n");
        assert_eq!(lf.position(3), Position { line: 2, column: 1 });
        assert_eq!(crlf.position(4), Position { line: 2, column: 1 });
        assert_eq!(crlf.line_range(0), 0..2);
        assert_eq!(crlf.line_range(1), 4..6);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é😀x\nz";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(x), Position { line: 1, column: 3 });
        // An offset inside the emoji snaps back to its start.
        assert_eq!(index.position(3), Position { line: 1, column: 2 });
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let index = LineIndex::new("\u{feff}# T\nx");
        assert_eq!(index.position(3), Position { line: 1, column: 1 });
        assert_eq!(index.position(5), Position { line: 1, column: 3 });
        assert_eq!(index.position(7), Position { line: 2, column: 1 });
    }

    #[test]
    fn columns_on_long_lines_count_from_checkpoints() {
        // Lines far longer than a checkpoint, with multi-byte characters
        // cut by checkpoint boundaries.
        let text = format!("x\n{}\n{}", "é😀a".repeat(3000), "ab".repeat(9000));
        let index = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(97).chain([text.len()]) {
            let mut at = offset;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let line = text[..at].matches('\n').count();
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..at].chars().count() + 1;
            assert_eq!(
                index.position(offset),
                Position { line: line + 1, column },
                "offset {offset}"
            );
        }
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let index = LineIndex::new("a\nb");
        assert_eq!(index.position(99), Position { line: 2, column: 2 });
    }
}
