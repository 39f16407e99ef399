//! The language an article is written in: what its text says, trusted over
//! a `lang` tag that contradicts it (CMS templates copy `lang: en` onto
//! translated pages).

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use super::Article;

/// The languages told apart: English and the languages health sites most
/// often publish beside it. Fewer candidates keep detection fast (it runs
/// on every article) and its answers sure; a page in another language
/// falls back to its tag.
static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_allowlist(vec![
        Lang::Eng,
        Lang::Spa,
        Lang::Fra,
        Lang::Deu,
        Lang::Por,
        Lang::Ita,
        Lang::Nld,
        Lang::Pol,
        Lang::Vie,
        Lang::Tgl,
    ])
});

/// Enough prose to tell a language apart reliably, and no more: detection
/// reads only the first this many bytes of the article's prose.
const SAMPLE_BYTES: usize = 1_000;
/// Less prose than this and the tag decides.
const MIN_SAMPLE_BYTES: usize = 80;

/// The language detected in the article's prose, when the detector is
/// sure of it and the prose is not plain ASCII.
pub fn detected(article: &Article<'_>) -> Option<Lang> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 200);
    for block in article.blocks.iter().filter(|b| b.kind.is_prose()) {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(&block.text);
        sample.push('\n');
    }
    // Spanish, French, German, Portuguese and the rest write accents within
    // a few sentences; a sample in plain ASCII is left to the tag. Detection
    // costs about 50 µs an article, doubling the time of a whole run over
    // real pages; most English pages are ASCII and skip it.
    if sample.len() < MIN_SAMPLE_BYTES || sample.is_ascii() {
        return None;
    }
    let info = DETECTOR.detect(&sample)?;
    info.is_reliable().then(|| info.lang())
}

/// True when the article is in English: what the text says when the
/// detector is sure, else the tag (`lang`/`language`), else English. An
/// English page tagged in another language and written in plain ASCII
/// keeps its tag.
pub fn is_english(article: &Article<'_>) -> bool {
    if let Some(lang) = detected(article) {
        return lang == Lang::Eng;
    }
    article
        .language()
        .is_none_or(|lang| lang.trim().to_ascii_lowercase().starts_with("en"))
}

#[cfg(test)]
mod tests {
    use crate::article::Article;

    const SPANISH: &str = "Si usted tiene un seguro médico a través de su empleador, puede que no necesite hacer nada. Visite el sitio web del Mercado de Seguros Médicos para saber más sobre sus opciones de cobertura y los costos de los planes.";
    const ENGLISH: &str = "If you have health insurance through your employer, you may not need to do anything. Visit the Health Insurance Marketplace website to learn more about your coverage options and what plans cost.";

    #[test]
    fn the_text_wins_over_a_contradicting_tag() {
        assert!(!Article::parse(&format!("---\nlang: en\n---\n# T\n\n{SPANISH}\n")).is_english());
        let curly = ENGLISH.replace("you may", "you’re likely to");
        assert!(Article::parse(&format!("---\nlang: es\n---\n# T\n\n{curly}\n")).is_english());
        assert!(Article::parse(&format!("# T\n\n{ENGLISH}\n")).is_english());
    }

    #[test]
    fn the_tag_decides_when_there_is_too_little_text() {
        assert!(!Article::parse("---\nlang: es\n---\n# T\n\nHola.\n").is_english());
        assert!(Article::parse("---\nlang: en\n---\n# T\n\nHola.\n").is_english());
    }
}
