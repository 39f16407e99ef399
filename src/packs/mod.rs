//! Declarative rule packs (`lints/*.toml`, and packs a config names).
//!
//! A pack rule picks one kind from a small closed set implemented here
//! (today `existence`: report matches of regular expressions in a scope)
//! and adds its name, category, severity, message, docs and an example.
//! The rule set wraps each pack rule in a rule like the built-in ones, so
//! `rules`, `explain`, SARIF, config severities and suppressions treat them
//! alike.
//! Patterns use the `regex` crate (linear time) with size limits, so a pack
//! cannot make linting slow or run code.

mod load;

use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::article::{BlockKind, TextBlock};
use crate::context::Context;
use crate::diagnostic::{Category, Emitter, Severity, quoted};

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

static SHIPPED_RULES: LazyLock<Vec<&'static PackRule>> = LazyLock::new(|| {
    use rayon::prelude::*;
    // Compiling the patterns is most of a short run's start-up: load the
    // packs side by side.
    let packs: Vec<Vec<&'static PackRule>> = SHIPPED
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
pub fn shipped() -> &'static [&'static PackRule] {
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
    /// The front matter's `title` (a title made of headings is in
    /// `Heading`); a blank title is reported too.
    Title,
}

impl Scope {
    fn covers(self, kind: BlockKind) -> bool {
        match self {
            Scope::Text => kind.is_prose(),
            Scope::Heading => kind == BlockKind::Heading,
            Scope::TableCell => kind == BlockKind::TableCell,
            Scope::ListItem => kind == BlockKind::ListItem,
            Scope::Title => false,
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
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// Markdown, with the example appended.
    pub docs: &'static str,
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

/// The unanchored pack rules of a rule set, as one set of patterns: one
/// search over an article tells which of them match anywhere in it.
#[derive(Debug, Clone)]
pub struct SharedSearch {
    /// The rule of each pattern in `set`, by name (names are unique in a
    /// rule set).
    names: Vec<&'static str>,
    set: RegexSet,
}

impl SharedSearch {
    /// `None` when fewer than two rules would share it, or when the set
    /// would be too big to build.
    pub fn new(packs: &[&'static PackRule]) -> Option<SharedSearch> {
        let packs: Vec<&'static PackRule> = packs.iter().copied().filter(|p| !p.anchored).collect();
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
        Some(SharedSearch {
            names: packs.iter().map(|p| p.name).collect(),
            set,
        })
    }

    /// The patterns, searched once per article (see
    /// [`Context::pack_matches`]).
    pub fn set(&self) -> &RegexSet {
        &self.set
    }

    /// Where the search holds `pack`, if it does.
    pub fn slot(&self, pack: &PackRule) -> Option<usize> {
        self.names.iter().position(|name| *name == pack.name)
    }
}

/// The check every pack rule runs: its kind over its scope. `slot` is where
/// the context's shared search holds this rule, if it does.
pub fn check(pack: &PackRule, cx: &Context, slot: Option<usize>, out: &mut Emitter) {
    if pack.scopes.contains(&Scope::Title) {
        title(pack, cx, out);
    }
    // Most articles match no pack: one search over all their text, shared
    // by the rule set's pack rules, rules that out without a search per
    // block. Blocks are joined by blank lines, which word boundaries treat
    // as the text's own edges; anchors would not, so anchored rules search
    // block by block.
    if !pack.anchored {
        let shared = slot.and_then(|slot| cx.pack_matches().map(|hits| hits.matched(slot)));
        let may_match = shared.unwrap_or_else(|| pack.pattern.regex().is_match(cx.joined_text()));
        if !may_match {
            return;
        }
    }
    for block in &cx.article.blocks {
        if !pack.scopes.iter().any(|scope| scope.covers(block.kind)) || skipped(pack, cx, block) {
            continue;
        }
        match pack.kind {
            Kind::Existence => existence(pack, block, out),
        }
    }
}

/// The front matter's title: matched as written (quotes aside), and
/// reported when it is blank (`title: ""`, `title:`).
fn title(pack: &PackRule, cx: &Context, out: &mut Emitter) {
    let article = &cx.article;
    let Some(entry) = article.front_matter.as_ref().and_then(|fm| fm.get("title")) else {
        return;
    };
    let span = entry.value_span.clone();
    let Some(written) = article.source.get(span.clone()) else {
        return;
    };
    let inner = written.trim().trim_matches(['"', '\'']);
    if inner.trim().is_empty() && entry.value.as_text().is_none_or(|t| t.trim().is_empty()) {
        let at = if span.is_empty() { entry.key_span.clone() } else { span };
        let diagnostic = out.emit(at, "title is empty".to_string());
        diagnostic.help("give the article its title".to_string());
        return;
    }
    let offset = span.start + (inner.as_ptr() as usize - written.as_ptr() as usize);
    for found in pack.pattern.regex().find_iter(inner) {
        let message = pack.message.replace("{match}", &quoted(found.as_str()));
        let diagnostic = out.emit(offset + found.start()..offset + found.end(), message);
        if let Some(help) = &pack.help {
            diagnostic.help(help.clone());
        }
    }
}

fn skipped(pack: &PackRule, cx: &Context, block: &TextBlock) -> bool {
    pack.unless.iter().any(|unless| match unless {
        Unless::Cited => block.has_citation,
        Unless::Advertising => cx.is_advertising(block),
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
    use crate::article::Article;
    use crate::options::Options;
    use crate::rules::{Rule, RuleSet};
    use std::path::Path;

    fn load(source: &str) -> Vec<&'static PackRule> {
        load_pack(Path::new("t.toml"), source, &|_| false).unwrap()
    }

    fn options() -> Options {
        Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
    }

    fn rule_set(packs: &[&'static PackRule]) -> RuleSet {
        RuleSet::of(
            packs
                .iter()
                .map(|p| &*Box::leak(Box::new(Rule::from_pack(p))))
                .collect(),
        )
    }

    /// Lints `source` with only the rules of `pack`.
    fn lint_with(pack: &str, source: &str) -> Vec<(String, String)> {
        crate::lint(source, "a.md", &options(), &rule_set(&load(pack)))
            .into_iter()
            .map(|d| (d.rule.to_string(), source[d.span].to_string()))
            .collect()
    }

    #[test]
    fn anchored_and_unanchored_patterns_find_every_block() {
        let source = "# Title\n\nFirst paragraph.\n\nTODO fill this in\n\n## FAQ\n\n- item one\n- superfood two\n";
        let anchored = "[[rules]]\nname = \"todo-start\"\nkind = \"existence\"\ncase-sensitive = true\nscope = [\"text\"]\npatterns = ['^TODO']\nmessage = \"m\"\n";
        assert!(load(anchored)[0].anchored);
        assert_eq!(
            lint_with(anchored, source),
            [("todo-start".to_string(), "TODO".to_string())]
        );
        let plain = "[[rules]]\nname = \"superfood\"\nkind = \"existence\"\nscope = [\"text\", \"heading\"]\npatterns = ['\\bsuperfoods?\\b', '\\bfaq\\b']\nmessage = \"m\"\n";
        assert!(!load(plain)[0].anchored);
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
        fn the_shared_search_agrees_with_each_rule(
            words in proptest::collection::vec(
                proptest::sample::select(&[
                    "superfood", "SuperFoods", "todo", "TODO", "Tbd", "nhs cure", "NHS Cure", "NHS cure", "note", "x",
                ][..]),
                0..8,
            ),
        ) {
            let packs = load(MIXED_CASE);
            let search = SharedSearch::new(&packs).expect("two unanchored rules");
            let source = format!("# T\n\n{}\n", words.join(" "));
            let cx = Context::new(Article::parse(&source), Some(search.set()));
            for pack in &packs {
                let own = pack.pattern.regex().is_match(cx.joined_text());
                // The anchored rule is not in the set.
                let shared = search.slot(pack).map(|slot| cx.pack_matches().unwrap().matched(slot));
                proptest::prop_assert_eq!(shared, (!pack.anchored).then_some(own), "{} on {:?}", pack.name, source);
            }
        }
    }

    #[test]
    fn rules_added_after_the_shared_search_still_match() {
        let mut rules = RuleSet::new();
        let source = "# T\n\nEat superfoods. TODO: cite.\n";
        // Built now, for the shipped packs only.
        assert!(rules.shared_search().is_some());
        rules.add_packs(&load(MIXED_CASE));
        let names: Vec<&str> = crate::lint(source, "a.md", &options(), &rules)
            .iter()
            .map(|d| d.rule)
            .collect();
        assert!(names.contains(&"a") && names.contains(&"b"), "{names:?}");
    }

    #[test]
    fn packs_turned_off_stay_out_of_the_shared_search() {
        let mut rules = RuleSet::new();
        rules
            .select(&[], &["absolute-claim".to_string(), "promotional-content".to_string()])
            .unwrap();
        // One pack rule left to run: it searches on its own.
        assert!(rules.shared_search().is_none());
        let names: Vec<&str> = crate::lint("# T\n\nTODO: a miracle cure.\n", "a.md", &options(), &rules)
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
        for pack in shipped() {
            assert_eq!(pack.category, Category::Content);
            // Shipped patterns compile when first needed: they must compile.
            assert!(pack.pattern.compile().is_ok(), "{}", pack.name);
            if let Some(exceptions) = &pack.exceptions {
                assert!(exceptions.compile().is_ok(), "{}", pack.name);
            }
        }
    }

    #[test]
    fn shipped_patterns_wait_until_needed_and_a_users_compile_as_they_load() {
        let packs = load::load_shipped("t.toml", MIXED_CASE).unwrap();
        assert!(packs.iter().all(|p| p.pattern.compiled.get().is_none()));
        assert!(load(MIXED_CASE).iter().all(|p| p.pattern.compiled.get().is_some()));
    }
}
