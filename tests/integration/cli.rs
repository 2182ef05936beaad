//! The binary, run as users and scripts run it.

use std::fs;
use std::process::Command as Std;

use crate::util::detritus;
use predicates::prelude::*;

const DIRTY: &str = "An experimental model , which never shipped .\n";

#[test]
fn check_exits_one_and_names_the_rule_when_it_finds_debris() {
    detritus()
        .args(["check", "--format", "concise", "-"])
        .write_stdin(DIRTY)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-:1:22: W001 space-before-punctuation"));
}

#[test]
fn check_exits_zero_on_clean_text_and_says_so_unless_quiet() {
    detritus()
        .arg("check")
        .write_stdin("A clean sentence.\n")
        .assert()
        .code(0)
        .stdout("All clear: 1 file, no debris found.\n");
    detritus()
        .args(["check", "-q"])
        .write_stdin("A clean sentence.\n")
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn check_json_has_the_documented_fields() {
    let out = detritus()
        .args(["check", "--format", "json"])
        .write_stdin(DIRTY)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let first = &v[0];
    assert_eq!(first["path"], "-");
    assert_eq!(first["code"], "W001");
    assert_eq!(first["name"], "space-before-punctuation");
    assert_eq!(first["span"]["start"], 21);
    assert_eq!(first["span"]["end"], 22);
    assert_eq!(first["line"], 1);
    assert_eq!(first["column"], 22);
    assert_eq!(first["fix"]["applicability"], "safe");
    assert_eq!(first["fix"]["edits"][0]["content"], "");
}

#[test]
fn json_columns_of_nested_findings_count_characters_from_the_line_start() {
    // Nested padded brackets end one inside the other, so each end column is
    // counted back from the previous end; letters outside ASCII make byte
    // and character counts differ.
    let text = "é ( ( ( ñ ü ) ) ) ö\nà ( ( x ) )\n";
    let out = detritus()
        .args(["check", "--format", "json", "--select", "W006"])
        .write_stdin(text)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let findings = v.as_array().unwrap();
    assert!(findings.len() >= 3, "{v}");
    let column = |offset: usize| {
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        text[line_start..offset].chars().count() + 1
    };
    for f in findings {
        let (start, end) = (
            f["span"]["start"].as_u64().unwrap() as usize,
            f["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(f["column"], column(start), "{f}");
        assert_eq!(f["end_column"], column(end), "{f}");
    }
}

#[test]
fn check_full_format_points_a_caret_at_the_span() {
    detritus()
        .args(["check", "--color", "never"])
        .write_stdin("Bad , spacing\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("1 | Bad , spacing\n  |    ^\n"));
}

#[test]
fn check_github_and_sarif_formats_are_machine_readable() {
    detritus()
        .args(["check", "--format", "github"])
        .write_stdin(DIRTY)
        .assert()
        .stdout(predicate::str::starts_with("::warning file=-,line=1,col=22,"));
    let out = detritus()
        .args(["check", "--format", "sarif"])
        .write_stdin(DIRTY)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(
        v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().len(),
        detritus::registry::all().len()
    );
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "W001");
}

#[test]
fn fix_reads_stdin_and_writes_stdout() {
    detritus()
        .arg("fix")
        .write_stdin(DIRTY)
        .assert()
        .code(0)
        .stdout("An experimental model, which never shipped.\n");
}

#[test]
fn fix_rewrites_a_file_in_place_and_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, DIRTY).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
    detritus().arg("fix").arg(&file).assert().code(0);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "An experimental model, which never shipped.\n"
    );
    assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o640);
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file may be left behind");
}

#[test]
fn fix_follows_a_symlink_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.txt");
    let link = dir.path().join("link.txt");
    fs::write(&target, DIRTY).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    detritus().arg("fix").arg(&link).assert().code(0);
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "An experimental model, which never shipped.\n"
    );
}

#[test]
fn fix_keeps_crlf_a_bom_and_a_missing_final_newline() {
    let text = "\u{feff}First line , here\r\nSecond line .\r\nLast , line";
    detritus()
        .arg("fix")
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout("\u{feff}First line, here\r\nSecond line.\r\nLast, line");
}

#[test]
fn fix_diff_writes_nothing_and_exits_one_when_changes_are_pending() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, DIRTY).unwrap();
    detritus()
        .args(["fix", "--diff"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("@@ -1 +1 @@ W001 space-before-punctuation"));
    assert_eq!(fs::read_to_string(&file).unwrap(), DIRTY);
}

#[test]
fn fix_diff_applies_with_git_apply_and_matches_fix() {
    if Std::new("git").arg("--version").output().is_err() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let original = "Para one , with debris .\r\nSecond line  ok\n\nPara two\u{a0}text , end";
    fs::write(root.join("a.txt"), original).unwrap();
    fs::write(root.join("b.txt"), original).unwrap();
    let diff = detritus()
        .current_dir(root)
        .args(["fix", "--diff", "a.txt"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    fs::write(root.join("patch.diff"), &diff).unwrap();
    let status = Std::new("git")
        .current_dir(root)
        .args(["apply", "--unsafe-paths", "patch.diff"])
        .status()
        .unwrap();
    assert!(
        status.success(),
        "git apply rejected:\n{}",
        String::from_utf8_lossy(&diff)
    );
    detritus().current_dir(root).args(["fix", "b.txt"]).assert().code(0);
    assert_eq!(
        fs::read(root.join("a.txt")).unwrap(),
        fs::read(root.join("b.txt")).unwrap()
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_the_file_and_offset_and_other_files_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let good = dir.path().join("good.txt");
    fs::write(&bad, b"ok so far \xff then").unwrap();
    fs::write(&good, DIRTY).unwrap();
    detritus()
        .arg("fix")
        .arg(&bad)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt: invalid UTF-8 at byte 10"));
    assert_eq!(fs::read(&bad).unwrap(), b"ok so far \xff then");
    assert_eq!(
        fs::read_to_string(&good).unwrap(),
        "An experimental model, which never shipped.\n"
    );
}

#[test]
fn a_missing_file_is_an_error_with_exit_two() {
    detritus()
        .args(["check", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt: no such file or directory"));
}

#[test]
fn an_unknown_rule_is_an_error_with_exit_two() {
    detritus()
        .args(["check", "--select", "X999"])
        .write_stdin(DIRTY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule selector `X999`"));
}

#[test]
fn an_unknown_language_is_an_error_with_exit_two() {
    detritus()
        .args(["check", "--language", "klingon!"])
        .write_stdin(DIRTY)
        .assert()
        .code(2);
}

#[test]
fn standard_input_that_cannot_be_fixed_passes_through_unchanged_with_exit_two() {
    for input in [
        &b"Keep this text , please.\0\n"[..],
        &b"Keep this \xff text , please.\n"[..],
    ] {
        detritus()
            .arg("fix")
            .write_stdin(input)
            .assert()
            .code(2)
            .stdout(input.to_vec())
            .stderr(predicate::str::contains("passed through unchanged"));
    }
}

#[test]
fn a_nul_anywhere_makes_a_file_binary() {
    let dir = tempfile::tempdir().unwrap();
    let mut late = "It grew fast , analysts said.\n".repeat(400).into_bytes();
    late.extend_from_slice(b"\0 end\n");
    fs::write(dir.path().join("late.txt"), &late).unwrap();
    detritus()
        .arg("fix")
        .arg(dir.path().join("late.txt"))
        .assert()
        .code(0)
        .stderr(predicate::str::contains("skipped, binary file"));
    assert_eq!(fs::read(dir.path().join("late.txt")).unwrap(), late);
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("blob.txt"), b"\x00\x01\x02 , x").unwrap();
    detritus()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("skipped, binary file"));
}

#[test]
fn a_walk_fixes_prose_files_only_and_says_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let keep = [
        ("data.csv", "col1,col2\na,b\n"),
        ("code.rs", "fn main() { let x = (a , b); }\n"),
        ("data.json", "{\"a\": \"b , c\"}\n"),
        ("detritus.toml", "extend-safe-fixes = []\n"),
        (".hidden.txt", "It grew fast , analysts said.\n"),
    ];
    for (name, text) in keep {
        fs::write(p.join(name), text).unwrap();
    }
    fs::write(p.join("a.txt"), "It grew fast , analysts said.\n").unwrap();
    fs::write(
        p.join("b.md"),
        "# Notes\n\nIt grew fast , analysts said.  \nA hard break above.\n\n```\nlet x = a , b;\n```\n\n    indented , code\n\nSee `a , b` and [docs](https://x.example/a,b).\n",
    )
    .unwrap();
    detritus()
        .args(["fix", "--verbose"])
        .arg(p)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("data.csv: skipped, not a prose file"))
        .stderr(predicate::str::contains("detritus.toml: skipped"));
    for (name, text) in keep {
        assert_eq!(fs::read_to_string(p.join(name)).unwrap(), text, "{name} changed");
    }
    assert_eq!(
        fs::read_to_string(p.join("a.txt")).unwrap(),
        "It grew fast, analysts said.\n"
    );
    assert_eq!(
        fs::read_to_string(p.join("b.md")).unwrap(),
        "# Notes\n\nIt grew fast, analysts said.  \nA hard break above.\n\n```\nlet x = a , b;\n```\n\n    indented , code\n\nSee `a , b` and [docs](https://x.example/a,b).\n",
        "only the Markdown's prose changes, and its hard break stays"
    );
}

#[test]
fn extend_safe_fixes_on_every_rule_promotes_no_deletion_of_words() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "extend-safe-fixes = [\"ALL\"]\n").unwrap();
    let text = "The company said that it had denied the claim, and then it apologised. hug. The allegation was that it grew.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["fix", "a.txt"])
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), text);
    // The fragment is there to delete: unsafe fixes do.
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--unsafe-fixes", "a.txt"])
        .assert()
        .code(0);
    assert!(!fs::read_to_string(dir.path().join("a.txt")).unwrap().contains("hug"));
}

#[test]
fn json_names_the_language_and_script_of_each_finding() {
    let out = detritus()
        .args(["check", "--format", "json", "-"])
        .write_stdin("The council said that it would open an inquiry , officials said.\n\nМэр заявил , что город в порядке и что это не так.\n\nWatu wote wamezaliwa huru , hadhi na haki zao ni sawa kwa kila mtu duniani kote leo.\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    let seen: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d["language"].as_str().unwrap_or("none"), d["script"].as_str().unwrap()))
        .collect();
    assert_eq!(seen, [("en", "Latin"), ("ru", "Cyrillic"), ("none", "Latin")]);
}

#[test]
fn an_unknown_language_is_refused_with_the_supported_ones() {
    detritus()
        .args(["check", "--language", "tlh", "-"])
        .write_stdin(DIRTY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("supported: auto, other, en, fr"));
}

#[test]
fn a_config_another_user_owns_is_ignored_with_a_warning_unless_trusted() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "unsafe-fixes = true\n").unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let text = "The company said that it had denied the claim, and then it apologised. hug. The allegation was that it grew.\n";
    let owner = fs::metadata(dir.path().join("detritus.toml")).unwrap().uid();
    // Pose as another user (a debug-build hook): root trusts every file.
    let stranger = (owner + 1).to_string();
    detritus()
        .current_dir(&sub)
        .env("DETRITUS_TEST_UID", &stranger)
        .args(["fix", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(text)
        .stderr(predicate::str::contains("ignoring the configuration"))
        .stderr(predicate::str::contains("DETRITUS_TRUSTED_DIRS"));
    detritus()
        .current_dir(&sub)
        .env("DETRITUS_TEST_UID", &stranger)
        .env("DETRITUS_TRUSTED_DIRS", dir.path())
        .args(["fix", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(
            "The company said that it had denied the claim, and then it apologised. The allegation was that it grew.\n",
        );
    detritus()
        .current_dir(&sub)
        .args(["check", "--show-settings"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("detritus.toml"))
        .stdout(predicate::str::contains("unsafe-fixes: true"));
}

#[test]
fn a_config_error_names_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "select = [\"W\"\nignore = 3\n").unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["check", "-"])
        .write_stdin(DIRTY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("detritus.toml"))
        .stderr(predicate::str::contains("line 2"));
}

#[test]
fn include_widens_the_walk_and_a_named_file_is_always_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.html"), "It grew fast , analysts said.\n").unwrap();
    detritus().arg("check").arg(dir.path()).assert().code(0);
    detritus()
        .args(["check", "--include", "*.html"])
        .arg(dir.path())
        .assert()
        .code(1);
    detritus()
        .arg("check")
        .arg(dir.path().join("notes.html"))
        .assert()
        .code(1);
}

#[test]
fn a_gitignore_is_honoured_outside_a_git_repository() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".gitignore"), "skip.txt\n").unwrap();
    fs::write(dir.path().join("skip.txt"), "It grew fast , analysts said.\n").unwrap();
    detritus().arg("check").arg(dir.path()).assert().code(0);
}

#[test]
fn restructuredtext_keeps_its_literal_blocks_directives_and_indentation() {
    let text = "Install it , then run::\n\n    easy_install .\n\n.. code-block:: yaml\n\n   token: ${{ secrets.TOKEN }}\n\n.. note::\n\n   Read ``a , b`` first.\n";
    let want = "Install it, then run::\n\n    easy_install .\n\n.. code-block:: yaml\n\n   token: ${{ secrets.TOKEN }}\n\n.. note::\n\n   Read ``a , b`` first.\n";
    detritus()
        .args(["fix", "--stdin-filename", "guide.rst"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(want);
    // The same bytes as plain text lose the code's space and the indentation.
    let plain = detritus().args(["fix", "-"]).write_stdin(text).output().unwrap();
    assert_ne!(String::from_utf8(plain.stdout).unwrap(), want);
}

#[test]
fn stdin_named_as_markdown_is_read_as_markdown() {
    let text = "Run `a , b` now , please.\n";
    detritus()
        .args(["fix", "--stdin-filename", "notes.md"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout("Run `a , b` now, please.\n");
}

#[test]
fn records_named_as_markdown_keep_their_code_blocks() {
    let record = r#"{"text":"It runs , then stops.\n\n```\nfoo  bar\n```\n"}"#;
    detritus()
        .args(["fix", "--jsonl", "--syntax", "markdown", "-"])
        .write_stdin(format!("{record}\n"))
        .assert()
        .code(0)
        .stdout(format!("{}\n", record.replace("runs , then", "runs, then")));
    // Read as plain text, the fence is prose and its double space goes.
    let plain = detritus()
        .args(["fix", "--jsonl", "-"])
        .write_stdin(format!("{record}\n"))
        .output()
        .unwrap();
    assert!(String::from_utf8(plain.stdout).unwrap().contains("foo bar"));
}

#[test]
fn syntax_overrides_the_extension_and_rejects_unknown_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(&path, "It runs.\n\n```\nfoo  bar\n```\n").unwrap();
    detritus()
        .args(["check", "--syntax", "markdown"])
        .arg(&path)
        .assert()
        .code(0);
    detritus().arg("check").arg(&path).assert().code(1);
    detritus()
        .args(["check", "--show-settings", "--syntax", "rst"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("syntax: rst"));
    detritus()
        .args(["check", "--syntax", "asciidoc"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: auto, plain, markdown, rst"));
}

#[test]
fn directories_are_walked_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/b.txt"), DIRTY).unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    let out = detritus()
        .args(["check", "--format", "concise"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let a = out.find("a.txt").unwrap();
    let b = out.find("b.txt").unwrap();
    assert!(a < b);
}

#[test]
fn select_and_ignore_narrow_the_rules() {
    detritus()
        .args(["check", "--ignore", "W001"])
        .write_stdin("Bad , spacing\n")
        .assert()
        .code(0);
    detritus()
        .args(["check", "--select", "whitespace"])
        .write_stdin("Bad , spacing\n")
        .assert()
        .code(1);
}

#[test]
fn rules_lists_every_rule_with_code_name_family_and_fix() {
    detritus()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("W001  space-before-punctuation").and(predicate::str::contains("whitespace")));
}

#[test]
fn explain_shows_docs_by_code_or_name_and_rejects_unknown_rules() {
    detritus()
        .args(["explain", "W001"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# W001 space-before-punctuation"));
    detritus()
        .args(["explain", "D002"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Reads: the whole document."));
    detritus()
        .args(["explain", "space-before-punctuation"])
        .assert()
        .code(0);
    detritus()
        .args(["explain", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `nope`"));
}

#[test]
fn a_closed_stdout_exits_quietly() {
    let big = DIRTY.repeat(20_000);
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("detritus"))
        .args(["fix", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(big.as_bytes()).unwrap();
    }
    drop(child.stdout.take()); // the reader goes away
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.to_lowercase().contains("broken pipe"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn help_explains_the_commands_and_exit_codes() {
    detritus()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("check").and(predicate::str::contains("Exit status")));
    detritus()
        .args(["fix", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--unsafe-fixes"));
}

#[test]
fn jsonl_fix_cleans_the_field_keeps_order_and_passes_other_records_through() {
    let input = "{\"id\":1,\"text\":\"a , b\",\"n\":1.50}\n{\"id\":2,\"other\":\"x , y\"}\n{\"id\":3,\"meta\":{\"body\":\"c , d\"}}\n";
    detritus()
        .args(["fix", "--jsonl", "--field", "text", "--field", "meta.body"])
        .write_stdin(input)
        .assert()
        .code(0)
        .stdout("{\"id\":1,\"text\":\"a, b\",\"n\":1.50}\n{\"id\":2,\"other\":\"x , y\"}\n{\"id\":3,\"meta\":{\"body\":\"c, d\"}}\n");
}

#[test]
fn a_record_too_short_to_tell_its_language_takes_the_language_of_the_others() {
    // `Shares fell fell sharply.` has no function word: alone it is read
    // as no language, and the English rules leave its doubled word.
    let short = "{\"text\":\"Shares fell fell sharply.\"}\n";
    let fix = |input: &str| {
        let out = detritus()
            .args(["fix", "--jsonl", "--unsafe-fixes"])
            .write_stdin(input.to_string())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(fix(short), short);
    let english = "{\"text\":\"The council said that it would meet again with the unions in the spring.\"}\n";
    let french = "{\"text\":\"Le conseil a dit qu'il se réunirait avec les syndicats au printemps.\"}\n";
    let stream = format!("{}{short}", english.repeat(4));
    assert_eq!(
        fix(&stream),
        format!("{}{{\"text\":\"Shares fell sharply.\"}}\n", english.repeat(4))
    );
    // Among records of mixed languages it stays undecided.
    let mixed = format!("{}{}{short}", english.repeat(2), french.repeat(2));
    assert_eq!(fix(&mixed), mixed);
}

#[test]
fn jsonl_malformed_line_exits_two_names_the_line_and_loses_nothing() {
    let input = "{\"text\":\"a , b\"}\nnot json\n{\"text\":\"c , d\"}\n";
    detritus()
        .args(["fix", "--jsonl"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stdout("{\"text\":\"a, b\"}\nnot json\n{\"text\":\"c, d\"}\n")
        .stderr(predicate::str::contains("-:2: malformed JSON"));
}

#[test]
fn jsonl_check_labels_diagnostics_with_record_and_field() {
    detritus()
        .args(["check", "--jsonl", "--format", "concise"])
        .write_stdin("{\"text\":\"ok\"}\n{\"text\":\"a , b\"}\n")
        .assert()
        .code(1)
        .stdout("-:2:text:1:2: W001 space-before-punctuation: space before `,` [safe fix]\n");
}

#[test]
fn jsonl_fix_rewrites_a_file_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.jsonl");
    fs::write(&file, "{\"text\":\"a , b\"}\n").unwrap();
    detritus().args(["fix", "--jsonl"]).arg(&file).assert().code(0);
    assert_eq!(fs::read_to_string(&file).unwrap(), "{\"text\":\"a, b\"}\n");
}

#[test]
fn config_is_found_by_walking_up_and_flags_override_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "ignore = [\"W001\"]\n").unwrap();
    let sub = dir.path().join("deep/er");
    fs::create_dir_all(&sub).unwrap();
    detritus()
        .current_dir(&sub)
        .arg("check")
        .write_stdin("Bad , spacing\n")
        .assert()
        .code(0);
    detritus()
        .current_dir(&sub)
        .args(["check", "--ignore", "Q"])
        .write_stdin("Bad , spacing\n")
        .assert()
        .code(1);
}

#[test]
fn an_unknown_config_key_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("custom.toml");
    fs::write(&cfg, "selekt = [\"W\"]\n").unwrap();
    detritus()
        .args(["check", "--config"])
        .arg(&cfg)
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `selekt`"));
}

#[test]
fn a_bad_config_value_names_the_key() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("detritus.toml"),
        "extend-safe-fixes = [\"nonsense-rule\"]\n",
    )
    .unwrap();
    detritus()
        .current_dir(dir.path())
        .arg("check")
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("extend-safe-fixes").and(predicate::str::contains("nonsense-rule")));
}

#[test]
fn config_exclude_and_per_file_ignores_apply_to_walked_trees() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("detritus.toml"),
        "exclude = [\"drafts/**\"]\n[per-file-ignores]\n\"legacy/*.txt\" = [\"W001\"]\n",
    )
    .unwrap();
    for sub in ["drafts", "legacy", "live"] {
        fs::create_dir(root.join(sub)).unwrap();
        fs::write(root.join(sub).join("a.txt"), DIRTY).unwrap();
    }
    let out = detritus()
        .current_dir(root)
        .args(["check", "--format", "concise", "."])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("live/a.txt"), "{out}");
    assert!(!out.contains("drafts/"), "excluded paths are not walked: {out}");
    assert!(!out.contains("legacy/"), "per-file ignores apply: {out}");
}

#[test]
fn config_protect_patterns_shield_text_from_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "protect = ['SKU \\d+ ,\\d+']\n").unwrap();
    detritus()
        .current_dir(dir.path())
        .arg("fix")
        .write_stdin("Item SKU 12 ,34 , ok\n")
        .assert()
        .stdout("Item SKU 12 ,34, ok\n");
}

#[test]
fn config_unsafe_fixes_and_extend_unsafe_fixes_change_what_fix_applies() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "extend-unsafe-fixes = [\"W001\"]\n").unwrap();
    detritus()
        .current_dir(dir.path())
        .arg("fix")
        .write_stdin(DIRTY)
        .assert()
        .stdout(DIRTY);
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--unsafe-fixes"])
        .write_stdin(DIRTY)
        .assert()
        .stdout("An experimental model, which never shipped.\n");
}

#[test]
fn a_file_replaced_or_deleted_just_before_the_rename_is_not_overwritten_or_brought_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(dir.path().join("other.txt"), "someone else's\n").unwrap();
    for (hook, expect) in [
        (
            format!("mv {0}/other.txt {0}/a.txt", dir.path().display()),
            Some("someone else's\n"),
        ),
        (format!("rm {}/a.txt", dir.path().display()), None),
    ] {
        fs::write(&file, DIRTY).unwrap();
        detritus()
            .env("DETRITUS_TEST_BEFORE_RENAME", hook)
            .arg("fix")
            .arg(&file)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("a.txt"))
            .stderr(predicate::str::contains("applied 0 fixes"));
        assert_eq!(fs::read_to_string(&file).ok().as_deref(), expect);
    }
}

#[test]
fn in_place_fix_keeps_owner_and_group_and_leaves_linked_and_read_only_files() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let owned = dir.path().join("owned.txt");
    fs::write(&owned, DIRTY).unwrap();
    fs::set_permissions(&owned, fs::Permissions::from_mode(0o640)).unwrap();
    // Only root may give a file away; elsewhere the file stays ours.
    let other = std::os::unix::fs::chown(&owned, Some(12345), Some(12345)).is_ok();
    detritus().arg("fix").arg(&owned).assert().code(0);
    let meta = fs::metadata(&owned).unwrap();
    assert_eq!(
        fs::read_to_string(&owned).unwrap(),
        "An experimental model, which never shipped.\n"
    );
    assert_eq!(meta.mode() & 0o777, 0o640);
    if other {
        assert_eq!((meta.uid(), meta.gid()), (12345, 12345), "owner and group kept");
    } else {
        eprintln!("not root: ownership not tested");
    }
    let linked = dir.path().join("linked.txt");
    fs::write(&linked, DIRTY).unwrap();
    fs::hard_link(&linked, dir.path().join("link2.txt")).unwrap();
    let read_only = dir.path().join("ro.txt");
    fs::write(&read_only, DIRTY).unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    detritus()
        .arg("fix")
        .arg(&linked)
        .arg(&read_only)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hard links"))
        .stderr(predicate::str::contains("read-only"))
        .stderr(predicate::str::contains("applied 0 fixes in 0 files"));
    assert_eq!(fs::read_to_string(&linked).unwrap(), DIRTY);
    assert_eq!(fs::read_to_string(&read_only).unwrap(), DIRTY);
}

#[test]
fn file_names_with_control_characters_are_escaped_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\u{1b}[31m\nname.txt";
    fs::write(dir.path().join(name), DIRTY).unwrap();
    for format in ["full", "concise", "github", "json"] {
        let out = detritus()
            .args(["check", "--format", format])
            .arg(dir.path())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains('\u{1b}'), "{format}: raw escape in {out:?}");
        let shown = if format == "json" {
            "evil\\\\x1b[31m\\\\nname.txt"
        } else {
            "evil\\x1b[31m\\nname.txt"
        };
        assert!(out.contains(shown), "{format}: {out:?}");
    }
    let diff = detritus()
        .args(["fix", "--diff"])
        .arg(dir.path())
        .output()
        .unwrap()
        .stdout;
    let diff = String::from_utf8(diff).unwrap();
    assert_eq!(
        diff.lines()
            .filter(|l| l.starts_with("--- ") || l.starts_with("+++ "))
            .count(),
        2
    );
    assert!(!diff.contains('\u{1b}'));
}

#[test]
fn fix_output_writes_a_mirrored_tree_and_leaves_the_originals_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("in/sub")).unwrap();
    fs::write(root.join("in/sub/a.txt"), DIRTY).unwrap();
    fs::write(root.join("in/b.txt"), "Clean.\n").unwrap();
    detritus()
        .current_dir(root)
        .args(["fix", "--quiet", "--output", "out", "in"])
        .assert()
        .code(0)
        .stderr("");
    assert_eq!(fs::read_to_string(root.join("in/sub/a.txt")).unwrap(), DIRTY);
    // Each input root maps to the output folder itself, as `cp -r in/. out` would.
    assert_eq!(
        fs::read_to_string(root.join("out/sub/a.txt")).unwrap(),
        "An experimental model, which never shipped.\n"
    );
    assert_eq!(fs::read_to_string(root.join("out/b.txt")).unwrap(), "Clean.\n");
}

#[test]
fn fix_output_keeps_modes_never_follows_a_symlink_out_and_skips_its_own_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("src/sub")).unwrap();
    fs::write(root.join("src/a.txt"), DIRTY).unwrap();
    fs::set_permissions(root.join("src/a.txt"), fs::Permissions::from_mode(0o600)).unwrap();
    fs::write(root.join("src/sub/b.txt"), DIRTY).unwrap();
    fs::create_dir_all(root.join("victim")).unwrap();
    fs::write(root.join("victim/b.txt"), "theirs\n").unwrap();
    fs::create_dir_all(root.join("out")).unwrap();
    std::os::unix::fs::symlink("../victim", root.join("out/sub")).unwrap();
    detritus()
        .current_dir(root)
        .args(["fix", "--quiet", "--output", "out", "src"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside the output folder"));
    assert_eq!(fs::read_to_string(root.join("victim/b.txt")).unwrap(), "theirs\n");
    let mode = fs::metadata(root.join("out/a.txt")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // An output folder inside the tree is not walked again.
    fs::remove_file(root.join("out/sub")).unwrap();
    for _ in 0..2 {
        detritus()
            .current_dir(root)
            .args(["fix", "--quiet", "--output", "src/clean", "src"])
            .assert()
            .code(0);
    }
    assert!(root.join("src/clean/a.txt").exists());
    assert!(!root.join("src/clean/clean").exists(), "no nested copy");
}

#[test]
fn a_tree_run_ends_with_a_summary_of_files_fixes_per_rule_and_speed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    fs::write(dir.path().join("b.txt"), DIRTY).unwrap();
    detritus()
        .args(["fix", "--diff"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("processed 2 files")
                .and(predicate::str::contains("MB/s"))
                .and(predicate::str::contains("W001×")),
        );
}

#[test]
fn completions_and_the_man_page_come_from_the_clap_definitions() {
    detritus()
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("_detritus"));
    detritus()
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(".TH detritus"));
}

#[test]
fn jsonl_streaming_gives_one_record_out_per_record_in_in_order() {
    let input: String = (0..3000)
        .map(|i| format!("{{\"id\":{i},\"text\":\"row {i} , ok\"}}\n"))
        .collect();
    let out = detritus()
        .args(["fix", "--jsonl"])
        .write_stdin(input)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 3000);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(*line, format!("{{\"id\":{i},\"text\":\"row {i}, ok\"}}"));
    }
}

#[test]
fn jsonl_fix_log_has_one_line_per_applied_fix_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.jsonl");
    detritus()
        .args(["fix", "--jsonl", "--quiet", "--language", "en", "--log"])
        .arg(&log)
        .write_stdin("{\"text\":\"clean.\"}\n{\"text\":\"a , b ; c\"}\n")
        .assert()
        .code(0)
        .stdout("{\"text\":\"clean.\"}\n{\"text\":\"a, b; c\"}\n");
    let lines: Vec<serde_json::Value> = fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["record"], 2);
    assert_eq!(lines[0]["field"], "text");
    assert_eq!(lines[0]["code"], "W001");
    assert_eq!(lines[0]["name"], "space-before-punctuation");
    assert_eq!(
        (lines[0]["start"].as_u64(), lines[0]["end"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(
        (lines[0]["before"].as_str(), lines[0]["after"].as_str()),
        (Some(" "), Some(""))
    );
}

#[test]
fn fix_log_names_the_file_for_plain_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, DIRTY).unwrap();
    let log = dir.path().join("log.jsonl");
    detritus()
        .args(["fix", "--quiet", "--log"])
        .arg(&log)
        .arg(&file)
        .assert()
        .code(0);
    let text = fs::read_to_string(&log).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains(&format!(
        "\"file\":{}",
        serde_json::to_string(&file.display().to_string()).unwrap()
    )));
}

#[test]
fn metadata_field_keeps_what_crawl_metadata_removes() {
    detritus()
        .args([
            "fix",
            "--jsonl",
            "--quiet",
            "--unsafe-fixes",
            "--metadata-field",
            "crawl",
        ])
        .write_stdin("{\"text\":\"date 2023-12-18 The firm said it complied.\"}\n")
        .assert()
        .code(0)
        .stdout("{\"text\":\"The firm said it complied.\",\"crawl\":[\"date 2023-12-18\"]}\n");
}

#[test]
fn metadata_field_that_is_not_an_array_leaves_the_record_unchanged() {
    let line = "{\"crawl\":1,\"text\":\"date 2023-12-18 The firm said it complied .\"}\n";
    detritus()
        .args([
            "fix",
            "--jsonl",
            "--quiet",
            "--unsafe-fixes",
            "--metadata-field",
            "crawl",
        ])
        .write_stdin(line)
        .assert()
        .code(2)
        .stdout(line)
        .stderr(predicate::str::contains(
            "-:1: field `crawl` exists and is not an array",
        ));
}

#[test]
fn fix_decisions_that_are_malformed_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let decisions = dir.path().join("d.jsonl");
    fs::write(
        &decisions,
        "{\"rule\":\"W001\",\"key\":\"00\",\"decision\":\"accept\"}\nnot json\n",
    )
    .unwrap();
    detritus()
        .args(["fix", "--decisions"])
        .arg(&decisions)
        .arg("-")
        .write_stdin(DIRTY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("d.jsonl: line 2"));
}

#[test]
fn the_fix_summary_agrees_in_number_and_hints_only_at_what_unsafe_fixes_would_do() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let run = |text: &str, extra: &[&str]| {
        fs::write(&file, text).unwrap();
        let out = detritus().arg("fix").args(extra).arg(&file).output().unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    // One unsafe fix left: singular, and the hint counts it.
    let one = run("It cancelled the show “” after a season.\n", &[]);
    assert!(
        one.contains("; 1 issue remains (1 repairable with --unsafe-fixes)"),
        "{one}"
    );
    // Nothing left: no hint.
    let none = run("It grew fast , analysts said.\n", &[]);
    assert!(none.contains("; 0 issues remain\n"), "{none}");
    // Unsafe fixes on: nothing to hint at.
    let on = run(
        "It cancelled the show “” after a season , twice.\n",
        &["--unsafe-fixes"],
    );
    assert!(!on.contains("repairable with"), "{on}");
}

#[test]
fn a_file_named_twice_is_read_once_and_quiet_hides_skip_notes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "It grew fast , analysts said.\n").unwrap();
    fs::write(dir.path().join("b.txt"), b"bin\0ary").unwrap();
    let out = detritus()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "a.txt", "./a.txt", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("W001").count(), 1, "{stdout}");
    let quiet = detritus()
        .current_dir(dir.path())
        .args(["check", "-q", "b.txt"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(quiet.stderr).unwrap(), "");
    let loud = detritus()
        .current_dir(dir.path())
        .args(["check", "b.txt"])
        .output()
        .unwrap();
    assert!(String::from_utf8(loud.stderr).unwrap().contains("skipped, binary file"));
}

#[test]
fn exit_and_mode_flags_work_as_in_ruff() {
    let dirty = "It grew fast , analysts said.\n";
    detritus()
        .args(["check", "--exit-zero"])
        .write_stdin(dirty)
        .assert()
        .code(0);
    detritus()
        .args(["fix", "--exit-non-zero-on-fix"])
        .write_stdin(dirty)
        .assert()
        .code(1)
        .stdout("It grew fast, analysts said.\n");
    detritus()
        .args(["fix", "--exit-non-zero-on-fix"])
        .write_stdin("Clean.\n")
        .assert()
        .code(0);
    // --no-unsafe-fixes overrides a config that turns unsafe fixes on.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "unsafe-fixes = true\n").unwrap();
    let unsafe_text = "It cancelled the show “” after a season.\n";
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--no-unsafe-fixes"])
        .write_stdin(unsafe_text)
        .assert()
        .stdout(unsafe_text);
    detritus()
        .current_dir(dir.path())
        .arg("fix")
        .write_stdin(unsafe_text)
        .assert()
        .stdout("It cancelled the show after a season.\n");
}

#[test]
fn statistics_in_json_are_json() {
    let out = detritus()
        .args(["check", "--statistics", "--format", "json"])
        .write_stdin("It grew fast , analysts said , again.\n")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["code"], "W001");
    assert_eq!(v[0]["count"], 2);
    assert_eq!(v[0]["safe_fixable"], 2);
}

#[test]
fn a_misspelled_rule_gets_a_suggestion_and_exit_two() {
    detritus()
        .args(["check", "--select", "doubled-wrod"])
        .write_stdin("Text.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `doubled-word`?"));
}

#[test]
fn help_lists_only_options_that_work() {
    for command in ["review", "report"] {
        let out = detritus().args([command, "--help"]).output().unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        for option in ["--jsonl", "--field", "--stdin-filename"] {
            assert!(
                !help.lines().any(|l| l.split_whitespace().next() == Some(option)),
                "{command} --help lists {option}"
            );
        }
    }
    let check = String::from_utf8(detritus().args(["check", "--help"]).output().unwrap().stdout).unwrap();
    assert!(check.lines().any(|l| l.split_whitespace().next() == Some("--jsonl")));
    let review = String::from_utf8(detritus().args(["review", "--help"]).output().unwrap().stdout).unwrap();
    assert!(!review.contains("--encoding"), "review writes UTF-8 only");
    detritus()
        .args(["review", "--encoding", "latin1", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("review reads UTF-8 files only"));
}

#[test]
fn the_caret_sits_under_the_span_after_wide_characters() {
    let line = "The 東京 office said growth was fast , analysts said.";
    let out = detritus()
        .args(["check", "--select", "W001", "--color", "never"])
        .write_stdin(format!("{line}\n"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let shown = lines.iter().position(|l| l.contains("東京")).unwrap();
    // `1 | `, then the text before the space: each ideograph is two columns.
    let before = &line[..line.find(" ,").unwrap()];
    let columns = before.chars().count() + before.chars().filter(|c| !c.is_ascii()).count();
    assert_eq!(lines[shown + 1].find('^'), Some(4 + columns), "{text}");
}

#[test]
fn color_is_accepted_before_the_subcommand_as_after_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "It grew fast , analysts said.\n").unwrap();
    let before = detritus()
        .current_dir(dir.path())
        .args(["--color", "always", "check", "a.txt"])
        .output()
        .unwrap();
    let after = detritus()
        .current_dir(dir.path())
        .args(["check", "--color", "always", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(before.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&before.stdout).contains("\x1b["));
    assert_eq!(before.stdout, after.stdout);
}

#[test]
fn fix_jsonl_on_a_folder_reads_only_record_files_and_rewrites_only_what_changed() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.jsonl");
    let dirty = dir.path().join("dirty.ndjson");
    fs::write(&clean, "{\"text\":\"Nothing to fix here.\"}\n").unwrap();
    fs::write(&dirty, "{\"text\":\"It grew fast , analysts said.\"}\n").unwrap();
    fs::write(dir.path().join("image.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    fs::write(dir.path().join("notes.txt"), "Not a record , at all.\n").unwrap();
    let inode = fs::metadata(&clean).unwrap().ino();
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--jsonl", "."])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("malformed").not());
    assert_eq!(
        fs::metadata(&clean).unwrap().ino(),
        inode,
        "an unchanged file keeps its inode"
    );
    assert_eq!(
        fs::read_to_string(&dirty).unwrap(),
        "{\"text\":\"It grew fast, analysts said.\"}\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "Not a record , at all.\n"
    );
}

#[test]
fn a_field_no_record_holds_exits_two_and_names_the_fields_seen() {
    detritus()
        .args(["fix", "--jsonl", "--field", "body"])
        .write_stdin("{\"text\":\"It grew , fast.\",\"id\":1}\n")
        .assert()
        .code(2)
        .stdout("{\"text\":\"It grew , fast.\",\"id\":1}\n")
        .stderr(predicate::str::contains(
            "no record has a string at --field `body`; top-level fields seen: `id`, `text`",
        ));
}

#[test]
fn fields_inside_arrays_are_reached_by_star_and_the_others_only_warned_about() {
    detritus()
        .args(["fix", "--jsonl", "--field", "items.*.body", "--field", "title"])
        .write_stdin("{\"items\":[{\"body\":\"One , two.\"},{\"body\":\"Three , four.\"}]}\n")
        .assert()
        .code(0)
        .stdout("{\"items\":[{\"body\":\"One, two.\"},{\"body\":\"Three, four.\"}]}\n")
        .stderr(predicate::str::contains(
            "warning: no record has a string at --field `title`",
        ));
}

#[test]
fn check_fix_applies_the_fixes_then_reports_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "It grew fast , analysts said.\n\n“We will appeal, she said.\n").unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["check", "--fix", "--format", "concise", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Q001").and(predicate::str::contains("W001").not()));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "It grew fast, analysts said.\n\n“We will appeal, she said.\n"
    );
}

#[test]
fn check_fix_only_fixes_quietly_and_check_diff_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let text = "It grew fast , analysts said.\n\n“We will appeal, she said.\n";
    fs::write(&file, text).unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["check", "--diff", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+It grew fast, analysts said."));
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
    detritus()
        .current_dir(dir.path())
        .args(["check", "--fix-only", "a.txt"])
        .assert()
        .code(0)
        .stdout("");
    assert!(fs::read_to_string(&file).unwrap().starts_with("It grew fast, analysts"));
}

#[test]
fn diff_is_a_unified_diff_even_in_colour_with_a_deleted_space_marked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "It grew fast , analysts said.\n").unwrap();
    let out = detritus()
        .current_dir(dir.path())
        .args(["fix", "--diff", "--color", "always", "a.txt"])
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("--- a/a.txt"), "{shown}");
    assert!(
        shown.contains("\x1b[31m-It grew fast\x1b[7m·\x1b[27m, analysts said."),
        "{shown}"
    );
    assert!(shown.contains("\x1b[32m+It grew fast, analysts said."), "{shown}");
}

#[test]
fn diff_words_shows_each_changed_line_once_word_by_word() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "It grew fast , analysts said.\n").unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--diff=words", "a.txt"])
        .assert()
        .code(1)
        .stdout("a.txt\nline 1: W001 space-before-punctuation\nIt grew fast[- -], analysts said.\n");
}

#[test]
fn explain_keeps_every_line_of_a_multi_line_example_indented() {
    let out = detritus().args(["explain", "D002"]).output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    let flags = &shown[shown.find("## Flags").unwrap()..shown.find("## Leaves alone").unwrap()];
    for line in flags.lines().skip(1).filter(|l| !l.is_empty()) {
        assert!(line.starts_with("    "), "unindented example line {line:?}");
    }
    assert!(
        flags.contains("\n      The firm said its chips were its own."),
        "{flags}"
    );
}

#[test]
fn man_prints_a_page_per_subcommand_with_every_option() {
    let out = detritus().args(["man", "fix"]).output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH detritus-fix 1"), "{page}");
    for option in [
        "unsafe\\-fixes",
        "diff",
        "output",
        "decisions",
        "exit\\-non\\-zero\\-on\\-fix",
    ] {
        assert!(page.contains(&format!("\\-\\-{option}")), "--{option} missing");
    }
    detritus()
        .args(["man", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown subcommand `nope`"));
}

#[test]
fn completions_offer_rule_codes_names_and_families_for_select() {
    let out = detritus().args(["completions", "zsh"]).output().unwrap();
    let script = String::from_utf8(out.stdout).unwrap();
    for value in ["P001", "punctuation-cluster", "whitespace"] {
        assert!(script.contains(value), "{value} missing from the completions");
    }
}

#[test]
fn each_file_takes_the_config_nearest_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("legacy");
    fs::create_dir(&sub).unwrap();
    fs::write(dir.path().join("detritus.toml"), "ignore = [\"W001\"]\n").unwrap();
    fs::write(sub.join("detritus.toml"), "unsafe-fixes = true\n").unwrap();
    let text = "It grew fast , analysts said.\n\nThe board met. The results) were in.\n";
    fs::write(dir.path().join("top.txt"), text).unwrap();
    fs::write(sub.join("deep.txt"), text).unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "."])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("deep.txt:1:13: W001").and(predicate::str::contains("top.txt:1:13: W001").not()),
        );
    detritus().current_dir(dir.path()).args(["fix", "."]).assert().code(0);
    assert_eq!(
        fs::read_to_string(sub.join("deep.txt")).unwrap(),
        "It grew fast, analysts said.\n\nThe board met. The results were in.\n",
        "the nested config's unsafe-fixes applies below it"
    );
    assert_eq!(fs::read_to_string(dir.path().join("top.txt")).unwrap(), text);
}

#[test]
fn an_explicit_config_applies_to_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("legacy");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("detritus.toml"), "ignore = [\"W001\"]\n").unwrap();
    fs::write(dir.path().join("main.toml"), "select = [\"W001\"]\n").unwrap();
    fs::write(sub.join("deep.txt"), "It grew fast , analysts said.\n").unwrap();
    detritus()
        .current_dir(dir.path())
        .args([
            "check",
            "--config",
            "main.toml",
            "--format",
            "concise",
            "legacy/deep.txt",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("W001"));
}

#[test]
fn a_latin1_file_is_fixed_in_place_and_written_back_in_latin1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(
        &file,
        b"Le caf\xe9 est ferm\xe9 , dit le patron, \x93jusqu'en \xe9t\xe9\x94.\n",
    )
    .unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("try --encoding auto"));
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--encoding", "auto", "a.txt"])
        .assert()
        .code(0);
    assert_eq!(
        fs::read(&file).unwrap(),
        b"Le caf\xe9 est ferm\xe9, dit le patron, \x93jusqu'en \xe9t\xe9\x94.\n"
    );
    detritus()
        .current_dir(dir.path())
        .args([
            "fix",
            "--encoding",
            "windows-1252",
            "--output-encoding",
            "utf-8",
            "a.txt",
        ])
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "Le café est fermé, dit le patron, “jusqu'en été”.\n"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_read_and_written_back_as_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let utf16 = |s: &str| -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    };
    fs::write(&file, utf16("It grew fast , analysts said.\n")).unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--encoding", "auto", "a.txt"])
        .assert()
        .code(0);
    assert_eq!(fs::read(&file).unwrap(), utf16("It grew fast, analysts said.\n"));
}

#[test]
fn a_fix_the_legacy_encoding_cannot_hold_leaves_the_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    // The entity decodes to a character windows-1250 has no code for.
    let original = b"Price: 5 &#8364;&#8364; per &#x1F600; head.\n";
    fs::write(&file, original).unwrap();
    detritus()
        .current_dir(dir.path())
        .args(["fix", "--encoding", "windows-1250", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot hold"));
    assert_eq!(fs::read(&file).unwrap(), original);
}

#[test]
fn a_foreign_config_above_many_folders_is_warned_about_once() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("detritus.toml"), "unsafe-fixes = true\n").unwrap();
    for sub in ["a", "b", "c"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("x.txt"), "Fine text.\n").unwrap();
    }
    let owner = fs::metadata(dir.path().join("detritus.toml")).unwrap().uid();
    let out = detritus()
        .current_dir(dir.path())
        .env("DETRITUS_TEST_UID", (owner + 1).to_string())
        .args(["check", "--quiet", "."])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("ignoring the configuration").count(), 1, "{stderr}");
}

#[test]
fn restore_paragraphs_mends_glued_paragraphs_with_a_blank_line_from_the_flag_or_the_config() {
    let first = "The committee reviewed the proposals for industrial development over several months.";
    let second = "The paper went on to describe the costs of each proposal and the time it would take.";
    let glued = format!("{first}{second}\n");
    let out = detritus()
        .args(["fix", "-"])
        .write_stdin(glued.clone())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{first} {second}\n"));
    let out = detritus()
        .args(["fix", "--restore-paragraphs", "-"])
        .write_stdin(glued.clone())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{first}\n\n{second}\n"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("detritus.toml"), "restore-paragraphs = true\n").unwrap();
    let out = detritus()
        .current_dir(dir.path())
        .args(["fix", "-"])
        .write_stdin(glued)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{first}\n\n{second}\n"));
}
