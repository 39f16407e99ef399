//! The fixture harness: `fixtures/<rule>/fail.md` marks each line that must
//! fire with `<!-- expect: RULE -->`, and `fixtures/<rule>/pass.md` must be
//! silent for that rule. A missing or an extra finding fails. A rule whose
//! behaviour depends on the format also has `fail.html`, `fail.mdx` or
//! `fail.txt` (and `pass.*`), read by the reader their extension names.
//!
//! Marker forms:
//! * `text <!-- expect: a, b -->`: line of the marker;
//! * a line holding only markers: the next non-blank line that is not only
//!   markers;
//! * `<!-- expect+N: a -->`: N lines below the marker (for table rows,
//!   where a trailing comment would add a cell).
//!
//! Beside each `fail.md`, `fail.concise` holds the findings of the rules it
//! marks, as the concise format prints them, so that a
//! change of wording shows in review as a diff of that file, as Clippy's
//! `.stderr` files do. A rule with a fix of its own also has
//! `fail.fixed.md`: `fail.md` after its fixes, safe and unsafe, as
//! `check --fix --unsafe-fixes` writes them, so that what a fix does to a
//! file is read in review. `MEDLINT_BLESS=1 cargo test --test fixtures`
//! writes them anew.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use medlint::config::Config;
use medlint::line_index::LineIndex;

/// All fixtures are judged against one fixed date, never the real clock.
fn config() -> Config {
    Config::new(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

fn lint(source: &str, path: &str) -> Vec<medlint::diagnostic::Diagnostic> {
    let config = config();
    medlint::lint(source, path, &config.options, &config.rules)
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

type Expectations = BTreeMap<(usize, String), usize>;

/// Parses markers into (1-based line, rule) → count.
fn expectations(source: &str) -> Expectations {
    let lines: Vec<&str> = source.lines().collect();
    let marker = regex::Regex::new(r"<!--\s*expect(\+\d+)?:\s*([a-z0-9, -]+?)\s*-->").unwrap();
    let only_markers = |line: &str| !line.trim().is_empty() && marker.replace_all(line, "").trim().is_empty();
    let mut expected = Expectations::new();
    for (index, line) in lines.iter().enumerate() {
        for captures in marker.captures_iter(line) {
            let target = if let Some(offset) = captures.get(1) {
                index + offset.as_str()[1..].parse::<usize>().unwrap()
            } else if only_markers(line) {
                (index + 1..lines.len())
                    .find(|&i| !lines[i].trim().is_empty() && !only_markers(lines[i]))
                    .expect("a marker line must be followed by the line it marks")
            } else {
                index
            };
            for rule in captures[2].split(',').map(str::trim).filter(|r| !r.is_empty()) {
                *expected.entry((target + 1, rule.to_string())).or_default() += 1;
            }
        }
    }
    expected
}

fn actual(path: &Path, source: &str, rules: &[String]) -> Expectations {
    let index = LineIndex::new(source);
    let mut found = Expectations::new();
    for diagnostic in lint(source, &path.display().to_string()) {
        if rules.iter().any(|r| r == diagnostic.rule) {
            let line = index.position(diagnostic.span.start).line;
            *found.entry((line, diagnostic.rule.to_string())).or_default() += 1;
        }
    }
    found
}

fn rule_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        // `articles` holds whole example articles, `formats` inputs for the
        // output format tests, `fuzz-regressions` inputs the fuzzer found;
        // every other folder is a rule's.
        .filter(|p| {
            p.is_dir()
                && !(["articles", "formats", "fuzz-regressions"].contains(&p.file_name().unwrap().to_str().unwrap())
                    || p.file_name().unwrap().to_str().unwrap().ends_with("-eval"))
        })
        .collect();
    dirs.sort();
    dirs
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `dir`'s fixture files named `stem` (`fail` or `pass`), in every format.
fn fixture_files(dir: &Path, stem: &str) -> Vec<PathBuf> {
    ["md", "mdx", "html", "txt"]
        .iter()
        .map(|extension| dir.join(format!("{stem}.{extension}")))
        .filter(|path| path.is_file())
        .collect()
}

#[test]
fn fail_fixtures_fire_exactly_where_marked() {
    let mut failures = Vec::new();
    for (dir, path) in rule_dirs().into_iter().flat_map(|dir| {
        fixture_files(&dir, "fail")
            .into_iter()
            .map(move |path| (dir.clone(), path))
    }) {
        let rule = dir.file_name().unwrap().to_string_lossy().to_string();
        let source = read(&path);
        let expected = expectations(&source);
        assert!(
            expected.keys().any(|(_, r)| *r == rule),
            "{} marks no line with its own rule {rule}",
            path.display()
        );
        let mut rules: Vec<String> = expected.keys().map(|(_, r)| r.clone()).collect();
        rules.push(rule);
        rules.dedup();
        let found = actual(&path, &source, &rules);
        if found != expected {
            failures.push(format!(
                "{}:\n  expected {:?}\n  found    {:?}",
                path.display(),
                expected,
                found
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pass_fixtures_are_silent_for_their_rule() {
    let mut failures = Vec::new();
    for (dir, path) in rule_dirs().into_iter().flat_map(|dir| {
        fixture_files(&dir, "pass")
            .into_iter()
            .map(move |path| (dir.clone(), path))
    }) {
        let rule = dir.file_name().unwrap().to_string_lossy().to_string();
        let source = read(&path);
        let found = actual(&path, &source, std::slice::from_ref(&rule));
        if !found.is_empty() {
            failures.push(format!("{}: {found:?}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_fixtures_and_documented_examples() {
    for &rule in config().rules.rules() {
        let dir = fixtures_dir().join(rule.name);
        assert!(
            dir.join("fail.md").is_file(),
            "{} has no fixtures/{}/fail.md",
            rule.name,
            rule.name
        );
        assert!(
            dir.join("pass.md").is_file(),
            "{} has no fixtures/{}/pass.md",
            rule.name,
            rule.name
        );
        let docs = rule.docs();
        for section in ["## What it does", "## Why is this bad?", "## Example", "Use instead:"] {
            assert!(docs.contains(section), "{}: docs lack {section:?}", rule.name);
        }
        assert!(!rule.summary().is_empty(), "{} has no summary", rule.name);
    }
    for dir in rule_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        assert!(config().rules.find(&name).is_some(), "fixtures/{name} names no rule");
    }
}

#[test]
fn markers_are_parsed_in_all_three_forms() {
    let source = "a <!-- expect: x -->\n<!-- expect: y, z -->\n\nb\n<!-- expect+2: w -->\nc\nd\n";
    let expected = expectations(source);
    let keys: Vec<_> = expected.keys().map(|(l, r)| (*l, r.as_str())).collect();
    assert_eq!(keys, [(1, "x"), (4, "y"), (4, "z"), (7, "w")]);
}

#[test]
fn messages_and_help_follow_the_house_style() {
    let mut checked = 0;
    for dir in rule_dirs() {
        for path in [fixture_files(&dir, "fail"), fixture_files(&dir, "pass")].concat() {
            let source = read(&path);
            for d in lint(&source, &path.display().to_string()) {
                checked += 1;
                let first = d.message.chars().next().expect("a message");
                assert!(
                    !first.is_uppercase(),
                    "{}: message starts uppercase: {}",
                    d.rule,
                    d.message
                );
                assert!(
                    !d.message.ends_with('.'),
                    "{}: message ends with a period: {}",
                    d.rule,
                    d.message
                );
                let help = d
                    .help
                    .as_deref()
                    .unwrap_or_else(|| panic!("{}: no help for {}", d.rule, d.message));
                assert!(!help.ends_with('.'), "{}: help ends with a period: {help}", d.rule);
            }
        }
    }
    assert!(checked > 100, "only {checked} diagnostics checked");
}

/// Every finding of every rule, by line, as markers would list them.
fn all_findings(path: &Path, source: &str) -> Expectations {
    let index = LineIndex::new(source);
    let mut found = Expectations::new();
    for diagnostic in lint(source, &path.display().to_string()) {
        let line = index.position(diagnostic.span.start).line;
        *found.entry((line, diagnostic.rule.to_string())).or_default() += 1;
    }
    found
}

/// `fixtures/readers-eval/` holds whole pages in HTML, MDX and plain text
/// with planted defects, each marked: every rule's findings must be
/// exactly the marked ones, and a page without markers must be silent.
#[test]
fn reader_eval_pages_fire_exactly_where_marked() {
    let dir = fixtures_dir().join("readers-eval");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "mdx" || e == "txt"))
        .collect();
    pages.sort();
    let formats: std::collections::BTreeSet<_> = pages
        .iter()
        .filter_map(|p| p.extension())
        .map(|e| e.to_os_string())
        .collect();
    assert_eq!(formats.len(), 3, "pages in every new format: {pages:?}");
    let clean = pages.iter().filter(|p| expectations(&read(p)).is_empty()).count();
    assert!(clean >= 3, "a clean page per format, found {clean}");
    let mut failures = Vec::new();
    for path in &pages {
        let source = read(path);
        let (expected, found) = (expectations(&source), all_findings(path, &source));
        if expected != found {
            failures.push(format!(
                "{}:\n  expected {expected:?}\n  found    {found:?}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The findings of a file as (rule, message), whatever their lines.
fn rule_messages(path: &Path) -> Vec<(String, String)> {
    let source = read(path);
    let mut found: Vec<(String, String)> = lint(&source, &path.display().to_string())
        .into_iter()
        .map(|d| (d.rule.to_string(), d.message))
        .collect();
    found.sort();
    found
}

/// One article as Markdown, as an HTML page and as a plain-text copy:
/// every reader builds the same article, so the findings are the same.
#[test]
fn the_same_article_in_every_format_gets_the_same_findings() {
    let dir = fixtures_dir().join("readers-eval/same-article");
    let markdown = rule_messages(&dir.join("bee-stings.md"));
    assert!(
        markdown.len() >= 8,
        "the article should exercise many rules: {markdown:?}"
    );
    for other in ["bee-stings.html", "bee-stings.txt"] {
        assert_eq!(rule_messages(&dir.join(other)), markdown, "{other}");
    }
    // The example article's HTML page, with its site chrome, JSON-LD and
    // details/summary FAQ, reads like its Markdown.
    let articles = fixtures_dir().join("articles");
    assert_eq!(
        rule_messages(&articles.join("laser-resurfacing-guide.html")),
        rule_messages(&articles.join("laser-resurfacing-guide.md"))
    );
}

/// The concise rendering of a fixture's findings of `rules`, with its path
/// as the repository names it.
fn concise(path: &Path, source: &str, rules: &[String]) -> String {
    let shown = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    let index = LineIndex::new(source);
    let located: Vec<_> = lint(source, &shown)
        .into_iter()
        .filter(|d| rules.iter().any(|r| r == d.rule))
        .map(|d| medlint::render::Located::resolve(&index, d))
        .collect();
    medlint::render::concise::render(&shown, &located)
}

#[test]
fn every_fail_fixture_renders_as_its_snapshot() {
    let bless = std::env::var_os("MEDLINT_BLESS").is_some();
    let mut stale = Vec::new();
    for dir in rule_dirs() {
        let path = dir.join("fail.md");
        let source = read(&path);
        let rules: Vec<String> = expectations(&source).into_keys().map(|(_, rule)| rule).collect();
        let rendered = concise(&path, &source, &rules);
        let snapshot = dir.join("fail.concise");
        if bless {
            std::fs::write(&snapshot, &rendered).unwrap();
        } else if std::fs::read_to_string(&snapshot).ok().as_deref() != Some(rendered.as_str()) {
            stale.push(format!("{}:\n{rendered}", snapshot.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots differ (MEDLINT_BLESS=1 cargo test --test fixtures writes them):\n{}",
        stale.join("\n")
    );
}

/// The README's rules table: one row per rule, with its category and
/// default severity as the registry has them.
#[test]
fn the_readme_lists_every_rule_as_the_registry_does() {
    let readme = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"));
    let row = regex::Regex::new(r"(?m)^\| `([a-z0-9-]+)` \| ([a-z-]+) \| ([a-z/]+) \|").unwrap();
    let listed: Vec<(String, String, String)> = row
        .captures_iter(&readme)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .collect();
    let registry: Vec<(String, String, String)> = config()
        .rules
        .rules()
        .iter()
        .map(|rule| {
            // A rule that reports both is written "error/warning".
            let severity = match rule.name {
                "inconsistent-number" => "error/warning".to_string(),
                _ => rule.default_severity.to_string(),
            };
            (rule.name.to_string(), rule.category.to_string(), severity)
        })
        .collect();
    let mut sorted_listed = listed.clone();
    sorted_listed.sort();
    let mut sorted_registry = registry.clone();
    sorted_registry.sort();
    assert_eq!(sorted_listed, sorted_registry, "README rules table vs `medlint rules`");
}

/// Each fixable rule's `fail.md`, fixed by that rule's fixes alone, is its
/// `fail.fixed.md`; the fixes are of the kind the rule declares (both
/// kinds for a rule that says "sometimes"), the fixed text no longer has
/// the findings that were fixed, and a second run changes nothing.
#[test]
fn every_fixable_rule_has_a_fixed_snapshot() {
    use medlint::fix::{Applicability, Fixability, fix_text_of, fixability, own_fix};
    let bless = std::env::var_os("MEDLINT_BLESS").is_some();
    let config = config();
    let mut stale = Vec::new();
    let mut fixable = 0;
    for rule in config.rules.rules() {
        let Some(kind) = fixability(rule.name) else {
            assert!(
                !fixtures_dir().join(rule.name).join("fail.fixed.md").exists(),
                "{} has no fix but has a fixed snapshot",
                rule.name
            );
            continue;
        };
        fixable += 1;
        let dir = fixtures_dir().join(rule.name);
        let path = dir.join("fail.md");
        let source = read(&path);
        let shown = format!("fixtures/{}/fail.md", rule.name);
        let findings: Vec<_> = lint(&source, &shown)
            .into_iter()
            .filter(|d| d.rule == rule.name)
            .collect();
        let fixes: Vec<_> = findings
            .iter()
            .filter_map(|d| own_fix(&source, medlint::article::InputFormat::Markdown, d))
            .collect();
        assert!(!fixes.is_empty(), "{}: fail.md has no finding with a fix", rule.name);
        for fix in &fixes {
            assert!(kind.allows(fix.applicability), "{}: {fix:?} is not {kind:?}", rule.name);
        }
        if kind == Fixability::Sometimes {
            for applicability in [Applicability::Safe, Applicability::Unsafe] {
                assert!(
                    fixes.iter().any(|f| f.applicability == applicability),
                    "{}: fail.md shows no {applicability:?} fix",
                    rule.name
                );
            }
        }
        let fixed = fix_text_of(&source, &shown, &config.options, &config.rules, true, Some(rule.name));
        assert!(fixed.refused.is_none(), "{}: {:?}", rule.name, fixed.refused);
        let left = lint(&fixed.text, &shown)
            .into_iter()
            .filter(|d| d.rule == rule.name)
            .count();
        assert!(
            left + fixes.len() <= findings.len(),
            "{}: {} findings, {} fixed, {left} left",
            rule.name,
            findings.len(),
            fixes.len()
        );
        let again = fix_text_of(
            &fixed.text,
            &shown,
            &config.options,
            &config.rules,
            true,
            Some(rule.name),
        );
        assert_eq!(
            again.text, fixed.text,
            "{}: fixing twice changes the text again",
            rule.name
        );
        let snapshot = dir.join("fail.fixed.md");
        if bless {
            std::fs::write(&snapshot, &fixed.text).unwrap();
        } else if std::fs::read_to_string(&snapshot).ok().as_deref() != Some(fixed.text.as_str()) {
            stale.push(snapshot.display().to_string());
        }
    }
    assert!(fixable >= 6, "only {fixable} rules have fixes");
    assert!(
        stale.is_empty(),
        "fixed snapshots differ (MEDLINT_BLESS=1 cargo test --test fixtures writes them): {}",
        stale.join(", ")
    );
}
