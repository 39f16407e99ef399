//! Byte offsets to LSP positions and back: 0-based lines, columns counted
//! in UTF-16 code units, as the protocol requires.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

use crate::line_index::LineIndex;

/// The LSP position of byte `offset` (moved back to a character boundary,
/// clamped to the text).
pub fn position(index: &LineIndex<'_>, text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = index.line_of(offset);
    let start = index.line_start(line);
    let character = text[start..offset].encode_utf16().count();
    Position::new(line as u32, character as u32)
}

pub fn range(index: &LineIndex<'_>, text: &str, span: &std::ops::Range<usize>) -> Range {
    Range::new(position(index, text, span.start), position(index, text, span.end))
}

/// The byte offset of an LSP position. A line past the end is the end of
/// the text; a column past the end of its line is the line's end (before
/// its line break), as the protocol says.
pub fn offset(index: &LineIndex<'_>, text: &str, position: Position) -> usize {
    let line = position.line as usize;
    if line >= index.line_count() {
        return text.len();
    }
    let start = index.line_start(line);
    let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
    let mut units = 0usize;
    for (at, c) in text[start..end].char_indices() {
        if units >= position.character as usize {
            return start + at;
        }
        units += c.len_utf16();
    }
    // A column in the middle of a surrogate pair, or past the line: its end.
    end
}

/// Applies one change of `textDocument/didChange`: a range edit, or the
/// whole new text.
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(range) => {
            let index = LineIndex::new(text);
            let start = offset(&index, text, range.start);
            let end = offset(&index, text, range.end).max(start);
            text.replace_range(start..end, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_code_units() {
        let text = "é😀x\nz";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        // é is one unit, the emoji two.
        assert_eq!(position(&index, text, x), Position::new(0, 3));
        assert_eq!(offset(&index, text, Position::new(0, 3)), x);
        assert_eq!(offset(&index, text, Position::new(1, 0)), text.len() - 1);
        assert_eq!(offset(&index, text, Position::new(0, 99)), x + 1);
        assert_eq!(offset(&index, text, Position::new(9, 0)), text.len());
    }

    #[test]
    fn incremental_changes_replace_their_range() {
        let mut text = "a😀b\ncd\n".to_string();
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(0, 1), Position::new(0, 3))),
                range_length: None,
                text: "X".to_string(),
            },
        );
        assert_eq!(text, "aXb\ncd\n");
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(1, 2), Position::new(2, 0))),
                range_length: None,
                text: "!\n\nnew".to_string(),
            },
        );
        assert_eq!(text, "aXb\ncd!\n\nnew");
    }
}
