//! `extends = ["../house-style/medlint.toml"]`: a config built on others,
//! so that a network of sites shares one editorial policy and each site
//! overrides a few settings. The files named are applied first, in order,
//! each after its own `extends`; what a later file sets wins. A file that
//! extends itself, directly or through others, is an error naming the
//! circle. Each key applied is recorded with its file and line, for
//! `--show-settings`.

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::discover::{self, Limits};
use crate::toml_file::{FileError, TomlFile, Value};

/// Where a setting came from: one key a config file set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The dotted key, such as `review.max-age` or `rules.reading-level`.
    pub key: String,
    /// The value as written in the file.
    pub value: String,
    pub file: PathBuf,
    /// 1-based line of the key.
    pub line: usize,
}

/// A config file's identity for finding circles: its canonical path, or
/// its path made absolute when it cannot be resolved.
pub fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| discover::absolute(&std::env::current_dir().unwrap_or_default(), path))
}

/// The files `extends` names (relative to `file`'s directory), read, in
/// order. `chain` holds the files being applied.
pub fn parents(
    file: &TomlFile<'_>,
    value: &Value<'_>,
    chain: &[PathBuf],
    limits: Limits,
) -> Result<Vec<(PathBuf, String)>, FileError> {
    let directory = file.path.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for (name, span) in file.string_or_strings(value, "extends")? {
        let path = directory.join(&name);
        if !path.is_file() {
            return Err(file.error(
                span,
                format!("extends: no config file at {}", crate::escape::path(&path)),
                Some("paths in `extends` are relative to the file that names them".to_string()),
            ));
        }
        let id = identity(&path);
        if let Some(start) = chain.iter().position(|p| *p == id) {
            let circle: Vec<String> = chain[start..]
                .iter()
                .chain([&id])
                .map(|p| crate::escape::path(p))
                .collect();
            return Err(file.error(
                span,
                format!("extends: circular, {}", circle.join(" -> ")),
                Some("a config file may not extend itself, directly or through others".to_string()),
            ));
        }
        let bytes = discover::read_file(&path, limits).map_err(|problem| {
            file.error(
                span.clone(),
                format!(
                    "extends: cannot read {}: {}",
                    crate::escape::path(&path),
                    problem.message()
                ),
                None,
            )
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            file.error(
                span.clone(),
                format!("extends: {} is not UTF-8", crate::escape::path(&path)),
                None,
            )
        })?;
        out.push((path, text));
    }
    Ok(out)
}

/// Records every key `table` sets, flattened to dotted keys down to the
/// values (a table of tables such as `[[overrides]]` is one value).
pub fn record(file: &TomlFile<'_>, table: &DeTable<'_>, origins: &mut Vec<Origin>) {
    fn walk(file: &TomlFile<'_>, prefix: &str, table: &DeTable<'_>, origins: &mut Vec<Origin>) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            if prefix.is_empty() && name == "extends" {
                continue;
            }
            let dotted = if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}.{name}")
            };
            match value.get_ref() {
                DeValue::Table(inner) => walk(file, &dotted, inner, origins),
                _ => {
                    let span = value.span();
                    let written = file.source.get(span.clone()).unwrap_or("").trim();
                    let line = file.source[..key.span().start.min(file.source.len())]
                        .matches('\n')
                        .count()
                        + 1;
                    origins.push(Origin {
                        key: dotted,
                        value: written.split_whitespace().collect::<Vec<_>>().join(" "),
                        file: file.path.to_path_buf(),
                        line,
                    });
                }
            }
        }
    }
    walk(file, "", table, origins);
}
