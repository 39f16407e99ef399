//! Structured fuzzing for size-driven slowness: a deterministic generator
//! builds whole articles of up to a few hundred kilobytes (front matter
//! with many keys, prose dense in figures, long sentences, runs of
//! numbers, tables, lists, suppression comments, FAQ entries) and lints
//! each with every rule under a time limit. A run that takes longer than
//! the limit, crashes or reports an internal error is a finding; its input
//! is written out so that it can be replayed.
//!
//! The normal test suite runs a few dozen small seeds and replays the kept
//! inputs in `fuzz/structured/`. The long run is:
//!
//! ```sh
//! MEDLINT_FUZZ_SECONDS=600 MEDLINT_FUZZ_LIMIT_MS=3000 \
//!   cargo test --release --test structured_fuzz -- --nocapture
//! ```
//!
//! `MEDLINT_FUZZ_SEED` starts from another seed; `MEDLINT_FUZZ_KEEP=DIR`
//! writes the slowest input of each shape there (how `fuzz/structured/`
//! was filled).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// xorshift64*: small, deterministic, good enough to pick pieces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const UNITS: &[&str] = &[
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "mg",
    "ml",
    "%",
    "sessions",
    "treatments",
    "doses",
    "times a day",
    "mg/kg",
];
const SUBJECTS: &[&str] = &[
    "Sessions last",
    "Recovery takes",
    "Most people need",
    "Children aged",
    "Adults should take",
    "Redness fades within",
    "Results show after",
    "The procedure takes about",
    "Take no more than",
    "Swelling lasts up to",
    "1 in",
    "Around",
];
const BOUNDS: &[&str] = &[
    "",
    "at least ",
    "up to ",
    "no more than ",
    "between ",
    "about ",
    "under ",
    "over ",
];
const RULES: &[&str] = &[
    "empty-section",
    "inconsistent-number",
    "uncited-statistic",
    "long-sentence",
    "empty-table-cell",
    "missing-section",
];

/// A figure: a number, a range or a bound, with a unit.
fn figure(rng: &mut Rng) -> String {
    let a = rng.below(60) + 1;
    let unit = rng.pick(UNITS);
    match rng.below(5) {
        0 => format!("{a}-{} {unit}", a + rng.below(20) + 1),
        1 => format!("{a} to {} {unit}", a + rng.below(20) + 1),
        2 => format!("{}{a}.{} {unit}", rng.pick(BOUNDS), rng.below(10)),
        _ => format!("{}{a} {unit}", rng.pick(BOUNDS)),
    }
}

fn sentence(rng: &mut Rng) -> String {
    format!("{} {}.", rng.pick(SUBJECTS), figure(rng))
}

/// One piece of an article body, of one of the shapes the harness knows.
fn piece(rng: &mut Rng, shape: usize, i: usize) -> String {
    match shape {
        // Prose dense in figures, paragraph by paragraph or one long line.
        0 => {
            let n = rng.below(6) + 1;
            let mut p: Vec<String> = (0..n).map(|_| sentence(rng)).collect();
            p.push(if rng.below(4) == 0 { " ".into() } else { "\n\n".into() });
            p.join(" ")
        }
        // One sentence that never ends: figures joined by "and" or commas.
        1 => format!("{} {} and ", rng.pick(SUBJECTS), figure(rng)),
        2 => format!("{}, ", rng.below(100)),
        // A table row, sometimes with empty cells or a new table.
        3 => {
            let mut row = if rng.below(50) == 0 {
                "\n| Step | Time | Note |\n| --- | --- | --- |\n".to_string()
            } else {
                String::new()
            };
            let value = if rng.below(5) == 0 { String::new() } else { figure(rng) };
            row.push_str(&format!(
                "| Row {i} {} | {value} | {} |\n",
                rng.pick(SUBJECTS),
                rng.below(9)
            ));
            row
        }
        // A list item with a lead.
        4 => format!("- Step {i} {}: {}\n", rng.pick(SUBJECTS), sentence(rng)),
        // A suppression before an empty section.
        5 => format!(
            "<!-- medlint-disable-next-line {} -->\n## Empty {i}\n\n",
            rng.pick(RULES)
        ),
        // FAQ entries, some repeated, some unanswered.
        6 => match rng.below(3) {
            0 => format!(
                "**How long does question {} take?**\n\n{}\n\n",
                rng.below(500),
                sentence(rng)
            ),
            1 => format!("### Is {} normal?\n\n", figure(rng)),
            _ => format!("### Question {i}?\n\n{}\n\n", sentence(rng)),
        },
        // Headings and sections.
        _ => format!("## Section {}\n\n{}\n\n", rng.below(1000), sentence(rng)),
    }
}

const SHAPES: usize = 8;
const SHAPE_NAMES: [&str; SHAPES + 2] = [
    "prose",
    "sentence",
    "numbers",
    "table",
    "list",
    "suppressions",
    "faq",
    "sections",
    "yaml",
    "toml",
];

/// An article of about `size` bytes: front matter, then a body whose
/// pieces come mostly from one shape (`main`), mixed with others.
fn article(rng: &mut Rng, main: usize, size: usize) -> String {
    let mut out = String::with_capacity(size + 1024);
    let keys = if main >= SHAPES { size / 24 } else { rng.below(40) };
    if main == SHAPES + 1 || (main < SHAPES && rng.below(4) == 0) {
        out.push_str("+++\n");
        for k in 0..keys {
            out.push_str(&format!("key_{k} = \"{}\"\n", figure(rng)));
        }
        out.push_str("+++\n");
    } else {
        out.push_str("---\ntitle: \"A test article\"\nreviewed_on: 2026-01-0");
        out.push_str(&format!("{}\n", rng.below(9) + 1));
        for k in 0..keys {
            match rng.below(3) {
                0 => out.push_str(&format!("key_{k}: {}\n", figure(rng))),
                1 => out.push_str(&format!("key_{k}:\n  - {}\n  - x\n", rng.below(99))),
                _ => out.push_str(&format!("key_{k}: \"{}\"\n", sentence(rng))),
            }
        }
        out.push_str("---\n");
    }
    out.push_str("# A test article\n\n## Key Takeaways\n\n- ");
    out.push_str(&sentence(rng));
    out.push_str("\n\n");
    let body = main.min(SHAPES - 1);
    let mut i = 0;
    while out.len() < size {
        let shape = if main < SHAPES && rng.below(10) < 8 {
            body
        } else {
            rng.below(SHAPES)
        };
        out.push_str(&piece(rng, shape, i));
        i += 1;
    }
    out.push_str(
        "\n\n## Frequently Asked Questions\n\n### Does it hurt?\n\nA little.\n\n## The Bottom Line\n\nDone.\n",
    );
    out
}

struct Outcome {
    elapsed: Duration,
    problem: Option<String>,
}

/// Lints `path` with every rule, killing the run past `limit`.
fn lint(path: &Path, limit: Duration) -> Outcome {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_medlint"))
        .args([
            "check",
            "--no-config",
            "--today",
            "2026-11-24",
            "--format",
            "concise",
            "--quiet",
        ])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let elapsed = start.elapsed();
            let mut stderr = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
            let problem = match status.code() {
                Some(0 | 1) if stderr.trim().is_empty() => None,
                code => Some(format!(
                    "exit {code:?}, stderr: {}",
                    stderr.chars().take(500).collect::<String>()
                )),
            };
            let problem = problem.or_else(|| (elapsed > limit).then(|| format!("took {elapsed:?}, over {limit:?}")));
            return Outcome { elapsed, problem };
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            return Outcome {
                elapsed: start.elapsed(),
                problem: Some(format!("still running after {limit:?}")),
            };
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// The per-input limit: generous for the debug build the normal test suite
/// uses, which is many times slower than a release build.
fn limit() -> Duration {
    let default = if cfg!(debug_assertions) { 30_000 } else { 3_000 };
    Duration::from_millis(env_u64("MEDLINT_FUZZ_LIMIT_MS").unwrap_or(default))
}

#[test]
fn generated_articles_lint_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let seconds = env_u64("MEDLINT_FUZZ_SECONDS");
    let mut seed = env_u64("MEDLINT_FUZZ_SEED").unwrap_or(1);
    let keep = std::env::var_os("MEDLINT_FUZZ_KEEP").map(PathBuf::from);
    let limit = limit();
    let start = Instant::now();
    let mut slowest: Vec<(Duration, String)> = vec![(Duration::ZERO, String::new()); SHAPES + 2];
    let (mut runs, mut bytes, mut findings) = (0usize, 0usize, Vec::new());
    loop {
        match seconds {
            Some(s) if start.elapsed() >= Duration::from_secs(s) => break,
            None if runs >= 2 * (SHAPES + 2) => break,
            _ => {}
        }
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let shape = (seed as usize) % (SHAPES + 2);
        // Up to a few hundred kilobytes in the long run; small in the quick one.
        let size = match seconds {
            Some(_) => 1_000 + rng.below(400_000),
            None => 1_000 + rng.below(30_000),
        };
        let text = article(&mut rng, shape, size);
        let path = dir.path().join(format!("seed-{seed}.md"));
        std::fs::write(&path, &text).unwrap();
        let outcome = lint(&path, limit);
        runs += 1;
        bytes += text.len();
        if let Some(problem) = outcome.problem {
            let saved = keep
                .as_deref()
                .unwrap_or(dir.path())
                .join(format!("finding-seed-{seed}.md"));
            std::fs::write(&saved, &text).unwrap();
            findings.push(format!(
                "seed {seed} ({}, {} bytes): {problem}",
                SHAPE_NAMES[shape],
                text.len()
            ));
        } else if outcome.elapsed > slowest[shape].0 && text.len() <= 200_000 {
            slowest[shape] = (outcome.elapsed, text);
        }
        seed += 1;
    }
    if let Some(keep) = &keep {
        std::fs::create_dir_all(keep).unwrap();
        for (shape, (elapsed, text)) in slowest.iter().enumerate() {
            if !text.is_empty() {
                std::fs::write(keep.join(format!("slowest-{}.md", SHAPE_NAMES[shape])), text).unwrap();
                eprintln!("slowest {}: {elapsed:?} for {} bytes", SHAPE_NAMES[shape], text.len());
            }
        }
    }
    eprintln!(
        "{runs} articles, {:.1} MB, in {:?}; limit {limit:?} each; {} findings",
        bytes as f64 / 1e6,
        start.elapsed(),
        findings.len()
    );
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}

/// The inputs kept from long runs (the slowest of each shape) stay within
/// the limit.
#[test]
fn kept_inputs_lint_in_time() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/structured");
    let mut kept: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    kept.sort();
    assert!(!kept.is_empty(), "no kept inputs in {}", dir.display());
    let limit = limit();
    for path in kept {
        let outcome = lint(&path, limit);
        assert!(outcome.problem.is_none(), "{}: {:?}", path.display(), outcome.problem);
    }
}
