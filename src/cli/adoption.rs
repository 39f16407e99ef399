//! What `check` adds for a library adopting medlint: a baseline to match
//! findings against (or to write), the files changed since a git revision,
//! the count of pages checked as articles, and `--show-settings`.

use std::io::{self, Write};
use std::path::Path;

use super::{CheckArgs, EXIT_ERROR, EXIT_OK, Failure, Run, stderr_line};
use crate::article::Article;
use crate::baseline::{Baseline, Matched, Place, Recorder};
use crate::changed::{self, ChangedFiles};
use crate::config::Config;
use crate::diagnostic::plural;
use crate::discover::{self, Input};
use crate::render::Summary;

/// The adoption settings of one run.
pub(super) struct Adoption {
    /// The baseline findings are matched against.
    pub baseline: Option<Baseline>,
    /// `--write-baseline`: where to record the run's findings.
    write: Option<Place>,
    /// `--changed-since`: the files to check.
    changed: Option<ChangedFiles>,
}

/// What a checked file adds to the run's totals besides its findings.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Checked {
    pub is_article: bool,
    pub baseline: Matched,
}

impl Checked {
    pub fn count(self, summary: &mut Summary) {
        if let Some(articles) = &mut summary.articles {
            *articles += usize::from(self.is_article);
        }
        summary.baselined += self.baseline.accepted;
        summary.baseline_gone += self.baseline.gone;
    }
}

impl Adoption {
    pub fn resolve(args: &CheckArgs, config: &Config, cwd: &Path, color: bool) -> Result<Adoption, Failure> {
        let write = args.write_baseline.as_ref().map(|file| Place::new(file, cwd));
        // Writing a baseline records every finding: none is matched away.
        let named = match (&args.baseline, args.no_baseline || write.is_some()) {
            (_, true) => None,
            (Some(file), false) => Some(file.clone()),
            (None, false) => config.baseline.clone(),
        };
        let baseline = match named {
            Some(file) if !args.show_settings => {
                Some(Baseline::load(Place::new(&file, cwd)).map_err(|error| Failure::Config(error, color))?)
            }
            _ => None,
        };
        let changed = match &args.changed_since {
            Some(reference) if !args.show_settings => Some(changed::since(reference, cwd).map_err(Failure::Usage)?),
            _ => None,
        };
        Ok(Adoption {
            baseline,
            write,
            changed,
        })
    }

    /// A recorder for `--write-baseline`.
    pub fn recorder(&self) -> Option<Recorder> {
        self.write.clone().map(Recorder::new)
    }

    /// `inputs`, only the changed files among them with `--changed-since`.
    pub fn only_changed(
        &self,
        inputs: discover::Discovery,
        cwd: &Path,
    ) -> Box<dyn Iterator<Item = Input> + Send + 'static> {
        let Some(changed) = self.changed.clone() else {
            return Box::new(inputs);
        };
        let cwd = cwd.to_path_buf();
        Box::new(inputs.filter(move |input| match input {
            Input::File(path) | Input::Error(path, _) | Input::Skipped(path, _) => changed.contains(path, &cwd),
            Input::Stdin => true,
            // A directory with no article in it says nothing about changes.
            Input::NothingFound(_) => false,
        }))
    }

    /// Baseline entries of files this run did not check that are gone.
    pub fn gone_elsewhere(&self) -> usize {
        self.baseline.as_ref().map_or(0, Baseline::gone_elsewhere)
    }
}

/// Writes the baseline and says what it holds.
pub(super) fn write_baseline(recorder: Recorder, summary: &Summary, had_error: bool) -> Result<i32, Failure> {
    let written = recorder.write().map_err(Failure::Usage)?;
    let mut line = format!(
        "recorded {} in the baseline from {} checked",
        plural(written.findings, "finding"),
        plural(summary.files, "file")
    );
    if written.dropped > 0 {
        line.push_str(&format!(
            "; {} fixed since the last baseline",
            plural(written.dropped, "finding")
        ));
    }
    writeln!(io::stdout().lock(), "{line}")?;
    Ok(if had_error { EXIT_ERROR } else { EXIT_OK })
}

/// `--show-settings`: the settings for each path named.
pub(super) fn show_settings(args: &CheckArgs, run: &Run) -> Result<i32, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let shown = |path: &Path| discover::shown_path(path, &run.cwd);
    let paths = if args.input.paths.is_empty() {
        vec![std::path::PathBuf::from(".")]
    } else {
        args.input.paths.clone()
    };
    for (n, path) in paths.iter().enumerate() {
        let shown_path = shown(path);
        let source = path
            .is_file()
            .then(|| discover::read_file(path, run.config.files.limits).ok())
            .flatten()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let scope = &run.config.options.articles;
        let verdict = match &source {
            Some(source) => {
                let format = run.config.options.input_format_for(&shown_path);
                let article = Article::read(source, format, &run.config.options.reading);
                scope.verdict(&shown_path, Some(&article))
            }
            None => {
                if path.is_file() {
                    stderr_line("warning", Some(&shown_path), "cannot be read; judged by its path only");
                }
                scope.verdict(&shown_path, None)
            }
        };
        if n > 0 {
            writeln!(out)?;
        }
        let text = crate::config::show::settings(&run.config, &shown_path, &verdict, &shown);
        out.write_all(text.as_bytes())?;
    }
    out.flush()?;
    Ok(EXIT_OK)
}
