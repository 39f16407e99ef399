//! `medlint reviews`: the review calendar of the articles named.

use std::io::{self, Write};

use clap::ValueEnum;

use super::scan::{InputArgs, scan};
use super::{ColorChoice, EXIT_ERROR, EXIT_OK, Failure};
use crate::reviews::{self, ReviewRow, RowFilter, Status};
use crate::rules::RuleSet;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(super) enum ReviewsFormat {
    Table,
    Json,
    Csv,
    Ics,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(super) enum GroupBy {
    Reviewer,
}

#[derive(clap::Args, Debug)]
pub(super) struct ReviewsArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReviewsFormat::Table)]
    format: ReviewsFormat,
    /// Only articles with these statuses: overdue, due-soon, ok, unreviewed
    /// (comma-separated)
    #[arg(long, value_name = "STATUS", value_delimiter = ',', value_parser = parse_status)]
    status: Vec<Status>,
    /// Only articles this reviewer reviews (a name, or some of its words)
    #[arg(long, value_name = "NAME")]
    reviewer: Option<String>,
    /// Group the articles by reviewer, with counts (table, json and csv)
    #[arg(long, value_enum, value_name = "FIELD")]
    by: Option<GroupBy>,
    /// When to colour the table
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| "expected overdue, due-soon, ok or unreviewed".to_string())
}

pub(super) fn run(args: ReviewsArgs) -> Result<i32, Failure> {
    if args.by.is_some() && args.format == ReviewsFormat::Ics {
        return Err(Failure::Usage(
            "--by reviewer groups the table, JSON and CSV; a calendar has no groups".to_string(),
        ));
    }
    let mut check = args.input.as_check(&[], &[]);
    check.color = args.color;
    let run = check.resolve()?;
    let options = &run.config.options;
    // The calendar needs no findings: the articles are read, no rule runs.
    let no_rules = RuleSet::of(Vec::new());
    // Pages the config's `[articles]` table does not count as articles
    // have no review cycle: they get no row.
    let scanned = scan(&check, &run, &no_rules, |path, _, outcome| {
        outcome
            .is_article
            .then(|| ReviewRow::new(&path, outcome.title.as_deref(), &outcome.review, options))
    });
    let filter = RowFilter {
        statuses: args.status.clone(),
        reviewer: args.reviewer.clone(),
    };
    let mut rows: Vec<ReviewRow> = scanned
        .items
        .into_iter()
        .flatten()
        .filter(|row| filter.keeps(row))
        .collect();
    reviews::sort(&mut rows);
    let grouped = args.by.is_some();
    let text = match args.format {
        ReviewsFormat::Table => {
            reviews::table::render(&rows, grouped, options.review.warn_before_days, run.rendering.color)
        }
        ReviewsFormat::Json => reviews::json::render(&rows, grouped),
        ReviewsFormat::Csv => {
            if grouped {
                let order: Vec<ReviewRow> = reviews::by_reviewer(&rows)
                    .into_iter()
                    .flat_map(|group| group.rows.into_iter().cloned())
                    .collect();
                rows = order;
            }
            reviews::spreadsheet::render(&rows)
        }
        ReviewsFormat::Ics => reviews::ics::render(&rows, options.today),
    };
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(if scanned.failed { EXIT_ERROR } else { EXIT_OK })
}
