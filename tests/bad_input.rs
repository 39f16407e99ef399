//! Whatever a CMS exports: every kind of bad input gives a clear message
//! naming the file, the other files are still checked, and the exit code
//! says an error occurred.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

fn medlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("medlint").unwrap();
    cmd.current_dir(dir)
        .env_remove("MEDLINT_TODAY")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .args(["check", "--today", "2026-11-24", "--no-config", "--format", "concise"]);
    cmd
}

fn concise(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = medlint(dir).args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn a_byte_order_mark_is_accepted_and_takes_no_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bom.md", "\u{feff}---\ntitle: T\n---\n# T\n\n## Empty\n");
    let (code, out, err) = concise(
        dir.path(),
        &["bom.md", "--select", "empty-section,invalid-front-matter"],
    );
    assert_eq!((code, err.as_str()), (Some(1), ""));
    assert_eq!(
        out,
        "bom.md:6:1: error[empty-section] section \"Empty\" is empty\n1 file checked: 1 error, 0 warnings\n"
    );
    write(dir.path(), "bom2.md", "\u{feff}## Empty\n");
    let (_, out, _) = concise(dir.path(), &["bom2.md", "--select", "empty-section"]);
    assert!(out.starts_with("bom2.md:1:1: error[empty-section]"), "{out}");
}

#[test]
fn empty_files_and_front_matter_only_files_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.md", "");
    write(
        dir.path(),
        "only-fm.md",
        "---\ntitle: Only front matter\nreviewed_by: Ana Ruiz, MD\nreviewed_on: 2026-10-01\n---\n",
    );
    let (code, out, err) = concise(dir.path(), &["empty.md", "only-fm.md"]);
    assert_eq!(code, Some(1));
    assert_eq!(err, "");
    assert!(
        out.contains("empty.md:1:1: error[missing-reviewer] article names no medical reviewer"),
        "{out}"
    );
    assert!(
        out.contains("only-fm.md:2:8: error[missing-section] missing required section \"Key Takeaways\""),
        "{out}"
    );
    assert!(
        !out.contains("only-fm.md:") || !out.contains("only-fm.md:1:1: error[missing-reviewer]"),
        "{out}"
    );
    // Neither file has a body: each says so once.
    assert!(
        out.contains("empty.md:1:1: error[empty-section] article has no body"),
        "{out}"
    );
    assert!(
        out.contains("only-fm.md:2:8: error[empty-section] article has no body"),
        "{out}"
    );
    assert!(out.ends_with("2 files checked: 10 errors, 2 warnings\n"), "{out}");
}

#[test]
fn broken_front_matter_is_a_located_diagnostic_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "open.md", "---\ntitle: never closed\n\n# Heading\n");
    write(
        dir.path(),
        "yaml.md",
        "---\ntitle: \"unclosed\nreviewed_by: x\n---\n# T\n",
    );
    write(dir.path(), "toml.md", "+++\ntitle = \n+++\n# T\n");
    write(dir.path(), "dupe.md", "---\ntitle: a\nauthor: b\ntitle: c\n---\n# T\n");
    let (code, out, err) = concise(dir.path(), &[".", "--select", "invalid-front-matter"]);
    assert_eq!((code, err.as_str()), (Some(1), ""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(
        lines[0],
        "dupe.md:4:1: error[invalid-front-matter] front matter is not valid YAML: duplicate mapping key: title"
    );
    assert_eq!(
        lines[1],
        "open.md:1:1: error[invalid-front-matter] front matter opened with `---` is never closed"
    );
    assert!(
        lines[2].starts_with("toml.md:2:9: error[invalid-front-matter] front matter is not valid TOML"),
        "{out}"
    );
    assert!(
        lines[3].starts_with("yaml.md:") && lines[3].contains("front matter is not valid YAML"),
        "{out}"
    );
}

#[test]
fn ten_thousand_levels_of_nesting_do_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "quotes.md",
        format!("# T\n\n{}deep\n\n## Empty\n", "> ".repeat(10_000)),
    );
    write(
        dir.path(),
        "lists.md",
        format!("# T\n\n{}deep\n\n## Empty\n", "- ".repeat(10_000)),
    );
    write(
        dir.path(),
        "mixed.md",
        format!("# T\n\n{}deep\n\n## Empty\n", "> - ".repeat(5_000)),
    );
    let (code, out, err) = concise(dir.path(), &[".", "--select", "empty-section"]);
    assert_eq!((code, err.as_str()), (Some(1), ""));
    assert_eq!(
        out.matches("error[empty-section] section \"Empty\" is empty").count(),
        3,
        "{out}"
    );
}

#[test]
fn a_one_megabyte_line_is_linted_and_rendered() {
    let dir = tempfile::tempdir().unwrap();
    let line = "word ".repeat(210_000);
    write(
        dir.path(),
        "long.md",
        format!("# T\n\n{line}\n\n| A | B |\n| --- | --- |\n| x | 1 |\n| {line} | |\n"),
    );
    for format in ["concise", "human", "json", "sarif"] {
        let output = medlint(dir.path())
            .args([
                "long.md",
                "--select",
                "empty-table-cell",
                "--fail-on",
                "warning",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(output.stderr.is_empty(), "{format}");
        // The row label is quoted short, not a megabyte long.
        assert!(output.stdout.len() < 200_000, "{format}: {} bytes", output.stdout.len());
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_named_and_skipped() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    symlink("b.md", root.join("a.md")).unwrap();
    symlink("a.md", root.join("b.md")).unwrap();
    symlink("missing-target.md", root.join("dangling.md")).unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    symlink("..", root.join("sub/up")).unwrap();
    write(root, "good.md", "# T\n\n## Empty\n");
    let (code, out, err) = concise(root, &[".", "--select", "empty-section"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("error: a.md: too many levels of symbolic links"), "{err}");
    assert!(err.contains("error: b.md: too many levels of symbolic links"), "{err}");
    assert!(err.contains("error: dangling.md: no such file or directory"), "{err}");
    assert!(out.contains("good.md:3:1: error[empty-section]"), "{out}");
    assert!(
        out.ends_with("1 file checked, 3 could not be read: 1 error, 0 warnings\n"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_and_the_rest_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "locked.md", "# T\n");
    write(dir.path(), "good.md", "# T\n\n## Empty\n");
    let locked = dir.path().join("locked.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads, so there is
        // nothing to observe here (the dangling-link test covers the path).
        eprintln!("SKIPPED: this user can read a mode-000 file");
        return;
    }
    let (code, out, err) = concise(dir.path(), &[".", "--select", "empty-section"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("error: locked.md: permission denied"), "{err}");
    assert!(out.contains("good.md:3:1"), "{out}");
}

#[test]
fn all_bad_inputs_together_with_good_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "latin1.md", b"# Caf\xe9\n");
    write(root, "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write(root, "empty.md", "");
    write(root, "open.md", "---\ntitle: x\n");
    write(root, "good.md", "# T\n\n## Empty\n");
    let (code, out, err) = concise(
        root,
        &[".", "nope.md", "--select", "empty-section,invalid-front-matter"],
    );
    assert_eq!(code, Some(2));
    for expected in [
        "error: binary.md: looks like a binary file",
        "error: latin1.md: is not valid UTF-8 (invalid byte at offset 5); save it as UTF-8",
        "error: nope.md: no such file or directory",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in {err}");
    }
    assert!(out.contains("open.md:1:1: error[invalid-front-matter]"), "{out}");
    assert!(out.contains("good.md:3:1: error[empty-section]"), "{out}");
    assert!(
        out.contains("empty.md:1:1: error[empty-section] article has no body"),
        "{out}"
    );
    assert!(
        out.ends_with("3 files checked, 3 could not be read: 3 errors, 0 warnings\n"),
        "{out}"
    );
    // JSON stays valid with errors on the side.
    let output = medlint(root).args([".", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn medlint_never_writes_to_articles() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# T\n\n## Empty\n";
    write(dir.path(), "a.md", text);
    let before = std::fs::metadata(dir.path().join("a.md")).unwrap().modified().unwrap();
    for format in ["human", "json", "sarif", "junit", "gitlab", "github"] {
        medlint(dir.path()).args(["a.md", "--format", format]).output().unwrap();
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), text);
    assert_eq!(
        std::fs::metadata(dir.path().join("a.md")).unwrap().modified().unwrap(),
        before
    );
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "no files created");
}

#[test]
fn inputs_the_fuzzer_found_lint_without_internal_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz-regressions");
    let config = medlint::config::Config::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let outcome = medlint::lint_checked(&text, &path.display().to_string(), &config.options, &config.rules);
        assert!(
            outcome.internal_errors.is_empty(),
            "{}: {:?}",
            path.display(),
            outcome.internal_errors
        );
        checked += 1;
    }
    assert!(checked >= 1);
}

// Hostile trees, as a pull request can hold them: device files, FIFOs,
// links out of the tree, odd file names, forged lines. Each run must end in
// seconds (the command's timeout), read nothing outside the tree, say what
// it skipped and keep every finding on a line of its own.

/// Output of a run as text, whatever bytes it holds.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = medlint(dir).args(args).output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn device_files_fifos_and_links_out_of_the_tree_are_skipped_and_named() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("tree");
    std::fs::create_dir(&root).unwrap();
    let secret = dir.path().join("secret.md");
    write(dir.path(), "secret.md", "# SECRET-OUTSIDE-THE-TREE\n\n## Empty\n");
    symlink("/dev/zero", root.join("zero.md")).unwrap();
    mkfifo(&root.join("x.md"));
    symlink(&secret, root.join("u.md")).unwrap();
    std::fs::create_dir(root.join("d")).unwrap();
    symlink("d", root.join("y.md")).unwrap();
    symlink("good.md", root.join("inside.md")).unwrap();
    write(&root, "good.md", "# T\n\n## Empty\n");
    for format in ["concise", "human", "json", "github"] {
        let run = run_in(&root, &[".", "--select", "empty-section", "--format", format]);
        assert!(
            !run.stdout.contains("SECRET") && !run.stderr.contains("SECRET"),
            "{format}: {}",
            run.stdout
        );
        assert_eq!(run.code, Some(1), "{format}: {}", run.stderr);
        for expected in [
            "warning: zero.md: skipped: symbolic link to a file outside",
            "warning: u.md: skipped: symbolic link to a file outside",
            "warning: x.md: skipped: not a regular file (a FIFO)",
            "warning: y.md: skipped: symbolic link to a directory; use --follow-links to walk it",
        ] {
            assert_eq!(
                run.stderr.matches(expected).count(),
                1,
                "{format}: {expected:?} in {}",
                run.stderr
            );
        }
    }
    let run = run_in(&root, &[".", "--select", "empty-section"]);
    assert!(
        run.stdout.contains("good.md:3:1") && run.stdout.contains("inside.md:3:1"),
        "{}",
        run.stdout
    );
    // Named on the command line: an error, at once, not a hang.
    let run = run_in(&root, &["x.md"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("error: x.md: not a regular file (a FIFO)"),
        "{}",
        run.stderr
    );
    // With --follow-links the link is followed, and the device still refused.
    let run = run_in(&root, &["zero.md", "--follow-links"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .contains("error: zero.md: not a regular file (a character device)"),
        "{}",
        run.stderr
    );
    let run = run_in(&root, &["u.md", "--follow-links", "--select", "empty-section"]);
    assert!(run.stdout.contains("u.md:3:1"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn hostile_ignore_files_neither_hang_nor_exhaust_memory() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    symlink("/dev/zero", root.join(".gitignore")).unwrap();
    mkfifo(&root.join(".ignore"));
    std::fs::create_dir(root.join("sub")).unwrap();
    write(&root.join("sub"), ".gitignore", "skip.md\n");
    write(&root.join("sub"), "skip.md", "# T\n\n## Empty\n");
    write(root, "good.md", "# T\n\n## Empty\n");
    let run = run_in(root, &[".", "--select", "empty-section"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("error: .ignore: not a regular file (a FIFO)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("warning: .gitignore: skipped: symbolic link to a file outside"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("good.md:3:1"), "{}", run.stdout);
    // The readable ignore file below still counts.
    assert!(!run.stdout.contains("skip.md"), "{}", run.stdout);
}

#[test]
fn files_over_the_size_limit_are_errors_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.md", "# T\n\n## Empty\n");
    write(dir.path(), "small.md", "# T\n");
    let run = run_in(dir.path(), &[".", "--max-file-size", "10", "--select", "empty-section"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        "error: big.md: skipped: larger than 10 bytes (14 bytes); raise --max-file-size to read it\n"
    );
    assert!(
        run.stdout.contains("1 file checked, 1 could not be read"),
        "{}",
        run.stdout
    );
    let output = medlint(dir.path())
        .args(["-", "--max-file-size", "1KB"])
        .write_stdin("x".repeat(5000))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("error: <stdin>: skipped: larger than 1 KB"));
    // A config file too: it is read within the same limit.
    let mut cmd = Command::cargo_bin("medlint").unwrap();
    write(dir.path(), "medlint.toml", format!("# {}\n", "x".repeat(100)));
    let output = cmd
        .current_dir(dir.path())
        .args(["check", "small.md", "--max-file-size", "50"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: medlint.toml: cannot read config file: skipped: larger than 50 bytes"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_config_or_pack_linking_out_of_the_tree_is_not_read() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    std::fs::create_dir(&root).unwrap();
    write(dir.path(), "outside.toml", "SECRET-OUTSIDE = [\n");
    write(&root, "a.md", "# T\n");
    symlink(dir.path().join("outside.toml"), root.join("medlint.toml")).unwrap();
    let mut cmd = Command::cargo_bin("medlint").unwrap();
    let output = cmd.current_dir(&root).arg("a.md").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr.contains("SECRET"), "{stderr}");
    assert!(stderr.contains("symbolic link to a file outside"), "{stderr}");
    std::fs::remove_file(root.join("medlint.toml")).unwrap();
    write(&root, "medlint.toml", "packs = [\"../outside.toml\"]\n");
    let output = Command::cargo_bin("medlint")
        .unwrap()
        .current_dir(&root)
        .arg("a.md")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr.contains("SECRET"), "{stderr}");
    assert!(stderr.contains("cannot read pack"), "{stderr}");
}

/// Every control character but the line feed, in any output.
fn assert_no_control_characters(text: &str, what: &str) {
    let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(bad.is_empty(), "{what}: control characters {bad:?} in {text:?}");
}

#[cfg(unix)]
#[test]
fn no_article_text_or_file_name_forges_a_line() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "fm.md",
        "---\nreviewed_on: \"x\\n::error file=README.md,line=1::FORGED\"\n---\n# T\n\n\
         <!-- medlint-disable-next-line nope\n::error file=a.md::FORGED\r##[error]FORGED\u{1b}[2K -->\ntext\n",
    );
    for name in [
        &b"n\nl::error::FORGED.md"[..],
        b"cr\r##[error]FORGED.md",
        b"esc\x1b[31m\x07.md",
    ] {
        std::fs::write(root.join(std::ffi::OsStr::from_bytes(name)), "# T\n\n## Empty\n").unwrap();
    }
    std::fs::write(
        root.join(std::ffi::OsStr::from_bytes(b"gone\n::error::FORGED.md")),
        [0xff],
    )
    .unwrap();
    let command = regex::Regex::new(
        r"^::(error|warning) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=medlint [a-z-]+::",
    )
    .unwrap();
    let finding = regex::Regex::new(r#"^(\S+|"[^"]*"):\d+:\d+: (error|warning|info)\[[a-z-]+\] "#).unwrap();
    for format in ["concise", "human", "github", "json", "sarif", "junit", "gitlab"] {
        let run = run_in(root, &[".", "--format", format]);
        assert_eq!(run.code, Some(2), "{format}");
        assert_no_control_characters(&run.stdout, format);
        assert_no_control_characters(&run.stderr, format);
        for line in run.stdout.lines().chain(run.stderr.lines()) {
            let start = line.trim_start();
            assert!(
                !start.starts_with("::error") || format == "github",
                "{format}: forged line {line:?}"
            );
            assert!(!start.starts_with("##[error]"), "{format}: forged line {line:?}");
        }
        if format == "github" {
            assert!(
                run.stdout
                    .lines()
                    .all(|l| l.starts_with("::error file=") || l.starts_with("::warning file="))
            );
            for line in run.stdout.lines() {
                assert!(command.is_match(line), "{line:?}");
            }
        }
        if format == "concise" {
            let lines: Vec<&str> = run.stdout.lines().collect();
            let (summary, findings) = lines.split_last().unwrap();
            assert!(
                summary.starts_with("4 files checked, 1 could not be read: "),
                "{summary}"
            );
            for line in findings {
                assert!(finding.is_match(line), "not one finding a line: {line:?}");
            }
        }
        assert!(
            run.stderr
                .contains(r#"error: "gone\n::error::FORGED.md": is not valid UTF-8"#),
            "{}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_stay_distinguishable() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    for name in [&b"latin1-\xe9.md"[..], b"latin1-\xe8.md"] {
        std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(name)), "# T\n\n## Empty\n").unwrap();
    }
    for format in ["concise", "json", "junit", "gitlab", "github"] {
        let run = run_in(dir.path(), &[".", "--select", "empty-section", "--format", format]);
        for shown in ["latin1-\\xE8.md", "latin1-\\xE9.md"] {
            assert!(
                run.stdout.contains(shown) || run.stdout.contains(&shown.replace('\\', "\\\\")),
                "{format}: {}",
                run.stdout
            );
        }
        assert!(!run.stdout.contains('\u{fffd}'), "{format}: {}", run.stdout);
    }
    let run = run_in(dir.path(), &[".", "--select", "empty-section", "--format", "concise"]);
    assert!(
        run.stdout.contains("\"latin1-\\xE8.md\":3:1:") && run.stdout.contains("\"latin1-\\xE9.md\":3:1:"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_closed_pipe_on_standard_error_is_not_a_crash() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", "# T\n");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("medlint"))
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "good.md",
            "missing-1.md",
            "missing-2.md",
            "missing-3.md",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Both pipes closed before medlint writes: `2>&1 | head -0`.
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(101), "medlint panicked");
    // A closed standard output ends the run quietly, as in ripgrep.
    assert!(matches!(status.code(), Some(0 | 2)), "{status:?}");
}

#[test]
fn invalid_exclude_globs_are_usage_errors_and_jobs_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "# T\n\n## Empty\n");
    let run = run_in(dir.path(), &[".", "--exclude", "skip/[z-"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.starts_with("error: --exclude: invalid glob \"skip/[z-\""),
        "{}",
        run.stderr
    );
    let run = run_in(dir.path(), &[".", "--jobs", "100000", "--select", "empty-section"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with("warning: --jobs 100000 is more than 4 threads per core; using "),
        "{}",
        run.stderr
    );
}

#[test]
fn carriage_returns_alone_end_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "cr.md", "# T\r\r## Empty\r\r## Full\rText.\r");
    let run = run_in(dir.path(), &["cr.md", "--select", "empty-section"]);
    assert_eq!(
        run.stdout,
        "cr.md:3:1: error[empty-section] section \"Empty\" is empty\n1 file checked: 1 error, 0 warnings\n"
    );
}

#[cfg(unix)]
#[test]
fn a_closed_standard_input_is_an_error_not_an_empty_article() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("medlint"))
        .current_dir(dir.path())
        .args(["check", "--no-config", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: <stdin>: standard input is closed"),
        "{stderr}"
    );
}

#[test]
fn broken_html_and_json_ld_give_a_best_effort_read_or_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Unclosed tags everywhere: read as a browser would, never a crash.
    write(
        root,
        "unclosed.html",
        "<html><body><main><h1>T<h2>Empty<h2>Full<p>Text <b>bold <i>both<table><tr><td>a<td><ul><li>x",
    );
    write(
        root,
        "bad-json.html",
        "<script type=\"application/ld+json\">{\"reviewedBy\": </script>\n<h1>T</h1>\n<h2>Empty</h2>\n",
    );
    // Binary data with an HTML name, and NUL-free junk that is not UTF-8.
    write(root, "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write(root, "latin1.htm", b"<p>caf\xe9</p>");
    write(root, "good.html", "<h1>T</h1><h2>Empty</h2>");
    let (code, out, err) = concise(root, &[".", "--select", "empty-section,invalid-front-matter"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("image.html: looks like a binary file"), "{err}");
    assert!(err.contains("latin1.htm: is not valid UTF-8"), "{err}");
    assert!(!err.contains("internal error"), "{err}");
    assert!(out.contains("unclosed.html:1:"), "{out}");
    assert!(
        out.contains("bad-json.html:1:51: error[invalid-front-matter] schema.org JSON-LD does not parse"),
        "{out}"
    );
    assert!(out.contains("bad-json.html:3:1: error[empty-section]"), "{out}");
    assert!(out.contains("good.html:1:11: error[empty-section]"), "{out}");
}

#[test]
fn a_ten_megabyte_html_page_and_deep_nesting_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut page = String::from("<html><body><main><h1>Big</h1>\n");
    let section = "<h2>Part</h2>\n<p>Rest for two days. Ice helps &amp; so does raising the leg.</p>\n<table><tr><th>A</th><th>B</th></tr><tr><td>x</td><td></td></tr></table>\n";
    while page.len() < 10 << 20 {
        page.push_str(section);
    }
    page.push_str(&"<div><span>".repeat(100_000));
    write(root, "big.html", &page);
    write(root, "deep.mdx", format!("# T\n\n{}\n", "<A>{".repeat(100_000)));
    let (code, out, err) = concise(root, &["big.html", "deep.mdx", "--select", "empty-table-cell"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("2 files checked"), "{out}");
}

// Size-driven slowness (#19 items 1 and 6) and memory (item 7). Each input
// below took from seconds to minutes, or gigabytes, before its fix, and
// takes a fraction of a second in a release build now; the limit leaves
// room for a debug build on a loaded machine.

/// Runs medlint with every rule on `name` in `dir`, and returns the wall
/// time and the peak resident memory of that run in bytes.
#[cfg(target_os = "linux")]
#[allow(clippy::zombie_processes)] // reaped by wait4, which std cannot see
fn timed_run(dir: &Path, name: &str) -> (Duration, u64) {
    use std::process::Stdio;
    let start = std::time::Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_medlint"))
        .current_dir(dir)
        .args([
            "check",
            "--no-config",
            "--today",
            "2026-11-24",
            "--format",
            "concise",
            "--quiet",
            name,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: zeroed rusage is a valid value to be filled in; wait4 waits
    // for this one child and reports its own resource use, unlike
    // getrusage(RUSAGE_CHILDREN), which other tests' children would share.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let elapsed = start.elapsed();
    assert!(libc::WIFEXITED(status), "{name}: killed by a signal");
    let code = libc::WEXITSTATUS(status);
    assert!(code == 0 || code == 1, "{name}: exit code {code}");
    (elapsed, usage.ru_maxrss as u64 * 1024)
}

#[cfg(target_os = "linux")]
#[test]
fn inputs_that_were_quadratic_finish_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases: Vec<(&str, String)> = Vec::new();
    // The issue's own input: 4,000 figures in one paragraph (35-56 s).
    cases.push((
        "paragraph.md",
        format!(
            "# T\n\n{}\n",
            (0..12_000)
                .map(|i| format!("Sessions last {} minutes.", i % 50 + 1))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ));
    // One sentence of figures joined by "and" (44 s and 6.9 GB at 290 KB).
    cases.push((
        "sentence.md",
        format!(
            "# T\n\n{}.\n",
            (0..10_000)
                .map(|i| format!("sessions last {} minutes", i % 50 + 1))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    ));
    // Numbers and commas without a word (2.4 s at 115 KB).
    cases.push((
        "numbers.md",
        format!(
            "# T\n\n{} minutes.\n",
            (0..60_000)
                .map(|i| (i % 50 + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ));
    // A long table and a long list: each cell or item gathered its
    // siblings' labels (7.9 s and 494 MB for the table at 300 KB).
    let rows: String = (0..8_000)
        .map(|i| format!("| Step {i} | {} minutes | note |\n", i % 40 + 5))
        .collect();
    cases.push((
        "table.md",
        format!("# T\n\n| Step | Time | Note |\n| --- | --- | --- |\n{rows}"),
    ));
    let items: String = (0..8_000)
        .map(|i| format!("- Step {i}: rest for {} minutes\n", i % 40 + 5))
        .collect();
    cases.push(("list.md", format!("# T\n\nTake it as follows:\n\n{items}")));
    // Item 6: front matter keys, suppressions, FAQ entries.
    let yaml: String = (0..80_000).map(|i| format!("key_{i}: value {i}\n")).collect();
    cases.push(("yaml.md", format!("---\n{yaml}---\n# T\n\nText.\n")));
    let toml: String = (0..40_000).map(|i| format!("key_{i} = \"value {i}\"\n")).collect();
    cases.push(("toml.md", format!("+++\n{toml}+++\n# T\n\nText.\n")));
    let suppressions: String = (0..50_000)
        .map(|i| format!("<!-- medlint-disable-next-line empty-section -->\n## Empty {i}\n\n"))
        .collect();
    cases.push(("suppressions.md", format!("# T\n\nText.\n\n{suppressions}")));
    let faq: String = (0..50_000)
        .map(|i| format!("**Question {} about it?**\n\nAn answer.\n\n", i % 5_000))
        .collect();
    cases.push(("faq.md", format!("# T\n\n## Frequently Asked Questions\n\n{faq}")));
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 40 } else { 5 });
    for (name, text) in &cases {
        write(dir.path(), name, text);
        let (elapsed, _) = timed_run(dir.path(), name);
        assert!(elapsed < limit, "{name} ({} bytes) took {elapsed:?}", text.len());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn peak_memory_is_a_small_multiple_of_the_article() {
    let dir = tempfile::tempdir().unwrap();
    // 3 MB of the densest input: figures in every sentence, one table and
    // one list of thousands of rows, a sentence that never ends.
    let mut text = String::from("# T\n\n## Details\n\n| Step | Time |\n| --- | --- |\n");
    for i in 0..12_000 {
        text.push_str(&format!("| Step {i} | {} minutes |\n", i % 40 + 5));
    }
    text.push_str("\n## Steps\n\n");
    for i in 0..12_000 {
        text.push_str(&format!("- Step {i}: rest for {} minutes\n", i % 40 + 5));
    }
    text.push_str("\n## Prose\n\n");
    while text.len() < 3_000_000 {
        let i = text.len();
        text.push_str(&format!(
            "Sessions last {} minutes and results show within {} days. ",
            i % 50 + 1,
            i % 9 + 2
        ));
        if i % 7 == 0 {
            text.push_str("\n\n");
        }
    }
    // A figure every 30 bytes, most of them findings: about 48 times the
    // article (7 times for ordinary prose); quadratic memory, as the long
    // table once was (494 MB for 300 KB), is far past the bound.
    write(dir.path(), "dense.md", &text);
    let (_, peak) = timed_run(dir.path(), "dense.md");
    let ratio = peak as f64 / text.len() as f64;
    eprintln!(
        "peak {:.1} MB for {:.1} MB: {ratio:.1}x",
        peak as f64 / 1e6,
        text.len() as f64 / 1e6
    );
    assert!(ratio < 64.0, "peak memory {peak} bytes is {ratio:.1} times the article");
}
