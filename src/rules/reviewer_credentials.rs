//! `reviewer-credentials`: the reviewer carries no recognised credential.

use crate::article::credentials::{normalize_credential, standing};
use crate::context::Context;
use crate::diagnostic::{Emitter, quoted};
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Warns when the medical reviewer carries no credential that qualifies
    /// them to review health content. A licence to practise qualifies:
    ///
    /// * physicians: MD, DO, MBBS, MBChB, MBBCh, BMBS, and the UK
    ///   membership exams MRCGP, MRCP, MRCS; podiatrists: DPM
    /// * dentists and optometrists: DDS, DMD, BDS, OD
    /// * pharmacists: PharmD, RPh
    /// * nurses, nurse practitioners and midwives: RN, NP, FNP, FNP-BC,
    ///   FNP-C, AGNP-C, ANP-BC, ACNP-BC, AGACNP-BC, PMHNP-BC, WHNP-BC,
    ///   PNP-BC, CPNP, NNP-BC, APRN, DNP, CRNA, CNM
    /// * physician assistants: PA, PA-C
    /// * dietitians: RD, RDN, LD, LDN
    /// * therapists: PT, DPT, OT, OTR, OTR/L, SLP, CCC-SLP
    /// * licensed mental health clinicians: PsyD, LCSW, LICSW, LMFT, LPC,
    ///   LMHC, LCPC, LPCC
    ///
    /// Fellowship letters (FAAD, FACS, FACP, FAAP, FAAFP, FACOG, FACC,
    /// FACEP, FRCP, FRCS, FRCPC, FAAO, FAAN, FAANP) count only beside one of
    /// those. PhD, MPH and DrPH count only with `review.allow-phd-mph =
    /// true`. Degrees and certifications such as MS, MSN, BSN, MA, MBA,
    /// BCPS, CDCES and IBCLC are read as credentials but qualify nobody
    /// alone; `review.credentials` in medlint.toml adds more that qualify.
    /// "Dr" is a title, not a credential. Credentials are read after a
    /// comma ("Lee Park, MD"), a bar ("Lee Park | MD"), in parentheses
    /// ("Lee Park (DDS)") or straight after the name ("Lee Park MD"), with
    /// or without dots ("M.D."). When the front matter names "Dr. Lee Park"
    /// and the byline "Lee Park, MD", they are one reviewer, with the
    /// credential the byline states. The finding points at the reviewer.
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
    } else if reviewer.credentials.iter().all(|c| standing(c).is_none()) {
        format!(
            "reviewer {} has no recognised credential ({} is not on the list)",
            quoted(&reviewer.name),
            reviewer.credentials.join(", ")
        )
    } else {
        let verb = if reviewer.credentials.len() == 1 { "does" } else { "do" };
        format!(
            "reviewer {} has no qualifying credential ({} {verb} not qualify a medical reviewer)",
            quoted(&reviewer.name),
            reviewer.credentials.join(", ")
        )
    };
    out.emit(reviewer.span.clone(), message).help(
        "name the reviewer's qualifying credential (e.g. \"Priya Raman, PharmD\"), \
         or add it to `review.credentials` in medlint.toml",
    );
}

#[cfg(test)]
mod tests {
    use crate::article::credentials::{CREDENTIALS, Standing};
    use crate::findings_of;

    fn messages(source: &str) -> Vec<String> {
        findings_of("reviewer-credentials", source)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn the_message_says_why_the_credentials_fall_short() {
        let byline = |who: &str| format!("# T\n\nMedically reviewed by {who} on March 4, 2026\n");
        assert_eq!(
            messages(&byline("Lee Park")),
            ["reviewer \"Lee Park\" has no recognised credential"]
        );
        assert_eq!(
            messages(&byline("Lee Park, MBA, IBCLC")),
            ["reviewer \"Lee Park\" has no qualifying credential (MBA, IBCLC do not qualify a medical reviewer)"]
        );
        assert_eq!(
            messages(&byline("Lee Park, XYZ")),
            ["reviewer \"Lee Park\" has no recognised credential (XYZ is not on the list)"]
        );
        assert!(messages(&byline("Lee Park, LMFT")).is_empty());
        assert!(messages(&byline("Lee Park, OD")).is_empty());
    }

    /// The docs name every credential that qualifies by default, and every
    /// fellowship: `explain` tells the truth about the one list.
    #[test]
    fn the_docs_list_the_credentials_that_qualify() {
        let docs = super::REVIEWER_CREDENTIALS.docs();
        let words: Vec<&str> = docs
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '/'))
            .collect();
        for (credential, standing) in CREDENTIALS {
            if matches!(
                standing,
                Standing::Qualifying | Standing::Fellowship | Standing::Optional
            ) {
                assert!(words.contains(credential), "{credential} is not in the docs");
            }
        }
    }
}
