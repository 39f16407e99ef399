//! Turns the paths on the command line into the list of articles to lint,
//! and reads files within the limits that keep a hostile tree harmless.
//!
//! Directories are walked (honouring `.gitignore`, `.ignore` and hidden
//! files) for articles (`.md`, `.markdown`, `.mdx`, `.html`, `.htm`, and
//! what the config's `[files]` adds, such as `.txt`; or the config's
//! `include` instead); a file named explicitly is linted whatever its
//! extension. Results keep the order of the arguments, each directory's
//! files sorted, so output is stable. Only regular files are read, each
//! within the size limit; a symbolic link that leaves the walked tree is
//! skipped unless links are followed; every path passed over for such a
//! reason is reported, once.

mod ignore_files;

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::escape;
use ignore_files::IgnoreRules;

/// One thing to lint, or a problem finding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// A path that could not be walked or read, with what went wrong.
    Error(PathBuf, String),
    /// A path passed over on purpose (a link out of the tree, a FIFO), with
    /// why: a warning.
    Skipped(PathBuf, String),
    /// A path on the command line under which no article was found.
    NothingFound(PathBuf),
}

/// Extensions a directory walk always yields. Plain text (`.txt`) is not
/// among them, so that a folder's `LICENSE.txt` is not linted by surprise.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "html", "htm"];

/// Which files a directory walk yields besides the article extensions:
/// what the config's `[files]` table adds.
#[derive(Debug, Clone, Default)]
pub struct FileSelection {
    /// Further extensions, lowercase, without the dot (`txt`).
    pub extensions: Vec<String>,
    /// Globs of further files, from the config file's directory.
    pub include: Option<Patterns>,
}

impl FileSelection {
    /// Whether a walk yields `path` (`absolute` is the same path, absolute).
    pub fn selects(&self, path: &Path, absolute: &Path) -> bool {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let known = ARTICLE_EXTENSIONS
            .iter()
            .copied()
            .chain(self.extensions.iter().map(String::as_str))
            .any(|e| e.eq_ignore_ascii_case(extension));
        (!extension.is_empty() && known)
            || self
                .include
                .as_ref()
                .is_some_and(|include| include.matches_file(absolute))
    }
}

/// The default for `--max-file-size`: generous for any article.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;

/// How files are read: the size limit, and whether links may lead out of
/// the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_file_size: u64,
    pub follow_links: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            follow_links: false,
        }
    }
}

/// Which files a walk yields and which it passes over.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub limits: Limits,
    pub exclude: Excludes,
    /// Files to lint when walking instead of articles (`include`); `None`
    /// is the article extensions and `files`.
    pub include: Option<Patterns>,
    /// What `[files]` adds to the article extensions.
    pub files: FileSelection,
    /// The working directory, which paths are shown relative to and
    /// command-line globs are matched from.
    pub cwd: PathBuf,
}

/// Globs as users write them, Ruff's way: a glob without `/` matches a
/// file or directory name anywhere (`drafts`, `README.*`); one with `/`
/// matches the path from its base directory (`content/drafts/**`: the
/// working directory for the command line, the config file's directory
/// for the config).
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    /// Name globs as written, and all of them compiled as one set: a
    /// walk asks about every entry it meets.
    names: Vec<String>,
    name_globs: Vec<globset::Glob>,
    name_set: GlobSet,
    paths: Vec<(PathBuf, String, GlobSet)>,
}

impl Patterns {
    /// Adds `glob` from `base` (an absolute directory); an invalid glob is
    /// an error naming it.
    pub fn add(&mut self, glob: &str, base: &Path, case_insensitive: bool) -> Result<(), String> {
        let trimmed = glob.strip_prefix("./").unwrap_or(glob).trim_end_matches('/');
        let compiled = GlobBuilder::new(trimmed)
            .literal_separator(true)
            .case_insensitive(case_insensitive)
            .build()
            .map_err(|error| format!("invalid glob \"{}\": {}", escape::line(glob), error.kind()))?;
        if trimmed.contains('/') {
            let set = GlobSetBuilder::new()
                .add(compiled)
                .build()
                .map_err(|error| format!("invalid glob \"{}\": {error}", escape::line(glob)))?;
            self.paths.push((base.to_path_buf(), glob.to_string(), set));
        } else {
            let mut builder = GlobSetBuilder::new();
            for known in self.name_globs.iter().chain([&compiled]) {
                builder.add(known.clone());
            }
            self.name_set = builder
                .build()
                .map_err(|error| format!("invalid glob \"{}\": {error}", escape::line(glob)))?;
            self.names.push(glob.to_string());
            self.name_globs.push(compiled);
        }
        Ok(())
    }

    /// The name glob that matches `name`, if one does.
    fn matching_name(&self, name: &std::ffi::OsStr) -> Option<&str> {
        if self.names.is_empty() {
            return None;
        }
        let index = self.name_set.matches(name).into_iter().next()?;
        Some(&self.names[index])
    }

    /// The path glob that matches `path`, if one does.
    fn matching_path(&self, path: &Path) -> Option<&str> {
        self.paths
            .iter()
            .find(|(base, _, set)| path.strip_prefix(base).is_ok_and(|relative| set.is_match(relative)))
            .map(|(_, glob, _)| glob.as_str())
    }

    /// The glob that matches an entry a walk meets, whose parents it has
    /// already passed: its own name, or its path.
    pub fn matching_entry(&self, name: &std::ffi::OsStr, path: &Path) -> Option<&str> {
        self.matching_name(name).or_else(|| self.matching_path(path))
    }

    /// The glob that matches `path` (absolute, without `.` or `..`): a name
    /// glob on any of its components, or a path glob on its path from the
    /// glob's base.
    pub fn matching(&self, path: &Path) -> Option<&str> {
        let by_name = path.components().find_map(|c| match c {
            Component::Normal(name) => self.matching_name(name),
            _ => None,
        });
        by_name.or_else(|| self.matching_path(path))
    }

    /// Whether a file's own name or path matches (for `include`).
    pub fn matches_file(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|name| self.matching_name(name).is_some()) || self.matching_path(path).is_some()
    }
}

/// Files and directories that are not linted: the default list (README,
/// CHANGELOG, LICENSE and the like, which are not articles), or the
/// config's `exclude`, and globs added to it.
#[derive(Debug, Clone)]
pub struct Excludes {
    pub patterns: Patterns,
}

/// Names that are never articles, excluded unless the config's `exclude`
/// says otherwise. Matched without regard to case.
pub const DEFAULT_EXCLUDES: &[&str] = &[
    "README.*",
    "CHANGELOG.*",
    "CHANGES.*",
    "HISTORY.*",
    "LICENSE*",
    "LICENCE*",
    "COPYING*",
    "NOTICE*",
    "AUTHORS*",
    "CONTRIBUTING.*",
    "CODE_OF_CONDUCT.*",
    "SECURITY.*",
    "SUPPORT.*",
    "node_modules",
];

impl Default for Excludes {
    fn default() -> Self {
        let mut patterns = Patterns::default();
        for glob in DEFAULT_EXCLUDES {
            patterns
                .add(glob, Path::new("/"), true)
                .expect("the default excludes are valid globs");
        }
        Excludes { patterns }
    }
}

/// Expands `paths` (`-` is standard input) into inputs, in order, one at a
/// time: a directory is walked as the inputs are taken, not before.
pub fn discover(paths: Vec<PathBuf>, selection: Selection) -> Discovery {
    Discovery {
        paths: paths.into_iter(),
        selection: Arc::new(selection),
        walk: None,
        pending: VecDeque::new(),
        problems: Arc::new(Mutex::new(Vec::new())),
    }
}

/// The inputs of [`discover`]. It owns what it needs, so that a thread of
/// its own can go on with a walk.
pub struct Discovery {
    paths: std::vec::IntoIter<PathBuf>,
    selection: Arc<Selection>,
    walk: Option<Box<RootWalk>>,
    /// Inputs found and not yet taken.
    pending: VecDeque<Input>,
    /// What the walk's filter met on the way (unreadable ignore files).
    problems: Arc<Mutex<Vec<Input>>>,
}

/// A directory named on the command line, being walked.
struct RootWalk {
    root: PathBuf,
    canonical_root: PathBuf,
    walk: ignore::Walk,
    /// Articles found under it so far.
    found: usize,
}

impl Iterator for Discovery {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(input) = self.pending.pop_front() {
                return Some(input);
            }
            if let Some(walk) = &mut self.walk {
                let next = walk.walk.next();
                let problems = std::mem::take(&mut *self.problems.lock().unwrap_or_else(|p| p.into_inner()));
                self.pending.extend(problems);
                match next {
                    Some(Ok(entry)) => {
                        if let Some(input) = walked_entry(&self.selection, walk, entry) {
                            walk.found += usize::from(matches!(input, Input::File(_)));
                            self.pending.push_back(input);
                        }
                    }
                    Some(Err(error)) => {
                        let path = error_path(&error).unwrap_or_else(|| walk.root.clone());
                        self.pending.push_back(Input::Error(path, walk_error_message(&error)));
                    }
                    None => {
                        if walk.found == 0 {
                            self.pending.push_back(Input::NothingFound(walk.root.clone()));
                        }
                        self.walk = None;
                    }
                }
                continue;
            }
            let path = self.paths.next()?;
            if path.as_os_str() == "-" {
                return Some(Input::Stdin);
            }
            match self.named(path) {
                Named::Input(input) => return Some(input),
                Named::Walk(walk) => self.walk = Some(walk),
            }
        }
    }
}

/// What a path on the command line stands for.
enum Named {
    Input(Input),
    Walk(Box<RootWalk>),
}

impl Discovery {
    fn named(&self, path: PathBuf) -> Named {
        let selection = &self.selection;
        let absolute = absolute(&selection.cwd, &path);
        if let Some(glob) = selection.exclude.patterns.matching(&absolute) {
            return Named::Input(Input::Skipped(path, format!("excluded by \"{}\"", escape::line(glob))));
        }
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(error) => return Named::Input(Input::Error(path, describe_io(&error))),
        };
        let is_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
        if is_link && !selection.limits.follow_links {
            // A link named on the command line may point anywhere in the
            // working directory, not out of it.
            if let Err(problem) = check_within(&path, &selection.cwd) {
                return Named::Input(problem.into_input(&path));
            }
        }
        if meta.is_dir() {
            let canonical_root = std::fs::canonicalize(&path).unwrap_or_else(|_| absolute.clone());
            let walk = walker(&path, &canonical_root, selection, self.problems.clone());
            return Named::Walk(Box::new(RootWalk {
                root: path,
                canonical_root,
                walk,
                found: 0,
            }));
        }
        if !meta.is_file() {
            let why = format!("not a regular file ({}); only regular files are read", kind_of(&meta));
            return Named::Input(Input::Error(path, why));
        }
        Named::Input(Input::File(path))
    }
}

/// What a walked entry gives: an article, a skipped path with why, or
/// nothing (a directory, a file that is not an article).
fn walked_entry(selection: &Selection, walk: &RootWalk, entry: ignore::DirEntry) -> Option<Input> {
    let file_type = entry.file_type()?;
    if file_type.is_dir() {
        return None;
    }
    let path = entry.into_path();
    let included = match &selection.include {
        Some(include) => include.matches_file(&absolute(&selection.cwd, &path)),
        None => selection.files.selects(&path, &absolute(&selection.cwd, &path)),
    };
    if !included {
        return None;
    }
    if file_type.is_symlink() {
        // Links are followed here, not by the walk, when they stay inside
        // the tree: a link to a file is read, one to a directory skipped.
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(error) => return Some(Input::Error(path, describe_io(&error))),
        };
        if let Err(problem) = check_within(&path, &walk.canonical_root) {
            return Some(problem.into_input(&path));
        }
        if meta.is_dir() {
            let why = "symbolic link to a directory; use --follow-links to walk it".to_string();
            return Some(Input::Skipped(path, why));
        }
        if !meta.is_file() {
            return Some(Input::Skipped(path, format!("not a regular file ({})", kind_of(&meta))));
        }
        return Some(Input::File(path));
    }
    if !file_type.is_file() {
        let meta = std::fs::symlink_metadata(&path).ok()?;
        return Some(Input::Skipped(path, format!("not a regular file ({})", kind_of(&meta))));
    }
    Some(Input::File(path))
}

/// A walk of `root` in file-name order, honouring hidden files, ignore
/// files (read by [`IgnoreRules`]) and the excludes.
fn walker(
    root: &Path,
    canonical_root: &Path,
    selection: &Arc<Selection>,
    problems: Arc<Mutex<Vec<Input>>>,
) -> ignore::Walk {
    let rules = IgnoreRules::new(root, canonical_root, selection.limits, problems);
    let filter_selection = selection.clone();
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .standard_filters(false)
        .hidden(true)
        .follow_links(selection.limits.follow_links)
        // Entries of one directory differ only in their names: compare those.
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let absolute = absolute(&filter_selection.cwd, entry.path());
            let excluded = filter_selection
                .exclude
                .patterns
                .matching_entry(entry.file_name(), &absolute)
                .is_some();
            !excluded && !rules.is_ignored(entry.path(), is_dir)
        });
    builder.build()
}

/// Files under `base` matching `pattern` (a path, or a glob relative to
/// `base`), sorted; found with the same walk as articles, so ignore files
/// and hidden files are honoured alike. For the packs a config names.
pub fn files_matching(base: &Path, pattern: &str, limits: Limits) -> Result<Vec<PathBuf>, String> {
    const WILDCARDS: [char; 4] = ['*', '?', '[', '{'];
    if !pattern.contains(WILDCARDS) {
        let path = base.join(pattern);
        return Ok(if path.is_file() { vec![path] } else { Vec::new() });
    }
    let glob = GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob \"{}\": {}", escape::line(pattern), e.kind()))?
        .compile_matcher();
    // Walk from the part of the pattern before its first wildcard.
    let fixed: PathBuf = Path::new(pattern)
        .components()
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(WILDCARDS))
        .collect();
    let root = base.join(fixed);
    let canonical_root = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
    let selection = Arc::new(Selection {
        limits,
        exclude: Excludes {
            patterns: Patterns::default(),
        },
        include: None,
        files: FileSelection::default(),
        cwd: base.to_path_buf(),
    });
    let problems = Arc::new(Mutex::new(Vec::new()));
    let mut found: Vec<PathBuf> = walker(&root, &canonical_root, &selection, problems.clone())
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_some_and(|t| t.is_file() || t.is_symlink()))
        .map(ignore::DirEntry::into_path)
        .filter(|path| path.strip_prefix(base).is_ok_and(|relative| glob.is_match(relative)))
        .collect();
    if let Some(Input::Error(path, why)) = problems.lock().unwrap_or_else(|p| p.into_inner()).first() {
        return Err(format!("{}: {why}", escape::path(path)));
    }
    found.sort();
    Ok(found)
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    /// It cannot be read (missing, unreadable, too large): an error.
    Error(String),
    /// It is passed over on purpose (a link out of the tree): a warning.
    Skipped(String),
}

impl ReadProblem {
    pub fn message(&self) -> &str {
        match self {
            ReadProblem::Error(message) | ReadProblem::Skipped(message) => message,
        }
    }

    fn into_input(self, path: &Path) -> Input {
        match self {
            ReadProblem::Error(message) => Input::Error(path.to_path_buf(), message),
            ReadProblem::Skipped(message) => Input::Skipped(path.to_path_buf(), message),
        }
    }
}

/// Reads a file within `limits`: a regular file (after following links),
/// opened without blocking (a FIFO cannot hang the run), and no larger
/// than the size limit. With `within`, a link may not lead out of that
/// directory (canonical) unless links are followed.
pub fn read_file_within(path: &Path, within: Option<&Path>, limits: Limits) -> Result<Vec<u8>, ReadProblem> {
    if let Some(root) = within
        && !limits.follow_links
    {
        check_within(path, root)?;
    }
    let io_error = |error: std::io::Error| ReadProblem::Error(describe_io(&error));
    let file = open_without_blocking(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if !meta.is_file() {
        return Err(ReadProblem::Error(format!(
            "not a regular file ({}); only regular files are read",
            kind_of(&meta)
        )));
    }
    read_bounded(file, meta.len(), limits.max_file_size).map_err(|problem| match problem {
        Bounded::TooLarge(size) => ReadProblem::Error(too_large(size, limits.max_file_size)),
        Bounded::Io(error) => io_error(error),
    })
}

/// Reads a file within `limits`, wherever it is (a file named by the user).
pub fn read_file(path: &Path, limits: Limits) -> Result<Vec<u8>, ReadProblem> {
    read_file_within(path, None, limits)
}

/// Reads standard input, up to the size limit. A closed standard input
/// (which the runtime reopens as the null device) is an error, not an
/// empty article.
pub fn read_stdin(limits: Limits) -> Result<Vec<u8>, String> {
    if stdin_is_closed() {
        return Err(
            "standard input is closed (or the null device): there is no article to read; \
                    pipe one in, or name files instead of `-`"
                .to_string(),
        );
    }
    let stdin = std::io::stdin().lock();
    read_bounded(stdin, 0, limits.max_file_size).map_err(|problem| match problem {
        Bounded::TooLarge(size) => too_large(size, limits.max_file_size),
        Bounded::Io(error) => describe_io(&error),
    })
}

#[cfg(unix)]
fn stdin_is_closed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
        return true;
    };
    let Ok(meta) = std::fs::File::from(fd).metadata() else {
        return true;
    };
    let null = std::fs::metadata("/dev/null");
    meta.file_type().is_char_device() && null.is_ok_and(|null| null.rdev() == meta.rdev())
}

#[cfg(not(unix))]
fn stdin_is_closed() -> bool {
    false
}

enum Bounded {
    /// Larger than the limit: the size, when known.
    TooLarge(Option<u64>),
    Io(std::io::Error),
}

/// Reads at most `max` bytes; more is [`Bounded::TooLarge`].
fn read_bounded(reader: impl Read, known_size: u64, max: u64) -> Result<Vec<u8>, Bounded> {
    if known_size > max {
        return Err(Bounded::TooLarge(Some(known_size)));
    }
    let capacity = usize::try_from(known_size).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Bounded::Io)?;
    if bytes.len() as u64 > max {
        // It grew since it was measured, or it is a stream.
        return Err(Bounded::TooLarge(None));
    }
    Ok(bytes)
}

fn too_large(size: Option<u64>, max: u64) -> String {
    let size = size.map(|size| format!(" ({size} bytes)")).unwrap_or_default();
    format!(
        "skipped: larger than {}{size}; raise --max-file-size to read it",
        human_size(max)
    )
}

/// "50 MB", "1.5 KB", "100 bytes" (powers of 1,024, as `--max-file-size`
/// reads them).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            let whole = bytes / size;
            let tenths = (bytes % size) * 10 / size;
            return if tenths == 0 {
                format!("{whole} {unit}")
            } else {
                format!("{whole}.{tenths} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// Reads a size such as `50MB`, `1.5 MB`, `200K` or `1048576` (bytes).
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let factor: u64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => return None,
    };
    let number: f64 = number.parse().ok()?;
    let bytes = number * factor as f64;
    (bytes.is_finite() && bytes >= 1.0 && bytes < u64::MAX as f64).then_some(bytes as u64)
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Passes when `path` resolves to somewhere under `root` (canonical).
fn check_within(path: &Path, root: &Path) -> Result<(), ReadProblem> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    match std::fs::canonicalize(path) {
        Ok(target) if target.starts_with(&root) => Ok(()),
        Ok(_) => Err(ReadProblem::Skipped(format!(
            "symbolic link to a file outside {}; use --follow-links to read it",
            escape::path(&root)
        ))),
        Err(error) => Err(ReadProblem::Error(describe_io(&error))),
    }
}

/// What a file that is not a regular file is, for messages.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let file_type = meta.file_type();
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
    }
    "not a file"
}

/// `path` made absolute from `cwd`, with `.` and `..` resolved by their
/// names (no links followed), for matching globs.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in cwd.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path as every output shows it: relative to the working directory when
/// under it, without `./`, with `/` between components on every platform,
/// and escaped ([`escape::path`]) when it holds control characters or
/// bytes that are not UTF-8.
pub fn shown_path(path: &Path, cwd: &Path) -> String {
    let relative = if path.is_absolute() {
        path.strip_prefix(cwd)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
            .unwrap_or(path)
    } else {
        path
    };
    let mut joined = OsString::new();
    let mut separate = false;
    for component in relative.components() {
        match component {
            Component::CurDir => continue,
            Component::Prefix(prefix) => joined.push(prefix.as_os_str()),
            Component::RootDir => {
                joined.push("/");
                separate = false;
                continue;
            }
            Component::ParentDir | Component::Normal(_) => {
                if separate {
                    joined.push("/");
                }
                joined.push(component.as_os_str());
            }
        }
        separate = true;
    }
    if joined.is_empty() {
        joined.push(".");
    }
    escape::path(Path::new(&joined))
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
            format!("symbolic link loop back to {}", escape::path(ancestor))
        }
        ignore::Error::Io(io) => describe_io(io),
        other => escape::line(&other.to_string()).into_owned(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_relative_without_dot_slash() {
        let cwd = Path::new("/srv/site");
        assert_eq!(shown_path(Path::new("./a/./b.md"), cwd), "a/b.md");
        assert_eq!(shown_path(Path::new("/srv/site/c/d.md"), cwd), "c/d.md");
        assert_eq!(shown_path(Path::new("/elsewhere/e.md"), cwd), "/elsewhere/e.md");
        assert_eq!(shown_path(Path::new("../up.md"), cwd), "../up.md");
        assert_eq!(shown_path(Path::new("."), cwd), ".");
    }

    #[test]
    fn sizes_read_and_print_in_binary_units() {
        assert_eq!(parse_size("50MB"), Some(50 << 20));
        assert_eq!(parse_size("1.5 k"), Some(1536));
        assert_eq!(parse_size("100"), Some(100));
        assert_eq!(parse_size("0"), None);
        assert_eq!(parse_size("ten"), None);
        assert_eq!(parse_size("5 parsecs"), None);
        assert_eq!(human_size(50 << 20), "50 MB");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(12), "12 bytes");
    }

    #[test]
    fn globs_without_a_slash_match_names_and_with_one_paths_from_their_base() {
        let mut patterns = Patterns::default();
        patterns.add("drafts", Path::new("/site"), false).unwrap();
        patterns.add("content/old/**", Path::new("/site"), false).unwrap();
        assert_eq!(patterns.matching(Path::new("/site/a/drafts/x.md")), Some("drafts"));
        assert_eq!(
            patterns.matching(Path::new("/site/content/old/y.md")),
            Some("content/old/**")
        );
        assert_eq!(patterns.matching(Path::new("/other/content/old/y.md")), None);
        assert_eq!(patterns.matching(Path::new("/site/content/new/y.md")), None);
        assert!(patterns.add("skip/[z-", Path::new("/site"), false).is_err());
        let defaults = Excludes::default();
        assert_eq!(defaults.patterns.matching(Path::new("/r/readme.md")), Some("README.*"));
        assert_eq!(defaults.patterns.matching(Path::new("/r/LICENSE.md")), Some("LICENSE*"));
        assert_eq!(defaults.patterns.matching(Path::new("/r/guide.md")), None);
    }
}
