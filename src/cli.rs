//! The command line: argument parsing, the check run and its exit code.

use std::io::{self, IsTerminal, Read, Seek, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::article::review::Field;
use crate::config::Config;
use crate::config::file as config_file;
use crate::diagnostic::Severity;
use crate::discover::{self, Input};
use crate::line_index::LineIndex;
use crate::render::{self, FileReport, Format, Located, Summary};
use crate::rules;
use crate::suggest::did_you_mean;

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
    about = "A linter for consumer health articles written in Markdown"
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
    /// Name to report for standard input
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
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
    /// Benchmark baseline: walk, read and parse with pulldown-cmark only
    #[arg(long, hide = true)]
    parse_only: bool,
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
        Command::Rules { format } => listing_config().and_then(|config| print_rules(format, &config)),
        Command::Explain { rule } => listing_config().and_then(|config| explain(&rule, &config)),
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
    Config(config_file::ConfigError, bool),
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

fn check(args: CheckArgs) -> Result<i32, Failure> {
    let today = parse_today(args.today.as_deref())?;
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut config = Config::new(today);
    let config_path = match (&args.config, args.no_config) {
        (_, true) => None,
        (Some(path), false) => Some(path.clone()),
        (None, false) => std::env::current_dir().ok().and_then(|dir| config_file::discover(&dir)),
    };
    if let Some(path) = &config_path
        && let Err(error) = config_file::load(path, &mut config)
    {
        return Err(Failure::Config(error, color));
    }
    apply_rule_selection(&mut config, &args.select, &args.ignore)?;
    for mapping in &args.front_matter_key {
        let (key, field) = mapping
            .split_once('=')
            .ok_or_else(|| Failure::Usage(format!("--front-matter-key takes KEY=FIELD, got \"{mapping}\"")))?;
        let parsed = Field::parse(field.trim()).ok_or_else(|| {
            Failure::Usage(format!(
                "--front-matter-key: unknown field \"{field}\" (use author, reviewed_by, reviewed_on, published, updated or next_review)"
            ))
        })?;
        config.review_options.extra_keys.push((key.trim().to_string(), parsed));
    }
    if args.jobs == Some(0) {
        return Err(Failure::Usage("--jobs must be at least 1".to_string()));
    }
    let stdin_text = if args.paths.iter().any(|path| path.as_os_str() == "-") {
        let mut buffer = Vec::new();
        Some(io::stdin().read_to_end(&mut buffer).map(|_| buffer))
    } else {
        None
    };
    // With --statistics only counts are printed: render nothing per file.
    let render_format = (!args.statistics).then_some(args.format);
    let lint = |input: &Input| -> Result<FileReport, (String, String)> {
        let (path, bytes) = match input {
            Input::File(path) => {
                let shown = path.display().to_string();
                match std::fs::read(path) {
                    Ok(bytes) => (shown, bytes),
                    Err(error) => return Err((shown, discover::describe_io(&error))),
                }
            }
            Input::Stdin => match &stdin_text {
                Some(Ok(bytes)) => (args.stdin_filename.clone(), bytes.clone()),
                Some(Err(error)) => {
                    return Err((args.stdin_filename.clone(), discover::describe_io(error)));
                }
                None => unreachable!("stdin is read when it is an input"),
            },
            Input::Error(path, message) => {
                return Err((path.display().to_string(), message.clone()));
            }
        };
        let source = decode(&bytes).map_err(|message| (path.clone(), message))?;
        if args.parse_only {
            let events = pulldown_cmark::Parser::new_ext(&source, pulldown_cmark::Options::all()).count();
            std::hint::black_box(events);
            return Ok(FileReport {
                path,
                diagnostics: Vec::new(),
                rendered: String::new(),
                internal_errors: Vec::new(),
            });
        }
        Ok(lint_file(path, &source, &config, render_format, color))
    };
    let pool = match args.jobs {
        Some(jobs) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .map_err(|error| Failure::Usage(format!("cannot start {jobs} threads: {error}")))?,
        ),
        None => None,
    };

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut had_error = false;
    let mut worst: Option<Severity> = None;
    let streamed = args.format.is_streamed() && !args.statistics;
    let mut spool = (args.format.is_spooled() && !args.statistics)
        .then(|| render::Spool::new(tempfile::spooled_tempfile(SPOOL_IN_MEMORY), args.format));
    let mut rule_counts = render::RuleCounts::default();
    // Files are linted a chunk at a time, in parallel, and printed (or
    // spooled) in order as each chunk finishes: output stays deterministic,
    // and memory does not grow with the number of files.
    for (n, chunk) in in_chunks(discover::discover(args.paths.clone(), args.exclude.clone())).enumerate() {
        // The packs' shared search compiles beside the first files' parsing
        // and rules, not before their pack rules.
        let lint_chunk = || -> Vec<_> {
            if n == 0 && !args.parse_only {
                rayon::join(
                    || config.pack_prefilter().is_some(),
                    || chunk.par_iter().map(&lint).collect(),
                )
                .1
            } else {
                chunk.par_iter().map(&lint).collect()
            }
        };
        let outcomes: Vec<_> = match &pool {
            Some(pool) => pool.install(lint_chunk),
            None => lint_chunk(),
        };
        for outcome in outcomes {
            match outcome {
                Ok(report) => {
                    summary.add(&report);
                    worst = worst.max(report.diagnostics.iter().map(|d| d.diagnostic.severity).max());
                    if streamed {
                        out.write_all(report.rendered.as_bytes())?;
                    }
                    if let Some(spool) = &mut spool {
                        spool.add(&report.rendered)?;
                    }
                    if args.statistics {
                        rule_counts.add(&report);
                    }
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
    if args.statistics {
        out.write_all(render::statistics(&rule_counts, args.format).as_bytes())?;
    } else if let Some(spool) = spool
        && let Some(frame) = render::frame(args.format, &summary, &config.rules)
    {
        let (mut spooled, any) = spool.into_parts();
        spooled.seek(io::SeekFrom::Start(0))?;
        frame.write(&mut out, &mut spooled, any)?;
    }
    if args.format.has_summary_line() && !args.quiet {
        let any = summary.errors + summary.warnings + summary.infos > 0;
        if args.format == Format::Human && any && !args.statistics {
            writeln!(out)?;
        }
        writeln!(out, "{}", summary.line())?;
    }
    out.flush()?;
    if had_error {
        return Ok(EXIT_ERROR);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|threshold| worst.is_some_and(|worst| worst >= threshold));
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

/// Applies `--select` and `--ignore` (rule names or categories).
fn apply_rule_selection(config: &mut Config, select: &[String], ignore: &[String]) -> Result<(), Failure> {
    let categories = rules::categories(&config.rules);
    let matches = |rule: &rules::Rule, names: &[String]| names.iter().any(|n| n == rule.name || n == rule.category);
    for name in select.iter().chain(ignore) {
        if config.find_rule(name).is_none() && !categories.contains(&name.as_str()) {
            let candidates = config.rules.iter().map(|r| r.name).chain(categories.iter().copied());
            let hint = did_you_mean(name, candidates)
                .map(|s| format!("; did you mean \"{s}\"?"))
                .unwrap_or_default();
            return Err(Failure::Usage(format!("unknown rule or category \"{name}\"{hint}")));
        }
    }
    for &rule in &config.rules.clone() {
        let selected = select.is_empty() || matches(rule, select);
        if !selected || matches(rule, ignore) {
            config.disabled.insert(rule.name.to_string());
        } else if !select.is_empty() && config.severity_of(rule).is_none() {
            // Selecting a rule by name turns it on even when the file says off.
            if select.iter().any(|n| n == rule.name) {
                config
                    .severities
                    .insert(rule.name.to_string(), Some(rule.default_severity));
            }
        }
    }
    Ok(())
}

/// Decodes a file as UTF-8 (a byte order mark is allowed), or says why not.
fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not a Markdown article".to_string());
    }
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        format!("is not valid UTF-8 (invalid byte at offset {at}); save it as UTF-8")
    })
}

fn lint_file(path: String, source: &str, config: &Config, format: Option<Format>, color: bool) -> FileReport {
    let outcome = crate::lint_checked(&path, source, config);
    let internal_errors = outcome.internal_errors.iter().map(ToString::to_string).collect();
    let diagnostics = outcome.diagnostics;
    let index = LineIndex::new(source);
    let diagnostics: Vec<Located> = diagnostics.into_iter().map(|d| Located::resolve(&index, d)).collect();
    let rendered = format.map_or_else(String::new, |format| {
        render::render_file(format, &path, source, &index, &diagnostics, color, &config.rules)
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
    let found = std::env::current_dir().ok().and_then(|dir| config_file::discover(&dir));
    if let Some(path) = found {
        config_file::load(&path, &mut config).map_err(|error| Failure::Config(error, false))?;
    }
    Ok(config)
}

fn print_rules(format: RulesFormat, config: &Config) -> Result<i32, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        RulesFormat::Json => {
            let list: Vec<_> = config
                .rules
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "name": rule.name,
                        "category": rule.category,
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
            let width = config.rules.iter().map(|r| r.name.len()).max().unwrap_or(0);
            for rule in &config.rules {
                writeln!(
                    out,
                    "{:width$}  {:12} {:8} {}",
                    rule.name,
                    rule.category,
                    rule.default_severity.as_str(),
                    rule.summary()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn explain(name: &str, config: &Config) -> Result<i32, Failure> {
    let Some(rule) = config.find_rule(name) else {
        let hint = did_you_mean(name, config.rules.iter().map(|r| r.name))
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
