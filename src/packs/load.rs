//! Reading a pack file: every field validated, every error located in the
//! pack file itself.

use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use crate::diagnostic::{Category, Severity};
use crate::packs::{Kind, PackRule, Pattern, Scope, Unless};
use crate::toml_file::{FileError, TomlFile, Value};

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

/// Keys every pack rule must have.
const REQUIRED_KEYS: [&str; 4] = ["name", "kind", "patterns", "message"];

/// Parses a pack. `taken` says whether a rule name is already in use; a
/// pack rule may not reuse one. The rules live for the rest of the process.
pub fn load_pack(path: &Path, source: &str, taken: &dyn Fn(&str) -> bool) -> Result<Vec<&'static PackRule>, FileError> {
    read_pack(TomlFile::new(path, source), true, taken)
}

/// Parses a pack shipped in the binary, leaving its patterns to compile
/// when first needed: most runs need only the shared search.
pub(super) fn load_shipped(path: &str, source: &str) -> Result<Vec<&'static PackRule>, FileError> {
    read_pack(TomlFile::new(Path::new(path), source), false, &|_| false)
}

fn read_pack(
    file: TomlFile<'_>,
    compile_now: bool,
    taken: &dyn Fn(&str) -> bool,
) -> Result<Vec<&'static PackRule>, FileError> {
    let table = file.parse()?;
    let mut rules: Vec<&'static PackRule> = Vec::new();
    for (key, value) in table.get_ref() {
        if key.get_ref().as_ref() != "rules" {
            return Err(file.error(
                key.span(),
                format!("unknown key \"{}\" in a pack", key.get_ref()),
                Some("a pack holds `[[rules]]` tables".to_string()),
            ));
        }
        let array = value
            .get_ref()
            .as_array()
            .ok_or_else(|| file.error(value.span(), "`rules` must be written as [[rules]] tables", None))?;
        for item in array.iter() {
            let reader = RuleReader::new(file, item, compile_now)?;
            let in_use = |name: &str| taken(name) || rules.iter().any(|r| r.name == name);
            let rule = reader.read(&in_use)?;
            rules.push(Box::leak(Box::new(rule)));
        }
    }
    if rules.is_empty() {
        return Err(file.error(
            0..0,
            "the pack defines no rules",
            Some("add a [[rules]] table".to_string()),
        ));
    }
    Ok(rules)
}

/// One `[[rules]]` table being read, a key at a time.
struct RuleReader<'a, 'i> {
    file: TomlFile<'a>,
    item: &'a Value<'i>,
    table: &'a DeTable<'i>,
    /// Compile patterns now, so that a pattern too big to compile is
    /// reported against the pack; shipped packs are known to compile.
    compile_now: bool,
}

impl<'a, 'i> RuleReader<'a, 'i> {
    fn new(file: TomlFile<'a>, item: &'a Value<'i>, compile_now: bool) -> Result<Self, FileError> {
        let table = item
            .get_ref()
            .as_table()
            .ok_or_else(|| file.error(item.span(), "a rule must be a table", None))?;
        for (key, _) in table {
            if !RULE_KEYS.contains(&key.get_ref().as_ref()) {
                return Err(file.unknown_key(key, " in a pack rule", RULE_KEYS));
            }
        }
        Ok(RuleReader {
            file,
            item,
            table,
            compile_now,
        })
    }

    fn read(&self, taken: &dyn Fn(&str) -> bool) -> Result<PackRule, FileError> {
        let name = self.name(taken)?;
        let kind = self.kind()?;
        let category = self.category()?;
        let severity = self.severity()?;
        let scopes = match self.table.get("scope") {
            Some(value) => self.file.choices(
                value,
                "scope",
                "scope",
                &[
                    ("text", Scope::Text),
                    ("heading", Scope::Heading),
                    ("table-cell", Scope::TableCell),
                    ("list-item", Scope::ListItem),
                    ("title", Scope::Title),
                ],
            )?,
            None => vec![Scope::Text],
        };
        let case_sensitive = match self.table.get("case-sensitive") {
            Some(value) => self.file.bool(value, "`case-sensitive`")?,
            None => false,
        };
        let patterns_value = self.required("patterns")?;
        let (pattern, anchored) = self.patterns(patterns_value, "patterns", case_sensitive)?;
        let pattern = pattern.ok_or_else(|| {
            self.file
                .error(patterns_value.span(), "`patterns` must not be empty", None)
        })?;
        let exceptions = match self.table.get("exceptions") {
            Some(value) => self.patterns(value, "exceptions", case_sensitive)?.0,
            None => None,
        };
        let unless = match self.table.get("unless") {
            Some(value) => self.file.choices(
                value,
                "unless",
                "condition",
                &[("cited", Unless::Cited), ("advertising", Unless::Advertising)],
            )?,
            None => Vec::new(),
        };
        let message = self.message()?;
        let help = self.optional_string("help")?;
        let docs = self.docs(&message)?;
        Ok(PackRule {
            name: leak(name),
            category,
            severity,
            docs: leak(docs),
            kind,
            scopes,
            pattern,
            anchored,
            exceptions,
            unless,
            message,
            help,
            source: self.file.path.display().to_string(),
        })
    }

    fn required(&self, key: &str) -> Result<&'a Value<'i>, FileError> {
        self.table.get(key).ok_or_else(|| {
            let at = self.item.span().start;
            self.file.error(
                at..at,
                format!("pack rule is missing `{key}`"),
                Some(format!("every rule needs: {}", REQUIRED_KEYS.join(", "))),
            )
        })
    }

    fn string(&self, value: &Value<'_>, key: &str) -> Result<String, FileError> {
        Ok(self.file.string(value, &format!("`{key}`"))?.to_string())
    }

    fn optional_string(&self, key: &str) -> Result<Option<String>, FileError> {
        self.table.get(key).map(|v| self.string(v, key)).transpose()
    }

    fn name(&self, taken: &dyn Fn(&str) -> bool) -> Result<String, FileError> {
        let value = self.required("name")?;
        let name = self.string(value, "name")?;
        let well_formed = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !name.starts_with('-');
        if !well_formed {
            return Err(self.file.error(
                value.span(),
                format!("rule name \"{name}\" must be lowercase words joined by '-'"),
                None,
            ));
        }
        if taken(&name) {
            return Err(self
                .file
                .error(value.span(), format!("a rule named \"{name}\" already exists"), None));
        }
        Ok(name)
    }

    fn kind(&self) -> Result<Kind, FileError> {
        let value = self.required("kind")?;
        match self.string(value, "kind")?.as_str() {
            "existence" => Ok(Kind::Existence),
            other => Err(self.file.error(
                value.span(),
                format!("unknown kind \"{other}\""),
                Some("the kinds are: existence".to_string()),
            )),
        }
    }

    fn category(&self) -> Result<Category, FileError> {
        Ok(match self.optional_string("category")? {
            Some(name) => Category::builtin(&name).unwrap_or_else(|| Category::Other(leak(name))),
            None => Category::Content,
        })
    }

    fn severity(&self) -> Result<Severity, FileError> {
        let Some(value) = self.table.get("severity") else {
            return Ok(Severity::Warning);
        };
        let text = self.string(value, "severity")?;
        Severity::parse(&text).ok_or_else(|| {
            self.file.error(
                value.span(),
                format!("invalid severity \"{text}\""),
                Some("use \"error\", \"warning\" or \"info\"".to_string()),
            )
        })
    }

    fn message(&self) -> Result<String, FileError> {
        let value = self.required("message")?;
        let message = self.string(value, "message")?;
        if message.is_empty() || message.starts_with(|c: char| c.is_uppercase()) || message.ends_with('.') {
            return Err(self.file.error(
                value.span(),
                "a message starts lowercase and has no trailing period",
                None,
            ));
        }
        Ok(message)
    }

    /// The docs, with the example appended as the built-in rules' docs have it.
    fn docs(&self, message: &str) -> Result<String, FileError> {
        let mut docs = match self.optional_string("docs")? {
            Some(docs) => docs.trim().to_string(),
            None => format!("## What it does\nReports {message}."),
        };
        if let Some(example) = self.table.get("example") {
            let table = example.get_ref().as_table().ok_or_else(|| {
                self.file
                    .error(example.span(), "`example` must be a table with `fail` and `pass`", None)
            })?;
            let part = |key: &str| -> Result<String, FileError> {
                let value = table.get(key).ok_or_else(|| {
                    self.file
                        .error(example.span(), format!("`example` needs `{key}`"), None)
                })?;
                Ok(self.string(value, key)?.trim_end().to_string())
            };
            let (fail, pass) = (part("fail")?, part("pass")?);
            docs.push_str(&format!(
                "\n\n## Example\n```markdown\n{fail}\n```\n\nUse instead:\n```markdown\n{pass}\n```"
            ));
        }
        Ok(docs)
    }

    /// The patterns under `key`, joined into one, and whether any anchors
    /// to the start or end of the text or a line (such a rule cannot use
    /// the shared search over joined text).
    fn patterns(
        &self,
        value: &Value<'_>,
        key: &str,
        case_sensitive: bool,
    ) -> Result<(Option<Pattern>, bool), FileError> {
        let what = format!("`{key}`");
        let patterns = self.file.string_or_strings(value, &what)?;
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
                .map_err(|error| self.invalid_pattern(span, &what, &error))?;
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
        if self.compile_now {
            pattern
                .compile()
                .map_err(|error| self.too_big(value, &what, &patterns, case_sensitive, &error))?;
        }
        Ok((Some(pattern), anchored))
    }

    fn invalid_pattern(&self, span: &Range<usize>, what: &str, error: &impl std::fmt::Display) -> FileError {
        self.file.error(
            span.clone(),
            format!("invalid pattern in {what}: {}", first_line(error)),
            None,
        )
    }

    /// Joined patterns that do not compile (too big, most likely): names
    /// the pattern that is, if one alone is.
    fn too_big(
        &self,
        value: &Value<'_>,
        what: &str,
        patterns: &[(String, Range<usize>)],
        case_sensitive: bool,
        error: &regex::Error,
    ) -> FileError {
        let culprit = patterns.iter().find_map(|(pattern, span)| {
            let alone = Pattern::new(pattern, case_sensitive);
            alone.compile().err().map(|error| (span, error))
        });
        match culprit {
            Some((span, error)) => self.invalid_pattern(span, what, &error),
            None => self
                .file
                .error(value.span(), format!("{what} together: {}", first_line(error)), None),
        }
    }
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

    fn load(path: &str, source: &str) -> Result<Vec<&'static PackRule>, FileError> {
        load_pack(Path::new(path), source, &|_| false)
    }

    fn error_of(source: &str) -> (String, String) {
        let error = load("house.toml", source).expect_err("invalid");
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
        let rules = load("house.toml", GOOD).unwrap();
        assert_eq!(rules[0].name, "no-superfoods");
        assert_eq!(rules[0].category, Category::Content);
        assert_eq!(rules[0].severity, Severity::Warning);
        assert!(rules[0].pattern.regex().is_match("Eat more SUPERFOODS"));
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
        let first = load("a.toml", GOOD).unwrap();
        let taken = |name: &str| first.iter().any(|r| r.name == name);
        let error = load_pack(Path::new("b.toml"), GOOD, &taken).unwrap_err();
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
