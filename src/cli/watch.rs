//! `medlint check --watch`: check, then check again what changes.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use super::{CheckArgs, Failure, check, exit_code};
use crate::article::InputFormat;
use crate::config;
use crate::render::Format;

/// Changes closer together than this are one change (an editor's save is
/// often several file system events).
const DEBOUNCE: Duration = Duration::from_millis(50);

/// Checks the inputs, then, on every change under them, the changed
/// articles again (everything again when a config file changed). Runs
/// until interrupted.
pub(super) fn watch(args: CheckArgs) -> Result<i32, Failure> {
    let roots = args.inputs();
    if roots.iter().any(|path| path.as_os_str() == "-") {
        return Err(Failure::Usage("--watch cannot watch standard input".to_string()));
    }
    let (sender, events) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(DEBOUNCE, sender).map_err(|error| Failure::Usage(format!("cannot watch files: {error}")))?;
    for root in &roots {
        debouncer
            .watcher()
            .watch(root, RecursiveMode::Recursive)
            .map_err(|error| Failure::Usage(format!("cannot watch {}: {error}", root.display())))?;
    }
    // The config in force may sit above the watched paths.
    let cwd = std::env::current_dir().unwrap_or_default();
    let config_file = match (&args.input.config, args.input.no_config) {
        (_, true) => None,
        (Some(path), false) => Some(path.clone()),
        (None, false) => config::discover(&cwd),
    };
    if let Some(file) = &config_file {
        let _ = debouncer.watcher().watch(file, RecursiveMode::NonRecursive);
    }
    let clear = args.format == Format::Human && io::stdout().is_terminal();
    let mut stamps = Stamps {
        started: SystemTime::now(),
        seen: HashMap::new(),
    };
    run(&args, None);
    while let Ok(first) = events.recv() {
        let mut changed: Vec<PathBuf> = Vec::new();
        for result in std::iter::once(first).chain(events.try_iter()) {
            match result {
                Ok(batch) => changed.extend(batch.into_iter().map(|event| event.path)),
                Err(error) => super::stderr_line("warning", None, &format!("watching files: {error}")),
            }
        }
        changed.sort();
        changed.dedup();
        // Reading a file is an event too (the check itself reads them all):
        // only a new modification time is a change.
        changed.retain(|path| stamps.modified(path));
        let config_changed = changed.iter().any(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| config::FILE_NAMES.contains(&name))
                || config_file.as_ref() == Some(path)
        });
        let articles: Vec<PathBuf> = changed
            .into_iter()
            .filter(|path| path.is_file() && path.to_str().and_then(InputFormat::from_path).is_some())
            .map(|path| path.strip_prefix(&cwd).map(PathBuf::from).unwrap_or(path))
            .collect();
        if !config_changed && articles.is_empty() {
            continue;
        }
        if clear {
            let _ = io::stdout().lock().write_all(b"\x1b[2J\x1b[H");
        }
        run(&args, (!config_changed).then_some(articles));
    }
    Ok(super::EXIT_OK)
}

/// One check: of `paths`, or of the inputs; then the time and what is
/// watched: after the summary in human and concise output, on standard
/// error with the other formats, so that JSON stays JSON.
fn run(args: &CheckArgs, paths: Option<Vec<PathBuf>>) {
    let mut args = args.clone();
    if let Some(paths) = paths {
        args.input.paths = paths;
    }
    let on_stdout = matches!(args.format, Format::Human | Format::Concise);
    let code = exit_code(check(args));
    let now = chrono::Local::now().format("%H:%M:%S");
    let line = format!("[{now}] checked (exit code {code}); watching for changes, Ctrl-C to stop\n");
    if on_stdout {
        let mut out = io::stdout().lock();
        let _ = out.write_all(line.as_bytes()).and_then(|()| out.flush());
    } else {
        let _ = io::stdout().lock().flush();
        super::write_stderr(&line);
    }
}

/// Modification times of the files seen changing.
struct Stamps {
    /// When watching began: a file last modified before was checked then.
    started: SystemTime,
    seen: HashMap<PathBuf, SystemTime>,
}

impl Stamps {
    /// Whether `path` was modified since it was last seen (a file that is
    /// gone was: it was deleted).
    fn modified(&mut self, path: &Path) -> bool {
        let Ok(modified) = std::fs::metadata(path).and_then(|m| m.modified()) else {
            return self.seen.remove(path).is_some();
        };
        let changed = match self.seen.get(path) {
            Some(last) => modified != *last,
            None => modified > self.started,
        };
        self.seen.insert(path.to_path_buf(), modified);
        changed
    }
}
