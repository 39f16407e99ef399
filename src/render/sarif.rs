//! `--format sarif`: SARIF 2.1.0, with every rule and its docs in
//! `tool.driver.rules`, results with regions in character columns, and
//! labels as related locations.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::diagnostic::Severity;
use crate::render::json_writer::{self, JsonWriter};
use crate::render::{Located, Spooled};
use crate::rules::Rule;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_descriptor(rule: &Rule) -> Value {
    let docs = rule.docs();
    json!({
        "id": rule.name,
        "name": pascal_case(rule.name),
        "shortDescription": { "text": rule.summary() },
        "fullDescription": { "text": docs, "markdown": docs },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": { "level": level(rule.default_severity) },
        "properties": { "category": rule.category.as_str(), "tags": [rule.category.as_str()] }
    })
}

/// SARIF wants a rule `name` distinct from its `id`: "empty-table" → "EmptyTable".
fn pascal_case(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative URI reference for a path as shown (`/` separators, quoted
/// when it holds odd bytes): the name's own bytes, reserved and non-ASCII
/// ones percent-encoded; absolute paths become `file://` URIs.
pub fn path_uri(path: &str) -> String {
    let bytes = crate::escape::path_bytes(path);
    let bytes = bytes.strip_prefix(b"./").unwrap_or(&bytes);
    let mut out = String::with_capacity(bytes.len());
    if bytes.starts_with(b"/") {
        out.push_str("file://");
    }
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn location(uri: &str, start: crate::line_index::Position, end: crate::line_index::Position) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column
            }
        }
    })
}

fn result(uri: &str, located: &Located, rules: &[&'static Rule]) -> Value {
    let d = &located.diagnostic;
    let index = rules.iter().position(|r| r.name == d.rule);
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [location(uri, located.start, located.end)],
    });
    if let Some(index) = index {
        result["ruleIndex"] = json!(index);
    }
    if !located.labels.is_empty() {
        let related: Vec<Value> = located
            .labels
            .iter()
            .enumerate()
            .map(|(id, (start, end, message))| {
                let mut value = location(uri, *start, *end);
                value["id"] = json!(id);
                value["message"] = json!({ "text": message });
                value
            })
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    if let Some(fix) = &located.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|(start, end, content)| {
                json!({
                    "deletedRegion": {
                        "startLine": start.line,
                        "startColumn": start.column,
                        "endLine": end.line,
                        "endColumn": end.column
                    },
                    "insertedContent": { "text": content }
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": replacements
            }],
            "properties": { "applicability": fix.applicability.as_str() }
        }]);
    }
    result
}

/// How deep the results sit: in `results`, in the one run, in `runs`, in the log.
const ENTRY_DEPTH: usize = 4;

/// One file's findings as SARIF results.
pub fn entries(path: &str, diagnostics: &[Located], rules: &[&'static Rule]) -> String {
    let uri = path_uri(path);
    json_writer::entries(diagnostics.iter().map(|d| result(&uri, d, rules)), ENTRY_DEPTH)
}

/// The log: one run, with every rule and the spooled results. Members are
/// in the order of the sorted maps the log was first printed from.
pub fn write_document(out: &mut dyn Write, rules: &[&'static Rule], results: Spooled<'_>) -> io::Result<()> {
    let tool = json!({
        "driver": {
            "name": "medlint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>()
        }
    });
    let mut log = JsonWriter::new(out);
    log.begin_object()?;
    log.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")?;
    log.key("runs")?;
    log.begin_array()?;
    log.element()?;
    log.begin_object()?;
    log.member("columnKind", "unicodeCodePoints")?;
    log.key("results")?;
    log.begin_array()?;
    log.spooled(results, ENTRY_DEPTH)?;
    log.end()?;
    log.member("tool", &tool)?;
    log.end()?;
    log.end()?;
    log.member("version", "2.1.0")?;
    log.end()?;
    log.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("./articles/peel guide.md"), "articles/peel%20guide.md");
        assert_eq!(path_uri("/srv/a#b.md"), "file:///srv/a%23b.md");
        assert_eq!(path_uri("café.md"), "caf%C3%A9.md");
    }
}
