//! `medlint config FILE` (`medlint check --show-settings FILE`): the
//! settings that apply to one file once every config file is applied, and
//! where each came from, as Ruff's `--show-settings` does. Settings no
//! file sets show their defaults, taken from the commented template
//! `medlint init` writes.

use std::fmt::Write;
use std::path::Path;

use crate::articles::Verdict;
use crate::config::extends::{Origin, record};
use crate::config::{Config, template};
use crate::escape;
use crate::toml_file::TomlFile;

/// Where the defaults come from in the listing.
const DEFAULT: &str = "default";

/// The listing for the file at `path` (as the run shows it). `shown`
/// turns a config path into the path to print.
pub fn settings(config: &Config, path: &str, verdict: &Verdict, shown: &dyn Fn(&Path) -> String) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# settings for {}", escape::line(path));
    if config.sources.is_empty() {
        let _ = writeln!(out, "# config files: none (the defaults)");
    } else {
        let _ = writeln!(out, "# config files, in the order applied (later wins):");
        for source in &config.sources {
            let _ = writeln!(out, "#   {}", shown(source));
        }
    }
    let _ = match verdict {
        Verdict::Article => writeln!(out, "# checked as an article"),
        Verdict::NotArticle(why) => writeln!(
            out,
            "# not an article ({}): structure and review rules do not run",
            escape::line(why)
        ),
    };
    let _ = match &config.baseline {
        Some(baseline) => writeln!(out, "# baseline: {}", shown(baseline)),
        None => writeln!(out, "# baseline: none"),
    };

    let winners = winners(config);
    let settings: Vec<&Origin> = winners.iter().filter(|o| !o.key.starts_with("rules.")).collect();
    let width = settings
        .iter()
        .map(|o| o.key.len() + o.value.len() + 3)
        .filter(|w| *w <= 48)
        .max()
        .unwrap_or(0);
    out.push('\n');
    for origin in settings {
        let pair = format!("{} = {}", origin.key, escape::line(&origin.value));
        let _ = writeln!(out, "{pair:width$}  # {}", from(origin, shown));
    }

    out.push_str("\n[rules]\n");
    let rules = config.rules.rules();
    let name_width = rules.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let is_article = *verdict == Verdict::Article;
    for rule in rules {
        let severity = config.rules.severity_for(rule, path);
        let shown_severity = severity.map_or("off", |s| s.as_str());
        let pair = format!("{:name_width$} = \"{shown_severity}\"", rule.name);
        let set = [rule.name, rule.category.as_str()]
            .iter()
            .find_map(|key| winners.iter().find(|o| o.key == format!("rules.{key}")));
        let said = set.map_or(Some(rule.default_severity.as_str()), |o| {
            let value = o.value.trim_matches('"');
            (value != "off").then_some(value)
        });
        let mut origin = match set {
            Some(origin) if said == severity.map(|s| s.as_str()) => from(origin, shown),
            None if said == severity.map(|s| s.as_str()) => DEFAULT.to_string(),
            _ => "an [[overrides]] table or --select/--ignore".to_string(),
        };
        if !is_article && rule.runs_on_articles_only() && severity.is_some() {
            origin.push_str("; not run here: not an article");
        }
        let _ = writeln!(out, "{pair:w$}  # {origin}", w = name_width + 12);
    }
    out
}

/// "medlint.toml:12" or "default".
fn from(origin: &Origin, shown: &dyn Fn(&Path) -> String) -> String {
    if origin.file.as_os_str() == DEFAULT {
        DEFAULT.to_string()
    } else {
        format!("{}:{}", shown(&origin.file), origin.line)
    }
}

/// Each key's last setting: the template's defaults, then every config
/// file's keys in the order applied. Keys keep the place they first had.
fn winners(config: &Config) -> Vec<Origin> {
    let mut all = Vec::new();
    let file = TomlFile::new(Path::new(DEFAULT), template::DEFAULT_CONFIG);
    if let Ok(table) = file.parse() {
        record(&file, table.get_ref(), &mut all);
    }
    all.extend(config.origins.iter().cloned());
    let mut winners: Vec<Origin> = Vec::new();
    for origin in all {
        match winners.iter_mut().find(|o| o.key == origin.key) {
            Some(place) => *place = origin,
            None => winners.push(origin),
        }
    }
    winners
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(config: &Config, verdict: &Verdict) -> String {
        settings(config, "a.md", verdict, &|p: &Path| p.display().to_string())
    }

    #[test]
    fn defaults_and_file_settings_say_where_they_came_from() {
        let mut config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        config
            .apply(
                "[review]\nmax-age = \"12 months\"\n[rules]\nreading-level = \"off\"\nreview = \"warning\"\n",
                Path::new("site.toml"),
            )
            .unwrap();
        let text = listing(&config, &Verdict::Article);
        let line = |key: &str| {
            text.lines()
                .find(|l| l.starts_with(key))
                .unwrap_or_default()
                .to_string()
        };
        assert!(line("review.max-age").contains("\"12 months\"") && line("review.max-age").ends_with("# site.toml:2"));
        assert!(line("review.warn-before").ends_with("# default"), "{text}");
        assert!(line("reading-level ").contains("\"off\"") && line("reading-level ").ends_with("site.toml:4"));
        assert!(line("stale-review ").contains("\"warning\"") && line("stale-review ").ends_with("site.toml:5"));
        assert!(line("empty-table ").ends_with("# default"));
        let not = listing(&config, &Verdict::NotArticle("reason".to_string()));
        assert!(not.contains("not an article (reason)"));
        assert!(
            not.lines()
                .any(|l| l.starts_with("missing-section ") && l.ends_with("not an article"))
        );
    }
}
