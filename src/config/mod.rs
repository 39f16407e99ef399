//! `medlint.toml`: discovery, parsing and validation. Every key and value is
//! checked; a mistake is reported at its place in the file with a "did you
//! mean" where one fits.
//!
//! A config file sets two things kept apart: the [`Options`] rules read,
//! and the [`RuleSet`] (which rules run, at which severity, with which
//! packs).

mod extends;
pub mod schema;
pub mod show;
pub mod template;

pub use extends::Origin;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use toml::de::DeValue;

use crate::article::dates::DateOrder;
use crate::article::review::Field;
use crate::claims::cues::FacetKind;
use crate::diagnostic::Severity;
use crate::discover::{self, Excludes, FileSelection, Limits, Patterns};
use crate::options::{Options, RequiredSection, default_sections};
use crate::rules::{Override, RuleSet};
use crate::suggest::hint;
use crate::toml_file::{FileError, TomlFile, Value};

/// File names looked for, in order, in each directory.
pub const FILE_NAMES: [&str; 2] = ["medlint.toml", ".medlint.toml"];

/// What a run is configured with: the settings rules read, the rules, and
/// which files are read.
#[derive(Debug, Clone)]
pub struct Config {
    pub options: Options,
    pub rules: RuleSet,
    pub files: Files,
    /// `baseline`: the baseline file, from the config file's directory.
    pub baseline: Option<PathBuf>,
    /// Each key a config file set, in the order applied (`extends` first),
    /// for `--show-settings`.
    pub origins: Vec<Origin>,
    /// The config files applied, in order.
    pub sources: Vec<PathBuf>,
}

/// Which files a run reads, and how.
#[derive(Debug, Clone, Default)]
pub struct Files {
    /// `exclude` (which replaces the default list) and `extend-exclude`.
    pub excludes: Excludes,
    /// `include`: the files a walk lints, instead of articles.
    pub include: Option<Patterns>,
    /// `[files]`: what a walk picks besides articles (`.txt` copies).
    pub added: FileSelection,
    /// `allow-empty`: a run that finds no article is not an error.
    pub allow_empty: bool,
    /// Size limit and links, for the config file, packs and ignore files
    /// as for articles.
    pub limits: Limits,
}

impl Config {
    /// The shipped defaults, judging dates against `today`.
    pub fn new(today: NaiveDate) -> Self {
        Config {
            options: Options::new(today),
            rules: RuleSet::new(),
            files: Files::default(),
            baseline: None,
            origins: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Reads the config file at `path` and applies it. A config found by
    /// [`discover`] (`named` false) may not be a link out of its directory.
    pub fn load(&mut self, path: &Path, named: bool) -> Result<(), FileError> {
        let directory = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let within = (!named).then_some(directory);
        let bytes = discover::read_file_within(path, within, self.files.limits).map_err(|problem| {
            FileError::unreadable(path, format!("cannot read config file: {}", problem.message()))
        })?;
        let source = String::from_utf8(bytes)
            .map_err(|_| FileError::unreadable(path, "cannot read config file: it is not UTF-8".to_string()))?;
        self.apply(&source, path)
    }

    /// Applies the text of a config file found at `path`, after the files
    /// its `extends` names.
    pub fn apply(&mut self, source: &str, path: &Path) -> Result<(), FileError> {
        self.apply_extending(source, path, &mut Vec::new())
    }

    /// [`Config::apply`], with the files being applied (`chain`), which
    /// an `extends` may not name again.
    fn apply_extending(&mut self, source: &str, path: &Path, chain: &mut Vec<PathBuf>) -> Result<(), FileError> {
        let file = TomlFile::new(path, source);
        let table = file.parse()?;
        chain.push(extends::identity(path));
        if let Some(value) = table.get_ref().get("extends") {
            for (parent_path, text) in extends::parents(&file, value, chain, self.files.limits)? {
                // Two files that extend one policy (a diamond) apply it once:
                // again, it would undo what the first of them changed.
                let id = extends::identity(&parent_path);
                if self.sources.iter().any(|applied| extends::identity(applied) == id) {
                    continue;
                }
                self.apply_extending(&text, &parent_path, chain)?;
            }
        }
        chain.pop();
        self.sources.push(path.to_path_buf());
        extends::record(&file, table.get_ref(), &mut self.origins);
        let loader = Loader { file };
        // Packs first: `[rules]` may name the rules they add.
        if let Some(value) = table.get_ref().get("packs") {
            loader.packs(value, &mut self.rules, self.files.limits)?;
        }
        for (key, value) in table.get_ref() {
            match key.get_ref().as_ref() {
                "packs" | "extends" => {}
                "exclude" | "extend-exclude" | "include" => {}
                "baseline" => {
                    let name = loader.file.string(value, "baseline")?;
                    if name.trim().is_empty() {
                        return Err(loader.error(value.span(), "baseline must name a file".to_string(), None));
                    }
                    self.baseline = Some(loader.base().join(name));
                }
                "articles" => loader.articles(value, &mut self.options)?,
                "allow-empty" => self.files.allow_empty = loader.file.bool(value, "allow-empty")?,
                "rules" => {
                    let severities = loader.severities(value, &self.rules)?;
                    self.rules.set_severities(severities);
                }
                "sections" => loader.sections(value, &mut self.options)?,
                "review" => loader.review(value, &mut self.options)?,
                "front-matter" => loader.front_matter(value, &mut self.options)?,
                "dates" => loader.dates(value, &mut self.options)?,
                "readability" => loader.readability(value, &mut self.options)?,
                "claims" => loader.claims(value, &mut self.options)?,
                "medication" => loader.medication(value, &mut self.options)?,
                "overrides" => loader.overrides(value, &mut self.rules)?,
                "files" => loader.files(value, &mut self.files.added)?,
                _ => return Err(file.unknown_key(key, "", &schema::names(schema::TOP))),
            }
        }
        loader.file_selection(table.get_ref(), &mut self.files)
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
                return Err(self
                    .file
                    .unknown_key(key, " in [sections]", &schema::names(schema::SECTIONS)));
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
                        // Read after a name as a credential, too.
                        options.reading.credentials.push(credential);
                    }
                }
                _ => {
                    return Err(self
                        .file
                        .unknown_key(key, " in [review]", &schema::names(schema::REVIEW)));
                }
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
                let known = schema::FIELDS.iter().copied();
                self.error(
                    value.span(),
                    format!("unknown front matter field \"{target}\"{}", hint(target, known)),
                    Some(format!("map a key to one of: {}", schema::FIELDS.join(", "))),
                )
            })?;
            options.reading.extra_keys.push((key.get_ref().to_string(), field));
        }
        Ok(())
    }

    fn dates(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        for (key, value) in self.file.table(value, "[dates]")? {
            if key.get_ref().as_ref() != "order" {
                return Err(self.file.unknown_key(key, " in [dates]", &schema::names(schema::DATES)));
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
                        .unknown_key(key, " in [readability]", &schema::names(schema::READABILITY)));
                }
            }
        }
        Ok(())
    }

    /// `[claims]`: further cue words of claim frames, as `cues.toml` lays
    /// them out (`[claims.variants] gel = ["gel", "gels"]`).
    fn claims(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        let mut cues = (*options.claims).clone();
        for (key, groups) in self.file.table(value, "[claims]")? {
            let Some(kind) = FacetKind::of_list(key.get_ref()) else {
                return Err(self
                    .file
                    .unknown_key(key, " in [claims]", &schema::names(schema::CLAIMS)));
            };
            for (name, words) in self.file.table(groups, &format!("claims.{}", key.get_ref()))? {
                let words: Vec<String> = self
                    .file
                    .strings(words, "a list of cue words")?
                    .into_iter()
                    .map(|(w, _)| w)
                    .collect();
                let refs: Vec<&str> = words.iter().map(String::as_str).collect();
                cues.add(kind, name.get_ref(), &refs);
            }
        }
        options.claims = std::sync::Arc::new(cues);
        Ok(())
    }

    /// `[medication]`: further error-prone abbreviations
    /// (`abbreviations = { QHS = "at bedtime" }`) and how old a cited
    /// source may be (`reference-max-age = "10 years"`).
    fn medication(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        for (key, entries) in self.file.table(value, "[medication]")? {
            match key.get_ref().as_ref() {
                "abbreviations" => {}
                "reference-max-age" => {
                    options.reference_max_age_months =
                        self.duration(entries, "reference-max-age", &[("month", 1), ("year", 12)], "10 years")?;
                    continue;
                }
                _ => {
                    return Err(self
                        .file
                        .unknown_key(key, " in [medication]", &schema::names(schema::MEDICATION)));
                }
            }
            let mut list = (*options.abbreviations).clone();
            for (form, means) in self.file.table(entries, "medication.abbreviations")? {
                let means = self.file.string(means, "the written-out form")?;
                if form.get_ref().trim().is_empty() {
                    return Err(self.error(entries.span(), "an abbreviation must not be empty".to_string(), None));
                }
                list.push(crate::medication::custom_abbreviation(form.get_ref(), means));
            }
            options.abbreviations = std::sync::Arc::new(list);
        }
        Ok(())
    }

    /// The config file's directory, absolute: what its globs and packs are
    /// relative to.
    fn base(&self) -> PathBuf {
        let directory = self.file.path.parent().unwrap_or(Path::new("."));
        discover::absolute(&std::env::current_dir().unwrap_or_default(), directory)
    }

    /// `exclude`, `extend-exclude` and `include`: globs from the config
    /// file's directory.
    fn file_selection(&self, table: &toml::de::DeTable<'_>, files: &mut Files) -> Result<(), FileError> {
        let base = self.base();
        let globs = |key: &str, patterns: &mut Patterns, case_insensitive: bool| -> Result<(), FileError> {
            if let Some(value) = table.get(key) {
                for (glob, span) in self.file.strings(value, key)? {
                    patterns
                        .add(&glob, &base, case_insensitive)
                        .map_err(|message| self.error(span, format!("{key}: {message}"), None))?;
                }
            }
            Ok(())
        };
        if table.contains_key("exclude") {
            files.excludes.patterns = Patterns::default();
            globs("exclude", &mut files.excludes.patterns, false)?;
        }
        globs("extend-exclude", &mut files.excludes.patterns, false)?;
        if table.contains_key("include") {
            let mut include = Patterns::default();
            globs("include", &mut include, false)?;
            files.include = Some(include);
        }
        Ok(())
    }

    /// `[files]`: further files a directory walk picks, by extension
    /// (`extensions = ["txt"]`) or glob from the config file's directory
    /// (`include = ["exports/**/*.txt"]`).
    fn files(&self, value: &Value<'_>, added: &mut FileSelection) -> Result<(), FileError> {
        let base = self.base();
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
                        added.extensions.push(extension);
                    }
                }
                "include" => {
                    let mut patterns = Patterns::default();
                    for (glob, span) in self.file.strings(value, "files.include")? {
                        patterns
                            .add(&glob, &base, false)
                            .map_err(|message| self.error(span, format!("files.include: {message}"), None))?;
                    }
                    added.include = Some(patterns);
                }
                _ => return Err(self.file.unknown_key(key, " in [files]", &schema::names(schema::FILES))),
            }
        }
        Ok(())
    }

    /// `[articles]`: which pages are articles.
    fn articles(&self, value: &Value<'_>, options: &mut Options) -> Result<(), FileError> {
        let base = self.base();
        let scope = &mut options.articles;
        scope.configured = true;
        scope.cwd = std::env::current_dir().unwrap_or_default();
        let globs = |value: &Value<'_>, key: &str| -> Result<Patterns, FileError> {
            let mut patterns = Patterns::default();
            for (glob, span) in self.file.string_or_strings(value, &format!("articles.{key}"))? {
                patterns
                    .add(&glob, &base, false)
                    .map_err(|message| self.error(span, format!("articles.{key}: {message}"), None))?;
            }
            Ok(patterns)
        };
        for (key, value) in self.file.table(value, "[articles]")? {
            match key.get_ref().as_ref() {
                "include" => scope.include = Some(globs(value, "include")?),
                "exclude" => scope.exclude = Some(globs(value, "exclude")?),
                "front-matter" => scope.front_matter = self.conditions(value, "articles.front-matter")?,
                "exclude-front-matter" => {
                    scope.exclude_front_matter = self.conditions(value, "articles.exclude-front-matter")?;
                }
                "min-words" => {
                    let words = match value.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<usize>().ok().filter(|n| *n > 0),
                        _ => None,
                    };
                    scope.min_words = words.ok_or_else(|| {
                        self.error(
                            value.span(),
                            "min-words must be a positive whole number".to_string(),
                            Some("such as 150; leave it out to count pages whatever their length".to_string()),
                        )
                    })?;
                }
                _ => {
                    return Err(self
                        .file
                        .unknown_key(key, " in [articles]", &schema::names(schema::ARTICLES)));
                }
            }
        }
        Ok(())
    }

    /// A table of front matter conditions: key = value or [values].
    fn conditions(
        &self,
        value: &Value<'_>,
        what: &str,
    ) -> Result<Vec<crate::articles::FrontMatterCondition>, FileError> {
        let mut conditions = Vec::new();
        for (name, wanted) in self.file.table(value, what)? {
            let values: Vec<String> = self
                .file
                .string_or_strings(wanted, "a front matter condition")?
                .into_iter()
                .map(|(text, _)| text.trim().to_string())
                .collect();
            if values.is_empty() || values.iter().any(String::is_empty) {
                return Err(self.error(
                    wanted.span(),
                    format!("the condition on `{}` needs a value", name.get_ref()),
                    Some("write a value, a list of values, or \"*\" for any value".to_string()),
                ));
            }
            conditions.push(crate::articles::FrontMatterCondition {
                key: name.get_ref().to_string(),
                values,
            });
        }
        Ok(conditions)
    }

    /// `packs = ["house-style/*.toml"]`: files relative to the config file,
    /// which may not lead out of its directory.
    fn packs(&self, value: &Value<'_>, rules: &mut RuleSet, limits: Limits) -> Result<(), FileError> {
        let base = self.file.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        for (pattern, span) in self.file.strings(value, "packs")? {
            let files = discover::files_matching(&base, &pattern, limits)
                .map_err(|message| self.error(span.clone(), format!("packs: {message}"), None))?;
            if files.is_empty() {
                return Err(self.error(span, format!("no pack file matches \"{pattern}\""), None));
            }
            for file in files {
                let bytes = discover::read_file_within(&file, Some(&base), limits).map_err(|problem| {
                    self.error(
                        span.clone(),
                        format!("cannot read pack {}: {}", crate::escape::path(&file), problem.message()),
                        None,
                    )
                })?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    self.error(
                        span.clone(),
                        format!("cannot read pack {}: it is not UTF-8", crate::escape::path(&file)),
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
                    _ => {
                        return Err(self
                            .file
                            .unknown_key(key, " in [overrides]", &schema::names(schema::OVERRIDES)));
                    }
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
