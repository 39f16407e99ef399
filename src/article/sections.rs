//! Headings and the section tree they define.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Plain text, inline markup and HTML comments removed.
    pub text: String,
    /// The heading's source, without its line terminator.
    pub span: Range<usize>,
}

/// The part of the article a heading opens: from the heading to the next
/// heading of the same or a higher level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: usize,
    pub level: u8,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// From the heading's start to the start of the next heading of the same
    /// or a higher level (or the end of the file).
    pub span: Range<usize>,
    /// From the end of the heading to the first heading of any level after
    /// it: the section's own content, subsections excluded.
    pub own_body: Range<usize>,
    /// Some content block lies in `own_body`.
    pub has_own_content: bool,
}

pub(crate) fn build_tree(headings: &[Heading], content_starts: &[usize], end: usize) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::with_capacity(headings.len());
    let mut stack: Vec<usize> = Vec::new();
    for (index, heading) in headings.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if sections[top].level >= heading.level {
                sections[top].span.end = heading.span.start;
                stack.pop();
            } else {
                break;
            }
        }
        let parent = stack.last().copied();
        if let Some(parent) = parent {
            sections[parent].children.push(index);
        }
        let own_end = headings.get(index + 1).map_or(end, |next| next.span.start);
        let own_body = heading.span.end..own_end;
        let first = content_starts.partition_point(|&s| s < own_body.start);
        let has_own_content = content_starts.get(first).is_some_and(|&s| s < own_body.end);
        sections.push(Section {
            heading: index,
            level: heading.level,
            parent,
            children: Vec::new(),
            span: heading.span.start..end,
            own_body,
            has_own_content,
        });
        stack.push(index);
    }
    sections
}

/// Normalises heading text for matching: lowercase words of letters and
/// digits, joined by single spaces ("The Bottom-Line!" → "the bottom line").
/// Apostrophes stay inside words ("what's").
pub fn normalize_heading(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let words = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|word| word.trim_matches('\''))
        .filter(|word| !word.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// True when `heading` equals `alias` or holds it as whole words, both
/// compared after `normalize_heading`.
pub fn heading_matches(normalized_heading: &str, normalized_alias: &str) -> bool {
    let (heading, alias) = (normalized_heading.as_bytes(), normalized_alias.as_bytes());
    // Normalised text is words joined by single spaces: try the alias at
    // each word start, and it must end where a word ends.
    let word_starts = (0..heading.len()).filter(|&at| at == 0 || heading[at - 1] == b' ');
    !alias.is_empty()
        && word_starts.into_iter().any(|at| {
            let end = at + alias.len();
            heading[at..].starts_with(alias) && (end == heading.len() || heading[end] == b' ')
        })
}

/// True when `heading` is `alias` with light variations: the alias
/// alone, or the alias at either end with a few words of topic ("Microneedling
/// FAQs", "In Summary", "FAQs about fillers"), but not the alias as the
/// first word of a longer title ("Summary of Benefits and Coverage").
/// Both are compared after `normalize_heading`.
pub fn heading_is(normalized_heading: &str, normalized_alias: &str) -> bool {
    const MAX_EXTRA_WORDS: usize = 3;
    if normalized_alias.is_empty() {
        return false;
    }
    if normalized_heading == normalized_alias {
        return true;
    }
    let words = |text: &str| text.split(' ').filter(|w| !w.is_empty()).count();
    if let Some(rest) = normalized_heading
        .strip_prefix(normalized_alias)
        .and_then(|r| r.strip_prefix(' '))
    {
        let first = rest.split(' ').next().unwrap_or("");
        // "Summary of Benefits", "FAQ and Glossary": the alias names part
        // of a longer title.
        return words(rest) <= MAX_EXTRA_WORDS && !matches!(first, "of" | "and" | "&" | "or" | "for");
    }
    if let Some(rest) = normalized_heading
        .strip_suffix(normalized_alias)
        .and_then(|r| r.strip_suffix(' '))
    {
        return words(rest) <= MAX_EXTRA_WORDS;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_heading_is_its_alias_with_light_variations() {
        assert!(heading_is("summary", "summary"));
        assert!(heading_is("in summary", "summary"));
        assert!(heading_is("microneedling faqs", "faqs"));
        assert!(heading_is("faqs about dermal fillers", "faqs"));
        assert!(heading_is("the bottom line on retinol", "the bottom line"));
        assert!(!heading_is("summary of benefits and coverage", "summary"));
        assert!(!heading_is(
            "how to read your summary of benefits and coverage",
            "summary"
        ));
        assert!(!heading_is("faq and glossary", "faq"));
        assert!(!heading_is("summarys", "summary"));
    }

    #[test]
    fn normalization_drops_case_and_punctuation() {
        assert_eq!(normalize_heading("The Bottom-Line!"), "the bottom line");
        assert_eq!(normalize_heading("  FAQs: Microneedling "), "faqs microneedling");
        assert_eq!(normalize_heading("What's next?"), "what's next");
    }

    #[test]
    fn aliases_match_as_whole_words_only() {
        assert!(heading_matches("microneedling faqs", "faqs"));
        assert!(heading_matches("faq", "faq"));
        assert!(!heading_matches("faqs", "faq"));
        assert!(!heading_matches("summary of costs overview", "costs overviews"));
        assert!(heading_matches("in summary", "summary"));
        assert!(!heading_matches("summarys", "summary"));
    }
}
