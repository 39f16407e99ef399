//! Subjects: the content words around a quantity, stemmed.

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
}
