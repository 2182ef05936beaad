//! One change list for every place that splices edits into a text: where
//! each changed region sat before and where it sits after. The fixer, the
//! review decisions, the diffs and the mojibake decoder all splice and map
//! through it.

use std::ops::Deref;

use crate::span::{Edit, Span};

/// Changed regions as (span before, span after), sorted and disjoint;
/// everything between two regions is byte-identical on both sides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeMap(Vec<(Span, Span)>);

impl Deref for ChangeMap {
    type Target = [(Span, Span)];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'a> IntoIterator for &'a ChangeMap {
    type Item = &'a (Span, Span);
    type IntoIter = std::slice::Iter<'a, (Span, Span)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<(Span, Span)>> for ChangeMap {
    fn from(regions: Vec<(Span, Span)>) -> ChangeMap {
        ChangeMap(regions)
    }
}

impl ChangeMap {
    /// `text` with `edits` (by position, non-overlapping) applied in one
    /// left-to-right copy, and where each edit landed: one region per edit,
    /// in order, empty ones included.
    pub fn splice<'e>(text: &str, edits: impl IntoIterator<Item = (Span, &'e str)>) -> (String, ChangeMap) {
        let mut out = String::with_capacity(text.len());
        let mut regions = Vec::new();
        let mut at = 0;
        for (span, content) in edits {
            out.push_str(&text[at..span.start]);
            let start = out.len();
            out.push_str(content);
            regions.push((span, Span::new(start, out.len())));
            at = span.end;
        }
        out.push_str(&text[at..]);
        (out, ChangeMap(regions))
    }

    /// `new` rebuilt from `old` using only these changes: equal to `new`
    /// when the map is exact.
    pub fn rebuild(&self, old: &str, new: &str) -> String {
        ChangeMap::splice(old, self.0.iter().map(|(src, dst)| (*src, &new[dst.start..dst.end]))).0
    }

    /// Map a position in the text after these changes to the text before
    /// them. A position inside replaced text maps to the start (or, for an
    /// end, the end) of what it replaced.
    pub fn back(&self, pos: usize, is_end: bool) -> usize {
        let edits = &self.0;
        let i = edits.partition_point(|(_, new)| new.end < pos);
        match edits.get(i) {
            Some(&(old, new)) if new.start <= pos => {
                if is_end {
                    old.end
                } else {
                    old.start
                }
            }
            _ => match i.checked_sub(1).map(|j| edits[j]) {
                Some((old, new)) => pos - new.end + old.end,
                None => pos,
            },
        }
    }

    /// Map a span in the text after these changes back to the text before.
    pub fn back_span(&self, span: Span) -> Span {
        let start = self.back(span.start, false);
        Span::new(start, self.back(span.end, true).max(start))
    }

    /// Chain these changes (text 0 to text 1) with `next` (text 1 to text
    /// 2) into one list from text 0 to text 2. Regions that overlap or touch
    /// in text 1 merge, so the result stays sorted and disjoint. Linear.
    pub fn compose(&self, next: &ChangeMap) -> ChangeMap {
        let (a, b) = (&self.0, &next.0);
        // Positions outside every region map by the offset of the last region before them.
        fn shift(pos: usize, regions: &[(Span, Span)], i: usize, forward: bool) -> usize {
            match i.checked_sub(1).map(|j| regions[j]) {
                Some((src, dst)) if forward => pos - src.end + dst.end,
                Some((src, dst)) => pos - dst.end + src.end,
                None => pos,
            }
        }
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            // Start a cluster at whichever region comes first in text 1.
            let take_a = j == b.len() || (i < a.len() && a[i].1.start <= b[j].0.start);
            let (mut lo, mut hi) = if take_a {
                (a[i].1.start, a[i].1.end)
            } else {
                (b[j].0.start, b[j].0.end)
            };
            let (i0, j0) = (i, j);
            loop {
                if i < a.len() && a[i].1.start <= hi && a[i].1.end >= lo {
                    lo = lo.min(a[i].1.start);
                    hi = hi.max(a[i].1.end);
                    i += 1;
                } else if j < b.len() && b[j].0.start <= hi && b[j].0.end >= lo {
                    lo = lo.min(b[j].0.start);
                    hi = hi.max(b[j].0.end);
                    j += 1;
                } else {
                    break;
                }
            }
            // Map the cluster's ends back to text 0 through `a` and on to text 2 through `b`.
            let src_start = if i > i0 && a[i0].1.start == lo {
                a[i0].0.start
            } else {
                shift(lo, a, i0, false)
            };
            let src_end = if i > i0 && a[i - 1].1.end == hi {
                a[i - 1].0.end
            } else {
                shift(hi, a, i0.max(i), false)
            };
            let dst_start = if j > j0 && b[j0].0.start == lo {
                b[j0].1.start
            } else {
                shift(lo, b, j0, true)
            };
            let dst_end = if j > j0 && b[j - 1].0.end == hi {
                b[j - 1].1.end
            } else {
                shift(hi, b, j0.max(j), true)
            };
            out.push((Span::new(src_start, src_end), Span::new(dst_start, dst_end)));
        }
        ChangeMap(out)
    }
}

/// What `span` of `text` reads as once `edits` (all inside it) are applied.
pub fn replaced(text: &str, span: Span, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let local = |s: Span| Span::new(s.start - span.start, s.end - span.start);
    ChangeMap::splice(
        span.slice(text),
        sorted.iter().map(|e| (local(e.span), e.content.as_str())),
    )
    .0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composing_two_passes_maps_the_original_onto_the_final_text() {
        // "a ,b  c" -> pass 1 deletes the space before the comma -> "a,b  c"
        // -> pass 2 inserts a space after the comma and squeezes "  " -> "a, b c"
        let t0 = "a ,b  c";
        let p1 = vec![(Span::new(1, 2), Span::new(1, 1))];
        let t1 = "a,b  c";
        let p2 = vec![(Span::new(2, 2), Span::new(2, 3)), (Span::new(3, 5), Span::new(4, 5))];
        let t2 = "a, b c";
        let c = ChangeMap::from(p1).compose(&ChangeMap::from(p2.clone()));
        assert_eq!(c.rebuild(t0, t2), t2);
        assert_eq!(ChangeMap::from(p2).rebuild(t1, t2), t2);
        assert_eq!(
            *c,
            [
                (Span::new(1, 2), Span::new(1, 1)),
                (Span::new(3, 3), Span::new(2, 3)),
                (Span::new(4, 6), Span::new(4, 5))
            ]
        );
    }

    #[test]
    fn overlapping_regions_merge_when_composed() {
        // "abc" -> "aXc" (replace b) -> "aYYc" (replace X)
        let a = ChangeMap::from(vec![(Span::new(1, 2), Span::new(1, 2))]);
        let c = a.compose(&ChangeMap::from(vec![(Span::new(1, 2), Span::new(1, 3))]));
        assert_eq!(*c, [(Span::new(1, 2), Span::new(1, 3))]);
    }
}
