//! The cue words of claim frames (`cues.toml`, compiled in, extended by
//! `[claims]` in medlint.toml): populations, variants and attributes that
//! tell figures apart, and synonyms that tell them alike.

use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashMap;

use crate::claims::subject::stem;

/// The shipped cue lists.
pub const SHIPPED: &str = include_str!("cues.toml");

/// A facet of a figure: a group of people, a version of a treatment, an
/// aspect, or the medicine a dose is of. Figures whose facets of one kind
/// differ are not compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Population,
    Variant,
    Attribute,
    Medicine,
}

impl FacetKind {
    /// Every kind, in the order frames compare them.
    pub const ALL: [FacetKind; 4] = [
        FacetKind::Population,
        FacetKind::Variant,
        FacetKind::Attribute,
        FacetKind::Medicine,
    ];

    /// The kind a list of `cues.toml` (or of `[claims]`) sets: `Some(None)`
    /// for synonyms, `None` for a list of no known name.
    pub fn of_list(list: &str) -> Option<Option<FacetKind>> {
        match list {
            "populations" => Some(Some(FacetKind::Population)),
            "variants" => Some(Some(FacetKind::Variant)),
            "attributes" => Some(Some(FacetKind::Attribute)),
            "medicines" => Some(Some(FacetKind::Medicine)),
            "synonyms" => Some(None),
            _ => None,
        }
    }
}

/// What one word means to claim frames.
#[derive(Debug, Clone, Default)]
pub struct WordCues {
    /// Facets the word sets, by kind and name index.
    pub facets: Vec<(FacetKind, u16)>,
    /// The canonical word of its synonym group, if it has one.
    pub synonym: Option<Box<str>>,
}

/// The cue lists, by stemmed word.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    words: FxHashMap<Box<str>, WordCues>,
    /// Facet names, by kind, for messages and config.
    names: Vec<(FacetKind, String)>,
}

impl Cues {
    /// The shipped lists.
    pub fn shipped() -> Arc<Cues> {
        static SHIPPED_CUES: LazyLock<Arc<Cues>> = LazyLock::new(|| {
            let mut cues = Cues::default();
            cues.extend(SHIPPED).expect("the shipped cue lists parse");
            Arc::new(cues)
        });
        SHIPPED_CUES.clone()
    }

    /// Adds the lists of a TOML text laid out as `cues.toml` is.
    pub fn extend(&mut self, text: &str) -> Result<(), String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.message().to_string())?;
        for (section, groups) in &table {
            let kind = FacetKind::of_list(section).ok_or_else(|| format!("unknown list \"{section}\""))?;
            let groups = groups
                .as_table()
                .ok_or_else(|| format!("[{section}] must be a table"))?;
            for (name, words) in groups {
                let words: Vec<&str> = words
                    .as_array()
                    .ok_or_else(|| format!("{section}.{name} must be a list of words"))?
                    .iter()
                    .map(|w| w.as_str().ok_or_else(|| format!("{section}.{name} must hold words")))
                    .collect::<Result<_, _>>()?;
                self.add(kind, name, &words);
            }
        }
        Ok(())
    }

    /// Adds one group of words: a facet of `kind`, or synonyms.
    pub fn add(&mut self, kind: Option<FacetKind>, name: &str, words: &[&str]) {
        let facet = kind.map(|kind| {
            let index = self
                .names
                .iter()
                .position(|(k, n)| *k == kind && n == name)
                .unwrap_or_else(|| {
                    self.names.push((kind, name.to_string()));
                    self.names.len() - 1
                });
            (kind, u16::try_from(index).unwrap_or(u16::MAX))
        });
        let canonical: Box<str> = stem(&name.to_lowercase()).into();
        for word in words {
            let entry = self.words.entry(stem(&word.to_lowercase()).into()).or_default();
            match facet {
                Some(facet) if !entry.facets.contains(&facet) => entry.facets.push(facet),
                Some(_) => {}
                None => {
                    entry.synonym.get_or_insert_with(|| canonical.clone());
                }
            }
            // A medicine's names (its brands) are one word to frames too.
            if kind == Some(FacetKind::Medicine) {
                entry.synonym.get_or_insert_with(|| canonical.clone());
            }
        }
    }

    /// What a stemmed word means to claim frames.
    pub fn of(&self, stemmed: &str) -> Option<&WordCues> {
        self.words.get(stemmed)
    }

    /// The index of the facet of `kind` called `name`, if there is one.
    pub fn index_of(&self, kind: FacetKind, name: &str) -> Option<u16> {
        let at = self.names.iter().position(|(k, n)| *k == kind && n == name)?;
        u16::try_from(at).ok()
    }

    /// A facet's name.
    pub fn name(&self, index: u16) -> &str {
        self.names.get(usize::from(index)).map_or("", |(_, name)| name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_parse_and_stem() {
        let cues = Cues::shipped();
        let children = cues.of(&stem("children")).expect("children is a population");
        assert!(children.facets.iter().any(|(k, _)| *k == FacetKind::Population));
        assert_eq!(cues.of(&stem("job")).and_then(|c| c.synonym.as_deref()), Some("work"));
        assert!(cues.of("zzz").is_none());
    }

    #[test]
    fn lists_extend_and_errors_name_the_list() {
        let mut cues = Cues::default();
        cues.extend("[variants]\nhot = [\"hot\"]\ncold = [\"cold\", \"iced\"]\n")
            .unwrap();
        let (hot, iced) = (cues.of("hot").unwrap(), cues.of("iced").unwrap());
        assert_ne!(hot.facets, iced.facets);
        assert_eq!(
            cues.extend("[colours]\nred = [\"red\"]\n").unwrap_err(),
            "unknown list \"colours\""
        );
        assert!(
            cues.extend("[variants]\nhot = \"hot\"\n")
                .unwrap_err()
                .contains("list of words")
        );
    }
}
