//! `medlint check --watch`: check, then check again what changes.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

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
    let mut stamps = Stamps::default();
    for root in &roots {
        stamps.record(root);
    }
    if let Some(file) = &config_file {
        stamps.record(file);
    }
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
        // only new contents are a change.
        changed.retain(|path| (watched(path) || config_file.as_deref() == Some(path)) && stamps.modified(path));
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

/// What each file under the watched paths held when last seen: a hash of
/// its bytes. Modification times are not enough: a coarse file system
/// clock gives a save made in the same tick as the last one the same time.
#[derive(Default)]
struct Stamps {
    seen: HashMap<PathBuf, u64>,
}

impl Stamps {
    /// Records `path`, and every file under it when it is a directory, as
    /// the first check sees it.
    fn record(&mut self, path: &Path) {
        if path.is_dir() {
            let Ok(entries) = std::fs::read_dir(path) else { return };
            for entry in entries.flatten() {
                // Symbolic links are not followed (no loops), nor the
                // trees of tools.
                let skipped = matches!(entry.file_name().to_str(), Some(".git" | "node_modules" | "target"));
                if !skipped && entry.file_type().is_ok_and(|t| !t.is_symlink()) {
                    self.record(&entry.path());
                }
            }
        } else if watched(path)
            && let Some(hash) = content_hash(path)
        {
            self.seen.insert(key(path), hash);
        }
    }

    /// Whether `path` changed since it was last seen: new bytes, a new
    /// file, or a file that is gone.
    fn modified(&mut self, path: &Path) -> bool {
        let Some(hash) = content_hash(path) else {
            return self.seen.remove(&key(path)).is_some();
        };
        self.seen.insert(key(path), hash) != Some(hash)
    }
}

/// One name for a file however it was reached: "./a.md" from the command
/// line and "/home/…/a.md" from a file system event.
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// A file a change to which may mean a check: an article or a config
/// file.
fn watched(path: &Path) -> bool {
    path.to_str().and_then(InputFormat::from_path).is_some()
        || path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| config::FILE_NAMES.contains(&name))
}

/// A hash of the file's bytes; `None` when it cannot be read (or is not a
/// file).
fn content_hash(path: &Path) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    if !path.is_file() {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    Some(hasher.finish())
}
