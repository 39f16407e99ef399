//! `dose-notation`: a dose written with a trailing zero or a naked decimal.

use crate::claims::dose::{DoseMention, doses};
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a dose written with a trailing zero after the decimal point
    /// ("5.0 mg", "1.0 mL", "2.50 mg") or with no zero before the decimal
    /// point (".5 mg", ".25 mcg"). Only amounts with a dose unit count:
    /// version numbers, lab results ("7.0%", "5.0 mmol/L", "1.0 mg/dL")
    /// and plain numbers are left alone.
    ///
    /// ## Why is this bad?
    /// The Joint Commission's "Do Not Use" list and ISMP's list of
    /// error-prone dose designations forbid both forms, because a decimal
    /// point is easy to miss: "5.0 mg" has been given as 50 mg and ".5 mg"
    /// as 5 mg, tenfold overdoses. A reader copying a dose from an article
    /// makes the same mistake.
    ///
    /// ## Example
    /// ```markdown
    /// The usual starting dose is 5.0 mg, or .5 mg for older adults.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The usual starting dose is 5 mg, or 0.5 mg for older adults.
    /// ```
    pub static DOSE_NOTATION = {
        name: "dose-notation",
        category: Medication,
        severity: Error,
        check: check,
    };
}

fn check(cx: &Context, _options: &Options, out: &mut Emitter) {
    for block in &cx.article.blocks {
        // Every dose has a digit: most blocks are ruled out without a search.
        if !block.text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        for dose in doses(&block.text) {
            if dose.is_lab_value() {
                continue;
            }
            let Some(safe) = replacement(&block.text, &dose) else {
                continue;
            };
            let written = &block.text[dose.span.clone()];
            let problem = if dose.amounts.iter().any(|(_, a)| a.starts_with('.')) {
                "has no zero before the decimal point"
            } else {
                "has a trailing zero"
            };
            let misread = misreading(&dose);
            out.emit(
                block.source_span(dose.span.clone()),
                format!("dose {} {problem}", quoted(written)),
            )
            .help(format!(
                "write {}; {} can be misread as {}",
                quoted(&safe),
                quoted(written),
                quoted(&misread)
            ));
        }
    }
}

/// The safe form of the dose at `dose.span` in `text` ("5.0 mg" → "5 mg",
/// ".5 mg" → "0.5 mg"), or `None` when it is already safe. The one place
/// the fix is computed: a code action can replace the span with it.
pub fn replacement(text: &str, dose: &DoseMention) -> Option<String> {
    let mut safe = String::new();
    let mut at = dose.span.start;
    let mut changed = false;
    for (range, amount) in &dose.amounts {
        safe.push_str(&text[at..range.start]);
        let fixed = safe_amount(amount);
        changed |= fixed != *amount;
        safe.push_str(&fixed);
        at = range.end;
    }
    safe.push_str(&text[at..dose.span.end]);
    changed.then_some(safe)
}

/// An amount without trailing decimal zeros and with a leading zero.
pub fn safe_amount(amount: &str) -> String {
    let mut fixed = if amount.starts_with('.') {
        format!("0{amount}")
    } else {
        amount.to_string()
    };
    if fixed.contains('.') {
        fixed = fixed.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    fixed
}

/// How the unsafe form gets misread: the point lost ("5.0" → "50",
/// ".5" → "5").
fn misreading(dose: &DoseMention) -> String {
    let amounts: Vec<String> = dose.amounts.iter().map(|(_, a)| a.replace('.', "")).collect();
    let amount = amounts
        .iter()
        .zip(&dose.amounts)
        .find(|(_, (_, a))| *a != safe_amount(a))
        .map_or_else(
            || amounts.join(""),
            |(lost, _)| lost.trim_start_matches('0').to_string(),
        );
    format!("{amount} {}", dose.unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> Option<String> {
        let dose = doses(text).into_iter().next()?;
        replacement(text, &dose)
    }

    #[test]
    fn safe_forms() {
        assert_eq!(fix("take 5.0 mg").as_deref(), Some("5 mg"));
        assert_eq!(fix("take .5 mg").as_deref(), Some("0.5 mg"));
        assert_eq!(fix("take 2.50 mg").as_deref(), Some("2.5 mg"));
        assert_eq!(fix("take 1.0-2.0 mL").as_deref(), Some("1-2 mL"));
        assert_eq!(fix("take 0.5 mg"), None);
        assert_eq!(fix("take 10 mg"), None);
    }
}
