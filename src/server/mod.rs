//! `medlint server`: a Language Server Protocol server over standard input
//! and output.
//!
//! The main thread reads the client's messages, keeps the text of each
//! open document and answers hover and code action requests. Linting for
//! diagnostics happens on a worker thread: the changes queued while it
//! lints are coalesced per document, so that only the latest version of a
//! document is linted and published, however fast the editor types.

mod position;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability, CodeDescription,
    DiagnosticRelatedInformation, DiagnosticSeverity, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, Location, MarkupContent, MarkupKind, MessageType, NumberOrString,
    PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit,
    Uri, WorkspaceEdit,
};

use crate::article::InputFormat;
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{self, Applicability};
use crate::line_index::LineIndex;
use crate::toml_file::FileError;

/// Runs the server until the client shuts it down; returns the exit code.
pub fn run() -> i32 {
    let (connection, io_threads) = Connection::stdio();
    let code = match serve(&connection) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("medlint server: {error}");
            1
        }
    };
    drop(connection);
    match io_threads.join() {
        Ok(()) => code,
        Err(error) => {
            eprintln!("medlint server: {error}");
            1
        }
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            will_save: None,
            will_save_wait_until: None,
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

fn serve(connection: &Connection) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let capabilities = serde_json::to_value(capabilities())?;
    let params = connection.initialize(capabilities)?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let today = today(params.initialization_options.as_ref())?;
    let shared = Arc::new(Shared {
        configs: Mutex::new(Configs::default()),
        sender: connection.sender.clone(),
        today,
    });
    let watch_dynamically = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    if watch_dynamically {
        register_config_watcher(connection);
    }
    let (jobs, job_receiver) = crossbeam_channel::unbounded();
    let worker = {
        let shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("medlint-lint".to_string())
            .spawn(move || lint_worker(&shared, &job_receiver))?
    };
    let mut server = Server {
        shared,
        documents: HashMap::new(),
        jobs,
    };
    let result = server.main_loop(connection);
    let _ = server.jobs.send(Job::Stop);
    let _ = worker.join();
    result
}

/// "Today" for review dates: `today` from the client's
/// `initializationOptions`, else `MEDLINT_TODAY`, else the real date.
fn today(options: Option<&serde_json::Value>) -> Result<NaiveDate, String> {
    let given = options
        .and_then(|o| o.get("today"))
        .and_then(|t| t.as_str())
        .map(str::to_string)
        .or_else(|| std::env::var("MEDLINT_TODAY").ok().filter(|t| !t.is_empty()));
    match given {
        None => Ok(chrono::Local::now().date_naive()),
        Some(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| format!("`today` must be a date as YYYY-MM-DD, got \"{text}\"")),
    }
}

fn register_config_watcher(connection: &Connection) {
    let watchers = config::FILE_NAMES
        .iter()
        .map(|name| FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{name}")),
            kind: None,
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "medlint-config".to_string(),
            method: lsp_types::notification::DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    let request = Request::new(
        RequestId::from("medlint-register-config-watcher".to_string()),
        lsp_types::request::RegisterCapability::METHOD.to_string(),
        params,
    );
    let _ = connection.sender.send(request.into());
}

/// What both threads use.
struct Shared {
    configs: Mutex<Configs>,
    sender: Sender<Message>,
    today: NaiveDate,
}

/// Configs by the file they come from (`None`: the defaults), loaded once
/// each until a watched config file changes.
#[derive(Default)]
struct Configs {
    by_file: HashMap<Option<PathBuf>, Arc<Config>>,
    /// Config files whose error is shown as a diagnostic.
    with_errors: Vec<PathBuf>,
}

impl Shared {
    /// The config for the document at `path`: `medlint.toml` found from its
    /// folder upwards, as the command line finds it. A config with an error
    /// is reported (a message and a diagnostic on the file) and the
    /// defaults are used.
    fn config_for(&self, path: Option<&Path>) -> Arc<Config> {
        let file = path.and_then(Path::parent).and_then(config::discover);
        let mut configs = self.configs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(config) = configs.by_file.get(&file) {
            return Arc::clone(config);
        }
        let mut config = Config::new(self.today);
        if let Some(file) = &file
            && let Err(error) = config.load(file, false)
        {
            self.report_config_error(&error);
            configs.with_errors.push(file.clone());
            config = Config::new(self.today);
        }
        let config = Arc::new(config);
        configs.by_file.insert(file, Arc::clone(&config));
        config
    }

    fn report_config_error(&self, error: &FileError) {
        let shown = error.path.display();
        self.notify::<lsp_types::notification::ShowMessage>(ShowMessageParams {
            typ: MessageType::ERROR,
            message: format!(
                "medlint: {shown}: {}; linting with the default settings until it is fixed",
                error.message
            ),
        });
        let Some(uri) = file_uri(&error.path) else {
            return;
        };
        let index = LineIndex::new(&error.source);
        let mut message = error.message.clone();
        if let Some(help) = &error.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let diagnostic = lsp_types::Diagnostic {
            range: position::range(&index, &error.source, &error.span),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("medlint".to_string()),
            message,
            ..lsp_types::Diagnostic::default()
        };
        self.publish(uri, vec![diagnostic], None);
    }

    /// Forgets every loaded config (one changed) and clears the
    /// diagnostics of config files: they are shown again if still wrong.
    fn forget_configs(&self) {
        let mut configs = self.configs.lock().unwrap_or_else(|e| e.into_inner());
        configs.by_file.clear();
        for file in std::mem::take(&mut configs.with_errors) {
            if let Some(uri) = file_uri(&file) {
                self.publish(uri, Vec::new(), None);
            }
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<lsp_types::notification::PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let _ = self
            .sender
            .send(Notification::new(N::METHOD.to_string(), params).into());
    }

    fn log(&self, message: String) {
        self.notify::<lsp_types::notification::LogMessage>(lsp_types::LogMessageParams {
            typ: MessageType::ERROR,
            message,
        });
    }
}

/// An open document.
struct Document {
    uri: Uri,
    version: i32,
    text: String,
}

/// Work for the lint thread, in the order the client sent it.
enum Job {
    Lint {
        uri: Uri,
        version: i32,
        text: Arc<str>,
    },
    Close(Uri),
    /// A config changed: lint every open document again.
    RelintAll,
    Stop,
}

struct Server {
    shared: Arc<Shared>,
    documents: HashMap<String, Document>,
    jobs: Sender<Job>,
}

impl Server {
    fn main_loop(&mut self, connection: &Connection) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    if connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    let response = self.request(request);
                    connection.sender.send(response.into())?;
                }
                Message::Notification(notification) => {
                    if notification.method == lsp_types::notification::Exit::METHOD {
                        return Err("exit without shutdown".into());
                    }
                    if let Err(message) = self.notification(notification) {
                        self.shared.log(format!("medlint: {message}"));
                    }
                }
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            lsp_types::request::HoverRequest::METHOD => parse::<HoverParams>(request).map(|p| json(self.hover(p))),
            lsp_types::request::CodeActionRequest::METHOD => {
                parse::<CodeActionParams>(request).map(|p| json(self.code_actions(p)))
            }
            method => Err((ErrorCode::MethodNotFound, format!("medlint does not handle {method}"))),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn notification(&mut self, notification: Notification) -> Result<(), String> {
        use lsp_types::notification as n;
        let method = notification.method.clone();
        let params = notification.params;
        let read = |method: &str| format!("bad {method} parameters");
        match method.as_str() {
            n::DidOpenTextDocument::METHOD => {
                let p: DidOpenTextDocumentParams = serde_json::from_value(params).map_err(|_| read(&method))?;
                let document = Document {
                    uri: p.text_document.uri,
                    version: p.text_document.version,
                    text: p.text_document.text,
                };
                let key = document.uri.as_str().to_string();
                self.documents.insert(key.clone(), document);
                self.queue(Some(key));
            }
            n::DidChangeTextDocument::METHOD => {
                let p: DidChangeTextDocumentParams = serde_json::from_value(params).map_err(|_| read(&method))?;
                let key = p.text_document.uri.as_str().to_string();
                let document = self
                    .documents
                    .get_mut(&key)
                    .ok_or_else(|| format!("didChange for a document not open: {key}"))?;
                for change in p.content_changes {
                    position::apply_change(&mut document.text, change);
                }
                document.version = p.text_document.version;
                self.queue(Some(key));
            }
            n::DidSaveTextDocument::METHOD => {
                let p: DidSaveTextDocumentParams = serde_json::from_value(params).map_err(|_| read(&method))?;
                // Saving a config file changes the settings of open articles.
                if is_config_uri(&p.text_document.uri) {
                    self.shared.forget_configs();
                    let _ = self.jobs.send(Job::RelintAll);
                } else {
                    self.queue(Some(p.text_document.uri.as_str().to_string()));
                }
            }
            n::DidCloseTextDocument::METHOD => {
                let p: DidCloseTextDocumentParams = serde_json::from_value(params).map_err(|_| read(&method))?;
                self.documents.remove(p.text_document.uri.as_str());
                let _ = self.jobs.send(Job::Close(p.text_document.uri));
            }
            n::DidChangeWatchedFiles::METHOD => {
                let p: DidChangeWatchedFilesParams = serde_json::from_value(params).map_err(|_| read(&method))?;
                if p.changes.iter().any(|change| is_config_uri(&change.uri)) {
                    self.shared.forget_configs();
                    let _ = self.jobs.send(Job::RelintAll);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Sends the document's current text to the lint thread.
    fn queue(&self, key: Option<String>) {
        let Some(document) = key.and_then(|key| self.documents.get(&key)) else {
            return;
        };
        let _ = self.jobs.send(Job::Lint {
            uri: document.uri.clone(),
            version: document.version,
            text: Arc::from(document.text.as_str()),
        });
    }

    /// The findings in an open document now, with its text.
    fn findings(&self, uri: &Uri) -> Option<(&Document, Vec<Diagnostic>, Arc<Config>)> {
        let document = self.documents.get(uri.as_str())?;
        let path = uri_path(uri);
        let config = self.shared.config_for(path.as_deref());
        let name = lint_name(uri, path.as_deref());
        let text = document.text.clone();
        let config_for_lint = Arc::clone(&config);
        let diagnostics = std::panic::catch_unwind(move || {
            crate::lint(&text, &name, &config_for_lint.options, &config_for_lint.rules)
        })
        .ok()?;
        Some((document, diagnostics, config))
    }

    fn hover(&self, params: HoverParams) -> Option<Hover> {
        let uri = params.text_document_position_params.text_document.uri;
        let at = params.text_document_position_params.position;
        let (document, diagnostics, config) = self.findings(&uri)?;
        let index = LineIndex::new(&document.text);
        let mut sections = Vec::new();
        let mut range = None;
        for diagnostic in &diagnostics {
            let r = position::range(&index, &document.text, &diagnostic.span);
            if !(r.start <= at && at <= r.end) {
                continue;
            }
            let Some(rule) = config.rules.find(diagnostic.rule) else {
                continue;
            };
            range.get_or_insert(r);
            sections.push(format!(
                "**{}** ({}, {})\n\n{}",
                rule.name,
                rule.category,
                diagnostic.severity,
                rule.docs()
            ));
        }
        if sections.is_empty() {
            return None;
        }
        sections.dedup();
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: sections.join("\n\n---\n\n"),
            }),
            range,
        })
    }

    fn code_actions(&self, params: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = params.text_document.uri;
        let Some((document, diagnostics, _)) = self.findings(&uri) else {
            return Vec::new();
        };
        let text = &document.text;
        let index = LineIndex::new(text);
        let wanted = params.range;
        let format =
            InputFormat::from_path(&lint_name(&uri, uri_path(&uri).as_deref())).unwrap_or(InputFormat::Markdown);
        let mut actions = Vec::new();
        for diagnostic in &diagnostics {
            let range = position::range(&index, text, &diagnostic.span);
            if range.end < wanted.start || wanted.end < range.start {
                continue;
            }
            let lsp_diagnostic = to_lsp(&uri, &index, text, diagnostic);
            for fix in fix::fixes(text, format, diagnostic) {
                let edits = fix
                    .edits
                    .iter()
                    .map(|edit| TextEdit {
                        range: position::range(&index, text, &edit.range),
                        new_text: edit.replacement.clone(),
                    })
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }
}

fn parse<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params).map_err(|error| {
        (
            ErrorCode::InvalidParams,
            format!("bad {} parameters: {error}", request.method),
        )
    })
}

fn json<T: serde::Serialize>(value: T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// The lint thread: lints the latest version of each document it is sent,
/// publishing its diagnostics.
fn lint_worker(shared: &Shared, jobs: &Receiver<Job>) {
    // Open documents, latest text first seen here.
    let mut open: HashMap<String, (Uri, i32, Arc<str>)> = HashMap::new();
    while let Ok(first) = jobs.recv() {
        // Coalesce: everything queued meanwhile, the latest text per document.
        let mut pending: Vec<String> = Vec::new();
        let mut stop = false;
        for job in std::iter::once(first).chain(jobs.try_iter()) {
            match job {
                Job::Lint { uri, version, text } => {
                    let key = uri.as_str().to_string();
                    if !pending.contains(&key) {
                        pending.push(key.clone());
                    }
                    open.insert(key, (uri, version, text));
                }
                Job::Close(uri) => {
                    let key = uri.as_str();
                    pending.retain(|k| k != key);
                    open.remove(key);
                    shared.publish(uri, Vec::new(), None);
                }
                Job::RelintAll => {
                    for key in open.keys() {
                        if !pending.contains(key) {
                            pending.push(key.clone());
                        }
                    }
                }
                Job::Stop => stop = true,
            }
        }
        if stop {
            return;
        }
        for key in pending {
            let Some((uri, version, text)) = open.get(&key).cloned() else {
                continue;
            };
            let path = uri_path(&uri);
            let config = shared.config_for(path.as_deref());
            let name = lint_name(&uri, path.as_deref());
            let run =
                std::panic::AssertUnwindSafe(|| crate::lint_checked(&text, &name, &config.options, &config.rules));
            match std::panic::catch_unwind(run) {
                Ok(outcome) => {
                    for error in &outcome.internal_errors {
                        shared.log(format!("medlint: {}: {error}", uri.as_str()));
                    }
                    let index = LineIndex::new(&text);
                    let diagnostics = outcome
                        .diagnostics
                        .iter()
                        .map(|d| to_lsp(&uri, &index, &text, d))
                        .collect();
                    shared.publish(uri, diagnostics, Some(version));
                }
                // The document keeps its previous diagnostics.
                Err(_) => shared.log(format!(
                    "medlint: internal error while linting {}; its diagnostics were not updated",
                    uri.as_str()
                )),
            }
        }
    }
}

fn to_lsp(uri: &Uri, index: &LineIndex<'_>, text: &str, diagnostic: &Diagnostic) -> lsp_types::Diagnostic {
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: position::range(index, text, &label.span),
            },
            message: label.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: position::range(index, text, &diagnostic.span),
        severity: Some(match diagnostic.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(diagnostic.rule.to_string())),
        code_description: rule_docs_uri(diagnostic.rule).map(|href| CodeDescription { href }),
        source: Some("medlint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A link to the rule's documentation: the README's rule table in the
/// package's repository, when `Cargo.toml` names one.
fn rule_docs_uri(rule: &str) -> Option<Uri> {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    if repository.is_empty() {
        return None;
    }
    Uri::from_str(&format!("{repository}#{rule}")).ok()
}

fn is_config_uri(uri: &Uri) -> bool {
    let text = uri.as_str();
    config::FILE_NAMES
        .iter()
        .any(|name| text.ends_with(&format!("/{name}")))
}

/// The file a `file:` URI names.
fn uri_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path` is not local; `file:///path` is.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = percent_decode(path);
    #[cfg(windows)]
    let bytes = bytes.strip_prefix(b"/").map(<[u8]>::to_vec).unwrap_or(bytes);
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

/// The name a document is linted under: its path, or its URI's last part.
fn lint_name(uri: &Uri, path: Option<&Path>) -> String {
    match path {
        Some(path) => path.to_string_lossy().into_owned(),
        None => uri.as_str().rsplit('/').next().unwrap_or("untitled").to_string(),
    }
}

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// A `file:` URI for a path.
fn file_uri(path: &Path) -> Option<Uri> {
    let path = std::path::absolute(path).ok()?;
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_with_spaces_and_non_ascii() {
        let path = Path::new("/tmp/my articles/café.md");
        let uri = file_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/my%20articles/caf%C3%A9.md");
        assert_eq!(uri_path(&uri).unwrap(), path);
    }
}
