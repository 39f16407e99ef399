//! The commented default configuration `medlint init` writes: the
//! repository's own `medlint.toml`, which sets every option to its default.

/// Every option, set to its default, with what it does.
pub const DEFAULT_CONFIG: &str = include_str!("../../medlint.toml");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use chrono::NaiveDate;

    #[test]
    fn the_template_parses_to_the_defaults() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut loaded = Config::new(today);
        loaded
            .apply(DEFAULT_CONFIG, std::path::Path::new("medlint.toml"))
            .expect("template is valid");
        let defaults = Config::new(today);
        let (loaded, defaults) = (&loaded.options, &defaults.options);
        assert_eq!(loaded.review.max_age_months, defaults.review.max_age_months);
        assert_eq!(loaded.review.warn_before_days, defaults.review.warn_before_days);
        assert_eq!(loaded.review.credentials, defaults.review.credentials);
        assert_eq!(loaded.readability, defaults.readability);
        let keys = |o: &crate::options::Options| {
            o.sections
                .iter()
                .map(|r| (r.key.clone(), r.aliases.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(loaded), keys(defaults));
    }

    /// The template names every built-in category where it lists them,
    /// and says how to add packs.
    #[test]
    fn the_template_lists_every_category_and_packs() {
        let rules_comment = DEFAULT_CONFIG.split("[rules]").nth(1).unwrap();
        let categories = rules_comment.split("\n\n").next().unwrap().replace("#", "");
        for category in crate::diagnostic::Category::BUILTIN {
            assert!(categories.contains(category.as_str()), "{category} is not listed");
        }
        assert!(DEFAULT_CONFIG.contains("\npacks = []"));
    }

    #[test]
    fn the_template_sets_no_severity_and_no_override() {
        let mut loaded = Config::new(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        loaded
            .apply(DEFAULT_CONFIG, std::path::Path::new("medlint.toml"))
            .expect("template is valid");
        let rules = &loaded.rules;
        for rule in rules.rules() {
            assert_eq!(
                rules.severity_for(rule, "drafts/a.md"),
                Some(rule.default_severity),
                "{}",
                rule.name
            );
        }
    }
}
