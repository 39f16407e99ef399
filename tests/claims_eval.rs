//! The claims evaluation set (`fixtures/claims-eval/`): articles with
//! labelled contradictions and near-misses. This test lints each article,
//! matches `inconsistent-number` findings to the labels and prints
//! precision and recall, overall and per set of writers' articles.
//!
//! A finding counts as a found contradiction only when it points at one
//! statement of a labelled pair and labels the other; against the wrong
//! partner it is a false alarm. A finding on a labelled near-miss, or on
//! any unlabelled pair, is a false alarm.
//!
//! `MEDLINT_EVAL_VERBOSE=1 cargo test --test claims_eval -- --nocapture`
//! lists every miss and every false alarm.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use medlint::config::Config;
use medlint::line_index::LineIndex;

#[derive(serde::Deserialize)]
struct Labels {
    #[serde(default)]
    contradiction: Vec<Pair>,
    #[serde(default)]
    near_miss: Vec<Pair>,
}

#[derive(serde::Deserialize)]
struct Pair {
    first: Statement,
    second: Statement,
    #[serde(default)]
    form: String,
}

#[derive(serde::Deserialize)]
struct Statement {
    line: usize,
    text: String,
}

/// A labelled statement's bytes in the source.
fn locate(source: &str, index: &LineIndex, statement: &Statement, file: &str) -> Range<usize> {
    let line = index.line_range(statement.line - 1);
    let at = source[line.clone()]
        .find(&statement.text)
        .unwrap_or_else(|| panic!("{file}:{}: {:?} is not on its line", statement.line, statement.text));
    line.start + at..line.start + at + statement.text.len()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[derive(Default)]
struct Tally {
    articles: usize,
    contradictions: usize,
    found: usize,
    findings: usize,
    false_alarms: usize,
    traps_fired: usize,
    traps: usize,
    missed_by_form: BTreeMap<String, usize>,
    total_by_form: BTreeMap<String, usize>,
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
        self.found as f64 / self.contradictions.max(1) as f64
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:8} {:3} articles  recall {:5.1}% ({}/{})  precision {:5.1}% ({} findings, {} false: {} on near-misses of {})  false alarms per 10 articles {:.1}",
            self.articles,
            100.0 * self.recall(),
            self.found,
            self.contradictions,
            100.0 * self.precision(),
            self.findings,
            self.false_alarms,
            self.traps_fired,
            self.traps,
            10.0 * self.false_alarms as f64 / self.articles.max(1) as f64
        )
    }

    fn add(&mut self, other: &Tally) {
        self.articles += other.articles;
        self.contradictions += other.contradictions;
        self.found += other.found;
        self.findings += other.findings;
        self.false_alarms += other.false_alarms;
        self.traps_fired += other.traps_fired;
        self.traps += other.traps;
        for (form, n) in &other.missed_by_form {
            *self.missed_by_form.entry(form.clone()).or_default() += n;
        }
        for (form, n) in &other.total_by_form {
            *self.total_by_form.entry(form.clone()).or_default() += n;
        }
    }
}

/// Lints one article and scores its findings against its labels.
fn score(path: &Path, verbose: bool) -> Tally {
    let source = std::fs::read_to_string(path).unwrap();
    let labels: Labels = toml::from_str(&std::fs::read_to_string(path.with_extension("toml")).unwrap()).unwrap();
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let index = LineIndex::new(&source);
    let config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let findings: Vec<_> = medlint::lint(&source, &file, &config.options, &config.rules)
        .into_iter()
        .filter(|d| d.rule == "inconsistent-number")
        .collect();
    let pairs = |list: &[Pair]| -> Vec<(Range<usize>, Range<usize>)> {
        list.iter()
            .map(|p| {
                (
                    locate(&source, &index, &p.first, &file),
                    locate(&source, &index, &p.second, &file),
                )
            })
            .collect()
    };
    let contradictions = pairs(&labels.contradiction);
    let near_misses = pairs(&labels.near_miss);
    let matches = |pair: &(Range<usize>, Range<usize>), d: &medlint::diagnostic::Diagnostic| {
        d.labels.iter().any(|label| {
            (overlaps(&d.span, &pair.0) && overlaps(&label.span, &pair.1))
                || (overlaps(&d.span, &pair.1) && overlaps(&label.span, &pair.0))
        })
    };
    let mut tally = Tally {
        articles: 1,
        contradictions: contradictions.len(),
        findings: findings.len(),
        traps: near_misses.len(),
        ..Tally::default()
    };
    // The similarity of each finding's pair, for tuning (verbose only).
    let similarity = |d: &medlint::diagnostic::Diagnostic| -> f32 {
        if !verbose {
            return 0.0;
        }
        let cx = medlint::context::Context::new(medlint::article::Article::parse(&source), None);
        let quantities = cx.quantities(&config.options);
        medlint::claims::compare::disagreements(quantities)
            .into_iter()
            .find(|f| quantities[f.later].span == d.span)
            .map_or(0.0, |f| f.similarity)
    };
    let mut found = vec![false; contradictions.len()];
    let shown = |span: &Range<usize>| format!("{}:{:?}", index.position(span.start).line, &source[span.clone()]);
    for d in &findings {
        match contradictions.iter().position(|pair| matches(pair, d)) {
            Some(i) => {
                found[i] = true;
                if verbose {
                    println!("  {file}: found [{:.2}]: {}", similarity(d), d.message);
                }
            }
            None => {
                tally.false_alarms += 1;
                let trap = near_misses.iter().any(|pair| matches(pair, d));
                tally.traps_fired += usize::from(trap);
                if verbose {
                    let other = d.labels.first().map(|l| shown(&l.span)).unwrap_or_default();
                    let kind = if trap { "near-miss fired" } else { "false alarm" };
                    println!(
                        "  {file}: {kind} [{:.2}]: {} vs {other}: {}",
                        similarity(d),
                        shown(&d.span),
                        d.message
                    );
                }
            }
        }
    }
    for (i, pair) in labels.contradiction.iter().enumerate() {
        *tally.total_by_form.entry(pair.form.clone()).or_default() += 1;
        if found[i] {
            tally.found += 1;
        } else {
            *tally.missed_by_form.entry(pair.form.clone()).or_default() += 1;
            if verbose {
                println!(
                    "  {file}: missed ({}): {} vs {}: {}",
                    pair.form,
                    shown(&contradictions[i].0),
                    shown(&contradictions[i].1),
                    why_missed(&source, &config, &contradictions[i])
                );
            }
        }
    }
    tally
}

/// What the claims engine made of a missed pair, for tuning.
fn why_missed(source: &str, config: &Config, pair: &(Range<usize>, Range<usize>)) -> String {
    use medlint::claims::compare;
    let cx = medlint::context::Context::new(medlint::article::Article::parse(source), None);
    let quantities = cx.quantities(&config.options);
    let find = |span: &Range<usize>| quantities.iter().position(|q| overlaps(&q.span, span));
    let (Some(a), Some(b)) = (find(&pair.0), find(&pair.1)) else {
        let missing = if find(&pair.0).is_none() { &pair.0 } else { &pair.1 };
        return format!("not read: {:?}", &source[missing.clone()]);
    };
    let (qa, qb) = (&quantities[a], &quantities[b]);
    let measure = |q: &medlint::claims::Quantity| format!("{:?}", compare::Measure::of(&q.reading));
    let words = |q: &medlint::claims::Quantity| {
        q.frame
            .words
            .iter()
            .map(|w| {
                format!(
                    "{}{}:{:.1}",
                    if w.heading { "^" } else { "" },
                    quantities.lexicon.text(w.concept),
                    w.weight * quantities.rarity(w.concept)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let facets = |q: &medlint::claims::Quantity| {
        q.frame
            .facets
            .iter()
            .map(|(k, n)| format!("{k:?}:{}", config.options.claims.name(*n)))
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        "\n      {} [{}] {{{}}}\n      {} [{}] {{{}}}\n      comparable {} similarity {:.2} relation {:?}",
        measure(qa),
        facets(qa),
        words(qa),
        measure(qb),
        facets(qb),
        words(qb),
        compare::comparable(qa, qb),
        compare::similarity(quantities, qa, qb),
        compare::relate(&qa.reading, &qb.reading)
    )
}

/// With `MEDLINT_EVAL_DUMP=FILE`, every comparable pair of disagreeing
/// quantities is written to FILE as a line of features, the pair's label
/// (1 for a labelled contradiction) and where it is, to fit the model.
fn dump_pairs(path: &Path, out: &mut impl std::io::Write) {
    use medlint::claims::compare;
    let source = std::fs::read_to_string(path).unwrap();
    let labels: Labels = toml::from_str(&std::fs::read_to_string(path.with_extension("toml")).unwrap()).unwrap();
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let index = LineIndex::new(&source);
    let config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let cx = medlint::context::Context::new(medlint::article::Article::parse(&source), None);
    let quantities = cx.quantities(&config.options);
    let pairs: Vec<(Range<usize>, Range<usize>)> = labels
        .contradiction
        .iter()
        .map(|p| {
            (
                locate(&source, &index, &p.first, &file),
                locate(&source, &index, &p.second, &file),
            )
        })
        .collect();
    for (later, b) in quantities.iter().enumerate() {
        for (earlier, a) in quantities[..later].iter().enumerate() {
            if compare::Measure::of(&a.reading) != compare::Measure::of(&b.reading) || !compare::comparable(a, b) {
                continue;
            }
            if compare::relate(&a.reading, &b.reading) == compare::Relation::Agree {
                continue;
            }
            let label = pairs.iter().any(|p| {
                (overlaps(&a.span, &p.0) && overlaps(&b.span, &p.1))
                    || (overlaps(&a.span, &p.1) && overlaps(&b.span, &p.0))
            });
            let features: Vec<String> = compare::features(quantities, a, b)
                .iter()
                .map(|f| format!("{f:.4}"))
                .collect();
            writeln!(
                out,
                "{}\t{}\t{file}\t{earlier}\t{later}",
                features.join(","),
                u8::from(label)
            )
            .unwrap();
        }
    }
}

#[test]
fn claims_evaluation_set() {
    let verbose = std::env::var_os("MEDLINT_EVAL_VERBOSE").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/claims-eval");
    let mut articles: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    articles.sort();
    if let Some(dump) = std::env::var_os("MEDLINT_EVAL_DUMP") {
        let mut out = std::fs::File::create(dump).unwrap();
        for path in &articles {
            dump_pairs(path, &mut out);
        }
    }
    let mut by_set: BTreeMap<String, Tally> = BTreeMap::new();
    for path in &articles {
        let set = path.file_name().unwrap().to_string_lossy()[..1].to_string();
        by_set.entry(set).or_default().add(&score(path, verbose));
    }
    let mut total = Tally::default();
    for (set, tally) in &by_set {
        println!("{}", tally.line(&format!("set {set}")));
        total.add(tally);
    }
    println!("{}", total.line("all"));
    for (form, n) in &total.total_by_form {
        let missed = total.missed_by_form.get(form).copied().unwrap_or(0);
        println!("  {form:16} found {}/{n}", n - missed);
    }
    assert!(
        total.contradictions >= 150 && total.traps >= 150,
        "the set is smaller than it should be"
    );
    // Where the rule stands today: the targets (recall 90%,
    // precision 95%) are not reached, so these are floors that keep it
    // from getting worse, not the goal.
    assert!(total.recall() >= 0.17, "recall fell to {:.3}", total.recall());
    assert!(total.precision() >= 0.83, "precision fell to {:.3}", total.precision());
    assert!(
        total.false_alarms * 100 <= 13 * total.articles,
        "{} false alarms in {} articles",
        total.false_alarms,
        total.articles
    );
}
