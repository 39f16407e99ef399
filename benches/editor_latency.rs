//! Editor latency, measured on the release binary: the time from a
//! `didChange` of a long article (about 50 KB) to the server's
//! `publishDiagnostics` for that version, and from saving a file to the
//! end of `check --watch`'s new report. Prints p50 and p99; run with
//! `cargo bench --bench editor_latency`. Nothing here asserts a time.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// At least 50 KB: the example articles' sections, repeated.
fn long_article() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles/");
    let mut text = String::from(
        "---\ntitle: Long Article\nreviewed_by: \"Ana Ruiz, MD\"\nreviewed_on: 2026-10-01\n---\n# Long Article\n\n",
    );
    let mut round = 0;
    while text.len() < 50_000 {
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
        round += 1;
    }
    text
}

fn percentiles(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{name}: n={} p50={:.2} ms p99={:.2} ms max={:.2} ms",
        times.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3
    );
}

fn lsp(text: &str, rounds: usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_medlint"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, messages) = mpsc::channel::<Value>();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                if line.trim().is_empty() {
                    break;
                }
                if let Some(v) = line.trim().strip_prefix("Content-Length: ") {
                    length = v.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        }
    });
    let mut send = |message: Value| {
        let body = message.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    };
    let published = |version: i64| loop {
        let m = messages.recv_timeout(Duration::from_secs(30)).expect("a message");
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version {
            return m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
        }
    };
    let uri = "file:///nonexistent-dir/long.md";
    send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"today": "2026-11-24"}}}),
    );
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}),
    );
    let findings = published(1);
    println!("long article: {} bytes, {findings} findings", text.len());
    let lines = text.lines().count() as u64;
    let mut times = Vec::new();
    for version in 2..rounds as i64 + 2 {
        // Typing one character somewhere in the article.
        let line = (version as u64 * 37) % lines;
        let started = Instant::now();
        send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "a"}]
        }}));
        published(version);
        times.push(started.elapsed());
    }
    percentiles("didChange -> publishDiagnostics", times);
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    send(json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    let _ = child.wait();
}

fn watch(text: &str, rounds: usize) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.md");
    std::fs::write(&file, text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_medlint"))
        .current_dir(dir.path())
        .args(["check", "--watch", "--no-config", "--format", "concise", "."])
        .env("MEDLINT_TODAY", "2026-11-24")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, lines) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("watching for changes") && sender.send(line).is_err() {
                return;
            }
        }
    });
    lines.recv_timeout(Duration::from_secs(30)).expect("the first check");
    let mut times = Vec::new();
    for round in 0..rounds {
        std::thread::sleep(Duration::from_millis(100));
        let started = Instant::now();
        std::fs::write(&file, format!("{text}\nEdit {round}.\n")).unwrap();
        lines
            .recv_timeout(Duration::from_secs(30))
            .expect("a check after the save");
        times.push(started.elapsed());
    }
    percentiles("save -> check --watch report", times);
    let _ = child.kill();
    let _ = child.wait();
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let text = long_article();
    lsp(&text, 300);
    watch(&text, 30);
}
