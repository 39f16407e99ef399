//! Reading a pack file: every field validated, every error located in the
//! pack file itself.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::config::file::ConfigError;
use crate::diagnostic::Severity;
use crate::packs::{Kind, PackRule, Pattern, Scope, Unless};
use crate::rules::Rule;
use crate::suggest::hint;

type Value<'i> = Spanned<DeValue<'i>>;

const RULE_KEYS: &[&str] = &[
    "name",
    "kind",
    "category",
    "severity",
    "scope",
    "patterns",
    "exceptions",
    "case-sensitive",
    "unless",
    "message",
    "help",
    "docs",
    "example",
];

struct Reader<'a> {
    path: &'a str,
    source: &'a str,
    /// Compile patterns now, so that a pattern too big to compile is
    /// reported against the pack; shipped packs are known to compile.
    compile_now: bool,
}

impl Reader<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>, help: Option<String>) -> ConfigError {
        ConfigError {
            path: self.path.into(),
            source: self.source.to_string(),
            span,
            message: message.into(),
            help,
        }
    }

    fn string(&self, value: &Value<'_>, what: &str) -> Result<String, ConfigError> {
        value
            .get_ref()
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| self.error(value.span(), format!("`{what}` must be a string"), None))
    }

    fn strings(&self, value: &Value<'_>, what: &str) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
        if let Some(text) = value.get_ref().as_str() {
            return Ok(vec![(text.to_string(), value.span())]);
        }
        let array = value.get_ref().as_array().ok_or_else(|| {
            self.error(
                value.span(),
                format!("`{what}` must be a string or an array of strings"),
                None,
            )
        })?;
        array
            .iter()
            .map(|item| Ok((self.string(item, what)?, item.span())))
            .collect()
    }
}

impl Reader<'_> {
    /// A string or list of strings under `key`, each one of the named
    /// `choices`; `noun` names one in messages.
    fn choices<T: Copy>(
        &self,
        value: &Value<'_>,
        key: &str,
        noun: &str,
        choices: &[(&str, T)],
    ) -> Result<Vec<T>, ConfigError> {
        let names: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
        self.strings(value, key)?
            .into_iter()
            .map(|(text, span)| {
                choices
                    .iter()
                    .find(|(name, _)| *name == text)
                    .map(|(_, v)| *v)
                    .ok_or_else(|| {
                        self.error(
                            span,
                            format!("unknown {noun} \"{text}\""),
                            Some(format!("`{key}` takes {}", names.join(", "))),
                        )
                    })
            })
            .collect()
    }
}

/// Parses a pack. `existing` holds the rules already known, whose names a
/// pack rule may not reuse. The rules live for the rest of the process.
pub fn load_pack(path: &str, source: &str, existing: &[&'static Rule]) -> Result<Vec<&'static Rule>, ConfigError> {
    read_pack(
        Reader {
            path,
            source,
            compile_now: true,
        },
        existing,
    )
}

/// Parses a pack shipped in the binary, leaving its patterns to compile
/// when first needed: most runs need only the shared [`super::Prefilter`].
pub(super) fn load_shipped(path: &str, source: &str) -> Result<Vec<&'static Rule>, ConfigError> {
    read_pack(
        Reader {
            path,
            source,
            compile_now: false,
        },
        &[],
    )
}

fn read_pack(reader: Reader<'_>, existing: &[&'static Rule]) -> Result<Vec<&'static Rule>, ConfigError> {
    let source = reader.source;
    let table = DeTable::parse(source).map_err(|error| {
        reader.error(
            error.span().unwrap_or(0..0),
            format!("invalid TOML: {}", error.message().trim()),
            None,
        )
    })?;
    let mut rules: Vec<&'static Rule> = Vec::new();
    for (key, value) in table.get_ref() {
        if key.get_ref().as_ref() != "rules" {
            return Err(reader.error(
                key.span(),
                format!("unknown key \"{}\" in a pack", key.get_ref()),
                Some("a pack holds `[[rules]]` tables".to_string()),
            ));
        }
        let array = value
            .get_ref()
            .as_array()
            .ok_or_else(|| reader.error(value.span(), "`rules` must be written as [[rules]] tables", None))?;
        for item in array.iter() {
            let known: Vec<&'static Rule> = existing.iter().chain(rules.iter()).copied().collect();
            rules.push(read_rule(&reader, item, &known)?);
        }
    }
    if rules.is_empty() {
        return Err(reader.error(
            0..0,
            "the pack defines no rules",
            Some("add a [[rules]] table".to_string()),
        ));
    }
    Ok(rules)
}

fn read_rule(reader: &Reader<'_>, item: &Value<'_>, known: &[&'static Rule]) -> Result<&'static Rule, ConfigError> {
    let table: &DeTable<'_> = item
        .get_ref()
        .as_table()
        .ok_or_else(|| reader.error(item.span(), "a rule must be a table", None))?;
    for (key, _) in table {
        let name = key.get_ref().as_ref();
        if !RULE_KEYS.contains(&name) {
            return Err(reader.error(
                key.span(),
                format!(
                    "unknown key \"{name}\" in a pack rule{}",
                    hint(name, RULE_KEYS.iter().copied())
                ),
                Some(format!("known keys: {}", RULE_KEYS.join(", "))),
            ));
        }
    }
    let required = |key: &str| -> Result<&Value<'_>, ConfigError> {
        table.get(key).ok_or_else(|| {
            reader.error(
                item.span().start..item.span().start,
                format!("pack rule is missing `{key}`"),
                Some(format!(
                    "every rule needs: {}",
                    ["name", "kind", "patterns", "message"].join(", ")
                )),
            )
        })
    };
    let name_value = required("name")?;
    let name = reader.string(name_value, "name")?;
    let well_formed = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.starts_with('-');
    if !well_formed {
        return Err(reader.error(
            name_value.span(),
            format!("rule name \"{name}\" must be lowercase words joined by '-'"),
            None,
        ));
    }
    if known.iter().any(|r| r.name == name) {
        return Err(reader.error(
            name_value.span(),
            format!("a rule named \"{name}\" already exists"),
            None,
        ));
    }
    let kind_value = required("kind")?;
    let kind = match reader.string(kind_value, "kind")?.as_str() {
        "existence" => Kind::Existence,
        other => {
            return Err(reader.error(
                kind_value.span(),
                format!("unknown kind \"{other}\""),
                Some("the kinds are: existence".to_string()),
            ));
        }
    };
    let category = match table.get("category") {
        Some(value) => reader.string(value, "category")?,
        None => "content".to_string(),
    };
    let severity = match table.get("severity") {
        Some(value) => {
            let text = reader.string(value, "severity")?;
            Severity::parse(&text).ok_or_else(|| {
                reader.error(
                    value.span(),
                    format!("invalid severity \"{text}\""),
                    Some("use \"error\", \"warning\" or \"info\"".to_string()),
                )
            })?
        }
        None => Severity::Warning,
    };
    let scopes = match table.get("scope") {
        Some(value) => reader.choices(
            value,
            "scope",
            "scope",
            &[
                ("text", Scope::Text),
                ("heading", Scope::Heading),
                ("table-cell", Scope::TableCell),
                ("list-item", Scope::ListItem),
            ],
        )?,
        None => vec![Scope::Text],
    };
    let case_sensitive = match table.get("case-sensitive") {
        Some(value) => value
            .get_ref()
            .as_bool()
            .ok_or_else(|| reader.error(value.span(), "`case-sensitive` must be true or false", None))?,
        None => false,
    };
    // The regex, and whether a pattern anchors to the start or end of the
    // text or a line (such a rule cannot be prefiltered on joined text).
    let compile = |value: &Value<'_>, what: &str| -> Result<(Option<Pattern>, bool), ConfigError> {
        let patterns = reader.strings(value, what)?;
        // Each pattern must stand alone ("a)|(b" must not pass because the
        // patterns are joined). Parsing is cheap; compiling is the slow part
        // of loading a pack, so the patterns are compiled once, together,
        // and one by one only to find which one is too big.
        let mut anchored = false;
        for (pattern, span) in &patterns {
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(!case_sensitive)
                .build()
                .parse(pattern)
                .map_err(|error| {
                    reader.error(
                        span.clone(),
                        format!("invalid pattern in `{what}`: {}", first_line(&error)),
                        None,
                    )
                })?;
            anchored |= hir.properties().look_set().contains_anchor();
        }
        if patterns.is_empty() {
            return Ok((None, anchored));
        }
        let combined = patterns
            .iter()
            .map(|(p, _)| format!("(?:{p})"))
            .collect::<Vec<_>>()
            .join("|");
        let pattern = Pattern::new(&combined, case_sensitive);
        if !reader.compile_now {
            return Ok((Some(pattern), anchored));
        }
        pattern.compile().map_err(|error| {
            // Too big, most likely: name the pattern that is, if one alone is.
            let culprit = patterns.iter().find_map(|(pattern, span)| {
                let alone = Pattern::new(pattern, case_sensitive);
                alone.compile().err().map(|error| (span, error))
            });
            match culprit {
                Some((span, error)) => reader.error(
                    span.clone(),
                    format!("invalid pattern in `{what}`: {}", first_line(&error)),
                    None,
                ),
                None => reader.error(value.span(), format!("`{what}` together: {}", first_line(&error)), None),
            }
        })?;
        Ok((Some(pattern), anchored))
    };
    let patterns_value = required("patterns")?;
    let (pattern, anchored) = compile(patterns_value, "patterns")?;
    let pattern = pattern.ok_or_else(|| reader.error(patterns_value.span(), "`patterns` must not be empty", None))?;
    let exceptions = match table.get("exceptions") {
        Some(value) => compile(value, "exceptions")?.0,
        None => None,
    };
    let unless = match table.get("unless") {
        Some(value) => reader.choices(
            value,
            "unless",
            "condition",
            &[("cited", Unless::Cited), ("advertising", Unless::Advertising)],
        )?,
        None => Vec::new(),
    };
    let message_value = required("message")?;
    let message = reader.string(message_value, "message")?;
    if message.is_empty() || message.starts_with(|c: char| c.is_uppercase()) || message.ends_with('.') {
        return Err(reader.error(
            message_value.span(),
            "a message starts lowercase and has no trailing period",
            None,
        ));
    }
    let help = table.get("help").map(|v| reader.string(v, "help")).transpose()?;
    let mut docs = match table.get("docs") {
        Some(value) => reader.string(value, "docs")?.trim().to_string(),
        None => format!("## What it does\nReports {message}."),
    };
    if let Some(example) = table.get("example") {
        let example_table = example
            .get_ref()
            .as_table()
            .ok_or_else(|| reader.error(example.span(), "`example` must be a table with `fail` and `pass`", None))?;
        let part = |key: &str| -> Result<String, ConfigError> {
            let value = example_table
                .get(key)
                .ok_or_else(|| reader.error(example.span(), format!("`example` needs `{key}`"), None))?;
            Ok(reader.string(value, key)?.trim_end().to_string())
        };
        let (fail, pass) = (part("fail")?, part("pass")?);
        docs.push_str(&format!(
            "\n\n## Example\n```markdown\n{fail}\n```\n\nUse instead:\n```markdown\n{pass}\n```"
        ));
    }
    let pack: &'static PackRule = Box::leak(Box::new(PackRule {
        kind,
        scopes,
        pattern,
        anchored,
        exceptions,
        unless,
        message,
        help,
        source: reader.path.to_string(),
    }));
    let rule = Rule {
        name: leak(name),
        category: leak(category),
        default_severity: severity,
        raw_docs: leak(docs),
        check: crate::packs::check,
        pack: Some(pack),
    };
    Ok(Box::leak(Box::new(rule)))
}

fn first_line(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    text.lines().last().unwrap_or("").trim().to_string()
}

/// Rules are built once per run and live until it ends.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(source: &str) -> (String, String) {
        let error = load_pack("house.toml", source, &[]).expect_err("invalid");
        (source[error.span.clone()].to_string(), error.message)
    }

    const GOOD: &str = r#"[[rules]]
name = "no-superfoods"
kind = "existence"
patterns = ['\bsuperfoods?\b']
message = "avoid {match}"
"#;

    #[test]
    fn a_minimal_pack_loads() {
        let rules = load_pack("house.toml", GOOD, &[]).unwrap();
        assert_eq!(rules[0].name, "no-superfoods");
        assert_eq!(rules[0].category, "content");
        assert_eq!(rules[0].default_severity, Severity::Warning);
        assert!(rules[0].pack.unwrap().pattern.regex().is_match("Eat more SUPERFOODS"));
    }

    #[test]
    fn errors_point_at_the_fault() {
        assert_eq!(
            error_of(&GOOD.replace(r"'\bsuperfoods?\b'", r"'(unclosed'")),
            (
                "'(unclosed'".to_string(),
                "invalid pattern in `patterns`: error: unclosed group".to_string()
            )
        );
        let (at, message) = error_of(&GOOD.replace("kind = \"existence\"", "kind = \"substitution\""));
        assert_eq!(
            (at.as_str(), message.as_str()),
            ("\"substitution\"", "unknown kind \"substitution\"")
        );
        let (at, message) = error_of(&GOOD.replace("message = ", "mesage = "));
        assert_eq!(at, "mesage");
        assert!(message.contains("did you mean \"message\"?"), "{message}");
        let (_, message) = error_of(&GOOD.replace("message = \"avoid {match}\"\n", ""));
        assert_eq!(message, "pack rule is missing `message`");
        let (_, message) = error_of(&GOOD.replace("avoid {match}", "Avoid {match}."));
        assert_eq!(message, "a message starts lowercase and has no trailing period");
        let (at, message) = error_of(&GOOD.replace("no-superfoods", "No Superfoods"));
        assert_eq!(at, "\"No Superfoods\"");
        assert!(message.contains("lowercase words"));
    }

    #[test]
    fn names_cannot_collide() {
        let first = load_pack("a.toml", GOOD, &[]).unwrap();
        let error = load_pack("b.toml", GOOD, &first).unwrap_err();
        assert_eq!(error.message, "a rule named \"no-superfoods\" already exists");
    }

    #[test]
    fn a_pattern_cannot_reach_into_its_neighbours() {
        // Joined as "(?:superfoods?)|(?:x)|(y)" this would compile; alone it
        // is an unbalanced group.
        let sneaky = GOOD.replace(r"'\bsuperfoods?\b'", r"'x)|(y'");
        assert_ne!(sneaky, GOOD);
        let (_, message) = error_of(&sneaky);
        assert!(message.contains("invalid pattern in `patterns`"), "{message}");
    }

    #[test]
    fn oversized_patterns_are_refused() {
        let huge = GOOD.replace(r"'\bsuperfoods?\b'", r"'\w{1000}\w{1000}\w{1000}'");
        let (_, message) = error_of(&huge);
        assert!(message.contains("invalid pattern"), "{message}");
    }
}
