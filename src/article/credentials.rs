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

/// Every credential, as written in upper case without dots.
pub const CREDENTIALS: &[(&str, Standing)] = &[
    ("MD", Standing::Qualifying),
    ("DO", Standing::Qualifying),
    ("MBBS", Standing::Qualifying),
    ("MBCHB", Standing::Qualifying),
    ("DDS", Standing::Qualifying),
    ("DMD", Standing::Qualifying),
    ("DPM", Standing::Qualifying),
    ("PHARMD", Standing::Qualifying),
    ("RPH", Standing::Qualifying),
    ("RN", Standing::Qualifying),
    ("NP", Standing::Qualifying),
    ("FNP", Standing::Qualifying),
    ("FNP-BC", Standing::Qualifying),
    ("APRN", Standing::Qualifying),
    ("CRNA", Standing::Qualifying),
    ("CNM", Standing::Qualifying),
    ("PA", Standing::Qualifying),
    ("PA-C", Standing::Qualifying),
    ("RD", Standing::Qualifying),
    ("RDN", Standing::Qualifying),
    ("PT", Standing::Qualifying),
    ("DPT", Standing::Qualifying),
    ("PSYD", Standing::Qualifying),
    ("LCSW", Standing::Qualifying),
    ("FAAD", Standing::Fellowship),
    ("FACS", Standing::Fellowship),
    ("FACP", Standing::Fellowship),
    ("FAAP", Standing::Fellowship),
    ("FAAFP", Standing::Fellowship),
    ("FACOG", Standing::Fellowship),
    ("PHD", Standing::Optional),
    ("MPH", Standing::Optional),
    ("MS", Standing::Recognised),
    ("MSN", Standing::Recognised),
    ("BSN", Standing::Recognised),
    ("DNP", Standing::Recognised),
    ("MA", Standing::Recognised),
    ("MBA", Standing::Recognised),
    ("FACC", Standing::Recognised),
    ("FRCP", Standing::Recognised),
    ("FRCS", Standing::Recognised),
    ("MRCP", Standing::Recognised),
    ("MRCGP", Standing::Recognised),
    ("IBCLC", Standing::Recognised),
    ("CDCES", Standing::Recognised),
    ("LPN", Standing::Recognised),
    ("DC", Standing::Recognised),
    ("OD", Standing::Recognised),
    ("ND", Standing::Recognised),
    ("MSC", Standing::Recognised),
    ("BSC", Standing::Recognised),
    ("DRPH", Standing::Recognised),
    ("SCD", Standing::Recognised),
    ("LMFT", Standing::Recognised),
    ("LPC", Standing::Recognised),
    ("MSW", Standing::Recognised),
    ("CNS", Standing::Recognised),
    ("OTR", Standing::Recognised),
    ("CCC-SLP", Standing::Recognised),
];

/// "M.D." → "MD"; keeps case ("PhD").
pub fn normalize_credential(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .collect()
}

/// A credential as the list writes it: "Ph.D." → "PHD".
pub fn credential_key(text: &str) -> String {
    normalize_credential(text).to_ascii_uppercase()
}

/// The standing of a credential, if medlint knows it.
pub fn standing(credential: &str) -> Option<Standing> {
    let key = credential_key(credential);
    CREDENTIALS.iter().find(|(c, _)| *c == key).map(|(_, s)| *s)
}

/// The credentials of one standing.
pub fn with_standing(wanted: Standing) -> impl Iterator<Item = &'static str> {
    CREDENTIALS
        .iter()
        .filter(move |(_, standing)| *standing == wanted)
        .map(|(c, _)| *c)
}
