//! Remembered review decisions: which proposed fixes a person accepted,
//! rejected or rewrote, so nobody is asked twice about the same fix.
//!
//! A decision is keyed by the rule, what the fix replaces, what it puts
//! there (both with their spacing trimmed and collapsed) and the letters and
//! digits around it. Punctuation and spacing are left out of the context on
//! purpose: they are what fixes change, so a key taken before a neighbouring
//! fix still matches after it. The key ignores
//! the file, so a decision follows the same debris wherever it is copied.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Applicability, Diagnostic};
use crate::error::Error;
use crate::fix::{replaced, AppliedFix, ChangeMap, Fixed};
use crate::linter::{FixMode, Linter};
use crate::meta::RuleMeta;
use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

/// Letters and digits of context taken on each side of a fix.
const CONTEXT_CHARS: usize = 16;
/// How far to look for that context, so a key costs O(1) in any text.
const CONTEXT_BYTES: usize = 256;

/// What a person decided about one proposed fix: in the file,
/// `"decision": "accept" | "reject"`, or `"decision": "edit", "replacement": "…"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "lowercase")]
pub enum Verdict {
    /// Apply the fix as proposed.
    Accept,
    /// Leave the text as it is.
    Reject,
    /// Accept, with this replacement for the whole fixed region instead.
    Edit {
        /// The text that replaces the fixed region.
        replacement: String,
    },
}

/// One line of a decisions file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The rule's code (`P001`).
    pub rule: String,
    /// Which fix: what it replaces, what it puts there and the text around it (see the module docs).
    pub key: String,
    #[serde(flatten)]
    /// What was decided.
    pub verdict: Verdict,
    /// For people reading the file: the text replaced and its replacement.
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    /// For people reading the file: what the fix puts in its place.
    pub after: String,
}

impl Decision {
    /// `verdict` on `d`, found in `text`; `None` when `d` has no fix.
    pub fn new(d: &Diagnostic, text: &str, verdict: Verdict) -> Option<Decision> {
        let key = key(d, text)?;
        let fix = d.fix.as_ref()?;
        let span = fix.span();
        Some(Decision {
            rule: d.rule.code.to_string(),
            key,
            verdict,
            before: span.slice(text).to_string(),
            after: replaced(text, span, &fix.edits),
        })
    }
}

/// Every decision, by rule code and key. Later lines of a file win, so a
/// changed mind can simply be appended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    map: BTreeMap<(String, String), Decision>,
}

impl Decisions {
    /// Parse a decisions file: one JSON object per line; blank lines are fine.
    pub fn parse(text: &str) -> Result<Decisions, Error> {
        let mut out = Decisions::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let bad = |reason: String| Error::BadDecision { line: i + 1, reason };
            let d: Decision = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
            out.map.insert((d.rule.clone(), d.key.clone()), d);
        }
        Ok(out)
    }

    /// The file form: one line per decision, sorted, so it diffs well in git.
    pub fn to_jsonl(&self) -> String {
        let mut out = String::new();
        for d in self.map.values() {
            out.push_str(&serde_json::to_string(d).expect("decisions serialise"));
            out.push('\n');
        }
        out
    }

    /// How many decisions there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are no decisions.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The decision for `d`, found in `text`, if one was made.
    pub fn get(&self, d: &Diagnostic, text: &str) -> Option<Verdict> {
        let key = key(d, text)?;
        self.map.get(&(d.rule.code.to_string(), key)).map(|d| d.verdict.clone())
    }

    /// Remember `verdict` for `d`, found in `text`. Diagnostics without a
    /// fix have nothing to decide and are ignored.
    pub fn record(&mut self, d: &Diagnostic, text: &str, verdict: Verdict) {
        if let Some(decision) = Decision::new(d, text, verdict) {
            self.map.insert((decision.rule.clone(), decision.key.clone()), decision);
        }
    }

    /// Take out the rewrites: a reviewer's own text, which a review shows
    /// again before applying it, rather than applying it unseen.
    pub fn take_edits(&mut self) -> Decisions {
        let (edits, rest) = std::mem::take(&mut self.map)
            .into_iter()
            .partition(|(_, d)| matches!(d.verdict, Verdict::Edit { .. }));
        self.map = rest;
        Decisions { map: edits }
    }

    /// Add the decisions of `other` on fixes this set has not decided.
    pub fn add_undecided(&mut self, other: &Decisions) {
        for (k, d) in &other.map {
            self.map.entry(k.clone()).or_insert_with(|| d.clone());
        }
    }

    /// Forget the decision for `d`, found in `text`.
    pub fn forget(&mut self, d: &Diagnostic, text: &str) {
        if let Some(key) = key(d, text) {
            self.map.remove(&(d.rule.code.to_string(), key));
        }
    }
}

/// The key a decision about `d`, found in `text`, is stored under: 16 hex
/// digits of a stable hash (FNV-1a, so files stay valid across builds).
/// `None` when `d` has no fix to decide on.
pub fn key(d: &Diagnostic, text: &str) -> Option<String> {
    let fix = d.fix.as_ref().filter(|f| !f.edits.is_empty())?;
    let span = fix.span();
    let mut h = Fnv::new();
    h.write(d.rule.code.as_bytes());
    h.write(&[0xff]);
    write_words(&mut h, span.slice(text));
    h.write(&[0xfe]);
    write_words(&mut h, &replaced(text, span, &fix.edits));
    h.write(&[0xfd]);
    let before = &text[floor_char_boundary(text, span.start.saturating_sub(CONTEXT_BYTES))..span.start];
    let mut left: Vec<char> = before
        .chars()
        .rev()
        .filter(|c| c.is_alphanumeric())
        .take(CONTEXT_CHARS)
        .collect();
    left.reverse();
    for c in left {
        h.write(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    h.write(&[0xfc]);
    let after = &text[span.end..ceil_char_boundary(text, (span.end + CONTEXT_BYTES).min(text.len()))];
    for c in after.chars().filter(|c| c.is_alphanumeric()).take(CONTEXT_CHARS) {
        h.write(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    Some(format!("{:016x}", h.0))
}

/// `s` with its whitespace trimmed and collapsed: a fix that also takes the
/// space a neighbouring fix removes (` date 2024-03-11 ` and, once the
/// leading space is gone, `date 2024-03-11 `) keeps its key.
fn write_words(h: &mut Fnv, s: &str) {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            h.write(b" ");
        }
        h.write(word.as_bytes());
    }
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Fix `text` as `decisions` say: accepted fixes are applied, rejected
/// ones never, rewritten ones with the reviewer's replacement; a fix nobody
/// decided on is applied when `undecided` allows its safety (`None`
/// applies only decided fixes).
pub fn apply(linter: &Linter, text: &str, decisions: &Decisions, undecided: Option<FixMode>) -> Result<Fixed, Error> {
    let accept = |d: &Diagnostic, text: &str| match decisions.get(d, text) {
        Some(Verdict::Accept) => true,
        Some(Verdict::Reject | Verdict::Edit { .. }) => false,
        None => undecided.is_some_and(|m| d.applicability().is_some_and(|a| m.allows(a))),
    };
    let mut fixed = linter.fix_with(text, &accept)?;
    // Rewrites replace a fix's edits, which the fixer cannot express, so
    // they go last, in one pass of their own. Their keys still match: the
    // fixes before them change punctuation and spacing, not the letters
    // keys are made of. Going first, a rewrite that adds letters would
    // change the keys of the fixes around it.
    let mid = std::mem::take(&mut fixed.text);
    let mut rewrites: Vec<(&'static RuleMeta, Applicability, Span, String)> = Vec::new();
    // The fixer's last check is of `mid` already.
    for d in &fixed.remaining {
        if let (Some(Verdict::Edit { replacement: r }), Some(fix)) = (decisions.get(d, &mid), &d.fix) {
            let span = fix.span();
            if rewrites.last().is_none_or(|(_, _, last, _)| last.end <= span.start) {
                rewrites.push((d.rule, fix.applicability, span, r));
            }
        }
    }
    if rewrites.is_empty() {
        fixed.text = mid;
        return Ok(fixed);
    }
    let (out, changes) = ChangeMap::splice(&mid, rewrites.iter().map(|(_, _, span, r)| (*span, r.as_str())));
    for (rule, applicability, span, r) in rewrites {
        fixed.applied.push(AppliedFix {
            rule,
            applicability,
            message: "replacement written in review".into(),
            span: fixed.changes.back_span(span),
            before: span.slice(&mid).to_string(),
            after: r,
        });
    }
    fixed.applied.sort_by_key(|f| f.span.start);
    fixed.changes = fixed.changes.compose(&changes);
    fixed.remaining = linter.check(&out);
    fixed.text = out;
    Ok(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    fn linter() -> Linter {
        Linter::new(&Settings {
            language: crate::Language::Is(crate::Lang::English),
            ..Settings::default()
        })
        .unwrap()
    }

    fn first_fixable(text: &str) -> Diagnostic {
        linter().check(text).into_iter().find(|d| d.fix.is_some()).unwrap()
    }

    #[test]
    fn a_key_survives_the_text_moving_and_a_neighbouring_fix() {
        let a = "Yesterday the research model , which grew.";
        let b = "Intro. Yesterday  the research model , which grew.";
        let da = first_fixable(a);
        let db = linter()
            .check(b)
            .into_iter()
            .find(|d| d.rule.code == da.rule.code && b[d.span.end..].starts_with(", which"))
            .unwrap();
        assert_eq!(key(&da, a), key(&db, b));
    }

    #[test]
    fn a_key_survives_a_neighbour_taking_the_space_at_its_edge() {
        // Leading-whitespace removes the space crawl-metadata's fix also covers.
        let l = Linter::new(&Settings {
            select: vec!["B001".into()],
            language: crate::Language::Is(crate::Lang::English),
            ..Settings::default()
        })
        .unwrap();
        let before = " date 2024-03-11 Shares rose.";
        let after = "date 2024-03-11 Shares rose.";
        let (a, b) = (&l.check(before)[0], &l.check(after)[0]);
        assert_ne!(
            a.fix.as_ref().unwrap().span().slice(before),
            b.fix.as_ref().unwrap().span().slice(after)
        );
        assert_eq!(key(a, before), key(b, after));
    }

    #[test]
    fn a_key_differs_when_the_words_around_differ() {
        let a = "The model , which grew.";
        let b = "The modal , which grew.";
        assert_ne!(key(&first_fixable(a), a), key(&first_fixable(b), b));
    }

    #[test]
    fn a_key_is_stable_across_builds() {
        // Decisions files are checked into git: the hash must never change.
        let text = "The model , which grew.";
        assert_eq!(key(&first_fixable(text), text).unwrap(), "59cf16ee33239f1f");
        let mut h = Fnv::new();
        h.write(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn rejected_fixes_are_skipped_and_accepted_ones_applied() {
        let text = "One , two ; three.";
        let l = linter();
        let diags = l.check(text);
        let mut decisions = Decisions::default();
        decisions.record(&diags[0], text, Verdict::Reject);
        decisions.record(&diags[1], text, Verdict::Accept);
        let fixed = apply(&l, text, &decisions, None).unwrap();
        assert_eq!(fixed.text, "One , two; three.");
        let fixed = apply(&l, text, &decisions, Some(FixMode::Safe)).unwrap();
        assert_eq!(fixed.text, "One , two; three.");
    }

    #[test]
    fn undecided_fixes_follow_the_fallback_mode() {
        let text = "One , two ; three.";
        let l = linter();
        assert_eq!(apply(&l, text, &Decisions::default(), None).unwrap().text, text);
        assert_eq!(
            apply(&l, text, &Decisions::default(), Some(FixMode::Safe))
                .unwrap()
                .text,
            "One, two; three."
        );
    }

    #[test]
    fn an_edited_replacement_is_applied_and_located_in_the_original() {
        let text = "Intro. One , two ; three.";
        let l = linter();
        let d = first_fixable(text);
        let mut decisions = Decisions::default();
        decisions.record(
            &d,
            text,
            Verdict::Edit {
                replacement: " —".into(),
            },
        );
        let fixed = apply(&l, text, &decisions, Some(FixMode::Safe)).unwrap();
        // The rule proposed deleting the space; the reviewer wrote a dash instead.
        assert_eq!(fixed.text, "Intro. One —, two; three.");
        let rebuilt = fixed.changes.rebuild(text, &fixed.text);
        assert_eq!(rebuilt, fixed.text);
        assert_eq!(fixed.applied[0].span, Span::new(10, 11));
        assert_eq!(fixed.applied[1].span, Span::new(16, 17));
    }

    #[test]
    fn the_file_round_trips_and_later_lines_win() {
        let text = "One , two.";
        let d = first_fixable(text);
        let mut decisions = Decisions::default();
        decisions.record(
            &d,
            text,
            Verdict::Edit {
                replacement: "·".into(),
            },
        );
        let file = decisions.to_jsonl();
        assert!(file.contains(r#""decision":"edit","replacement":"·""#), "{file}");
        assert_eq!(Decisions::parse(&file).unwrap(), decisions);
        let flipped = file.replace(r#""decision":"edit","replacement":"·""#, r#""decision":"reject""#);
        let both = Decisions::parse(&format!("{file}\n{flipped}")).unwrap();
        assert_eq!(both.get(&d, text), Some(Verdict::Reject));
    }

    #[test]
    fn a_bad_line_names_its_number() {
        let err = Decisions::parse("\n{\"rule\":\"W001\"}\n").unwrap_err();
        assert!(matches!(err, Error::BadDecision { line: 2, .. }), "{err}");
        let err = Decisions::parse(r#"{"rule":"W001","key":"0","decision":"edit"}"#).unwrap_err();
        assert!(err.to_string().contains("replacement"), "{err}");
    }
}
