//! The language an article is written in: what its text says, trusted over
//! a `lang` tag that contradicts it (CMS templates copy `lang: en` onto
//! translated pages).

use super::Article;

/// Enough prose to tell a language apart reliably, and no more: detection
/// reads only the first this many bytes of the article's prose.
const SAMPLE_BYTES: usize = 2_000;
/// Less prose than this and the tag decides.
const MIN_SAMPLE_BYTES: usize = 80;

/// The language detected in the article's prose, when the detector is
/// sure of it.
pub fn detected(article: &Article<'_>) -> Option<whatlang::Lang> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 200);
    for block in article.blocks.iter().filter(|b| b.kind.is_prose()) {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(&block.text);
        sample.push('\n');
    }
    if sample.len() < MIN_SAMPLE_BYTES {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    info.is_reliable().then(|| info.lang())
}

/// True when the article is in English: what the text says when the
/// detector is sure, else the tag (`lang`/`language`), else English.
pub fn is_english(article: &Article<'_>) -> bool {
    if let Some(lang) = detected(article) {
        return lang == whatlang::Lang::Eng;
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
        assert!(Article::parse(&format!("---\nlang: es\n---\n# T\n\n{ENGLISH}\n")).is_english());
        assert!(Article::parse(&format!("# T\n\n{ENGLISH}\n")).is_english());
    }

    #[test]
    fn the_tag_decides_when_there_is_too_little_text() {
        assert!(!Article::parse("---\nlang: es\n---\n# T\n\nHola.\n").is_english());
        assert!(Article::parse("---\nlang: en\n---\n# T\n\nHola.\n").is_english());
    }
}
