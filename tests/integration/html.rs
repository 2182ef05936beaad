//! `detritus report --html`, checked without a browser: what the page
//! loads, what it embeds, and that its exported decisions drive `fix`.

use std::path::Path;

use crate::util::{corpus_dir, detritus};
use detritus::decisions::Decisions;
use detritus::{Applicability, Linter, Settings, Syntax};
use serde_json::Value;

const DATA_OPEN: &str = r#"<script id="detritus-data" type="application/json">"#;

/// Write the report for `paths` (relative to `dir`) and return the page.
fn report(dir: &Path, paths: &[&str]) -> String {
    detritus()
        .current_dir(dir)
        .args(["report", "--quiet", "--html", "out.html"])
        .args(paths)
        .assert()
        .code(0);
    std::fs::read_to_string(dir.join("out.html")).unwrap()
}

/// The page without its embedded data, and the data parsed.
fn split(html: &str) -> (String, Value) {
    let start = html.find(DATA_OPEN).expect("the page embeds its data") + DATA_OPEN.len();
    let end = start + html[start..].find("</script>").unwrap();
    let page = format!("{}{}", &html[..start], &html[end..]);
    (page, serde_json::from_str(&html[start..end]).unwrap())
}

fn items(data: &Value) -> Vec<&Value> {
    data["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["items"].as_array().unwrap())
        .collect()
}

fn dir_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    dir
}

#[test]
fn the_page_loads_nothing_from_anywhere_else() {
    let dir = tempfile::tempdir().unwrap();
    let html = report(dir.path(), &[corpus_dir().to_str().unwrap()]);
    let (page, _) = split(&html);
    for outside in ["http://", "https://", "<link", "@import", "url(", "//cdn"] {
        assert!(!page.contains(outside), "the page refers to `{outside}`");
    }
    assert!(
        page.contains("default-src 'none'"),
        "a content security policy forbids fetching"
    );
}

#[test]
fn every_proposed_fix_in_the_corpus_is_in_the_page_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let (_, data) = split(&report(dir.path(), &[corpus_dir().to_str().unwrap()]));
    let keys: Vec<&str> = items(&data).iter().filter_map(|i| i["key"].as_str()).collect();
    let mut expected = 0;
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        // The corpus's README is Markdown, and read as such.
        let linter = Linter::new(&Settings {
            syntax: Syntax::of_path(&path),
            ..Settings::default()
        })
        .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        for d in linter.check(&text) {
            if matches!(d.applicability(), Some(Applicability::Safe | Applicability::Unsafe)) {
                let key = detritus::decisions::key(&d, &text).unwrap();
                assert!(keys.contains(&key.as_str()), "{} {key} is missing", d.rule.code);
                expected += 1;
            }
        }
    }
    assert!(expected > 50, "the corpus has plenty to review");
    assert_eq!(keys.len(), expected);
}

#[test]
fn markup_in_an_article_stays_text() {
    let hostile = "An attack , see <script>alert(1)</script> and <img src=x onerror=alert(2)> here.\n";
    let dir = dir_with("a.txt", hostile);
    let html = report(dir.path(), &["a.txt"]);
    // Only the page's own two script elements, and no image at all.
    assert_eq!(html.matches("<script").count(), 2);
    assert!(!html.contains("<img") && !html.contains("</script><"));
    let (_, data) = split(&html);
    let shown: String = items(&data)
        .iter()
        .flat_map(|i| i["pieces"].as_array().unwrap())
        .map(|p| p[1].as_str().unwrap())
        .collect();
    assert!(shown.contains("<script>alert(1)</script>"), "{shown}");
}

#[test]
fn exported_decisions_parse_and_fix_applies_exactly_them() {
    // Four safe fixes (W001, W003, W001, W003) and an unsafe doubled word.
    let text = "One , two  three , four  five was the the best.\n";
    let dir = dir_with("a.txt", text);
    let (_, data) = split(&report(dir.path(), &["a.txt"]));
    let items = items(&data);
    let fixes: Vec<&&Value> = items.iter().filter(|i| i["key"].is_string()).collect();
    let safety: Vec<&str> = fixes.iter().map(|i| i["safety"].as_str().unwrap()).collect();
    assert_eq!(safety, ["safe", "safe", "safe", "safe", "unsafe"]);
    // What the page does: safe fixes start accepted; here the reviewer
    // rejects the second and accepts the unsafe one.
    let mut lines: Vec<&str> = fixes.iter().map(|i| i["accept"].as_str().unwrap()).collect();
    lines[1] = fixes[1]["reject"].as_str().unwrap();
    let file = lines.join("\n") + "\n";
    let decisions = Decisions::parse(&file).unwrap();
    assert_eq!(decisions.len(), 5);
    assert_eq!(decisions.to_jsonl().lines().count(), 5);
    for line in file.lines() {
        assert!(
            decisions.to_jsonl().contains(line),
            "{line} is written as the library writes it"
        );
    }
    std::fs::write(dir.path().join("decisions.jsonl"), &file).unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--quiet", "--decisions", "decisions.jsonl", "a.txt"])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "One, two  three, four five was the best.\n"
    );
}

#[test]
fn a_missing_path_exits_two_and_the_page_still_covers_the_rest() {
    let dir = dir_with("a.txt", "One , two.\n");
    let out = detritus()
        .current_dir(dir.path())
        .args(["report", "--html", "out.html", "a.txt", "missing.txt"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("missing.txt: no such file"), "{stderr}");
    assert!(stderr.contains("wrote out.html: 1 file, 1 proposed fix"), "{stderr}");
    let (_, data) = split(&std::fs::read_to_string(dir.path().join("out.html")).unwrap());
    assert_eq!(data["files"][0]["path"], "a.txt");
    assert!(data["errors"][0].as_str().unwrap().contains("missing.txt"));
}

#[test]
fn quiet_prints_nothing_on_success() {
    let dir = dir_with("a.txt", "One , two.\n");
    detritus()
        .current_dir(dir.path())
        .args(["report", "--quiet", "--html", "out.html", "a.txt"])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn an_unwritable_page_is_an_error() {
    let dir = dir_with("a.txt", "One , two.\n");
    detritus()
        .current_dir(dir.path())
        .args(["report", "--html", "no/such/dir/out.html", "a.txt"])
        .assert()
        .code(2);
}

#[test]
fn a_finding_sits_where_check_puts_it_even_when_its_edit_starts_earlier() {
    // Removing a credit on the last line starts at the line break before it.
    let dir = dir_with("a.txt", "The quake struck at dawn and nobody was hurt.\nPhoto: AFP");
    let check = detritus()
        .current_dir(dir.path())
        .args(["check", "--select", "B002", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    let found: Value = serde_json::from_slice(&check.stdout).unwrap();
    let (_, data) = split(&report(dir.path(), &["a.txt"]));
    let item = items(&data).into_iter().find(|i| i["rule"] == "B002").unwrap().clone();
    assert_eq!((&item["line"], &item["col"]), (&found[0]["line"], &found[0]["column"]));
    assert_eq!(item["line"], 2);
}
