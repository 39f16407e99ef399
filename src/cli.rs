//! The command line: argument parsing, the check run and its exit code.

use std::io::{self, IsTerminal, Read, Seek, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::article::InputFormat;
use crate::article::review::Field;
use crate::config::{self, Config};
use crate::diagnostic::Severity;
use crate::discover::{self, Input};
use crate::line_index::LineIndex;
use crate::render::{self, FileReport, Format, Located, Summary};
use crate::rules::RuleSet;
use crate::suggest::did_you_mean;
use crate::toml_file::FileError;

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
    Check(CheckArgs),
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

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
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

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Lowest severity that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// The date to judge reviews against (default: $MEDLINT_TODAY, else today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// Name to report for standard input; its extension picks the reader
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
    /// Read every input in this format, whatever its extension
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormatArg>,
    /// Print only the diagnostics, without the summary line
    #[arg(long, short)]
    quiet: bool,
    /// Print the number of findings per rule instead of the findings
    #[arg(long)]
    statistics: bool,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Number of threads (default: one per core)
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Skip files and directories matching this glob (repeatable)
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Run only these rules or categories (comma-separated)
    #[arg(long, value_name = "RULE|CATEGORY", value_delimiter = ',')]
    select: Vec<String>,
    /// Turn off these rules or categories (comma-separated)
    #[arg(long, value_name = "RULE|CATEGORY", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Use this config file instead of looking for medlint.toml
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore every config file
    #[arg(long)]
    no_config: bool,
    /// Read a further front matter key as a known field, e.g. lastupdate=updated (repeatable)
    #[arg(long, value_name = "KEY=FIELD")]
    front_matter_key: Vec<String>,
}

/// Runs medlint with `args` (program name first) and returns the exit code.
pub fn run(args: Vec<String>) -> i32 {
    let cli = match Cli::try_parse_from(with_default_command(args)) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { EXIT_ERROR } else { EXIT_OK };
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { format } => listing_config().and_then(|config| print_rules(format, &config.rules)),
        Command::Explain { rule } => listing_config().and_then(|config| explain(&rule, &config.rules)),
        Command::Init { path } => init(&path),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "medlint", &mut io::stdout());
            Ok(EXIT_OK)
        }
    };
    match result {
        Ok(code) => code,
        Err(Failure::BrokenPipe) => EXIT_OK,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            EXIT_ERROR
        }
        Err(Failure::Config(error, color)) => {
            // Show a discovered config by its path from here, as users know it.
            let cwd = std::env::current_dir().unwrap_or_default();
            let path = error
                .path
                .strip_prefix(&cwd)
                .unwrap_or(&error.path)
                .display()
                .to_string();
            if error.source.is_empty() {
                eprintln!("error: {path}: {}", error.message);
            } else {
                let text = render::human::render_error(
                    &path,
                    &error.source,
                    &error.span,
                    &error.message,
                    error.help.as_deref(),
                    color,
                );
                eprintln!("{text}");
            }
            EXIT_ERROR
        }
    }
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

/// `medlint PATHS…` means `medlint check PATHS…`.
fn with_default_command(mut args: Vec<String>) -> Vec<String> {
    let first = args.get(1).map(String::as_str);
    let is_command = matches!(
        first,
        Some("check" | "rules" | "explain" | "init" | "completions" | "help" | "-h" | "--help" | "-V" | "--version")
    );
    if !is_command {
        args.insert(1.min(args.len()), "check".to_string());
    }
    args
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
    color: bool,
    /// Standard input, read once when `-` is among the paths.
    stdin: Option<io::Result<Vec<u8>>>,
    pool: Option<rayon::ThreadPool>,
}

impl CheckArgs {
    fn resolve(&self) -> Result<Run, Failure> {
        let today = parse_today(self.today.as_deref())?;
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        let mut config = Config::new(today);
        let config_path = match (&self.config, self.no_config) {
            (_, true) => None,
            (Some(path), false) => Some(path.clone()),
            (None, false) => std::env::current_dir().ok().and_then(|dir| config::discover(&dir)),
        };
        if let Some(path) = &config_path {
            config.load(path).map_err(|error| Failure::Config(error, color))?;
        }
        config
            .rules
            .select(&self.select, &self.ignore)
            .map_err(Failure::Usage)?;
        if let Some(format) = self.input_format {
            config.options.input_format = Some(format.into());
        }
        for mapping in &self.front_matter_key {
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
        let pool = match self.jobs {
            Some(0) => return Err(Failure::Usage("--jobs must be at least 1".to_string())),
            Some(jobs) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs)
                    .build()
                    .map_err(|error| Failure::Usage(format!("cannot start {jobs} threads: {error}")))?,
            ),
            None => None,
        };
        let stdin = self.paths.iter().any(|path| path.as_os_str() == "-").then(|| {
            let mut buffer = Vec::new();
            io::stdin().read_to_end(&mut buffer).map(|_| buffer)
        });
        Ok(Run {
            config,
            color,
            stdin,
            pool,
        })
    }
}

impl Run {
    /// Reads and lints one input, rendered for `format` (nothing with
    /// `None`); an input that cannot be read is its path and why.
    fn lint(&self, input: &Input, stdin_name: &str, format: Option<Format>) -> Result<FileReport, (String, String)> {
        let (path, bytes) = match input {
            Input::File(path) => {
                let shown = path.display().to_string();
                match std::fs::read(path) {
                    Ok(bytes) => (shown, bytes),
                    Err(error) => return Err((shown, discover::describe_io(&error))),
                }
            }
            Input::Stdin => match &self.stdin {
                Some(Ok(bytes)) => (stdin_name.to_string(), bytes.clone()),
                Some(Err(error)) => return Err((stdin_name.to_string(), discover::describe_io(error))),
                None => unreachable!("stdin is read when it is an input"),
            },
            Input::Error(path, message) => return Err((path.display().to_string(), message.clone())),
        };
        let source = decode(&bytes).map_err(|message| (path.clone(), message))?;
        Ok(lint_file(path, &source, &self.config, format, self.color))
    }
}

/// Where a run's reports go: printed as they come, spooled into one
/// document, or only counted.
enum Sink {
    /// Human, concise and GitHub output: each file's text as it comes.
    Stream,
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
            Sink::Stream
        }
    }

    /// What each file's report must carry for this sink.
    fn render_format(&self, format: Format) -> Option<Format> {
        (!matches!(self, Sink::Statistics(_))).then_some(format)
    }

    fn add(&mut self, report: &FileReport, out: &mut impl Write) -> io::Result<()> {
        match self {
            Sink::Stream => out.write_all(report.rendered.as_bytes()),
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
            Sink::Stream => Ok(()),
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

fn check(args: CheckArgs) -> Result<i32, Failure> {
    let run = args.resolve()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut had_error = false;
    let mut worst: Option<Severity> = None;
    let mut sink = Sink::new(args.format, args.statistics);
    let render_format = sink.render_format(args.format);
    let lint = |input: &Input| run.lint(input, &args.stdin_filename, render_format);
    // Files are linted a chunk at a time, in parallel, and printed (or
    // spooled) in order as each chunk finishes: output stays deterministic,
    // and memory does not grow with the number of files.
    for (n, chunk) in in_chunks(discover::discover(
        args.paths.clone(),
        args.exclude.clone(),
        run.config.files.clone(),
    ))
    .enumerate()
    {
        // The packs' shared search compiles beside the first files' parsing
        // and rules, not before their pack rules.
        let lint_chunk = || -> Vec<_> {
            if n == 0 {
                rayon::join(
                    || run.config.rules.shared_search().is_some(),
                    || chunk.par_iter().map(&lint).collect(),
                )
                .1
            } else {
                chunk.par_iter().map(&lint).collect()
            }
        };
        let outcomes: Vec<_> = match &run.pool {
            Some(pool) => pool.install(lint_chunk),
            None => lint_chunk(),
        };
        for outcome in outcomes {
            match outcome {
                Ok(report) => {
                    summary.add(&report);
                    worst = worst.max(report.diagnostics.iter().map(|d| d.diagnostic.severity).max());
                    sink.add(&report, &mut out)?;
                    if !report.internal_errors.is_empty() {
                        had_error = true;
                        out.flush()?;
                        for error in &report.internal_errors {
                            eprintln!("error: {}: {error}", report.path);
                        }
                    }
                }
                Err((path, message)) => {
                    had_error = true;
                    out.flush()?;
                    eprintln!("error: {path}: {message}");
                }
            }
        }
    }
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
    if had_error {
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
fn in_chunks(mut inputs: discover::Discovery) -> impl Iterator<Item = Vec<Input>> {
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
                path.display()
            )));
        }
        Err(error) => {
            return Err(Failure::Usage(format!(
                "cannot create {}: {}",
                path.display(),
                discover::describe_io(&error)
            )));
        }
    };
    file.write_all(crate::config::template::DEFAULT_CONFIG.as_bytes())
        .map_err(|error| Failure::Usage(format!("cannot write {}: {error}", path.display())))?;
    println!("wrote {}", path.display());
    Ok(EXIT_OK)
}

/// Decodes a file as UTF-8 (a byte order mark is allowed), or says why not.
fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not an article".to_string());
    }
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        format!("is not valid UTF-8 (invalid byte at offset {at}); save it as UTF-8")
    })
}

fn lint_file(path: String, source: &str, config: &Config, format: Option<Format>, color: bool) -> FileReport {
    let outcome = crate::lint_checked(source, &path, &config.options, &config.rules);
    let internal_errors = outcome.internal_errors.iter().map(ToString::to_string).collect();
    let diagnostics = outcome.diagnostics;
    let index = LineIndex::new(source);
    let diagnostics: Vec<Located> = diagnostics.into_iter().map(|d| Located::resolve(&index, d)).collect();
    let rendered = format.map_or_else(String::new, |format| {
        render::render_file(format, &path, source, &index, &diagnostics, color, config.rules.rules())
    });
    FileReport {
        path,
        diagnostics,
        rendered,
        internal_errors,
    }
}

/// The config `rules` and `explain` describe: the discovered one, so that
/// pack rules it names are listed too.
fn listing_config() -> Result<Config, Failure> {
    let mut config = Config::new(chrono::Local::now().date_naive());
    let found = std::env::current_dir().ok().and_then(|dir| config::discover(&dir));
    if let Some(path) = found {
        config.load(&path).map_err(|error| Failure::Config(error, false))?;
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
                    rule.category.as_str(),
                    rule.default_severity.as_str(),
                    rule.summary()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn explain(name: &str, rules: &RuleSet) -> Result<i32, Failure> {
    let Some(rule) = rules.find(name) else {
        let hint = did_you_mean(name, rules.rules().iter().map(|r| r.name))
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        return Err(Failure::Usage(format!(
            "unknown rule \"{name}\"{hint} (`medlint rules` lists them)"
        )));
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "# {}\n\ncategory: {} · default severity: {}\n\n{}",
        rule.name,
        rule.category,
        rule.default_severity,
        rule.docs()
    )?;
    Ok(EXIT_OK)
}
