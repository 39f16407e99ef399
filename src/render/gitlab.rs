//! `--format gitlab`: GitLab Code Quality JSON. Fingerprints hash the path,
//! the rule, the text the finding points at and the occurrence count: not
//! the line, so that a finding keeps its identity when lines above it
//! move, and not the message, which may depend on today ("in 44 days").

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::json;

use crate::diagnostic::Severity;
use crate::render::json_writer::{self, JsonWriter};
use crate::render::{Located, Spooled};

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// 64-bit FNV-1a of `text`: stable across runs, platforms and versions,
/// unlike `std`'s hasher.
pub fn hash64(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

/// 128-bit FNV-1a as 32 hex digits: stable across runs, platforms and
/// versions, unlike `std`'s hasher.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u128 = 0x6c62272e07bb014262b821756295c58d;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(0x0000000001000000000000000000013B);
        }
    }
    format!("{hash:032x}")
}

/// How deep the issues sit: the array of issues is the document.
const ENTRY_DEPTH: usize = 1;

/// One file's findings as Code Quality issues. Occurrences are counted
/// within the file, as the fingerprint needs.
pub fn entries(path: &str, diagnostics: &[Located]) -> String {
    let mut seen: HashMap<(&str, u64), usize> = HashMap::new();
    let issues = diagnostics.iter().map(|located| {
        let d = &located.diagnostic;
        let count = seen.entry((d.rule, located.anchor)).or_default();
        *count += 1;
        let occurrence = count.to_string();
        let anchor = format!("{:016x}", located.anchor);
        json!({
            "description": d.message,
            "check_name": d.rule,
            "fingerprint": fingerprint(&[path, d.rule, &anchor, &occurrence]),
            "severity": severity(d.severity),
            "location": {
                "path": path,
                "lines": { "begin": located.start.line, "end": located.end.line }
            }
        })
    });
    json_writer::entries(issues, ENTRY_DEPTH)
}

/// The report: the spooled issues in an array.
pub fn write_document(out: &mut dyn Write, issues: Spooled<'_>) -> io::Result<()> {
    let mut report = JsonWriter::new(out);
    report.begin_array()?;
    report.spooled(issues, ENTRY_DEPTH)?;
    report.end()?;
    report.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(
            fingerprint(&["a.md", "empty-table", "m", "1"]),
            fingerprint(&["a.md", "empty-table", "m", "1"])
        );
        assert_ne!(
            fingerprint(&["a.md", "empty-table", "m", "1"]),
            fingerprint(&["a.md", "empty-table", "m", "2"])
        );
        // Parts are separated, so shifting text between them changes the hash.
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(fingerprint(&[]).len(), 32);
    }
}
