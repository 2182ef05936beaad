//! `fix` in every mode on any text: no panic, the fixer converges, fixing is
//! idempotent, `Fixed.changes` rebuilds the output from the input (so text
//! outside the edits is unchanged), safe fixes keep every letter and digit,
//! and every span lies on a character boundary. The diffs built from the
//! result must not panic either.

#![no_main]

use detritus::{diff, FixMode};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((flags, bytes)) = common::split(data) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let linter = common::linter(flags);
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let fixed = match linter.fix(text, mode) {
            Ok(fixed) => fixed,
            Err(e) => panic!("{mode:?}: {e}"),
        };

        // The change list is sorted, disjoint, on boundaries, and exact.
        let mut rebuilt = String::new();
        let (mut at, mut at_new) = (0, 0);
        for (old, new) in &fixed.changes {
            assert!(
                old.start >= at && new.start >= at_new,
                "changes are sorted and disjoint"
            );
            assert!(
                common::on_boundaries(text, old.start, old.end),
                "{old:?} off a boundary"
            );
            assert!(
                common::on_boundaries(&fixed.text, new.start, new.end),
                "{new:?} off a boundary"
            );
            rebuilt.push_str(&text[at..old.start]);
            rebuilt.push_str(&fixed.text[new.start..new.end]);
            (at, at_new) = (old.end, new.end);
        }
        rebuilt.push_str(&text[at..]);
        assert_eq!(rebuilt, fixed.text, "{mode:?}: the change list rebuilds the output");

        for f in &fixed.applied {
            assert!(
                common::on_boundaries(text, f.span.start, f.span.end),
                "{} applied at {:?}, off a boundary",
                f.rule.code,
                f.span
            );
            assert!(mode.allows(f.applicability), "{} applied in {mode:?}", f.rule.code);
            if f.applicability == detritus::Applicability::Safe && !f.rule.rewrites_letters {
                assert!(
                    !detritus::text::deletes_letters(&f.before, &f.after),
                    "{}: safe fix deletes letters: {:?} -> {:?}",
                    f.rule.code,
                    f.before,
                    f.after
                );
            }
        }
        if mode == FixMode::Safe && !fixed.applied.iter().any(|f| f.rule.rewrites_letters) {
            assert_eq!(
                common::letters(&fixed.text),
                common::letters(text),
                "safe fixes keep letters"
            );
        }

        let again = match linter.fix(&fixed.text, mode) {
            Ok(again) => again,
            Err(e) => panic!("{mode:?} on the fixed text: {e}"),
        };
        assert_eq!(again.text, fixed.text, "{mode:?}: fixing is idempotent");
        assert!(again.applied.is_empty(), "{mode:?}: a second fix applies nothing");

        let _ = diff::unified("in.txt", text, &fixed);
        let _ = diff::words("in.txt", text, &fixed, flags & 2 == 2);
    }
});
