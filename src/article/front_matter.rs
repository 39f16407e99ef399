//! Front matter: a YAML (`---`) or TOML (`+++`) block at the top of the file,
//! parsed into top-level entries that remember where their key and value are.

use std::fmt;
use std::ops::Range;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterFormat {
    Yaml,
    Toml,
}

/// A front matter value, reduced to what rules need.
#[derive(Debug, Clone, PartialEq)]
pub enum FmValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A native TOML date or datetime, as written.
    Date(String),
    List(Vec<FmValue>),
    Map(Vec<(String, FmValue)>),
}

impl FmValue {
    /// The value as text when it is a scalar (strings, numbers, dates).
    pub fn as_text(&self) -> Option<String> {
        match self {
            FmValue::Str(s) | FmValue::Date(s) => Some(s.clone()),
            FmValue::Int(i) => Some(i.to_string()),
            FmValue::Float(f) => Some(f.to_string()),
            FmValue::Bool(b) => Some(b.to_string()),
            FmValue::Null | FmValue::List(_) | FmValue::Map(_) => None,
        }
    }

    fn from_json(value: serde_json::Value) -> FmValue {
        use serde_json::Value;
        match value {
            Value::Null => FmValue::Null,
            Value::Bool(b) => FmValue::Bool(b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => FmValue::Int(i),
                None => FmValue::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => FmValue::Str(s),
            Value::Array(items) => FmValue::List(items.into_iter().map(Self::from_json).collect()),
            Value::Object(map) => FmValue::Map(map.into_iter().map(|(k, v)| (k, Self::from_json(v))).collect()),
        }
    }

    fn from_toml(value: toml::de::DeValue<'_>) -> FmValue {
        use toml::de::DeValue;
        match value {
            DeValue::String(s) => FmValue::Str(s.into_owned()),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .map(FmValue::Int)
                .unwrap_or_else(|_| FmValue::Str(i.to_string())),
            DeValue::Float(f) => FmValue::Float(f.as_str().parse().unwrap_or(f64::NAN)),
            DeValue::Boolean(b) => FmValue::Bool(b),
            DeValue::Datetime(d) => FmValue::Date(d.to_string()),
            DeValue::Array(items) => FmValue::List(
                items
                    .into_iter()
                    .map(|item| Self::from_toml(item.into_inner()))
                    .collect(),
            ),
            DeValue::Table(table) => FmValue::Map(
                table
                    .into_iter()
                    .map(|(k, v)| (k.into_inner().into_owned(), Self::from_toml(v.into_inner())))
                    .collect(),
            ),
        }
    }
}

/// One top-level `key: value` entry with the byte spans of key and value.
#[derive(Debug, Clone, PartialEq)]
pub struct FmEntry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: FmValue,
    pub value_span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub format: FrontMatterFormat,
    /// The whole block, delimiters included.
    pub span: Range<usize>,
    pub entries: Vec<FmEntry>,
}

impl FrontMatter {
    /// Looks a key up case-insensitively, treating `-` and `_` alike.
    pub fn get(&self, key: &str) -> Option<&FmEntry> {
        self.entries.iter().find(|e| keys_match(&e.key, key))
    }
}

/// Compares front matter keys the way DESIGN.md asks: case-insensitive, with
/// `-` and `_` alike.
pub fn keys_match(a: &str, b: &str) -> bool {
    let norm = |c: char| {
        if c == '-' { '_' } else { c.to_ascii_lowercase() }
    };
    a.len() == b.len() && a.chars().map(norm).eq(b.chars().map(norm))
}

/// Front matter that does not parse, located at the fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub span: Range<usize>,
    pub message: String,
}

/// What the top of a file holds: front matter (or an error about it) and the
/// offset at which the Markdown body starts.
pub struct FrontMatterSplit {
    pub front_matter: Option<FrontMatter>,
    pub error: Option<FrontMatterError>,
    pub body_start: usize,
}

/// Finds and parses front matter at the start of `source` (after an optional
/// UTF-8 byte order mark).
pub fn split(source: &str) -> FrontMatterSplit {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &source[start..];
    let (format, fence) = if is_fence_line(rest, "---") {
        (FrontMatterFormat::Yaml, "---")
    } else if is_fence_line(rest, "+++") {
        (FrontMatterFormat::Toml, "+++")
    } else {
        return FrontMatterSplit {
            front_matter: None,
            error: None,
            body_start: start,
        };
    };
    let open_end = start + rest.find('\n').map_or(rest.len(), |i| i + 1);
    let Some((content_end, block_end)) = find_closing(source, open_end, format) else {
        return FrontMatterSplit {
            front_matter: None,
            error: Some(FrontMatterError {
                span: start..start + fence.len(),
                message: format!("front matter opened with `{fence}` is never closed"),
            }),
            body_start: start,
        };
    };
    let content = &source[open_end..content_end];
    let parsed = match format {
        FrontMatterFormat::Yaml => parse_yaml(content, open_end),
        FrontMatterFormat::Toml => parse_toml(content, open_end),
    };
    match parsed {
        Ok(entries) => FrontMatterSplit {
            front_matter: Some(FrontMatter {
                format,
                span: start..block_end,
                entries,
            }),
            error: None,
            body_start: block_end,
        },
        Err(error) => FrontMatterSplit {
            front_matter: None,
            error: Some(error),
            body_start: block_end,
        },
    }
}

/// True when `text` starts with a line that is exactly `fence` (trailing
/// spaces and a CR allowed).
fn is_fence_line(text: &str, fence: &str) -> bool {
    let line = text.split('\n').next().unwrap_or("");
    line.trim_end() == fence
}

/// Finds the closing fence line at or after `from`: returns the end of the
/// content and the end of the block (after the closing line's newline).
fn find_closing(source: &str, from: usize, format: FrontMatterFormat) -> Option<(usize, usize)> {
    let mut offset = from;
    while offset < source.len() {
        let line_end = source[offset..].find('\n').map_or(source.len(), |i| offset + i + 1);
        let line = source[offset..line_end].trim_end();
        let closes = match format {
            FrontMatterFormat::Yaml => line == "---" || line == "...",
            FrontMatterFormat::Toml => line == "+++",
        };
        if closes {
            return Some((offset, line_end));
        }
        offset = line_end;
    }
    None
}

/// Top-level YAML mapping entries with their spans.
struct YamlEntries(Vec<FmEntry>);

impl<'de> Deserialize<'de> for YamlEntries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = YamlEntries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of keys to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YamlEntries, A::Error> {
                type Node = serde_saphyr::Spanned<serde_json::Value>;
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<Node, Node>()? {
                    let key_text = match &key.value {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    entries.push(FmEntry {
                        key: key_text,
                        key_span: yaml_span(&key.referenced),
                        value: FmValue::from_json(value.value),
                        value_span: yaml_span(&value.referenced),
                    });
                }
                Ok(YamlEntries(entries))
            }
            fn visit_unit<E>(self) -> Result<YamlEntries, E> {
                Ok(YamlEntries(Vec::new()))
            }
            fn visit_none<E>(self) -> Result<YamlEntries, E> {
                Ok(YamlEntries(Vec::new()))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

fn yaml_span(location: &serde_saphyr::Location) -> Range<usize> {
    let span = location.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(offset), Some(len)) => offset as usize..(offset + len) as usize,
        _ => 0..0,
    }
}

fn parse_yaml(content: &str, base: usize) -> Result<Vec<FmEntry>, FrontMatterError> {
    if content.trim().is_empty()
        || content
            .lines()
            .all(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
    {
        return Ok(Vec::new());
    }
    if let Some(entries) = flat_yaml(content, base) {
        return Ok(entries);
    }
    full_yaml(content, base)
}

fn full_yaml(content: &str, base: usize) -> Result<Vec<FmEntry>, FrontMatterError> {
    let options = serde_saphyr::options! { with_snippet: false };
    match serde_saphyr::from_str_with_options::<YamlEntries>(content, options) {
        Ok(YamlEntries(mut entries)) => {
            for entry in &mut entries {
                entry.key_span = clamp_shift(&entry.key_span, base, content.len());
                entry.value_span = clamp_shift(&entry.value_span, base, content.len());
            }
            Ok(entries)
        }
        Err(error) => {
            let at = error
                .location()
                .map(|loc| offset_of_line_col(content, loc.line() as usize, loc.column() as usize))
                .unwrap_or(0);
            Err(FrontMatterError {
                span: located_span(content, base, at),
                message: format!("front matter is not valid YAML: {}", yaml_message(&error)),
            })
        }
    }
}

/// The common case read without a YAML parser: top-level `key: value`
/// lines, and lists of values indented under a key with none. Keys are
/// plain or double-quoted names; values are strings (quoted without
/// escapes, or plain text that cannot be read as anything else), whole
/// numbers, `true`, `false`, `null`, or nothing. Anything else (nested
/// maps, comments, other scalars, duplicate keys, tabs, CRLF) is left to
/// the full parser: `None`. A property test holds this reader to the full
/// parser wherever it answers.
fn flat_yaml(content: &str, base: usize) -> Option<Vec<FmEntry>> {
    let mut entries: Vec<FmEntry> = Vec::new();
    let mut keys: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        // Spaces at the end of a line are not part of its value.
        let line = line.strip_suffix('\n').unwrap_or(line).trim_end_matches(' ');
        if line.is_empty() {
            continue;
        }
        // An item of a list under the previous key, which had no value.
        if let Some(item) = line.strip_prefix("  - ") {
            let entry = entries.last_mut()?;
            let value = flat_yaml_scalar(item)?;
            match &mut entry.value {
                FmValue::List(items) => items.push(value),
                // The list's span is empty, at the first item's dash.
                FmValue::Null if entry.value_span.start == entry.key_span.end => {
                    entry.value = FmValue::List(vec![value]);
                    let dash = base + line_start + 2;
                    entry.value_span = dash..dash;
                }
                _ => return None,
            }
            continue;
        }
        let (key, key_len) = flat_yaml_key(line)?;
        if !keys.insert(key) {
            return None;
        }
        let key_span = base + line_start..base + line_start + key_len;
        let rest = &line[key_len..];
        let entry = if rest == ":" {
            // No value: null, with an empty span at the colon, unless list
            // items follow.
            FmEntry {
                key: key.to_string(),
                value: FmValue::Null,
                value_span: key_span.end..key_span.end,
                key_span,
            }
        } else {
            let value = rest.strip_prefix(": ")?;
            let value_start = key_span.end + 2;
            FmEntry {
                key: key.to_string(),
                value: flat_yaml_scalar(value)?,
                value_span: value_start..value_start + value.len(),
                key_span,
            }
        };
        entries.push(entry);
    }
    Some(entries)
}

/// A key at the start of `line`, and its length as written: a plain name,
/// or one in double quotes.
fn flat_yaml_key(line: &str) -> Option<(&str, usize)> {
    if let Some(quoted) = line.strip_prefix('"') {
        let len = quoted.find('"')?;
        let key = &quoted[..len];
        let simple = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b' '));
        return simple.then_some((key, len + 2));
    }
    let len = line.find(':')?;
    let key = &line[..len];
    let plain = key.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !is_yaml_keyword(key);
    plain.then_some((key, len))
}

/// The value a flat front matter scalar stands for, when it can only be
/// that value.
fn flat_yaml_scalar(value: &str) -> Option<FmValue> {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            let simple =
                !inner.contains([quote, '\\']) && !inner.contains(|c: char| c.is_control() || is_yaml_break(c));
            return simple.then(|| FmValue::Str(inner.to_string()));
        }
    }
    match value {
        "true" => return Some(FmValue::Bool(true)),
        "false" => return Some(FmValue::Bool(false)),
        "null" | "~" => return Some(FmValue::Null),
        _ => {}
    }
    let b = value.as_bytes();
    // Whole numbers, without leading zeros or a plus sign.
    let digits = b.strip_prefix(b"-").unwrap_or(b);
    if !digits.is_empty() && digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
        if digits != b"0" && digits[0] == b'0' {
            return None;
        }
        return value.parse().ok().map(FmValue::Int);
    }
    // A date: YAML's core schema reads it as a string.
    if crate::article::dates::is_plain_iso_date(value) {
        return Some(FmValue::Str(value.to_string()));
    }
    // Plain text: starting with a letter, `/` or `_`, without comments,
    // mapping colons or characters YAML treats specially.
    let first = value.chars().next()?;
    let plain = (first.is_alphabetic() || first == '/' || first == '_')
        && !value.ends_with([' ', ':'])
        && !value.contains(": ")
        && !value.contains(|c: char| c == '#' || c.is_control() || is_yaml_break(c));
    (plain && !is_yaml_keyword(value)).then(|| FmValue::Str(value.to_string()))
}

/// Characters some YAML readers take for line breaks or byte order marks.
fn is_yaml_break(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Words YAML reads as null, a boolean or a number, in values and keys.
fn is_yaml_keyword(word: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity",
    ];
    KEYWORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn parse_toml(content: &str, base: usize) -> Result<Vec<FmEntry>, FrontMatterError> {
    // The spanned reader gives each key's and value's place in one pass.
    match toml::de::DeTable::parse(content) {
        Ok(table) => Ok(table
            .into_inner()
            .into_iter()
            .map(|(key, value)| FmEntry {
                key_span: clamp_shift(&key.span(), base, content.len()),
                value_span: clamp_shift(&value.span(), base, content.len()),
                key: key.into_inner().into_owned(),
                value: FmValue::from_toml(value.into_inner()),
            })
            .collect()),
        Err(error) => {
            let at = error.span().map_or(0, |s| s.start);
            Err(FrontMatterError {
                span: located_span(content, base, at),
                message: format!("front matter is not valid TOML: {}", toml_message(&error)),
            })
        }
    }
}

/// The parser's message, without advice meant for programs that embed it
/// ("set DuplicateKeyPolicy in Options …") and without its own location.
fn yaml_message(error: &serde_saphyr::Error) -> String {
    let text = first_line(&error.to_string());
    let text = text.split(", set DuplicateKeyPolicy").next().unwrap_or(&text);
    let text = text.split(" at line ").next().unwrap_or(text);
    text.trim_end_matches('.').to_string()
}

fn toml_message(error: &toml::de::Error) -> String {
    first_line(error.message())
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").trim().to_string()
}

fn clamp_shift(span: &Range<usize>, base: usize, len: usize) -> Range<usize> {
    let start = span.start.min(len);
    let end = span.end.clamp(start, len);
    base + start..base + end
}

/// A span for an error at byte `at` of `content`: the rest of that line.
fn located_span(content: &str, base: usize, at: usize) -> Range<usize> {
    let mut at = at.min(content.len());
    while !content.is_char_boundary(at) {
        at -= 1;
    }
    let line_end = content[at..].find(['\n', '\r']).map_or(content.len(), |i| at + i);
    base + at..base + line_end.max(at)
}

/// Byte offset of a 1-based line and 1-based character column.
fn offset_of_line_col(content: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (index, text) in content.split_inclusive('\n').enumerate() {
        if index + 1 == line {
            let col = column.saturating_sub(1);
            return offset
                + text
                    .char_indices()
                    .nth(col)
                    .map_or(text.trim_end_matches(['\n', '\r']).len(), |(i, _)| i);
        }
        offset += text.len();
    }
    content.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_entries_carry_spans_of_keys_and_values() {
        let source = "---\ntitle: Peels\nReviewed-By: Dr Ada Obi, MD\n---\n# Body\n";
        let split = split(source);
        let fm = split.front_matter.expect("front matter");
        assert_eq!(split.body_start, source.find("# Body").unwrap());
        let entry = fm.get("reviewed_by").expect("key matched case- and dash-insensitively");
        assert_eq!(&source[entry.key_span.clone()], "Reviewed-By");
        assert_eq!(&source[entry.value_span.clone()], "Dr Ada Obi, MD");
    }

    use proptest::strategy::Strategy;

    /// What the full YAML parser makes of `content`.
    fn full(content: &str) -> Vec<FmEntry> {
        full_yaml(content, 4).expect("valid YAML")
    }

    #[test]
    fn flat_yaml_reads_what_the_full_parser_reads() {
        let content = "title: \"Peels: a guide\"\nauthor: Jamie O'Neil\nreviewed_by: 'Dr Ana Ruiz, MD'\n\
                       reviewed_on: 2026-01-22\nslug: chemical-peels-2\nnote: Zoë Müller (RN)\n\nempty_q: \"\"\n";
        let fast = flat_yaml(content, 4).expect("flat");
        assert_eq!(fast.len(), 7);
        assert_eq!(fast, full(content));
    }

    #[test]
    fn flat_yaml_reads_lists_numbers_and_empty_values_as_the_full_parser_does() {
        let content = "layout: page-breadcrumbs.html\norder: 5\nprivate: true\ndisplay_title:\n\"meta-title\": null\n\
                       aliases:\n  - /health-care/a-guide/\n  - second\nhref: https://www.example.gov/a?b=c\n";
        let fast = flat_yaml(content, 4).expect("flat");
        assert_eq!(fast.len(), 7);
        assert_eq!(
            fast[5].value,
            FmValue::List(vec![
                FmValue::Str("/health-care/a-guide/".into()),
                FmValue::Str("second".into())
            ])
        );
        assert_eq!(fast, full(content));
    }

    #[test]
    fn flat_yaml_leaves_everything_else_to_the_full_parser() {
        for content in [
            "flag: No\n",
            "flag: TRUE\n",
            "zip: 007\n",
            "title: x # comment\n",
            "title: a: b\n",
            "nested:\n  key: value\n",
            "list:\n- a\n",
            "list:\n  - a: b\n",
            "list:\n  - y\n",
            "title: x\n  - a\n",
            "title: \"a\\tb\"\n",
            "title: x\r\n",
            "title: x\ntitle: y\n",
            "\"quoted: key\": x\n",
            "title: [a]\n",
            "title: &anchor x\n",
            "# comment\ntitle: x\n",
            "date: 2026-1-22\n",
            "n: x\n",
        ] {
            assert_eq!(flat_yaml(content, 0), None, "{content:?}");
        }
    }

    /// Front matter scalars of every kind, and text that is none of them.
    fn scalar() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::prop_oneof![
            "[ -~éü’\u{a0}\u{85}\u{2028}\t]{0,12}",
            "[a-zA-Z/_é][ -~éü’]{0,12}",
            "\"[^\"\\\\]{0,8}\"",
            "'[^']{0,8}'",
            "-?[0-9]{1,5}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            proptest::sample::select(
                &[
                    "true", "false", "null", "~", "yes", "No", "y", "n", "TRUE", "Null", "0", "007"
                ][..]
            )
            .prop_map(str::to_string),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// Whatever the fast path accepts, the full parser reads the same.
        #[test]
        fn flat_yaml_agrees_with_the_full_parser(
            lines in proptest::collection::vec(
                (
                    proptest::prop_oneof!["[a-zA-Z_][a-zA-Z0-9_-]{0,6}", "\"[a-z -]{1,8}\""],
                    proptest::option::of(scalar()),
                    proptest::collection::vec(scalar(), 0..3),
                    proptest::bool::ANY,
                    proptest::sample::select(&["", "", " ", "  "][..]),
                ),
                1..5,
            )
        ) {
            use std::fmt::Write;
            let mut content = String::new();
            for (key, value, items, blank, pad) in &lines {
                // Trailing spaces, on some lines.
                match value {
                    Some(value) => writeln!(content, "{key}: {value}{pad}").unwrap(),
                    None => writeln!(content, "{key}:{pad}").unwrap(),
                }
                for item in items {
                    writeln!(content, "  - {item}{pad}").unwrap();
                }
                if *blank {
                    content.push('\n');
                }
            }
            if let Some(fast) = flat_yaml(&content, 4) {
                proptest::prop_assert_eq!(fast, full(&content), "{:?}", content);
            }
        }
    }

    #[test]
    fn toml_entries_are_read() {
        let source = "+++\ntitle = \"Peels\"\nreviewed_on = 2026-01-22\n+++\nBody\n";
        let fm = split(source).front_matter.expect("front matter");
        let entry = fm.get("reviewed_on").unwrap();
        assert_eq!(entry.value, FmValue::Date("2026-01-22".into()));
        assert_eq!(&source[entry.value_span.clone()], "2026-01-22");
    }

    #[test]
    fn unterminated_block_is_an_error_at_the_opening_fence() {
        let split = split("---\ntitle: x\n\n# Heading\n");
        let error = split.error.expect("error");
        assert_eq!(error.span, 0..3);
        assert!(error.message.contains("never closed"));
    }

    #[test]
    fn malformed_yaml_is_located_inside_the_block() {
        let source = "---\ntitle: ok\nbroken: [a, b\n---\n";
        let error = split(source).error.expect("error");
        assert!(error.span.start >= 4, "{error:?}");
        assert!(error.message.starts_with("front matter is not valid YAML"));
    }

    #[test]
    fn duplicate_yaml_keys_are_an_error() {
        let error = split("---\ntitle: a\ntitle: b\n---\n").error.expect("error");
        assert!(error.message.to_lowercase().contains("duplicate"), "{}", error.message);
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let source = "\u{feff}---\r\ntitle: x\r\n---\r\nBody\r\n";
        let split = split(source);
        assert!(split.error.is_none());
        assert_eq!(&source[split.body_start..], "Body\r\n");
    }

    #[test]
    fn no_front_matter_means_body_starts_at_zero() {
        let split = split("# Title\n---\n");
        assert!(split.front_matter.is_none() && split.error.is_none());
        assert_eq!(split.body_start, 0);
    }
}
