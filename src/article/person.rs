//! People as bylines and front matter name them: "Dr. Lucía de la Fuente,
//! MD, FACOG", "Alina Petrescu | DMD, Lakeshore Dentistry", "Dr. Lionel
//! Ashby (DDS)", "Oluwaseun Adebayo MD FACP" — a name without its titles,
//! the credentials, and what follows them (an affiliation or job title).

use std::ops::Range;

use crate::article::credentials::{is_written_as_credential, normalize_credential, standing};
use crate::article::review::{Origin, Person};

/// Titles written before a name; they are not part of it.
const TITLES: &[&str] = &[
    "dr",
    "dr.",
    "doctor",
    "prof",
    "prof.",
    "professor",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms.",
    "miss",
    "mx",
    "mx.",
];

/// Lower-case words inside names: "de la Fuente", "van den Broek".
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "la", "le", "van", "von", "bin", "binti",
    "ibn", "al", "el", "ter", "ten", "y", "e",
];

/// Generational suffixes, part of the name when written after a comma
/// ("Lee Park, Jr., MD"), never a credential.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// Words of prose, never of a name ("By The Editors", "reviewed by our
/// team").
const NOT_A_NAME: &[&str] = &[
    "the", "our", "this", "these", "that", "your", "a", "an", "its", "all", "each", "and", "or", "of", "in", "on",
    "at", "to", "for", "with", "from", "who", "which", "is", "was", "are", "were", "be", "been", "it", "we", "they",
    "several", "many", "team", "staff",
];

/// Splits "Dr. Omar Haddad, MD, FAAD, Haddad Skin Clinic" or
/// "Alan Lucks | MD, Practice - New York" into name, credentials and
/// affiliation.
pub fn parse_person(raw: &str, span: Range<usize>, origin: Origin) -> Person {
    parse_person_with(raw, span, origin, &[])
}

/// [`parse_person`], also knowing the credentials the config adds.
pub fn parse_person_with(raw: &str, span: Range<usize>, origin: Origin, extra_credentials: &[String]) -> Person {
    let is_credential = |word: &str| looks_like_credential(word, extra_credentials);
    let text = raw.trim().trim_end_matches(['.', ',', ';', ':']);
    let mut credentials = Vec::new();
    let text = take_parenthesised_credentials(text, &mut credentials, &is_credential);
    let text = without_titles(&text);
    let (name_part, tail) = match text.find([',', '|']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let mut name_words: Vec<&str> = name_part.split_whitespace().collect();
    // Credentials written after the name without a comma: "Marcus Lee MD".
    let mut trailing = Vec::new();
    while name_words.len() > 1
        && name_words
            .last()
            .is_some_and(|w| is_written_as_credential(w) || extra_credentials.iter().any(|c| c == w))
    {
        trailing.push(normalize_credential(name_words.pop().unwrap_or_default()));
    }
    trailing.reverse();
    credentials.splice(0..0, trailing);
    let mut affiliation = None;
    if let Some(tail) = tail {
        let pieces: Vec<&str> = tail.split([',', '|']).collect();
        for (index, piece) in pieces.iter().enumerate() {
            let words: Vec<&str> = piece.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            if let [suffix] = words.as_slice()
                && SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(suffix))
            {
                name_words.push(suffix);
            } else if words.len() > 1 && standing(piece).is_some() {
                // "MB ChB", "MB BS": one credential written in two words.
                credentials.push(normalize_credential(piece));
            } else if words.iter().all(|w| is_credential(w)) {
                credentials.extend(words.iter().map(|w| normalize_credential(w)));
            } else {
                let joined = pieces[index..].join(",");
                affiliation = Some(joined.trim().trim_start_matches(['-', '–']).trim().to_string());
                break;
            }
        }
    }
    Person {
        raw: raw.trim().to_string(),
        name: name_words.join(" ").trim_end_matches([',', '.']).to_string(),
        credentials,
        affiliation,
        span,
        origin,
    }
}

/// `text` without "(DDS)" or "(MD, FAAD)" groups, whose credentials go to
/// `credentials`; a group that holds anything else ("(she/her)") is
/// dropped from the name too.
fn take_parenthesised_credentials(
    text: &str,
    credentials: &mut Vec<String>,
    is_credential: &dyn Fn(&str) -> bool,
) -> String {
    let mut rest = String::with_capacity(text.len());
    let mut remaining = text;
    while let Some(open) = remaining.find('(') {
        let Some(close) = remaining[open..].find(')').map(|c| open + c) else {
            break;
        };
        rest.push_str(&remaining[..open]);
        let inside: Vec<&str> = remaining[open + 1..close]
            .split([',', ' '])
            .filter(|w| !w.is_empty())
            .collect();
        if !inside.is_empty() && inside.iter().all(|w| is_credential(w)) {
            credentials.extend(inside.iter().map(|w| normalize_credential(w)));
        }
        remaining = &remaining[close + 1..];
    }
    rest.push_str(remaining);
    // "Ana Ruiz (MD), Clinic" leaves "Ana Ruiz , Clinic".
    rest.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",")
}

/// `text` without the titles it opens with ("Dr.", "Prof.").
fn without_titles(text: &str) -> &str {
    let mut rest = text.trim_start();
    loop {
        let Some((first, after)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        if !TITLES.iter().any(|t| t.eq_ignore_ascii_case(first)) {
            return rest;
        }
        rest = after.trim_start();
    }
}

/// A word shaped like post-nominal letters: a known credential ("MD",
/// "PhD", "M.D."), one the config adds, or an unknown one written like
/// one ("FAAO", "RNutr"): capitals, two to eight letters.
pub fn looks_like_credential(word: &str, extra_credentials: &[String]) -> bool {
    let word = normalize_credential(word);
    if standing(&word).is_some() || extra_credentials.iter().any(|c| c.eq_ignore_ascii_case(&word)) {
        return true;
    }
    let uppercase = word.chars().filter(char::is_ascii_uppercase).count();
    (2..=8).contains(&word.len())
        && uppercase >= 2
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '/')
}

/// How sure a reader must be that words are a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameTest {
    /// Every word capitalised, an initial or a particle: after a bare "By",
    /// which opens prose as often as bylines.
    Capitalised,
    /// Any case, so long as no word is one that prose is made of: after
    /// "Medically reviewed by", where "leah cohen" is still a name.
    AnyCase,
}

/// Whether `name` (titles and credentials already gone) reads as a
/// person's name: two to six words of letters (with apostrophes, hyphens
/// and the dots of initials), none of them a word of prose ("the", "our",
/// "in"), and, as `test` asks, capitalised. A byline reader takes "By the
/// end of the week" or "By 2030" for prose by this test.
pub fn is_plausible_name(name: &str, test: NameTest) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || PARTICLES.contains(&words[words.len() - 1]) {
        return false;
    }
    words.iter().all(|word| {
        let letters = word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
        let capitalised = word.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(word);
        letters
            && !NOT_A_NAME.iter().any(|w| w.eq_ignore_ascii_case(word))
            && (capitalised || test == NameTest::AnyCase)
    })
}

/// Whether two names name one person: the same once reduced by
/// [`comparable_name`], or the same but for initials ("Lee J. Park" and
/// "Lee Park"), so long as two words are left to compare.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (comparable_name(a), comparable_name(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let without_initials = |name: &str| -> Vec<String> {
        name.split(' ')
            .filter(|w| w.chars().count() > 1)
            .map(str::to_string)
            .collect()
    };
    let (a, b) = (without_initials(&a), without_initials(&b));
    a.len() >= 2 && a == b
}

/// A name reduced for comparison: lowercase letters and spaces, no title,
/// so that "Dr. Lee Park" and "lee park" are the same person.
pub fn comparable_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .flat_map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase()
            } else {
                ' '.to_lowercase()
            }
        })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && TITLES.iter().any(|t| t.trim_end_matches('.') == words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(raw: &str) -> (String, Vec<String>, Option<String>) {
        let p = parse_person(raw, 0..0, Origin::Byline);
        (p.name, p.credentials, p.affiliation)
    }

    fn creds(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn names_split_into_name_credentials_and_affiliation() {
        let cases: &[(&str, &str, &[&str], Option<&str>)] = &[
            (
                "Omar Haddad, MD, FAAD, Haddad Skin Clinic",
                "Omar Haddad",
                &["MD", "FAAD"],
                Some("Haddad Skin Clinic"),
            ),
            (
                "Alan Lucks | MD, Alan Lucks MDPC Private Practice - New York",
                "Alan Lucks",
                &["MD"],
                Some("Alan Lucks MDPC Private Practice - New York"),
            ),
            ("Marcus Lee, MD", "Marcus Lee", &["MD"], None),
            ("Marcus Lee MD", "Marcus Lee", &["MD"], None),
            ("Dr. Ana Ruiz", "Ana Ruiz", &[], None),
            ("Dr Ana Ruiz, M.D.", "Ana Ruiz", &["MD"], None),
            ("Priya Raman", "Priya Raman", &[], None),
            ("Jane O'Neil, RN, BSN", "Jane O'Neil", &["RN", "BSN"], None),
            ("Sam Park, PharmD, BCPS", "Sam Park", &["PharmD", "BCPS"], None),
            ("Leah Cohen, FNP-BC", "Leah Cohen", &["FNP-BC"], None),
            (
                "Chris Wu, PA-C, Lakeside Urgent Care",
                "Chris Wu",
                &["PA-C"],
                Some("Lakeside Urgent Care"),
            ),
            ("Nia Brown, PhD, MPH", "Nia Brown", &["PhD", "MPH"], None),
            ("Ravi Shah, MD FACP", "Ravi Shah", &["MD", "FACP"], None),
            ("Dana Whitfield | MD", "Dana Whitfield", &["MD"], None),
            (
                "Tom Reyes, Registered Dietitian",
                "Tom Reyes",
                &[],
                Some("Registered Dietitian"),
            ),
            (
                "Ellen Marsh, MBChB, St Mary's Hospital, London",
                "Ellen Marsh",
                &["MBChB"],
                Some("St Mary's Hospital, London"),
            ),
            ("Dr. Lionel Ashby (DDS)", "Lionel Ashby", &["DDS"], None),
            (
                "Prof. Imogen Hartley, MBBS, FRCS",
                "Imogen Hartley",
                &["MBBS", "FRCS"],
                None,
            ),
            ("Cornelia Whitby, M.D., Ph.D.", "Cornelia Whitby", &["MD", "PhD"], None),
            ("Oluwaseun Adebayo MD FACP", "Oluwaseun Adebayo", &["MD", "FACP"], None),
            ("Dr. Lucía de la Fuente, MD", "Lucía de la Fuente", &["MD"], None),
            ("Michael Do", "Michael Do", &[], None),
            ("Ana Ruiz (she/her), RN", "Ana Ruiz", &["RN"], None),
            ("Lee Park, Jr., MD", "Lee Park Jr", &["MD"], None),
            ("Lee Park III, DO", "Lee Park III", &["DO"], None),
            ("Lee Park, MB ChB, MRCGP", "Lee Park", &["MBChB", "MRCGP"], None),
        ];
        for (raw, name, credentials, affiliation) in cases {
            assert_eq!(
                person(raw),
                (name.to_string(), creds(credentials), affiliation.map(str::to_string)),
                "{raw}"
            );
        }
    }

    #[test]
    fn credentials_from_the_config_are_read() {
        let extra = ["Dip".to_string()];
        let with = parse_person_with("Ana Ruiz, Dip", 0..0, Origin::Byline, &extra);
        assert_eq!(with.credentials, ["Dip"]);
        let without = parse_person("Ana Ruiz, Dip", 0..0, Origin::Byline);
        assert!(without.credentials.is_empty());
    }

    #[test]
    fn plausible_names() {
        for name in [
            "Ana Ruiz",
            "K. L. Whitmore",
            "Pieter van den Broek",
            "Declan O'Rourke",
            "Marie-Claire Dubois-Adeyemi",
            "Siobhán O’Connell",
            "Eun-ji Park",
        ] {
            assert!(is_plausible_name(name, NameTest::Capitalised), "{name}");
        }
        for prose in [
            "the end of the week",
            "2030",
            "Law",
            "The Editors",
            "Phone or Email",
            "Ana de",
            "Our Team",
        ] {
            assert!(!is_plausible_name(prose, NameTest::Capitalised), "{prose}");
            assert!(!is_plausible_name(prose, NameTest::AnyCase), "{prose}");
        }
        assert!(!is_plausible_name("leah cohen", NameTest::Capitalised));
        assert!(is_plausible_name("leah cohen", NameTest::AnyCase));
        assert!(!is_plausible_name("our medical team", NameTest::AnyCase));
    }

    #[test]
    fn one_person_however_written() {
        assert!(same_name("Dr. Lee Park", "Lee Park"));
        assert!(same_name("Lee J. Park", "lee park"));
        assert!(!same_name("Helen Marsh", "Helen Walsh"));
        assert!(!same_name("J. Park", "K. Park"));
        assert!(!same_name("", ""));
    }

    #[test]
    fn comparable_names_ignore_case_punctuation_and_titles() {
        assert_eq!(comparable_name("Dr. Ana  Ruiz"), "ana ruiz");
        assert_eq!(comparable_name("Prof Ana Ruiz"), "ana ruiz");
        assert_eq!(comparable_name("ana ruiz"), comparable_name("ANA RUIZ."));
        assert_ne!(comparable_name("Ana Ruiz"), comparable_name("Ana Ruiz-Lopez"));
        assert_eq!(
            comparable_name("LUCÍA de la Fuente"),
            comparable_name("Lucía De La Fuente")
        );
    }
}
