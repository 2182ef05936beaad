//! The only code that changes text: apply fixes, re-check, repeat.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::{Applicability, Diagnostic};
use crate::error::Error;
use crate::linter::Linter;
use crate::rule::RuleMeta;
use crate::span::{Edit, Span};

/// Passes before the fixer gives up. Real debris settles in two or three;
/// more means two rules undo each other, which is a bug worth reporting.
pub const MAX_PASSES: usize = 12;

/// A fix the fixer applied, located in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedFix {
    pub rule: &'static RuleMeta,
    pub applicability: Applicability,
    pub message: String,
    /// Where the fix's edits sit in the text `fix` was given.
    pub span: Span,
    /// The text the fix replaced and what it put there, in the pass it ran.
    pub before: String,
    pub after: String,
}

/// The result of fixing a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub applied: Vec<AppliedFix>,
    /// Check passes run, including the last one that found nothing to apply.
    pub passes: usize,
    /// What the last pass still found in the fixed text.
    pub remaining: Vec<Diagnostic>,
}

impl Fixed {
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// True when `after` lacks a letter or digit of `before`, compared after
/// compatibility decomposition so `é` and `e\u{301}`, `Ａ` and `A` count as equal.
pub fn deletes_letters(before: &str, after: &str) -> bool {
    if !before.chars().any(char::is_alphanumeric) {
        return false;
    }
    let mut kept = after.nfkd().filter(|c| c.is_alphanumeric());
    !before
        .nfkd()
        .filter(|c| c.is_alphanumeric())
        .all(|c| kept.any(|k| k == c))
}

/// One pass's edits, for mapping later positions back to the original text.
struct PassMap {
    /// (old span, new span), sorted, non-overlapping.
    edits: Vec<(Span, Span)>,
}

impl PassMap {
    /// Map a position in the text after this pass to the text before it.
    /// A position inside replaced text maps to the start (or, for an end,
    /// the end) of what it replaced.
    fn back(&self, pos: usize, is_end: bool) -> usize {
        let i = self.edits.partition_point(|(_, new)| new.end < pos);
        match self.edits.get(i) {
            Some(&(old, new)) if new.start <= pos => {
                if is_end {
                    old.end
                } else {
                    old.start
                }
            }
            _ => match i.checked_sub(1).map(|j| self.edits[j]) {
                Some((old, new)) => pos - new.end + old.end,
                None => pos,
            },
        }
    }

    fn new_span_of(&self, old: Span) -> Span {
        let i = self
            .edits
            .partition_point(|(o, _)| (o.start, o.end) < (old.start, old.end));
        self.edits[i].1
    }
}

struct Candidate<'d> {
    diag: &'d Diagnostic,
    key: u64,
}

/// A fix is remembered by its rule, what it replaces and a little context,
/// so a fix dropped in one pass is not retried when positions shift.
fn fix_key(d: &Diagnostic, text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    d.rule.code.hash(&mut h);
    for e in &d.fix.as_ref().expect("candidates have fixes").edits {
        let from = floor_boundary(text, e.span.start.saturating_sub(24));
        let to = ceil_boundary(text, (e.span.end + 24).min(text.len()));
        text[from..e.span.start].hash(&mut h);
        e.span.slice(text).hash(&mut h);
        text[e.span.end..to].hash(&mut h);
        e.content.hash(&mut h);
    }
    h.finish()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

pub(crate) fn fix(
    linter: &Linter,
    original: &str,
    accept: &dyn Fn(&Diagnostic, &str) -> bool,
) -> Result<Fixed, Error> {
    let mut text = original.to_string();
    let mut diags = linter.check(&text);
    let mut applied: Vec<AppliedFix> = Vec::new();
    let mut maps: Vec<PassMap> = Vec::new();
    let mut rejected: HashSet<u64> = HashSet::new();
    let mut seen: HashSet<u64> = HashSet::from([hash_text(&text)]);
    let mut passes = 1;
    loop {
        let mut candidates: Vec<Candidate> = diags
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| !f.edits.is_empty()) && accept(d, &text))
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
            let next_diags = linter.check(&next);
            let bad = introduces_debris(&text, &diags, &next, &next_diags, &taken, &map, accept);
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
    })
}

fn hash_text(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn no_fixpoint(passes: usize, candidates: &[Candidate]) -> Error {
    let mut rules: Vec<&'static str> = candidates.iter().map(|c| c.diag.rule.code).collect();
    rules.sort_unstable();
    rules.dedup();
    Error::NoFixpoint { passes, rules }
}

/// Greedy in position order: a fix is taken only if none of its edits
/// conflicts with an edit already taken.
fn take_non_overlapping<'d>(candidates: &[Candidate<'d>]) -> Vec<Candidate<'d>> {
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
fn apply(text: &str, taken: &[Candidate]) -> (String, PassMap) {
    let mut edits: Vec<&Edit> = taken
        .iter()
        .flat_map(|c| &c.diag.fix.as_ref().expect("fix").edits)
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(edits.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        let new_start = out.len();
        out.push_str(&e.content);
        map.push((e.span, Span::new(new_start, out.len())));
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    (out, PassMap { edits: map })
}

/// Indices into `taken` of fixes whose edits sit next to new debris that
/// the accepted fixes will not repair and that was not there before.
fn introduces_debris(
    old: &str,
    old_diags: &[Diagnostic],
    new: &str,
    new_diags: &[Diagnostic],
    taken: &[Candidate],
    map: &PassMap,
    accept: &dyn Fn(&Diagnostic, &str) -> bool,
) -> Vec<usize> {
    // Residual debris is what stays after fixing; it is rare, so collect it once.
    let residual = |diags: &'_ [Diagnostic], text: &str| -> Vec<(&'static str, Span)> {
        diags
            .iter()
            .filter(|d| !(d.fix.is_some() && accept(d, text)))
            .map(|d| (d.rule.code, d.span))
            .collect()
    };
    let new_residual = residual(new_diags, new);
    if new_residual.is_empty() {
        return Vec::new();
    }
    let old_residual = residual(old_diags, old);
    let mut bad = Vec::new();
    for (i, c) in taken.iter().enumerate() {
        let introduced = c.diag.fix.as_ref().expect("fix").edits.iter().any(|e| {
            let new_span = map.new_span_of(e.span);
            new_residual
                .iter()
                .filter(|(_, s)| s.touches(new_span))
                .any(|(code, _)| {
                    !old_residual
                        .iter()
                        .any(|(old_code, s)| old_code == code && s.touches(e.span))
                })
        });
        if introduced {
            bad.push(i);
        }
    }
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
        let before = span.slice(old).to_string();
        let mut after = String::new();
        let mut at = span.start;
        for e in &fix.edits {
            after.push_str(&old[at..e.span.start]);
            after.push_str(&e.content);
            at = e.span.end;
        }
        after.push_str(&old[at..span.end]);
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
