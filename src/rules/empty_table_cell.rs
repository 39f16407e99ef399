//! `empty-table-cell`: rows with missing values in an otherwise filled table.

use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;
use crate::rules::empty_table::emptiness;
use crate::rules::table_name;

declare_rule! {
    /// ## What it does
    /// Reports each row of a filled table that has one or more empty cells,
    /// once per row, naming the columns that are empty. `TBD`, `TODO` and `?`
    /// count as empty. Tables that are empty as a whole are left to
    /// `empty-table`.
    ///
    /// ## Why is this bad?
    /// A missing dose, duration or cost in a details table reads as an
    /// omission, and readers fill the gap with guesses.
    ///
    /// ## Example
    /// ```markdown
    /// | Detail        | Value      |
    /// | ------------- | ---------- |
    /// | Duration      | 30 minutes |
    /// | Recovery Time | TBD        |
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// | Detail        | Value      |
    /// | ------------- | ---------- |
    /// | Duration      | 30 minutes |
    /// | Recovery Time | 2-3 days   |
    /// ```
    pub static EMPTY_TABLE_CELL = {
        name: "empty-table-cell",
        category: Tables,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    for table in &article.tables {
        if emptiness(table).is_some() {
            continue;
        }
        let name = table_name(article, table.span.start);
        for (index, row) in table.rows.iter().enumerate() {
            let empty: Vec<usize> = (0..row.len()).filter(|&i| row[i].is_empty()).collect();
            if empty.is_empty() {
                continue;
            }
            let row_name = row.iter().find(|cell| !cell.is_empty()).map_or_else(
                || format!("row {}", index + 1),
                |cell| format!("row {}", quoted(&cell.text)),
            );
            let columns: Vec<String> = empty
                .iter()
                .map(|&i| match table.header.get(i).map(|c| c.text.as_str()) {
                    Some(text) if !text.is_empty() => quoted(text),
                    _ => format!("column {}", i + 1),
                })
                .collect();
            let message = if empty.len() == row.len() {
                format!("row {} of {name} is empty", index + 1)
            } else if empty.len() == 1 {
                format!("{row_name} of {name} has an empty cell under {}", columns[0])
            } else {
                format!(
                    "{row_name} of {name} has {} empty cells under {}",
                    empty.len(),
                    columns.join(", ")
                )
            };
            let diagnostic = out.emit(table.row_span(index), message);
            for &i in &empty {
                diagnostic.label(row[i].span.clone(), "empty");
            }
            diagnostic.help("fill in the missing values, or write \"not applicable\" where none exists");
        }
    }
}
