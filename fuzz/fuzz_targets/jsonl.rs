//! The CLI's JSON Lines stream on any bytes, in check and both fix modes:
//! no panic and no error from the stream itself, one line out per line in,
//! a record left alone byte for byte unless a field changed, a changed
//! record equal to the input with its fields fixed by the library, and
//! fixing the output again changes nothing.

#![no_main]

use detritus::FixMode;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[path = "common.rs"]
mod common;
#[path = "../../src/cli/json_span.rs"]
#[allow(dead_code)]
mod json_span;
#[path = "../../src/cli/jsonl.rs"]
mod jsonl;

const FIELDS: [&str; 2] = ["text", "doc.body"];

fn run(bytes: &[u8], flags: u8, job: jsonl::Job) -> (Vec<u8>, jsonl::Totals, usize) {
    let fields: Vec<String> = FIELDS.iter().map(|f| f.to_string()).collect();
    let stream = jsonl::Stream {
        linter: common::linter(flags),
        source: "in.jsonl",
        fields: &fields,
        job,
        log: true,
        metadata_field: None,
    };
    let mut out = Vec::new();
    let mut log = Vec::new();
    let mut reported = 0;
    let totals = stream
        .run(
            &mut &bytes[..],
            &mut out,
            &mut |_, _, diags| {
                reported += diags.len();
                Ok(())
            },
            &mut |_| {},
            &mut log,
        )
        .expect("the stream reads and writes memory without error");
    for line in log.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        serde_json::from_slice::<Value>(line).expect("every change-log line is JSON");
    }
    (out, totals, reported)
}

/// Lines as the stream reads them: split after each newline.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

fn lookup<'v>(record: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    path.split('.')
        .try_fold(record, |v, key| v.as_object_mut()?.get_mut(key))
}

fuzz_target!(|data: &[u8]| {
    common::single_threaded();
    let Some((flags, bytes)) = common::split(data) else {
        return;
    };
    let input = lines(bytes);

    let (_, totals, reported) = run(bytes, flags, jsonl::Job::Check);
    assert_eq!(totals.records, input.len(), "check counts every line");
    assert_eq!(totals.found, reported);

    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let (out, totals, _) = run(bytes, flags, jsonl::Job::Fix(mode));
        let output = lines(&out);
        assert_eq!(totals.records, input.len(), "fix counts every line");
        assert_eq!(output.len(), input.len(), "one line out per line in");
        let mut changed = 0;
        for (i, (&before, &after)) in input.iter().zip(&output).enumerate() {
            if before == after {
                continue;
            }
            changed += 1;
            let ending = |l: &[u8]| l.iter().rev().take_while(|b| matches!(b, b'\n' | b'\r')).count();
            assert_eq!(
                &before[before.len() - ending(before)..],
                &after[after.len() - ending(after)..],
                "line {i}: the line ending is kept"
            );
            let mut expected: Value = serde_json::from_slice(before).expect("a changed record was valid JSON");
            for field in FIELDS {
                if let Some(Value::String(text)) = lookup(&mut expected, field) {
                    *text = common::linter(flags).fix(text, mode).expect("the fixer converges").text;
                }
            }
            let got: Value = serde_json::from_slice(after).expect("a changed record is written as valid JSON");
            assert_eq!(got, expected, "line {i}: only the fields change");
        }
        assert_eq!(totals.changed, changed);

        let (again, _, _) = run(&out, flags, jsonl::Job::Fix(mode));
        assert!(again == out, "{mode:?}: fixing the output again changes nothing");
    }
});
