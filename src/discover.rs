//! Turns the paths on the command line into the list of articles to lint.
//!
//! Directories are walked with the `ignore` crate (so `.gitignore`,
//! `.ignore` and hidden files are respected) and yield articles (`.md`,
//! `.markdown`, `.mdx`, `.html`, `.htm`, and what the config's `[files]`
//! adds, such as `.txt`); a file named explicitly is always linted. Results
//! keep the order of the arguments, each directory's files sorted, so
//! output is stable.

use std::path::{Path, PathBuf};

/// One thing to lint, or a problem finding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// A path that could not be walked, with what went wrong.
    Error(PathBuf, String),
}

/// Extensions a directory walk always yields. Plain text (`.txt`) is not
/// among them, so that a folder's `LICENSE.txt` is not linted by surprise.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "html", "htm"];

/// Which files a directory walk yields: the article extensions and what the
/// config's `[files]` table adds.
#[derive(Debug, Clone, Default)]
pub struct FileSelection {
    /// Further extensions, lowercase, without the dot (`txt`).
    pub extensions: Vec<String>,
    /// Globs of further files, matched against the path relative to `base`
    /// (the config file's directory) and against the path as walked.
    pub include: Option<globset::GlobSet>,
    pub base: PathBuf,
}

impl FileSelection {
    pub fn selects(&self, path: &Path) -> bool {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let known = ARTICLE_EXTENSIONS
            .iter()
            .copied()
            .chain(self.extensions.iter().map(String::as_str))
            .any(|e| e.eq_ignore_ascii_case(extension));
        if !extension.is_empty() && known {
            return true;
        }
        let Some(include) = &self.include else {
            return false;
        };
        let walked = path.strip_prefix(".").unwrap_or(path);
        let absolute = std::env::current_dir().map(|cwd| cwd.join(path)).unwrap_or_default();
        include.is_match(walked)
            || absolute
                .strip_prefix(&self.base)
                .is_ok_and(|relative| include.is_match(relative))
    }
}

/// Expands `paths` (`-` is standard input) into inputs, in order, one at a
/// time: a directory is walked as the inputs are taken, not before, for
/// the files `selection` picks.
pub fn discover(paths: Vec<PathBuf>, exclude: Vec<String>, selection: FileSelection) -> Discovery {
    Discovery {
        paths: paths.into_iter(),
        exclude,
        selection,
        walk: None,
    }
}

/// The inputs of [`discover`]. It owns what it needs, so that a thread of
/// its own can go on with a walk.
pub struct Discovery {
    paths: std::vec::IntoIter<PathBuf>,
    exclude: Vec<String>,
    selection: FileSelection,
    /// The directory being walked, and its walk.
    walk: Option<(PathBuf, ignore::Walk)>,
}

impl Iterator for Discovery {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some((root, walk)) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        let is_file = entry.file_type().is_some_and(|t| t.is_file() || t.is_symlink());
                        if is_file && self.selection.selects(entry.path()) {
                            return Some(Input::File(entry.into_path()));
                        }
                    }
                    Some(Err(error)) => {
                        let path = error_path(&error).unwrap_or_else(|| root.clone());
                        return Some(Input::Error(path, walk_error_message(&error)));
                    }
                    None => self.walk = None,
                }
                continue;
            }
            let path = self.paths.next()?;
            if path.as_os_str() == "-" {
                return Some(Input::Stdin);
            }
            match std::fs::metadata(&path) {
                Err(error) => return Some(Input::Error(path, describe_io(&error))),
                Ok(meta) if meta.is_dir() => {
                    let walk = walk(&path, &self.exclude);
                    self.walk = Some((path, walk));
                }
                Ok(_) => return Some(Input::File(path)),
            }
        }
    }
}

/// A walk of `root` in file-name order, honouring ignore files and the
/// `exclude` globs.
fn walk(root: &Path, exclude: &[String]) -> ignore::Walk {
    let mut overrides = ignore::overrides::OverrideBuilder::new(root);
    for glob in exclude {
        // An override glob that starts with `!` excludes matches.
        let _ = overrides.add(&format!("!{glob}"));
    }
    let mut builder = ignore::WalkBuilder::new(root);
    // Entries of one directory differ only in their names: compare those.
    builder.require_git(false).sort_by_file_name(|a, b| a.cmp(b));
    if let Ok(overrides) = overrides.build() {
        builder.overrides(overrides);
    }
    builder.build()
}

/// Files under `base` matching `pattern` (a path, or a glob relative to
/// `base`), sorted; found with the same walk as articles, so ignore files
/// and hidden files are honoured alike. For the packs a config names.
pub fn files_matching(base: &Path, pattern: &str) -> Result<Vec<PathBuf>, String> {
    const WILDCARDS: [char; 4] = ['*', '?', '[', '{'];
    if !pattern.contains(WILDCARDS) {
        let path = base.join(pattern);
        return Ok(if path.is_file() { vec![path] } else { Vec::new() });
    }
    let glob = globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob \"{pattern}\": {}", e.kind()))?
        .compile_matcher();
    // Walk from the part of the pattern before its first wildcard.
    let fixed: PathBuf = Path::new(pattern)
        .components()
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(WILDCARDS))
        .collect();
    let mut found: Vec<PathBuf> = walk(&base.join(fixed), &[])
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|path| path.strip_prefix(base).is_ok_and(|relative| glob.is_match(relative)))
        .collect();
    found.sort();
    Ok(found)
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn walk_error_message(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_message(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to {}", ancestor.display())
        }
        ignore::Error::Io(io) => describe_io(io),
        other => other.to_string(),
    }
}

/// A short, lowercase description of an I/O error.
pub fn describe_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let text = error.to_string();
            // Drop the "(os error N)" suffix; keep the words.
            let text = text.split(" (os error").next().unwrap_or(&text).to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}
