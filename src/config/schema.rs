//! What `medlint.toml` may hold, as data: every table and key with its
//! kind and what it does. The loader takes its lists of known keys from
//! here (so an unknown key's "known keys" help is this list), and
//! [`json_schema`] turns it into the JSON Schema published as
//! `medlint.schema.json` for editors (Taplo, Even Better TOML); a test keeps
//! the published file equal to what this generates.

use serde_json::{Value, json};

/// The kind of a key's value.
pub enum Kind {
    Bool,
    String,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// A duration such as "24 months", in these units.
    Duration(&'static [&'static str]),
    PositiveNumber,
    PositiveInteger,
    Strings,
    /// A string, or an array of strings.
    StringOrStrings,
    /// A table of these keys.
    Table(&'static [Key]),
    /// A table whose keys are free (rule names, front matter keys), each
    /// value of this kind.
    Map(&'static Kind),
    /// `[[name]]` tables of these keys.
    Tables(&'static [Key]),
}

/// One key of a table.
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub description: &'static str,
    pub required: bool,
}

const fn key(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        description,
        required: false,
    }
}

pub const SEVERITIES: &[&str] = &["error", "warning", "info", "off"];
pub const FIELDS: &[&str] = &[
    "author",
    "reviewed_by",
    "reviewed_on",
    "published",
    "updated",
    "next_review",
];
const SEVERITY: Kind = Kind::OneOf(SEVERITIES);

pub const SECTIONS: &[Key] = &[
    key(
        "required",
        Kind::Strings,
        "Sections every article must have (missing-section): takeaways, faq, bottom-line or keys given aliases.",
    ),
    key(
        "aliases",
        Kind::Map(&Kind::Strings),
        "Headings that count as each required section, matched ignoring case and punctuation.",
    ),
];

pub const REVIEW: &[Key] = &[
    key(
        "max-age",
        Kind::Duration(&["months", "years"]),
        "A review is stale this long after its date (stale-review), e.g. \"24 months\".",
    ),
    key(
        "warn-before",
        Kind::Duration(&["days", "weeks", "months"]),
        "Warn this long before a review goes stale (review-due-soon), e.g. \"60 days\".",
    ),
    key(
        "allow-self-review",
        Kind::Bool,
        "Allow the author to be the medical reviewer (self-review).",
    ),
    key(
        "credentials",
        Kind::Strings,
        "Reviewer credentials accepted besides the built-in list (MD, DO, RN, PharmD, ...).",
    ),
    key(
        "allow-phd-mph",
        Kind::Bool,
        "Accept PhD and MPH as reviewer credentials.",
    ),
];

pub const DATES: &[Key] = &[key(
    "order",
    Kind::OneOf(&["mdy", "dmy"]),
    "How to read all-numeric dates such as 03/04/2026; unset, they are ambiguous (invalid-date).",
)];

pub const READABILITY: &[Key] = &[
    key(
        "max-grade",
        Kind::PositiveNumber,
        "Highest Flesch-Kincaid grade of the body (reading-level).",
    ),
    key(
        "max-words",
        Kind::PositiveInteger,
        "Longest sentence, in words (long-sentence).",
    ),
];

pub const OVERRIDES: &[Key] = &[
    Key {
        name: "paths",
        kind: Kind::Strings,
        description: "Globs of the files these severities apply to, e.g. \"drafts/**\".",
        required: true,
    },
    key(
        "rules",
        Kind::Map(&SEVERITY),
        "Severity per rule or category for those files.",
    ),
];

/// The top-level keys.
pub const FILES: &[Key] = &[
    key(
        "extensions",
        Kind::Strings,
        "Further extensions a walk picks besides .md, .markdown, .mdx, .html and .htm, e.g. [\"txt\"].",
    ),
    key(
        "include",
        Kind::Strings,
        "Globs of further files a walk picks, from this file's directory, e.g. [\"exports/**/*.txt\"].",
    ),
];

const CUE_LISTS: Kind = Kind::Map(&Kind::Strings);

pub const MEDICATION: &[Key] = &[
    key(
        "abbreviations",
        Kind::Map(&Kind::String),
        "Further error-prone abbreviations and their written-out forms, counted in a sentence with a dose (unsafe-abbreviation). QHS = \"at bedtime\"",
    ),
    key(
        "reference-max-age",
        Kind::String,
        "How old a cited source may be before stale-reference reports it, in months or years (\"10 years\", the default).",
    ),
];

pub const CLAIMS: &[Key] = &[
    key(
        "populations",
        CUE_LISTS,
        "Groups of people: figures about different groups are not compared. name = [\"word\", ...]",
    ),
    key(
        "variants",
        CUE_LISTS,
        "Versions of a treatment: figures about different versions are not compared.",
    ),
    key(
        "attributes",
        CUE_LISTS,
        "Aspects (onset, how long it lasts): figures about different aspects are not compared.",
    ),
    key(
        "medicines",
        CUE_LISTS,
        "Medicines and their other names (brands): doses of different medicines are not compared. ibuprofen = [\"ibuprofen\", \"advil\"]",
    ),
    key("synonyms", CUE_LISTS, "Words that name the same thing."),
];

pub const ARTICLES: &[Key] = &[
    key(
        "include",
        Kind::StringOrStrings,
        "Globs of the pages that can be articles; unset, every page can. A glob without / matches a name anywhere.",
    ),
    key(
        "exclude",
        Kind::StringOrStrings,
        "Globs of pages that are not articles (glossary, redirects, fragments, landing pages).",
    ),
    key(
        "front-matter",
        Kind::Map(&Kind::StringOrStrings),
        "Front matter an article has: key = value or [values], ignoring case; \"*\" wants any value.",
    ),
    key(
        "exclude-front-matter",
        Kind::Map(&Kind::StringOrStrings),
        "Front matter that makes a page no article, e.g. layout = \"glossary-word\"; any one condition suffices.",
    ),
    key(
        "min-words",
        Kind::PositiveInteger,
        "Pages with fewer words in their body are not articles (stubs, redirects, fragments).",
    ),
];

pub const TOP: &[Key] = &[
    key(
        "extends",
        Kind::StringOrStrings,
        "Config files this one builds on, relative to it, applied first and in order; what this file sets wins.",
    ),
    key(
        "baseline",
        Kind::String,
        "A baseline file (from `medlint check --write-baseline`), relative to this file: the findings it records are not reported.",
    ),
    key(
        "articles",
        Kind::Table(ARTICLES),
        "Which pages are articles: structure and review rules run on articles only.",
    ),
    key(
        "exclude",
        Kind::Strings,
        "Files and directories not to lint, replacing the default list (README.*, CHANGELOG.*, LICENSE*, ...). \
         A glob without / matches a name anywhere; one with / matches from this file's directory.",
    ),
    key(
        "extend-exclude",
        Kind::Strings,
        "Files and directories not to lint, besides the default list or `exclude`.",
    ),
    key(
        "include",
        Kind::Strings,
        "The files a walk lints, instead of articles, e.g. [\"*.md\", \"docs/**/*.txt\"]; [files] adds to articles instead.",
    ),
    key(
        "allow-empty",
        Kind::Bool,
        "A run that finds no article exits 0 instead of 2.",
    ),
    key(
        "packs",
        Kind::Strings,
        "Rule packs to load: paths or globs relative to this file, inside its directory.",
    ),
    key(
        "rules",
        Kind::Map(&SEVERITY),
        "Severity per rule or category: error, warning, info or off.",
    ),
    key(
        "sections",
        Kind::Table(SECTIONS),
        "Required sections and their aliases.",
    ),
    key("review", Kind::Table(REVIEW), "Medical review policy."),
    key(
        "front-matter",
        Kind::Map(&Kind::OneOf(FIELDS)),
        "Further front matter keys read as known fields, e.g. revised = \"updated\".",
    ),
    key("dates", Kind::Table(DATES), "How dates are read."),
    key("readability", Kind::Table(READABILITY), "Readability limits."),
    key(
        "files",
        Kind::Table(FILES),
        "Files a walk picks besides articles: plain-text copies of pages and the like.",
    ),
    key(
        "claims",
        Kind::Table(CLAIMS),
        "Further cue words for comparing figures (inconsistent-number).",
    ),
    key(
        "medication",
        Kind::Table(MEDICATION),
        "Medication rules: further error-prone dose abbreviations.",
    ),
    key(
        "overrides",
        Kind::Tables(OVERRIDES),
        "Other severities for some files; later tables win.",
    ),
];

/// The names of `keys`, for "known keys" messages.
pub fn names(keys: &[Key]) -> Vec<&'static str> {
    keys.iter().map(|k| k.name).collect()
}

fn kind_schema(kind: &Kind) -> Value {
    match kind {
        Kind::Bool => json!({"type": "boolean"}),
        Kind::String => json!({"type": "string"}),
        Kind::OneOf(values) => json!({"type": "string", "enum": values}),
        Kind::Duration(units) => json!({
            "type": "string",
            "pattern": format!("^\\s*[0-9]+\\s+({})\\s*$", units.iter().map(|u| format!("{}s?", u.trim_end_matches('s'))).collect::<Vec<_>>().join("|")),
        }),
        Kind::PositiveNumber => json!({"type": "number", "exclusiveMinimum": 0}),
        Kind::PositiveInteger => json!({"type": "integer", "minimum": 1}),
        Kind::Strings => json!({"type": "array", "items": {"type": "string"}}),
        Kind::StringOrStrings => json!({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
        Kind::Table(keys) => table_schema(keys),
        Kind::Map(values) => json!({"type": "object", "additionalProperties": kind_schema(values)}),
        Kind::Tables(keys) => json!({"type": "array", "items": table_schema(keys)}),
    }
}

fn table_schema(keys: &[Key]) -> Value {
    let properties: serde_json::Map<String, Value> = keys
        .iter()
        .map(|k| {
            let mut schema = kind_schema(&k.kind);
            schema["description"] = json!(k.description);
            (k.name.to_string(), schema)
        })
        .collect();
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

/// The JSON Schema of `medlint.toml`.
pub fn json_schema() -> Value {
    let mut schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "medlint.toml",
        "description": "Configuration of medlint, the linter for consumer health articles.",
    });
    if let (Some(head), Value::Object(body)) = (schema.as_object_mut(), table_schema(TOP)) {
        head.extend(body);
    }
    schema
}

/// The schema as published: pretty JSON with a final line break.
pub fn json_schema_text() -> String {
    serde_json::to_string_pretty(&json_schema()).expect("a schema serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published `medlint.schema.json` is what the key list generates.
    /// After changing the config, regenerate it with
    /// `MEDLINT_WRITE_SCHEMA=1 cargo test --lib schema`.
    #[test]
    fn the_published_schema_is_up_to_date() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("medlint.schema.json");
        let generated = json_schema_text();
        if std::env::var_os("MEDLINT_WRITE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            published == generated,
            "medlint.schema.json is out of date: run `MEDLINT_WRITE_SCHEMA=1 cargo test --lib schema`"
        );
    }

    /// Every key of the shipped template is in the schema, at its place.
    #[test]
    fn the_template_fits_the_schema() {
        let template: toml::Table = crate::config::template::DEFAULT_CONFIG.parse().unwrap();
        fn check(table: &toml::Table, keys: &[Key], place: &str) {
            for (name, value) in table {
                let key = keys
                    .iter()
                    .find(|k| k.name == name)
                    .unwrap_or_else(|| panic!("{place}{name} is not in the schema"));
                if let (Kind::Table(inner), Some(table)) = (&key.kind, value.as_table()) {
                    check(table, inner, &format!("{place}{name}."));
                }
            }
        }
        check(&template, TOP, "");
    }
}
