//! Declarative rule packs (`lints/*.toml`, and packs a config names).
//!
//! A pack rule picks one kind from a small closed set implemented here
//! (today `existence`: report matches of regular expressions in a scope)
//! and adds its name, category, severity, message, docs and an example.
//! Each pack rule becomes a [`Rule`] like the built-in ones, so `rules`,
//! `explain`, SARIF, config severities and suppressions treat them alike.
//! Patterns use the `regex` crate (linear time) with size limits, so a pack
//! cannot make linting slow or run code.

mod load;

use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::article::{Article, BlockKind, TextBlock};
use crate::config::Config;
use crate::rules::{Emitter, Rule, quoted};

pub use load::load_pack;

/// Limits that keep any pattern cheap to compile and run.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A pack rule's patterns, joined, compiled when first needed: most
/// articles need only the shared [`Prefilter`]. A user's pack has its
/// patterns compiled as it loads, so that one too big to compile is
/// reported against the pack; the shipped packs are known to compile.
#[derive(Debug)]
pub struct Pattern {
    /// With ASCII word boundaries.
    source: String,
    case_sensitive: bool,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    fn new(pattern: &str, case_sensitive: bool) -> Pattern {
        Pattern {
            source: crate::pattern::ascii_word_boundaries(pattern),
            case_sensitive,
            compiled: OnceLock::new(),
        }
    }

    /// Compiles the pattern, once.
    fn compile(&self) -> Result<&Regex, regex::Error> {
        if let Some(regex) = self.compiled.get() {
            return Ok(regex);
        }
        let regex = RegexBuilder::new(&self.source)
            .case_insensitive(!self.case_sensitive)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()?;
        Ok(self.compiled.get_or_init(|| regex))
    }

    /// The compiled pattern.
    pub fn regex(&self) -> &Regex {
        // Loading checked that it compiles (see above).
        self.compile().expect("a pack pattern compiles")
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn case_sensitive(&self) -> bool {
        self.case_sensitive
    }
}

/// The packs shipped in the binary, by file name.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "lints/absolute-claim.toml",
        include_str!("../../lints/absolute-claim.toml"),
    ),
    (
        "lints/promotional-content.toml",
        include_str!("../../lints/promotional-content.toml"),
    ),
    (
        "lints/placeholder-text.toml",
        include_str!("../../lints/placeholder-text.toml"),
    ),
];

static SHIPPED_RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    use rayon::prelude::*;
    // Compiling the patterns is most of a short run's start-up: load the
    // packs side by side.
    let packs: Vec<Vec<&'static Rule>> = SHIPPED
        .par_iter()
        .map(|(path, text)| {
            // Shipped packs are checked by the test suite; a broken one is a
            // build defect, not a user error.
            load::load_shipped(path, text).unwrap_or_else(|error| panic!("shipped pack {path}: {}", error.message))
        })
        .collect();
    packs.into_iter().flatten().collect()
});

/// The rules of the shipped packs.
pub fn shipped() -> &'static [&'static Rule] {
    &SHIPPED_RULES
}

/// Where a pack rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Prose: paragraphs, list items and block quotes.
    Text,
    Heading,
    TableCell,
    ListItem,
}

impl Scope {
    fn covers(self, kind: BlockKind) -> bool {
        match self {
            Scope::Text => kind.is_prose(),
            Scope::Heading => kind == BlockKind::Heading,
            Scope::TableCell => kind == BlockKind::TableCell,
            Scope::ListItem => kind == BlockKind::ListItem,
        }
    }
}

/// When a match is not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unless {
    /// The block holds a link or a footnote reference.
    Cited,
    /// The block sits in a section or quote labelled as advertising.
    Advertising,
}

/// The closed set of kinds a pack rule can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Report every match of `patterns`.
    Existence,
}

#[derive(Debug)]
pub struct PackRule {
    pub kind: Kind,
    pub scopes: Vec<Scope>,
    pub pattern: Pattern,
    /// A pattern anchors to the start or end of the text or of a line.
    pub anchored: bool,
    pub exceptions: Option<Pattern>,
    pub unless: Vec<Unless>,
    /// With `{match}` standing for the matched text.
    pub message: String,
    pub help: Option<String>,
    /// The pack file it came from.
    pub source: String,
}

/// The unanchored pack rules of a config, as one set of patterns: one
/// search over an article tells which of them match anywhere in it.
#[derive(Debug, Clone)]
pub struct Prefilter {
    packs: Vec<&'static PackRule>,
    set: RegexSet,
}

impl Prefilter {
    /// `None` when fewer than two rules would share it, or when the set
    /// would be too big to build.
    pub fn new(rules: &[&'static Rule]) -> Option<Prefilter> {
        let packs: Vec<&'static PackRule> = rules.iter().filter_map(|r| r.pack).filter(|p| !p.anchored).collect();
        if packs.len() < 2 {
            return None;
        }
        // Each pattern keeps the case sensitivity it was built with.
        let patterns = packs.iter().map(|p| {
            if p.pattern.case_sensitive() {
                p.pattern.as_str().to_string()
            } else {
                format!("(?i:{})", p.pattern.as_str())
            }
        });
        let limit = REGEX_SIZE_LIMIT * packs.len();
        let set = RegexSetBuilder::new(patterns)
            .size_limit(limit)
            .dfa_size_limit(limit)
            .build()
            .ok()?;
        Some(Prefilter { packs, set })
    }

    /// Whether `pack` can match somewhere in `article`; `None` when the
    /// set does not hold it.
    fn may_match(&self, pack: &PackRule, article: &Article) -> Option<bool> {
        let index = self.packs.iter().position(|p| std::ptr::eq(*p, pack))?;
        let id = self as *const Prefilter as usize;
        let (cached, hits) = article
            .pack_hits
            .get_or_init(|| (id, self.set.matches(article.joined_text())));
        (*cached == id).then(|| hits.matched(index))
    }
}

/// The check every pack rule runs: its kind over its scope.
pub(crate) fn check(article: &Article, config: &Config, out: &mut Emitter) {
    let Some(pack) = out.rule().pack else {
        return;
    };
    // Most articles match no pack: one search over all their text, shared
    // by the config's pack rules, rules that out without a search per
    // block. Blocks are joined by blank lines, which word boundaries treat
    // as the text's own edges; anchors would not, so anchored rules search
    // block by block.
    if !pack.anchored {
        let may_match = config
            .pack_prefilter()
            .and_then(|prefilter| prefilter.may_match(pack, article))
            .unwrap_or_else(|| pack.pattern.regex().is_match(article.joined_text()));
        if !may_match {
            return;
        }
    }
    for block in &article.blocks {
        if !pack.scopes.iter().any(|scope| scope.covers(block.kind)) || skipped(pack, article, block) {
            continue;
        }
        match pack.kind {
            Kind::Existence => existence(pack, block, out),
        }
    }
}

fn skipped(pack: &PackRule, article: &Article, block: &TextBlock) -> bool {
    pack.unless.iter().any(|unless| match unless {
        Unless::Cited => block.has_citation,
        Unless::Advertising => article.is_advertising(block),
    })
}

fn existence(pack: &PackRule, block: &TextBlock, out: &mut Emitter) {
    let text = &block.text;
    for found in pack.pattern.regex().find_iter(text) {
        let excused = pack.exceptions.as_ref().is_some_and(|exceptions| {
            exceptions
                .regex()
                .find_iter(text)
                .any(|e| e.start() <= found.start() && found.end() <= e.end())
        });
        if excused {
            continue;
        }
        let message = pack.message.replace("{match}", &quoted(found.as_str()));
        let diagnostic = out.emit(block.source_span(found.range()), message);
        if let Some(help) = &pack.help {
            diagnostic.help(help.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lints `source` with only the rules of `pack`.
    fn lint_with(pack: &str, source: &str) -> Vec<(String, String)> {
        let mut config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        config.rules = load_pack("test.toml", pack, &[]).unwrap();
        crate::lint_source("a.md", source, &config)
            .into_iter()
            .map(|d| (d.rule.to_string(), source[d.span].to_string()))
            .collect()
    }

    #[test]
    fn anchored_and_unanchored_patterns_find_every_block() {
        let source = "# Title\n\nFirst paragraph.\n\nTODO fill this in\n\n## FAQ\n\n- item one\n- superfood two\n";
        let anchored = "[[rules]]\nname = \"todo-start\"\nkind = \"existence\"\ncase-sensitive = true\nscope = [\"text\"]\npatterns = ['^TODO']\nmessage = \"m\"\n";
        assert!(load_pack("t.toml", anchored, &[]).unwrap()[0].pack.unwrap().anchored);
        assert_eq!(
            lint_with(anchored, source),
            [("todo-start".to_string(), "TODO".to_string())]
        );
        let plain = "[[rules]]\nname = \"superfood\"\nkind = \"existence\"\nscope = [\"text\", \"heading\"]\npatterns = ['\\bsuperfoods?\\b', '\\bfaq\\b']\nmessage = \"m\"\n";
        assert!(!load_pack("t.toml", plain, &[]).unwrap()[0].pack.unwrap().anchored);
        assert_eq!(
            lint_with(plain, source),
            [
                ("superfood".to_string(), "FAQ".to_string()),
                ("superfood".to_string(), "superfood".to_string())
            ]
        );
        // No match anywhere: nothing, whatever the blocks.
        assert!(lint_with(plain, "# Title\n\nPlain text.\n").is_empty());
    }

    const MIXED_CASE: &str = "[[rules]]\nname = \"a\"\nkind = \"existence\"\npatterns = ['\\bsuperfoods?\\b', '(?-i:NHS) cure']\nmessage = \"m\"\n\n\
                              [[rules]]\nname = \"b\"\nkind = \"existence\"\ncase-sensitive = true\npatterns = ['\\bTODO\\b', '(?i:tbd)']\nmessage = \"m\"\n\n\
                              [[rules]]\nname = \"c\"\nkind = \"existence\"\npatterns = ['^Note']\nmessage = \"m\"\n";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The shared search says a rule can match exactly when the rule's
        /// own pattern matches, whatever each rule's case sensitivity.
        #[test]
        fn the_prefilter_agrees_with_each_rule(
            words in proptest::collection::vec(
                proptest::sample::select(&[
                    "superfood", "SuperFoods", "todo", "TODO", "Tbd", "nhs cure", "NHS Cure", "NHS cure", "note", "x",
                ][..]),
                0..8,
            ),
        ) {
            let rules = load_pack("t.toml", MIXED_CASE, &[]).unwrap();
            let prefilter = Prefilter::new(&rules).expect("two unanchored rules");
            let source = format!("# T\n\n{}\n", words.join(" "));
            let article = Article::parse(&source);
            for rule in &rules {
                let pack = rule.pack.unwrap();
                let own = pack.pattern.regex().is_match(article.joined_text());
                // The anchored rule is not in the set.
                let expected = (!pack.anchored).then_some(own);
                proptest::prop_assert_eq!(prefilter.may_match(pack, &article), expected, "{} on {:?}", rule.name, source);
            }
        }
    }

    #[test]
    fn rules_added_after_the_prefilter_still_match() {
        let mut config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let source = "# T\n\nEat superfoods. TODO: cite.\n";
        // Built now, for the shipped packs only.
        assert!(config.pack_prefilter().is_some());
        config.rules.extend(load_pack("t.toml", MIXED_CASE, &[]).unwrap());
        let names: Vec<&str> = crate::lint_source("a.md", source, &config)
            .iter()
            .map(|d| d.rule)
            .collect();
        assert!(names.contains(&"a") && names.contains(&"b"), "{names:?}");
    }

    #[test]
    fn packs_turned_off_stay_out_of_the_shared_search() {
        let mut config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        config
            .disabled
            .extend(["absolute-claim", "promotional-content"].map(String::from));
        // One pack rule left to run: it searches on its own.
        assert!(config.pack_prefilter().is_none());
        let names: Vec<&str> = crate::lint_source("a.md", "# T\n\nTODO: a miracle cure.\n", &config)
            .iter()
            .map(|d| d.rule)
            .collect();
        assert!(
            names.contains(&"placeholder-text") && !names.contains(&"absolute-claim"),
            "{names:?}"
        );
    }

    #[test]
    fn shipped_packs_load() {
        let names: Vec<&str> = shipped().iter().map(|r| r.name).collect();
        assert_eq!(names, ["absolute-claim", "promotional-content", "placeholder-text"]);
        for rule in shipped() {
            assert_eq!(rule.category, "content");
            // Shipped patterns compile when first needed: they must compile.
            let pack = rule.pack.expect("a pack rule");
            assert!(pack.pattern.compile().is_ok(), "{}", rule.name);
            if let Some(exceptions) = &pack.exceptions {
                assert!(exceptions.compile().is_ok(), "{}", rule.name);
            }
        }
    }

    #[test]
    fn shipped_patterns_wait_until_needed_and_a_users_compile_as_they_load() {
        let rules = load::load_shipped("t.toml", MIXED_CASE).unwrap();
        assert!(rules.iter().all(|r| r.pack.unwrap().pattern.compiled.get().is_none()));
        let rules = load_pack("t.toml", MIXED_CASE, &[]).unwrap();
        assert!(rules.iter().all(|r| r.pack.unwrap().pattern.compiled.get().is_some()));
    }
}
