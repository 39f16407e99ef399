//! `medlint report` in a real browser: Chromium, headless, loads the report
//! made from the example articles and from a generated library of 1,000
//! articles. The page must load without a console message (no script
//! error, no blocked request), show the counts and rows medlint's JSON
//! gives, filter and sort when a person uses its controls, and never run
//! code that an article smuggles in. Screenshots are written to
//! `target/report-screenshots/` for a person to look at.
//!
//! Without Chromium these tests say that they skipped, on the terminal;
//! with `MEDLINT_REQUIRE_BROWSER=1` (as `.ci/run` sets) a missing browser
//! fails them. `MEDLINT_CHROMIUM` names the browser's binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-24";

/// The headless browser, or `None` after saying loudly that the test skips.
fn browser(test: &str) -> Option<Browser> {
    let named = std::env::var_os("MEDLINT_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
            .iter()
            .find_map(|name| which(name))
    });
    match found {
        Some(exe) => Some(Browser { exe }),
        None if std::env::var("MEDLINT_REQUIRE_BROWSER").is_ok_and(|v| v == "1") => {
            panic!("MEDLINT_REQUIRE_BROWSER=1 but no Chromium was found (install it: apt-get install chromium)")
        }
        None => {
            // Straight to the terminal: the test harness swallows eprintln!
            // from a test that passes.
            let _ = writeln!(
                std::io::stderr(),
                "\nSKIPPED {test}: no Chromium found, so the report was not checked in a browser \
                 (apt-get install chromium, or set MEDLINT_CHROMIUM; .ci/run requires it)\n"
            );
            None
        }
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    })
}

struct Browser {
    exe: PathBuf,
}

/// What the browser made of a page.
struct Loaded {
    dom: String,
    /// Console messages: script errors, blocked requests, `console.*`.
    console: Vec<String>,
    took: Duration,
}

impl Browser {
    fn run(&self, args: &[String]) -> (String, String, Duration) {
        let profile = tempfile::tempdir().unwrap();
        let start = Instant::now();
        let mut child = Command::new(&self.exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the browser starts");
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
        let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if start.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                panic!("the browser took more than two minutes");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let took = start.elapsed();
        (out.join().unwrap(), err.join().unwrap(), took)
    }

    /// The page's DOM once it has loaded and its scripts have run.
    fn load(&self, page: &Path, fragment: &str) -> Loaded {
        let url = format!("file://{}{fragment}", page.display());
        // Virtual time lets the page's timers and events (a filter set
        // after a reset, a hash change) finish before the DOM is dumped.
        let (dom, log, took) = self.run(&["--dump-dom".to_string(), "--virtual-time-budget=10000".to_string(), url]);
        assert!(dom.contains("</html>"), "no DOM from the browser; its log:\n{log}");
        let console = log
            .lines()
            .filter(|line| line.contains(":CONSOLE"))
            .map(str::to_string)
            .collect();
        Loaded { dom, console, took }
    }

    fn screenshot(&self, page: &Path, png: &Path, width: u32, height: u32) {
        let _ = std::fs::remove_file(png);
        let (_, log, _) = self.run(&[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
            format!("file://{}", page.display()),
        ]);
        let size = std::fs::metadata(png).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 10_000,
            "no screenshot at {} ({size} bytes); log:\n{log}",
            png.display()
        );
    }
}

fn medlint(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("medlint").unwrap();
    cmd.current_dir(dir).env_remove("MEDLINT_TODAY");
    cmd
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let output = medlint(dir).args(args).output().unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Writes the report of `paths` (from `dir`) to `out`.
fn report(dir: &Path, paths: &[&str], out: &Path) -> String {
    let output = medlint(dir)
        .args(["report", "--today", TODAY, "-o"])
        .arg(out)
        .args(paths)
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some_and(|c| c == 0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(out).unwrap()
}

/// What the check and the calendar say about `paths`: the numbers the
/// report must show.
struct Expected {
    files: u64,
    errors: u64,
    warnings: u64,
    overdue: u64,
    due_soon: u64,
    paths: Vec<String>,
    overdue_paths: Vec<String>,
}

fn expected(dir: &Path, paths: &[&str]) -> Expected {
    let mut check = vec!["check", "--today", TODAY, "--format", "json"];
    check.extend(paths);
    let check = json(dir, &check);
    let mut reviews = vec!["reviews", "--today", TODAY, "--format", "json"];
    reviews.extend(paths);
    let reviews = json(dir, &reviews);
    let articles = reviews["articles"].as_array().unwrap();
    let path_list = |status: Option<&str>| -> Vec<String> {
        let mut list: Vec<String> = articles
            .iter()
            .filter(|a| status.is_none_or(|s| a["status"] == s))
            .map(|a| a["path"].as_str().unwrap().to_string())
            .collect();
        list.sort();
        list
    };
    Expected {
        files: check["summary"]["files"].as_u64().unwrap(),
        errors: check["summary"]["errors"].as_u64().unwrap(),
        warnings: check["summary"]["warnings"].as_u64().unwrap(),
        overdue: reviews["summary"]["overdue"].as_u64().unwrap(),
        due_soon: reviews["summary"]["due_soon"].as_u64().unwrap(),
        paths: path_list(None),
        overdue_paths: path_list(Some("overdue")),
    }
}

/// A table row of the DOM: its status, whether it is hidden, its path.
struct Row {
    status: String,
    hidden: bool,
    path: String,
}

fn rows(dom: &str) -> Vec<Row> {
    let pattern =
        regex::Regex::new(r#"(?s)<tr (data-status="[^"]*"[^>]*)>.*?<span class="path">(.*?)</span>"#).unwrap();
    pattern
        .captures_iter(dom)
        .map(|c| Row {
            status: regex::Regex::new(r#"data-status="([^"]*)""#)
                .unwrap()
                .captures(&c[1])
                .unwrap()[1]
                .to_string(),
            hidden: c[1].contains("hidden"),
            path: unescape(&c[2]),
        })
        .collect()
}

fn card(dom: &str, name: &str) -> u64 {
    let pattern = regex::Regex::new(&format!(r#"data-count="{name}" data-value="(\d+)""#)).unwrap();
    pattern.captures(dom).unwrap_or_else(|| panic!("no {name} card"))[1]
        .parse()
        .unwrap()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Checks the loaded report against what medlint's JSON says.
fn assert_matches(loaded: &Loaded, expected: &Expected) {
    assert!(
        loaded.console.is_empty(),
        "console messages:\n{}",
        loaded.console.join("\n")
    );
    assert!(
        loaded.dom.contains(r#"data-script="ready""#),
        "the page's script did not run"
    );
    assert_eq!(card(&loaded.dom, "articles"), expected.files);
    assert_eq!(card(&loaded.dom, "error"), expected.errors);
    assert_eq!(card(&loaded.dom, "warning"), expected.warnings);
    assert_eq!(card(&loaded.dom, "overdue"), expected.overdue);
    assert_eq!(card(&loaded.dom, "due-soon"), expected.due_soon);
    let rows = rows(&loaded.dom);
    let mut paths: Vec<String> = rows.iter().map(|r| r.path.clone()).collect();
    paths.sort();
    assert_eq!(paths, expected.paths);
    assert!(rows.iter().all(|r| !r.hidden), "no filter is set, yet rows are hidden");
}

fn screenshots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The report of the example articles: what it shows, filtering, sorting,
/// no network, and screenshots at desktop and phone widths.
#[test]
fn the_report_of_the_example_articles_works_in_a_browser() {
    let Some(browser) = browser("the_report_of_the_example_articles_works_in_a_browser") else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let html = report(root, &["fixtures/articles"], &page);
    // Self-contained: nothing to fetch, and a policy that forbids fetching.
    for needle in ["src=\"http", "href=\"http", "@import", "<link", "src=\"//"] {
        assert!(
            !html.contains(needle),
            "the report refers to an outside resource ({needle})"
        );
    }
    // `url(#id)` points inside the page (an SVG pattern); nothing else may.
    let outside = regex::Regex::new(r#"url\(\s*['"]?[^#'"\s]"#).unwrap();
    assert!(
        !outside.is_match(&html),
        "the report refers to an outside resource by url()"
    );
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    let expected = expected(root, &["fixtures/articles"]);
    let loaded = browser.load(&page, "");
    assert_matches(&loaded, &expected);
    assert!(loaded.dom.contains("Sleep Hygiene for Shift Workers"));
    assert!(
        loaded
            .dom
            .contains("table \"Laser Resurfacing Details\" has labels but no values")
    );
    assert!(
        loaded.dom.contains("id=\"rule-empty-table\""),
        "the rule's docs are in the report"
    );

    // A filter in the address: the view an editor bookmarks.
    let filtered = browser.load(&page, "#articles?status=overdue");
    assert!(filtered.console.is_empty(), "{:?}", filtered.console);
    let mut shown: Vec<String> = rows(&filtered.dom)
        .into_iter()
        .filter(|r| !r.hidden)
        .map(|r| r.path)
        .collect();
    shown.sort();
    assert_eq!(shown, expected.overdue_paths);
    assert!(!expected.overdue_paths.is_empty());

    // A person typing, choosing and clicking: events dispatched to the real
    // controls by a script added to a copy of the page (the page's own
    // policy runs only its own script, so the copy goes without it).
    let driven = dir.path().join("driven.html");
    let script = include_str!("report_driver.js").replace("QUERY", "sunscreen");
    let copy = without_policy(&html).replace("</body>", &format!("<script>{script}</script></body>"));
    std::fs::write(&driven, copy).unwrap();
    let loaded = browser.load(&driven, "");
    assert!(loaded.console.is_empty(), "{:?}", loaded.console);
    let result = regex::Regex::new(r#"(?s)<pre id="test-result">(.*?)</pre>"#)
        .unwrap()
        .captures(&loaded.dom)
        .expect("the driver wrote its result")[1]
        .to_string();
    let result: serde_json::Value =
        serde_json::from_str(&unescape(&result)).unwrap_or_else(|e| panic!("{e} in {result:?}"));
    assert_eq!(result["formShown"], true);
    assert_eq!(result["before"], expected.files);
    assert_eq!(
        result["searched"],
        serde_json::json!(["fixtures/articles/sunscreen-basics.md"])
    );
    assert_eq!(result["countText"], format!("Showing 1 of {} articles", expected.files));
    assert_eq!(result["overdue"], expected.overdue);
    assert_eq!(result["ariaSort"], "descending");
    let errors: Vec<u64> = result["sortedErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert!(
        errors.windows(2).all(|w| w[0] >= w[1]),
        "not sorted by errors: {errors:?}"
    );
    assert!(errors[0] > 0);
    assert_eq!(result["afterReset"], expected.files);
    assert_eq!(result["afterCard"], expected.overdue);
    assert_eq!(result["statusAfterCard"], "overdue");

    let shots = screenshots_dir();
    browser.screenshot(&page, &shots.join("report-examples.png"), 1280, 2400);
    browser.screenshot(&page, &shots.join("report-examples-phone.png"), 390, 2000);
}

fn without_policy(html: &str) -> String {
    let pattern = regex::Regex::new(r#"<meta http-equiv="Content-Security-Policy"[^>]*>"#).unwrap();
    assert!(pattern.is_match(html));
    pattern.replace(html, "").into_owned()
}

/// Article text, names and file names that try to run code stay text:
/// in the page as written, and in a copy without the page's policy, so
/// that escaping alone is tested.
#[test]
fn article_text_cannot_inject_code_into_the_report() {
    let Some(browser) = browser("article_text_cannot_inject_code_into_the_report") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir_all(&library).unwrap();
    let pwn = |how: &str| format!("document.body.setAttribute('data-pwned','{how}')");
    std::fs::write(
        library.join("<img src=x onerror=\"document.body.setAttribute('data-pwned','name')\">.md"),
        "# A page\n\n## Empty\n",
    )
    .unwrap();
    std::fs::write(
        library.join("hostile.md"),
        format!(
            "---\ntitle: \"<script>{title}</script>\"\nreviewed_by: \"</td><script>{reviewer}</script>, MD\"\nreviewed_on: 2020-01-01\n---\n\n\
             # Title\n\n## Details\n\n| Detail | Value |\n| --- | --- |\n| \"><img src=x onerror=\"{cell}\"> | |\n| --><svg onload=\"{svg}\"> | |\n\n## Related\n",
            title = pwn("title"),
            reviewer = pwn("reviewer"),
            cell = pwn("cell"),
            svg = pwn("svg"),
        ),
    )
    .unwrap();
    let page = dir.path().join("report.html");
    let html = report(dir.path(), &["library"], &page);
    let bare = dir.path().join("bare.html");
    std::fs::write(&bare, without_policy(&html)).unwrap();
    for file in [&page, &bare] {
        let loaded = browser.load(file, "");
        // The payloads set this attribute when they run; as text they
        // show `'data-pwned'` with quotes, never `data-pwned=`.
        assert!(
            !loaded.dom.contains("data-pwned="),
            "article text ran as code in {}",
            file.display()
        );
        assert_eq!(loaded.dom.matches("<script").count(), 1, "only the page's own script");
        assert!(
            loaded
                .dom
                .contains("&lt;script&gt;document.body.setAttribute('data-pwned','title')&lt;/script&gt;")
        );
        // The file name, quoted as every output quotes a name with `"`.
        assert!(
            loaded
                .dom
                .contains(r#"onerror=\"document.body.setAttribute('data-pwned','name')\"&gt;.md""#)
        );
        assert!(loaded.console.is_empty(), "{:?}", loaded.console);
        let rows = rows(&loaded.dom);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().any(|r| r.status == "overdue"));
    }
}

/// A generated library of 1,000 articles: the report stays one file that
/// loads quickly, with every row, and filters.
#[test]
fn a_report_of_a_thousand_articles_loads_and_filters() {
    let Some(browser) = browser("a_report_of_a_thousand_articles_loads_and_filters") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    generate_library(&dir.path().join("library"), 1000);
    let page = dir.path().join("report.html");
    let html = report(dir.path(), &["library"], &page);
    let expected = expected(dir.path(), &["library"]);
    assert_eq!(expected.files, 1000);
    let loaded = browser.load(&page, "");
    assert_matches(&loaded, &expected);
    let filtered = browser.load(&page, "#articles?status=overdue&findings=errors");
    let shown = rows(&filtered.dom).into_iter().filter(|r| !r.hidden).count();
    assert!(shown > 0 && shown < expected.overdue as usize + 1, "{shown} rows shown");
    assert!(
        rows(&filtered.dom)
            .iter()
            .filter(|r| !r.hidden)
            .all(|r| r.status == "overdue")
    );
    let _ = writeln!(
        std::io::stderr(),
        "report of 1,000 articles: {} KB, loaded in the browser in {} ms",
        html.len() / 1024,
        loaded.took.as_millis()
    );
    browser.screenshot(&page, &screenshots_dir().join("report-1000.png"), 1280, 2400);
}

/// `count` articles in five folders, with reviews of every age and the
/// defects editors meet: empty sections, missing FAQs, empty tables.
fn generate_library(dir: &Path, count: usize) {
    let folders = [
        "conditions",
        "treatments",
        "wellness/sleep",
        "wellness/diet",
        "medicines",
    ];
    let reviewers = [
        "Priya Raman, MD",
        "Marcus Lee, MD, FAAD",
        "Dana Whitfield, DO",
        "Ana Ruiz, PharmD",
    ];
    let start = chrono::NaiveDate::from_ymd_opt(2023, 6, 1).unwrap();
    for i in 0..count {
        let folder = dir.join(folders[i % folders.len()]);
        std::fs::create_dir_all(&folder).unwrap();
        let reviewed = start + chrono::Days::new((i as u64 * 37) % 1270);
        let review = if i % 13 == 0 {
            String::new()
        } else {
            format!(
                "reviewed_by: \"{}\"\nreviewed_on: {reviewed}\n",
                reviewers[i % reviewers.len()]
            )
        };
        let faq = if i % 4 == 0 {
            ""
        } else {
            "## FAQ\n\n### Is it safe?\n\nFor most adults, yes.\n\n"
        };
        let table = if i % 7 == 0 {
            "## Details\n\n| Detail | Value |\n| --- | --- |\n| Cost | |\n| Time | |\n\n"
        } else {
            ""
        };
        let related = if i % 3 == 0 { "## Related Articles\n" } else { "" };
        std::fs::write(
            folder.join(format!("article-{i:04}.md")),
            format!(
                "---\ntitle: \"Article {i}: living well\"\nauthor: Sam Ortiz\n{review}---\n\n# Article {i}\n\n\
                 ## Key Takeaways\n\n- Sleep well.\n- Eat well.\n\n## Body\n\nPlain words about health, \
                 with a [source](https://example.org/{i}).\n\n{table}{faq}## The Bottom Line\n\nBe well.\n\n{related}"
            ),
        )
        .unwrap();
    }
}

/// Without a browser too: `medlint report` writes one file that names the
/// articles, their findings and the overdue review, and says where it went.
#[test]
fn the_report_file_names_articles_findings_and_overdue_reviews() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let output = medlint(root)
        .args(["report", "--today", TODAY, "-o"])
        .arg(&page)
        .arg("fixtures/articles")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("wrote {}: 4 articles, ", page.display())),
        "{stdout}"
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "one file, nothing beside it"
    );
    assert!(html.contains("fixtures/articles/sleep-hygiene-draft.md"));
    assert!(html.contains("Sleep Hygiene for Shift Workers"));
    assert!(html.contains("section &quot;Related Articles&quot; is empty"));
    assert!(html.contains("<span class=\"badge st-overdue\">"));
    assert!(html.contains("data-count=\"overdue\" data-value=\"1\""));
    // A directory that does not exist: a clear error, exit 2.
    let output = medlint(root)
        .args([
            "report",
            "--today",
            TODAY,
            "-o",
            "no/such/dir/report.html",
            "fixtures/articles",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("cannot write no/such/dir/report.html"), "{stderr}");
}
