//! Which rules run, at which severity: the built-in rules, the shipped
//! packs and a config's packs, with `[rules]` severities, `[[overrides]]`
//! for some paths, `--select`/`--ignore`, and the packs' shared search.
//! Rules never see this; they read only the [`crate::options::Options`].

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostic::{Category, Severity};
use crate::packs::{self, PackRule, SharedSearch};
use crate::rules::{self, BUILTIN, Check, Rule};

/// A severity setting: a level, or `None` for off.
pub type Setting = Option<Severity>;

/// Severities for the files that match `paths`.
#[derive(Debug, Clone)]
pub struct Override {
    pub paths: globset::GlobSet,
    /// Per rule name or category.
    pub severities: FxHashMap<String, Setting>,
}

#[derive(Debug)]
pub struct RuleSet {
    /// Every rule that can run: built-in, shipped packs, then packs named
    /// in the config file.
    rules: Vec<&'static Rule>,
    /// Severity per rule name or category from `[rules]`; a rule's own
    /// entry wins over its category's.
    severities: FxHashMap<String, Setting>,
    /// `[[overrides]]`, in order; later wins.
    overrides: Vec<Override>,
    /// Rules turned off by `--select`/`--ignore`, which win over the file.
    disabled: FxHashSet<&'static str>,
    /// One search for the pack rules that can run, built on first use.
    shared_search: OnceLock<Option<SharedSearch>>,
}

static SHIPPED_PACK_RULES: std::sync::LazyLock<Vec<&'static Rule>> = std::sync::LazyLock::new(|| {
    packs::shipped()
        .iter()
        .map(|pack| &*Box::leak(Box::new(Rule::from_pack(pack))))
        .collect()
});

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::new()
    }
}

impl Clone for RuleSet {
    fn clone(&self) -> Self {
        RuleSet {
            rules: self.rules.clone(),
            severities: self.severities.clone(),
            overrides: self.overrides.clone(),
            disabled: self.disabled.clone(),
            shared_search: OnceLock::new(),
        }
    }
}

impl RuleSet {
    /// The built-in rules and the shipped packs at their default severities.
    pub fn new() -> Self {
        RuleSet::of(BUILTIN.iter().chain(SHIPPED_PACK_RULES.iter()).copied().collect())
    }

    /// Exactly `rules`, at their default severities.
    pub fn of(rules: Vec<&'static Rule>) -> Self {
        RuleSet {
            rules,
            severities: FxHashMap::default(),
            overrides: Vec::new(),
            disabled: FxHashSet::default(),
            shared_search: OnceLock::new(),
        }
    }

    /// Every rule that can run, in the order `medlint rules` lists them.
    pub fn rules(&self) -> &[&'static Rule] {
        &self.rules
    }

    /// A rule by name.
    pub fn find(&self, name: &str) -> Option<&'static Rule> {
        rules::find(&self.rules, name)
    }

    /// The categories of the rules, sorted by name.
    pub fn categories(&self) -> Vec<Category> {
        rules::categories(&self.rules)
    }

    /// True when `name` is a rule or a category.
    pub fn knows(&self, name: &str) -> bool {
        self.find(name).is_some() || self.categories().iter().any(|c| c.as_str() == name)
    }

    /// Rule and category names, for "did you mean".
    pub fn names(&self) -> Vec<&'static str> {
        let categories = self.categories().into_iter().map(Category::as_str);
        self.rules.iter().map(|r| r.name).chain(categories).collect()
    }

    /// Adds the rules of a config's pack.
    pub fn add_packs(&mut self, packs: &[&'static PackRule]) {
        self.rules
            .extend(packs.iter().map(|pack| &*Box::leak(Box::new(Rule::from_pack(pack)))));
        self.shared_search = OnceLock::new();
    }

    /// Sets severities from `[rules]`.
    pub fn set_severities(&mut self, severities: FxHashMap<String, Setting>) {
        self.severities.extend(severities);
    }

    pub fn add_override(&mut self, over: Override) {
        self.overrides.push(over);
    }

    /// Applies `--select` and `--ignore` (rule names or categories), which
    /// win over the config file; an unknown name is an error naming it.
    pub fn select(&mut self, select: &[String], ignore: &[String]) -> Result<(), String> {
        if let Some(unknown) = select.iter().chain(ignore).find(|name| !self.knows(name)) {
            let hint = crate::suggest::did_you_mean(unknown, self.names())
                .map(|s| format!("; did you mean \"{s}\"?"))
                .unwrap_or_default();
            return Err(format!("unknown rule or category \"{unknown}\"{hint}"));
        }
        let matches =
            |rule: &Rule, names: &[String]| names.iter().any(|n| n == rule.name || n == rule.category.as_str());
        for rule in self.rules.clone() {
            let selected = select.is_empty() || matches(rule, select);
            if !selected || matches(rule, ignore) {
                self.disabled.insert(rule.name);
            } else if select.iter().any(|n| n == rule.name) && self.severity_of(rule).is_none() {
                // Selecting a rule by name turns it on even when the file says off.
                self.severities
                    .insert(rule.name.to_string(), Some(rule.default_severity));
            }
        }
        self.shared_search = OnceLock::new();
        Ok(())
    }

    /// The severity `rule` runs at for every file, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Setting {
        self.severity_for(rule, "")
    }

    /// The severity `rule` runs at for the file at `path`, or `None`.
    pub fn severity_for(&self, rule: &Rule, path: &str) -> Setting {
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

    /// The rules that run on the file at `path`, with their severities.
    pub fn enabled_for<'s>(&'s self, path: &'s str) -> impl Iterator<Item = (&'static Rule, Severity)> + 's {
        self.rules
            .iter()
            .filter_map(move |&rule| self.severity_for(rule, path).map(|severity| (rule, severity)))
    }

    /// The shared search for the pack rules that can run: rules `--select`
    /// or `--ignore` turned off never do, and a run that selects no pack
    /// rule compiles no search.
    pub fn shared_search(&self) -> Option<&SharedSearch> {
        self.shared_search
            .get_or_init(|| {
                let enabled: Vec<&'static PackRule> = self
                    .rules
                    .iter()
                    .filter(|rule| !self.disabled.contains(rule.name))
                    .filter_map(|rule| match rule.check {
                        Check::Pack(pack) => Some(pack),
                        Check::Builtin(_) => None,
                    })
                    .collect();
                SharedSearch::new(&enabled)
            })
            .as_ref()
    }
}

fn lookup(map: &FxHashMap<String, Setting>, rule: &Rule) -> Option<Setting> {
    map.get(rule.name).or_else(|| map.get(rule.category.as_str())).copied()
}
