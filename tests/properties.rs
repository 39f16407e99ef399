//! Properties of the whole lint over generated articles: no panic, spans
//! inside the source on character boundaries (in every input format),
//! deterministic output, JSON that parses, and the same results whatever
//! the thread count.

use chrono::NaiveDate;
use medlint::config::Config;
use medlint::line_index::LineIndex;
use medlint::render::{self, FileReport, Format, Located, Summary};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "# Title",
    "## Key Takeaways",
    "## Frequently Asked Questions",
    "### How long does it take?",
    "## The Bottom Line",
    "## Related Articles",
    "Setext\n------",
    "- item one\n- item two",
    "1. first\n   - nested",
    "> quoted **bold** text",
    "| A | B |\n| --- | --- |\n| x | |",
    "| Detail | Value |\n|---|---|\n| Time | TBD |",
    "| only header |\n| --- |",
    "Medically reviewed by Ana Ruiz | MD, Clinic - City on January 22nd, 2026.",
    "*Reviewed by Dr. Omar Haddad, MD, FAAD on 2026-02-30*",
    "By Sam Ortiz",
    "[link](https://example.org) and [](empty)",
    "Text with a footnote[^1].\n\n[^1]: Source.",
    "<!-- medlint-disable empty-section -->",
    "<!-- medlint-enable -->",
    "<!-- medlint-disable-next-line empty-table -->",
    "<div>html</div>",
    "```\ncode\n```",
    "    indented code",
    "***",
    "&amp; &#x1F600; \\* escaped",
    "Café ☕ 😀 naïve",
    "<main><article><header><h1>Page</h1></header><p>Text &rsquo;s &copy 2026",
    "<details><summary>Is it safe?</summary><p>Yes.</p></details>",
    "<table><tr><th>K<th>V<tr><td>x<td></table>",
    "<script type=\"application/ld+json\">{\"reviewedBy\": {\"name\": \"Ana Ruiz\"}, \"lastReviewed\": \"2026-01-02\"}</script>",
    "<script type=\"application/ld+json\">{\"@graph\": [{\"@id\": \"#a\"}, {\"reviewedBy\": {\"@id\": \"#a\"}}</script>",
    "<nav hidden><aside><p>chrome <b>bold <i>x",
    "import { A } from 'a'\nexport const b = {\n  c: 1,\n}",
    "<Callout type=\"tip\">\n  **Rest** two days.\n</Callout>",
    "<FAQ items={[{ q: \"Why?\", a: \"{x}\" }]} /> {/* medlint-disable */}",
    "Procedure Time\n\nRecovery Time\n\nSessions",
    "• bullet one\n• bullet two\n1. first",
    "Label\tValue\nTime\t\nCost\t$20",
    "See https://example.org/study.",
    "",
];

const FRONT_MATTER: &[&str] = &[
    "---\ntitle: T\nreviewed_by: \"Ana Ruiz, MD\"\nreviewed_on: 2024-01-01\nupdated: 2026-01-01\n---\n",
    "---\nauthor: [A, B]\nmedlint: { disable: [missing-section] }\n---\n",
    "+++\ntitle = \"T\"\nreviewed_on = 2026-01-22\n+++\n",
    "---\ntitle: [unclosed\n---\n",
    "---\nnever closed\n",
    "\u{feff}---\ndate: 01/02/2026\n---\n",
    "",
];

fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,30}",
        1 => "[#|>*_`\\-\\[\\]()!<>:\t \r\n\u{0}-\u{1f}a-z0-9]{0,40}",
    ];
    assembled(piece, 0..25, "")
}

/// One of the front matters, then `count` pieces, then `ending`; with
/// LF or CRLF line breaks.
fn assembled(
    piece: impl Strategy<Value = String>,
    count: std::ops::Range<usize>,
    ending: &'static str,
) -> impl Strategy<Value = String> {
    (
        proptest::sample::select(FRONT_MATTER),
        proptest::collection::vec(piece, count),
        any::<bool>(),
    )
        .prop_map(move |(front, pieces, crlf)| {
            let text = format!("{front}{}{ending}", pieces.join("\n\n"));
            if crlf { text.replace('\n', "\r\n") } else { text }
        })
}

fn lint(source: &str, path: &str) -> Vec<medlint::diagnostic::Diagnostic> {
    let config = config();
    medlint::lint(source, path, &config.options, &config.rules)
}

fn config() -> Config {
    Config::new(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_lie_inside_the_source_on_char_boundaries(source in article()) {
        let outcome = { let config = config(); medlint::lint_checked(&source, "a.md", &config.options, &config.rules) };
        prop_assert!(outcome.internal_errors.is_empty(), "{:?}", outcome.internal_errors);
        for d in &outcome.diagnostics {
            let spans = std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span));
            for span in spans {
                prop_assert!(span.start <= span.end && span.end <= source.len(), "{d:?}");
                prop_assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end), "{d:?}");
            }
            prop_assert!(!d.message.is_empty());
            prop_assert!(d.message.chars().next().is_some_and(|c| !c.is_uppercase()), "{}", d.message);
        }
    }

    #[test]
    fn every_reader_keeps_spans_inside_the_source(source in article()) {
        let config = config();
        for path in ["a.html", "a.mdx", "a.txt"] {
            let outcome = medlint::lint_checked(&source, path, &config.options, &config.rules);
            prop_assert!(outcome.internal_errors.is_empty(), "{path}: {:?}", outcome.internal_errors);
            for d in &outcome.diagnostics {
                for span in std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span)) {
                    prop_assert!(span.start <= span.end && span.end <= source.len(), "{path}: {d:?}");
                    prop_assert!(
                        source.is_char_boundary(span.start) && source.is_char_boundary(span.end),
                        "{path}: {d:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn linting_is_deterministic_and_sorted(source in article()) {
        let first = lint(&source, "a.md");
        let second = lint(&source, "a.md");
        prop_assert_eq!(&first, &second);
        let keys: Vec<_> = first.iter().map(|d| (d.span.start, d.rule)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }

    #[test]
    fn machine_formats_always_parse(source in article()) {
        let diagnostics = lint(&source, "dir/a b.md");
        let index = LineIndex::new(&source);
        let located: Vec<Located> = diagnostics.into_iter().map(|d| Located::resolve(&index, d)).collect();
        for format in [Format::Human, Format::Concise, Format::Github] {
            let text = render::render_file(format, "dir/a b.md", &source, &index, &located, &render::RenderOptions::default(), config().rules.rules());
            prop_assert!(!text.contains('\x1b'), "escape byte in {:?}", format);
            if format == Format::Github {
                prop_assert_eq!(text.lines().count(), located.len());
            }
        }
        let report = FileReport { path: "dir/a b.md".into(), diagnostics: located, rendered: String::new(), internal_errors: Vec::new() };
        let mut summary = Summary::default();
        summary.add(&report);
        let reports = [report];
        for format in [Format::Json, Format::Sarif, Format::Gitlab] {
            let text = render::render_run(format, &reports, &summary, config().rules.rules()).unwrap();
            prop_assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{format:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn results_do_not_depend_on_the_thread_count(articles in proptest::collection::vec(article(), 1..12)) {
        let dir = tempfile::tempdir().unwrap();
        for (i, text) in articles.iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i:02}.md")), text).unwrap();
        }
        let run = |jobs: &str| {
            assert_cmd::Command::cargo_bin("medlint").unwrap()
                .current_dir(dir.path())
                .args(["check", ".", "--no-config", "--today", "2026-11-24", "--format", "json", "--jobs", jobs])
                .output().unwrap().stdout
        };
        prop_assert_eq!(run("1"), run("3"));
    }
}

/// Pieces every fixable rule fires on, mixed into generated articles.
const FIXABLE: &[&str] = &[
    "The usual dose is 5.0 mg once a day.",
    "Older adults take .5 mg, or 1.0-2.0 mL of the liquid.",
    "Take 10 mg QD, or 250 µg QOD, or 5 cc q.d.",
    "Inject 10 U of insulin, or 1,000 IU of vitamin D.",
    "Put 2 drops in OU every morning.",
    "## Empty Heading",
    "### What is it",
    "<!-- medlint-disable-next-line dose-notation -->\nNothing here to suppress.",
    "Text <!-- medlint-disable empty-table --> after.",
];

fn fixable_article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FIXABLE).prop_map(str::to_string),
        2 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[#|>*_`\\-\\[\\]()!<>:. \r\n\u{b5}a-zA-Z0-9]{0,30}",
    ];
    assembled(piece, 1..16, "\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    /// Any one fix, safe or unsafe, changes the text only inside its
    /// edits, and the fixed text no longer has that finding.
    #[test]
    fn a_fix_changes_only_its_range_and_removes_its_finding(source in fixable_article()) {
        use medlint::article::InputFormat;
        let before = lint(&source, "a.md");
        for d in &before {
            let Some(fix) = medlint::fix::own_fix(&source, InputFormat::Markdown, d) else { continue };
            prop_assert!(!fix.edits.is_empty(), "{d:?}");
            let fixed = medlint::fix::apply(&source, &fix.edits);
            // Where the texts start and stop differing, found by comparing
            // bytes, not by trusting the edits.
            let prefix = source.bytes().zip(fixed.bytes()).take_while(|(a, b)| a == b).count();
            let suffix = source.bytes().rev().zip(fixed.bytes().rev()).take_while(|(a, b)| a == b).count();
            let first = fix.edits.iter().map(|e| e.range.start).min().unwrap();
            let last = fix.edits.iter().map(|e| e.range.end).max().unwrap();
            prop_assert!(prefix >= first || fixed == source, "{}: changed before its edit at {prefix} < {first}", d.rule);
            prop_assert!(suffix >= source.len() - last || fixed == source, "{}: changed after its edit", d.rule);
            // Between the edits, nothing changes either.
            let mut edits = fix.edits.clone();
            edits.sort_by_key(|e| e.range.start);
            let mut shift: isize = 0;
            for pair in edits.windows(2) {
                shift += pair[0].replacement.len() as isize - pair[0].range.len() as isize;
                let gap = &source[pair[0].range.end..pair[1].range.start];
                let at = (pair[0].range.end as isize + shift) as usize;
                prop_assert_eq!(&fixed[at..at + gap.len()], gap);
            }
            let count = |findings: &[medlint::diagnostic::Diagnostic]| {
                findings.iter().filter(|f| f.rule == d.rule && f.message == d.message).count()
            };
            let after = lint(&fixed, "a.md");
            prop_assert!(
                count(&after) < count(&before),
                "{} fix {:?} left its finding {:?} in {:?}",
                d.rule, fix.title, d.message, fixed
            );
        }
    }
}
