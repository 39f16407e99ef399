//! `reading-level`: the body reads above the target grade.

use crate::article::prose::flesch_kincaid;
use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Computes the Flesch–Kincaid grade of the article body (paragraphs,
    /// list items and quotes; not headings, tables or code):
    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    /// Reports when it is above `readability.max-grade` (8 by default).
    /// Bodies under 100 words, and articles whose front matter `lang` (or
    /// `language`) is not English, are not graded: the formula is English.
    ///
    /// ## Why is this bad?
    /// Health information is used by readers of every literacy level, often
    /// when unwell or worried. Health literacy guidance recommends writing
    /// at grade 8 or below.
    ///
    /// ## Example
    /// ```markdown
    /// Dermatological intervention utilising controlled microtrauma
    /// facilitates neocollagenesis, consequently ameliorating cutaneous
    /// irregularities and atrophic cicatrices.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Tiny needles make small wounds in the skin. As they heal, the skin
    /// makes new collagen. This can smooth scars and fine lines.
    /// ```
    pub static READING_LEVEL = {
        name: "reading-level",
        category: Readability,
        severity: Info,
        check: check,
    };
}

const MIN_WORDS: usize = 100;

/// Word, sentence and syllable counts of the article's prose.
pub(crate) fn prose_counts(cx: &Context) -> (usize, usize, usize) {
    let (mut w, mut s, mut y) = (0, 0, 0);
    for index in 0..cx.article.blocks.len() {
        for counts in cx.sentence_counts(index) {
            w += counts.words;
            y += counts.syllables;
            s += usize::from(counts.words > 0);
        }
    }
    (w, s, y)
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    if !cx.is_english() {
        return;
    }
    let (w, s, y) = prose_counts(cx);
    if w < MIN_WORDS {
        return;
    }
    let grade = shown(flesch_kincaid(w, s, y));
    let target = options.readability.max_grade;
    if grade > target + 1e-9 {
        out.emit(
            article.top_span(),
            format!("reading level is grade {grade:.1} (Flesch-Kincaid), above the target of {target}"),
        )
        .help(format!(
            "use shorter sentences (now {:.0} words on average) and everyday words",
            w as f64 / s as f64
        ));
    }
}

/// The grade as the message shows it, to one decimal: it is compared at
/// that precision, since "grade 8.0, above the target of 8" reads as a
/// false alarm whatever the hundredths say.
fn shown(grade: f64) -> f64 {
    (grade * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn grades_are_compared_as_shown() {
        let above = |grade: f64, target: f64| super::shown(grade) > target + 1e-9;
        assert!(!above(8.04, 8.0));
        assert!(above(8.05, 8.0));
        assert!(!above(7.96, 8.0));
        assert!(above(9.2, 8.0));
    }

    fn grades(source: &str) -> usize {
        crate::findings_of("reading-level", source).len()
    }

    #[test]
    fn only_english_bodies_are_graded() {
        let hard = "Percutaneous dermatological interventions necessitate comprehensive consultation. ".repeat(20);
        assert_eq!(grades(&format!("# T\n\n{hard}\n")), 1);
        assert_eq!(grades(&format!("---\nlang: en-GB\n---\n# T\n\n{hard}\n")), 1);
        assert_eq!(grades(&format!("---\nlang: es\n---\n# T\n\n{hard}\n")), 0);
        // Too short to grade.
        assert_eq!(grades("# T\n\nPercutaneous dermatological interventions.\n"), 0);
    }
}
