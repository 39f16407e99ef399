//! Settings every rule reads: required sections, today's date, severities.
//!
//! Built with the shipped defaults from DESIGN.md; the command line adjusts
//! it. Rules only ever see a finished `Config`.

use std::collections::HashMap;

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
}

impl RequiredSection {
    pub fn new(key: &str, aliases: &[&str]) -> Self {
        RequiredSection {
            key: key.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            normalized: aliases.iter().map(|a| normalize_heading(a)).collect(),
        }
    }

    pub fn display_name(&self) -> &str {
        self.aliases
            .first()
            .map_or(self.key.as_str(), String::as_str)
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
        &[
            "Frequently Asked Questions",
            "FAQ",
            "FAQs",
            "Common Questions",
        ],
    )
}

pub fn default_bottom_line() -> RequiredSection {
    RequiredSection::new(
        "bottom-line",
        &[
            "The Bottom Line",
            "Bottom Line",
            "Conclusion",
            "Summary",
            "In Summary",
        ],
    )
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The date reviews and publish dates are judged against.
    pub today: NaiveDate,
    pub required_sections: Vec<RequiredSection>,
    /// Severity per rule name; `None` turns the rule off. Rules not listed
    /// run at their default severity.
    pub severities: HashMap<String, Option<Severity>>,
    /// How review metadata is read (extra front matter keys, date order).
    pub review_options: ReviewOptions,
    pub review: ReviewPolicy,
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
    "MD", "DO", "MBBS", "MBChB", "DDS", "DMD", "DPM", "PharmD", "RPh", "RN", "NP", "FNP", "FNP-BC",
    "APRN", "CRNA", "CNM", "PA", "PA-C", "RD", "RDN", "PT", "DPT", "PsyD", "LCSW",
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
            required_sections: vec![default_takeaways(), default_faq(), default_bottom_line()],
            severities: HashMap::new(),
            review_options: ReviewOptions::default(),
            review: ReviewPolicy::default(),
        }
    }

    /// The severity `rule` runs at, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        match self.severities.get(rule.name) {
            Some(setting) => *setting,
            None => Some(rule.default_severity),
        }
    }
}
