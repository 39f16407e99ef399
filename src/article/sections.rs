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
/// Apostrophes stay inside words ("what's"). It runs for every heading and
/// FAQ question, so it reads bytes and decodes only non-ASCII characters.
pub fn normalize_heading(text: &str) -> String {
    let bytes = text.as_bytes();
    // Whether the character at byte `i` belongs to a word, and its length.
    let word_char = |i: usize| -> (bool, usize) {
        let (c, width) = crate::article::text::char_at(text, i);
        (c.is_alphanumeric() || c == '\'', width)
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let (in_word, width) = word_char(i);
        if !in_word {
            i += width;
            continue;
        }
        let mut start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let (in_word, width) = word_char(i);
            if !in_word {
                break;
            }
            ascii &= width == 1;
            i += width;
        }
        // Apostrophes only inside a word.
        let mut end = i;
        while start < end && bytes[start] == b'\'' {
            start += 1;
        }
        while end > start && bytes[end - 1] == b'\'' {
            end -= 1;
        }
        if start == end {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let word = &text[start..end];
        if ascii {
            out.push_str(word);
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    // ASCII words were copied as written; lowercasing never yields ASCII
    // capitals, so the others are unchanged by this.
    out.make_ascii_lowercase();
    out
}

/// True when `heading` equals `alias` or holds it as whole words, both
/// compared after `normalize_heading`.
pub fn heading_matches(normalized_heading: &str, normalized_alias: &str) -> bool {
    if normalized_alias.is_empty() {
        return false;
    }
    // Most headings hold no alias at all: one substring search rules them out.
    if !normalized_heading.contains(normalized_alias) {
        return false;
    }
    let h = normalized_heading.as_bytes();
    let a = normalized_alias.as_bytes();
    // Normalised text is words joined by single spaces: try the alias at
    // each word start.
    let mut start = 0;
    while start + a.len() <= h.len() {
        let after = start + a.len();
        // The first byte rules out most words without a slice compare.
        if h[start] == a[0] && &h[start..after] == a && (after == h.len() || h[after] == b' ') {
            return true;
        }
        match h[start..].iter().position(|&b| b == b' ') {
            Some(space) => start += space + 1,
            None => return false,
        }
    }
    false
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

    proptest::proptest! {
        /// The byte scanner finds the words that splitting on characters
        /// finds, and lowercases them as characters, in any script.
        #[test]
        fn headings_normalise_as_splitting_on_characters_does(text in "[a-zA-Z0-9' .!?:&()*_éÉ’İΣ\u{a0}\u{2013}\u{663}-]{0,40}") {
            let general: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .map(|w| w.trim_matches('\'').chars().flat_map(char::to_lowercase).collect::<String>())
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(normalize_heading(&text), general.join(" "));
        }

        /// Whole words: the alias, padded with spaces, inside the padded
        /// heading.
        #[test]
        fn matching_is_whole_word_containment(heading in "[ab]{1,3}( [ab]{1,3}){0,4}", alias in "[ab]{1,3}( [ab]{1,3}){0,1}") {
            let expected = format!(" {heading} ").contains(&format!(" {alias} "));
            proptest::prop_assert_eq!(heading_matches(&heading, &alias), expected);
        }
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
