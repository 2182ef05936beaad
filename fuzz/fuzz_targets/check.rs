//! `check` on any text: no panic, every span inside the text and on
//! character boundaries, diagnostics sorted, and the CLI's report formats
//! locate and print every one.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
#[path = "../../src/cli/format.rs"]
#[allow(dead_code)]
mod format;

fuzz_target!(|data: &[u8]| {
    let Some((flags, bytes)) = common::split(data) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let diags = common::linter(flags).check(text);
    let mut last = None;
    for d in &diags {
        assert!(
            common::on_boundaries(text, d.span.start, d.span.end),
            "{} span {:?} off a boundary",
            d.rule.code,
            d.span
        );
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(
                common::on_boundaries(text, e.span.start, e.span.end),
                "{} edit {:?} off a boundary",
                d.rule.code,
                e.span
            );
        }
        let key = (d.span, d.rule.code);
        assert!(last.is_none_or(|l| l <= key), "diagnostics are sorted by position");
        last = Some(key);
    }
    let doc = detritus::Document::new(text);
    let located = format::locate("in.txt", text, &diags);
    let _ = format::sarif_log();
    let mut counts = format::RuleCounts::default();
    diags.iter().for_each(|d| counts.add(d));
    let _ = (counts.table(), counts.json());
    for l in located {
        assert!(l.line >= 1 && l.column >= 1 && (l.end_line, l.end_column) >= (l.line, l.column));
        let _ = format::full(&l, flags & 2 == 2);
        let _ = format::concise(&l);
        let _ = format::github(&l);
        let _ = format::json_value(&l, Some(doc.context_at(l.diag.span.start)));
        let _ = format::sarif_result(&l, 0);
    }
});
