use crate::prelude::*;

pub struct BidiControl;

static META: RuleMeta = RuleMeta {
    code: "U004",
    name: "bidi-control",
    family: Family::Unicode,
    summary: "Invisible bidirectional-text controls in left-to-right text, or unbalanced ones",
    docs: "\
Flags the invisible controls that steer bidirectional text: the marks LRM
U+200E, RLM U+200F and ALM U+061C, the embeddings and overrides U+202A–U+202E,
and the isolates U+2066–U+2069.

In left-to-right text they are debris copied from right-to-left pages or
from social-media names (`\\u{202A}Hanbada Line\\u{202C}`); they break search
and, as overrides, can reorder what a reader sees (the \"Trojan Source\"
trick).

Right-to-left text (Hebrew, Arabic, Persian…) needs them, so in a document
with right-to-left letters only what is broken is reported, even in its
paragraphs of Latin letters or numbers, whose direction the marks set
(`\u{200F}5 × \u{200F}5 MB`): an embedding,
override or isolate that is never closed, a closer with nothing open, and
any override (U+202D, U+202E), which rewrites the order of what follows.

Fix: none in right-to-left documents. In documents without right-to-left
letters, removing the controls is offered as unsafe: it changes nothing
visible in purely left-to-right text, but a control may belong to a name or
quotation the text embeds, which a person should check.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "A spokesperson for \u{202A}Hanbada Line\u{202C} and \u{200F}Seorin Shipping\u{200F} said.",
            output: "A spokesperson for Hanbada Line and Seorin Shipping said.",
        },
        Fixture {
            input: "שלום \u{202E}עולם",
            output: "שלום \u{202E}עולם",
        },
    ],
    keeps: &[
        "עברית \u{200F}(מילה)\u{200F} היא שפה עתיקה.",
        "العربية \u{2067}لغة\u{2069} جميلة.",
        "حجم الصورة\n\n\u{200F}5 × \u{200F}5 \u{200F}MB (\u{200F}Example)\n\nFirefox (\u{200F}12)",
        "Plain left-to-right text.",
    ],
};

/// Runs of bidi controls, found from their lead bytes: E2 for U+200E/F,
/// U+202A..E and U+2066..9, D8 for U+061C.
fn runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let b = text.as_bytes();
    let len_at = move |i: usize| match (b[i], b.get(i + 1), b.get(i + 2)) {
        (0xE2, Some(0x80), Some(0x8E | 0x8F | 0xAA..=0xAE)) | (0xE2, Some(0x81), Some(0xA6..=0xA9)) => 3,
        (0xD8, Some(0x9C), _) => 2,
        _ => 0,
    };
    let mut hits = memchr::memchr2_iter(0xE2, 0xD8, b)
        .filter_map(move |i| Some((i, len_at(i))).filter(|&(_, n)| n > 0))
        .peekable();
    std::iter::from_fn(move || {
        let (start, n) = hits.next()?;
        let mut end = start + n;
        while let Some((_, n)) = hits.next_if(|&(i, _)| i == end) {
            end += n;
        }
        Some(Span::new(start, end))
    })
}

impl Rule for BidiControl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // U+200E/F, U+202A..E, U+2066..9 start with E2; U+061C is D8 9C.
        if !doc.bytes().contains(0xE2) && !doc.bytes().contains(0xD8) {
            return;
        }
        let text = doc.text();
        let mut found = runs(text).peekable();
        if found.peek().is_none() {
            return;
        }
        // A right-to-left document sets the direction of its lines of
        // Latin letters and numbers with marks (`‹RLM›5 × ‹RLM›5 MB`).
        let rtl_document = crate::text::chars::has_rtl(text);
        let mut in_para: Vec<Span> = Vec::new();
        for &para in doc.paragraphs() {
            in_para.clear();
            while let Some(r) = found.next_if(|r| r.start < para.end) {
                in_para.push(r);
            }
            if in_para.is_empty() {
                continue;
            }
            let runs = &in_para;
            if rtl_document {
                check_rtl(text, runs, out);
            } else {
                for &r in runs {
                    out.push(
                        Diagnostic::new(
                            &META,
                            r,
                            format!("invisible bidi control {} in left-to-right text", names(r.slice(text))),
                        )
                        .with_fix(Fix::unsafe_edit("remove the bidi control", Edit::delete(r))),
                    );
                }
            }
        }
    }
}

/// In right-to-left text: report overrides, and embeddings and isolates
/// that do not pair up.
fn check_rtl(text: &str, runs: &[Span], out: &mut Vec<Diagnostic>) {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut bad: Vec<(usize, char, &'static str)> = Vec::new();
    for r in runs {
        for (i, c) in r.slice(text).char_indices() {
            let at = r.start + i;
            match c {
                '\u{202D}' | '\u{202E}' => {
                    bad.push((at, c, "override reorders the text after it"));
                    open.push((at, c));
                }
                '\u{202A}' | '\u{202B}' | '\u{2066}'..='\u{2068}' => open.push((at, c)),
                '\u{202C}' | '\u{2069}' => {
                    let isolate = c == '\u{2069}';
                    let found = open
                        .iter()
                        .rposition(|&(_, o)| ('\u{2066}'..='\u{2068}').contains(&o) == isolate);
                    match found {
                        Some(i) => {
                            open.truncate(i);
                        }
                        None => bad.push((at, c, "closes nothing")),
                    }
                }
                _ => {}
            }
        }
    }
    for (at, c) in open {
        if !matches!(c, '\u{202D}' | '\u{202E}') {
            bad.push((at, c, "is never closed in its paragraph"));
        }
    }
    bad.sort_unstable_by_key(|b| b.0);
    for (at, c, why) in bad {
        let span = Span::new(at, at + c.len_utf8());
        out.push(Diagnostic::new(
            &META,
            span,
            format!("bidi control {} {why}", names(span.slice(text))),
        ));
    }
}

fn names(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let name = match c {
            '\u{200E}' => "LRM",
            '\u{200F}' => "RLM",
            '\u{061C}' => "ALM",
            '\u{202A}' => "LRE",
            '\u{202B}' => "RLE",
            '\u{202C}' => "PDF",
            '\u{202D}' => "LRO",
            '\u{202E}' => "RLO",
            '\u{2066}' => "LRI",
            '\u{2067}' => "RLI",
            '\u{2068}' => "FSI",
            _ => "PDI",
        };
        if !out.is_empty() {
            out.push('+');
        }
        out.push_str(&format!("{name} U+{:04X}", c as u32));
    }
    out
}

#[cfg(test)]
mod tests {

    fn check(text: &str) -> Vec<crate::Diagnostic> {
        crate::rules::testing::linter(&super::META, crate::Language::Auto).check(text)
    }

    #[test]
    fn reports_an_unclosed_isolate_in_arabic_without_a_fix() {
        let found = check("العربية \u{2067}لغة جميلة.");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn offers_removal_only_in_left_to_right_documents() {
        let found = check("Latin \u{200E}text.\n\nMore \u{200E}text.");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| d.fix.is_some()));
        // A Hebrew paragraph makes the marks of its Latin neighbour the
        // document's: they set that line's direction.
        assert!(check("Latin \u{200E}text.\n\nעברית \u{200E}text.").is_empty());
    }
}
