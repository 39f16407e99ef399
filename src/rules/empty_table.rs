//! `empty-table`: a table that holds no values.

use crate::article::Table;
use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;
use crate::rules::table_name;

declare_rule! {
    /// ## What it does
    /// Reports a table with no body rows, a table whose body cells are all
    /// empty, and a table whose rows have labels in the first column but no
    /// values in any other column. `TBD`, `TODO` and `?` count as empty.
    ///
    /// ## Why is this bad?
    /// A "Treatment Details" table that lists "Recovery Time" and "Needle
    /// Depth" with no values tells the reader the page has the facts and then
    /// withholds them. It usually means a template was published unfilled.
    ///
    /// ## Example
    /// ```markdown
    /// | Detail        | Value |
    /// | ------------- | ----- |
    /// | Recovery Time |       |
    /// | Sessions      |       |
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// | Detail        | Value    |
    /// | ------------- | -------- |
    /// | Recovery Time | 2-3 days |
    /// | Sessions      | 3-6      |
    /// ```
    pub static EMPTY_TABLE = {
        name: "empty-table",
        category: Tables,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    for table in &article.tables {
        let Some(problem) = emptiness(table) else {
            continue;
        };
        let name = table_name(article, table.span.start);
        let span = trimmed(article.source, table);
        let (message, help) = match problem {
            Emptiness::NoRows => (format!("{name} has no rows"), "add rows or remove the table"),
            Emptiness::NoValues => (format!("{name} has no values"), "fill in the cells or remove the table"),
            Emptiness::LabelsOnly => (
                format!("{name} has labels but no values"),
                "fill in the values or remove the table",
            ),
        };
        out.emit(span, message).help(help);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Emptiness {
    NoRows,
    NoValues,
    LabelsOnly,
}

/// Why a table counts as empty, if it does. `empty-table-cell` skips the
/// tables this reports.
pub(crate) fn emptiness(table: &Table) -> Option<Emptiness> {
    if table.rows.is_empty() {
        return Some(Emptiness::NoRows);
    }
    if table.rows.iter().flatten().all(|cell| cell.is_empty()) {
        return Some(Emptiness::NoValues);
    }
    let labels_only = table.width() >= 2
        && table
            .rows
            .iter()
            .all(|row| row.iter().skip(1).all(|cell| cell.is_empty()));
    labels_only.then_some(Emptiness::LabelsOnly)
}

fn trimmed(source: &str, table: &Table) -> std::ops::Range<usize> {
    let text = &source[table.span.clone()];
    table.span.start..table.span.start + text.trim_end().len()
}
