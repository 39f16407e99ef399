//! Settings every rule reads: required sections, today's date, severities,
//! review policy.
//!
//! Built with the shipped defaults from DESIGN.md, then adjusted by
//! `medlint.toml` (see `file`) and the command line. Rules only ever see a
//! finished `Config`.

pub mod file;
pub mod template;

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::NaiveDate;

use crate::article::ReviewOptions;
use crate::article::review::normalize_credential;
use crate::article::sections::normalize_heading;
use crate::diagnostic::Severity;
use crate::rules::Rule;

/// A section the article must have, with the headings that count as it.
#[derive(Debug, Clone)]
pub struct RequiredSection {
    /// The key used in config (`takeaways`, `faq`, `bottom-line`).
    pub key: String,
    /// Aliases as written; the first is the name shown in messages.
    pub aliases: Vec<String>,
    /// Aliases normalised for matching.
    pub normalized: Vec<String>,
    /// What `missing-section` says when no heading counts as this section,
    /// and its help: written once, not for every article that lacks it.
    pub missing_message: String,
    pub missing_help: String,
}

impl RequiredSection {
    pub fn new(key: &str, aliases: &[&str]) -> Self {
        let name = aliases.first().copied().unwrap_or(key);
        let others: Vec<String> = aliases.iter().skip(1).map(|a| format!("\"{a}\"")).collect();
        let missing_help = if others.is_empty() {
            format!("add a \"{name}\" section")
        } else {
            format!("add a \"{name}\" section (also accepted: {})", others.join(", "))
        };
        RequiredSection {
            key: key.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            normalized: aliases.iter().map(|a| normalize_heading(a)).collect(),
            missing_message: format!("missing required section \"{name}\""),
            missing_help,
        }
    }

    /// True when a normalised heading counts as this section.
    pub fn matches(&self, normalized_heading: &str) -> bool {
        self.normalized
            .iter()
            .any(|alias| crate::article::sections::heading_matches(normalized_heading, alias))
    }
}

pub fn default_takeaways() -> RequiredSection {
    RequiredSection::new(
        "takeaways",
        &["Key Takeaways", "Takeaways", "Key Points", "At a Glance"],
    )
}

pub fn default_faq() -> RequiredSection {
    RequiredSection::new(
        "faq",
        &["Frequently Asked Questions", "FAQ", "FAQs", "Common Questions"],
    )
}

pub fn default_bottom_line() -> RequiredSection {
    RequiredSection::new(
        "bottom-line",
        &["The Bottom Line", "Bottom Line", "Conclusion", "Summary", "In Summary"],
    )
}

/// The three sections DESIGN.md requires by default.
pub fn default_sections() -> Vec<RequiredSection> {
    vec![default_takeaways(), default_faq(), default_bottom_line()]
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The date reviews and publish dates are judged against.
    pub today: NaiveDate,
    pub required_sections: Vec<RequiredSection>,
    /// Severity per rule name or category from `[rules]`; `None` turns the
    /// rule off. A rule's own entry wins over its category's.
    pub severities: FxHashMap<String, Option<Severity>>,
    /// `[[overrides]]`: severities for files matching globs; later wins.
    pub overrides: Vec<Override>,
    /// Rules turned off by `--select`/`--ignore`, which win over the file.
    pub disabled: FxHashSet<String>,
    pub readability: Readability,
    /// Every rule that can run: built-in, shipped packs, then packs named
    /// in the config file.
    pub rules: Vec<&'static Rule>,
    /// How review metadata is read (extra front matter keys, date order).
    pub review_options: ReviewOptions,
    pub review: ReviewPolicy,
    /// One search for the pack rules in `rules`, built on first use; rules
    /// added later search on their own.
    pack_prefilter: std::sync::OnceLock<Option<crate::packs::Prefilter>>,
}

/// What a good enough review is.
#[derive(Debug, Clone)]
pub struct ReviewPolicy {
    /// A review is stale this many months after its date.
    pub max_age_months: u32,
    /// Warn this many days before a review goes stale.
    pub warn_before_days: i64,
    pub allow_self_review: bool,
    /// Credentials that qualify a reviewer, normalised ("MD", "PHARMD").
    pub credentials: Vec<String>,
    /// Letters that count only beside a qualifying credential.
    pub fellowships: Vec<String>,
}

/// DESIGN.md's default list of qualifying credentials.
pub const DEFAULT_CREDENTIALS: &[&str] = &[
    "MD", "DO", "MBBS", "MBChB", "DDS", "DMD", "DPM", "PharmD", "RPh", "RN", "NP", "FNP", "FNP-BC", "APRN", "CRNA",
    "CNM", "PA", "PA-C", "RD", "RDN", "PT", "DPT", "PsyD", "LCSW",
];

pub const DEFAULT_FELLOWSHIPS: &[&str] = &["FAAD", "FACS", "FACP", "FAAP", "FAAFP", "FACOG"];

impl Default for ReviewPolicy {
    fn default() -> Self {
        let upper = |list: &[&str]| {
            list.iter()
                .map(|c| normalize_credential(c).to_ascii_uppercase())
                .collect()
        };
        ReviewPolicy {
            max_age_months: 24,
            warn_before_days: 60,
            allow_self_review: false,
            credentials: upper(DEFAULT_CREDENTIALS),
            fellowships: upper(DEFAULT_FELLOWSHIPS),
        }
    }
}

impl ReviewPolicy {
    /// Accepts PhD and MPH as qualifying credentials too.
    pub fn allow_phd_mph(&mut self) {
        for extra in ["PHD", "MPH"] {
            if !self.credentials.iter().any(|c| c == extra) {
                self.credentials.push(extra.to_string());
            }
        }
    }

    pub fn qualifies(&self, credential: &str) -> bool {
        let normalized = normalize_credential(credential).to_ascii_uppercase();
        self.credentials.contains(&normalized)
    }
}

impl Config {
    /// The shipped defaults, judging dates against `today`.
    pub fn new(today: NaiveDate) -> Self {
        Config {
            today,
            required_sections: default_sections(),
            severities: FxHashMap::default(),
            overrides: Vec::new(),
            disabled: FxHashSet::default(),
            readability: Readability::default(),
            rules: crate::rules::BUILTIN
                .iter()
                .copied()
                .chain(crate::packs::shipped().iter().copied())
                .collect(),
            review_options: ReviewOptions::default(),
            review: ReviewPolicy::default(),
            pack_prefilter: std::sync::OnceLock::new(),
        }
    }

    /// The shared search for the pack rules in `rules` that can run: rules
    /// `--select` or `--ignore` turned off never do, and a run that selects
    /// no pack rule compiles no search.
    pub fn pack_prefilter(&self) -> Option<&crate::packs::Prefilter> {
        self.pack_prefilter
            .get_or_init(|| {
                let enabled: Vec<&'static Rule> = self
                    .rules
                    .iter()
                    .copied()
                    .filter(|rule| !self.disabled.contains(rule.name))
                    .collect();
                crate::packs::Prefilter::new(&enabled)
            })
            .as_ref()
    }

    /// A rule by name.
    pub fn find_rule(&self, name: &str) -> Option<&'static Rule> {
        crate::rules::find(&self.rules, name)
    }

    /// The severity `rule` runs at for every file, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        self.severity_for(rule, "")
    }

    /// The severity `rule` runs at for the file at `path`, or `None`.
    pub fn severity_for(&self, rule: &Rule, path: &str) -> Option<Severity> {
        if self.disabled.contains(rule.name) {
            return None;
        }
        let mut severity = lookup(&self.severities, rule).unwrap_or(Some(rule.default_severity));
        if !path.is_empty() && !self.overrides.is_empty() {
            let candidate = path.strip_prefix("./").unwrap_or(path);
            for over in &self.overrides {
                if over.paths.is_match(candidate)
                    && let Some(setting) = lookup(&over.severities, rule)
                {
                    severity = setting;
                }
            }
        }
        severity
    }
}

fn lookup(map: &FxHashMap<String, Option<Severity>>, rule: &Rule) -> Option<Option<Severity>> {
    map.get(rule.name).or_else(|| map.get(rule.category)).copied()
}

/// Severities for the files that match `paths`.
#[derive(Debug, Clone)]
pub struct Override {
    pub paths: globset::GlobSet,
    pub severities: FxHashMap<String, Option<Severity>>,
}

/// Thresholds for the readability rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    /// Highest acceptable Flesch–Kincaid grade.
    pub max_grade: f64,
    /// Longest acceptable sentence, in words.
    pub max_words: usize,
}

impl Default for Readability {
    fn default() -> Self {
        Readability {
            max_grade: 8.0,
            max_words: 30,
        }
    }
}
