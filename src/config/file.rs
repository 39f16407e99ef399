//! `medlint.toml`: discovery, parsing and validation. Every key and value is
//! checked; a mistake is reported at its place in the file with a "did you
//! mean" where one fits.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::article::dates::DateOrder;
use crate::article::review::{Field, normalize_credential};
use crate::config::{Config, Override, RequiredSection};
use crate::diagnostic::Severity;
use crate::rules;
use crate::suggest::hint;

/// File names looked for, in order, in each directory.
pub const FILE_NAMES: [&str; 2] = ["medlint.toml", ".medlint.toml"];

/// A configuration file that cannot be used, located at the fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub source: String,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
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

/// Reads `path` and applies it on top of `config`.
pub fn load(path: &Path, config: &mut Config) -> Result<(), ConfigError> {
    let source = std::fs::read_to_string(path).map_err(|error| ConfigError {
        path: path.to_path_buf(),
        source: String::new(),
        span: 0..0,
        message: format!("cannot read config file: {}", crate::discover::describe_io(&error)),
        help: None,
    })?;
    apply(&source, path, config)
}

type Key<'i> = Spanned<DeString<'i>>;
type Value<'i> = Spanned<DeValue<'i>>;

struct Loader<'a> {
    path: &'a Path,
    source: &'a str,
}

/// Applies the text of a config file to `config`.
pub fn apply(source: &str, path: &Path, config: &mut Config) -> Result<(), ConfigError> {
    let loader = Loader { path, source };
    let table = DeTable::parse(source).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        loader.error(span, format!("invalid TOML: {}", error.message().trim()), None)
    })?;
    // Packs first: `[rules]` may name the rules they add.
    if let Some(value) = table.get_ref().get("packs") {
        loader.packs(value, config)?;
    }
    for (key, value) in table.get_ref() {
        match key.get_ref().as_ref() {
            "packs" => {}
            "rules" => {
                let severities = loader.severities(value, &config.rules)?;
                config.severities.extend(severities);
            }
            "sections" => loader.sections(value, config)?,
            "review" => loader.review(value, config)?,
            "front-matter" => loader.front_matter(value, config)?,
            "dates" => loader.dates(value, config)?,
            "readability" => loader.readability(value, config)?,
            "overrides" => loader.overrides(value, config)?,
            _ => return Err(loader.unknown_key(key, "", TOP_KEYS)),
        }
    }
    Ok(())
}

const TOP_KEYS: &[&str] = &[
    "rules",
    "sections",
    "review",
    "front-matter",
    "dates",
    "readability",
    "overrides",
];

impl Loader<'_> {
    fn error(&self, span: Range<usize>, message: String, help: Option<String>) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            source: self.source.to_string(),
            span,
            message,
            help,
        }
    }

    fn unknown_key(&self, key: &Key<'_>, section: &str, allowed: &[&str]) -> ConfigError {
        let name = key.get_ref().as_ref();
        let place = if section.is_empty() {
            String::new()
        } else {
            format!(" in [{section}]")
        };
        self.error(
            key.span(),
            format!("unknown key \"{name}\"{place}{}", hint(name, allowed.iter().copied())),
            Some(format!("known keys: {}", allowed.join(", "))),
        )
    }

    fn table<'v, 'i>(&self, value: &'v Value<'i>, what: &str) -> Result<&'v DeTable<'i>, ConfigError> {
        value
            .get_ref()
            .as_table()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be a table"), None))
    }

    fn string<'v>(&self, value: &'v Value<'_>, what: &str) -> Result<&'v str, ConfigError> {
        value
            .get_ref()
            .as_str()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be a string"), None))
    }

    fn bool(&self, value: &Value<'_>, what: &str) -> Result<bool, ConfigError> {
        value
            .get_ref()
            .as_bool()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be true or false"), None))
    }

    fn strings(&self, value: &Value<'_>, what: &str) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
        let array = value
            .get_ref()
            .as_array()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be an array of strings"), None))?;
        array
            .iter()
            .map(|item| Ok((self.string(item, what)?.to_string(), item.span())))
            .collect()
    }

    /// `[rules]`-style tables: rule or category → severity.
    fn severities(
        &self,
        value: &Value<'_>,
        known: &[&'static rules::Rule],
    ) -> Result<FxHashMap<String, Option<Severity>>, ConfigError> {
        let table = self.table(value, "[rules]")?;
        let categories = rules::categories(known);
        let mut out = FxHashMap::default();
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            if rules::find(known, name).is_none() && !categories.contains(&name) {
                let candidates = known.iter().map(|r| r.name).chain(categories.iter().copied());
                return Err(self.error(
                    key.span(),
                    format!("unknown rule or category \"{name}\"{}", hint(name, candidates)),
                    Some("`medlint rules` lists every rule and its category".to_string()),
                ));
            }
            let text = self.string(value, "a severity")?;
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

    fn sections(&self, value: &Value<'_>, config: &mut Config) -> Result<(), ConfigError> {
        let table = self.table(value, "[sections]")?;
        let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
        if let Some(value) = table.get("aliases") {
            for (key, list) in self.table(value, "sections.aliases")? {
                let names: Vec<String> = self
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
                return Err(self.unknown_key(key, "sections", &["required", "aliases"]));
            }
        }
        let required: Vec<(String, Range<usize>)> = match table.get("required") {
            Some(value) => self.strings(value, "sections.required")?,
            None => config.required_sections.iter().map(|r| (r.key.clone(), 0..0)).collect(),
        };
        let builtin = crate::config::default_sections();
        let mut sections = Vec::new();
        for (key, span) in required {
            let defaults = config
                .required_sections
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
        config.required_sections = sections;
        Ok(())
    }

    fn review(&self, value: &Value<'_>, config: &mut Config) -> Result<(), ConfigError> {
        const KEYS: &[&str] = &[
            "max-age",
            "warn-before",
            "allow-self-review",
            "credentials",
            "allow-phd-mph",
        ];
        for (key, value) in self.table(value, "[review]")? {
            match key.get_ref().as_ref() {
                "max-age" => {
                    config.review.max_age_months =
                        self.duration(value, "max-age", &[("month", 1), ("year", 12)], "24 months")?;
                }
                "warn-before" => {
                    let days = self.duration(
                        value,
                        "warn-before",
                        &[("day", 1), ("week", 7), ("month", 30)],
                        "60 days",
                    )?;
                    config.review.warn_before_days = i64::from(days);
                }
                "allow-self-review" => config.review.allow_self_review = self.bool(value, "allow-self-review")?,
                "allow-phd-mph" => {
                    if self.bool(value, "allow-phd-mph")? {
                        config.review.allow_phd_mph();
                    }
                }
                "credentials" => {
                    for (credential, _) in self.strings(value, "credentials")? {
                        let normalized = normalize_credential(&credential).to_ascii_uppercase();
                        if !config.review.credentials.contains(&normalized) {
                            config.review.credentials.push(normalized);
                        }
                    }
                }
                _ => return Err(self.unknown_key(key, "review", KEYS)),
            }
        }
        Ok(())
    }

    /// "24 months", "2 years", "60 days": a count in the first unit.
    fn duration(
        &self,
        value: &Value<'_>,
        what: &str,
        units: &[(&str, u32)],
        example: &str,
    ) -> Result<u32, ConfigError> {
        let names: Vec<String> = units.iter().map(|(u, _)| format!("{u}s")).collect();
        let bad = || {
            self.error(
                value.span(),
                format!("{what} must be a duration such as \"{example}\""),
                Some(format!("units: {}", names.join(", "))),
            )
        };
        let text = self.string(value, what).map_err(|_| bad())?;
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

    fn front_matter(&self, value: &Value<'_>, config: &mut Config) -> Result<(), ConfigError> {
        for (key, value) in self.table(value, "[front-matter]")? {
            let target = self.string(value, "a front matter field")?;
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
            config
                .review_options
                .extra_keys
                .push((key.get_ref().to_string(), field));
        }
        Ok(())
    }

    fn dates(&self, value: &Value<'_>, config: &mut Config) -> Result<(), ConfigError> {
        for (key, value) in self.table(value, "[dates]")? {
            if key.get_ref().as_ref() != "order" {
                return Err(self.unknown_key(key, "dates", &["order"]));
            }
            config.review_options.date_order = Some(match self.string(value, "dates.order")? {
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

    fn readability(&self, value: &Value<'_>, config: &mut Config) -> Result<(), ConfigError> {
        for (key, value) in self.table(value, "[readability]")? {
            match key.get_ref().as_ref() {
                "max-grade" => {
                    let grade = match value.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<f64>().ok(),
                        DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                        _ => None,
                    };
                    config.readability.max_grade = grade.filter(|g| *g > 0.0).ok_or_else(|| {
                        self.error(value.span(), "max-grade must be a positive number".to_string(), None)
                    })?;
                }
                "max-words" => {
                    let words = match value.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<usize>().ok().filter(|n| *n > 0),
                        _ => None,
                    };
                    config.readability.max_words = words.ok_or_else(|| {
                        self.error(
                            value.span(),
                            "max-words must be a positive whole number".to_string(),
                            None,
                        )
                    })?;
                }
                _ => return Err(self.unknown_key(key, "readability", &["max-grade", "max-words"])),
            }
        }
        Ok(())
    }

    /// `packs = ["house-style/*.toml"]`: files relative to the config file.
    fn packs(&self, value: &Value<'_>, config: &mut Config) -> Result<(), ConfigError> {
        let base = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        for (pattern, span) in self.strings(value, "packs")? {
            let files = pack_files(&base, &pattern)
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
                let rules = crate::packs::load_pack(&file.display().to_string(), &text, &config.rules)?;
                config.rules.extend(rules);
            }
        }
        Ok(())
    }

    fn overrides(&self, value: &Value<'_>, config: &mut Config) -> Result<(), ConfigError> {
        let array = value.get_ref().as_array().ok_or_else(|| {
            self.error(
                value.span(),
                "overrides must be written as [[overrides]] tables".to_string(),
                None,
            )
        })?;
        for item in array.iter() {
            let table = self.table(item, "[[overrides]]")?;
            let mut paths = globset::GlobSetBuilder::new();
            let mut severities = FxHashMap::default();
            let mut has_paths = false;
            for (key, value) in table {
                match key.get_ref().as_ref() {
                    "paths" => {
                        for (glob, span) in self.strings(value, "paths")? {
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
                    "rules" => severities = self.severities(value, &config.rules)?,
                    _ => return Err(self.unknown_key(key, "overrides", &["paths", "rules"])),
                }
            }
            if !has_paths {
                return Err(self.error(item.span(), "an [[overrides]] table needs `paths`".to_string(), None));
            }
            let paths = paths
                .build()
                .map_err(|e| self.error(item.span(), format!("invalid paths: {e}"), None))?;
            config.overrides.push(Override { paths, severities });
        }
        Ok(())
    }
}

/// Pack files matching `pattern` (a path or a glob) under `base`, sorted.
fn pack_files(base: &Path, pattern: &str) -> Result<Vec<PathBuf>, String> {
    if !pattern.contains(['*', '?', '[', '{']) {
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
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '[', '{']))
        .collect();
    let mut found = Vec::new();
    let mut stack = vec![base.join(&fixed)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                stack.push(path);
            } else if let Ok(relative) = path.strip_prefix(base)
                && glob.is_match(relative)
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
