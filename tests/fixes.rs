//! Fixes: the exact bytes each safe and unsafe fix writes, through the one
//! fix model the language server and `check --fix` share.

use medlint::article::InputFormat;
use medlint::fix::{Applicability, Fix, apply, fixes};
use medlint::{Options, RuleSet, lint};

fn options() -> Options {
    Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

/// The rule's own fixes (not "disable for this line") for `rule` in `source`.
fn own_fixes(source: &str, rule: &str) -> Vec<Fix> {
    lint(source, "a.md", &options(), &RuleSet::new())
        .iter()
        .filter(|d| d.rule == rule)
        .flat_map(|d| fixes(source, InputFormat::Markdown, d))
        .filter(|f| !f.title.starts_with("Disable "))
        .collect()
}

/// `source` with the single own fix of `rule` applied, and its applicability.
fn fix_one(source: &str, rule: &str) -> (String, Applicability) {
    let found = own_fixes(source, rule);
    assert_eq!(found.len(), 1, "one fix for {rule} in {source:?}: {found:#?}");
    (apply(source, &found[0].edits), found[0].applicability)
}

#[test]
fn a_trailing_zero_is_dropped_safely() {
    let (after, applicability) = fix_one("# T\n\nThe usual dose is 5.0 mg a day.\n", "dose-notation");
    assert_eq!(after, "# T\n\nThe usual dose is 5 mg a day.\n");
    assert_eq!(applicability, Applicability::Safe);
}

#[test]
fn a_naked_decimal_gets_its_zero_safely() {
    let (after, applicability) = fix_one("# T\n\nOlder adults take .5 mg at night.\n", "dose-notation");
    assert_eq!(after, "# T\n\nOlder adults take 0.5 mg at night.\n");
    assert_eq!(applicability, Applicability::Safe);
}

#[test]
fn exact_abbreviations_are_written_out_safely() {
    for (before, after) in [
        ("Give 250 µg of the drug.", "Give 250 mcg of the drug."),
        ("Inject 5 cc of saline.", "Inject 5 mL of saline."),
        ("Take 10 mg QD with food.", "Take 10 mg daily with food."),
        ("Take 10 mg QOD with food.", "Take 10 mg every other day with food."),
    ] {
        let source = format!("# T\n\n{before}\n");
        let (fixed, applicability) = fix_one(&source, "unsafe-abbreviation");
        assert_eq!(fixed, format!("# T\n\n{after}\n"), "{before}");
        assert_eq!(applicability, Applicability::Safe, "{before}");
    }
}

#[test]
fn a_dotted_form_ending_a_sentence_keeps_the_full_stop() {
    let (after, _) = fix_one("# T\n\nTake 10 mg q.d.\n", "unsafe-abbreviation");
    assert_eq!(after, "# T\n\nTake 10 mg daily.\n");
}

#[test]
fn units_are_an_unsafe_fix() {
    for (before, after) in [
        ("Take 1,000 IU of vitamin D.", "Take 1,000 units of vitamin D."),
        ("Inject 10 U of insulin.", "Inject 10 units of insulin."),
    ] {
        let source = format!("# T\n\n{before}\n");
        let (fixed, applicability) = fix_one(&source, "unsafe-abbreviation");
        assert_eq!(fixed, format!("# T\n\n{after}\n"), "{before}");
        assert_eq!(applicability, Applicability::Unsafe, "{before}");
    }
}

#[test]
fn fixed_text_relints_without_the_finding() {
    let source = "# T\n\nTake .5 mg QD, or 250 µg.\n";
    let mut text = source.to_string();
    for rule in ["dose-notation", "unsafe-abbreviation"] {
        let edits: Vec<_> = own_fixes(&text, rule).into_iter().flat_map(|f| f.edits).collect();
        text = apply(&text, &edits);
    }
    assert_eq!(text, "# T\n\nTake 0.5 mg daily, or 250 mcg.\n");
    assert!(own_fixes(&text, "dose-notation").is_empty());
    assert!(own_fixes(&text, "unsafe-abbreviation").is_empty());
}

// ---- the command line: --fix, --unsafe-fixes, --diff ----

use assert_cmd::Command;
use std::path::Path;

/// medlint in `dir`, no config, a fixed date.
fn medlint_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("medlint").unwrap();
    cmd.current_dir(dir)
        .env_remove("MEDLINT_TODAY")
        .env("NO_COLOR", "1")
        .args(["check", "--no-config", "--today", "2026-11-24"]);
    cmd
}

const CRLF_ARTICLE: &str =
    "\u{feff}# Title\r\n\r\nThe usual dose is 5.0 mg QD, or .5 mg and 250 µg.\r\nInject 10 U of insulin.\r\n";
const CRLF_FIXED: &str =
    "\u{feff}# Title\r\n\r\nThe usual dose is 5 mg daily, or 0.5 mg and 250 mcg.\r\nInject 10 U of insulin.\r\n";

#[test]
fn fix_writes_the_safe_fixes_keeping_line_endings_bom_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    let clean = dir.path().join("b.md");
    std::fs::write(&article, CRLF_ARTICLE).unwrap();
    std::fs::write(&clean, "# Clean\n\nNothing to fix.\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&article, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let clean_modified = std::fs::metadata(&clean).unwrap().modified().unwrap();
    let output = medlint_in(dir.path()).arg("--fix").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(std::fs::read_to_string(&article).unwrap(), CRLF_FIXED);
    assert!(stderr.contains("fixed: a.md: 4 fixes applied"), "{stderr}");
    assert!(
        stderr.contains("4 fixes applied (7 unsafe fixes available with --unsafe-fixes)"),
        "{stderr}"
    );
    // Unsafe ones left: "U" and three missing sections in a.md, three in b.md.
    // What remains is reported: the units abbreviation, not the fixed doses.
    assert!(stdout.contains("\"U\" is an error-prone abbreviation"), "{stdout}");
    assert!(!stdout.contains("dose-notation"), "{stdout}");
    assert!(!stdout.contains("\"QD\""), "{stdout}");
    // A file with nothing to fix is not touched.
    assert_eq!(std::fs::metadata(&clean).unwrap().modified().unwrap(), clean_modified);
    assert_eq!(std::fs::read_to_string(&clean).unwrap(), "# Clean\n\nNothing to fix.\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&article).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // Fixing again changes nothing.
    let again = medlint_in(dir.path()).arg("--fix").output().unwrap();
    assert_eq!(std::fs::read_to_string(&article).unwrap(), CRLF_FIXED);
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 fixes applied"));
}

#[test]
fn unsafe_fixes_write_units_too() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(&article, "# T\n\nInject 10 U of insulin.\n").unwrap();
    medlint_in(dir.path())
        .args(["--fix", "--select", "unsafe-abbreviation", "a.md"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&article).unwrap(),
        "# T\n\nInject 10 U of insulin.\n"
    );
    medlint_in(dir.path())
        .args(["--fix", "--unsafe-fixes", "--select", "unsafe-abbreviation", "a.md"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&article).unwrap(),
        "# T\n\nInject 10 units of insulin.\n"
    );
}

#[test]
fn unsafe_fixes_alone_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    medlint_in(dir.path()).arg("--unsafe-fixes").assert().code(2);
}

#[test]
fn diff_prints_what_fix_would_do_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    let source = "# Title\n\nOne.\n\nTwo.\n\nThree.\n\nThe dose is 5.0 mg.\n";
    std::fs::write(&article, source).unwrap();
    let output = medlint_in(dir.path()).args(["--diff", "a.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "--- a/a.md\n+++ b/a.md\n@@ -6,4 +6,4 @@\n \n Three.\n \n-The dose is 5.0 mg.\n+The dose is 5 mg.\n"
    );
    assert_eq!(std::fs::read_to_string(&article).unwrap(), source);
    // Nothing to fix: no diff, exit 0.
    std::fs::write(&article, "# Title\n\nThe dose is 5 mg.\n").unwrap();
    let output = medlint_in(dir.path()).args(["--diff", "a.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let output = medlint_in(dir.path())
        .args(["--fix", "--stdin-filename", "x.md"])
        .write_stdin("# T\r\n\r\nTake .5 mg QOD.\r\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "# T\r\n\r\nTake 0.5 mg every other day.\r\n"
    );
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), b"# T\n\nThe dose is 5.0 mg \xff.\n").unwrap();
    std::fs::write(dir.path().join("good.md"), "# T\n\nThe dose is 5.0 mg.\n").unwrap();
    let output = medlint_in(dir.path()).arg("--fix").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.md") && stderr.contains("UTF-8"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("good.md")).unwrap(),
        "# T\n\nThe dose is 5 mg.\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("bad.md")).unwrap(),
        b"# T\n\nThe dose is 5.0 mg \xff.\n"
    );
}

#[test]
fn a_lone_cr_file_keeps_its_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(&article, "# T\r\rThe dose is 5.0 mg.\r").unwrap();
    medlint_in(dir.path()).args(["--fix", "a.md"]).output().unwrap();
    assert_eq!(std::fs::read_to_string(&article).unwrap(), "# T\r\rThe dose is 5 mg.\r");
}

/// The editor's quick fix (the first fix the server offers for a finding,
/// from `fix::fixes`) and `--fix` make the same text.
#[test]
fn the_editor_and_fix_make_the_same_edit() {
    for source in [
        "# T\n\nThe dose is 5.0 mg.\n",
        "# T\n\nThe dose is .25 mg.\n",
        "# T\n\nGive 250 µg of the drug.\n",
        "# T\n\nInject 5 cc of saline.\n",
        "# T\n\nTake 10 mg QD with food.\n",
        "# T\n\nSome text.\n\n<!-- medlint-disable-next-line empty-table -->\nMore text.\n",
    ] {
        let diagnostics = lint(source, "a.md", &options(), &RuleSet::new());
        let quick: Vec<Fix> = diagnostics
            .iter()
            .filter_map(|d| fixes(source, InputFormat::Markdown, d).into_iter().next())
            .filter(|f| f.applicability == Applicability::Safe)
            .collect();
        assert_eq!(quick.len(), 1, "{source:?}: {quick:#?}");
        let editor = apply(source, &quick[0].edits);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), source).unwrap();
        medlint_in(dir.path()).args(["--fix", "a.md"]).output().unwrap();
        let command_line = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
        assert_eq!(editor, command_line, "{source:?}");
        assert_ne!(editor, source);
    }
}

#[test]
fn a_file_whose_front_matter_cannot_be_read_is_not_fixed_and_only_said_when_it_had_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "---\ntags: a\ntags: b\n---\n# Title\n\nTake 5.0 mg.\n";
    let nothing_safe = "---\ntags: a\ntags: b\n---\n# Title\n\nPlain words.\n";
    std::fs::write(dir.path().join("broken.md"), broken).unwrap();
    std::fs::write(dir.path().join("plain.md"), nothing_safe).unwrap();
    let out = medlint_in(dir.path())
        .args(["--fix", "broken.md", "plain.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("broken.md")).unwrap(), broken);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plain.md")).unwrap(),
        nothing_safe
    );
    assert!(
        stderr.contains("broken.md: its front matter could not be read; not fixed"),
        "{stderr}"
    );
    assert!(!stderr.contains("plain.md"), "{stderr}");
}

/// Byte offset of a 1-based line and character column in `text`.
fn offset(text: &str, line: u64, column: u64) -> usize {
    let start: usize = text.split_inclusive('\n').take(line as usize - 1).map(str::len).sum();
    start
        + text[start..]
            .char_indices()
            .nth(column as usize - 1)
            .map_or(text.len() - start, |(at, _)| at)
}

/// The fixes `--format json` and SARIF carry are the edits `--fix` makes:
/// a tool that applies the JSON's safe edits, or the SARIF's, gets the
/// file `--fix` writes.
#[test]
fn json_and_sarif_fixes_are_the_edits_fix_makes() {
    let dir = tempfile::tempdir().unwrap();
    let source = "# T\n\nTake ½ tab: 5.0 mg QD, or .5 mg.\n\nGive 250 µg.\n\n<!-- medlint-disable-next-line empty-table -->\nText.\n";
    std::fs::write(dir.path().join("a.md"), source).unwrap();
    let fixed = medlint_in(dir.path())
        .args(["--fix", "--stdin-filename", "a.md"])
        .write_stdin(source)
        .output()
        .unwrap();
    let fixed = String::from_utf8(fixed.stdout).unwrap();
    assert_ne!(fixed, source);

    let apply_edits = |edits: Vec<(usize, usize, String)>| {
        let mut edits = edits;
        edits.sort();
        let mut out = source.to_string();
        for (start, end, content) in edits.into_iter().rev() {
            out.replace_range(start..end, &content);
        }
        out
    };
    let json = medlint_in(dir.path())
        .args(["--format", "json", "a.md"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let mut edits = Vec::new();
    for finding in json["diagnostics"].as_array().unwrap() {
        let fix = &finding["fix"];
        if fix["applicability"] != "safe" {
            continue;
        }
        for edit in fix["edits"].as_array().unwrap() {
            let at = |l: &str, c: &str| offset(source, edit[l].as_u64().unwrap(), edit[c].as_u64().unwrap());
            edits.push((
                at("line", "column"),
                at("end_line", "end_column"),
                edit["content"].as_str().unwrap().to_string(),
            ));
        }
    }
    assert_eq!(edits.len(), 5, "{json:#}");
    assert_eq!(apply_edits(edits), fixed);

    let sarif = medlint_in(dir.path())
        .args(["--format", "sarif", "a.md"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let mut edits = Vec::new();
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        let Some(fixes) = result["fixes"].as_array() else {
            continue;
        };
        if fixes[0]["properties"]["applicability"] != "safe" {
            continue;
        }
        for change in fixes[0]["artifactChanges"].as_array().unwrap() {
            assert_eq!(change["artifactLocation"]["uri"], "a.md");
            for replacement in change["replacements"].as_array().unwrap() {
                let region = &replacement["deletedRegion"];
                let at = |l: &str, c: &str| offset(source, region[l].as_u64().unwrap(), region[c].as_u64().unwrap());
                edits.push((
                    at("startLine", "startColumn"),
                    at("endLine", "endColumn"),
                    replacement["insertedContent"]["text"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    assert_eq!(apply_edits(edits), fixed);
}

#[test]
fn diff_shows_control_characters_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let source = "# T\r\n\r\nThe dose is 5.0 mg.\x1b[2K\rforged line\r\n";
    std::fs::write(dir.path().join("a.md"), source).unwrap();
    let output = medlint_in(dir.path()).args(["--diff", "a.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains('\x1b'), "{stdout:?}");
    // Every carriage return ends a line; none is inside one.
    assert_eq!(
        stdout.matches('\r').count(),
        stdout.matches("\r\n").count(),
        "{stdout:?}"
    );
    assert!(stdout.contains("+The dose is 5 mg."), "{stdout:?}");
    assert!(stdout.contains("forged line\r\n"), "{stdout:?}");
}

#[cfg(unix)]
#[test]
fn a_link_is_fixed_where_it_points_inside_the_tree_and_never_outside() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let source = "# T\n\nThe dose is 5.0 mg.\n";
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::write(dir.path().join("real/a.md"), source).unwrap();
    std::os::unix::fs::symlink("real/a.md", dir.path().join("link.md")).unwrap();
    std::fs::write(outside.path().join("b.md"), source).unwrap();
    std::os::unix::fs::symlink(outside.path().join("b.md"), dir.path().join("out.md")).unwrap();

    let output = medlint_in(dir.path())
        .args(["--fix", "--follow-links", "link.md", "out.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The link inside the tree: its target fixed, the link still a link.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("real/a.md")).unwrap(),
        "# T\n\nThe dose is 5 mg.\n"
    );
    let link = std::fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink());
    // The link leaving the tree: refused and said, its target untouched.
    assert!(
        stderr.contains("out.md: is a symbolic link to a file outside the tree; not fixed"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(outside.path().join("b.md")).unwrap(), source);
    assert!(
        std::fs::symlink_metadata(dir.path().join("out.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_section_added_at_the_end_keeps_whether_the_file_ended_in_a_line_break() {
    for (source, ends) in [
        (
            "# T\n\n## Key Takeaways\n\n- a\n- b\n\n## Frequently Asked Questions\n\n### Why?\n\nBecause.",
            false,
        ),
        (
            "# T\n\n## Key Takeaways\n\n- a\n- b\n\n## Frequently Asked Questions\n\n### Why?\n\nBecause.\n",
            true,
        ),
    ] {
        let found: Vec<Fix> = own_fixes(source, "missing-section");
        assert_eq!(found.len(), 1, "{found:#?}");
        let fixed = apply(source, &found[0].edits);
        assert!(
            fixed.contains("## The Bottom Line\n\nTODO: write this section."),
            "{fixed:?}"
        );
        assert_eq!(fixed.ends_with('\n'), ends, "{fixed:?}");
        assert!(fixed.starts_with(source.trim_end()), "{fixed:?}");
    }
}
