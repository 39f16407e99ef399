//! Fixes: the text edits that resolve (or silence) a finding.
//!
//! A [`Fix`] is a list of [`Edit`]s on byte ranges of the linted source,
//! with an [`Applicability`]. The language server turns fixes into code
//! actions; a `--fix` or `--diff` run applies the same edits with
//! [`apply`], so an editor and the command line change a file alike.

use std::ops::Range;

use crate::article::InputFormat;
use crate::article::front_matter;
use crate::diagnostic::Diagnostic;
use crate::line_index::LineIndex;

/// Whether a fix may be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// The result says what the source meant: a run may apply it.
    Safe,
    /// It changes what the article says or hides a finding: an editor
    /// offers it, a person decides.
    Unsafe,
}

impl Applicability {
    /// "safe" or "unsafe", as output formats write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// Replace the bytes in `range` with `replacement` (an insertion when the
/// range is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// A fix for one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What it does, as an editor's menu shows it.
    pub title: String,
    /// Edits that do not overlap, sorted by position.
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// The fixes for `diagnostic` found in `source` (read as `format`): the
/// rule's own fix first, then "disable RULE for this line".
pub fn fixes(source: &str, format: InputFormat, diagnostic: &Diagnostic) -> Vec<Fix> {
    let mut out = Vec::new();
    out.extend(own_fix(source, format, diagnostic));
    if diagnostic.rule != "unused-suppression" {
        out.extend(disable_for_line(source, format, diagnostic));
    }
    out
}

/// Which fixes a rule offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixability {
    /// Every fix it offers is safe.
    Safe,
    /// Every fix it offers is unsafe.
    Unsafe,
    /// Safe for some findings, unsafe for others.
    Sometimes,
}

impl Fixability {
    /// "safe", "unsafe" or "sometimes", as `rules --format json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Fixability::Safe => "safe",
            Fixability::Unsafe => "unsafe",
            Fixability::Sometimes => "sometimes",
        }
    }

    /// What `explain` says of it.
    pub fn describe(self) -> &'static str {
        match self {
            Fixability::Safe => "safe (`check --fix` applies it)",
            Fixability::Unsafe => "unsafe (`check --fix --unsafe-fixes` applies it; editors offer it)",
            Fixability::Sometimes => {
                "safe for some findings, unsafe for others (`check --fix` applies the safe ones, `--unsafe-fixes` the rest)"
            }
        }
    }

    /// True when a fix of `applicability` fits what is declared.
    pub fn allows(self, applicability: Applicability) -> bool {
        match self {
            Fixability::Safe => applicability == Applicability::Safe,
            Fixability::Unsafe => applicability == Applicability::Unsafe,
            Fixability::Sometimes => true,
        }
    }
}

type FixFn = fn(&str, InputFormat, &Diagnostic) -> Option<Fix>;

/// Every rule with a fix of its own, what kind, and the function that
/// makes it: the one list that `--fix`, code actions, `explain` and
/// `rules --format json` read.
const FIXERS: &[(&str, Fixability, FixFn)] = &[
    ("unused-suppression", Fixability::Safe, |s, _, d| {
        remove_suppression(s, d)
    }),
    ("dose-notation", Fixability::Safe, |s, _, d| safe_dose(s, d)),
    ("unsafe-abbreviation", Fixability::Sometimes, |s, _, d| {
        write_out_abbreviation(s, d)
    }),
    ("empty-section", Fixability::Unsafe, |s, _, d| {
        remove_empty_heading(s, d)
    }),
    ("missing-section", Fixability::Unsafe, add_section),
    ("faq-format", Fixability::Unsafe, |s, _, d| question_mark(s, d)),
];

/// Which fixes `rule` offers, if any.
pub fn fixability(rule: &str) -> Option<Fixability> {
    FIXERS.iter().find(|(name, ..)| *name == rule).map(|(_, kind, _)| *kind)
}

/// The rule's own fix for `diagnostic`, if it has one: what `--fix`
/// applies (never "disable for this line", which only hides a finding).
pub fn own_fix(source: &str, format: InputFormat, diagnostic: &Diagnostic) -> Option<Fix> {
    let (_, kind, make) = FIXERS.iter().find(|(name, ..)| *name == diagnostic.rule)?;
    let fix = make(source, format, diagnostic)?;
    debug_assert!(kind.allows(fix.applicability), "{} declares {kind:?}", diagnostic.rule);
    Some(fix)
}

/// At most this many rounds of fixing one text: a fix skipped for
/// overlapping another is applied in a later round.
pub const MAX_ROUNDS: usize = 10;

/// What fixing one text did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text after the fixes.
    pub text: String,
    /// Fixes applied.
    pub applied: usize,
    /// Unsafe fixes left for the fixed text (not applied).
    pub unsafe_available: usize,
    /// The text was left alone, and why (its front matter could not be
    /// read).
    pub refused: Option<String>,
}

/// `source` (of the file at `path`) with its rules' own fixes applied, in
/// rounds until nothing changes (at most [`MAX_ROUNDS`]): the safe ones,
/// and the unsafe ones too with `unsafe_fixes`. No two edits of a round
/// overlap. Line breaks an edit adds are written as the file writes them
/// (LF, CRLF or CR); nothing outside an edit changes.
pub fn fix_text(
    source: &str,
    path: &str,
    options: &crate::Options,
    rules: &crate::RuleSet,
    unsafe_fixes: bool,
) -> Fixed {
    fix_text_of(source, path, options, rules, unsafe_fixes, None)
}

/// [`fix_text`], applying the fixes of one rule only when `only` names it
/// (the other rules still run: a suppression is used by the rule it
/// silences).
pub fn fix_text_of(
    source: &str,
    path: &str,
    options: &crate::Options,
    rules: &crate::RuleSet,
    unsafe_fixes: bool,
    only: Option<&str>,
) -> Fixed {
    let format = options.input_format_for(path);
    let newline = line_ending(source);
    let mut text = source.to_string();
    let mut applied = 0;
    let mut unsafe_available = 0;
    for round in 0..=MAX_ROUNDS {
        // Rules read CR-only breaks as LF, byte for byte: offsets agree.
        let read = crate::line_index::with_line_feeds(&text).into_owned();
        let diagnostics = crate::lint(&read, path, options, rules);
        let unreadable = diagnostics.iter().any(|d| d.rule == "invalid-front-matter");
        let mut chosen: Vec<Edit> = Vec::new();
        let mut count = 0;
        unsafe_available = 0;
        let mut candidates: Vec<Fix> = diagnostics
            .iter()
            .filter(|d| only.is_none_or(|rule| d.rule == rule))
            .filter_map(|d| own_fix(&read, format, d))
            .filter(|fix| {
                let allowed = fix.applicability == Applicability::Safe || unsafe_fixes;
                if !allowed {
                    unsafe_available += 1;
                }
                allowed
            })
            .collect();
        // A file with nothing to fix is left alone without a word.
        if unreadable && !candidates.is_empty() {
            return Fixed {
                text: source.to_string(),
                applied: 0,
                unsafe_available: 0,
                refused: Some("its front matter could not be read; not fixed".to_string()),
            };
        }
        if round == MAX_ROUNDS {
            break;
        }
        candidates.sort_by_key(|fix| fix.edits.first().map(|e| (e.range.start, e.range.end)));
        for fix in candidates {
            let clashes = fix
                .edits
                .iter()
                .any(|edit| chosen.iter().any(|taken| overlaps(&edit.range, &taken.range)));
            if clashes || fix.edits.is_empty() {
                continue;
            }
            count += 1;
            chosen.extend(fix.edits.into_iter().map(|mut edit| {
                if newline != "\n" {
                    edit.replacement = edit.replacement.replace('\n', newline);
                }
                edit
            }));
        }
        let next = apply(&text, &chosen);
        if count == 0 || next == text {
            break;
        }
        text = next;
        applied += count;
    }
    Fixed {
        text,
        applied,
        unsafe_available,
        refused: None,
    }
}

/// Two edits touch the same text, or insert at the same place.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
        || a.start == b.start
        || (a.is_empty() || b.is_empty()) && a.start.max(b.start) <= a.end.min(b.end)
}

/// The line break `source` uses: that of its first line.
fn line_ending(source: &str) -> &'static str {
    match source.find(['\r', '\n']) {
        Some(at) if source[at..].starts_with("\r\n") => "\r\n",
        Some(at) if source[at..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

/// `source` with `edits` applied. Edits must not overlap; they may come in
/// any order.
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for edit in sorted {
        let start = edit.range.start.clamp(at, source.len());
        out.push_str(&source[at..start]);
        out.push_str(&edit.replacement);
        at = edit.range.end.clamp(start, source.len());
    }
    out.push_str(&source[at..]);
    out
}

/// The byte range of the whole lines `span` touches, with the line break
/// of the last one, when nothing but whitespace shares them with `span`.
fn whole_lines(source: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let start = source[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |at| span.end + at + 1);
    let before = &source[start..span.start];
    let after = &source[span.end..end];
    (before.trim().is_empty() && after.trim().is_empty()).then_some(start..end)
}

/// `range` extended over the blank lines that follow it.
fn with_blank_lines_after(source: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end;
    while end < source.len() {
        let next = source[end..].find('\n').map_or(source.len(), |at| end + at + 1);
        if !source[end..next].trim().is_empty() {
            break;
        }
        end = next;
    }
    range.start..end
}

/// `unused-suppression`: drop the comment, with its line when nothing else
/// is on it. A comment naming several rules loses only the unused one.
fn remove_suppression(source: &str, diagnostic: &Diagnostic) -> Option<Fix> {
    let span = diagnostic.span.clone();
    let comment = source.get(span.clone())?;
    let (open, close) = if comment.starts_with("<!--") {
        ("<!--", "-->")
    } else if comment.starts_with("{/*") {
        ("{/*", "*/}")
    } else {
        return None;
    };
    let inner_start = span.start + open.len();
    let inner_end = span.end.checked_sub(close.len())?;
    let inner = source.get(inner_start..inner_end)?;
    // The unused rule, when the message names one: `… for "RULE" …`.
    let named = diagnostic
        .message
        .split('"')
        .nth(1)
        .filter(|_| diagnostic.message.contains(" for \"") || diagnostic.message.contains("unknown rule \""));
    let words: Vec<(usize, &str)> = word_spans(inner);
    // words[0] is the directive; the rest are rule names.
    if let Some(name) = named
        && words.len() > 2
        && let Some(i) = words.iter().skip(1).position(|(_, word)| *word == name).map(|i| i + 1)
    {
        let (at, word) = words[i];
        // Remove the name and the separator before it (", " or " "), or
        // after it for the first name.
        let (from, to) = if i > 1 {
            let previous_end = words[i - 1].0 + words[i - 1].1.len();
            (previous_end, at + word.len())
        } else {
            (at, words[i + 1].0)
        };
        return Some(Fix {
            title: format!("Remove \"{name}\" from the suppression"),
            edits: vec![Edit {
                range: inner_start + from..inner_start + to,
                replacement: String::new(),
            }],
            applicability: Applicability::Safe,
        });
    }
    let range = match whole_lines(source, &span) {
        Some(lines) => lines,
        None => {
            // Also drop the space that separated it from the text: before
            // it, or after it when it starts its line.
            let line_start = source[..span.start].rfind('\n').map_or(0, |at| at + 1);
            if source[line_start..span.start].trim().is_empty() {
                let after = source[span.end..].len() - source[span.end..].trim_start_matches([' ', '\t']).len();
                span.start..span.end + after
            } else if source[..span.start].ends_with(' ') {
                span.start - 1..span.end
            } else {
                span.start..span.end
            }
        }
    };
    Some(Fix {
        title: "Remove the suppression".to_string(),
        edits: vec![Edit {
            range,
            replacement: String::new(),
        }],
        applicability: Applicability::Safe,
    })
}

/// Words of a comment's text (split at whitespace and commas), with their
/// offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let separator = c.is_whitespace() || c == ',';
        match (start, separator) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                out.push((from, &text[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `dose-notation`: the dose as the rule's own [`replacement`] writes it
/// ("5.0 mg" → "5 mg", ".5 mg" → "0.5 mg"). Safe: the amount is the same
/// number. Offered only when the source reads as the same dose the rule
/// saw (no markup inside it).
///
/// [`replacement`]: crate::rules::dose_notation::replacement
fn safe_dose(source: &str, diagnostic: &Diagnostic) -> Option<Fix> {
    let span = diagnostic.span.clone();
    let written = source.get(span.clone())?;
    let dose = crate::claims::dose::doses(written)
        .into_iter()
        .find(|d| d.span == (0..written.len()))?;
    let safe = crate::rules::dose_notation::replacement(written, &dose)?;
    Some(Fix {
        title: format!("Write \"{safe}\""),
        edits: vec![Edit {
            range: span,
            replacement: safe,
        }],
        applicability: Applicability::Safe,
    })
}

/// Written-out forms that say exactly what the abbreviation says: the
/// replacement cannot change a dose.
const EXACT_MEANINGS: &[&str] = &["mcg", "mL", "daily", "every other day"];

/// `unsafe-abbreviation`: the written-out form from the shipped list.
/// Safe where it is exact ("µg" → "mcg", "cc" → "mL", "QD" → "daily",
/// "QOD" → "every other day"); unsafe otherwise ("U"/"IU" → "units",
/// "MS" → "morphine sulfate"): a person confirms.
fn write_out_abbreviation(source: &str, diagnostic: &Diagnostic) -> Option<Fix> {
    let span = diagnostic.span.clone();
    let form = source.get(span.clone())?;
    let shipped = crate::medication::shipped_abbreviations();
    let abbreviation = shipped.iter().find(|a| a.forms.iter().any(|f| f == form))?;
    let mut written = crate::rules::unsafe_abbreviation::replacement(abbreviation);
    // "D/C" is "discharge or discontinue": only the writer knows which.
    if written.contains(" or ") {
        return None;
    }
    // An eye or ear written where a site goes: "1 drop of ketotifen OU"
    // reads "1 drop of ketotifen in both eyes".
    let before = source[..span.start].trim_end();
    let word_before = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    if abbreviation.context == crate::medication::DoseContext::EyeEar
        && !["in", "into", "to", "each"].contains(&word_before.to_lowercase().as_str())
    {
        written.insert_str(0, "in ");
    }
    // "Take 5 mg q.d." : the form's last dot also ends the sentence.
    let rest = &source[span.end..];
    let ends_sentence = rest.trim_start_matches([' ', '\t']).is_empty()
        || rest.starts_with(['\n', '\r'])
        || rest
            .strip_prefix(' ')
            .and_then(|r| r.trim_start().chars().next())
            .is_some_and(char::is_uppercase);
    if form.ends_with('.') && ends_sentence {
        written.push('.');
    }
    let applicability = if EXACT_MEANINGS.contains(&written.as_str()) {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Some(Fix {
        title: format!("Write \"{written}\""),
        edits: vec![Edit {
            range: span,
            replacement: written,
        }],
        applicability,
    })
}

/// `empty-section`: remove the heading and the blank lines after it.
fn remove_empty_heading(source: &str, diagnostic: &Diagnostic) -> Option<Fix> {
    // A page with no body at all has no heading to remove.
    if !(diagnostic.message.starts_with("section ") || diagnostic.message.starts_with("heading ")) {
        return None;
    }
    let span = diagnostic.span.clone();
    source.get(span.clone())?;
    let range = match whole_lines(source, &span) {
        Some(lines) => with_blank_lines_after(source, lines),
        None => span,
    };
    Some(Fix {
        title: "Remove the empty heading".to_string(),
        edits: vec![Edit {
            range,
            replacement: String::new(),
        }],
        applicability: Applicability::Unsafe,
    })
}

/// Words a question starts with.
const QUESTION_WORDS: &[&str] = &[
    "how", "what", "when", "where", "why", "who", "whom", "whose", "which", "is", "are", "am", "was", "were", "can",
    "could", "do", "does", "did", "should", "shall", "will", "would", "may", "might", "must", "has", "have", "had",
];

/// `faq-format`: end an entry that is a question ("How long does it
/// last") with "?", inside its bold or heading markup; a final "." or ":"
/// becomes the "?". Only for entries that start as a question does: "Cost"
/// or "Recovery time" need a person's words. Unsafe: the wording is the
/// author's.
fn question_mark(source: &str, diagnostic: &Diagnostic) -> Option<Fix> {
    // `entry "TEXT" in the FAQ is not a question`
    let text = diagnostic
        .message
        .strip_prefix("entry \"")?
        .strip_suffix("\" in the FAQ is not a question")?;
    let first_word = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()?
        .to_lowercase();
    if !QUESTION_WORDS.contains(&first_word.as_str()) {
        return None;
    }
    // The entry's last word in the source (markup such as "**" may follow
    // it, a comment may follow the heading): the "?" goes right after it,
    // or takes the place of a final "." or ":".
    let trimmed = text.trim_end();
    let (last_word, stop) = match trimmed.strip_suffix(['.', ':']) {
        Some(rest) => (rest.rsplit(char::is_whitespace).next()?, true),
        None => (trimmed.rsplit(char::is_whitespace).next()?, false),
    };
    let span = diagnostic.span.clone();
    let written = source.get(span.clone())?;
    let at = span.start + written.rfind(last_word)? + last_word.len();
    let range = if stop && source[at..].starts_with(['.', ':']) {
        at..at + 1
    } else {
        at..at
    };
    Some(Fix {
        title: "End the question with \"?\"".to_string(),
        edits: vec![Edit {
            range,
            replacement: "?".to_string(),
        }],
        applicability: Applicability::Unsafe,
    })
}

/// Stands in a section added by a fix, so that it is not published
/// unfinished.
pub const PLACEHOLDER: &str = "TODO: write this section.";

/// `missing-section`: add the section's heading with a placeholder line,
/// where such a section goes: takeaways after the title and byline (before
/// the first section), an FAQ before the bottom line, the bottom line (and
/// any other section) last. Markdown and MDX only.
fn add_section(source: &str, format: InputFormat, diagnostic: &Diagnostic) -> Option<Fix> {
    if !matches!(format, InputFormat::Markdown | InputFormat::Mdx) {
        return None;
    }
    let name = diagnostic
        .message
        .strip_prefix("missing required section \"")?
        .strip_suffix('"')?;
    let article = crate::article::Article::read(source, format, &Default::default());
    let lower = name.to_lowercase();
    let level = article
        .headings
        .iter()
        .filter(|h| h.level > 1)
        .map(|h| h.level)
        .min()
        .unwrap_or(2);
    let is_bottom_line = |h: &crate::article::Heading| h.text.to_lowercase().contains("bottom line");
    let before = if lower.contains("takeaway") || lower.contains("key points") {
        article.headings.iter().find(|h| h.level > 1)
    } else if lower.contains("bottom line") {
        None
    } else {
        article.headings.iter().find(|h| h.level > 1 && is_bottom_line(h))
    };
    let hashes = "#".repeat(level as usize);
    let block = format!("{hashes} {name}\n\n{PLACEHOLDER}\n");
    let edit = match before {
        Some(heading) => {
            let at = source[..heading.span.start].rfind('\n').map_or(0, |i| i + 1);
            Edit {
                range: at..at,
                replacement: format!("{block}\n"),
            }
        }
        None => {
            // At the end, after the last text: the file ends in a line
            // break if it did, and not if it did not.
            let trimmed = source.trim_end_matches(['\n', '\r', ' ', '\t']);
            let block = if source[trimmed.len()..].contains(['\n', '\r']) {
                block
            } else {
                block.trim_end_matches('\n').to_string()
            };
            Edit {
                range: trimmed.len()..source.len(),
                replacement: format!("\n\n{block}"),
            }
        }
    };
    Some(Fix {
        title: format!("Add the {} section", name.strip_prefix("The ").unwrap_or(name)),
        edits: vec![edit],
        applicability: Applicability::Unsafe,
    })
}

/// "Disable RULE for this line": a `medlint-disable-next-line` comment
/// above the finding's first line, indented as it is. Not offered where a
/// comment line would change the document: in front matter, in a table,
/// in plain text (which has no comments).
fn disable_for_line(source: &str, format: InputFormat, diagnostic: &Diagnostic) -> Option<Fix> {
    let (open, close) = match format {
        InputFormat::Markdown | InputFormat::Html => ("<!--", "-->"),
        InputFormat::Mdx => ("{/*", "*/}"),
        InputFormat::PlainText => return None,
    };
    let start = diagnostic.span.start.min(source.len());
    if !source.is_char_boundary(start) {
        return None;
    }
    if matches!(format, InputFormat::Markdown | InputFormat::Mdx) && front_matter::split(source).body_start > start {
        return None;
    }
    let index = LineIndex::new(source);
    let line = index.line_of(start);
    let line_start = index.line_start(line);
    let text = index.text(index.line_range(line));
    if text.trim_start().starts_with('|') {
        return None;
    }
    let indent: String = text.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    let newline = if text.len() < index.text(line_start..source.len()).len()
        && source[line_start + text.len()..].starts_with("\r\n")
    {
        "\r\n"
    } else {
        "\n"
    };
    Some(Fix {
        title: format!("Disable {} for this line", diagnostic.rule),
        edits: vec![Edit {
            range: line_start..line_start,
            replacement: format!(
                "{indent}{open} medlint-disable-next-line {} {close}{newline}",
                diagnostic.rule
            ),
        }],
        applicability: Applicability::Unsafe,
    })
}

#[cfg(test)]
mod tests;
