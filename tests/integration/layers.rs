//! The import graph, read from the source (`use crate::…` and `super::…`
//! paths outside tests): it has no cycle, and rules stay out of the fix
//! loop, the diffs, the linter and the CLI. Run alone with
//! `cargo test --test integration layers`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The graph's node for a file: a top-level library module (`rules`,
/// `fix`), or inside the CLI one node per file (`cli::setup`,
/// `cli::commands::check`), since the CLI's files are its layers.
fn node(rel: &str) -> Option<String> {
    let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    match parts.as_slice() {
        ["main"] => None,
        ["cli", rest @ ..] => {
            let rest: Vec<&str> = rest.iter().copied().filter(|p| *p != "mod").collect();
            // Files below a command's own folder (report's html assets) belong to it.
            let depth = if rest.first() == Some(&"commands") { 2 } else { 1 };
            let kept: Vec<&str> = rest.into_iter().take(depth).collect();
            Some(std::iter::once("cli").chain(kept).collect::<Vec<_>>().join("::"))
        }
        [first, ..] => Some(first.to_string()),
        [] => None,
    }
}

/// The code before the first test module, without comments: tests may
/// reach anywhere, and a doc link is no import.
fn non_test(text: &str) -> String {
    let code = text.find("#[cfg(test)]").map_or(text, |i| &text[..i]);
    code.lines()
        .map(|l| l.split_once("//").map_or(l, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file names: `crate::a::b…` and, in the CLI,
/// `super::a` relative to the file's node.
fn named_paths(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let path: Vec<String> = rest
            .split("::")
            .map(|seg| {
                seg.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|seg| !seg.is_empty())
            .collect();
        if !path.is_empty() {
            out.push(path);
        }
    }
    out
}

/// The graph: each node and the nodes it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    // Names the crate root re-exports, by the module that defines them.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    for line in lib.lines().filter(|l| l.starts_with("pub use ")) {
        let (module, names) = line["pub use ".len()..].split_once("::").unwrap();
        for name in names.trim_matches(|c| "{};".contains(c)).split(',') {
            reexports.insert(name.trim().to_string(), module.to_string());
        }
    }
    let prelude = ["diagnostic", "document", "lang", "meta", "rule", "span"];
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let Some(from) = node(&rel) else { continue };
        let text = non_test(&std::fs::read_to_string(&file).unwrap());
        let deps = graph.entry(from.clone()).or_default();
        let mut add = |to: String| {
            if to != from && to != "lib" {
                deps.insert(to);
            }
        };
        for path in named_paths(&text) {
            let first = path[0].as_str();
            if first == "prelude" {
                prelude.iter().for_each(|m| add(m.to_string()));
            } else if first == "cli" {
                // `crate::cli::setup::display_path`: the file is the node.
                let depth = if path.get(1).map(String::as_str) == Some("commands") {
                    3
                } else {
                    2
                };
                add(path[..depth.min(path.len())].join("::"));
            } else if let Some(module) = reexports.get(first) {
                add(module.clone());
            } else if first.starts_with(char::is_lowercase) {
                add(first.to_string());
            }
        }
        if from.starts_with("cli::") && !from.starts_with("cli::commands::") {
            for line in text.lines() {
                for (i, _) in line.match_indices("super::") {
                    let name: String = line[i + 7..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && name.starts_with(char::is_lowercase) {
                        add(format!("cli::{name}"));
                    }
                }
            }
        }
    }
    graph
}

/// A cycle in `graph`, if there is one, as the nodes along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let at = stack.iter().position(|s| s == n).unwrap();
                let mut found = stack[at..].to_vec();
                found.push(n.to_string());
                return Some(found);
            }
            Some(_) => return None,
            None => {}
        }
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    graph.keys().find_map(|n| visit(n, graph, &mut state, &mut Vec::new()))
}

#[test]
fn the_import_graph_has_no_cycle() {
    let graph = graph();
    assert!(graph.len() > 20, "the graph was read: {:?}", graph.keys());
    assert!(graph["linter"].contains("fix") && graph["cli::commands::check"].contains("cli::commands::fix"));
    if let Some(c) = cycle(&graph) {
        panic!("import cycle: {}", c.join(" -> "));
    }
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    graph.get_mut("c").unwrap().clear();
    assert_eq!(cycle(&graph), None);
}

#[test]
fn rules_stay_out_of_the_fix_loop_the_diffs_the_linter_and_the_cli() {
    let graph = graph();
    // ChangeMap is data: the mojibake decoder splices with it.
    for banned in ["diff", "fix", "linter", "registry", "decisions", "cli"] {
        let allowed = banned == "fix";
        let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut files = Vec::new();
        sources(&rules, &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for path in named_paths(&non_test(&text)) {
                let ok = allowed && path.get(1).is_some_and(|p| p == "ChangeMap");
                assert!(
                    path[0] != banned || ok,
                    "{} uses crate::{}",
                    file.display(),
                    path.join("::")
                );
            }
        }
    }
    assert!(graph["rules"].contains("text"), "the check reads the rules' imports");
}
