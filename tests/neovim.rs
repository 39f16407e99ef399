//! A real editor: headless Neovim's built-in LSP client against
//! `medlint server`. Without `nvim` the test says it skipped, unless
//! `MEDLINT_REQUIRE_NEOVIM=1` (as `.ci/run` sets) makes that a failure.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn nvim_available() -> bool {
    let runs = Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs {
        assert!(
            std::env::var_os("MEDLINT_REQUIRE_NEOVIM").is_none(),
            "neovim is required (MEDLINT_REQUIRE_NEOVIM) but `nvim` cannot be run"
        );
        eprintln!(
            "\n\n*** SKIPPED neovim_shows_medlint_findings: `nvim` cannot be run; install neovim to run it ***\n\n"
        );
    }
    runs
}

const ARTICLE: &str = "\
# Treating Mild Acne 😀

Café 🧴 notes. <!-- medlint-disable-line empty-table -->

## Key Takeaways

- Gentle cleansing helps

## Options 🧴 You Can Try

## The Bottom Line

Most mild acne improves with simple care.
";

#[test]
fn neovim_shows_medlint_findings() {
    if !nvim_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("acne.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let out = dir.path().join("diagnostics.json");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/neovim/diagnostics.lua");
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("MEDLINT_BIN", env!("CARGO_BIN_EXE_medlint"))
        .env("ARTICLE", &article)
        .env("OUT", &out)
        .env("HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .env_remove("MEDLINT_TODAY")
        .status()
        .expect("nvim runs");
    assert!(status.success(), "nvim failed: {status}");
    let result: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(result.get("error").is_none(), "{result}");
    assert_eq!(result["stopped"], true, "the server stopped when asked");
    let diagnostics = result["diagnostics"].as_array().unwrap();
    let find = |code: &str| {
        diagnostics
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
    };
    // Neovim turns the server's UTF-16 columns into byte columns of its
    // buffer: they land on the finding only if the server counted right.
    let line = ARTICLE.lines().nth(2).unwrap();
    let unused = find("unused-suppression");
    assert_eq!(unused["lnum"], 2);
    assert_eq!(unused["col"], line.find("<!--").unwrap());
    assert_eq!(unused["end_col"], line.len());
    assert_eq!(unused["source"], "medlint");
    let empty = find("empty-section");
    assert_eq!(empty["lnum"], 8);
    assert_eq!(empty["col"], 0);
    assert_eq!(empty["end_col"], "## Options 🧴 You Can Try".len());
    assert!(empty["message"].as_str().unwrap().contains("Options 🧴 You Can Try"));
}
