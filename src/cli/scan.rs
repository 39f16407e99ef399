//! What `medlint reviews` and `medlint report` share: the input flags of
//! `check`, and a walk that reads and lints every article in parallel and
//! keeps what each command wants of it, in path order.

use std::path::PathBuf;

use rayon::prelude::*;

use super::{CheckArgs, InputFormatArg, NotLinted, Run, in_chunks, parse_max_file_size, stderr_line};
use crate::discover::{self, Input};
use crate::rules::RuleSet;
use crate::{LintOutcome, lint_checked};

/// The flags that say which articles to read and how: `check` flattens
/// them among its own, and `reviews` and `report` take them as they are.
#[derive(clap::Args, Debug, Default, Clone)]
pub(super) struct InputArgs {
    /// Files or directories to read (default: the working directory, or
    /// standard input with --stdin-filename); `-` reads standard input
    pub(super) paths: Vec<PathBuf>,
    /// The date to judge reviews against (default: $MEDLINT_TODAY, else today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(super) today: Option<String>,
    /// Name to report for standard input (its extension picks the reader);
    /// without paths, standard input is read
    #[arg(long, value_name = "NAME")]
    pub(super) stdin_filename: Option<String>,
    /// Read every input in this format, whatever its extension
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(super) input_format: Option<InputFormatArg>,
    /// Exit 0, not 2, when no article is found
    #[arg(long)]
    pub(super) allow_empty: bool,
    /// Number of threads (default: one per core)
    #[arg(long, short = 'j', value_name = "N")]
    pub(super) jobs: Option<usize>,
    /// Skip files and directories matching this glob, from the working
    /// directory (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub(super) exclude: Vec<String>,
    /// Skip files larger than this (e.g. 50MB, 200KB; default 50MB)
    #[arg(long, value_name = "SIZE", value_parser = parse_max_file_size)]
    pub(super) max_file_size: Option<u64>,
    /// Follow symbolic links, also those leading out of the walked tree
    #[arg(long)]
    pub(super) follow_links: bool,
    /// Use this config file instead of looking for medlint.toml
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub(super) config: Option<PathBuf>,
    /// Ignore every config file
    #[arg(long)]
    pub(super) no_config: bool,
    /// Read a further front matter key as a known field, e.g. lastupdate=updated (repeatable)
    #[arg(long, value_name = "KEY=FIELD")]
    pub(super) front_matter_key: Vec<String>,
}

impl InputArgs {
    /// The same inputs as `check` would take them, with `select` and
    /// `ignore` choosing the rules.
    pub(super) fn as_check(&self, select: &[String], ignore: &[String]) -> CheckArgs {
        CheckArgs {
            input: self.clone(),
            select: select.to_vec(),
            ignore: ignore.to_vec(),
            ..CheckArgs::default()
        }
    }
}

/// What a walk kept of each article, in path order, and how it went.
pub(super) struct Scanned<T> {
    pub items: Vec<T>,
    /// A file could not be read, a rule failed, or no article was found
    /// (without `--allow-empty`): the exit code is 2.
    pub failed: bool,
    /// Files that could not be read.
    pub unreadable: usize,
}

/// What became of one input.
enum Found<T> {
    /// Read and linted; with the path and the rules that panicked on it.
    Kept(T, String, Vec<String>),
    NotLinted(NotLinted),
    Skipped(NotLinted),
    Nothing(String),
}

/// Reads every input of `args`, lints it with `rules` and keeps
/// `keep(path, source, outcome)`. Unreadable and skipped files are named
/// on standard error as `check` names them, and the walk goes on.
pub(super) fn scan<T: Send>(
    args: &CheckArgs,
    run: &Run,
    rules: &RuleSet,
    keep: impl Fn(String, &str, LintOutcome) -> T + Sync,
) -> Scanned<T> {
    let stdin_name = args.input.stdin_filename.as_deref().unwrap_or("<stdin>");
    let shown = |path: &PathBuf, message: String| NotLinted {
        path: discover::shown_path(path, &run.cwd),
        message,
    };
    let read = |input: &Input| match input {
        Input::File(_) | Input::Stdin => match run.read_input(input, stdin_name) {
            Ok((path, source)) => {
                let outcome = lint_checked(&source, &path, &run.config.options, rules);
                let errors = outcome.internal_errors.iter().map(ToString::to_string).collect();
                Found::Kept(keep(path.clone(), &source, outcome), path, errors)
            }
            Err(not_linted) => Found::NotLinted(not_linted),
        },
        Input::Error(path, message) => Found::NotLinted(shown(path, message.clone())),
        Input::Skipped(path, message) => Found::Skipped(shown(path, format!("skipped: {message}"))),
        Input::NothingFound(path) => Found::Nothing(discover::shown_path(path, &run.cwd)),
    };
    let mut scanned = Scanned {
        items: Vec::new(),
        failed: false,
        unreadable: 0,
    };
    let mut nothing_found = false;
    for chunk in in_chunks(discover::discover(args.inputs(), run.selection())) {
        let read_chunk = || chunk.par_iter().map(&read).collect::<Vec<_>>();
        let found = match &run.pool {
            Some(pool) => pool.install(read_chunk),
            None => read_chunk(),
        };
        for found in found {
            match found {
                Found::Kept(item, path, errors) => {
                    scanned.items.push(item);
                    for error in errors {
                        scanned.failed = true;
                        stderr_line("error", Some(&path), &error);
                    }
                }
                Found::NotLinted(NotLinted { path, message }) => {
                    scanned.failed = true;
                    scanned.unreadable += 1;
                    stderr_line("error", Some(&path), &message);
                }
                Found::Skipped(NotLinted { path, message }) => stderr_line("warning", Some(&path), &message),
                Found::Nothing(path) => {
                    nothing_found = true;
                    stderr_line("warning", None, &format!("no articles found in {path}"));
                }
            }
        }
    }
    if scanned.items.is_empty() && !nothing_found && !scanned.failed {
        nothing_found = true;
        stderr_line("warning", None, "no articles found");
    }
    let allow_empty = args.input.allow_empty || run.config.files.allow_empty;
    scanned.failed |= nothing_found && !allow_empty;
    scanned
}
