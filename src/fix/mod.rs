//! The only code that changes text: apply fixes, re-check, repeat. The
//! loop is given its check, so it knows nothing of the linter.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use crate::diagnostic::{Applicability, Diagnostic};
use crate::error::Error;
use crate::meta::RuleMeta;
use crate::span::{ceil_char_boundary, floor_char_boundary, Edit, Span};

mod apply;
mod changes;

use apply::{apply, take_non_overlapping, Candidate};
pub use changes::{replaced, ChangeMap};

/// Passes before the fixer gives up. Real debris settles in two or three;
/// more means two rules undo each other, which is a bug worth reporting.
pub const MAX_PASSES: usize = 12;

/// How far past an edit new debris may reach and still count as made by it.
const NEAR: usize = 8;

/// A fix the fixer applied, located in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedFix {
    /// The rule whose fix it was.
    pub rule: &'static RuleMeta,
    /// How far the fix could be trusted.
    pub applicability: Applicability,
    /// What the fix did.
    pub message: String,
    /// Where the fix's edits sit in the text `fix` was given.
    pub span: Span,
    /// The text the fix replaced and what it put there, in the pass it ran.
    /// Unchanged text of more than 64 bytes between two of its edits is
    /// shortened to its ends around `…`.
    pub before: String,
    /// What the fix put in place of `before`.
    pub after: String,
}

/// The result of fixing a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// Every fix applied, in the order applied.
    pub applied: Vec<AppliedFix>,
    /// Check passes run, including the last one that found nothing to apply.
    pub passes: usize,
    /// What the last pass still found in the fixed text.
    pub remaining: Vec<Diagnostic>,
    /// Every changed region as (span in the original, span in `text`),
    /// sorted and disjoint; everything between them is byte-identical.
    pub changes: ChangeMap,
}

impl Fixed {
    /// True when at least one fix was applied.
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// One pass's edits, for mapping later positions back to the original text.
struct PassMap {
    /// Where each edit sat and where it landed.
    edits: ChangeMap,
    /// The index into the pass's taken fixes that each edit belongs to.
    owner: Vec<usize>,
}

impl PassMap {
    /// Map a position in the text after this pass to the text before it.
    /// A position inside replaced text maps to the start (or, for an end,
    /// the end) of what it replaced.
    fn back(&self, pos: usize, is_end: bool) -> usize {
        self.edits.back(pos, is_end)
    }
}

/// A fix is remembered by its rule, what it replaces and a little context,
/// so a fix dropped in one pass is not retried when positions shift.
fn fix_key(d: &Diagnostic, text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    d.rule.code.hash(&mut h);
    for e in &d.fix.as_ref().expect("candidates have fixes").edits {
        let from = floor_char_boundary(text, e.span.start.saturating_sub(24));
        let to = ceil_char_boundary(text, (e.span.end + 24).min(text.len()));
        text[from..e.span.start].hash(&mut h);
        e.span.slice(text).hash(&mut h);
        text[e.span.end..to].hash(&mut h);
        e.content.hash(&mut h);
    }
    h.finish()
}

/// Fix `original`: apply the fixes `accept` approves among what `check`
/// finds, re-check, and repeat until a pass applies nothing.
pub(crate) fn fix(
    original: &str,
    accept: &dyn Fn(&Diagnostic, &str) -> bool,
    check: &mut dyn FnMut(&str) -> Vec<Diagnostic>,
) -> Result<Fixed, Error> {
    let mut text = original.to_string();
    let mut diags = check(&text);
    let mut applied: Vec<AppliedFix> = Vec::new();
    let mut maps: Vec<PassMap> = Vec::new();
    let mut changes = ChangeMap::default();
    let mut seen: HashSet<u64> = HashSet::from([hash_text(&text)]);
    let mut passes = 1;
    loop {
        // Rejections last one pass: a fix blamed for debris that another fix
        // of the same pass caused gets another chance once the text settles.
        // The loop ends on a pass that applies nothing, which is exactly what
        // fixing the result again would do: fixing stays idempotent.
        let mut rejected: HashSet<u64> = HashSet::new();
        let mut candidates: Vec<Candidate> = diags
            .iter()
            .filter(|d| d.fix.is_some() && accept(d, &text))
            .map(|d| Candidate {
                diag: d,
                key: fix_key(d, &text),
            })
            .filter(|c| !rejected.contains(&c.key))
            .collect();
        if candidates.is_empty() {
            break;
        }
        if passes > MAX_PASSES {
            return Err(no_fixpoint(passes, &candidates));
        }
        candidates.sort_by_key(|c| (c.diag.fix.as_ref().map(|f| f.span()), c.diag.rule.code));
        // Drop fixes that make new debris the accepted fixes cannot repair,
        // and try the pass again without them; each retry drops at least one.
        let (next, next_diags, map, taken) = loop {
            let taken = take_non_overlapping(&candidates);
            let (next, map) = apply(&text, &taken);
            let next_diags = check(&next);
            let bad = introduces_debris((&text, &diags), (&next, &next_diags), &taken, &map);
            if bad.is_empty() {
                break (next, next_diags, map, taken);
            }
            for i in bad {
                rejected.insert(taken[i].key);
            }
            candidates.retain(|c| !rejected.contains(&c.key));
        };
        if taken.is_empty() {
            break;
        }
        if !seen.insert(hash_text(&next)) {
            return Err(no_fixpoint(passes, &candidates));
        }
        record(&mut applied, &text, &taken, &maps);
        changes = changes.compose(&map.edits);
        maps.push(map);
        text = next;
        diags = next_diags;
        passes += 1;
    }
    Ok(Fixed {
        text,
        applied,
        passes,
        remaining: diags,
        changes,
    })
}

/// A hash of a whole pass's text, to see the fixer come back to a text it
/// had. It reads every byte of the text on every pass, so it is FxHash,
/// which takes eight bytes a step, not SipHash, which is built to resist
/// chosen collisions: a collision here could only stop one text's fixing
/// with an error, never change a text.
fn hash_text(text: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

fn no_fixpoint(passes: usize, candidates: &[Candidate]) -> Error {
    let mut rules: Vec<&'static str> = candidates.iter().map(|c| c.diag.rule.code).collect();
    rules.sort_unstable();
    rules.dedup();
    Error::NoFixpoint { passes, rules }
}

/// Indices of the edits in `spans` (sorted, non-overlapping) that `span` touches.
fn touched(spans: &[Span], span: Span) -> std::ops::Range<usize> {
    let from = spans.partition_point(|s| s.end < span.start);
    let to = spans.partition_point(|s| s.start <= span.end);
    from..to.max(from)
}

/// Indices into `taken` of fixes whose edits leave new debris beside them
/// that no fix can repair and that was not there before.
///
/// Linear in the number of diagnostics and edits: each residual diagnostic
/// finds the edits it touches by binary search, so a text with thousands of
/// fixes and thousands of unfixable findings costs no more than reading them.
fn introduces_debris(
    (old_text, old_diags): (&str, &[Diagnostic]),
    (new_text, new_diags): (&str, &[Diagnostic]),
    taken: &[Candidate],
    map: &PassMap,
) -> Vec<usize> {
    // Only debris nothing can repair counts: a safe fix that leaves an unsafe
    // one behind (`inquiry,,` → `inquiry,`, a stray comma for review) still helps.
    let residual = |d: &Diagnostic| {
        d.fix
            .as_ref()
            .is_none_or(|f| f.applicability == Applicability::DisplayOnly)
    };
    let old_spans: Vec<Span> = map.edits.iter().map(|(o, _)| *o).collect();
    let new_spans: Vec<Span> = map.edits.iter().map(|(_, n)| *n).collect();
    let mut before: HashSet<(&str, usize)> = HashSet::new();
    // The residual debris the text had, by rule and what it marked: the same
    // mark reported after a pass was there, not made (an unclosed `(` whose
    // paragraph the pass shortened).
    let mut had: HashSet<(&str, &str)> = HashSet::new();
    for d in old_diags.iter().filter(|d| residual(d)) {
        before.extend(touched(&old_spans, d.span).map(|k| (d.rule.code, k)));
        had.insert((d.rule.code, d.span.slice(old_text)));
    }
    let mut bad: Vec<usize> = Vec::new();
    for d in new_diags
        .iter()
        .filter(|d| residual(d) && !had.contains(&(d.rule.code, d.span.slice(new_text))))
    {
        for k in touched(&new_spans, d.span) {
            // Debris made by an edit sits at the edit. Debris that reaches well
            // past it was there all along, only hidden: decoding `&gt;` reveals
            // a breadcrumb trail. Revealing is not creating.
            let near = Span::new(new_spans[k].start.saturating_sub(NEAR), new_spans[k].end + NEAR);
            // Safe fixes change no words; what appears beside them (an opening quote
            // decoded from mojibake) was there in disguise, so only unsafe fixes are blamed.
            let owner = &taken[map.owner[k]];
            let unsafe_fix = owner
                .diag
                .fix
                .as_ref()
                .is_some_and(|f| f.applicability != Applicability::Safe);
            if unsafe_fix && near.contains(d.span) && !before.contains(&(d.rule.code, k)) {
                bad.push(map.owner[k]);
            }
        }
    }
    bad.sort_unstable();
    bad.dedup();
    bad
}

fn record(applied: &mut Vec<AppliedFix>, old: &str, taken: &[Candidate], earlier: &[PassMap]) {
    for c in taken {
        let fix = c.diag.fix.as_ref().expect("fix");
        let span = fix.span();
        let (mut start, mut end) = (span.start, span.end);
        for m in earlier.iter().rev() {
            start = m.back(start, false);
            end = m.back(end, true);
        }
        let (before, after) = excerpts(old, span, &fix.edits);
        applied.push(AppliedFix {
            rule: c.diag.rule,
            applicability: fix.applicability,
            message: c.diag.message.to_string(),
            span: Span::new(start, end.max(start)),
            before,
            after,
        });
    }
}

/// Unchanged text between a fix's edits longer than this is shortened in
/// [`AppliedFix::before`] and `after`.
const GAP: usize = 64;

/// The text a fix replaced and what it put there. Text the fix keeps
/// between far-apart edits (the inside of a long bracket pair) is shortened
/// to its ends around `…`: kept whole, one fix per bracket pair of a long
/// paragraph would hold the paragraph over and over.
fn excerpts(old: &str, span: Span, edits: &[Edit]) -> (String, String) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let (mut before, mut after) = (String::new(), String::new());
    let kept = |gap: &str, before: &mut String, after: &mut String| {
        let gap = if gap.len() > GAP {
            let head = &gap[..floor_char_boundary(gap, GAP / 2)];
            let tail = &gap[ceil_char_boundary(gap, gap.len() - GAP / 2)..];
            format!("{head}…{tail}")
        } else {
            gap.to_string()
        };
        before.push_str(&gap);
        after.push_str(&gap);
    };
    let mut at = span.start;
    for e in sorted {
        kept(&old[at..e.span.start], &mut before, &mut after);
        before.push_str(e.span.slice(old));
        after.push_str(&e.content);
        at = e.span.end;
    }
    kept(&old[at..span.end], &mut before, &mut after);
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    #[test]
    fn a_face_made_by_removing_a_control_character_converges() {
        // Found by the fuzz target: removing `\x03` turns `:(` into a face,
        // and empty-quotes-or-brackets read `()` as a pair while
        // unbalanced-bracket read its `(` as a mouth, one `)` per pass.
        let linter = Linter::new(&crate::Settings::default()).unwrap();
        for n in [10, 40] {
            let text = format!(":\x03(){}&#]8;", ")".repeat(n));
            assert!(linter.fix(&text, crate::FixMode::Unsafe).is_ok(), "{n}");
        }
    }

    #[test]
    fn stray_closing_brackets_before_an_unclosed_one_converge() {
        // Found by the fuzz target: each removal of a `)` was blamed for the
        // unclosed `[` beside it, one per pass.
        let linter = Linter::new(&crate::Settings::default()).unwrap();
        for n in [13, 40] {
            let text = format!("Done. {}[", ")".repeat(n));
            let fixed = linter.fix(&text, crate::FixMode::Unsafe).unwrap();
            // The run of `)` goes as one finding; the space before the `[` stays.
            assert_eq!(fixed.text, "Done. [");
        }
    }

    #[test]
    fn padded_closers_after_a_mixed_pair_converge() {
        // Found by the fuzz target: space-inside-quotes paired `“` with the
        // next `”` across the `"` that closed it and joined that orphan, then
        // unbalanced-quote removed it, one `”` per pass.
        let linter = Linter::new(&crate::Settings::default()).unwrap();
        let text = format!("&\0#8220;m\". {}T", "â€⁝ ".repeat(6));
        assert!(linter.fix(&text, crate::FixMode::Unsafe).is_ok());
    }

    #[test]
    fn template_tokens_holding_backticks_converge() {
        // Found by the fuzz target: removing `{{`}}` re-paired the backticks
        // after it into code spans, exposing one more token per pass.
        let linter = Linter::new(&crate::Settings::default()).unwrap();
        let text = format!("{{{{`..{}h{{{{`}}}}}}}}`", "{{`}}|".repeat(11));
        assert!(linter.fix(&text, crate::FixMode::Safe).is_ok());
    }

    #[test]
    fn removing_lines_beside_an_unclosed_bracket_converges() {
        // A corpus article mutated by the property tests: each line removal
        // shortened the paragraph of an unclosed `(`, the `(` was blamed on
        // it, and one line went per pass, past the limit.
        let text = include_str!("../../tests/data/boilerplate_beside_unclosed_bracket.txt");
        let linter = Linter::new(&crate::Settings::default()).unwrap();
        let fixed = linter.fix(text, crate::FixMode::Unsafe).unwrap();
        assert!(fixed.passes <= 4, "{} passes", fixed.passes);
    }

    #[test]
    fn a_fix_with_far_apart_edits_records_only_their_surroundings() {
        let inner = "word ".repeat(100);
        let old = format!("( {inner}) end");
        let edits = [
            Edit::delete(Span::new(1, 2)),
            Edit::delete(Span::new(old.len() - 6, old.len() - 5)),
        ];
        let (before, after) = excerpts(&old, Span::new(0, old.len() - 4), &edits);
        assert!(before.len() < 100 && after.len() < 100, "{before:?}");
        assert!(before.starts_with("( word") && before.ends_with("word )"), "{before:?}");
        assert!(after.starts_with("(word") && after.ends_with("word)"), "{after:?}");
        let short = "( a )";
        let edits = [Edit::delete(Span::new(1, 2)), Edit::delete(Span::new(3, 4))];
        assert_eq!(excerpts(short, Span::new(0, 5), &edits), ("( a )".into(), "(a)".into()));
    }
}
