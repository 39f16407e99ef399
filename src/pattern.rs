//! Regular expressions as medlint compiles them.
//!
//! Word boundaries (`\b`, `\B`, `\b{start}`, …) are ASCII boundaries. With
//! Unicode boundaries the regex crate's fast engine, the lazy DFA, gives
//! up on any text that is not pure ASCII, and real articles hold curly
//! quotes, dashes and accents: a pack's search took 50 times longer on a
//! real 21 KB page. An ASCII boundary treats every non-ASCII character as a
//! non-word character, so "\bmiracle\b" still matches in "miracle’s" and
//! "“miracle”"; it differs only next to an accented letter ("café").
//! Classes such as `\w` stay Unicode-aware.

use regex_syntax::ast::{self, AssertionKind, Ast, Visitor};

/// The pattern with every word-boundary assertion made ASCII; the pattern
/// unchanged when it does not parse (compiling it then reports the error).
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let Ok(parsed) = ast::parse::Parser::new().parse(pattern) else {
        return pattern.to_string();
    };
    let Ok(boundaries) = ast::visit(&parsed, Boundaries(Vec::new())) else {
        return pattern.to_string();
    };
    let mut out = String::with_capacity(pattern.len() + boundaries.len() * 6);
    let mut at = 0;
    for (start, end) in boundaries {
        out.push_str(&pattern[at..start]);
        out.push_str("(?-u:");
        out.push_str(&pattern[start..end]);
        out.push(')');
        at = end;
    }
    out.push_str(&pattern[at..]);
    out
}

/// Byte ranges of the word-boundary assertions, in order.
struct Boundaries(Vec<(usize, usize)>);

impl Visitor for Boundaries {
    type Output = Vec<(usize, usize)>;
    type Err = ();

    fn finish(self) -> Result<Vec<(usize, usize)>, ()> {
        Ok(self.0)
    }

    fn visit_pre(&mut self, node: &Ast) -> Result<(), ()> {
        if let Ast::Assertion(assertion) = node
            && !matches!(
                assertion.kind,
                AssertionKind::StartLine | AssertionKind::EndLine | AssertionKind::StartText | AssertionKind::EndText
            )
        {
            self.0.push((assertion.span.start.offset, assertion.span.end.offset));
        }
        Ok(())
    }
}

/// A regex with ASCII word boundaries, for the built-in rules.
pub fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(&ascii_word_boundaries(pattern)).expect("built-in patterns are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(
            ascii_word_boundaries(r"\bcure[- ]all\b|\Bx\b{start}"),
            r"(?-u:\b)cure[- ]all(?-u:\b)|(?-u:\B)x(?-u:\b{start})"
        );
        // Escaped backslashes, classes and anchors are left alone.
        assert_eq!(ascii_word_boundaries(r"^a\\b[\b]$"), r"^a\\b[\b]$");
        assert_eq!(ascii_word_boundaries(r"(unclosed\b"), r"(unclosed\b");
    }

    #[test]
    fn ascii_boundaries_still_separate_words_from_curly_quotes() {
        let miracle = regex(r"(?i)\bmiracle\b");
        assert!(miracle.is_match("a “miracle” cure"));
        assert!(miracle.is_match("the miracle’s promise"));
        assert!(!miracle.is_match("miracles"));
        // Unicode classes still match accented letters.
        assert!(regex(r"\b\w+\b").find("naïve").is_some_and(|m| m.as_str() == "naïve"));
    }
}
