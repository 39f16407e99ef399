//! The crate's modules form layers, and code only imports from layers
//! below its own: no import circles, and no lower layer reaching up (the
//! article model never sees the rules, the rules never see the config).
//! This reads the `crate::…` paths in each module's non-test code.

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module and its layer; a module may use only modules of
/// a lower layer. `lib.rs` and `main.rs` sit above them all.
const LAYERS: &[(&str, u8)] = &[
    ("suggest", 0),
    ("pattern", 0),
    ("line_index", 0),
    ("diagnostic", 0),
    ("escape", 0),
    ("toml_file", 1),
    ("discover", 1),
    ("article", 2),
    ("claims", 3),
    ("medication", 3),
    ("references", 3),
    ("options", 4),
    ("context", 5),
    ("packs", 6),
    ("rules", 7),
    ("suppress", 8),
    ("fix", 8),
    ("render", 9),
    ("articles", 3),
    ("config", 10),
    ("baseline", 10),
    ("changed", 1),
    ("reviews", 10),
    ("report", 11),
    ("server", 11),
    ("cli", 12),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(name, _)| *name == module).map(|(_, layer)| *layer)
}

/// Source files under `dir`, with the top-level module each belongs to.
fn files(dir: &Path, module: Option<&str>, out: &mut Vec<(String, std::path::PathBuf)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let owner = module.map_or(name.clone(), str::to_string);
        if path.is_dir() {
            files(&path, Some(&owner), out);
        } else if path.extension().is_some_and(|e| e == "rs") && name != "tests" {
            out.push((owner, path));
        }
    }
}

/// The code of a file without its test module and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn modules_import_only_from_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, None, &mut all);
    let path_pattern = regex::Regex::new(r"(?:^|[^$\w])crate::([a-z_]+)").unwrap();
    let mut uses: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (module, path) in &all {
        if module == "lib" || module == "main" {
            continue;
        }
        assert!(layer(module).is_some(), "module `{module}` has no layer in LAYERS");
        let text = code(&std::fs::read_to_string(path).unwrap());
        for captures in path_pattern.captures_iter(&text) {
            let target = captures[1].to_string();
            if &target != module && layer(&target).is_some() {
                uses.entry((module.clone(), target))
                    .or_default()
                    .push(path.display().to_string());
            }
        }
    }
    let upward: Vec<String> = uses
        .iter()
        .filter(|((from, to), _)| layer(to) >= layer(from))
        .map(|((from, to), files)| format!("{from} -> {to} (in {})", files.join(", ")))
        .collect();
    assert!(
        upward.is_empty(),
        "imports that run sideways or up a layer:\n{}",
        upward.join("\n")
    );
    // The check looked at something: the rules use the article model.
    assert!(uses.contains_key(&("rules".to_string(), "article".to_string())));
}
