//! Medication data the rules read: the error-prone dose abbreviations
//! (`lints/unsafe-abbreviations.toml`, extended by `[medication]` in a
//! config) and how old a cited source may be.

use std::sync::{Arc, LazyLock};

use serde::Deserialize;

/// Where an abbreviation counts as part of a dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DoseContext {
    /// Right after an amount ("10 U", "5 cc").
    AfterNumber,
    /// Next to a dose ("MS 10 mg", "10 mg HS").
    BesideDose,
    /// In a sentence with a dose or a dosing verb.
    DoseSentence,
    /// In a sentence about drops, eyes or ears.
    EyeEar,
    Anywhere,
}

/// One error-prone abbreviation and its written-out form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Abbreviation {
    pub forms: Vec<String>,
    pub means: String,
    pub context: DoseContext,
    #[serde(default)]
    pub misread: Option<String>,
}

#[derive(Deserialize)]
struct AbbreviationFile {
    abbreviation: Vec<Abbreviation>,
}

/// The shipped list.
pub fn shipped_abbreviations() -> Arc<Vec<Abbreviation>> {
    static SHIPPED: LazyLock<Arc<Vec<Abbreviation>>> = LazyLock::new(|| {
        let file: AbbreviationFile = toml::from_str(include_str!("../lints/unsafe-abbreviations.toml"))
            .expect("the shipped abbreviation list parses");
        Arc::new(file.abbreviation)
    });
    SHIPPED.clone()
}

/// An abbreviation a publisher adds: counted in a sentence with a dose.
pub fn custom_abbreviation(form: &str, means: &str) -> Abbreviation {
    Abbreviation {
        forms: vec![form.to_string()],
        means: means.to_string(),
        context: DoseContext::DoseSentence,
        misread: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_loads() {
        assert!(
            shipped_abbreviations()
                .iter()
                .any(|a| a.forms.contains(&"QD".to_string()))
        );
    }
}
