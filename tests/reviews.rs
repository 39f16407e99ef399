//! `medlint reviews` end to end: statuses and due dates on articles made in
//! the tests, the table, JSON, CSV (read back by a CSV reader) and the
//! iCalendar file (read back by an iCalendar parser), the filters, and
//! agreement with the `stale-review` and `review-due-soon` findings.

use std::path::Path;

use assert_cmd::Command;
use icalendar::Component;

const TODAY: &str = "2026-11-24";

fn medlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("medlint").unwrap();
    cmd.current_dir(dir).env_remove("MEDLINT_TODAY").env("NO_COLOR", "1");
    cmd
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A library: a stale article, one without reviewer, a clean one reviewed
/// on 2026-09-01, one coming due, and one whose byline names the reviewer.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "guides/stale.md",
        "---\ntitle: Shingles, \"the basics\"; a guide\nauthor: Sam Ortiz\nreviewed_by: Priya Raman, MD\nreviewed_on: 2023-05-14\n---\n\n# Shingles\n",
    );
    write(
        root,
        "guides/unreviewed.md",
        "---\ntitle: Ear Wax\nauthor: Sam Ortiz\n---\n\n# Ear Wax\n",
    );
    write(
        root,
        "clean.md",
        "---\ntitle: Sunscreen Basics\nauthor: Lena Fox\nreviewed_by: Marcus Lee, MD, FAAD\nreviewed_on: 2026-09-01\n---\n\n# Sunscreen Basics\n",
    );
    write(
        root,
        "soon.md",
        "---\ntitle: Flu Shots\nreviewed_by: Priya Raman, MD\nreviewed_on: 2024-12-20\n---\n\n# Flu Shots\n",
    );
    write(
        root,
        "byline.md",
        "# Knee Pain\n\nBy Lena Fox\n\n*Medically reviewed by Dana Whitfield | DO on March 3rd, 2026.*\n\nText.\n",
    );
    dir
}

fn reviews_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let output = medlint(dir)
        .args(["reviews", "--today", TODAY, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn article<'a>(json: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"] == path)
        .unwrap_or_else(|| panic!("no row for {path} in {json:#}"))
}

#[test]
fn each_article_gets_its_status_and_due_date() {
    let dir = library();
    let json = reviews_json(dir.path(), &[]);
    let stale = article(&json, "guides/stale.md");
    assert_eq!(stale["status"], "overdue");
    assert_eq!(stale["next_review"], "2025-05-14");
    assert_eq!(stale["days_left"], -559);
    assert_eq!(stale["reviewer"], "Priya Raman, MD");
    assert_eq!(stale["author"], "Sam Ortiz");
    let unreviewed = article(&json, "guides/unreviewed.md");
    assert_eq!(unreviewed["status"], "unreviewed");
    assert_eq!(unreviewed["reviewer"], serde_json::Value::Null);
    let clean = article(&json, "clean.md");
    assert_eq!(clean["status"], "ok");
    assert_eq!(clean["reviewed"], "2026-09-01");
    assert_eq!(clean["next_review"], "2028-09-01");
    assert_eq!(clean["reviewer"], "Marcus Lee, MD, FAAD");
    assert_eq!(clean["title"], "Sunscreen Basics");
    assert_eq!(article(&json, "soon.md")["status"], "due-soon");
    assert_eq!(article(&json, "soon.md")["days_left"], 26);
    let byline = article(&json, "byline.md");
    assert_eq!(
        (&byline["reviewer"], &byline["status"]),
        (&"Dana Whitfield, DO".into(), &"ok".into())
    );
    assert_eq!(byline["author"], "Lena Fox");
    // Sorted by due date: the most overdue first, the undated last.
    let order: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "guides/stale.md",
            "soon.md",
            "byline.md",
            "clean.md",
            "guides/unreviewed.md"
        ]
    );
    assert_eq!(json["summary"]["overdue"], 1);
    assert_eq!(json["summary"]["due_soon"], 1);
    assert_eq!(json["summary"]["ok"], 2);
    assert_eq!(json["summary"]["unreviewed"], 1);
}

#[test]
fn the_table_has_a_row_per_article_and_the_summary_line() {
    let dir = library();
    let output = medlint(dir.path())
        .args(["reviews", "--today", TODAY, "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("STATUS"), "{text}");
    assert!(
        lines[1].starts_with("overdue     2025-05-14   -559  Priya Raman, MD"),
        "{text}"
    );
    assert!(text.contains("Marcus Lee, MD, FAAD"), "{text}");
    assert_eq!(
        lines.last().unwrap(),
        &"1 overdue, 1 due within 60 days, 2 ok, 1 unreviewed"
    );
    // Colour, when asked for, marks the status, and the status is still a word.
    let coloured = medlint(dir.path())
        .args(["reviews", "--today", TODAY, "--color", "always"])
        .output()
        .unwrap();
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    assert!(coloured.contains("\x1b[1;31moverdue"), "{coloured}");
}

#[test]
fn status_and_reviewer_filters_and_queues_by_reviewer() {
    let dir = library();
    let json = reviews_json(dir.path(), &["--status", "overdue,due-soon"]);
    let paths: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["guides/stale.md", "soon.md"]);
    let json = reviews_json(dir.path(), &["--reviewer", "whitfield"]);
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
    assert_eq!(json["articles"][0]["path"], "byline.md");
    let json = reviews_json(dir.path(), &["--by", "reviewer"]);
    let groups = json["reviewers"].as_array().unwrap();
    let names: Vec<&serde_json::Value> = groups.iter().map(|g| &g["reviewer"]).collect();
    assert_eq!(
        names,
        [
            &serde_json::Value::from("Dana Whitfield, DO"),
            &"Marcus Lee, MD, FAAD".into(),
            &"Priya Raman, MD".into(),
            &serde_json::Value::Null
        ]
    );
    let priya = &groups[2];
    assert_eq!(priya["counts"]["overdue"], 1);
    assert_eq!(priya["counts"]["due_soon"], 1);
    assert_eq!(priya["articles"].as_array().unwrap().len(), 2);
    // The table groups too, each queue under its reviewer.
    let output = medlint(dir.path())
        .args(["reviews", "--today", TODAY, "--by", "reviewer"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Priya Raman, MD — 2 articles: 1 overdue, 1 due within 60 days, 0 ok, 0 unreviewed"),
        "{text}"
    );
    // A bad status is a usage error.
    medlint(dir.path())
        .args(["reviews", "--status", "late"])
        .assert()
        .code(2);
}

#[test]
fn csv_has_one_row_per_article_and_defuses_formulas() {
    let dir = library();
    write(
        dir.path(),
        "formula.md",
        "---\ntitle: \"=HYPERLINK(\\\"http://x\\\")\"\nreviewed_by: A B, MD\nreviewed_on: 2026-01-01\n---\n",
    );
    let output = medlint(dir.path())
        .args(["reviews", "--today", TODAY, "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        [
            "path",
            "title",
            "reviewer",
            "author",
            "reviewed",
            "next_review",
            "days_left",
            "status"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let stale = rows.iter().find(|r| &r[0] == "guides/stale.md").unwrap();
    assert_eq!(&stale[1], "Shingles, \"the basics\"; a guide");
    assert_eq!(&stale[6], "-559");
    assert_eq!(&stale[7], "overdue");
    let formula = rows.iter().find(|r| &r[0] == "formula.md").unwrap();
    assert_eq!(&formula[1], "'=HYPERLINK(\"http://x\")");
}

#[test]
fn ics_is_a_calendar_an_icalendar_parser_reads() {
    let dir = library();
    let output = medlint(dir.path())
        .args(["reviews", "--today", TODAY, "--format", "ics"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    // RFC 5545: CRLF line ends, no line longer than 75 octets.
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "a bare LF in {line:?}");
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    // The parser's strict reader accepts the whole file.
    let unfolded = icalendar::parser::unfold(&text);
    icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let calendar: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    // One event per article with a due date: the unreviewed one has none.
    assert_eq!(events.len(), 4);
    let stale = events
        .iter()
        .find(|e| e.get_summary().is_some_and(|s| s.contains("Shingles")))
        .expect("the stale article's event");
    assert_eq!(
        stale.get_summary(),
        Some("Overdue medical review: Shingles, \"the basics\"; a guide")
    );
    assert_eq!(
        stale.get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2025, 5, 14).unwrap()
        ))
    );
    let description = stale.get_description().unwrap();
    assert!(description.contains("Reviewer: Priya Raman, MD\n"), "{description:?}");
    assert!(description.contains("Article: guides/stale.md"), "{description:?}");
    let clean = events
        .iter()
        .find(|e| e.get_summary() == Some("Medical review due: Sunscreen Basics"))
        .unwrap();
    assert_eq!(
        clean.get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2028, 9, 1).unwrap()
        ))
    );
    // UIDs are unique, and stable: a later run on other dates keeps them,
    // so a subscribed calendar moves the event instead of adding one.
    let uids: std::collections::BTreeSet<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), 4);
    write(
        dir.path(),
        "clean.md",
        "---\ntitle: Sunscreen Basics\nreviewed_by: Marcus Lee, MD\nreviewed_on: 2026-11-01\n---\n",
    );
    let again = medlint(dir.path())
        .args(["reviews", "--today", "2026-12-01", "--format", "ics"])
        .output()
        .unwrap();
    let again: icalendar::Calendar = String::from_utf8(again.stdout).unwrap().parse().unwrap();
    let moved = again
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .find(|e| e.get_summary() == Some("Medical review due: Sunscreen Basics"))
        .unwrap();
    assert_eq!(moved.get_uid(), clean.get_uid());
    assert_eq!(
        moved.get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2028, 11, 1).unwrap()
        ))
    );
}

#[test]
fn the_config_and_suppressions_do_not_hide_review_status() {
    let dir = library();
    // A suppressed stale-review is still an overdue review.
    write(
        dir.path(),
        "guides/stale.md",
        "---\ntitle: Shingles\nreviewed_by: Priya Raman, MD\nreviewed_on: 2023-05-14\nmedlint:\n  disable: [stale-review]\n---\n\n<!-- medlint-disable stale-review -->\n# Shingles\n",
    );
    write(
        dir.path(),
        "medlint.toml",
        "[review]\nmax-age = \"12 months\"\nwarn-before = \"30 days\"\n",
    );
    let json = reviews_json(dir.path(), &[]);
    assert_eq!(article(&json, "guides/stale.md")["status"], "overdue");
    // 12 months from 2026-09-01.
    assert_eq!(article(&json, "clean.md")["next_review"], "2027-09-01");
    // 2024-12-20 plus 12 months has passed.
    assert_eq!(article(&json, "soon.md")["status"], "overdue");
    // --no-config goes back to the defaults.
    let json = reviews_json(dir.path(), &["--no-config"]);
    assert_eq!(article(&json, "clean.md")["next_review"], "2028-09-01");
}

#[test]
fn an_unreadable_file_is_named_and_the_others_are_listed() {
    let dir = library();
    std::fs::write(dir.path().join("latin1.md"), b"---\ntitle: caf\xe9\n---\n").unwrap();
    let output = medlint(dir.path())
        .args(["reviews", "--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("latin1.md: is not valid UTF-8"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
}

/// The calendar and the findings agree on every article: overdue exactly
/// when `stale-review` fires, due soon exactly when `review-due-soon` does.
#[test]
fn statuses_agree_with_the_review_rules() {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for reviewed in [
        "2024-09-25",
        "2024-09-24",
        "2024-11-24",
        "2025-01-23",
        "2025-01-24",
        "2026-11-24",
        "2027-01-01",
    ] {
        for next in [
            None,
            Some("2026-11-23"),
            Some("2026-11-24"),
            Some("2027-01-23"),
            Some("2027-01-24"),
        ] {
            let next = next.map(|d| format!("next_review: {d}\n")).unwrap_or_default();
            write(
                dir.path(),
                &format!("a{n:02}.md"),
                &format!("---\nreviewed_by: Ana Ruiz, MD\nreviewed_on: {reviewed}\n{next}---\n# T\n"),
            );
            n += 1;
        }
    }
    let json = reviews_json(dir.path(), &[]);
    let output = medlint(dir.path())
        .args([
            "check",
            "--today",
            TODAY,
            "--format",
            "json",
            "--select",
            "stale-review,review-due-soon",
            ".",
        ])
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let fired = |path: &str, rule: &str| {
        findings["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == path && d["rule"] == rule)
    };
    let mut seen = std::collections::BTreeSet::new();
    for row in json["articles"].as_array().unwrap() {
        let path = row["path"].as_str().unwrap();
        let status = row["status"].as_str().unwrap();
        seen.insert(status.to_string());
        assert_eq!(status == "overdue", fired(path, "stale-review"), "{row}");
        assert_eq!(
            status == "due-soon",
            fired(path, "review-due-soon") && !fired(path, "stale-review"),
            "{row}"
        );
    }
    assert_eq!(seen.len(), 3, "the set covers overdue, due-soon and ok: {seen:?}");
}

/// Pages the config's `[articles]` table does not count as articles have
/// no review cycle: no row in the calendar, and in the report they are
/// listed with their findings but no review status.
#[test]
fn pages_that_are_not_articles_have_no_review_cycle() {
    let dir = library();
    write(dir.path(), "medlint.toml", "[articles]\nexclude = [\"guides\"]\n");
    let json = reviews_json(dir.path(), &[]);
    let paths: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["soon.md", "byline.md", "clean.md"]);
    assert_eq!(json["summary"]["overdue"], 0);
    let output = medlint(dir.path())
        .args(["report", "--today", TODAY, "-o", "report.html"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(
        html.contains("<tr data-status=\"not-article\""),
        "the stale guide is listed"
    );
    assert!(html.contains("guides/stale.md"));
    assert!(html.contains("data-count=\"overdue\" data-value=\"0\""));
    assert!(html.contains("data-count=\"due-soon\" data-value=\"1\""));
    assert!(html.contains("3 of them articles"));
}
