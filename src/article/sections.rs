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

#[cfg(test)]
mod tests {
    use super::*;

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
