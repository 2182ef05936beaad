//! Snapshots of every corpus article: what `check` finds, what `fix` and
//! `fix --unsafe-fixes` change, and the invariants every article must keep.

use crate::util::letters;
use detritus::text::LineIndex;
use detritus::{diff, Diagnostic, FixMode, Linter, Settings};

/// Every article is read with the default settings: its language is
/// identified, not told (the French one included).
fn linter_for(_path: &std::path::Path) -> Linter {
    Linter::new(&Settings::default()).unwrap()
}

fn describe(text: &str, diags: &[Diagnostic]) -> String {
    let lines = LineIndex::new(text);
    diags
        .iter()
        .map(|d| {
            let line = lines.line_of(d.span.start);
            let col = text[lines.line_start(line)..d.span.start].chars().count() + 1;
            let fix = d.fix.as_ref().map_or("no fix".to_string(), |f| {
                format!("{} fix: {}", f.applicability, f.message)
            });
            let excerpt = detritus::text::show_invisibles(d.span.slice(text));
            let excerpt: String = excerpt.chars().take(60).collect();
            format!(
                "{}:{col} {} {} `{excerpt}` — {} ({fix})",
                line + 1,
                d.rule.code,
                d.rule.name,
                d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn corpus_snapshots() {
    settings().bind(|| {
        insta::glob!("../../corpus", "*.txt", |path| {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let linter = linter_for(path);
            insta::assert_snapshot!("diagnostics", describe(&text, &linter.check(&text)));
            let safe = linter.fix(&text, FixMode::Safe).unwrap();
            insta::assert_snapshot!("safe.diff", diff::unified(&name, &text, &safe));
            let full = linter.fix(&text, FixMode::Unsafe).unwrap();
            insta::assert_snapshot!("unsafe.diff", diff::unified(&name, &text, &full));
            insta::assert_snapshot!("unsafe.fixed", full.text);
        });
    });
}

#[test]
fn every_article_keeps_its_invariants_under_both_fix_modes() {
    let mut seen = 0;
    for entry in std::fs::read_dir(crate::util::corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let linter = linter_for(&path);
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let fixed = linter
                .fix(&text, mode)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let again = linter.fix(&fixed.text, mode).unwrap();
            assert_eq!(
                again.text,
                fixed.text,
                "{}: fixing the fixed text changed it ({mode:?})",
                path.display()
            );
            assert_eq!(
                text.starts_with('\u{feff}'),
                fixed.text.starts_with('\u{feff}'),
                "{}: BOM changed",
                path.display()
            );
            if !text.ends_with('\n') && mode == FixMode::Safe {
                assert!(
                    !fixed.text.ends_with('\n'),
                    "{}: safe fixes added a final newline",
                    path.display()
                );
            }
            assert_eq!(
                text.matches("\r\n").count() > 0,
                fixed.text.matches("\r\n").count() > 0,
                "{}: line endings changed",
                path.display()
            );
            // A fix the fixer dropped (it would have left new debris behind) may
            // remain; a rule that did apply must have nothing left to apply.
            let applied: Vec<&str> = fixed.applied.iter().map(|f| f.rule.code).collect();
            for d in &fixed.remaining {
                assert!(
                    !applied.contains(&d.rule.code) || d.fix.as_ref().is_none_or(|f| !mode.allows(f.applicability)),
                    "{}: {} still offers an applicable fix after fixing: {}",
                    path.display(),
                    d.rule.code,
                    d.message
                );
            }
        }
        let safe = linter.fix(&text, FixMode::Safe).unwrap();
        let rewriting = safe.applied.iter().any(|f| f.rule.rewrites_letters);
        if !rewriting {
            assert_eq!(
                letters(&safe.text),
                letters(&text),
                "{}: a safe fix changed letters or digits",
                path.display()
            );
        }
    }
    assert!(
        seen >= 11,
        "the corpus should hold the seed and at least ten more articles"
    );
}
