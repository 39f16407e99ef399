//! `medlint server`, driven over standard input and output the way an
//! editor drives it: Content-Length framed JSON-RPC messages.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Long enough for a slow, shared machine; a test waits this long only
/// when it is about to fail.
const PATIENCE: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: mpsc::Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for another one.
    seen: Vec<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_medlint"))
            .arg("server")
            .env_remove("MEDLINT_TODAY")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("medlint server starts");
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = Some(value.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                let message: Value = serde_json::from_slice(&body).expect("a JSON body");
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            messages,
            next_id: 1,
            seen: Vec::new(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (already seen or still to come) that `wanted`
    /// accepts; taken out of those seen.
    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.seen.iter().position(&wanted) {
            return self.seen.remove(at);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.seen.push(message),
                Err(_) => panic!("no such message; seen: {:#?}", self.seen),
            }
        }
    }

    /// The diagnostics published for `uri` at `version` (any version with
    /// `None`).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, root: &Path) {
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                "capabilities": {
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
                },
                "initializationOptions": {"today": "2026-11-24"}
            }),
        );
        let capabilities = &response["result"]["capabilities"];
        assert_eq!(capabilities["textDocumentSync"]["change"], 2, "incremental sync");
        assert_eq!(capabilities["hoverProvider"], true);
        assert_eq!(capabilities["codeActionProvider"], true);
        self.notify("initialized", json!({}));
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// `shutdown` then `exit`: the server must end with exit code 0.
    fn shut_down(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.code(), Some(0), "the server exits cleanly");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for byte in path.to_str().unwrap().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The byte offset of an LSP position (UTF-16 columns), computed here
/// independently of the server.
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (at, c) in text[start..].char_indices() {
        if units == character || c == '\n' {
            return start + at;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with a WorkspaceEdit's edits for `uri` applied.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .expect("edits for the document")
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

fn range(start: (u64, u64), end: (u64, u64)) -> Value {
    json!({
        "start": {"line": start.0, "character": start.1},
        "end": {"line": end.0, "character": end.1}
    })
}

const ARTICLE: &str = "\
# Treating Mild Acne 😀

Café 🧴 notes. <!-- medlint-disable-line empty-table -->

## Key Takeaways

- Gentle cleansing helps

## Options 🧴 You Can Try

## The Bottom Line

Most mild acne improves with simple care.
";

#[test]
fn an_editor_session_sees_findings_fixes_them_and_shuts_down() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acne.md");
    std::fs::write(&path, ARTICLE).unwrap();
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(dir.path());
    client.open(&uri, ARTICLE);
    let diagnostics = client.diagnostics(&uri, Some(1));

    // The heading after an emoji: its end is counted in UTF-16 units (the
    // emoji is two), not in characters (24) or bytes.
    let empty = with_code(&diagnostics, "empty-section");
    assert_eq!(empty.len(), 1, "{diagnostics:#?}");
    assert_eq!(empty[0]["range"], range((8, 0), (8, 25)));
    assert_eq!(empty[0]["source"], "medlint");
    assert!(empty[0]["message"].as_str().unwrap().contains("Options 🧴 You Can Try"));
    // A suppression after non-ASCII text on its line: "Café 🧴 notes. " is
    // 15 UTF-16 units (14 characters, 19 bytes).
    let unused = with_code(&diagnostics, "unused-suppression");
    assert_eq!(unused.len(), 1, "{diagnostics:#?}");
    assert_eq!(unused[0]["range"]["start"], json!({"line": 2, "character": 15}));
    assert_eq!(unused[0]["range"]["end"], json!({"line": 2, "character": 56}));

    // Hover over the finding: the rule's documentation.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 8, "character": 14}}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("**empty-section**"), "{shown}");
    let explain = Command::new(env!("CARGO_BIN_EXE_medlint"))
        .args(["explain", "empty-section"])
        .output()
        .unwrap();
    let explain = String::from_utf8(explain.stdout).unwrap();
    let first_doc_line = explain.lines().find(|l| l.starts_with("## ")).unwrap();
    assert!(shown.contains(first_doc_line), "{shown}");
    // Nothing to say where there is no finding.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 12, "character": 3}}),
    );
    assert!(nothing["result"].is_null(), "{nothing}");

    // A code action on the unused suppression removes it and nothing else.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": unused[0]["range"],
            "context": {"diagnostics": [unused[0]]}
        }),
    );
    let actions = actions["result"].as_array().unwrap();
    let remove = actions
        .iter()
        .find(|a| a["title"] == "Remove the suppression")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(remove["kind"], "quickfix");
    assert_eq!(
        apply(ARTICLE, &remove["edit"], &uri),
        ARTICLE.replace(
            "Café 🧴 notes. <!-- medlint-disable-line empty-table -->",
            "Café 🧴 notes."
        )
    );
    // And one on the empty section: disabling it for its line.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": empty[0]["range"], "context": {"diagnostics": []}}),
    );
    let disable = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable empty-section for this line")
        .cloned()
        .unwrap();
    assert_eq!(
        apply(ARTICLE, &disable["edit"], &uri),
        ARTICLE.replace(
            "## Options 🧴 You Can Try\n",
            "<!-- medlint-disable-next-line empty-section -->\n## Options 🧴 You Can Try\n"
        )
    );

    // Writing under the empty heading, as an incremental change placed by
    // UTF-16 columns, fixes the finding.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": range((8, 25), (8, 25)), "text": "\n\nWash twice a day 🧼."}]
        }),
    );
    let diagnostics = client.diagnostics(&uri, Some(2));
    assert!(with_code(&diagnostics, "empty-section").is_empty(), "{diagnostics:#?}");
    assert_eq!(with_code(&diagnostics, "unused-suppression").len(), 1);
    // The server's text is the edited one: a full-text change back to the
    // original brings the finding back.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": ARTICLE}]}),
    );
    let diagnostics = client.diagnostics(&uri, Some(3));
    assert_eq!(with_code(&diagnostics, "empty-section").len(), 1);

    // A request the server does not handle gets a JSON-RPC error.
    let unknown = client.request("textDocument/definition", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad = client.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");

    // Closing clears the document's diagnostics.
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let cleared = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"].as_array().is_some_and(Vec::is_empty)
    });
    assert!(cleared["params"]["version"].is_null());
    client.shut_down();
}

#[test]
fn fast_typing_publishes_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acne.md");
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(dir.path());
    client.open(&uri, ARTICLE);
    for version in 2..=40 {
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": range((12, 0), (12, 0)), "text": "a"}]
            }),
        );
    }
    // The last version is published, and no version is published after it.
    client.diagnostics(&uri, Some(40));
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 8, "character": 3}}),
    );
    assert!(hover["result"]["contents"]["value"].as_str().is_some());
    assert!(
        client
            .seen
            .iter()
            .all(|m| m["method"] != "textDocument/publishDiagnostics" || m["params"]["version"].as_i64() < Some(40)),
        "{:#?}",
        client.seen
    );
    client.shut_down();
}

#[test]
fn a_config_error_is_shown_and_the_defaults_are_used_until_it_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("medlint.toml");
    std::fs::write(&config, "[rules]\nempty-sectionn = \"off\"\n").unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let path = docs.join("acne.md");
    let uri = file_uri(&path);
    let config_uri = file_uri(&config);
    let mut client = Client::start();
    client.initialize(dir.path());
    client.open(&uri, ARTICLE);

    let shown = client.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1, "an error");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("medlint.toml"), "{message}");
    assert!(message.contains("empty-sectionn"), "{message}");
    let on_config = client.diagnostics(&config_uri, None);
    assert_eq!(on_config.len(), 1);
    assert_eq!(on_config[0]["range"]["start"]["line"], 1, "{on_config:#?}");
    // The article is linted with the defaults.
    let diagnostics = client.diagnostics(&uri, Some(1));
    assert_eq!(with_code(&diagnostics, "empty-section").len(), 1);

    // Fixing the config, which the editor reports as a watched file change,
    // clears its diagnostic and lints the open article again with it.
    std::fs::write(&config, "[rules]\nempty-section = \"off\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let on_config = client.diagnostics(&config_uri, None);
    assert!(on_config.is_empty(), "{on_config:#?}");
    let diagnostics = client.diagnostics(&uri, Some(1));
    assert!(with_code(&diagnostics, "empty-section").is_empty(), "{diagnostics:#?}");
    client.shut_down();
}

#[test]
fn the_server_asks_to_watch_config_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start();
    client.initialize(dir.path());
    let registration = client.wait_for(|m| m["method"] == "client/registerCapability");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/medlint.toml");
    let id = registration["id"].clone();
    client.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
    client.shut_down();
}

#[test]
fn secondary_labels_become_related_information() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ankle.md");
    let uri = file_uri(&path);
    let text = "# Caring for a Sprained Ankle\n\nWritten by Léah Cohen, FNP-BC\n\nMedically reviewed by Léah Cohen, FNP-BC on 3 May 2026.\n\nRest and elevate the ankle.\n";
    let mut client = Client::start();
    client.initialize(dir.path());
    client.open(&uri, text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let self_review = with_code(&diagnostics, "self-review");
    assert_eq!(self_review.len(), 1, "{diagnostics:#?}");
    let related = self_review[0]["relatedInformation"].as_array().unwrap();
    assert_eq!(related[0]["location"]["uri"], uri);
    assert_eq!(related[0]["location"]["range"]["start"]["line"], 2);
    assert_eq!(related[0]["message"], "named as the author here");
    client.shut_down();
}
