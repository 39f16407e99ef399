//! Baselines: the findings a library already had when it adopted medlint,
//! recorded in a file so that a check reports only new ones (Ruff's
//! `--add-noqa` and ESLint's bulk suppressions answer the same need).
//!
//! A finding is recorded by its path (relative to the baseline's own
//! directory, so the file works from any working directory), its rule and
//! a fingerprint of what it is about: the text it points at and its
//! message with every run of digits masked. Not its line, so an edit
//! elsewhere in the article does not bring it back; not the digits of its
//! message, which may count days from today ("in 44 days"). Two identical
//! findings in one file are two entries, matched one for one.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::discover;
use crate::render::Located;
use crate::render::gitlab::fingerprint as hash128;
use crate::toml_file::FileError;

/// The version of the file's shape.
const VERSION: u32 = 1;

/// A baseline file as written: sorted, one entry per finding.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    findings: Vec<Entry>,
}

/// One recorded finding. The message is there for the person who reads
/// the file; matching uses the path, the rule and the fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    pub message: String,
}

/// A finding's identity within its file, the key a baseline matches on.
type FindingKey = (String, String);

/// The fingerprint of a finding: its rule, the text it points at and its
/// message with digits masked.
pub fn fingerprint(located: &Located) -> String {
    let d = &located.diagnostic;
    let anchor = format!("{:016x}", located.anchor);
    hash128(&[d.rule, &anchor, &mask_digits(&d.message)])
}

/// `text` with each run of ASCII digits replaced by `#`.
fn mask_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

/// Where a baseline sits, and how report paths become its entry paths.
#[derive(Debug, Clone)]
pub struct Place {
    /// The baseline file, as named.
    pub file: PathBuf,
    /// Its directory, absolute.
    dir: PathBuf,
    /// The working directory report paths are relative to.
    cwd: PathBuf,
}

impl Place {
    pub fn new(file: &Path, cwd: &Path) -> Place {
        let absolute = discover::absolute(cwd, file);
        let dir = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        Place {
            file: file.to_path_buf(),
            dir,
            cwd: cwd.to_path_buf(),
        }
    }

    /// A report's path (as shown, from the working directory) as an entry
    /// path: from the baseline's directory, `/` between components.
    pub fn entry_path(&self, shown: &str) -> String {
        let absolute = discover::absolute(&self.cwd, Path::new(shown));
        let relative = relative_to(&absolute, &self.dir);
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }

    /// Whether the file an entry names is still there.
    fn exists(&self, entry_path: &str) -> bool {
        self.dir.join(entry_path).is_file()
    }
}

/// `path` relative to `base` (both absolute), with `..` where it leaves
/// `base`.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let path: Vec<Component> = path.components().collect();
    let base: Vec<Component> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for component in &path[common..] {
        out.push(component.as_os_str());
    }
    out
}

/// A baseline being matched against a run's findings. Files are linted in
/// parallel; each takes its own entries out once.
#[derive(Debug)]
pub struct Baseline {
    place: Place,
    /// Per entry path: how many findings of each identity are accepted.
    files: Mutex<HashMap<String, HashMap<FindingKey, usize>>>,
}

/// What matching one file's findings left.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Matched {
    /// Findings the baseline accepted (taken out of the report).
    pub accepted: usize,
    /// Entries of the file that no finding matched: problems fixed since.
    pub gone: usize,
}

impl Baseline {
    /// Reads the baseline at `place`. A file that does not parse is an
    /// error located at the fault; a missing one says how to write it.
    pub fn load(place: Place) -> Result<Baseline, FileError> {
        let entries = read_entries(&place.file)?;
        let mut files: HashMap<String, HashMap<FindingKey, usize>> = HashMap::new();
        for entry in entries {
            *files
                .entry(entry.path)
                .or_default()
                .entry((entry.rule, entry.fingerprint))
                .or_default() += 1;
        }
        Ok(Baseline {
            place,
            files: Mutex::new(files),
        })
    }

    /// Takes the findings the baseline records for `path` out of
    /// `diagnostics`, one entry for one finding.
    pub fn filter(&self, path: &str, diagnostics: &mut Vec<Located>) -> Matched {
        let key = self.place.entry_path(path);
        let Some(mut accepted) = self.files.lock().expect("baseline lock").remove(&key) else {
            return Matched::default();
        };
        let before = diagnostics.len();
        diagnostics.retain(|located| {
            let id = (located.diagnostic.rule.to_string(), fingerprint(located));
            match accepted.get_mut(&id) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            }
        });
        Matched {
            accepted: before - diagnostics.len(),
            gone: accepted.values().sum(),
        }
    }

    /// After the run: entries of files that were not checked and are no
    /// longer there (deleted or renamed articles) are gone as well.
    pub fn gone_elsewhere(&self) -> usize {
        let files = self.files.lock().expect("baseline lock");
        files
            .iter()
            .filter(|(path, _)| !self.place.exists(path))
            .map(|(_, counts)| counts.values().sum::<usize>())
            .sum()
    }
}

/// The entries of the baseline file at `path`.
fn read_entries(path: &Path) -> Result<Vec<Entry>, FileError> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map_err(|_| FileError::unreadable(path, "cannot read baseline: it is not UTF-8".to_string()))?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(FileError::unreadable(
                path,
                "baseline file not found; write it with `medlint check --write-baseline FILE`".to_string(),
            ));
        }
        Err(error) => {
            return Err(FileError::unreadable(
                path,
                format!("cannot read baseline: {}", discover::describe_io(&error)),
            ));
        }
    };
    let located = |message: String, line: usize, column: usize| {
        let bom = text.len() - text.trim_start_matches('\u{feff}').len();
        let offset = bom + offset_of(&text[bom..], line, column);
        FileError {
            path: path.to_path_buf(),
            source: text.clone(),
            span: offset..offset,
            message,
            help: Some("write it again with `medlint check --write-baseline FILE`".to_string()),
        }
    };
    // A byte order mark, as some editors save JSON, is no fault.
    let json = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let document: Document = serde_json::from_str(json).map_err(|error| {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the excerpt shows it.
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        located(format!("invalid baseline: {message}"), error.line(), error.column())
    })?;
    if document.version != VERSION {
        return Err(located(
            format!(
                "unsupported baseline version {} (this medlint writes version {VERSION})",
                document.version
            ),
            1,
            1,
        ));
    }
    Ok(document.findings)
}

/// The byte offset of 1-based `line` and `column` (serde_json counts
/// columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// Gathers a run's findings for `--write-baseline`.
#[derive(Debug)]
pub struct Recorder {
    place: Place,
    entries: Vec<Entry>,
    /// Entry paths checked in this run.
    checked: std::collections::HashSet<String>,
}

impl Recorder {
    pub fn new(place: Place) -> Recorder {
        Recorder {
            place,
            entries: Vec::new(),
            checked: Default::default(),
        }
    }

    /// Records one checked file and its findings.
    pub fn add(&mut self, path: &str, diagnostics: &[Located]) {
        let entry_path = self.place.entry_path(path);
        for located in diagnostics {
            self.entries.push(Entry {
                path: entry_path.clone(),
                rule: located.diagnostic.rule.to_string(),
                fingerprint: fingerprint(located),
                message: located.diagnostic.message.clone(),
            });
        }
        self.checked.insert(entry_path);
    }

    /// Writes the baseline: this run's findings, and the entries an
    /// existing baseline holds for files this run did not check and that
    /// are still there (a run over part of the library keeps the rest).
    /// Returns how many findings it holds and how many entries were
    /// dropped as gone.
    pub fn write(mut self) -> Result<Written, String> {
        let shown = crate::escape::path(&self.place.file);
        let old = read_entries(&self.place.file).unwrap_or_default();
        let kept: Vec<Entry> = old
            .iter()
            .filter(|entry| !self.checked.contains(&entry.path) && self.place.exists(&entry.path))
            .cloned()
            .collect();
        // A finding recorded before keeps the message it was recorded with,
        // so that a message counting days does not change the file daily.
        let mut recorded: HashMap<(&str, &str, &str), Vec<&str>> = HashMap::new();
        for e in &old {
            recorded
                .entry((&e.path, &e.rule, &e.fingerprint))
                .or_default()
                .push(&e.message);
        }
        for e in &mut self.entries {
            if let Some(message) = recorded
                .get_mut(&(e.path.as_str(), e.rule.as_str(), e.fingerprint.as_str()))
                .and_then(Vec::pop)
            {
                e.message = message.to_string();
            }
        }
        self.entries.extend(kept);
        self.entries.sort();
        // Entries of the old file that the new one no longer holds.
        let mut now: HashMap<(&str, &str, &str), usize> = HashMap::new();
        for e in &self.entries {
            *now.entry((&e.path, &e.rule, &e.fingerprint)).or_default() += 1;
        }
        let mut dropped = 0;
        for e in &old {
            match now.get_mut(&(e.path.as_str(), e.rule.as_str(), e.fingerprint.as_str())) {
                Some(count) if *count > 0 => *count -= 1,
                _ => dropped += 1,
            }
        }
        let document = Document {
            version: VERSION,
            findings: self.entries,
        };
        let text = serde_json::to_string_pretty(&document).expect("a baseline serializes") + "\n";
        let dir = self.place.dir.clone();
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&dir)?;
            let mut file = tempfile::NamedTempFile::new_in(&dir)?;
            std::io::Write::write_all(&mut file, text.as_bytes())?;
            file.persist(&self.place.file).map_err(|error| error.error)?;
            Ok(())
        };
        write().map_err(|error| format!("cannot write baseline {shown}: {}", discover::describe_io(&error)))?;
        let findings = document.findings.len();
        Ok(Written { findings, dropped })
    }
}

/// What `--write-baseline` wrote.
#[derive(Debug)]
pub struct Written {
    pub findings: usize,
    /// Entries of the previous file that are no longer there: fixed.
    pub dropped: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_masked_run_by_run() {
        assert_eq!(mask_digits("due in 44 days (2026-01-22)"), "due in # days (#-#-#)");
        assert_eq!(mask_digits("no digits"), "no digits");
    }

    #[test]
    fn entry_paths_are_relative_to_the_baseline() {
        let place = Place::new(Path::new("ci/baseline.json"), Path::new("/repo"));
        assert_eq!(place.entry_path("articles/a.md"), "../articles/a.md");
        let place = Place::new(Path::new("baseline.json"), Path::new("/repo"));
        assert_eq!(place.entry_path("./articles/a.md"), "articles/a.md");
        assert_eq!(place.entry_path("/repo/articles/a.md"), "articles/a.md");
    }

    #[test]
    fn a_byte_order_mark_is_allowed_and_faults_are_located_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, "\u{feff}{\"version\": 1, \"findings\": []}").unwrap();
        assert_eq!(read_entries(&path).unwrap(), Vec::<Entry>::new());
        std::fs::write(&path, "\u{feff}{\"version\": 1, \"findings\": [x]}").unwrap();
        let error = read_entries(&path).unwrap_err();
        assert_eq!(&error.source[error.span.start..], "x]}");
    }

    #[test]
    fn offsets_count_lines_and_byte_columns() {
        let text = "{\n  \"a\": 1,\n  x\n}";
        assert_eq!(&text[offset_of(text, 3, 3)..], "x\n}");
        assert_eq!(offset_of(text, 99, 1), text.len());
    }
}
