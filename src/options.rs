//! What rules read: today's date, the required sections, the review
//! policy, the readability targets, and how review metadata is read.
//!
//! Built with DESIGN.md's defaults, then adjusted by `medlint.toml` and the
//! command line. Which rules run, and at which severity, is the business
//! of [`crate::rules::RuleSet`], not of these settings.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::article::credentials::{Standing, credential_key, with_standing};
use crate::article::sections::{heading_is, normalize_heading};
use crate::article::{InputFormat, ReviewOptions};
use crate::articles::ArticleScope;
use crate::claims::cues::Cues;

/// Everything a rule may read besides the article.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date reviews and publish dates are judged against.
    pub today: NaiveDate,
    pub sections: Vec<RequiredSection>,
    pub review: ReviewPolicy,
    pub readability: Readability,
    /// How review metadata is read (extra front matter keys, date order).
    pub reading: ReviewOptions,
    /// The cue words of claim frames: shipped, plus `[claims]` lists.
    pub claims: Arc<Cues>,
    /// The reader to use whatever the file name (`--input-format`); `None`
    /// picks it by the path's extension, Markdown when it names none.
    pub input_format: Option<InputFormat>,
    /// Which pages are articles (`[articles]`).
    pub articles: ArticleScope,
    /// Error-prone dose abbreviations: shipped, plus `[medication]`.
    pub abbreviations: Arc<Vec<crate::medication::Abbreviation>>,
    /// How old a cited source may be, in months (`[medication]
    /// reference-max-age`, 10 years by default).
    pub reference_max_age_months: u32,
}

impl Options {
    /// The reader for the file at `path`.
    pub fn input_format_for(&self, path: &str) -> InputFormat {
        self.input_format
            .or_else(|| InputFormat::from_path(path))
            .unwrap_or(InputFormat::Markdown)
    }

    /// The shipped defaults, judging dates against `today`.
    pub fn new(today: NaiveDate) -> Self {
        Options {
            today,
            sections: default_sections(),
            review: ReviewPolicy::default(),
            readability: Readability::default(),
            reading: ReviewOptions::default(),
            claims: Cues::shipped(),
            input_format: None,
            articles: ArticleScope::default(),
            abbreviations: crate::medication::shipped_abbreviations(),
            reference_max_age_months: 120,
        }
    }

    /// The section configured for `key` (`takeaways`, `faq`,
    /// `bottom-line`), or the built-in one when the config left it out of
    /// `required`.
    pub fn section(&self, key: &str) -> &RequiredSection {
        static DEFAULTS: std::sync::LazyLock<Vec<RequiredSection>> = std::sync::LazyLock::new(default_sections);
        self.sections
            .iter()
            .chain(DEFAULTS.iter())
            .find(|r| r.key == key)
            .expect("built-in section keys exist")
    }
}

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

    /// True when a normalised heading is one of the aliases with light
    /// variations ("Microneedling FAQs", "In Summary"), not an alias inside
    /// a longer title ("Summary of Benefits and Coverage").
    pub fn matches(&self, normalized_heading: &str) -> bool {
        self.normalized
            .iter()
            .any(|alias| heading_is(normalized_heading, alias))
    }

    /// True when a normalised heading is one of the aliases exactly.
    pub fn is(&self, normalized_heading: &str) -> bool {
        self.normalized.iter().any(|alias| alias == normalized_heading)
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

/// What a good enough review is.
#[derive(Debug, Clone)]
pub struct ReviewPolicy {
    /// A review is stale this many months after its date.
    pub max_age_months: u32,
    /// Warn this many days before a review goes stale.
    pub warn_before_days: i64,
    pub allow_self_review: bool,
    /// Credentials that qualify a reviewer, as [`credential_key`] writes
    /// them ("MD", "PHARMD").
    pub credentials: Vec<String>,
    /// Letters that count only beside a qualifying credential.
    pub fellowships: Vec<String>,
}

impl Default for ReviewPolicy {
    fn default() -> Self {
        let of = |standing| with_standing(standing).map(credential_key).collect();
        ReviewPolicy {
            max_age_months: 24,
            warn_before_days: 60,
            allow_self_review: false,
            credentials: of(Standing::Qualifying),
            fellowships: of(Standing::Fellowship),
        }
    }
}

impl ReviewPolicy {
    /// Accepts PhD, MPH and DrPH as qualifying credentials too.
    pub fn allow_phd_mph(&mut self) {
        for extra in with_standing(Standing::Optional) {
            self.accept(extra);
        }
    }

    /// Accepts a further credential ("CNS").
    pub fn accept(&mut self, credential: &str) {
        let key = credential_key(credential);
        if !self.credentials.contains(&key) {
            self.credentials.push(key);
        }
    }

    pub fn qualifies(&self, credential: &str) -> bool {
        self.credentials.contains(&credential_key(credential))
    }
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
