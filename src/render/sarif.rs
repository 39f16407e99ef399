//! `--format sarif`: SARIF 2.1.0, with every rule and its docs in
//! `tool.driver.rules`, results with regions in character columns, and
//! labels as related locations.

use serde_json::{Value, json};

use crate::diagnostic::Severity;
use crate::render::Located;
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

/// A relative URI reference for a path: forward slashes, reserved and
/// non-ASCII bytes percent-encoded; absolute paths become `file://` URIs.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
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
    result
}

/// Where `results` sits (in the one run): its entries are indented past this.
pub const INDENT: usize = 6;

/// One file's findings as SARIF results.
pub fn entries<'a>(
    path: &str,
    diagnostics: &'a [Located],
    rules: &'a [&'static Rule],
) -> impl Iterator<Item = Value> + 'a {
    let uri = path_uri(path);
    diagnostics.iter().map(move |d| result(&uri, d, rules))
}

/// The log with every rule and an empty `results` array.
pub fn document(rules: &[&'static Rule]) -> Value {
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "medlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>()
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": []
        }]
    })
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
