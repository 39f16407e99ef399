//! Splits a block of text into the tokens the claims grammar reads: numbers,
//! lowercase words and symbols, each with its byte range, its sentence and
//! its clause (sentences split at `;`).

use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok<'a> {
    /// Digits, with thousands separators and a decimal part.
    Num {
        value: f64,
        /// A letter or a period sits right before it ("B12", ".5").
        glued_left: bool,
    },
    /// Lowercased, curly apostrophes straightened; borrowed from the
    /// block's lowercase copy when that keeps byte offsets.
    Word(Cow<'a, str>),
    /// Any other character; dashes read as '-'.
    Sym(char),
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub tok: Tok<'a>,
    pub range: Range<usize>,
    /// No space between this token and the previous one.
    pub glued: bool,
    pub sentence: usize,
    /// Sentences split further at `;`.
    pub clause: usize,
}

impl Token<'_> {
    pub fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn is_sym(&self, c: char) -> bool {
        self.tok == Tok::Sym(c)
    }
}

/// Whether `lower`, `text` lowercased, has `text`'s character boundaries,
/// so that a range of one slices the other. Equal total lengths are not
/// enough: "Ⱥ" grows a byte and "Ɦ" shrinks one, and the two cancel out.
pub fn keeps_offsets(text: &str, lower: &str) -> bool {
    lower.len() == text.len()
        && (text.is_ascii()
            || text
                .chars()
                .zip(lower.chars())
                .all(|(a, b)| a.len_utf8() == b.len_utf8()))
}

/// The tokens of `text`; `lower` is `text` lowercased, which words borrow
/// from when it [`keeps_offsets`]. A sentence ends at `.`, `!` or `?`
/// followed by a space or the end, not inside a number ("2.5") or an
/// abbreviation.
pub fn tokenize<'a>(text: &str, lower: &'a str) -> Vec<Token<'a>> {
    let same_offsets = keeps_offsets(text, lower);
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 4);
    let (mut sentence, mut clause) = (0, 0);
    let mut last_end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let glued = start == last_end && start > 0;
        let (tok, end) = if c.is_ascii_digit() {
            let end = number_end(text, start);
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            let before = text[..start].chars().next_back();
            let before2 = text[..start].chars().rev().nth(1);
            let glued_left = before.is_some_and(char::is_alphabetic)
                || (before == Some('-') && before2.is_some_and(char::is_alphabetic))
                || before == Some('.');
            let value = text[start..end].replace(',', "").parse::<f64>().unwrap_or(f64::NAN);
            (Tok::Num { value, glued_left }, end)
        } else if c.is_alphabetic() || c == 'µ' || c == '°' {
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                let inner_apostrophe = (next == '\'' || next == '’')
                    && text[i + next.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if next.is_alphabetic() || inner_apostrophe {
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = if same_offsets && !lower[start..end].contains('’') {
                Cow::Borrowed(&lower[start..end])
            } else {
                Cow::Owned(text[start..end].to_lowercase().replace('’', "'"))
            };
            (Tok::Word(word), end)
        } else {
            let symbol = match c {
                '–' | '—' | '‑' | '−' => '-',
                other => other,
            };
            (Tok::Sym(symbol), start + c.len_utf8())
        };
        let ends_sentence = matches!(tok, Tok::Sym('.' | '!' | '?'))
            && text[end..].chars().next().is_none_or(char::is_whitespace)
            && !previous_is_abbreviation(&tokens);
        let ends_clause = matches!(tok, Tok::Sym(';'));
        tokens.push(Token {
            tok,
            range: start..end,
            glued,
            sentence,
            clause,
        });
        if ends_sentence || ends_clause {
            clause += 1;
        }
        if ends_sentence {
            sentence += 1;
        }
        last_end = end;
    }
    tokens
}

/// Where a number that starts at `start` ends: digits, groups of three
/// after commas, and a decimal part.
fn number_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let digits = |from: usize| from + bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut end = digits(start);
    while bytes.get(end) == Some(&b',')
        && bytes
            .get(end + 1..end + 4)
            .is_some_and(|group| group.iter().all(u8::is_ascii_digit))
        && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit())
    {
        end += 4;
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits(end + 1);
    }
    end
}

/// "Dr." and "e.g." (read as "e", ".", "g") and initials do not end
/// sentences.
fn previous_is_abbreviation(tokens: &[Token<'_>]) -> bool {
    tokens.last().and_then(Token::word).is_some_and(|word| {
        word.chars().count() == 1
            || matches!(
                word,
                "dr" | "mr" | "mrs" | "ms" | "prof" | "vs" | "approx" | "etc" | "st" | "no"
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_text_reads_as_ascii_does() {
        // Curly apostrophes join words, dashes join ranges, no-break spaces
        // separate, and µg is a unit word.
        let text = "Don’t take more than 2\u{a0}tablets. It’s 10–20\u{a0}µg—then 1,500 mg; done.";
        let lower = text.to_lowercase();
        let tokens = tokenize(text, &lower);
        let shown: Vec<String> = tokens
            .iter()
            .map(|t| match &t.tok {
                Tok::Word(w) => w.to_string(),
                Tok::Num { value, .. } => format!("#{value}"),
                Tok::Sym(c) => c.to_string(),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "don't", "take", "more", "than", "#2", "tablets", ".", "it's", "#10", "-", "#20", "µg", "-", "then",
                "#1500", "mg", ";", "done", "."
            ]
        );
        assert_eq!(tokens[7].sentence, 1, "a period starts the next sentence");
        assert_eq!(tokens[17].clause, 2, "a semicolon starts the next clause");
        assert_eq!(tokens[17].sentence, 1);
    }

    #[test]
    fn decimals_and_abbreviations_do_not_end_sentences() {
        let text = "Take 2.5 mg, e.g. with food. Dr. Lee agrees.";
        let lower = text.to_lowercase();
        let tokens = tokenize(text, &lower);
        let last = tokens.last().unwrap();
        assert_eq!(last.sentence, 1, "{tokens:?}");
        assert!(matches!(tokens[1].tok, Tok::Num { value, .. } if value == 2.5));
    }

    #[test]
    fn letters_whose_lowercase_changes_length_in_opposite_ways() {
        // "Ⱥ" lowercases to three bytes and "Ɦ" to two: the lowered text
        // has the text's length, but not its character boundaries.
        let text = "0Ɦ Ⱥ0 take 2 mg";
        let lower = text.to_lowercase();
        assert_eq!(lower.len(), text.len());
        let words: Vec<String> = tokenize(text, &lower)
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Word(w) => Some(w.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(words, ["ɦ", "ⱥ", "take", "mg"]);
    }
}
