//! Subjects: the content words around a quantity, stemmed and interned in
//! the lexicon of the article's quantities.

use rustc_hash::FxHashMap;

use crate::claims::units::{number_word, unit};

/// A stem, interned in a [`Lexicon`]: two stems of one lexicon are the same
/// word exactly when their ids are equal, so subjects compare as integers.
/// Ids mean nothing outside the lexicon that made them, which belongs to
/// the quantities of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stem(u32);

/// The words of one article's quantities, interned.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Stem text to id.
    ids: FxHashMap<Box<str>, Stem>,
    /// Id to stem text.
    names: Vec<Box<str>>,
    /// Words already judged by [`Lexicon::content_stem`].
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

    /// The stem of `word`.
    pub fn stem(&mut self, word: &str) -> Stem {
        let stemmed = stem(word);
        self.intern(&stemmed)
    }

    /// `word` as it is, unstemmed ("daily").
    pub fn word(&mut self, word: &str) -> Stem {
        self.intern(word)
    }

    /// The stem's text.
    pub fn text(&self, stem: Stem) -> &str {
        self.names.get(stem.0 as usize).map_or("", |name| name)
    }

    /// The stem of a word that can say what a quantity is about: none for
    /// stop words, units, number words, month names and words of one or two
    /// letters. Remembered: it runs for every word near every quantity, and
    /// articles repeat their words.
    pub fn content_stem(&mut self, word: &str) -> Option<Stem> {
        if let Some(&known) = self.content.get(word) {
            return known;
        }
        let content = word.len() > 2
            && !is_stop_word(word)
            && unit(word).is_none()
            && number_word(word).is_none()
            && crate::article::dates::month_number(word).is_none();
        let found = content.then(|| self.stem(word));
        self.content.insert(word.into(), found);
        found
    }
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
        let mut lexicon = Lexicon::default();
        assert_eq!(lexicon.stem("treatments"), lexicon.stem("treating"));
        assert_ne!(lexicon.stem("treatments"), lexicon.stem("sessions"));
        let session = lexicon.stem("sessions");
        assert_eq!(lexicon.text(session), "session");
        // Unstemmed words share ids with equal stems.
        assert_eq!(lexicon.word("session"), session);
        assert_ne!(lexicon.word("daily"), lexicon.stem("day"));
    }

    #[test]
    fn content_stems_skip_words_that_say_nothing_of_the_subject() {
        let mut lexicon = Lexicon::default();
        let treatment = lexicon.stem("treatment");
        assert_eq!(lexicon.content_stem("treatments"), Some(treatment));
        // Asked again, from the memo.
        assert_eq!(lexicon.content_stem("treatments"), Some(treatment));
        for word in ["the", "minutes", "twelve", "march", "mg", "ox"] {
            assert_eq!(lexicon.content_stem(word), None, "{word}");
        }
    }
}
