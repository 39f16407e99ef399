//! The whole lint of arbitrary bytes, front matter included, read by every
//! reader (the first byte picks Markdown, MDX, HTML or plain text), and
//! every renderer over what it finds. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medlint::config::Config;
use medlint::line_index::LineIndex;
use medlint::render::{self, FileReport, Format, Located, Summary};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    let path = ["fuzz.md", "fuzz.mdx", "fuzz.html", "fuzz.txt"][usize::from(pick % 4)];
    let config = Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let outcome = medlint::lint_checked(source, path, &config.options, &config.rules);
    assert!(outcome.internal_errors.is_empty(), "{:?}", outcome.internal_errors);
    let index = LineIndex::new(source);
    for d in &outcome.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= source.len(), "{d:?}");
        assert!(source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end), "{d:?}");
        for label in &d.labels {
            assert!(label.span.start <= label.span.end && label.span.end <= source.len(), "{d:?}");
        }
    }
    let located: Vec<Located> = outcome.diagnostics.into_iter().map(|d| Located::resolve(&index, d)).collect();
    for format in [Format::Human, Format::Concise, Format::Github, Format::JsonLines] {
        render::render_file(format, "fuzz.md", source, &index, &located, &render::RenderOptions::default(), config.rules.rules());
    }
    let report = FileReport {
        path: "fuzz.md".to_string(),
        diagnostics: located,
        rendered: String::new(),
        internal_errors: Vec::new(),
    };
    let mut summary = Summary::default();
    summary.add(&report);
    let reports = [report];
    for format in [Format::Json, Format::Sarif, Format::Gitlab] {
        let text = render::render_run(format, &reports, &summary, config.rules.rules()).unwrap();
        serde_json_check(&text);
    }
    render::render_run(Format::Junit, &reports, &summary, config.rules.rules());
});

fn serde_json_check(text: &str) {
    // JSON output must always parse.
    let value: Result<medlint_json::Value, _> = medlint_json::from_str(text);
    assert!(value.is_ok(), "invalid JSON: {text}");
}

use serde_json as medlint_json;
