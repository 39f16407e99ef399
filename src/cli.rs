//! The command line: argument parsing, the check run and its exit code.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Seek, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

mod adoption;
mod fixing;
mod report;
mod reviews;
mod scan;
mod watch;

use scan::InputArgs;

use crate::article::InputFormat;
use crate::article::review::Field;
use crate::config::{self, Config};
use crate::diagnostic::Severity;
use crate::discover::{self, Input, Limits};
use crate::escape;
use crate::line_index::LineIndex;
use crate::render::{self, FileReport, Format, Located, Summary};
use crate::rules::RuleSet;
use crate::suggest::did_you_mean;
use crate::toml_file::FileError;
use adoption::{Checked, show_settings};

/// Files linted in parallel before their output is written.
const CHUNK_FILES: usize = 512;
/// Spooled findings (JSON, SARIF, GitLab, JUnit) stay in memory up to this size,
/// then move to a temporary file.
const SPOOL_IN_MEMORY: usize = 64 << 20;

/// Exit codes: ripgrep's and Ruff's convention.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "medlint",
    version,
    about = "A linter for consumer health articles in Markdown, MDX, HTML or plain text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint articles (the default command)
    // A repeated flag takes its last value, as in ripgrep and Ruff, so
    // wrappers can append to a user's arguments.
    #[command(args_override_self = true)]
    Check(Box<CheckArgs>),
    /// List every rule with its category, default severity and summary
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Print a rule's documentation, with a failing and a passing example
    Explain {
        /// The rule's name, e.g. empty-table
        rule: String,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the settings that apply to each file named, and where each
    /// came from (the same as `check --show-settings`)
    #[command(args_override_self = true)]
    Config(Box<CheckArgs>),
    /// Review status per article: reviewer, last review, next due date,
    /// as a table, JSON, CSV or an iCalendar file
    Reviews(Box<reviews::ReviewsArgs>),
    /// Write one self-contained HTML report: findings, charts, review
    /// timeline and every article's findings
    Report(Box<report::ReportArgs>),
    /// Run the language server (LSP over standard input and output), for
    /// editors
    Server,
    /// Write a commented default medlint.toml in the current directory
    Init {
        /// Where to write it
        #[arg(default_value = "medlint.toml")]
        path: PathBuf,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
    Never,
}

/// `--input-format`: the reader for every input, whatever its name.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormatArg {
    Md,
    Mdx,
    Html,
    Txt,
}

impl From<InputFormatArg> for InputFormat {
    fn from(format: InputFormatArg) -> Self {
        match format {
            InputFormatArg::Md => InputFormat::Markdown,
            InputFormatArg::Mdx => InputFormat::Mdx,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Txt => InputFormat::PlainText,
        }
    }
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug, Default, Clone)]
struct CheckArgs {
    /// Which articles to read, and how
    #[command(flatten)]
    input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Lowest severity that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Print only the diagnostics, without the summary line
    #[arg(long, short)]
    quiet: bool,
    /// Print the number of findings per rule instead of the findings
    #[arg(long)]
    statistics: bool,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Run only these rules or categories (comma-separated)
    #[arg(long, value_name = "RULE|CATEGORY", value_delimiter = ',')]
    select: Vec<String>,
    /// Turn off these rules or categories (comma-separated)
    #[arg(long, value_name = "RULE|CATEGORY", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Report only findings not recorded in this baseline file (default:
    /// the config's `baseline`)
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    baseline: Option<PathBuf>,
    /// Ignore the config's `baseline`: report every finding
    #[arg(long)]
    no_baseline: bool,
    /// Record every current finding in this baseline file, and exit 0
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Check only files added or changed since this git revision (from its
    /// merge base with HEAD, with uncommitted and untracked changes)
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
    /// Print the settings that apply to each file named, and where each
    /// came from, instead of checking
    #[arg(long)]
    show_settings: bool,
    /// Check, then check again the articles that change (everything
    /// when a config file changes), until interrupted
    #[arg(long, conflicts_with_all = ["show_settings", "write_baseline"])]
    watch: bool,
    /// Apply the safe fixes to the files, then report what remains
    #[arg(long, conflicts_with_all = ["show_settings", "write_baseline", "watch"])]
    fix: bool,
    /// With --fix or --diff: apply the unsafe fixes too (they may change
    /// what the article says)
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change, and change nothing
    /// (exit 1 when there is a diff)
    #[arg(long, conflicts_with_all = ["show_settings", "write_baseline", "watch"])]
    diff: bool,
}

/// Runs medlint with `args` (program name first) and returns the exit code.
/// Arguments need not be UTF-8: file names are taken as they are.
pub fn run(args: Vec<OsString>) -> i32 {
    let args = match with_default_command(args) {
        Ok(args) => args,
        Err(failure) => return exit_code(Err(failure)),
    };
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => return print_clap_error(&error, &args),
    };
    let result = match cli.command {
        Command::Check(args) if args.watch => watch::watch(*args),
        Command::Check(args) => check(*args),
        Command::Config(mut args) => {
            args.show_settings = true;
            check(*args)
        }
        Command::Rules { format } => listing_config().and_then(|config| print_rules(format, &config.rules)),
        Command::Explain { rule } => listing_config().and_then(|config| explain(&rule, &config.rules)),
        Command::Reviews(args) => reviews::run(*args),
        Command::Report(args) => report::run(*args),
        Command::Init { path } => init(&path),
        Command::Server => Ok(crate::server::run()),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "medlint", &mut io::stdout());
            Ok(EXIT_OK)
        }
    };
    exit_code(result)
}

/// The exit code of a command's result, its error reported on stderr.
fn exit_code(result: Result<i32, Failure>) -> i32 {
    match result {
        Ok(code) => code,
        Err(Failure::BrokenPipe) => EXIT_OK,
        Err(Failure::Usage(message)) => {
            stderr_line("error", None, &message);
            EXIT_ERROR
        }
        Err(Failure::Config(error, color)) => {
            // Show a discovered config by its path from here, as users know it.
            let cwd = std::env::current_dir().unwrap_or_default();
            let path = discover::shown_path(&error.path, &cwd);
            if error.source.is_empty() {
                stderr_line("error", Some(&path), &error.message);
            } else {
                let text = render::human::render_error(
                    &path,
                    &error.source,
                    &error.span,
                    &error.message,
                    error.help.as_deref(),
                    color,
                );
                write_stderr(&format!("{text}\n"));
            }
            EXIT_ERROR
        }
    }
}

/// Writes to standard error, never panicking: a closed pipe
/// (`medlint … 2>&1 | head -1`) must not turn a finding into a crash.
fn write_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// `LEVEL: [PATH: ]MESSAGE` on standard error, on one line whatever the
/// message holds. `path` is already shown ([`discover::shown_path`]).
fn stderr_line(level: &str, path: Option<&str>, message: &str) {
    let message = escape::line(message);
    match path {
        Some(path) => write_stderr(&format!("{level}: {path}: {message}\n")),
        None => write_stderr(&format!("{level}: {message}\n")),
    }
}

/// Prints a command-line parsing error (or `--help`, `--version`) without
/// letting an echoed argument forge a line: an argument with control
/// characters is shown escaped.
fn print_clap_error(error: &clap::Error, args: &[OsString]) -> i32 {
    let mut text = error.render().to_string();
    for arg in args.iter().filter_map(|arg| arg.to_str()) {
        if escape::line(arg) != arg {
            text = text.replace(arg, &escape::line(arg));
        }
    }
    let text = escape::block(&text);
    if error.use_stderr() {
        write_stderr(&text);
        EXIT_ERROR
    } else {
        // `--help` and `--version`: a closed pipe is no error.
        let _ = io::stdout().lock().write_all(text.as_bytes());
        EXIT_OK
    }
}

fn parse_max_file_size(text: &str) -> Result<u64, String> {
    discover::parse_size(text).ok_or_else(|| "expected a size such as 50MB, 512KB or 1048576".to_string())
}

enum Failure {
    BrokenPipe,
    Usage(String),
    Config(FileError, bool),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Usage(format!("cannot write output: {error}"))
        }
    }
}

/// The subcommands, as typed.
const COMMANDS: [&str; 10] = [
    "check",
    "config",
    "rules",
    "explain",
    "reviews",
    "report",
    "init",
    "completions",
    "server",
    "help",
];

/// `medlint PATHS…` means `medlint check PATHS…`. A first argument that is
/// no path and is close to a subcommand ("rule") is a usage error with a
/// suggestion, not a missing file.
fn with_default_command(mut args: Vec<OsString>) -> Result<Vec<OsString>, Failure> {
    let first = args.get(1).and_then(|arg| arg.to_str());
    let is_command =
        first.is_some_and(|first| COMMANDS.contains(&first) || matches!(first, "-h" | "--help" | "-V" | "--version"));
    if let Some(first) = first
        && !is_command
        && !first.starts_with('-')
        && !Path::new(first).exists()
        && let Some(command) = did_you_mean(&first.to_ascii_lowercase(), COMMANDS)
    {
        return Err(Failure::Usage(format!(
            "unknown command \"{first}\", and no file or directory has that name; did you mean `{command}`?"
        )));
    }
    if !is_command {
        args.insert(1.min(args.len()), "check".into());
    }
    Ok(args)
}

fn parse_today(flag: Option<&str>) -> Result<NaiveDate, Failure> {
    let (text, origin) = match flag {
        Some(text) => (text.to_string(), "--today"),
        None => match std::env::var("MEDLINT_TODAY") {
            Ok(text) if !text.is_empty() => (text, "MEDLINT_TODAY"),
            _ => return Ok(chrono::Local::now().date_naive()),
        },
    };
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Failure::Usage(format!("{origin} must be a date as YYYY-MM-DD, got \"{text}\"")))
}

impl FailOn {
    /// The lowest severity that fails the run, if any does.
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// A check run's settings, resolved from the arguments, the environment
/// and the config file.
struct Run {
    config: Config,
    /// Colour, and what fails (for JUnit).
    rendering: render::RenderOptions,
    /// The working directory: paths are shown relative to it.
    cwd: PathBuf,
    /// Standard input, read once when it is an input.
    stdin: Option<Result<Vec<u8>, String>>,
    pool: Option<rayon::ThreadPool>,
    /// What adopting medlint on an existing library adds: a baseline, the
    /// changed files.
    adoption: adoption::Adoption,
}

/// At most this many threads per core: more only costs memory (a stack
/// each) and start-up time.
const MAX_JOBS_PER_CORE: usize = 4;

impl CheckArgs {
    fn resolve(&self) -> Result<Run, Failure> {
        let today = parse_today(self.input.today.as_deref())?;
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        let cwd = std::env::current_dir().map_err(|error| {
            Failure::Usage(format!(
                "cannot read the working directory: {}",
                discover::describe_io(&error)
            ))
        })?;
        let mut config = Config::new(today);
        config.files.limits = Limits {
            max_file_size: self.input.max_file_size.unwrap_or(discover::DEFAULT_MAX_FILE_SIZE),
            follow_links: self.input.follow_links,
        };
        let config_path = match (&self.input.config, self.input.no_config) {
            (_, true) => None,
            (Some(path), false) => Some((path.clone(), true)),
            (None, false) => config::discover(&cwd).map(|path| (path, false)),
        };
        if let Some((path, named)) = &config_path {
            config
                .load(path, *named)
                .map_err(|error| Failure::Config(error, color))?;
        }
        config
            .rules
            .select(&self.select, &self.ignore)
            .map_err(Failure::Usage)?;
        if let Some(format) = self.input.input_format {
            config.options.input_format = Some(format.into());
        }
        for mapping in &self.input.front_matter_key {
            let (key, field) = mapping
                .split_once('=')
                .ok_or_else(|| Failure::Usage(format!("--front-matter-key takes KEY=FIELD, got \"{mapping}\"")))?;
            let parsed = Field::parse(field.trim()).ok_or_else(|| {
                Failure::Usage(format!(
                    "--front-matter-key: unknown field \"{field}\" (use author, reviewed_by, reviewed_on, published, updated or next_review)"
                ))
            })?;
            config.options.reading.extra_keys.push((key.trim().to_string(), parsed));
        }
        for glob in &self.input.exclude {
            config
                .files
                .excludes
                .patterns
                .add(glob, &cwd, false)
                .map_err(|message| Failure::Usage(format!("--exclude: {message}")))?;
        }
        let pool = match self.input.jobs {
            Some(0) => return Err(Failure::Usage("--jobs must be at least 1".to_string())),
            Some(jobs) => Some(thread_pool(jobs)?),
            None => None,
        };
        let stdin = self.reads_stdin().then(|| discover::read_stdin(config.files.limits));
        let adoption = adoption::Adoption::resolve(self, &config, &cwd, color)?;
        Ok(Run {
            config,
            rendering: render::RenderOptions {
                color,
                fail_on: self.fail_on.threshold(),
            },
            cwd,
            stdin,
            pool,
            adoption,
        })
    }

    /// The paths to lint: as given, else standard input when
    /// `--stdin-filename` names it, else the working directory.
    fn inputs(&self) -> Vec<PathBuf> {
        match (self.input.paths.is_empty(), &self.input.stdin_filename) {
            (false, _) => self.input.paths.clone(),
            (true, Some(_)) => vec![PathBuf::from("-")],
            (true, None) => vec![PathBuf::from(".")],
        }
    }

    /// Whether standard input is among the inputs.
    fn reads_stdin(&self) -> bool {
        self.inputs().iter().any(|path| path.as_os_str() == "-")
    }
}

/// A pool of `jobs` threads, or of as many as make sense on this machine.
fn thread_pool(jobs: usize) -> Result<rayon::ThreadPool, Failure> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let cap = cores * MAX_JOBS_PER_CORE;
    let threads = if jobs > cap {
        stderr_line(
            "warning",
            None,
            &format!("--jobs {jobs} is more than {MAX_JOBS_PER_CORE} threads per core; using {cap}"),
        );
        cap
    } else {
        jobs
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|error| Failure::Usage(format!("cannot start {threads} threads: {error}")))
}

/// Why an input was not linted, for standard error.
struct NotLinted {
    /// The path as shown.
    path: String,
    message: String,
}

impl Run {
    /// Reads and lints one file or standard input, rendered for `format`
    /// (nothing with `None`).
    fn lint(
        &self,
        input: &Input,
        stdin_name: &str,
        format: Option<Format>,
    ) -> Result<(FileReport, Checked), NotLinted> {
        let (path, source) = self.read_input(input, stdin_name)?;
        Ok(lint_file(
            path,
            &source,
            &self.config,
            format,
            &self.rendering,
            self.adoption.baseline.as_ref(),
        ))
    }

    /// One file's or standard input's path, as shown, and its text.
    fn read_input(&self, input: &Input, stdin_name: &str) -> Result<(String, String), NotLinted> {
        let (path, bytes) = match input {
            Input::File(path) => {
                let shown = discover::shown_path(path, &self.cwd);
                match discover::read_file(path, self.config.files.limits) {
                    Ok(bytes) => (shown, bytes),
                    Err(problem) => {
                        return Err(NotLinted {
                            path: shown,
                            message: problem.message().to_string(),
                        });
                    }
                }
            }
            Input::Stdin => {
                let shown = discover::shown_path(Path::new(stdin_name), &self.cwd);
                match &self.stdin {
                    Some(Ok(bytes)) => (shown, bytes.clone()),
                    Some(Err(message)) => {
                        return Err(NotLinted {
                            path: shown,
                            message: message.clone(),
                        });
                    }
                    None => unreachable!("stdin is read when it is an input"),
                }
            }
            Input::Error(..) | Input::Skipped(..) | Input::NothingFound(_) => {
                unreachable!("only files and standard input are linted")
            }
        };
        let source = decode(bytes).map_err(|message| NotLinted {
            path: path.clone(),
            message,
        })?;
        Ok((path, source))
    }

    /// The files a walk of this run picks.
    fn selection(&self) -> discover::Selection {
        discover::Selection {
            limits: self.config.files.limits,
            exclude: self.config.files.excludes.clone(),
            include: self.config.files.include.clone(),
            files: self.config.files.added.clone(),
            cwd: self.cwd.clone(),
        }
    }
}

/// Where a run's reports go: printed as they come, spooled into one
/// document, or only counted.
enum Sink {
    /// Human, concise and GitHub output: each file's text as it comes.
    /// Human reports of two files are kept apart by a blank line, as two
    /// findings of one file are.
    Stream { blank_line_between: bool, printed: bool },
    /// JSON, SARIF, GitLab and JUnit: entries spooled until the totals are
    /// known.
    Spool(render::Spool<tempfile::SpooledTempFile>),
    /// `--statistics`: findings per rule.
    Statistics(render::RuleCounts),
}

impl Sink {
    fn new(format: Format, statistics: bool) -> Sink {
        if statistics {
            Sink::Statistics(render::RuleCounts::default())
        } else if format.is_spooled() {
            Sink::Spool(render::Spool::new(tempfile::spooled_tempfile(SPOOL_IN_MEMORY), format))
        } else {
            Sink::Stream {
                blank_line_between: format == Format::Human,
                printed: false,
            }
        }
    }

    /// What each file's report must carry for this sink.
    fn render_format(&self, format: Format) -> Option<Format> {
        (!matches!(self, Sink::Statistics(_))).then_some(format)
    }

    fn add(&mut self, report: &FileReport, out: &mut impl Write) -> io::Result<()> {
        match self {
            Sink::Stream {
                blank_line_between,
                printed,
            } => {
                if report.rendered.is_empty() {
                    return Ok(());
                }
                if *blank_line_between && *printed {
                    out.write_all(b"\n")?;
                }
                *printed = true;
                out.write_all(report.rendered.as_bytes())
            }
            Sink::Spool(spool) => spool.add(&report.rendered),
            Sink::Statistics(counts) => {
                counts.add(report);
                Ok(())
            }
        }
    }

    /// Writes what waits for the end of the run.
    fn finish(self, format: Format, summary: &Summary, config: &Config, out: &mut impl Write) -> io::Result<()> {
        match self {
            Sink::Stream { .. } => Ok(()),
            Sink::Statistics(counts) => out.write_all(render::statistics(&counts, format).as_bytes()),
            Sink::Spool(spool) => {
                let Some(frame) = render::frame(format, summary, config.rules.rules()) else {
                    return Ok(());
                };
                let (mut spooled, any) = spool.into_parts();
                spooled.seek(io::SeekFrom::Start(0))?;
                frame.write(out, &mut spooled, any)
            }
        }
    }
}

/// A format's name, as `--format` takes it.
fn format_name(format: Format) -> String {
    format
        .to_possible_value()
        .map_or_else(|| format!("{format:?}"), |value| value.get_name().to_string())
}

/// What became of one input.
enum Outcome {
    Linted(FileReport, Checked),
    /// A file that could not be read or decoded: an error.
    NotLinted(NotLinted),
    /// A path passed over on purpose, with why: a warning.
    Skipped(NotLinted),
    /// A path on the command line under which no article was found.
    NothingFound(String),
}

impl Run {
    fn outcome(&self, input: &Input, stdin_name: &str, format: Option<Format>) -> Outcome {
        let shown = |path: &PathBuf, message: &str| NotLinted {
            path: discover::shown_path(path, &self.cwd),
            message: message.to_string(),
        };
        match input {
            Input::File(_) | Input::Stdin => match self.lint(input, stdin_name, format) {
                Ok((report, checked)) => Outcome::Linted(report, checked),
                Err(not_linted) => Outcome::NotLinted(not_linted),
            },
            Input::Error(path, message) => Outcome::NotLinted(shown(path, message)),
            Input::Skipped(path, message) => Outcome::Skipped(shown(path, &format!("skipped: {message}"))),
            Input::NothingFound(path) => Outcome::NothingFound(discover::shown_path(path, &self.cwd)),
        }
    }
}

fn check(args: CheckArgs) -> Result<i32, Failure> {
    if args.statistics && !matches!(args.format, Format::Human | Format::Concise | Format::Json) {
        return Err(Failure::Usage(format!(
            "--statistics prints a table (human, concise) or JSON; it has no {} form",
            format_name(args.format)
        )));
    }
    if args.unsafe_fixes && !args.fix && !args.diff {
        return Err(Failure::Usage("--unsafe-fixes goes with --fix or --diff".to_string()));
    }
    let run = args.resolve()?;
    if args.show_settings {
        return show_settings(&args, &run);
    }
    if (args.fix || args.diff) && args.reads_stdin() {
        return fixing::fix_stdin(&args, &run);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut fix_failed = false;
    if args.fix || args.diff {
        let totals = fixing::fix_inputs(&args, &run, &mut out)?;
        out.flush()?;
        if args.diff {
            if !args.quiet {
                stderr_line("note", None, &totals.line("would be applied"));
            }
            return Ok(if totals.had_error {
                EXIT_ERROR
            } else if totals.changed > 0 {
                EXIT_FINDINGS
            } else {
                EXIT_OK
            });
        }
        if !args.quiet {
            stderr_line("note", None, &totals.line("applied"));
        }
        // A file that could not be written: the check still runs, the
        // exit code says so.
        fix_failed = totals.had_error;
    }
    let mut summary = Summary::failing_on(args.fail_on.threshold());
    let mut had_error = false;
    let mut nothing_found = false;
    let mut worst: Option<Severity> = None;
    let mut sink = Sink::new(args.format, args.statistics);
    let mut recorder = run.adoption.recorder();
    if run.config.options.articles.configured {
        summary.articles = Some(0);
    }
    let render_format = sink.render_format(args.format).filter(|_| recorder.is_none());
    let stdin_name = args.input.stdin_filename.as_deref().unwrap_or("<stdin>");
    let outcome = |input: &Input| run.outcome(input, stdin_name, render_format);
    let selection = run.selection();
    // Files are linted a chunk at a time, in parallel, and printed (or
    // spooled) in order as each chunk finishes: output stays deterministic,
    // and memory does not grow with the number of files.
    let inputs = run
        .adoption
        .only_changed(discover::discover(args.inputs(), selection), &run.cwd);
    for (n, chunk) in in_chunks(inputs).enumerate() {
        // The packs' shared search compiles beside the first files' parsing
        // and rules, not before their pack rules.
        let lint_chunk = || -> Vec<_> {
            if n == 0 {
                rayon::join(
                    || run.config.rules.shared_search().is_some(),
                    || chunk.par_iter().map(&outcome).collect(),
                )
                .1
            } else {
                chunk.par_iter().map(&outcome).collect()
            }
        };
        let outcomes: Vec<_> = match &run.pool {
            Some(pool) => pool.install(lint_chunk),
            None => lint_chunk(),
        };
        for outcome in outcomes {
            match outcome {
                Outcome::Linted(report, checked) => {
                    summary.add(&report);
                    checked.count(&mut summary);
                    if let Some(recorder) = &mut recorder {
                        recorder.add(&report.path, &report.diagnostics);
                    }
                    worst = worst.max(report.diagnostics.iter().map(|d| d.diagnostic.severity).max());
                    sink.add(&report, &mut out)?;
                    if !report.internal_errors.is_empty() {
                        had_error = true;
                        out.flush()?;
                        for error in &report.internal_errors {
                            stderr_line("error", Some(&report.path), error);
                        }
                    }
                }
                Outcome::NotLinted(NotLinted { path, message }) => {
                    had_error = true;
                    summary.unreadable += 1;
                    out.flush()?;
                    stderr_line("error", Some(&path), &message);
                }
                Outcome::Skipped(NotLinted { path, message }) => {
                    out.flush()?;
                    stderr_line("warning", Some(&path), &message);
                }
                Outcome::NothingFound(path) => {
                    nothing_found = true;
                    out.flush()?;
                    stderr_line("warning", None, &format!("no articles found in {path}"));
                }
            }
        }
    }
    if let Some(recorder) = recorder {
        out.flush()?;
        return adoption::write_baseline(recorder, &summary, had_error);
    }
    summary.baseline_gone += run.adoption.gone_elsewhere();
    let statistics = matches!(sink, Sink::Statistics(_));
    sink.finish(args.format, &summary, &run.config, &mut out)?;
    if args.format.has_summary_line() && !args.quiet {
        let any = summary.errors + summary.warnings + summary.infos > 0;
        if args.format == Format::Human && any && !statistics {
            writeln!(out)?;
        }
        writeln!(out, "{}", summary.line())?;
    }
    out.flush()?;
    let allow_empty = args.input.allow_empty || run.config.files.allow_empty;
    if summary.files == 0
        && !had_error
        && let Some(reference) = &args.changed_since
    {
        stderr_line("note", None, &format!("no articles changed since {reference}"));
        return Ok(EXIT_OK);
    }
    if summary.files == 0 && !nothing_found && !had_error {
        nothing_found = true;
        stderr_line("warning", None, "no articles found");
    }
    if had_error || fix_failed || (nothing_found && !allow_empty) {
        return Ok(EXIT_ERROR);
    }
    let failed = args
        .fail_on
        .threshold()
        .is_some_and(|threshold| worst.is_some_and(|worst| worst >= threshold));
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}

/// `inputs` in chunks of [`CHUNK_FILES`], in order. The first chunk is
/// taken here; when there are more files, the rest of the walk runs on a
/// thread of its own, one chunk ahead of the caller, so that not even the
/// paths are held for the whole run. Runs of one chunk or less start no
/// thread. The thread stops once the chunks are dropped.
fn in_chunks(mut inputs: impl Iterator<Item = Input> + Send + 'static) -> impl Iterator<Item = Vec<Input>> {
    let first: Vec<Input> = inputs.by_ref().take(CHUNK_FILES).collect();
    let (sender, rest) = std::sync::mpsc::sync_channel(1);
    if first.len() == CHUNK_FILES {
        std::thread::spawn(move || {
            loop {
                let chunk: Vec<Input> = inputs.by_ref().take(CHUNK_FILES).collect();
                if chunk.is_empty() || sender.send(chunk).is_err() {
                    break;
                }
            }
        });
    }
    (!first.is_empty()).then_some(first).into_iter().chain(rest)
}

fn init(path: &std::path::Path) -> Result<i32, Failure> {
    use std::fs::OpenOptions;
    let file = OpenOptions::new().write(true).create_new(true).open(path);
    let mut file = match file {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            return Err(Failure::Usage(format!(
                "{} already exists; not overwriting it",
                escape::path(path)
            )));
        }
        Err(error) => {
            return Err(Failure::Usage(format!(
                "cannot create {}: {}",
                escape::path(path),
                discover::describe_io(&error)
            )));
        }
    };
    file.write_all(crate::config::template::DEFAULT_CONFIG.as_bytes())
        .map_err(|error| Failure::Usage(format!("cannot write {}: {error}", escape::path(path))))?;
    let _ = writeln!(io::stdout().lock(), "wrote {}", escape::path(path));
    Ok(EXIT_OK)
}

/// Decodes a file as UTF-8 (a byte order mark is allowed), or says why
/// not. Line breaks that are a lone CR (old Mac files) become LF, byte for
/// byte, so that every pass and every position sees lines the way an
/// editor shows them.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err("looks like a binary file (it contains NUL bytes), not an article".to_string());
    }
    let mut text = String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        format!("is not valid UTF-8 (invalid byte at offset {at}); save it as UTF-8")
    })?;
    crate::line_index::lone_carriage_returns_to_line_feeds(&mut text);
    Ok(text)
}

fn lint_file(
    path: String,
    source: &str,
    config: &Config,
    format: Option<Format>,
    rendering: &render::RenderOptions,
    baseline: Option<&crate::baseline::Baseline>,
) -> (FileReport, Checked) {
    let outcome = crate::lint_checked(source, &path, &config.options, &config.rules);
    let internal_errors = outcome.internal_errors.iter().map(ToString::to_string).collect();
    let diagnostics = outcome.diagnostics;
    let index = LineIndex::new(source);
    let mut diagnostics: Vec<Located> = diagnostics.into_iter().map(|d| Located::resolve(&index, d)).collect();
    if format.is_some_and(Format::carries_fixes) {
        let input = config.options.input_format_for(&path);
        for located in &mut diagnostics {
            located.resolve_fix(source, input, &index);
        }
    }
    let checked = Checked {
        is_article: outcome.is_article,
        baseline: baseline.map(|b| b.filter(&path, &mut diagnostics)).unwrap_or_default(),
    };
    let rendered = format.map_or_else(String::new, |format| {
        render::render_file(
            format,
            &path,
            source,
            &index,
            &diagnostics,
            rendering,
            config.rules.rules(),
        )
    });
    let report = FileReport {
        path,
        diagnostics,
        rendered,
        internal_errors,
    };
    (report, checked)
}

/// The config `rules` and `explain` describe: the discovered one, so that
/// pack rules it names are listed too.
fn listing_config() -> Result<Config, Failure> {
    let mut config = Config::new(chrono::Local::now().date_naive());
    let found = std::env::current_dir().ok().and_then(|dir| config::discover(&dir));
    if let Some(path) = found {
        config
            .load(&path, false)
            .map_err(|error| Failure::Config(error, false))?;
    }
    Ok(config)
}

fn print_rules(format: RulesFormat, rules: &RuleSet) -> Result<i32, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        RulesFormat::Json => {
            let list: Vec<_> = rules
                .rules()
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "name": rule.name,
                        "category": rule.category.as_str(),
                        "default_severity": rule.default_severity.as_str(),
                        "summary": rule.summary(),
                        "fix": crate::fix::fixability(rule.name).map(crate::fix::Fixability::as_str),
                        "docs": rule.docs(),
                    })
                })
                .collect();
            let text = serde_json::to_string_pretty(&list).expect("rules serialize");
            writeln!(out, "{text}")?;
        }
        RulesFormat::Human => {
            let width = rules.rules().iter().map(|r| r.name.len()).max().unwrap_or(0);
            for rule in rules.rules() {
                writeln!(
                    out,
                    "{:width$}  {:12} {:8} {}",
                    rule.name,
                    escape::line(rule.category.as_str()),
                    rule.default_severity.as_str(),
                    escape::line(&rule.summary())
                )?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn explain(name: &str, rules: &RuleSet) -> Result<i32, Failure> {
    let wanted = name.trim();
    let rule = rules.rules().iter().find(|r| r.name.eq_ignore_ascii_case(wanted));
    let mut out = io::stdout().lock();
    if let Some(rule) = rule {
        let fix = crate::fix::fixability(rule.name).map_or("none", crate::fix::Fixability::describe);
        writeln!(
            out,
            "# {}\n\ncategory: {} · default severity: {}\nfix: {fix}\n\n{}",
            rule.name,
            rule.category,
            rule.default_severity,
            escape::block(&rule.docs())
        )?;
        return Ok(EXIT_OK);
    }
    // A category: its rules, to explain one by one.
    let members: Vec<_> = rules
        .rules()
        .iter()
        .filter(|r| r.category.as_str().eq_ignore_ascii_case(wanted))
        .collect();
    if let Some(first) = members.first() {
        writeln!(out, "category {}: {} rules\n", first.category, members.len())?;
        let width = members.iter().map(|r| r.name.len()).max().unwrap_or(0);
        for rule in &members {
            writeln!(
                out,
                "  {:width$}  {:8} {}",
                rule.name,
                rule.default_severity.as_str(),
                escape::line(&rule.summary())
            )?;
        }
        writeln!(out, "\n`medlint explain RULE` documents one of them")?;
        return Ok(EXIT_OK);
    }
    let lowercase = wanted.to_ascii_lowercase();
    let names = rules.names();
    let hint = did_you_mean(&lowercase, names.iter().copied())
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default();
    Err(Failure::Usage(format!(
        "unknown rule or category \"{name}\"{hint} (`medlint rules` lists them)"
    )))
}
