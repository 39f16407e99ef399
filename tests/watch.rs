//! `medlint check --watch`, for real: a file changes on disk and the
//! running watcher prints its fresh findings.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Generous: file system events on a loaded machine can be slow.
const PATIENCE: Duration = Duration::from_secs(30);

enum Line {
    Out(String),
    Err(String),
}

fn article(heading: &str) -> String {
    format!(
        "# Treating Mild Acne\n\n## Key Takeaways\n\n- Gentle cleansing helps\n\n## {heading}\n\n## The Bottom Line\n\nMost mild acne improves.\n"
    )
}

#[test]
fn a_saved_change_is_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::fs::write(&a, article("First Empty Heading")).unwrap();
    std::fs::write(&b, article("Other Empty Heading")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_medlint"))
        .current_dir(dir.path())
        .args([
            "check",
            "--watch",
            "--no-config",
            "--format",
            "concise",
            "--select",
            "empty-section",
            ".",
        ])
        .env("MEDLINT_TODAY", "2026-11-24")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (sender, lines) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    let err = child.stderr.take().unwrap();
    let to_out = sender.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = to_out.send(Line::Out(line));
        }
    });
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            let _ = sender.send(Line::Err(line));
        }
    });
    let mut stdout = Vec::new();
    let mut runs = 0;
    let wait_for_run = |stdout: &mut Vec<String>, runs: &mut usize| {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                // Human and concise output end each run with this line.
                Ok(Line::Out(line)) if line.contains("watching for changes") => {
                    *runs += 1;
                    return;
                }
                Ok(Line::Out(line)) => stdout.push(line),
                Ok(Line::Err(line)) => panic!("unexpected on stderr: {line}"),
                Err(_) => panic!("no check ran; stdout so far: {stdout:#?}"),
            }
        }
    };
    wait_for_run(&mut stdout, &mut runs);
    assert!(stdout.iter().any(|l| l.contains("First Empty Heading")), "{stdout:#?}");
    assert!(stdout.iter().any(|l| l.contains("Other Empty Heading")), "{stdout:#?}");
    let first_run = stdout.len();

    std::fs::write(&a, article("Renamed Empty Heading")).unwrap();
    wait_for_run(&mut stdout, &mut runs);
    let second: Vec<&String> = stdout[first_run..].iter().collect();
    assert!(
        second
            .iter()
            .any(|l| l.contains("a.md") && l.contains("Renamed Empty Heading")),
        "{second:#?}"
    );
    // Only the changed file was checked again.
    assert!(!second.iter().any(|l| l.contains("b.md")), "{second:#?}");
    assert!(!second.iter().any(|l| l.contains("First Empty Heading")), "{second:#?}");
    assert_eq!(runs, 2);
    let _ = child.kill();
    let _ = child.wait();
}
