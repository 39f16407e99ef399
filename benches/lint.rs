//! Per-article hot paths: parsing, quantity extraction, the pattern packs,
//! and the whole lint, on one long article built from the example
//! articles. Compare "lint" with "parse": the whole lint should stay within
//! a few times the cost of parsing.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use medlint::article::Article;
use medlint::config::Config;

/// About 60 KB: the three example articles, their sections repeated.
fn long_article() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles/");
    let mut text = String::from(
        "---\ntitle: Long Article\nreviewed_by: \"Ana Ruiz, MD\"\nreviewed_on: 2026-10-01\n---\n# Long Article\n\n",
    );
    for round in 0..8 {
        for name in [
            "laser-resurfacing-guide.md",
            "sunscreen-basics.md",
            "sleep-hygiene-draft.md",
        ] {
            let article = std::fs::read_to_string(format!("{dir}{name}")).expect("example article");
            let body = article.rsplit("\n---\n").next().unwrap_or(&article);
            text.push_str(&body.replace("\n# ", &format!("\n## Part {round}: ")));
            text.push('\n');
        }
    }
    text
}

fn benches(c: &mut Criterion) {
    let source = long_article();
    let config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let mut group = c.benchmark_group("long-article");
    group.throughput(Throughput::Bytes(source.len() as u64));
    group.bench_function("pulldown-cmark only", |b| {
        b.iter(|| pulldown_cmark::Parser::new_ext(black_box(&source), pulldown_cmark::Options::all()).count())
    });
    group.bench_function("parse", |b| b.iter(|| Article::parse(black_box(&source))));
    let article = Article::parse(&source);
    group.bench_function("claims extraction", |b| {
        b.iter(|| medlint::claims::collect(black_box(&article)).len())
    });
    let packs: Vec<_> = config.rules.iter().copied().filter(|r| r.pack.is_some()).collect();
    // A fresh article each time: the packs' shared search is remembered
    // per article.
    group.bench_function("packs", |b| {
        b.iter_batched(
            || Article::parse(&source),
            |article| {
                let mut total = 0;
                for &rule in &packs {
                    let mut out = medlint::rules::Emitter::new(rule, rule.default_severity);
                    (rule.check)(black_box(&article), &config, &mut out);
                    total += out.into_diagnostics().len();
                }
                total
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("lint", |b| {
        b.iter(|| medlint::lint_source("a.md", black_box(&source), &config))
    });
    group.finish();
}

criterion_group!(lint, benches);
criterion_main!(lint);
