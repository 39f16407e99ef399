//! `.ignore` and `.gitignore` files, read by medlint itself, within the
//! same limits as articles (regular files only, bounded in size, never
//! through a link leaving the walked tree): a pull request can hold a FIFO
//! or a link to `/dev/zero` by that name, which the walker's own reader
//! would block on or read without end.
//!
//! Precedence is the `ignore` crate's: `.ignore` over `.gitignore` over
//! `.git/info/exclude`, and within each the nearest directory first.
//! `.gitignore` files above the repository root (the nearest directory
//! with a `.git`) do not count.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::{Input, Limits, read_file_within};

/// The ignore files of one directory.
struct DirRules {
    ignore: Gitignore,
    gitignore: Gitignore,
    exclude: Gitignore,
    /// A `.git` is here: `.gitignore` files above do not count.
    is_git_root: bool,
}

/// The ignore rules met in a walk, read once per directory.
pub(super) struct IgnoreRules {
    limits: Limits,
    /// The walked root, and its canonical form: ignore files that resolve
    /// outside it are not read.
    root: PathBuf,
    canonical_root: PathBuf,
    /// The root's ancestors (absolute), nearest first, with their rules.
    parents: Vec<(PathBuf, Arc<DirRules>)>,
    cache: Mutex<HashMap<PathBuf, Arc<DirRules>>>,
    /// Ignore files that could not be read: errors for the run to report.
    problems: Arc<Mutex<Vec<Input>>>,
}

impl IgnoreRules {
    pub(super) fn new(root: &Path, canonical_root: &Path, limits: Limits, problems: Arc<Mutex<Vec<Input>>>) -> Self {
        let mut rules = IgnoreRules {
            limits,
            root: root.to_path_buf(),
            canonical_root: canonical_root.to_path_buf(),
            parents: Vec::new(),
            cache: Mutex::new(HashMap::new()),
            problems,
        };
        rules.parents = canonical_root
            .ancestors()
            .skip(1)
            .map(|dir| (dir.to_path_buf(), Arc::new(rules.read_dir_rules(dir, false))))
            .collect();
        rules
    }

    /// Whether `path` (below the root, as the walk names it) is ignored.
    pub(super) fn is_ignored(&self, path: &Path, is_dir: bool) -> bool {
        let Ok(below_root) = path.strip_prefix(&self.root) else {
            return false;
        };
        // Directories from the entry's own up to the root, nearest first,
        // with the path each one's rules match against.
        let mut levels: Vec<(Arc<DirRules>, PathBuf)> = Vec::new();
        for dir in path.ancestors().skip(1) {
            levels.push((self.rules_of(dir), path.to_path_buf()));
            if dir == self.root || !dir.starts_with(&self.root) {
                break;
            }
        }
        let absolute = self.canonical_root.join(below_root);
        for (_, rules) in &self.parents {
            levels.push((rules.clone(), absolute.clone()));
        }
        let first = |pick: &dyn Fn(&DirRules) -> &Gitignore, git_only: bool| -> Match<()> {
            for (rules, candidate) in &levels {
                let found = pick(rules).matched(candidate, is_dir);
                if !found.is_none() {
                    return found.map(|_| ());
                }
                if git_only && rules.is_git_root {
                    break;
                }
            }
            Match::None
        };
        let decided = first(&|r| &r.ignore, false);
        let decided = if decided.is_none() {
            first(&|r| &r.gitignore, true)
        } else {
            decided
        };
        let decided = if decided.is_none() {
            first(&|r| &r.exclude, true)
        } else {
            decided
        };
        decided.is_ignore()
    }

    fn rules_of(&self, dir: &Path) -> Arc<DirRules> {
        let mut cache = self.cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(rules) = cache.get(dir) {
            return rules.clone();
        }
        let rules = Arc::new(self.read_dir_rules(dir, true));
        cache.insert(dir.to_path_buf(), rules.clone());
        rules
    }

    /// Reads a directory's ignore files; `inside` says whether the
    /// directory is in the walked tree (whose files may not leave it).
    fn read_dir_rules(&self, dir: &Path, inside: bool) -> DirRules {
        let git = dir.join(".git");
        let is_git_root = git.symlink_metadata().is_ok();
        let exclude = if git.is_dir() {
            self.read_rules(dir, &git.join("info/exclude"), inside)
        } else {
            Gitignore::empty()
        };
        DirRules {
            ignore: self.read_rules(dir, &dir.join(".ignore"), inside),
            gitignore: self.read_rules(dir, &dir.join(".gitignore"), inside),
            exclude,
            is_git_root,
        }
    }

    fn read_rules(&self, dir: &Path, file: &Path, inside: bool) -> Gitignore {
        if file.symlink_metadata().is_err() {
            return Gitignore::empty();
        }
        let within = inside.then_some(self.canonical_root.as_path());
        let text = match read_file_within(file, within, self.limits) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(problem) => {
                let mut problems = self.problems.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                problems.push(problem.into_input(file));
                return Gitignore::empty();
            }
        };
        let mut builder = GitignoreBuilder::new(dir);
        for line in text.lines() {
            // Like git, a line that is not a valid pattern is passed over;
            // its text is not echoed (it could be anything).
            let _ = builder.add_line(None, line);
        }
        builder.build().unwrap_or_else(|_| Gitignore::empty())
    }
}
