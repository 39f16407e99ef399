//! `medlint.toml`: discovery, parsing and validation. Every key and value is
//! checked; a mistake is reported at its place in the file with a "did you
//! mean" where one fits.
//!
//! A config file sets two things kept apart: the [`Options`] rules read,
//! and the [`RuleSet`] (which rules run, at which severity, with which
//! packs).

pub mod template;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use toml::de::DeValue;

use crate::article::dates::DateOrder;
use crate::article::review::Field;
use crate::diagnostic::Severity;
use crate::discover::FileSelection;
use crate::options::{Options, RequiredSection, default_sections};
use crate::rules::{Override, RuleSet};
use crate::suggest::hint;
use crate::toml_file::{FileError, TomlFile, Value};

/// File names looked for, in order, in each directory.
pub const FILE_NAMES: [&str; 2] = ["medlint.toml", ".medlint.toml"];

/// What a run is configured with: the settings rules read, the rules, and
/// which files a directory walk picks.
#[derive(Debug, Clone)]
pub struct Config {
    pub options: Options,
    pub rules: RuleSet,
    pub files: FileSelection,
}

impl Config {
    /// The shipped defaults, judging dates against `today`.
    pub fn new(today: NaiveDate) -> Self {
        Config {
            options: Options::new(today),
            rules: RuleSet::new(),
            files: FileSelection::default(),
        }
    }

    /// Reads the config file at `path` and applies it.
    pub fn load(&mut self, path: &Path) -> Result<(), FileError> {
        let source = std::fs::read_to_string(path).map_err(|error| {
            FileError::unreadable(
                path,
                format!("cannot read config file: {}", crate::discover::describe_io(&error)),
            )
        })?;
        self.apply(&source, path)
    }

    /// Applies the text of a config file found at `path`.
    pub fn apply(&mut self, source: &str, path: &Path) -> Result<(), FileError> {
        let file = TomlFile::new(path, source);
        let table = file.parse()?;
        let loader = Loader { file };
        // Packs first: `[rules]` may name the rules they add.
        if let Some(value) = table.get_ref().get("packs") {
            loader.packs(value, &mut self.rules)?;
        }
        for (key, value) in table.get_ref() {
            match key.get_ref().as_ref() {
                "packs" => {}
                "rules" => {
                    let severities = loader.severities(value, &self.rules)?;
                    self.rules.set_severities(severities);
                }
                "sections" => loader.sections(value, &mut self.options)?,
                "review" => loader.review(value, &mut self.options)?,
                "front-matter" => loader.front_matter(value, &mut self.options)?,
                "dates" => loader.dates(value, &mut self.options)?,
                "readability" => loader.readability(value, &mut self.options)?,
                "overrides" => loader.overrides(value, &mut self.rules)?,
                "files" => loader.files(value, &mut self.files)?,
                _ => return Err(file.unknown_key(key, "", TOP_KEYS)),
            }
        }
        Ok(())
    }
}

/// The nearest config file in `start` or one of its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

const TOP_KEYS: &[&str] = &[
    "rules",
    "sections",
    "review",
    "front-matter",
    "dates",
    "readability",
    "overrides",
    "files",
];

/// Reads the tables of one config file.
struct Loader<'a> {
    file: TomlFile<'a>,
}

impl Loader<'_> {
    fn error(&self, span: Range<usize>, message: String, help: Option<String>) -> FileError {
        self.file.error(span, message, help)
    }

    /// `[rules]`-style tables: rule or category → severity.
    fn severities(&self, value: &Value<'_>, rules: &RuleSet) -> Result<FxHashMap<String, Option<Severity>>, FileError> {
        let table = self.file.table(value, "[rules]")?;
        let mut out = FxHashMap::default();
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            if !rules.knows(name) {
                return Err(self.error(
                    key.span(),
                    format!("unknown rule or category \"{name}\"{}", hint(name, rules.names())),
                    Some("`medlint rules` lists every rule and its category".to_string()),
                ));
            }
            let text = self.file.string(value, "a severity")?;
            let severity = match text {
                "off" => None,
                other => Some(Severity::parse(other).ok_or_else(|| {
                    self.error(
                        value.span(),
                        format!("invalid severity \"{other}\" for \"{name}\""),
                        Some("use \"error\", \"warning\", \"info\" or \"off\"".to_string()),
                    )
                })?),
            };
            out.insert(name.to_string(), severity);
        }
        Ok(out)
    }

    fn sections(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        let table = self.file.table(value, "[sections]")?;
        let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
        if let Some(value) = table.get("aliases") {
            for (key, list) in self.file.table(value, "sections.aliases")? {
                let names: Vec<String> = self
                    .file
                    .strings(list, "an alias list")?
                    .into_iter()
                    .map(|(s, _)| s)
                    .collect();
                if names.is_empty() {
                    return Err(self.error(list.span(), "an alias list must not be empty".to_string(), None));
                }
                aliases.insert(key.get_ref().to_string(), names);
            }
        }
        for (key, _) in table {
            if !matches!(key.get_ref().as_ref(), "required" | "aliases") {
                return Err(self.file.unknown_key(key, " in [sections]", &["required", "aliases"]));
            }
        }
        let required: Vec<(String, Range<usize>)> = match table.get("required") {
            Some(value) => self.file.strings(value, "sections.required")?,
            None => options.sections.iter().map(|r| (r.key.clone(), 0..0)).collect(),
        };
        let builtin = default_sections();
        let mut sections = Vec::new();
        for (key, span) in required {
            let defaults = options
                .sections
                .iter()
                .chain(builtin.iter())
                .find(|r| r.key == key)
                .map(|r| r.aliases.clone());
            let names = match (aliases.remove(&key), defaults) {
                (Some(names), _) | (None, Some(names)) => names,
                (None, None) => {
                    return Err(self.error(
                        span,
                        format!("required section \"{key}\" has no aliases"),
                        Some(format!(
                            "add `aliases.{key} = [\"Heading Text\"]` under [sections], or use takeaways, faq or bottom-line"
                        )),
                    ));
                }
            };
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            sections.push(RequiredSection::new(&key, &refs));
        }
        options.sections = sections;
        Ok(())
    }

    fn review(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        const KEYS: &[&str] = &[
            "max-age",
            "warn-before",
            "allow-self-review",
            "credentials",
            "allow-phd-mph",
        ];
        let policy = &mut options.review;
        for (key, value) in self.file.table(value, "[review]")? {
            match key.get_ref().as_ref() {
                "max-age" => {
                    policy.max_age_months =
                        self.duration(value, "max-age", &[("month", 1), ("year", 12)], "24 months")?;
                }
                "warn-before" => {
                    let days = self.duration(
                        value,
                        "warn-before",
                        &[("day", 1), ("week", 7), ("month", 30)],
                        "60 days",
                    )?;
                    policy.warn_before_days = i64::from(days);
                }
                "allow-self-review" => policy.allow_self_review = self.file.bool(value, "allow-self-review")?,
                "allow-phd-mph" => {
                    if self.file.bool(value, "allow-phd-mph")? {
                        policy.allow_phd_mph();
                    }
                }
                "credentials" => {
                    for (credential, _) in self.file.strings(value, "credentials")? {
                        policy.accept(&credential);
                    }
                }
                _ => return Err(self.file.unknown_key(key, " in [review]", KEYS)),
            }
        }
        Ok(())
    }

    /// "24 months", "2 years", "60 days": a count in the first unit.
    fn duration(&self, value: &Value<'_>, what: &str, units: &[(&str, u32)], example: &str) -> Result<u32, FileError> {
        let names: Vec<String> = units.iter().map(|(u, _)| format!("{u}s")).collect();
        let bad = || {
            self.error(
                value.span(),
                format!("{what} must be a duration such as \"{example}\""),
                Some(format!("units: {}", names.join(", "))),
            )
        };
        let text = self.file.string(value, what).map_err(|_| bad())?;
        let mut words = text.split_whitespace();
        let (Some(count), Some(unit), None) = (words.next(), words.next(), words.next()) else {
            return Err(bad());
        };
        let count: u32 = count.parse().map_err(|_| bad())?;
        let unit = unit.to_ascii_lowercase();
        let factor = units
            .iter()
            .find(|(name, _)| unit == *name || unit.strip_suffix('s') == Some(name))
            .map(|(_, f)| *f)
            .ok_or_else(bad)?;
        count.checked_mul(factor).filter(|n| *n > 0).ok_or_else(bad)
    }

    fn front_matter(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        for (key, value) in self.file.table(value, "[front-matter]")? {
            let target = self.file.string(value, "a front matter field")?;
            let field = Field::parse(target).ok_or_else(|| {
                let known = [
                    "author",
                    "reviewed_by",
                    "reviewed_on",
                    "published",
                    "updated",
                    "next_review",
                ];
                self.error(
                    value.span(),
                    format!("unknown front matter field \"{target}\"{}", hint(target, known)),
                    Some(format!("map a key to one of: {}", known.join(", "))),
                )
            })?;
            options.reading.extra_keys.push((key.get_ref().to_string(), field));
        }
        Ok(())
    }

    fn dates(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        for (key, value) in self.file.table(value, "[dates]")? {
            if key.get_ref().as_ref() != "order" {
                return Err(self.file.unknown_key(key, " in [dates]", &["order"]));
            }
            options.reading.date_order = Some(match self.file.string(value, "dates.order")? {
                "mdy" => DateOrder::Mdy,
                "dmy" => DateOrder::Dmy,
                other => {
                    return Err(self.error(
                        value.span(),
                        format!("invalid date order \"{other}\""),
                        Some("use \"mdy\" (03/04/2026 is March 4) or \"dmy\" (4 March)".to_string()),
                    ));
                }
            });
        }
        Ok(())
    }

    fn readability(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        for (key, value) in self.file.table(value, "[readability]")? {
            match key.get_ref().as_ref() {
                "max-grade" => {
                    let grade = match value.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<f64>().ok(),
                        DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                        _ => None,
                    };
                    options.readability.max_grade = grade.filter(|g| *g > 0.0).ok_or_else(|| {
                        self.error(value.span(), "max-grade must be a positive number".to_string(), None)
                    })?;
                }
                "max-words" => {
                    let words = match value.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<usize>().ok().filter(|n| *n > 0),
                        _ => None,
                    };
                    options.readability.max_words = words.ok_or_else(|| {
                        self.error(
                            value.span(),
                            "max-words must be a positive whole number".to_string(),
                            None,
                        )
                    })?;
                }
                _ => {
                    return Err(self
                        .file
                        .unknown_key(key, " in [readability]", &["max-grade", "max-words"]));
                }
            }
        }
        Ok(())
    }

    /// `[files]`: further files a directory walk picks, by extension
    /// (`extensions = ["txt"]`) or glob relative to the config file
    /// (`include = ["exports/**/*.txt"]`).
    fn files(&self, value: &Value<'_>, files: &mut FileSelection) -> Result<(), FileError> {
        files.base = self.file.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        if files.base.as_os_str().is_empty() {
            files.base = PathBuf::from(".");
        }
        if let Ok(base) = std::fs::canonicalize(&files.base) {
            files.base = base;
        }
        for (key, value) in self.file.table(value, "[files]")? {
            match key.get_ref().as_ref() {
                "extensions" => {
                    for (extension, span) in self.file.strings(value, "files.extensions")? {
                        let extension = extension.trim().trim_start_matches('.').to_ascii_lowercase();
                        if extension.is_empty() || extension.contains(['/', '*']) {
                            return Err(self.error(
                                span,
                                format!("\"{extension}\" is not a file extension"),
                                Some(
                                    "write extensions without a dot, such as \"txt\"; use `include` for globs"
                                        .to_string(),
                                ),
                            ));
                        }
                        files.extensions.push(extension);
                    }
                }
                "include" => {
                    let mut globs = globset::GlobSetBuilder::new();
                    for (glob, span) in self.file.strings(value, "files.include")? {
                        let pattern = globset::Glob::new(&glob)
                            .map_err(|e| self.error(span, format!("invalid glob \"{glob}\": {}", e.kind()), None))?;
                        globs.add(pattern);
                    }
                    let set = globs
                        .build()
                        .map_err(|e| self.error(value.span(), format!("invalid globs: {e}"), None))?;
                    files.include = Some(set);
                }
                _ => return Err(self.file.unknown_key(key, " in [files]", &["extensions", "include"])),
            }
        }
        Ok(())
    }

    /// `packs = ["house-style/*.toml"]`: files relative to the config file.
    fn packs(&self, value: &Value<'_>, rules: &mut RuleSet) -> Result<(), FileError> {
        let base = self.file.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        for (pattern, span) in self.file.strings(value, "packs")? {
            let files = crate::discover::files_matching(&base, &pattern)
                .map_err(|message| self.error(span.clone(), format!("packs: {message}"), None))?;
            if files.is_empty() {
                return Err(self.error(span, format!("no pack file matches \"{pattern}\""), None));
            }
            for file in files {
                let text = std::fs::read_to_string(&file).map_err(|error| {
                    self.error(
                        span.clone(),
                        format!(
                            "cannot read pack {}: {}",
                            file.display(),
                            crate::discover::describe_io(&error)
                        ),
                        None,
                    )
                })?;
                let taken = |name: &str| rules.find(name).is_some();
                let packs = crate::packs::load_pack(&file, &text, &taken)?;
                rules.add_packs(&packs);
            }
        }
        Ok(())
    }

    fn overrides(&self, value: &Value<'_>, rules: &mut RuleSet) -> Result<(), FileError> {
        let array = value.get_ref().as_array().ok_or_else(|| {
            self.error(
                value.span(),
                "overrides must be written as [[overrides]] tables".to_string(),
                None,
            )
        })?;
        for item in array.iter() {
            let table = self.file.table(item, "[[overrides]]")?;
            let mut paths = globset::GlobSetBuilder::new();
            let mut severities = FxHashMap::default();
            let mut has_paths = false;
            for (key, value) in table {
                match key.get_ref().as_ref() {
                    "paths" => {
                        for (glob, span) in self.file.strings(value, "paths")? {
                            let pattern = globset::GlobBuilder::new(&glob)
                                .literal_separator(true)
                                .build()
                                .map_err(|e| {
                                    self.error(span, format!("invalid glob \"{glob}\": {}", e.kind()), None)
                                })?;
                            paths.add(pattern);
                            has_paths = true;
                        }
                    }
                    "rules" => severities = self.severities(value, rules)?,
                    _ => return Err(self.file.unknown_key(key, " in [overrides]", &["paths", "rules"])),
                }
            }
            if !has_paths {
                return Err(self.error(item.span(), "an [[overrides]] table needs `paths`".to_string(), None));
            }
            let paths = paths
                .build()
                .map_err(|e| self.error(item.span(), format!("invalid paths: {e}"), None))?;
            rules.add_override(Override { paths, severities });
        }
        Ok(())
    }
}
