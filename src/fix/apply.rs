//! One pass of the fixer: choose fixes whose edits do not overlap, and
//! apply them in one copy.

use crate::diagnostic::Diagnostic;
use crate::span::Edit;

use super::changes::ChangeMap;
use super::PassMap;

/// A fix the fixer may apply this pass, with the key it is remembered by.
pub(super) struct Candidate<'d> {
    pub(super) diag: &'d Diagnostic,
    pub(super) key: u64,
}

/// Greedy in position order: a fix is taken only if none of its edits
/// conflicts with an edit already taken.
pub(super) fn take_non_overlapping<'d>(candidates: &[Candidate<'d>]) -> Vec<Candidate<'d>> {
    let mut taken: Vec<Candidate> = Vec::new();
    let mut edits: Vec<&Edit> = Vec::new();
    for c in candidates {
        let fix = c.diag.fix.as_ref().expect("candidates have fixes");
        let clash = fix.edits.iter().any(|e| {
            // `edits` is sorted by start; only neighbours can conflict.
            let i = edits.partition_point(|t| t.span.end < e.span.start);
            edits[i..]
                .iter()
                .take_while(|t| t.span.start <= e.span.end)
                .any(|t| t.conflicts(e))
        }) || fix
            .edits
            .iter()
            .enumerate()
            .any(|(i, a)| fix.edits[i + 1..].iter().any(|b| a.conflicts(b)));
        if clash {
            continue;
        }
        for e in &fix.edits {
            let i = edits.partition_point(|t| t.span.start <= e.span.start);
            edits.insert(i, e);
        }
        taken.push(Candidate {
            diag: c.diag,
            key: c.key,
        });
    }
    taken
}

/// Apply every edit of `taken` in one left-to-right copy.
pub(super) fn apply(text: &str, taken: &[Candidate]) -> (String, PassMap) {
    let mut edits: Vec<(&Edit, usize)> = taken
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.diag.fix.as_ref().expect("fix").edits.iter().map(move |e| (e, i)))
        .collect();
    edits.sort_by_key(|(e, _)| (e.span.start, e.span.end));
    let owner = edits.iter().map(|&(_, i)| i).collect();
    let (out, edits) = ChangeMap::splice(text, edits.iter().map(|(e, _)| (e.span, e.content.as_str())));
    (out, PassMap { edits, owner })
}
