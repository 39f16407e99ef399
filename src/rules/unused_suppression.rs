//! `unused-suppression`: a `medlint-disable` comment that hides nothing.
//!
//! Found by the suppression pass (`crate::suppress`), which runs after every
//! other rule; the check function here has nothing to do on its own.

use crate::context::Context;
use crate::diagnostic::Emitter;
use crate::options::Options;

declare_rule! {
    /// ## What it does
    /// Reports a suppression comment (`<!-- medlint-disable RULE -->`,
    /// `<!-- medlint-disable-next-line RULE -->`, or front matter
    /// `medlint: { disable: [RULE] }`) that suppresses no finding, or that
    /// names a rule that does not exist.
    ///
    /// ## Why is this bad?
    /// A suppression outlives the problem it was written for. Left in place,
    /// it silently hides the next real finding on those lines.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- medlint-disable-next-line empty-table -->
    /// | Detail   | Value      |
    /// | -------- | ---------- |
    /// | Duration | 30 minutes |
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// | Detail   | Value      |
    /// | -------- | ---------- |
    /// | Duration | 30 minutes |
    /// ```
    pub static UNUSED_SUPPRESSION = {
        name: "unused-suppression",
        category: Input,
        severity: Warning,
        check: check,
    };
}

fn check(_cx: &Context, _options: &Options, _out: &mut Emitter) {}
