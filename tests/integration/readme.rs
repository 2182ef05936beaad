//! The README's rule table is generated from the registry; this keeps it true.
//! Run with `UPDATE_README=1` to rewrite the table after adding a rule.

use detritus::registry;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

fn table() -> String {
    let mut out = String::from("| code | name | family | fix | reads | what it finds |\n|---|---|---|---|---|---|\n");
    for r in registry::all() {
        let m = r.meta();
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} |\n",
            m.code,
            m.name,
            m.family.name(),
            m.fix.as_str(),
            reads(&m.applies),
            m.summary.replace('|', "\\|")
        ));
    }
    out
}

/// Where a rule applies, in a few words.
fn reads(a: &detritus::Applies) -> String {
    if a.languages.len() == detritus::Lang::ALL.len() {
        "identified languages".into()
    } else if !a.languages.is_empty() {
        a.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
    } else if !a.scripts.is_empty() {
        let names: Vec<_> = a.scripts.iter().take(3).map(|s| s.full_name()).collect();
        let more = if a.scripts.len() > 3 { "…" } else { "" };
        format!("{}{more} script", names.join(", "))
    } else {
        "all".into()
    }
}

#[test]
fn the_readme_rule_table_matches_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(START).expect("README has a rules:start marker") + START.len();
    let end = readme.find(END).expect("README has a rules:end marker");
    let expected = table();
    if readme[start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(path, format!("{}{expected}{}", &readme[..start], &readme[end..])).unwrap();
            return;
        }
        panic!("the README rule table is stale; rerun with UPDATE_README=1\n\nexpected:\n{expected}");
    }
}

#[test]
fn the_readme_gives_the_two_commands_a_newcomer_needs() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("```sh\ncargo run --release -- fix --diff corpus/\n```"));
    assert!(readme.contains("```sh\ncargo test\n```"));
}
