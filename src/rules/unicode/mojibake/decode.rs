//! Finding runs of text that are UTF-8 bytes read with a single-byte code
//! page, and undoing the misreading one run at a time.

use super::guard::{deliberate, invents, plausible_lead};
use super::tables::{bytes_of, is_1252_only, Enc};
use super::weird::{weirdness, Context, Script};
use crate::fix::ChangeMap;
use crate::span::Span;

/// One misreading undone: which code page, and whether the run used
/// Latin-1's C1 controls or Windows-1252's punctuation for 0x80..0x9F.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub enc: Enc,
    pub c1: bool,
    pub only_1252: bool,
}

impl Step {
    pub fn name(self) -> &'static str {
        match self.enc {
            Enc::Windows1252 if self.c1 && !self.only_1252 => "Latin-1",
            e => e.name(),
        }
    }
}

/// Consecutive characters that re-encode with `step.enc` to valid UTF-8.
#[derive(Clone, Debug)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub step: Step,
    pub decoded: String,
    /// The run as it read before a no-break space in it became a space,
    /// when one did (see [`sequence_at`]).
    pub seen: Option<String>,
}

impl Run {
    fn guessed(&self) -> bool {
        self.seen.is_some()
    }
}

/// First byte at or after `i` that is not ASCII, or `end`.
#[inline]
pub fn next_non_ascii(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i + 8 <= end {
        let word = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().expect("a char boundary before the end")
}

/// One misread UTF-8 sequence.
struct Sequence {
    end: usize,
    decoded: char,
    c1: bool,
    only_1252: bool,
    /// Its last byte is 0xA0, a no-break space that became a space.
    space_for_a0: bool,
}

/// The misread UTF-8 sequence that starts at `i` with the lead character
/// `lead` (already known non-ASCII), if `enc` gives one.
///
/// Windows-1252 0xA0 is a no-break space, and pipelines often turn it into
/// a plain space: `à` (C3 A0) then reads `Ã ` and `Š` (C5 A0) `Å `. A space
/// is accepted as 0xA0 when it ends a sequence.
fn sequence_at(text: &str, i: usize, to: usize, lead: char, enc: Enc) -> Option<Sequence> {
    let mut seq = raw_at(text, i, to, lead, enc)?;
    let decoded = match std::str::from_utf8(&seq.bytes[..seq.len]) {
        Ok(s) => s.chars().next()?,
        // CESU-8 (Java's modified UTF-8) writes an emoji as two surrogates
        // of three bytes each: the high one must be followed by the low one.
        Err(_) if seq.len == 3 && seq.bytes[0] == 0xED && (0xA0..=0xAF).contains(&seq.bytes[1]) => {
            let next = text.get(seq.end..to)?.chars().next().filter(|c| !c.is_ascii())?;
            let low = raw_at(text, seq.end, to, next, enc)?;
            if low.len != 3 || low.bytes[0] != 0xED || !(0xB0..=0xBF).contains(&low.bytes[1]) {
                return None;
            }
            let unit = |b: &[u8; 4]| (u32::from(b[1] & 0x3F) << 6) | u32::from(b[2] & 0x3F);
            let (hi, lo) = (unit(&seq.bytes) - 0x800, unit(&low.bytes) - 0xC00);
            seq.end = low.end;
            seq.c1 |= low.c1;
            seq.only_1252 |= low.only_1252;
            seq.space_for_a0 = low.space_for_a0;
            char::from_u32(0x10000 + (hi << 10) + lo)?
        }
        Err(_) => return None,
    };
    Some(Sequence {
        end: seq.end,
        decoded,
        c1: seq.c1,
        only_1252: seq.only_1252,
        space_for_a0: seq.space_for_a0,
    })
}

/// The bytes of one misread sequence, before they are decoded.
struct Raw {
    bytes: [u8; 4],
    len: usize,
    end: usize,
    c1: bool,
    only_1252: bool,
    space_for_a0: bool,
}

fn raw_at(text: &str, i: usize, to: usize, lead: char, enc: Enc) -> Option<Raw> {
    let bytes = text.as_bytes();
    let k = enc.index();
    let b0 = bytes_of(lead)[k];
    if !(0xC2..=0xF4).contains(&b0) || !plausible_lead(enc, b0) {
        return None;
    }
    let need = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut buf = [b0, 0, 0, 0];
    let mut j = i + lead.len_utf8();
    let mut c1 = false;
    let mut only_1252 = false;
    let mut space_for_a0 = false;
    for (n, slot) in buf.iter_mut().enumerate().take(need).skip(1) {
        if j >= to {
            return None;
        }
        if bytes[j] == b' ' && n == need - 1 && enc == Enc::Windows1252 {
            *slot = 0xA0;
            space_for_a0 = true;
            j += 1;
            continue;
        }
        if bytes[j] < 0x80 {
            return None;
        }
        let cc = char_at(text, j);
        let b = bytes_of(cc)[k];
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        c1 |= ('\u{80}'..='\u{9F}').contains(&cc);
        only_1252 |= enc == Enc::Windows1252 && is_1252_only(cc);
        *slot = b;
        j += cc.len_utf8();
    }
    Some(Raw {
        bytes: buf,
        len: need,
        end: j,
        c1,
        only_1252,
        space_for_a0,
    })
}

/// A space read as 0xA0 is believed only where the misreading is plain
/// around it: the sequence is glued to what precedes it (`voilÃ `, `10Â `;
/// but `IRMÃ ` is a capital ending a word in capitals), or the run goes on
/// after the space (`Ð Ð•`), or a second space follows (`â€  and`: the
/// no-break space and the real one). `The letters Â and Î` stays a sentence
/// about letters. `†` (E2 80 A0) needs the second space: `â€` before one
/// space is a `”` that lost its 0x9D.
fn believe_space(text: &str, start: usize, seq: &Sequence, enc: Enc, to: usize) -> bool {
    let after = &text[seq.end..to];
    // `C3     Ã     LATIN CAPITAL A WITH TILDE`: a letter alone between
    // wide gaps is a table's cell, not `à` and its no-break space.
    if after.starts_with("  ") && text[..start].ends_with("  ") {
        return false;
    }
    // `IRMÃ `, `PÅ `, `GUÐ `, and before a column's gap `MÄÄRÄ   ` and
    // `BẢNG-MÃ   `: a capital ending a word in capitals.
    let lead_upper = char_at(text, start).is_uppercase();
    let in_capitals = lead_upper && text[..start].chars().next_back().is_some_and(char::is_uppercase);
    if after.starts_with([' ', '\u{A0}']) {
        return !in_capitals;
    }
    if seq.decoded == '†' {
        return false;
    }
    let glued = text[..start].chars().next_back().is_some_and(|c| {
        let opens = c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\'');
        !(opens || lead_upper && c.is_uppercase())
    });
    glued
        || after
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && sequence_at(text, seq.end, to, c, enc).is_some_and(|s| !s.space_for_a0))
}

/// Every maximal run, per code page, of misread UTF-8 sequences in
/// `text[from..to]`. Runs of one code page never overlap; runs of
/// different code pages may.
pub fn scan(text: &str, from: usize, to: usize, out: &mut Vec<Run>) {
    let bytes = text.as_bytes();
    let mut open: [Option<Run>; Enc::ALL.len()] = Default::default();
    let mut busy_until = [0usize; Enc::ALL.len()];
    let mut i = from;
    loop {
        i = next_non_ascii(bytes, i, to);
        if i >= to {
            break;
        }
        let c = char_at(text, i);
        let lead = bytes_of(c);
        for enc in Enc::ALL {
            let k = enc.index();
            if !(0xC2..=0xF4).contains(&lead[k]) || i < busy_until[k] {
                continue;
            }
            let Some(seq) = sequence_at(text, i, to, c, enc) else {
                continue;
            };
            if seq.space_for_a0 && !believe_space(text, i, &seq, enc, to) {
                continue;
            }
            busy_until[k] = seq.end;
            let run = match &mut open[k] {
                Some(run) if run.end == i => {
                    run.decoded.push(seq.decoded);
                    run.step.c1 |= seq.c1;
                    run.step.only_1252 |= seq.only_1252;
                    run
                }
                slot => {
                    out.extend(slot.take());
                    slot.insert(Run {
                        start: i,
                        end: i,
                        step: Step {
                            enc,
                            c1: seq.c1,
                            only_1252: seq.only_1252,
                        },
                        decoded: seq.decoded.to_string(),
                        seen: None,
                    })
                }
            };
            // Keep the text as it read before the no-break space became a space.
            if seq.space_for_a0 && run.seen.is_none() {
                run.seen = Some(text[run.start..run.end].to_string());
            }
            if let Some(seen) = &mut run.seen {
                seen.push_str(&text[i..seq.end]);
                if seq.space_for_a0 {
                    seen.pop();
                    seen.push('\u{A0}');
                }
            }
            run.end = seq.end;
        }
        i += c.len_utf8();
    }
    out.extend(open.into_iter().flatten());
}

/// The misreadings a repair undid, outermost first; at most four.
#[derive(Clone, Copy, Debug)]
pub struct Steps {
    buf: [Step; 4],
    len: usize,
}

impl Steps {
    fn one(step: Step) -> Steps {
        Steps { buf: [step; 4], len: 1 }
    }

    fn extend(&mut self, more: &Steps) {
        for &s in more.as_slice() {
            if self.len < self.buf.len() {
                self.buf[self.len] = s;
                self.len += 1;
            }
        }
    }

    pub fn as_slice(&self) -> &[Step] {
        &self.buf[..self.len]
    }
}

/// A run with its proven repair.
#[derive(Clone, Debug)]
pub struct Repair {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    /// Outermost misreading first: the order the repair undid them in.
    pub steps: Steps,
    pub before: u32,
    pub after: u32,
    /// Proven by its neighbours rather than by itself: see [`borrow_evidence`].
    pub borrowed: bool,
    /// It put back a no-break space that had become a space.
    pub guessed: bool,
    /// `before` on the text as it stands, spaces and all.
    actual: u32,
}

impl Repair {
    /// Weirdness removed, counted on the text as it stands: a run that
    /// guessed a no-break space scored its `Â\u{a0}` pair on a guess.
    fn gain(&self) -> u32 {
        self.actual.saturating_sub(self.after)
    }

    /// Preference among equally good readings: the common misreadings first.
    fn rank(&self) -> usize {
        Enc::ALL.iter().position(|&e| e == self.steps.buf[0].enc).unwrap_or(0)
    }
}

/// Repeat the repair on the repaired text while it keeps finding proven
/// runs: text misread twice decodes to text that is still mojibake. Each
/// inner round is proven on its own; a round may pass through a worse
/// looking text (a Latin-1 reading leaves C1 controls that the next round
/// decodes), so the verdict is the best round, which must score strictly
/// below the original run.
fn deepen(first: &Run, ctx: &Context, before: u32, actual: u32) -> Option<Repair> {
    if invents(&first.decoded, ctx.prev, ctx.next) {
        return None;
    }
    let mut score = weirdness(&first.decoded, ctx);
    let mut steps = Steps::one(first.step);
    // (score, text if a later round beat the first, rounds)
    let mut best: (u32, Option<String>, usize) = (score, None, 1);
    let mut text = first.decoded.clone();
    // A further round must find mojibake in the decoded text itself, not
    // merely a word whose script differs from its (possibly misread)
    // neighbours: `Д—` is a fine decoding even between Latin words.
    let bare = Context {
        script_before: Script::None,
        script_after: Script::None,
        ..*ctx
    };
    for _ in 0..3 {
        let inner = best_repairs(&text, &bare);
        if inner.is_empty() {
            break;
        }
        let deeper = apply(&text, &inner).0;
        if invents(&deeper, ctx.prev, ctx.next) {
            break;
        }
        text = deeper;
        score = weirdness(&text, ctx);
        // Name the round after its first repair; mixed rounds are rare.
        steps.extend(&inner[0].steps);
        if score < best.0 {
            best = (score, Some(text.clone()), steps.len);
        }
    }
    let (after, replacement, n) = best;
    if after >= before {
        return None;
    }
    let replacement = replacement.unwrap_or_else(|| first.decoded.clone());
    steps.len = n;
    Some(Repair {
        start: first.start,
        end: first.end,
        replacement,
        steps,
        before,
        after,
        borrowed: false,
        guessed: first.guessed(),
        actual,
    })
}

/// `text` with `repairs` (sorted, non-overlapping) applied, and where each
/// repair landed in the result.
fn apply(text: &str, repairs: &[Repair]) -> (String, Vec<(usize, usize)>) {
    let edits = repairs
        .iter()
        .map(|r| (Span::new(r.start, r.end), r.replacement.as_str()));
    let (out, map) = ChangeMap::splice(text, edits);
    let placed = map.iter().map(|(_, new)| (new.start, new.end)).collect();
    (out, placed)
}

/// The context of `text[start..end]` where `text` is itself a piece of a
/// larger text whose context is `outer`.
fn context_within(text: &str, start: usize, end: usize, outer: &Context) -> Context {
    let mut ctx = Context::around(text, start, end);
    if start == 0 {
        ctx.prev = outer.prev;
        ctx.script_before = outer.script_before;
    }
    if end == text.len() {
        ctx.next = outer.next;
        ctx.script_after = outer.script_after;
    }
    ctx
}

/// The proven, non-overlapping repairs in a run being repaired again,
/// sorted by position, judged without the scripts around them. `outer` is
/// the context of `text`.
fn best_repairs(text: &str, outer: &Context) -> Vec<Repair> {
    let mut runs = Vec::new();
    scan(text, 0, text.len(), &mut runs);
    choose(text, &runs, |r| Context {
        script_before: Script::None,
        script_after: Script::None,
        ..context_within(text, r.start, r.end, outer)
    })
}

/// The proven repairs of a whole document.
///
/// Mojibake rarely comes alone: a misread Russian sentence is a row of
/// runs, and each run's neighbours are mojibake too, which makes a
/// repaired word look out of place. So every run is judged twice: once
/// among its neighbours as they are, then among its neighbours as the
/// first pass repaired them. The second verdict stands.
pub fn repairs_in_document(text: &str) -> Vec<Repair> {
    let mut runs = Vec::new();
    scan(text, 0, text.len(), &mut runs);
    if runs.is_empty() {
        return Vec::new();
    }
    // In position order, every list built from the runs is sorted too.
    runs.sort_unstable_by_key(|r| (r.start, r.end));
    let judged: Vec<(Context, Option<Repair>)> = runs
        .iter()
        .map(|r| {
            let ctx = Context::around(text, r.start, r.end);
            let verdict = prove(text, r, &ctx);
            (ctx, verdict)
        })
        .collect();
    let first = select(judged.iter().filter_map(|(_, v)| v.clone()).collect());
    if first.is_empty() {
        return first;
    }
    let (repaired, placed) = apply(text, &first);
    let again = runs
        .iter()
        .zip(&judged)
        .filter_map(|(r, (ctx, verdict))| {
            let i = first.partition_point(|f| f.end <= r.start);
            let ctx2 = match first.get(i) {
                Some(f) if f.start == r.start && f.end == r.end => Context::around(&repaired, placed[i].0, placed[i].1),
                Some(f) if f.start < r.end => *ctx,
                _ => Context::around(
                    &repaired,
                    shifted(r.start, &first, &placed),
                    shifted(r.end, &first, &placed),
                ),
            };
            // Most runs sit among unchanged neighbours: keep their verdict.
            if ctx2 == *ctx {
                verdict.clone()
            } else {
                prove(text, r, &ctx2)
            }
        })
        .collect();
    let mut second = select(again);
    borrow_evidence(text, &runs, &mut second);
    second
}

/// True when the line ends within a few characters and none is a letter.
fn no_letters_to_line_edge(mut chars: impl Iterator<Item = char>) -> bool {
    for _ in 0..16 {
        match chars.next() {
            None | Some('\n') => return true,
            Some(c) if c.is_alphabetic() => return false,
            Some(_) => {}
        }
    }
    false
}

/// Where `pos` (outside every repair) lands once `repairs` are applied.
fn shifted(pos: usize, repairs: &[Repair], placed: &[(usize, usize)]) -> usize {
    let i = repairs.partition_point(|f| f.end <= pos);
    match i.checked_sub(1) {
        Some(j) => placed[j].1 + (pos - repairs[j].end),
        None => pos,
    }
}

/// A short word can be mojibake and still look like a word: `РІ` is `в`,
/// the commonest Russian word, misread as Windows-1251, and two capitals
/// prove nothing alone. When the proven repairs on both sides of such a
/// run (or on one side, with the line edge on the other) are safe, single
/// misreadings with the same code page, and only spaces, digits or
/// punctuation lie between, the run borrows their evidence, provided its
/// decoding looks clean among the repaired neighbours.
fn borrow_evidence(text: &str, runs: &[Run], repairs: &mut Vec<Repair>) {
    if repairs.is_empty() {
        return;
    }
    let (repaired, placed) = apply(text, repairs);
    let no_letters = |s: &str| !s.chars().any(|c| c.is_alphabetic() || c == '\n');
    let mut extra = Vec::new();
    for run in runs {
        let i = repairs.partition_point(|f| f.end <= run.start);
        if repairs.get(i).is_some_and(|f| f.start < run.end) {
            continue;
        }
        let vouches = |f: &Repair, gap: &str| {
            gap.len() <= 16
                && no_letters(gap)
                && !f.borrowed
                && f.after == 0
                && f.before >= 2
                && f.steps.len == 1
                && f.steps.buf[0].enc == run.step.enc
        };
        let before = i
            .checked_sub(1)
            .map(|j| &repairs[j])
            .filter(|f| vouches(f, &text[f.end..run.start]));
        let after = repairs.get(i).filter(|f| vouches(f, &text[run.end..f.start]));
        let edge_before = || no_letters_to_line_edge(text[..run.start].chars().rev());
        let edge_after = || no_letters_to_line_edge(text[run.end..].chars());
        let ok = match (before, after) {
            (Some(_), Some(_)) => true,
            (Some(_), None) => edge_after(),
            (None, Some(_)) => edge_before(),
            _ => false,
        };
        if !ok {
            continue;
        }
        let at = (shifted(run.start, repairs, &placed), shifted(run.end, repairs, &placed));
        let ctx = Context::around(&repaired, at.0, at.1);
        if weirdness(&run.decoded, &ctx) != 0 || invents(&run.decoded, ctx.prev, ctx.next) {
            continue;
        }
        let orig = Context::around(text, run.start, run.end);
        let actual = weirdness(&text[run.start..run.end], &orig);
        extra.push(Repair {
            start: run.start,
            end: run.end,
            replacement: run.decoded.clone(),
            steps: Steps::one(run.step),
            before: run.seen.as_deref().map_or(actual, |s| weirdness(s, &orig)),
            after: 0,
            borrowed: true,
            guessed: run.guessed(),
            actual,
        });
    }
    if !extra.is_empty() {
        repairs.extend(extra);
        repairs.sort_by_key(|r| r.start);
    }
}

/// The run's repair, if it is proven in `ctx`.
fn prove(text: &str, run: &Run, ctx: &Context) -> Option<Repair> {
    if deliberate(&text[run.start..run.end], &run.decoded, ctx.prev, ctx.next) {
        return None;
    }
    let actual = weirdness(&text[run.start..run.end], ctx);
    let before = match &run.seen {
        Some(seen) => weirdness(seen, ctx),
        None => actual,
    };
    if before == 0 {
        return None;
    }
    deepen(run, ctx, before, actual)
}

/// Prove each run, then keep the best of overlapping ones.
fn choose(text: &str, runs: &[Run], context: impl Fn(&Run) -> Context) -> Vec<Repair> {
    select(runs.iter().filter_map(|r| prove(text, r, &context(r))).collect())
}

/// The best of overlapping proven repairs, sorted by position.
fn select(mut proven: Vec<Repair>) -> Vec<Repair> {
    // Runs of one code page never overlap, so overlaps are small clusters
    // of rival readings; in each, the reading that removes the most
    // weirdness wins, then the cleaner result, the longer run, the more
    // common misreading.
    proven.sort_by_key(|r| r.start);
    let mut taken: Vec<Repair> = Vec::with_capacity(proven.len());
    let mut cluster: Vec<Repair> = Vec::new();
    let flush = |cluster: &mut Vec<Repair>, taken: &mut Vec<Repair>| {
        if cluster.len() > 1 {
            cluster.sort_by(|a, b| {
                b.gain()
                    .cmp(&a.gain())
                    .then(a.after.cmp(&b.after))
                    .then((b.end - b.start).cmp(&(a.end - a.start)))
                    .then(a.rank().cmp(&b.rank()))
            });
        }
        let from = taken.len();
        // start → end of the repairs taken from this cluster.
        let mut spans = std::collections::BTreeMap::new();
        for rep in cluster.drain(..) {
            let clash = spans
                .range(..rep.end)
                .next_back()
                .is_some_and(|(_, &end)| end > rep.start);
            if !clash {
                spans.insert(rep.start, rep.end);
                taken.push(rep);
            }
        }
        taken[from..].sort_by_key(|r| r.start);
    };
    let mut cluster_end = 0;
    for item in proven {
        if item.start >= cluster_end {
            flush(&mut cluster, &mut taken);
        }
        cluster_end = if cluster.is_empty() {
            item.end
        } else {
            cluster_end.max(item.end)
        };
        cluster.push(item);
    }
    flush(&mut cluster, &mut taken);
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(text: &str) -> String {
        apply(text, &repairs_in_document(text)).0
    }

    #[test]
    fn finds_runs_in_each_code_page() {
        let mut runs = Vec::new();
        let text = "cafÃ© festivalвЂ™s caf├⌐ caf√©";
        scan(text, 0, text.len(), &mut runs);
        let found: Vec<_> = runs
            .iter()
            .map(|r| (r.step.enc, &text[r.start..r.end], r.decoded.as_str()))
            .collect();
        assert!(found.contains(&(Enc::Windows1252, "Ã©", "é")));
        assert!(found.contains(&(Enc::Windows1251, "вЂ™", "’")));
        assert!(found.contains(&(Enc::Cp437, "├⌐", "é")));
        assert!(found.contains(&(Enc::MacRoman, "√©", "é")));
    }

    #[test]
    fn skips_ascii_eight_bytes_at_a_time() {
        let text = "abcdefghijklmnopé";
        assert_eq!(next_non_ascii(text.as_bytes(), 0, text.len()), 16);
        assert_eq!(next_non_ascii(b"abc", 0, 3), 3);
    }

    #[test]
    fn reads_a_letter_between_wide_gaps_as_a_table_cell() {
        let row = "303   195   C3     Ã     LATIN CAPITAL LETTER A WITH TILDE";
        assert_eq!(decode_all(row), row);
        assert_eq!(decode_all("voilÃ  la suite"), "voilà la suite");
    }

    #[test]
    fn repairs_double_encoding_in_rounds() {
        assert_eq!(decode_all("didnÃ¢â‚¬â„¢t"), "didn’t");
        assert_eq!(decode_all("a pint cost Ã‚Â£7.50"), "a pint cost £7.50");
    }

    #[test]
    fn repairs_emoji_written_as_surrogate_pairs() {
        // 😀 as CESU-8 (ED A0 BD, ED B8 80) read as Windows-1252.
        assert_eq!(
            decode_all("Great news \u{ed}\u{a0}\u{bd}\u{ed}\u{b8}\u{20ac} today"),
            "Great news 😀 today"
        );
    }

    #[test]
    fn leaves_correct_text_alone() {
        for text in ["SÃO PAULO", "IRMÃ” was", "“CAFÉ”", "ВІЙНА", "віє", "l’été"] {
            assert_eq!(decode_all(text), text);
        }
    }
}
