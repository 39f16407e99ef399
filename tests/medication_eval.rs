//! The medication evaluation set (`fixtures/medication-eval/`): articles
//! about insulin, children's antibiotics, thyroid tablets, pain relief
//! after surgery, vitamins and eye drops, with planted defects marked
//! `<!-- expect: RULE -->` and traps (disease abbreviations, lab values,
//! children's against adults' doses, safe regimens) marked
//! `<!-- near-miss: RULE -->`. This test lints each article, scores the
//! medication rules' findings by line and prints precision and recall per
//! rule.
//!
//! A finding on a line with an `expect` marker for its rule is found
//! (each marker counts once); any other finding is a false alarm, and one
//! on a `near-miss` line is a trap that fired.
//!
//! `MEDLINT_EVAL_VERBOSE=1 cargo test --test medication_eval -- --nocapture`
//! lists every miss and every false alarm.

use std::collections::BTreeMap;
use std::path::Path;

use medlint::config::Config;
use medlint::line_index::LineIndex;

const RULES: [&str; 3] = ["dose-notation", "unsafe-abbreviation", "dose-exceeds-limit"];

#[derive(Default, Clone, Copy)]
struct Tally {
    planted: usize,
    found: usize,
    findings: usize,
    false_alarms: usize,
    traps: usize,
    traps_fired: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        if self.findings == 0 {
            1.0
        } else {
            (self.findings - self.false_alarms) as f64 / self.findings as f64
        }
    }

    fn recall(&self) -> f64 {
        self.found as f64 / self.planted.max(1) as f64
    }
}

/// Markers of one kind ("expect", "near-miss") on each line, by rule:
/// (line, rule) → count.
fn markers(source: &str, kind: &str) -> BTreeMap<(usize, String), usize> {
    let marker = regex::Regex::new(&format!(r"<!--\s*{kind}:\s*([a-z0-9, -]+?)\s*-->")).unwrap();
    let mut out = BTreeMap::new();
    for (index, line) in source.lines().enumerate() {
        for captures in marker.captures_iter(line) {
            for rule in captures[1].split(',').map(str::trim).filter(|r| !r.is_empty()) {
                *out.entry((index + 1, rule.to_string())).or_default() += 1;
            }
        }
    }
    out
}

fn score(path: &Path, verbose: bool, tallies: &mut BTreeMap<&'static str, Tally>) {
    let source = std::fs::read_to_string(path).unwrap();
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let index = LineIndex::new(&source);
    let config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let expected = markers(&source, "expect");
    let traps = markers(&source, "near-miss");
    let mut remaining = expected.clone();
    for d in medlint::lint(&source, &file, &config.options, &config.rules) {
        let Some(rule) = RULES.iter().copied().find(|r| *r == d.rule) else {
            continue;
        };
        let line = index.position(d.span.start).line;
        let tally = tallies.get_mut(rule).unwrap();
        tally.findings += 1;
        let key = (line, rule.to_string());
        match remaining.get_mut(&key) {
            Some(left) if *left > 0 => {
                *left -= 1;
                tally.found += 1;
            }
            _ => {
                tally.false_alarms += 1;
                let trap = traps.contains_key(&key);
                tally.traps_fired += usize::from(trap);
                if verbose {
                    let kind = if trap { "near-miss fired" } else { "false alarm" };
                    println!("  {file}:{line}: {kind}: [{rule}] {}", d.message);
                }
            }
        }
    }
    for ((line, rule), count) in &expected {
        let tally = tallies
            .get_mut(rule.as_str())
            .unwrap_or_else(|| panic!("{file}:{line}: unknown rule {rule}"));
        tally.planted += count;
        if verbose && remaining[&(*line, rule.clone())] > 0 {
            println!("  {file}:{line}: missed [{rule}]");
        }
    }
    for ((_, rule), count) in &traps {
        tallies.get_mut(rule.as_str()).expect("a medication rule").traps += count;
    }
}

#[test]
fn medication_rules_find_planted_defects_and_skip_the_traps() {
    let verbose = std::env::var_os("MEDLINT_EVAL_VERBOSE").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/medication-eval");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let mut tallies: BTreeMap<&'static str, Tally> = RULES.iter().map(|r| (*r, Tally::default())).collect();
    for path in &paths {
        score(path, verbose, &mut tallies);
    }
    println!("medication evaluation set: {} articles", paths.len());
    for (rule, t) in &tallies {
        println!(
            "{rule:20} recall {:5.1}% ({}/{})  precision {:5.1}% ({} findings, {} false: {} on near-misses of {})",
            100.0 * t.recall(),
            t.found,
            t.planted,
            100.0 * t.precision(),
            t.findings,
            t.false_alarms,
            t.traps_fired,
            t.traps
        );
    }
    for (rule, t) in &tallies {
        assert!(t.planted >= 3, "{rule}: the set plants only {} defects", t.planted);
        assert!(t.traps >= 3, "{rule}: the set has only {} near-misses", t.traps);
        // Every planted defect found, no trap fired: the bar the held-out
        // articles are judged by.
        assert_eq!(t.found, t.planted, "{rule}: missed planted defects");
        assert_eq!(t.false_alarms, 0, "{rule}: false alarms");
    }
}
