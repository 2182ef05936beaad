//! `detritus review` driven in a real pseudo-terminal: keys typed, the
//! written file and the decisions file checked afterwards; and what other
//! commands do when a person, not a pipe, is at the other end.

use std::path::Path;
use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

/// Five safe fixes of two rules, in this order: W001, W003, W001, W003, W001.
const TEXT: &str = "One , two  three , four  five , six.\n";

fn dir_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    dir
}

fn review(dir: &Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_detritus"));
    cmd.current_dir(dir).args(["review", "a.txt", "--color", "never"]);
    spawn_command(cmd, Some(20_000)).unwrap()
}

/// Wait for question `n` of the file, then answer it with `keys`.
fn answer(p: &mut PtySession, n: usize, keys: &str) {
    p.exp_string(&format!("fix {n} of")).unwrap();
    p.send(keys).unwrap();
    p.flush().unwrap();
}

fn exit_code(p: &mut PtySession) -> i32 {
    p.exp_eof().unwrap();
    match p.process.wait().unwrap() {
        rexpect::process::wait::WaitStatus::Exited(_, code) => code,
        other => panic!("review did not exit normally: {other:?}"),
    }
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn y_accepts_n_rejects_and_u_undoes_the_last_decision() {
    let dir = dir_with(TEXT);
    let mut p = review(dir.path());
    answer(&mut p, 1, "y");
    answer(&mut p, 2, "n");
    answer(&mut p, 3, "u"); // back to question 2
    answer(&mut p, 2, "y");
    answer(&mut p, 3, "n");
    answer(&mut p, 4, "y");
    answer(&mut p, 5, "n");
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(read(dir.path(), "a.txt"), "One, two three , four five , six.\n");
    let decisions = read(dir.path(), ".detritus/decisions.jsonl");
    assert_eq!(decisions.matches(r#""decision":"accept""#).count(), 3, "{decisions}");
    assert_eq!(decisions.matches(r#""decision":"reject""#).count(), 2, "{decisions}");
}

#[test]
fn a_and_d_decide_every_remaining_fix_of_the_rule() {
    let dir = dir_with(TEXT);
    let mut p = review(dir.path());
    answer(&mut p, 1, "a"); // every W001
    answer(&mut p, 2, "d"); // every W003: the last question
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(read(dir.path(), "a.txt"), "One, two  three, four  five, six.\n");
}

#[test]
fn undo_after_a_takes_back_the_automatic_decisions_too() {
    let dir = dir_with(TEXT);
    let mut p = review(dir.path());
    answer(&mut p, 1, "a");
    answer(&mut p, 2, "u"); // back to question 1, W001 asked one by one again
    answer(&mut p, 1, "n");
    answer(&mut p, 2, "d");
    answer(&mut p, 3, "y");
    answer(&mut p, 5, "n"); // the W003 in between was rejected by `d`
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(read(dir.path(), "a.txt"), "One , two  three, four  five , six.\n");
}

#[test]
fn q_writes_what_was_accepted_so_far_and_stops() {
    let dir = dir_with(TEXT);
    let mut p = review(dir.path());
    answer(&mut p, 1, "y");
    answer(&mut p, 2, "q");
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(read(dir.path(), "a.txt"), "One, two  three , four  five , six.\n");
}

#[test]
fn a_signal_from_outside_gives_the_terminal_back() {
    for signal in ["-TERM", "-INT"] {
        let dir = dir_with(TEXT);
        // The shell reports the terminal's modes once review has gone: raw
        // mode left behind shows as `-icanon -echo`.
        let script = format!("{} review a.txt --color never; stty -a", env!("CARGO_BIN_EXE_detritus"));
        let mut cmd = Command::new("sh");
        cmd.current_dir(dir.path()).args(["-c", &script]);
        let mut p = spawn_command(cmd, Some(20_000)).unwrap();
        p.exp_string("fix 1 of").unwrap();
        let shell = p.process.child_pid.to_string();
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
        let review = children.split_whitespace().next().expect("review runs under the shell");
        assert!(Command::new("kill").args([signal, review]).status().unwrap().success());
        let (_, stty) = p.exp_regex(r"(-?)icanon").unwrap();
        assert_eq!(stty, "icanon", "{signal} left the terminal in raw mode");
        p.exp_eof().unwrap();
        assert_eq!(read(dir.path(), "a.txt"), TEXT);
    }
}

#[test]
fn ctrl_c_leaves_the_file_and_the_decisions_untouched() {
    let dir = dir_with(TEXT);
    let mut p = review(dir.path());
    answer(&mut p, 1, "y");
    answer(&mut p, 2, "\x03");
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(read(dir.path(), "a.txt"), TEXT);
    assert!(!dir.path().join(".detritus").exists());
}

#[test]
fn e_writes_the_replacement_typed() {
    let dir = dir_with("One , two.\n");
    let mut p = review(dir.path());
    answer(&mut p, 1, "e");
    p.exp_string("Enter to keep it").unwrap();
    p.send(" —\r").unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(read(dir.path(), "a.txt"), "One —, two.\n");
    assert!(read(dir.path(), ".detritus/decisions.jsonl").contains(r#""replacement":" —""#));
}

#[test]
fn a_second_review_asks_nothing_and_fix_follows_the_decisions() {
    let dir = dir_with(TEXT);
    let copy = dir.path().join("copy.txt");
    std::fs::write(&copy, TEXT).unwrap();
    let mut p = review(dir.path());
    answer(&mut p, 1, "n");
    answer(&mut p, 2, "y");
    answer(&mut p, 3, "d");
    answer(&mut p, 4, "n");
    assert_eq!(exit_code(&mut p), 0);
    let reviewed = read(dir.path(), "a.txt");
    assert_eq!(reviewed, "One , two three , four  five , six.\n");

    let mut again = review(dir.path());
    again.exp_string("0 accepted, 0 rejected; unchanged").unwrap();
    assert_eq!(exit_code(&mut again), 0);
    assert_eq!(read(dir.path(), "a.txt"), reviewed);

    // The same decisions, applied without a terminal to an untouched copy.
    let status = Command::new(env!("CARGO_BIN_EXE_detritus"))
        .current_dir(dir.path())
        .args(["fix", "--quiet", "--decisions", ".detritus/decisions.jsonl", "copy.txt"])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), reviewed);
}

#[test]
fn review_without_a_terminal_refuses_and_points_to_fix_diff() {
    let dir = dir_with(TEXT);
    let out = Command::new(env!("CARGO_BIN_EXE_detritus"))
        .current_dir(dir.path())
        .args(["review", "a.txt"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fix --diff"));
    assert_eq!(read(dir.path(), "a.txt"), TEXT);
}

#[test]
fn check_with_no_path_at_a_terminal_checks_the_folder() {
    let dir = dir_with(TEXT);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_detritus"));
    cmd.current_dir(dir.path())
        .args(["check", "--color", "never", "--format", "concise"]);
    let mut p = spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string("a.txt:1:4: W001").unwrap();
    assert_eq!(exit_code(&mut p), 1);
}

#[test]
fn a_finding_is_shown_where_check_puts_it() {
    // The credit's removal starts at the line break before it, on line 1.
    let dir = dir_with("The quake struck at dawn and nobody was hurt.\nPhoto: AFP");
    let mut p = review(dir.path());
    p.exp_string("a.txt:2:1").unwrap();
    p.send("q").unwrap();
    p.flush().unwrap();
    exit_code(&mut p);
}
