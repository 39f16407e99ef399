//! The commented default configuration `medlint init` writes.

/// Every option, set to its default, with what it does.
pub const DEFAULT_CONFIG: &str = r#"# medlint configuration. Every option below is set to its default;
# delete what you do not change. `medlint rules` lists rule names and
# categories; `medlint explain RULE` documents a rule.

[rules]
# Severity per rule or per category: "error", "warning", "info" or "off".
# A rule's own entry wins over its category's. Categories: structure,
# review, tables, input.
# reading-level = "off"
# review = "error"
# empty-table-cell = "error"

[sections]
# Sections every article must have (used by missing-section). Each key
# needs aliases; takeaways, faq and bottom-line have built-in ones.
required = ["takeaways", "faq", "bottom-line"]
# A heading matches an alias when, ignoring case and punctuation, it equals
# the alias or contains it as whole words ("Microneedling FAQs").
[sections.aliases]
takeaways = ["Key Takeaways", "Takeaways", "Key Points", "At a Glance"]
faq = ["Frequently Asked Questions", "FAQ", "FAQs", "Common Questions"]
bottom-line = ["The Bottom Line", "Bottom Line", "Conclusion", "Summary", "In Summary"]

[review]
# A review is stale this long after its date (stale-review): months or years.
max-age = "24 months"
# Warn this long before a review goes stale (review-due-soon): days, weeks or months.
warn-before = "60 days"
# Allow the author to be the medical reviewer (self-review).
allow-self-review = false
# Credentials accepted besides the built-in list (MD, DO, RN, PharmD, ...).
credentials = []
# Accept PhD and MPH as reviewer credentials.
allow-phd-mph = false

[front-matter]
# Read further front matter keys as known fields: author, reviewed_by,
# reviewed_on, published, updated or next_review.
# lastupdate = "updated"

[dates]
# How to read all-numeric dates such as 03/04/2026: "mdy" or "dmy".
# Unset, they are reported as ambiguous.
# order = "mdy"

[readability]
# Highest Flesch-Kincaid grade of the body (reading-level).
max-grade = 8
# Longest sentence, in words (long-sentence).
max-words = 30

# Different severities for some files; later tables win.
# [[overrides]]
# paths = ["drafts/**"]
# rules = { stale-review = "off", missing-reviewer = "off" }
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use chrono::NaiveDate;

    #[test]
    fn the_template_parses_to_the_defaults() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut loaded = Config::new(today);
        crate::config::file::apply(DEFAULT_CONFIG, std::path::Path::new("medlint.toml"), &mut loaded)
            .expect("template is valid");
        let defaults = Config::new(today);
        assert_eq!(loaded.review.max_age_months, defaults.review.max_age_months);
        assert_eq!(loaded.review.warn_before_days, defaults.review.warn_before_days);
        assert_eq!(loaded.review.credentials, defaults.review.credentials);
        assert_eq!(loaded.readability, defaults.readability);
        let keys = |c: &Config| {
            c.required_sections
                .iter()
                .map(|r| (r.key.clone(), r.aliases.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&loaded), keys(&defaults));
        assert!(loaded.severities.is_empty() && loaded.overrides.is_empty());
    }

    #[test]
    fn the_example_config_in_the_repository_is_the_template() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/medlint.toml");
        let shipped = std::fs::read_to_string(path).expect("medlint.toml at the repository root");
        assert_eq!(
            shipped, DEFAULT_CONFIG,
            "regenerate it with `medlint init` after editing the template"
        );
    }
}
