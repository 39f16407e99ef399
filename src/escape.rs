//! Text on its way to a terminal or a CI log: one escaping function per
//! kind of output, so that no article text, file name or echoed value can
//! move the cursor, recolour a terminal or start a line of its own (a
//! forged `::error` workflow command, a fake finding).
//!
//! * [`line`]: a piece of one line (messages, labels, help, `rules`
//!   summaries, stderr messages, echoed option values);
//! * [`block`]: several lines whose line breaks are the output's own
//!   (source excerpts, `explain` docs);
//! * [`path`]: a file name, kept distinguishable (control characters and
//!   bytes that are not UTF-8 are written as escapes, as git quotes paths).
//!
//! GitHub workflow commands add their own escapes on top of [`line`]
//! (`render::github`); XML and JSON escape by their own rules.

use std::borrow::Cow;
use std::path::Path;

/// Characters that can end a line, move the cursor, change colours or
/// reorder text as a terminal or log viewer shows it: C0 and C1 controls,
/// DEL, Unicode line and paragraph separators, and the bidirectional
/// formatting characters ("Trojan Source").
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The visible stand-in for an unsafe character: the Control Pictures
/// block for C0 controls and DEL (`␊`, `␛`), else the replacement
/// character. One character for one, so offsets counted in characters stay
/// valid.
fn picture(c: char) -> char {
    match c as u32 {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

fn replace_unsafe(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) && !keep(c) { picture(c) } else { c })
            .collect(),
    )
}

/// Text for one line of terminal or log output: every control character,
/// line breaks included, shown as a visible symbol (tabs stay).
pub fn line(text: &str) -> Cow<'_, str> {
    replace_unsafe(text, |c| c == '\t')
}

/// Text of several lines whose line feeds are the output's own: every
/// other control character is shown as a visible symbol.
pub fn block(text: &str) -> Cow<'_, str> {
    replace_unsafe(text, |c| c == '\t' || c == '\n')
}

/// A file name for any output: as it is when it is plain, else in double
/// quotes with C-style escapes (`\n`, `\t`, `\"`, `\\`, `\xE9` for a byte
/// that is not UTF-8, `\u{202E}` for a formatting character), the way git
/// quotes paths. Two different names never look alike, and none holds a
/// control character.
pub fn path(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains(|c: char| is_unsafe(c) || c == '"' || c == '\\') => text.to_string(),
        _ => quoted_path(bytes),
    }
}

fn quoted_path(mut bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::from("\"");
    while !bytes.is_empty() {
        let (valid, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                (std::str::from_utf8(valid).expect("checked above"), rest)
            }
        };
        for c in valid.chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x80 && is_unsafe(c) => {
                    let _ = write!(out, "\\x{:02X}", c as u32);
                }
                c if is_unsafe(c) => {
                    let _ = write!(out, "\\u{{{:X}}}", c as u32);
                }
                c => out.push(c),
            }
        }
        // The bytes of an invalid sequence, one escape each.
        let invalid = match std::str::from_utf8(rest) {
            Ok(_) => 0,
            Err(error) => error.error_len().unwrap_or(rest.len()),
        };
        for byte in &rest[..invalid] {
            let _ = write!(out, "\\x{byte:02X}");
        }
        bytes = &rest[invalid..];
    }
    out.push('"');
    out
}

/// The bytes of a name [`path`] wrote: the inverse of its quoting, for
/// formats that carry bytes exactly (a SARIF URI percent-encodes them).
pub fn path_bytes(shown: &str) -> Vec<u8> {
    let Some(inner) = shown.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return shown.as_bytes().to_vec();
    };
    let mut out = Vec::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        let escape = &rest[at + 1..];
        let (bytes, used): (Vec<u8>, usize) = match escape.as_bytes().first() {
            Some(b'n') => (vec![b'\n'], 1),
            Some(b'r') => (vec![b'\r'], 1),
            Some(b't') => (vec![b'\t'], 1),
            Some(b'x') => match escape.get(1..3).and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                Some(byte) => (vec![byte], 3),
                None => (b"\\x".to_vec(), 1),
            },
            Some(b'u') => {
                let close = escape.find('}').unwrap_or(0);
                let c = escape
                    .get(2..close)
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32);
                match c {
                    Some(c) => (c.to_string().into_bytes(), close + 1),
                    None => (b"\\u".to_vec(), 1),
                }
            }
            Some(&other) => (vec![other], 1),
            None => (vec![b'\\'], 0),
        };
        out.extend_from_slice(&bytes);
        rest = &escape[used..];
    }
    out.extend_from_slice(rest.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_holds_no_line_break_and_no_escape_sequence() {
        assert_eq!(
            line("a\nb\r\u{1b}[31m\u{7}\tc"),
            "a\u{240a}b\u{240d}\u{241b}[31m\u{2407}\tc"
        );
        assert_eq!(
            line("x\u{2028}y\u{85}\u{202e}z\u{7f}"),
            "x\u{fffd}y\u{fffd}\u{fffd}z\u{2421}"
        );
        assert!(matches!(line("plain café"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_block_keeps_its_line_feeds_only() {
        assert_eq!(block("a\nb\r\n\u{1b}"), "a\nb\u{240d}\n\u{241b}");
    }

    #[cfg(unix)]
    #[test]
    fn file_names_stay_distinguishable() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let shown = |bytes: &[u8]| path(Path::new(OsStr::from_bytes(bytes)));
        assert_eq!(shown(b"plain/caf\xc3\xa9.md"), "plain/café.md");
        assert_eq!(shown(b"latin1-\xe9.md"), "\"latin1-\\xE9.md\"");
        assert_ne!(shown(b"latin1-\xe9.md"), shown(b"latin1-\xe8.md"));
        assert_eq!(shown(b"a\nb\r\x1b\x07.md"), "\"a\\nb\\r\\x1B\\x07.md\"");
        assert_eq!(shown(b"q\"b\\.md"), "\"q\\\"b\\\\.md\"");
        assert_eq!(shown("rtl\u{202e}dm.exe".as_bytes()), "\"rtl\\u{202E}dm.exe\"");
        assert_eq!(shown(b"\xff\xfe"), "\"\\xFF\\xFE\"");
        for name in [
            &b"latin1-\xe9.md"[..],
            b"a\nb\r\x1b\x07.md",
            b"q\"b\\.md",
            "rtl\u{202e}dm.exe".as_bytes(),
            b"\xff\xfe",
            b"plain.md",
        ] {
            assert_eq!(path_bytes(&shown(name)), name, "{name:?}");
        }
    }
}
