//! Which pages are articles: the config's `[articles]` table. A real
//! library holds glossary stubs, redirects, page fragments and landing
//! pages beside its health articles; rules about article structure and
//! medical review run on articles only, the others on every page.
//!
//! A page is an article when every condition the table sets holds: its
//! path matches `include` (when set) and not `exclude`, its front matter
//! matches each `front-matter` condition and no `exclude-front-matter`
//! one, and its body has at least `min-words` words. Without the table, every page is an article.

use std::path::{Path, PathBuf};

use crate::article::{Article, FmValue};
use crate::discover::{self, Patterns};

/// The `[articles]` table.
#[derive(Debug, Clone, Default)]
pub struct ArticleScope {
    /// Whether the config has the table: the summary says how many pages
    /// were checked as articles only then.
    pub configured: bool,
    pub include: Option<Patterns>,
    pub exclude: Option<Patterns>,
    pub front_matter: Vec<FrontMatterCondition>,
    /// `exclude-front-matter`: a page that meets any of these is not an
    /// article (`layout = "glossary-word"`).
    pub exclude_front_matter: Vec<FrontMatterCondition>,
    pub min_words: usize,
    /// The working directory, which the paths a run reports are relative
    /// to, for matching the globs.
    pub cwd: PathBuf,
}

/// `key = "value"` or `key = ["a", "b"]` in `[articles.front-matter]`:
/// the key's value (or one of the items of a list value) equals one of the
/// values, ignoring case; `"*"` accepts any value but an empty one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterCondition {
    pub key: String,
    pub values: Vec<String>,
}

impl FrontMatterCondition {
    fn holds(&self, article: &Article<'_>) -> bool {
        let Some(entry) = article.front_matter.as_ref().and_then(|fm| fm.get(&self.key)) else {
            return false;
        };
        let accepts = |value: &FmValue| {
            let Some(text) = value.as_text() else {
                return false;
            };
            let text = text.trim();
            self.values
                .iter()
                .any(|wanted| (wanted == "*" && !text.is_empty()) || wanted.eq_ignore_ascii_case(text))
        };
        match &entry.value {
            FmValue::List(items) => items.iter().any(accepts),
            value => accepts(value),
        }
    }
}

/// Why a page is or is not an article, for `--show-settings`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Article,
    /// Not an article, and the condition it failed.
    NotArticle(String),
}

impl ArticleScope {
    /// Whether the page at `path` (as a run reports it) is an article.
    pub fn is_article(&self, path: &str, article: &Article<'_>) -> bool {
        self.verdict(path, Some(article)) == Verdict::Article
    }

    /// Whether the page at `path` is an article, and if not, why. Without
    /// the article at hand only the path conditions are judged.
    pub fn verdict(&self, path: &str, article: Option<&Article<'_>>) -> Verdict {
        if !self.configured {
            return Verdict::Article;
        }
        let absolute = discover::absolute(&self.cwd, Path::new(path));
        if let Some(include) = &self.include
            && include.matching(&absolute).is_none()
        {
            return Verdict::NotArticle("its path matches no `include` glob".to_string());
        }
        if let Some(glob) = self.exclude.as_ref().and_then(|exclude| exclude.matching(&absolute)) {
            return Verdict::NotArticle(format!("its path matches the `exclude` glob \"{glob}\""));
        }
        let Some(article) = article else {
            return Verdict::Article;
        };
        if !self.front_matter.is_empty() && article.front_matter_error.is_some() {
            return Verdict::NotArticle(
                "its front matter does not parse, so the `front-matter` conditions cannot hold".to_string(),
            );
        }
        if let Some(condition) = self.front_matter.iter().find(|c| !c.holds(article)) {
            return Verdict::NotArticle(format!(
                "its front matter `{}` is not {}",
                condition.key,
                condition.values.join(" or ")
            ));
        }
        if let Some(condition) = self.exclude_front_matter.iter().find(|c| c.holds(article)) {
            return Verdict::NotArticle(format!(
                "its front matter `{}` is {}, which `exclude-front-matter` names",
                condition.key,
                condition.values.join(" or ")
            ));
        }
        if self.min_words > 0 {
            let words = body_words(article);
            if words < self.min_words {
                return Verdict::NotArticle(format!(
                    "its body has {words} words, fewer than `min-words` ({})",
                    self.min_words
                ));
            }
        }
        Verdict::Article
    }
}

/// Words of running text and table cells in the body (headings aside).
fn body_words(article: &Article<'_>) -> usize {
    article
        .blocks
        .iter()
        .filter(|block| block.kind != crate::article::BlockKind::Heading)
        .map(|block| block.text.split_whitespace().count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{InputFormat, ReviewOptions};

    fn read(source: &str) -> Article<'_> {
        Article::read(source, InputFormat::Markdown, &ReviewOptions::default())
    }

    fn scope() -> ArticleScope {
        ArticleScope {
            configured: true,
            cwd: PathBuf::from("/site"),
            ..ArticleScope::default()
        }
    }

    #[test]
    fn front_matter_conditions_match_values_and_list_items() {
        let mut scope = scope();
        scope.front_matter.push(FrontMatterCondition {
            key: "type".to_string(),
            values: vec!["condition".to_string(), "treatment".to_string()],
        });
        let yes = read("---\ntype: Treatment\n---\n# T\n");
        let listed = read("---\ntype: [news, condition]\n---\n# T\n");
        let no = read("---\ntype: glossary\n---\n# T\n");
        let none = read("# T\n");
        assert!(scope.is_article("a.md", &yes));
        assert!(scope.is_article("a.md", &listed));
        assert!(!scope.is_article("a.md", &no));
        assert!(!scope.is_article("a.md", &none));
        scope.front_matter.clear();
        scope.exclude_front_matter.push(FrontMatterCondition {
            key: "layout".to_string(),
            values: vec!["glossary-word".to_string()],
        });
        assert!(!scope.is_article("a.md", &read("---\nlayout: Glossary-Word\n---\n# T\n")));
        assert!(scope.is_article("a.md", &read("---\nlayout: basic\n---\n# T\n")));
        assert!(scope.is_article("a.md", &none));
    }

    #[test]
    fn a_star_wants_any_value() {
        let mut scope = scope();
        scope.front_matter.push(FrontMatterCondition {
            key: "title".to_string(),
            values: vec!["*".to_string()],
        });
        assert!(scope.is_article("a.md", &read("---\ntitle: Flu\n---\n")));
        assert!(!scope.is_article("a.md", &read("---\ntitle: \"\"\n---\n")));
        assert!(!scope.is_article("a.md", &read("Just a fragment.\n")));
    }

    #[test]
    fn globs_and_word_counts_decide_too() {
        let mut scope = scope();
        let mut exclude = Patterns::default();
        exclude.add("glossary", Path::new("/site"), false).unwrap();
        scope.exclude = Some(exclude);
        scope.min_words = 5;
        let long = read("# T\n\nOne two three four five six.\n");
        let short = read("# T\n\nOne two.\n");
        assert!(scope.is_article("guides/flu.md", &long));
        assert!(!scope.is_article("glossary/flu.md", &long));
        assert!(!scope.is_article("guides/flu.md", &short));
        assert!(ArticleScope::default().is_article("glossary/x.md", &short));
    }
}
