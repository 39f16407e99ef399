//! The one list of post-nominal letters medlint knows, and what each is
//! worth to a medical review. The byline reader uses it to tell a
//! credential from a name ("Marcus Lee MD"); the review policy takes its
//! defaults from it (DESIGN.md's list), and `[review] credentials` extends
//! it.

/// What a credential says about a reviewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Qualifies a medical reviewer by default.
    Qualifying,
    /// Fellowship letters: count only beside a qualifying credential.
    Fellowship,
    /// Qualifies only when the config allows it (`allow-phd-mph`).
    Optional,
    /// Recognised as a credential when reading names, but not a
    /// qualification for a medical review.
    Recognised,
}

/// Every credential, as publishers write it without dots. A reviewer
/// qualifies by default with a licence to practise: physicians (and UK
/// GPs and physicians by their membership exams), podiatrists, dentists,
/// optometrists, pharmacists, nurses and nurse practitioners, midwives,
/// physician assistants, dietitians, physical, occupational and speech
/// therapists, and licensed clinical psychologists, social workers,
/// family therapists and counsellors. Academic degrees (MS, MSN, BSN, MBA)
/// and board certifications (BCPS, CDCES, IBCLC) are read as credentials
/// but qualify nobody alone; PhD, MPH and DrPH qualify only when the config
/// allows them.
pub const CREDENTIALS: &[(&str, Standing)] = &[
    // Physicians and surgeons.
    ("MD", Standing::Qualifying),
    ("DO", Standing::Qualifying),
    ("MBBS", Standing::Qualifying),
    ("MBChB", Standing::Qualifying),
    ("MBBCh", Standing::Qualifying),
    ("BMBS", Standing::Qualifying),
    ("MRCGP", Standing::Qualifying),
    ("MRCP", Standing::Qualifying),
    ("MRCS", Standing::Qualifying),
    ("DPM", Standing::Qualifying),
    // Dentists and optometrists.
    ("DDS", Standing::Qualifying),
    ("DMD", Standing::Qualifying),
    ("BDS", Standing::Qualifying),
    ("OD", Standing::Qualifying),
    // Pharmacists.
    ("PharmD", Standing::Qualifying),
    ("RPh", Standing::Qualifying),
    // Nurses, nurse practitioners and midwives.
    ("RN", Standing::Qualifying),
    ("NP", Standing::Qualifying),
    ("FNP", Standing::Qualifying),
    ("FNP-BC", Standing::Qualifying),
    ("FNP-C", Standing::Qualifying),
    ("AGNP-C", Standing::Qualifying),
    ("ANP-BC", Standing::Qualifying),
    ("ACNP-BC", Standing::Qualifying),
    ("AGACNP-BC", Standing::Qualifying),
    ("PMHNP-BC", Standing::Qualifying),
    ("WHNP-BC", Standing::Qualifying),
    ("PNP-BC", Standing::Qualifying),
    ("CPNP", Standing::Qualifying),
    ("NNP-BC", Standing::Qualifying),
    ("APRN", Standing::Qualifying),
    ("DNP", Standing::Qualifying),
    ("CRNA", Standing::Qualifying),
    ("CNM", Standing::Qualifying),
    // Physician assistants.
    ("PA", Standing::Qualifying),
    ("PA-C", Standing::Qualifying),
    // Dietitians.
    ("RD", Standing::Qualifying),
    ("RDN", Standing::Qualifying),
    ("LD", Standing::Qualifying),
    ("LDN", Standing::Qualifying),
    // Physical, occupational and speech therapists.
    ("PT", Standing::Qualifying),
    ("DPT", Standing::Qualifying),
    ("OT", Standing::Qualifying),
    ("OTR", Standing::Qualifying),
    ("OTR/L", Standing::Qualifying),
    ("SLP", Standing::Qualifying),
    ("CCC-SLP", Standing::Qualifying),
    // Licensed mental health clinicians.
    ("PsyD", Standing::Qualifying),
    ("LCSW", Standing::Qualifying),
    ("LICSW", Standing::Qualifying),
    ("LMFT", Standing::Qualifying),
    ("LPC", Standing::Qualifying),
    ("LMHC", Standing::Qualifying),
    ("LCPC", Standing::Qualifying),
    ("LPCC", Standing::Qualifying),
    // Fellowships: only beside a qualifying credential.
    ("FAAD", Standing::Fellowship),
    ("FACS", Standing::Fellowship),
    ("FACP", Standing::Fellowship),
    ("FAAP", Standing::Fellowship),
    ("FAAFP", Standing::Fellowship),
    ("FACOG", Standing::Fellowship),
    ("FACC", Standing::Fellowship),
    ("FACEP", Standing::Fellowship),
    ("FRCP", Standing::Fellowship),
    ("FRCS", Standing::Fellowship),
    ("FRCPC", Standing::Fellowship),
    ("FAAO", Standing::Fellowship),
    ("FAAN", Standing::Fellowship),
    ("FAANP", Standing::Fellowship),
    // Research and public health degrees: qualify if the config allows.
    ("PhD", Standing::Optional),
    ("MPH", Standing::Optional),
    ("DrPH", Standing::Optional),
    // Degrees and certifications read as credentials, qualifying nobody.
    ("MS", Standing::Recognised),
    ("MSN", Standing::Recognised),
    ("BSN", Standing::Recognised),
    ("MA", Standing::Recognised),
    ("MBA", Standing::Recognised),
    ("MSc", Standing::Recognised),
    ("BSc", Standing::Recognised),
    ("ScD", Standing::Recognised),
    ("MSW", Standing::Recognised),
    ("BCPS", Standing::Recognised),
    ("CDCES", Standing::Recognised),
    ("IBCLC", Standing::Recognised),
    ("CNS", Standing::Recognised),
    ("LPN", Standing::Recognised),
    ("DC", Standing::Recognised),
    ("ND", Standing::Recognised),
];

/// "M.D." → "MD"; keeps case ("PhD").
pub fn normalize_credential(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .collect()
}

/// A credential as a key for comparing: "Ph.D." → "PHD".
pub fn credential_key(text: &str) -> String {
    normalize_credential(text).to_ascii_uppercase()
}

/// The standing of a credential, if medlint knows it ("Ph.D." and "PHD"
/// are "PhD").
pub fn standing(credential: &str) -> Option<Standing> {
    let written = normalize_credential(credential);
    CREDENTIALS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(&written))
        .map(|(_, s)| *s)
}

/// Whether `word` is a known credential written as credentials are: as the
/// list writes it or in capitals ("PharmD", "PHARMD", "M.D."), so that a
/// surname such as "Do" or "Ma" is not taken for one.
pub fn is_written_as_credential(word: &str) -> bool {
    let written = normalize_credential(word);
    CREDENTIALS.iter().any(|(c, _)| {
        *c == written || (c.eq_ignore_ascii_case(&written) && !written.chars().any(|ch| ch.is_ascii_lowercase()))
    })
}

/// The credentials of one standing, as the list writes them.
pub fn with_standing(wanted: Standing) -> impl Iterator<Item = &'static str> {
    CREDENTIALS
        .iter()
        .filter(move |(_, standing)| *standing == wanted)
        .map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_credential_is_listed_once() {
        let mut keys: Vec<String> = CREDENTIALS.iter().map(|(c, _)| credential_key(c)).collect();
        keys.sort();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count);
    }

    #[test]
    fn credentials_are_known_however_dotted_or_cased() {
        assert_eq!(standing("M.D."), Some(Standing::Qualifying));
        assert_eq!(standing("Ph.D."), Some(Standing::Optional));
        assert_eq!(standing("pharmd"), Some(Standing::Qualifying));
        assert_eq!(standing("FNP-BC"), Some(Standing::Qualifying));
        assert_eq!(standing("MBA"), Some(Standing::Recognised));
        assert_eq!(standing("Esq"), None);
    }

    #[test]
    fn surnames_are_not_credentials() {
        for word in ["MD", "M.D.", "PharmD", "PHARMD", "Ph.D.", "DO", "OTR/L"] {
            assert!(is_written_as_credential(word), "{word}");
        }
        for word in ["Do", "Ma", "Pt", "Nd", "Rn", "Smith"] {
            assert!(!is_written_as_credential(word), "{word}");
        }
    }
}
