//! `check --fix`, `--unsafe-fixes` and `--diff`: the rules' own fixes
//! (the edits the editor offers as quick fixes) applied to files, or shown
//! as a unified diff.

use std::io::{self, Write};
use std::path::Path;

use super::{CheckArgs, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Failure, Run, decode, stderr_line};
use crate::discover::{self, Input};
use crate::fix::{Fixed, fix_text};

/// What fixing the inputs did.
#[derive(Default)]
pub(super) struct Totals {
    pub applied: usize,
    pub unsafe_available: usize,
    /// Files that would change (`--diff`) or changed (`--fix`).
    pub changed: usize,
    pub had_error: bool,
}

impl Totals {
    /// "N fixes applied (M unsafe fixes available with --unsafe-fixes)".
    pub fn line(&self, verb: &str) -> String {
        let mut line = format!(
            "{} {} {verb}",
            self.applied,
            if self.applied == 1 { "fix" } else { "fixes" }
        );
        if self.unsafe_available > 0 {
            line.push_str(&format!(
                " ({} unsafe {} available with --unsafe-fixes)",
                self.unsafe_available,
                if self.unsafe_available == 1 { "fix" } else { "fixes" }
            ));
        }
        line
    }
}

/// Fixes (or, with `--diff`, shows the fixes of) every input. Standard
/// input is not handled here: see [`fix_stdin`].
pub(super) fn fix_inputs(args: &CheckArgs, run: &Run, out: &mut impl Write) -> Result<Totals, Failure> {
    let mut totals = Totals::default();
    let inputs = discover::discover(args.inputs(), run.selection());
    for input in inputs {
        let path = match input {
            Input::File(path) => path,
            // Errors and skips are reported by the check that follows
            // (or below, for --diff, which runs no check).
            Input::Error(path, message) if args.diff => {
                totals.had_error = true;
                stderr_line("error", Some(&discover::shown_path(&path, &run.cwd)), &message);
                continue;
            }
            _ => continue,
        };
        let shown = discover::shown_path(&path, &run.cwd);
        match fix_file(&path, &shown, args, run, out) {
            Ok(Some(fixed)) => {
                totals.applied += fixed.applied;
                totals.unsafe_available += fixed.unsafe_available;
                if fixed.applied > 0 {
                    totals.changed += 1;
                }
            }
            Ok(None) => {}
            Err(message) => {
                totals.had_error = true;
                stderr_line("error", Some(&shown), &message);
            }
        }
    }
    Ok(totals)
}

/// Fixes one file: writes it (`--fix`) or prints its diff (`--diff`).
/// `None` when it was left alone on purpose (a note says why).
fn fix_file(
    path: &Path,
    shown: &str,
    args: &CheckArgs,
    run: &Run,
    out: &mut impl Write,
) -> Result<Option<Fixed>, String> {
    // A link is fixed where it points, and stays a link; never a file
    // outside the tree, even with --follow-links.
    let mut target = path.to_path_buf();
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        let root = std::fs::canonicalize(&run.cwd).unwrap_or_else(|_| run.cwd.clone());
        match std::fs::canonicalize(path) {
            Ok(resolved) if resolved.starts_with(&root) => target = resolved,
            _ => {
                if !args.diff {
                    stderr_line(
                        "warning",
                        Some(shown),
                        "is a symbolic link to a file outside the tree; not fixed",
                    );
                }
                return Ok(None);
            }
        }
    }
    // With --fix, the check that follows reports a file it cannot read.
    let read = discover::read_file(path, run.config.files.limits)
        .map_err(|p| p.message().to_string())
        .and_then(decode_exact);
    let source = match read {
        Ok(source) => source,
        Err(message) if args.diff => return Err(message),
        Err(_) => return Ok(None),
    };
    let fixed = fix_text(
        &source,
        shown,
        &run.config.options,
        &run.config.rules,
        args.unsafe_fixes,
    );
    if let Some(why) = &fixed.refused {
        stderr_line("warning", Some(shown), why);
        return Ok(None);
    }
    if fixed.text == source {
        return Ok(Some(fixed));
    }
    if args.diff {
        write_diff(&source, &fixed.text, shown, out).map_err(|e| e.to_string())?;
    } else {
        write_atomically(&target, fixed.text.as_bytes()).map_err(|e| format!("cannot write the fixed file: {e}"))?;
        let _ = out.flush();
        stderr_line(
            "fixed",
            Some(shown),
            &format!(
                "{} {} applied",
                fixed.applied,
                if fixed.applied == 1 { "fix" } else { "fixes" }
            ),
        );
    }
    Ok(Some(fixed))
}

/// The text of a file exactly as it is (a lone CR stays a CR): the check's
/// checks on what an article may be, without its line-break reading.
fn decode_exact(bytes: Vec<u8>) -> Result<String, String> {
    let exact = String::from_utf8(bytes.clone()).ok();
    decode(bytes)?;
    exact.ok_or_else(|| "is not valid UTF-8".to_string())
}

/// A unified diff of `before` and `after`, named `a/PATH` and `b/PATH`.
fn write_diff(before: &str, after: &str, shown: &str, out: &mut impl Write) -> io::Result<()> {
    let diff = similar::TextDiff::from_lines(before, after);
    let name = crate::escape::line(shown);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    // The article's text is shown, never obeyed: a carriage return inside
    // a line or an escape sequence could overwrite what a terminal or a CI
    // log shows. Each line keeps its own ending (CRLF stays CRLF).
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let (body, ending) = match body.strip_suffix('\r') {
            Some(body) if line.ends_with('\n') => (body, "\r\n"),
            _ if line.ends_with('\n') => (body, "\n"),
            _ => (body, ""),
        };
        out.write_all(crate::escape::line(body).as_bytes())?;
        out.write_all(ending.as_bytes())?;
    }
    Ok(())
}

/// Replaces `path` with `bytes` through a temporary file in its directory
/// and a rename: a reader sees the old file or the new one, never half of
/// one. The file keeps its permissions.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut temporary = tempfile::Builder::new().prefix(".medlint-fix").tempfile_in(dir)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    std::fs::set_permissions(temporary.path(), permissions)?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `--fix` or `--diff` on standard input: the fixed text (or the diff) on
/// standard output, nothing else there.
pub(super) fn fix_stdin(args: &CheckArgs, run: &Run) -> Result<i32, Failure> {
    let stdin_name = args.input.stdin_filename.as_deref().unwrap_or("<stdin>");
    let shown = discover::shown_path(Path::new(stdin_name), &run.cwd);
    let bytes = match &run.stdin {
        Some(Ok(bytes)) => bytes.clone(),
        Some(Err(message)) => {
            stderr_line("error", Some(&shown), message);
            return Ok(EXIT_ERROR);
        }
        None => unreachable!("stdin is read when it is an input"),
    };
    let source = match decode_exact(bytes) {
        Ok(source) => source,
        Err(message) => {
            stderr_line("error", Some(&shown), &message);
            return Ok(EXIT_ERROR);
        }
    };
    let fixed = fix_text(
        &source,
        &shown,
        &run.config.options,
        &run.config.rules,
        args.unsafe_fixes,
    );
    if let Some(why) = &fixed.refused {
        stderr_line("warning", Some(&shown), why);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let changed = fixed.text != source;
    if args.diff {
        if changed {
            write_diff(&source, &fixed.text, &shown, &mut out)?;
        }
    } else {
        out.write_all(fixed.text.as_bytes())?;
    }
    out.flush()?;
    Ok(if args.diff && changed { EXIT_FINDINGS } else { EXIT_OK })
}
