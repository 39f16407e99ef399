//! Review metadata a published page declares for machines: schema.org
//! JSON-LD (`MedicalWebPage`, `Article`, … with `reviewedBy`,
//! `lastReviewed`, `author`, `datePublished`, `dateModified`, in an
//! `@graph` too) and `<meta>` tags. Each value becomes a field like a front
//! matter entry, with the span of its text in the page, so that the review
//! rules treat every format alike.

use std::ops::Range;

use jsonc_parser::ast::{Object, Value};
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::article::front_matter::{FmValue, FrontMatterError};
use crate::article::review::Origin;

/// A review field a page declares, keyed as front matter would be.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredField {
    /// A front matter key (`reviewed_by`, `last_reviewed`, `date_modified`, …).
    pub key: String,
    pub value: FmValue,
    /// The value's text in the page.
    pub span: Range<usize>,
    pub origin: Origin,
}

/// The schema.org properties read, and the front matter key each fills.
const PROPERTIES: &[(&str, &str)] = &[
    ("reviewedBy", "reviewed_by"),
    ("lastReviewed", "last_reviewed"),
    ("author", "author"),
    ("datePublished", "date_published"),
    ("dateModified", "date_modified"),
];

/// Types whose properties describe the page itself; their values come
/// before those of other nodes in the graph.
const PAGE_TYPES: &[&str] = &[
    "MedicalWebPage",
    "WebPage",
    "Article",
    "MedicalScholarlyArticle",
    "ScholarlyArticle",
    "NewsArticle",
    "BlogPosting",
    "HealthTopicContent",
    "Report",
];

/// Reads the body of one `<script type="application/ld+json">`, which
/// starts at byte `base` of the page, into `out`. JSON that does not parse
/// is an error located at its fault.
pub fn read_json_ld(script: &str, base: usize, out: &mut Vec<DeclaredField>) -> Result<(), FrontMatterError> {
    if script.trim().is_empty() {
        return Ok(());
    }
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed = jsonc_parser::parse_to_ast(script, &CollectOptions::default(), &strict).map_err(|error| {
        let range = error.range();
        let start = range.start.min(script.len());
        // A fault at a line break (a missing comma) is shown where the
        // line ends, not as the break itself.
        let end = if script[start..].starts_with(['\n', '\r']) {
            start
        } else {
            range.end.clamp(start, script.len())
        };
        let kind = error.kind().to_string();
        FrontMatterError {
            span: base + start..base + end,
            message: format!("schema.org JSON-LD does not parse: {}", lowercase_first(&kind)),
        }
    })?;
    let Some(root) = parsed.value else {
        return Ok(());
    };
    let nodes = graph_nodes(&root);
    let reader = GraphReader { nodes: &nodes, base };
    // Page and article nodes first: their author is the article's author.
    let (page, other): (Vec<&Object>, Vec<&Object>) = nodes.iter().partition(|node| is_page_node(node));
    for node in page.into_iter().chain(other) {
        reader.read_node(node, out);
    }
    Ok(())
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The top-level nodes: the root object or array items, and the items of
/// any `@graph`.
fn graph_nodes<'v, 'a>(root: &'v Value<'a>) -> Vec<&'v Object<'a>> {
    let mut nodes = Vec::new();
    let tops: Vec<&Value> = match root {
        Value::Array(array) => array.elements.iter().collect(),
        other => vec![other],
    };
    for top in tops {
        let Value::Object(object) = top else { continue };
        nodes.push(object);
        if let Some(graph) = object.get_array("@graph") {
            nodes.extend(graph.elements.iter().filter_map(|v| match v {
                Value::Object(o) => Some(o),
                _ => None,
            }));
        }
    }
    nodes
}

fn is_page_node(node: &Object) -> bool {
    let types: Vec<&str> = match node.get("@type").map(|p| &p.value) {
        Some(Value::StringLit(s)) => vec![s.value.as_ref()],
        Some(Value::Array(array)) => array
            .elements
            .iter()
            .filter_map(|v| match v {
                Value::StringLit(s) => Some(s.value.as_ref()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    types.iter().any(|t| PAGE_TYPES.contains(t))
}

/// Reads properties of graph nodes, resolving `{"@id": …}` references.
struct GraphReader<'n, 'a> {
    nodes: &'n [&'n Object<'a>],
    base: usize,
}

impl GraphReader<'_, '_> {
    fn read_node(&self, node: &Object, out: &mut Vec<DeclaredField>) {
        for (property, key) in PROPERTIES {
            let Some(prop) = node.get(property) else { continue };
            let Some((value, span)) = self.value_of(&prop.value, 0) else {
                continue;
            };
            out.push(DeclaredField {
                key: key.to_string(),
                value,
                span,
                origin: Origin::SchemaOrg(property.to_string()),
            });
        }
    }

    /// The span of a string literal's text, inside its quotes.
    fn inner_span(&self, range: jsonc_parser::common::Range) -> Range<usize> {
        let start = self.base + range.start + 1;
        let end = (self.base + range.end).saturating_sub(1).max(start);
        start..end
    }

    /// A property value as front matter would hold it: a string, a person
    /// (`name` with `honorificSuffix` or `jobTitle`, written as "Name,
    /// MD"), or a list of them. `depth` bounds reference chasing.
    fn value_of(&self, value: &Value, depth: usize) -> Option<(FmValue, Range<usize>)> {
        match value {
            Value::StringLit(s) if !s.value.trim().is_empty() => {
                Some((FmValue::Str(s.value.to_string()), self.inner_span(s.range)))
            }
            Value::Array(array) => {
                let items: Vec<(FmValue, Range<usize>)> =
                    array.elements.iter().filter_map(|v| self.value_of(v, depth)).collect();
                let span = items.first()?.1.clone();
                Some((FmValue::List(items.into_iter().map(|(v, _)| v).collect()), span))
            }
            Value::Object(object) => self.person(object, depth),
            _ => None,
        }
    }

    fn person(&self, object: &Object, depth: usize) -> Option<(FmValue, Range<usize>)> {
        if let Some(name) = object.get_string("name").filter(|n| !n.value.trim().is_empty()) {
            let suffix = object
                .get_string("honorificSuffix")
                .or_else(|| object.get_string("jobTitle"))
                .map(|s| s.value.trim().to_string())
                .filter(|s| !s.is_empty());
            let text = match suffix {
                Some(suffix) => format!("{}, {suffix}", name.value.trim()),
                None => name.value.trim().to_string(),
            };
            return Some((FmValue::Str(text), self.inner_span(name.range)));
        }
        // `{"@id": "#reviewer"}`: the node of the graph with that id.
        let id = object.get_string("@id")?;
        if depth > 2 {
            return None;
        }
        let target = self.nodes.iter().find(|node| {
            !std::ptr::eq(**node, object) && node.get_string("@id").is_some_and(|other| other.value == id.value)
        })?;
        self.person(target, depth + 1)
    }
}

/// The front matter key a `<meta>` tag's name or property stands for, if
/// any: Open Graph, Dublin Core and citation names for the publish and
/// update dates and the author, else the name itself (`reviewed_by`,
/// `last_reviewed`, or a key the config maps).
pub fn meta_key(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    let key = match lower.as_str() {
        "article:author" | "dc.creator" | "dcterms.creator" | "citation_author" => "author",
        "article:published_time"
        | "og:published_time"
        | "dc.date"
        | "dcterms.created"
        | "dcterms.issued"
        | "dc.date.issued"
        | "citation_publication_date"
        | "datepublished" => "date_published",
        "article:modified_time"
        | "og:updated_time"
        | "dcterms.modified"
        | "dc.date.modified"
        | "last-modified"
        | "datemodified" => "date_modified",
        "lastreviewed" | "last-reviewed" | "dc.date.reviewed" => "last_reviewed",
        "reviewedby" | "reviewed-by" => "reviewed_by",
        _ => return lower,
    };
    key.to_string()
}

/// A `<meta name|property="…" content="…">` tag as a declared field, when
/// its content is not a link (Open Graph authors are often profile URLs).
pub fn meta_field(name: &str, content: &str, span: Range<usize>) -> Option<DeclaredField> {
    let content = content.trim();
    if content.is_empty() || content.contains("://") {
        return None;
    }
    Some(DeclaredField {
        key: meta_key(name),
        value: FmValue::Str(content.to_string()),
        span,
        origin: Origin::MetaTag(name.trim().to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(script: &str) -> Result<Vec<DeclaredField>, FrontMatterError> {
        let mut out = Vec::new();
        read_json_ld(script, 0, &mut out).map(|()| out)
    }

    #[test]
    fn graph_nodes_people_and_references() {
        let script = r##"{"@context": "https://schema.org", "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Clinic"},
            {"@type": "Person", "@id": "#rev", "name": "Omar Haddad", "honorificSuffix": "MD, FAAD"},
            {"@type": ["MedicalWebPage"], "reviewedBy": {"@id": "#rev"}, "lastReviewed": "2026-01-22",
             "author": [{"@type": "Person", "name": "Lena Ortiz", "jobTitle": "RN"}], "dateModified": "2026-02-01"}
        ]}"##;
        let fields = read(script).unwrap();
        let by_key = |key: &str| fields.iter().find(|f| f.key == key).unwrap();
        assert_eq!(
            by_key("reviewed_by").value,
            FmValue::Str("Omar Haddad, MD, FAAD".into())
        );
        assert_eq!(&script[by_key("reviewed_by").span.clone()], "Omar Haddad");
        assert_eq!(&script[by_key("last_reviewed").span.clone()], "2026-01-22");
        assert_eq!(
            by_key("author").value,
            FmValue::List(vec![FmValue::Str("Lena Ortiz, RN".into())])
        );
        assert_eq!(by_key("date_modified").origin, Origin::SchemaOrg("dateModified".into()));
    }

    #[test]
    fn a_reviewer_may_be_a_string() {
        let fields = read(r#"{"@type": "Article", "reviewedBy": "Ana Ruiz, MD"}"#).unwrap();
        assert_eq!(fields[0].value, FmValue::Str("Ana Ruiz, MD".into()));
    }

    #[test]
    fn invalid_json_is_located_at_its_fault() {
        let script = "{\n  \"@type\": \"Article\",\n  \"lastReviewed\": \"2026-01-22\"\n  \"author\": \"X\"\n}";
        let error = read(script).unwrap_err();
        let line = script[..error.span.start].matches('\n').count() + 1;
        // The comma is missing at the end of the third line.
        assert_eq!(line, 3, "{error:?}");
        assert_eq!(error.message, "schema.org JSON-LD does not parse: expected comma");
        // Trailing commas are not JSON.
        assert!(read(r#"{"a": 1,}"#).is_err());
    }

    #[test]
    fn meta_names_map_to_fields() {
        assert_eq!(meta_key("article:modified_time"), "date_modified");
        assert_eq!(meta_key("Reviewed_By"), "reviewed_by");
        assert!(meta_field("article:author", "https://example.org/jane", 0..1).is_none());
    }
}
