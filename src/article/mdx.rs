//! The MDX reader: `.mdx` files as Next.js and Astro sites write them.
//!
//! ESM (`import`/`export` blocks), JSX tags (`<Callout type="tip">`,
//! `<FAQ items={[…]} />`) and `{…}` expressions are blanked to spaces, line
//! breaks kept, in a copy of the file; the Markdown reader then reads the
//! copy, so Markdown inside JSX children is read and every span still
//! points at the same bytes of the original. Code (fenced and inline),
//! autolinks and HTML comments are left alone; `{/* … */}` comments carry
//! suppressions like `<!-- … -->`.

use std::ops::Range;

use crate::article::markdown::{self, Blanked};
use crate::article::{Article, Comment, ReviewOptions, front_matter};

/// Scanning for the end of a tag or expression may look at most this many
/// bytes per byte of the file in all: hostile text (`{{{{…`) cannot make
/// the pre-pass quadratic.
const SCAN_BUDGET_PER_BYTE: usize = 16;

/// Reads an MDX article.
pub(crate) fn parse<'a>(source: &'a str, review_options: &ReviewOptions) -> Article<'a> {
    let split = front_matter::split(source);
    let prepared = blank_non_markdown(source, split.body_start);
    markdown::read(source, &prepared.markdown, split, prepared.found, review_options)
}

/// The file with ESM, JSX and expressions blanked, and what was found in
/// them: comments, and components, which are content (a section holding
/// only `<FAQ … />` is not empty).
struct Prepared {
    markdown: String,
    found: Blanked,
}

fn blank_non_markdown(source: &str, body_start: usize) -> Prepared {
    let mut scanner = Scanner {
        source,
        bytes: source.as_bytes(),
        blanks: Vec::new(),
        found: Blanked::default(),
        budget: source.len().saturating_mul(SCAN_BUDGET_PER_BYTE),
    };
    scanner.scan(body_start);
    let mut markdown = source.as_bytes().to_vec();
    for range in &scanner.blanks {
        for byte in &mut markdown[range.clone()] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }
    Prepared {
        // Blanked ranges start and end at ASCII bytes, and every byte in
        // them becomes a space or stays a line break: still UTF-8.
        markdown: String::from_utf8(markdown).unwrap_or_else(|_| source.to_string()),
        found: scanner.found,
    }
}

struct Scanner<'a> {
    source: &'a str,
    bytes: &'a [u8],
    /// Ranges to blank.
    blanks: Vec<Range<usize>>,
    found: Blanked,
    /// Bytes the tag and expression scans may still look at.
    budget: usize,
}

/// An open code fence: its character and length.
#[derive(Clone, Copy)]
struct Fence {
    marker: u8,
    length: usize,
}

impl Scanner<'_> {
    fn line_end(&self, from: usize) -> usize {
        memchr::memchr(b'\n', &self.bytes[from..]).map_or(self.bytes.len(), |i| from + i)
    }

    fn scan(&mut self, start: usize) {
        let mut at = start;
        let mut fence: Option<Fence> = None;
        let mut previous_blank = true;
        while at < self.bytes.len() {
            let end = self.line_end(at);
            let line = &self.source[at..end];
            let blank = line.trim().is_empty();
            if let Some(open) = fence {
                if fence_of(line).is_some_and(|f| f.marker == open.marker && f.length >= open.length) {
                    fence = None;
                }
            } else if let Some(opened) = fence_of(line) {
                fence = Some(opened);
            } else if previous_blank && is_esm(line) {
                at = self.blank_esm(at);
                previous_blank = true;
                continue;
            } else if !blank {
                // Tags and expressions may run over several lines.
                let resume = self.scan_text(at, end);
                if resume > end {
                    previous_blank = false;
                    at = resume;
                    continue;
                }
            }
            previous_blank = blank;
            at = end + 1;
        }
    }

    /// Blanks an ESM block: from its line to the next blank line. Returns
    /// where scanning goes on.
    fn blank_esm(&mut self, start: usize) -> usize {
        let mut at = start;
        while at < self.bytes.len() {
            let end = self.line_end(at);
            if self.source[at..end].trim().is_empty() {
                break;
            }
            at = end + 1;
        }
        let end = at.min(self.bytes.len());
        self.blanks.push(start..end);
        end
    }

    /// Scans text from `at`, blanking tags and expressions, until the end
    /// of the line or of the last construct that crossed it. Returns where
    /// the next line starts.
    fn scan_text(&mut self, mut at: usize, mut line_end: usize) -> usize {
        while at < line_end {
            match self.bytes[at] {
                b'\\' => at += 2,
                b'`' => at = self.skip_code_span(at),
                b'<' => at = self.tag(at),
                b'{' => at = self.expression_at(at),
                _ => at += 1,
            }
            if at > line_end {
                line_end = self.line_end(at.min(self.bytes.len()));
            }
        }
        line_end + 1
    }

    /// Past an inline code span that starts at `at`, or past its opening
    /// backticks when it is never closed in the paragraph.
    fn skip_code_span(&mut self, at: usize) -> usize {
        let run = self.bytes[at..].iter().take_while(|&&b| b == b'`').count();
        let mut i = at + run;
        while i < self.bytes.len() && self.spend() {
            if self.bytes[i..].starts_with(b"\n\n") || self.bytes[i..].starts_with(b"\n\r\n") {
                break;
            }
            if self.bytes[i] == b'`' {
                let other = self.bytes[i..].iter().take_while(|&&b| b == b'`').count();
                if other == run {
                    return i + other;
                }
                i += other;
            } else {
                i += 1;
            }
        }
        at + run
    }

    fn spend(&mut self) -> bool {
        self.budget = self.budget.saturating_sub(1);
        self.budget > 0
    }

    /// At a `<`: an HTML comment or an autolink is kept; a JSX tag is
    /// blanked. Returns where scanning goes on.
    fn tag(&mut self, at: usize) -> usize {
        let rest = &self.bytes[at..];
        if rest.starts_with(b"<!--") {
            return match memchr::memmem::find(&rest[4..], b"-->") {
                Some(close) => at + 4 + close + 3,
                None => self.bytes.len(),
            };
        }
        if let Some(end) = autolink_end(rest) {
            return at + end;
        }
        match self.jsx_tag_end(at) {
            Some(end) => {
                if self.bytes.get(at + 1) != Some(&b'/') {
                    self.found.content_starts.push(at);
                }
                self.blanks.push(at..end);
                end
            }
            None => at + 1,
        }
    }

    /// The end of the JSX tag (`<Name …>`, `</Name>`, `<>`) at `at`.
    fn jsx_tag_end(&mut self, at: usize) -> Option<usize> {
        let bytes = self.bytes;
        let mut i = at + 1;
        if bytes.get(i) == Some(&b'/') {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'>') => return Some(i + 1),
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' || *c == b'$' => {}
            _ => return None,
        }
        while i < bytes.len() && self.spend() {
            match bytes[i] {
                b'>' => return Some(i + 1),
                b'"' | b'\'' => i = self.string_end(i)?,
                b'{' => i = self.expression_end(i)?,
                // A tag cannot hold another tag or a blank line.
                b'<' => return None,
                b'\n' if self.blank_line_follows(i) => return None,
                _ => i += 1,
            }
        }
        None
    }

    /// True when the line after the line break at `at` is blank.
    fn blank_line_follows(&self, at: usize) -> bool {
        let next = &self.bytes[at + 1..];
        let end = next.iter().position(|&b| b == b'\n').unwrap_or(next.len());
        next[..end].iter().all(u8::is_ascii_whitespace)
    }

    /// At a `{` in text: an expression, blanked; a `{/* … */}` one is a
    /// comment too.
    fn expression_at(&mut self, at: usize) -> usize {
        let Some(end) = self.expression_end(at) else {
            return at + 1;
        };
        let inner = self.source[at + 1..end - 1].trim();
        match inner.strip_prefix("/*").and_then(|t| t.strip_suffix("*/")) {
            Some(text) => self.found.comments.push(Comment {
                text: text.trim().to_string(),
                span: at..end,
            }),
            None => self.found.content_starts.push(at),
        }
        self.blanks.push(at..end);
        end
    }

    /// The end of the `{…}` expression at `at` (past its `}`), skipping
    /// nested braces, strings and comments.
    fn expression_end(&mut self, at: usize) -> Option<usize> {
        let bytes = self.bytes;
        let mut depth = 0usize;
        let mut i = at;
        while i < bytes.len() && self.spend() {
            match bytes[i] {
                b'{' => {
                    depth += 1;
                    i += 1;
                }
                b'}' => {
                    depth -= 1;
                    i += 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                b'"' | b'\'' | b'`' => i = self.string_end(i)?,
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    i = memchr::memmem::find(&bytes[i + 2..], b"*/").map(|e| i + 2 + e + 2)?;
                }
                b'/' if bytes.get(i + 1) == Some(&b'/') => i = self.line_end(i),
                _ => i += 1,
            }
        }
        None
    }

    /// Past the string literal whose quote is at `at`.
    fn string_end(&mut self, at: usize) -> Option<usize> {
        let quote = self.bytes[at];
        let mut i = at + 1;
        while i < self.bytes.len() && self.spend() {
            match self.bytes[i] {
                b'\\' => i += 2,
                c if c == quote => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    }
}

/// A code fence line (up to three spaces, then three or more backticks
/// or tildes).
fn fence_of(line: &str) -> Option<Fence> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let marker = *trimmed.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let length = trimmed.bytes().take_while(|&b| b == marker).count();
    (length >= 3).then_some(Fence { marker, length })
}

/// An ESM line: `import …` or `export …` at the start of a line.
fn is_esm(line: &str) -> bool {
    ["import", "export"].iter().any(|keyword| {
        line.strip_prefix(keyword)
            .is_some_and(|rest| rest.starts_with([' ', '{', '*', '\t']))
    })
}

/// The length of an autolink (`<https://…>`, `<name@example.org>`) at the
/// start of `text`.
fn autolink_end(text: &[u8]) -> Option<usize> {
    let close = 1 + text[1..]
        .iter()
        .position(|&b| b == b'>' || b == b'<' || b.is_ascii_whitespace())?;
    if text[close] != b'>' || close < 3 {
        return None;
    }
    let inner = &text[1..close];
    let scheme = inner.iter().position(|&b| b == b':');
    let is_uri = scheme.is_some_and(|colon| {
        (2..=32).contains(&colon)
            && inner[0].is_ascii_alphabetic()
            && inner[..colon]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
    });
    let is_email = inner.contains(&b'@') && !inner.contains(&b'=');
    (is_uri || is_email).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::InputFormat;

    fn read(source: &str) -> Article<'_> {
        Article::read(source, InputFormat::Mdx, &ReviewOptions::default())
    }

    #[test]
    fn esm_and_jsx_are_blanked_with_offsets_kept() {
        let source = "---\ntitle: Peels\n---\nimport { Callout } from '../components'\nexport const meta = {\n  a: 1,\n}\n\n# Peels\n\n<Callout type=\"tip\">\n  Rest for **two days** after a peel.\n</Callout>\n\nText with <Tip text={\"a > b\"}>a term</Tip> inline.\n";
        let prepared = blank_non_markdown(source, front_matter::split(source).body_start);
        assert_eq!(prepared.markdown.len(), source.len());
        assert!(!prepared.markdown.contains("import"));
        assert!(!prepared.markdown.contains("Callout"));
        let article = read(source);
        let texts: Vec<_> = article.blocks.iter().map(|b| b.text.trim().to_string()).collect();
        assert_eq!(texts[0], "Peels");
        assert_eq!(texts[1], "Rest for two days after a peel.");
        let block = &article.blocks[2];
        let at = block.text.find("inline").unwrap();
        assert_eq!(&source[block.source_span(at..at + 6)], "inline");
        assert_eq!(article.title.unwrap().text, "Peels");
    }

    #[test]
    fn self_closing_props_and_expression_comments() {
        let source = "# T\n\n<FAQ items={[\n  { q: \"Is it safe?\", a: \"Yes {mostly}\" },\n]} />\n\n{/* medlint-disable empty-section */}\n\n## Empty\n";
        let article = read(source);
        // The component is content: the heading above it is not empty.
        assert!(article.has_content_in(3..20));
        assert_eq!(article.comments.len(), 1);
        assert_eq!(article.comments[0].text, "medlint-disable empty-section");
        let texts: Vec<_> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["T", "Empty"]);
    }

    #[test]
    fn code_autolinks_and_html_comments_are_kept() {
        let source = "# T\n\nUse `<Callout>` or see <https://example.org/x>.\n\n```jsx\n<Callout />\n```\n\n<!-- medlint-disable -->\n";
        let prepared = blank_non_markdown(source, 0);
        assert_eq!(prepared.markdown, source);
        let article = read(source);
        assert_eq!(article.links[0].destination, "https://example.org/x");
        assert_eq!(article.comments[0].text, "medlint-disable");
    }

    #[test]
    fn hostile_braces_and_angles_stay_linear() {
        let source = format!("# T\n\n{}\n", "{<a {".repeat(200_000));
        let article = read(&source);
        assert_eq!(article.headings.len(), 1);
    }
}
