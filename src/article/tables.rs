//! Tables: header cells and rows of cells, each with its text and span.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Plain text, trimmed.
    pub text: String,
    pub span: Range<usize>,
}

impl Cell {
    /// A cell with no value: blank, or a stand-in such as `TBD`, `TODO`, `?`.
    pub fn is_empty(&self) -> bool {
        let text = self.text.trim();
        text.is_empty()
            || text.eq_ignore_ascii_case("tbd")
            || text.eq_ignore_ascii_case("todo")
            || text.chars().all(|c| c == '?')
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub span: Range<usize>,
    pub header: Vec<Cell>,
    /// Body rows; each row holds as many cells as the header.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub(crate) fn new(span: Range<usize>) -> Self {
        Table {
            span,
            header: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Number of columns (the header's width).
    pub fn width(&self) -> usize {
        self.header.len()
    }

    /// Source span of a body row: from its first to its last cell.
    pub fn row_span(&self, row: usize) -> Range<usize> {
        let cells = &self.rows[row];
        match (cells.first(), cells.last()) {
            (Some(first), Some(last)) => first.span.start..last.span.end,
            _ => self.span.clone(),
        }
    }
}
