//! Subjects: the content words around a quantity, stemmed and interned.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::claims::units::{number_word, unit};

/// A stem, interned in this thread's lexicon: two stems are the same word
/// exactly when their ids are equal, so subjects compare as integers. Ids
/// are only ever compared among the quantities of one article, which one
/// call of [`crate::claims::collect`] interns on one thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stem(u32);

impl Stem {
    /// The stem of `word`.
    pub fn of(word: &str) -> Stem {
        let stemmed = stem(word);
        LEXICON.with_borrow_mut(|lexicon| lexicon.intern(&stemmed))
    }

    /// `word` as it is, unstemmed ("daily").
    pub fn word(word: &str) -> Stem {
        LEXICON.with_borrow_mut(|lexicon| lexicon.intern(word))
    }

    /// The stem's text, while this thread's lexicon still holds it.
    pub fn text(self) -> String {
        LEXICON.with_borrow(|lexicon| {
            lexicon
                .names
                .get(self.0 as usize)
                .map_or_else(|| format!("#{}", self.0), ToString::to_string)
        })
    }
}

/// The stem of a word that can say what a quantity is about: none for stop
/// words, units, number words, month names and words of one or two letters.
/// Remembered per thread: it runs for every word near every quantity, and
/// articles repeat their words.
pub fn content_stem(word: &str) -> Option<Stem> {
    LEXICON.with_borrow_mut(|lexicon| {
        if let Some(&known) = lexicon.content.get(word) {
            return known;
        }
        let content = word.len() > 2
            && !is_stop_word(word)
            && unit(word).is_none()
            && number_word(word).is_none()
            && crate::article::dates::month_number(word).is_none();
        let found = content.then(|| lexicon.intern(&stem(word)));
        lexicon.content.insert(word.into(), found);
        found
    })
}

/// Starts this thread's lexicon over once it holds this many words.
const LEXICON_WORDS: usize = 1 << 16;

/// Bounds the memory of this thread's lexicon. Called before an article's
/// quantities are collected, never during, so that they are all interned
/// in one lexicon.
pub fn bound_lexicon() {
    LEXICON.with_borrow_mut(|lexicon| {
        if lexicon.names.len() + lexicon.content.len() > LEXICON_WORDS {
            *lexicon = Lexicon::default();
        }
    });
}

#[derive(Default)]
struct Lexicon {
    /// Stem text to id.
    ids: FxHashMap<Box<str>, Stem>,
    /// Id to stem text.
    names: Vec<Box<str>>,
    /// Words already judged by [`content_stem`].
    content: FxHashMap<Box<str>, Option<Stem>>,
}

impl Lexicon {
    fn intern(&mut self, text: &str) -> Stem {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = Stem(u32::try_from(self.names.len()).unwrap_or(u32::MAX));
        self.names.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }
}

thread_local! {
    static LEXICON: RefCell<Lexicon> = RefCell::new(Lexicon::default());
}

/// Words that say nothing about what is measured. A `match`: it runs for
/// every word near every quantity.
pub fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "all"
            | "almost"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "approximately"
            | "are"
            | "around"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "done"
            | "down"
            | "during"
            | "each"
            | "either"
            | "even"
            | "every"
            | "few"
            | "for"
            | "from"
            | "further"
            | "generally"
            | "get"
            | "gets"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "him"
            | "his"
            | "how"
            | "however"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "itself"
            | "just"
            | "least"
            | "less"
            | "like"
            | "likely"
            | "may"
            | "maybe"
            | "me"
            | "might"
            | "more"
            | "most"
            | "much"
            | "must"
            | "my"
            | "near"
            | "nearly"
            | "no"
            | "nor"
            | "not"
            | "now"
            | "of"
            | "off"
            | "often"
            | "on"
            | "once"
            | "one"
            | "only"
            | "or"
            | "other"
            | "our"
            | "out"
            | "over"
            | "own"
            | "per"
            | "perhaps"
            | "rather"
            | "roughly"
            | "same"
            | "she"
            | "should"
            | "since"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "typical"
            | "typically"
            | "under"
            | "until"
            | "up"
            | "upto"
            | "usual"
            | "usually"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "why"
            | "will"
            | "with"
            | "within"
            | "would"
            | "you"
            | "your"
            | "yours"
            | "anywhere"
            | "normally"
            | "common"
            | "commonly"
            | "sometimes"
            | "range"
            | "ranges"
            | "varies"
            | "vary"
            | "depending"
            | "depends"
            | "depend"
            | "person"
            | "people"
    )
}

/// A light suffix-stripping stemmer: enough to make "treatments",
/// "treated" and "treating" agree.
pub fn stem(word: &str) -> String {
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    // Words from the tokenizer are lowercase already: borrow them.
    let lowered;
    let mut w: &str = if trimmed.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        lowered = trimmed.to_lowercase();
        &lowered
    } else {
        trimmed
    };
    if let Some(base) = w.strip_suffix("'s") {
        w = base;
    }
    if w.len() > 4
        && let Some(base) = w.strip_suffix("ies")
    {
        return format!("{base}y");
    }
    for suffix in ["ments", "ment", "ness", "ings", "ing", "edly", "ed", "ly", "es", "s"] {
        if w.len() > suffix.len() + 2
            && let Some(base) = w.strip_suffix(suffix)
        {
            // "-es" only after sibilants ("boxes"); elsewhere drop just "s".
            if suffix == "es" && !base.ends_with(['s', 'x', 'z', 'h']) {
                continue;
            }
            return base.to_string();
        }
    }
    if w.len() > 5
        && let Some(base) = w.strip_suffix('y')
    {
        return base.to_string();
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_forms_share_a_stem() {
        assert_eq!(stem("treatments"), stem("treatment"));
        assert_eq!(stem("treated"), stem("treating"));
        assert_eq!(stem("sessions"), "session");
        assert_eq!(stem("recovery"), stem("recover"));
        assert_eq!(stem("boxes"), "box");
        assert_eq!(stem("patient's"), "patient");
        assert_eq!(stem("therapies"), "therapy");
    }

    #[test]
    fn stems_are_interned_by_their_text() {
        assert_eq!(Stem::of("treatments"), Stem::of("treating"));
        assert_ne!(Stem::of("treatments"), Stem::of("sessions"));
        assert_eq!(Stem::of("sessions").text(), "session");
        // Unstemmed words share ids with equal stems.
        assert_eq!(Stem::word("session"), Stem::of("sessions"));
        assert_ne!(Stem::word("daily"), Stem::of("day"));
    }

    #[test]
    fn the_lexicon_starts_over_past_its_bound() {
        let size = || LEXICON.with_borrow(|lexicon| lexicon.names.len() + lexicon.content.len());
        bound_lexicon();
        for i in 0..=LEXICON_WORDS {
            content_stem(&format!("word{i}"));
        }
        assert!(size() > LEXICON_WORDS);
        bound_lexicon();
        assert_eq!(size(), 0);
        // Interning goes on from a fresh table.
        assert_eq!(Stem::of("sessions").text(), "session");
        assert_eq!(Stem::of("treatments"), Stem::of("treated"));
    }

    #[test]
    fn content_stems_skip_words_that_say_nothing_of_the_subject() {
        assert_eq!(content_stem("treatments"), Some(Stem::of("treatment")));
        // Asked again, from the memo.
        assert_eq!(content_stem("treatments"), Some(Stem::of("treatment")));
        for word in ["the", "minutes", "twelve", "march", "mg", "ox"] {
            assert_eq!(content_stem(word), None, "{word}");
        }
    }
}
