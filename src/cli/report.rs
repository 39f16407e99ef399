//! `medlint report`: lints the articles and writes the HTML report.

use std::io::Write;
use std::path::PathBuf;

use super::scan::{InputArgs, scan};
use super::{EXIT_ERROR, EXIT_OK, Failure};
use crate::escape;
use crate::line_index::LineIndex;
use crate::render::Located;
use crate::report::{ReportArticle, ReportRun, html};
use crate::reviews::ReviewRow;

#[derive(clap::Args, Debug)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Where to write the report
    #[arg(long, short = 'o', value_name = "FILE", default_value = "medlint-report.html")]
    output: PathBuf,
    /// Run only these rules or categories (comma-separated)
    #[arg(long, value_name = "RULE|CATEGORY", value_delimiter = ',')]
    select: Vec<String>,
    /// Turn off these rules or categories (comma-separated)
    #[arg(long, value_name = "RULE|CATEGORY", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Print nothing but errors
    #[arg(long, short)]
    quiet: bool,
}

pub(super) fn run(args: ReportArgs) -> Result<i32, Failure> {
    let check = args.input.as_check(&args.select, &args.ignore);
    let run = check.resolve()?;
    let options = &run.config.options;
    let scanned = scan(&check, &run, &run.config.rules, |path, source, outcome| {
        let index = LineIndex::new(source);
        let findings: Vec<Located> = outcome
            .diagnostics
            .into_iter()
            .map(|d| Located::resolve(&index, d))
            .collect();
        let row = ReviewRow::new(&path, outcome.title.as_deref(), &outcome.review, options);
        ReportArticle::new(row, outcome.is_article, source, &index, &findings)
    });
    let inputs = check.inputs().iter().map(|path| escape::path(path)).collect();
    let report_run = ReportRun {
        today: options.today,
        max_age_months: options.review.max_age_months,
        warn_before_days: options.review.warn_before_days,
        inputs,
        unreadable: scanned.unreadable,
    };
    let page = html::render(&report_run, &scanned.items, run.config.rules.rules());
    let shown = escape::path(&args.output);
    std::fs::write(&args.output, page.as_bytes()).map_err(|error| {
        Failure::Usage(format!(
            "cannot write {shown}: {}",
            crate::discover::describe_io(&error)
        ))
    })?;
    if !args.quiet {
        let findings: usize = scanned.items.iter().map(|a| a.findings.len()).sum();
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "wrote {shown}: {} article{}, {findings} finding{}, {} KB",
            scanned.items.len(),
            if scanned.items.len() == 1 { "" } else { "s" },
            if findings == 1 { "" } else { "s" },
            page.len().div_ceil(1024)
        )?;
    }
    Ok(if scanned.failed { EXIT_ERROR } else { EXIT_OK })
}
