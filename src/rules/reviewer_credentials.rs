//! `reviewer-credentials`: the reviewer carries no recognised credential.

use crate::article::credentials::normalize_credential;
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns when the medical reviewer carries no recognised credential. The
    /// default list: MD, DO, MBBS, MBChB, DDS, DMD, DPM, PharmD, RPh, RN, NP,
    /// FNP, FNP-BC, APRN, CRNA, CNM, PA, PA-C, RD, RDN, PT, DPT, PsyD, LCSW.
    /// Fellowship letters (FAAD, FACS, FACP, FAAP, FAAFP, FACOG) count only
    /// beside one of those; PhD and MPH count only if the configuration
    /// allows them. "Dr" is a title, not a credential. `NAME | MD` is read
    /// as a name and a credential.
    ///
    /// ## Why is this bad?
    /// "Medically reviewed" means reviewed by someone licensed to practise.
    /// A reviewer without credentials gives readers false assurance.
    ///
    /// ## Example
    /// ```markdown
    /// *Medically reviewed by Priya Raman on April 5, 2026*
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// *Medically reviewed by Priya Raman, PharmD on April 5, 2026*
    /// ```
    pub static REVIEWER_CREDENTIALS = {
        name: "reviewer-credentials",
        category: Review,
        severity: Warning,
        check: check,
    };
}

fn check(cx: &Context, options: &Options, out: &mut Emitter) {
    let article = &cx.article;
    let Some(reviewer) = article.review.reviewer() else {
        return;
    };
    if reviewer.credentials.iter().any(|c| options.review.qualifies(c)) {
        return;
    }
    let policy = &options.review;
    let fellowships: Vec<&String> = reviewer
        .credentials
        .iter()
        .filter(|c| {
            policy
                .fellowships
                .contains(&normalize_credential(c).to_ascii_uppercase())
        })
        .collect();
    let message = if reviewer.credentials.is_empty() {
        format!("reviewer {} has no recognised credential", quoted(&reviewer.name))
    } else if !fellowships.is_empty() && fellowships.len() == reviewer.credentials.len() {
        format!(
            "reviewer {} lists only fellowship letters ({}), which count only beside a degree such as MD",
            quoted(&reviewer.name),
            reviewer.credentials.join(", ")
        )
    } else {
        format!(
            "reviewer {} has no recognised credential ({} is not on the list)",
            quoted(&reviewer.name),
            reviewer.credentials.join(", ")
        )
    };
    out.emit(reviewer.span.clone(), message).help(
        "name the reviewer's qualifying credential (e.g. \"Priya Raman, PharmD\"), \
         or add it to `review.credentials` in medlint.toml",
    );
}
