//! `--changed-since REF`: the files added or changed since REF, as a
//! pull-request check wants them. Asks the `git` command (it is there
//! wherever a repository is): the changes from the merge base of REF and
//! HEAD to the working tree, committed or not, and untracked files that
//! are not ignored. Renames count under their new path; deleted files are
//! left out.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The changed files, as canonical paths, so that a walked file can be
/// looked up whatever path led to it.
#[derive(Debug, Clone, Default)]
pub struct ChangedFiles {
    paths: HashSet<PathBuf>,
}

impl ChangedFiles {
    /// Whether the file at `path` (from `cwd`) is among the changes.
    pub fn contains(&self, path: &Path, cwd: &Path) -> bool {
        std::fs::canonicalize(cwd.join(path)).is_ok_and(|canonical| self.paths.contains(&canonical))
    }

    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// Runs `git ARGS` in `dir`; its standard output, or a message that says
/// what went wrong.
fn git<I, S>(dir: &Path, args: I) -> Result<Vec<u8>, GitError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new("git")
        .current_dir(dir)
        // Paths as they are, whatever the user's quoting setting.
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .map_err(|error| GitError::Missing(error.to_string()))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(GitError::Failed(
            String::from_utf8_lossy(&output.stderr).trim().to_string(),
        ))
    }
}

enum GitError {
    /// The command could not be run.
    Missing(String),
    /// It ran and failed, with its message.
    Failed(String),
}

/// The files changed since `reference`, for a run in `cwd`.
pub fn since(reference: &str, cwd: &Path) -> Result<ChangedFiles, String> {
    let describe = |error: GitError| match error {
        GitError::Missing(error) => format!("--changed-since needs the git command, which cannot be run: {error}"),
        GitError::Failed(message) => format!("--changed-since: git failed: {message}"),
    };
    if reference.starts_with('-') || reference.trim().is_empty() {
        return Err(format!("--changed-since: \"{reference}\" is not a git revision"));
    }
    let top = match git(cwd, ["rev-parse", "--show-toplevel"]) {
        Ok(out) => PathBuf::from(String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r'])),
        Err(GitError::Failed(_)) => {
            return Err("--changed-since: the working directory is not inside a git repository".to_string());
        }
        Err(error) => return Err(describe(error)),
    };
    let commit = format!("{reference}^{{commit}}");
    if git(cwd, ["rev-parse", "--verify", "--quiet", &commit]).is_err() {
        if git(cwd, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).is_err() {
            return Err("--changed-since: the repository has no commit yet to compare with".to_string());
        }
        return Err(format!(
            "--changed-since: unknown git revision \"{reference}\" (a branch, tag or commit such as origin/main)"
        ));
    }
    let base = git(cwd, ["merge-base", reference, "HEAD"]).map_err(|error| match error {
        GitError::Failed(_) => format!("--changed-since: \"{reference}\" and HEAD have no common history"),
        other => describe(other),
    })?;
    let base = String::from_utf8_lossy(&base).trim().to_string();
    // Committed, staged and unstaged changes against the merge base: added,
    // copied, modified, renamed (new path) and type-changed files.
    let diff = git(
        &top,
        [
            "diff",
            "--name-only",
            "-z",
            "--no-ext-diff",
            "--find-renames",
            "--diff-filter=ACMRT",
            &base,
            "--",
        ],
    )
    .map_err(describe)?;
    let untracked = git(&top, ["ls-files", "--others", "--exclude-standard", "-z"]).map_err(describe)?;
    let mut paths = HashSet::new();
    for name in diff.split(|b| *b == 0).chain(untracked.split(|b| *b == 0)) {
        if name.is_empty() {
            continue;
        }
        let path = top.join(path_from_bytes(name));
        if let Ok(canonical) = std::fs::canonicalize(&path) {
            paths.insert(canonical);
        }
    }
    Ok(ChangedFiles { paths })
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}
