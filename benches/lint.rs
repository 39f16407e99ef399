//! Per-article hot paths: parsing, quantity extraction, the pattern packs,
//! and the whole lint, on one long article built from the example
//! articles. Compare "lint" with "parse": the whole lint should stay within
//! a few times the cost of parsing. "read html" reads the same article as
//! a published page (site chrome, JSON-LD) and should stay within three
//! times "read markdown"; "read plain text" reads its text copy.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use medlint::article::{Article, InputFormat, ReviewOptions};
use medlint::config::Config;
use medlint::context::Context;
use medlint::diagnostic::Emitter;
use medlint::rules::Check;

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

/// The long article as a published page: its Markdown rendered to HTML,
/// inside a page with a head, JSON-LD, navigation, a sidebar and a footer.
fn long_page(markdown: &str) -> String {
    let body = markdown.rsplit("\n---\n").next().unwrap_or(markdown);
    let mut article = String::new();
    pulldown_cmark::html::push_html(
        &mut article,
        pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES),
    );
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Long Article</title>
<meta property="article:modified_time" content="2026-10-01">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "MedicalWebPage",
"reviewedBy": {{"@type": "Person", "name": "Ana Ruiz", "honorificSuffix": "MD"}}, "lastReviewed": "2026-10-01"}}</script>
<style>body {{ font-family: sans-serif; }}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/topics">Topics</a></nav></header>
<main><article>
{article}</article>
<aside><h2>Popular</h2><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></aside></main>
<footer><p>&copy; 2026 Example Health</p></footer></body></html>
"#
    )
}

/// The long article as a text copy: headings, bullets and paragraphs as a
/// browser's copy leaves them.
fn long_text(markdown: &str) -> String {
    let body = markdown.rsplit("\n---\n").next().unwrap_or(markdown);
    body.lines()
        .filter(|line| !line.starts_with("| ---"))
        .map(|line| {
            let line = line.trim_start_matches('#').trim_start();
            let line = line
                .strip_prefix("- ")
                .map_or(line.to_string(), |item| format!("• {item}"));
            line.trim_matches('|').replace(" | ", "\t").replace(['*', '_'], "")
        })
        .collect::<Vec<_>>()
        .join("\n")
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
    let (page, text) = (long_page(&source), long_text(&source));
    let options = ReviewOptions::default();
    for (name, input, format) in [
        ("read markdown", &source, InputFormat::Markdown),
        ("read html", &page, InputFormat::Html),
        ("read plain text", &text, InputFormat::PlainText),
    ] {
        group.bench_function(name, |b| b.iter(|| Article::read(black_box(input), format, &options)));
    }
    let article = Article::parse(&source);
    let sentences: Vec<_> = article
        .blocks
        .iter()
        .map(|b| medlint::article::prose::sentences(&b.text))
        .collect();
    group.bench_function("claims extraction", |b| {
        b.iter(|| medlint::claims::collect(black_box(&article), &sentences, &config.options.claims).len())
    });
    let packs: Vec<_> = config
        .rules
        .rules()
        .iter()
        .filter_map(|r| match r.check {
            Check::Pack(pack) => Some(pack),
            Check::Builtin(_) => None,
        })
        .collect();
    let search = config.rules.shared_search();
    // A fresh context each time: the packs' shared search is remembered
    // per file.
    group.bench_function("packs", |b| {
        b.iter_batched(
            || Context::new(Article::parse(&source), search.map(|s| s.set())),
            |cx| {
                let mut total = 0;
                for &pack in &packs {
                    let mut out = Emitter::new(pack.name, pack.category, pack.severity);
                    medlint::packs::check(pack, black_box(&cx), search.and_then(|s| s.slot(pack)), &mut out);
                    total += out.into_diagnostics().len();
                }
                total
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("lint", |b| {
        b.iter(|| medlint::lint(black_box(&source), "a.md", &config.options, &config.rules))
    });
    group.finish();
}

criterion_group!(lint, benches);
criterion_main!(lint);
