//! `unsafe-abbreviation`: a "Do Not Use" abbreviation in a dose.

use std::sync::LazyLock;

use crate::claims::dose::doses;
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::medication::{Abbreviation, DoseContext};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns about an error-prone abbreviation in a dose ("10 U", "QD").
    /// The list: "U" and "IU"
    /// for units ("10 U", "1,000 IU"), "QD" and "q.d." (daily), "QOD"
    /// (every other day), "MS", "MSO4" and "MgSO4", "cc" for millilitres,
    /// "µg", "SC" and "SQ", "HS" (bedtime), "TIW", "D/C", and the ear and
    /// eye abbreviations "AD", "AS", "AU", "OD", "OS" and "OU". The help
    /// gives the written-out form ("units", "daily", "mL", "mcg").
    ///
    /// Only doses count: "MS" for multiple sclerosis in a sentence about the
    /// disease, "U.S.", "UV", "IU" inside a word and an email address are
    /// not findings. The list ships in `lints/unsafe-abbreviations.toml`;
    /// `[medication] abbreviations` in `medlint.toml` adds a publisher's own
    /// (`abbreviations = { QHS = "at bedtime" }`), counted in a sentence
    /// with a dose.
    ///
    /// ## Why is this bad?
    /// These forms are on the Joint Commission's "Do Not Use" list and on
    /// ISMP's List of Error-Prone Abbreviations, Symbols and Dose
    /// Designations, because each has caused harm: "10 U" read as "100",
    /// "QD" as "QID" (four times a day), "MS" as magnesium sulfate instead
    /// of morphine, "µg" as "mg". A reader following an article's dose
    /// has no pharmacist to catch the mistake.
    ///
    /// ## Example
    /// ```markdown
    /// Take 1,000 IU of vitamin D QD.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Take 1,000 units of vitamin D daily.
    /// ```
    pub static UNSAFE_ABBREVIATION = {
        name: "unsafe-abbreviation",
        category: Medication,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    for (index, block) in cx.article.blocks.iter().enumerate() {
        let text = &block.text;
        // Most blocks hold no form as a word ("U" and "cc" are inside
        // many words): look for each once per block before reading
        // sentences and their doses.
        let present: Vec<(&Abbreviation, &str)> = options
            .abbreviations
            .iter()
            .flat_map(|a| a.forms.iter().map(move |f| (a, f.as_str())))
            .filter(|(_, form)| text.contains(form) && !token_matches(text, form).is_empty())
            .collect();
        if present.is_empty() {
            continue;
        }
        for sentence in cx.sentences(index).iter().cloned() {
            let sentence_text = &text[sentence.clone()];
            if shouting(sentence_text) {
                continue;
            }
            let dose_spans: Vec<_> = doses(sentence_text).into_iter().filter(|d| !d.is_lab_value()).collect();
            let dosing = !dose_spans.is_empty() || DOSING_VERB.is_match(sentence_text);
            for &(abbreviation, form) in &present {
                {
                    for at in token_matches(sentence_text, form) {
                        let range = at..at + form.len();
                        let counts = match abbreviation.context {
                            DoseContext::Anywhere => true,
                            DoseContext::AfterNumber => after_number(sentence_text, at),
                            DoseContext::DoseSentence => dosing,
                            DoseContext::BesideDose => {
                                after_dosing_word(sentence_text, at)
                                    || dose_spans.iter().any(|d| {
                                        let gap = if d.span.end <= range.start {
                                            &sentence_text[d.span.end..range.start]
                                        } else if range.end <= d.span.start {
                                            &sentence_text[range.end..d.span.start]
                                        } else {
                                            return false;
                                        };
                                        gap.trim().is_empty() && gap.len() <= 2
                                    })
                            }
                            DoseContext::EyeEar => {
                                EYE_EAR.is_match(sentence_text) && after_in_or_dose(sentence_text, at)
                            }
                        };
                        if !counts {
                            continue;
                        }
                        let absolute = sentence.start + range.start..sentence.start + range.end;
                        let safe = replacement(abbreviation);
                        let diagnostic = out.emit(
                            block.source_span(absolute),
                            format!("{} is an error-prone abbreviation in a dose", quoted(form)),
                        );
                        match &abbreviation.misread {
                            Some(misread) => diagnostic.help(format!(
                                "write {}; {} can be misread as {misread}",
                                quoted(&safe),
                                quoted(form)
                            )),
                            None => diagnostic.help(format!("write {}", quoted(&safe))),
                        };
                    }
                }
            }
        }
    }
}

/// The written-out form that replaces the abbreviation: the one place a
/// code action takes its edit from.
pub fn replacement(abbreviation: &Abbreviation) -> String {
    abbreviation.means.clone()
}

static DOSING_VERB: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:take|takes|taken|taking|give|given|giving|inject|injected|injection|injections|dose|doses|dosing|dosage|administer|administered|prescribed|prescription|tablets?|capsules?|pills?|insulin|medicines?|medications?|drugs?|antibiotics?|drip|infusion)\b",
    )
});

static EYE_EAR: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::pattern::regex(r"(?i)\b(?:drops?|gtts?|eyes?|ears?|instill|instilled|ointment)\b"));

/// Where `form` stands as a whole token in `text`: not inside a word or a
/// number, not followed by a dot and a letter ("U.S."), not in an email
/// address or a link.
fn token_matches(text: &str, form: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find(form) {
        let at = from + offset;
        from = at + form.len().max(1);
        let before = text[..at].chars().next_back();
        let rest = &text[at + form.len()..];
        let mut after = rest.chars();
        let next = after.next();
        // A digit may touch the form: "1000IU", "10U".
        if before.is_some_and(|c| {
            (c.is_alphanumeric() && !c.is_ascii_digit()) || matches!(c, '@' | '.' | '/' | '_' | '-' | '\'')
        }) {
            continue;
        }
        if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '/' | '_' | '-' | '\'' | '’')) {
            continue;
        }
        if next == Some('.') && after.next().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        found.push(at);
    }
    found
}

/// The form directly follows a word of giving a dose: "injected SC",
/// "take the dose HS", "insulin SQ".
fn after_dosing_word(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    if at - before.len() != 1 {
        return false;
    }
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    !word.is_empty() && DOSING_VERB.find(word).is_some_and(|m| m.len() == word.len())
}

/// The form directly follows an amount ("10 U", "10U", "1,000 IU").
fn after_number(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    // One space at most between the amount and the unit.
    if at - before.len() > 1 {
        return false;
    }
    before.chars().next_back().is_some_and(|c| c.is_ascii_digit())
}

/// An eye or ear abbreviation written where a site goes: after "in",
/// "into", "to", "each" or right after a dose ("2 drops OU", "1 drop of
/// ketotifen OU").
fn after_in_or_dose(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let last = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    static DROPS_OF: LazyLock<regex::Regex> =
        LazyLock::new(|| crate::pattern::regex(r"(?i)\b(?:\d+|one|two|three)\s+(?:drops?|gtts?)\s+of\s+[\w-]+$"));
    matches!(
        last.to_lowercase().as_str(),
        "in" | "into" | "to" | "drop" | "drops" | "gtt" | "gtts"
    ) || DROPS_OF.is_match(before)
}

/// A sentence in capitals ("TAKE AS DIRECTED"): its capitals are not
/// abbreviations.
fn shouting(sentence: &str) -> bool {
    let letters: Vec<char> = sentence.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 12 && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_whole() {
        assert_eq!(token_matches("10 U of insulin", "U"), vec![3]);
        assert!(token_matches("the U.S. label", "U").is_empty());
        assert!(token_matches("UV light", "U").is_empty());
        assert!(token_matches("write to ms@example.org", "ms").is_empty());
        assert!(token_matches("a FLUID", "IU").is_empty());
        assert_eq!(token_matches("D3 1000IU daily", "IU"), vec![7]);
    }

    #[test]
    fn after_a_number() {
        assert!(after_number("10 U", 3));
        assert!(after_number("10U", 2));
        assert!(!after_number("take U", 5));
    }
}
