use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;
use crate::text::trailing_letters;

pub struct CitationMarker;

static META: RuleMeta = RuleMeta {
    code: "B004",
    name: "citation-marker",
    family: Family::Boilerplate,
    summary: "A footnote or citation marker leaked from a web page: `[1]`, `[citation needed]`, `[edit]`, `study²`",
    docs: "\
Flags the markers a wiki or a journal page puts beside its text, copied
along with it: numbered references glued to a word or a mark
(`on Tuesday.[1]`, `debate[12][13]`), maintenance tags (`[citation
needed]`, `[clarification needed]`, `[who?]`, `[dubious – discuss]`),
section links (`[edit]`, `[edit source]`) and superscript footnote digits
glued to a word (`the study² found`).

The page linked them to notes the scrape did not keep; in the text they
are noise inside sentences.

Left alone: brackets that hold content, such as `[sic]`, `[laughter]` or an
editor's insertion (`[the minister]`); a reference set off by a space
(`see [1]`), which the text cites on purpose; Markdown links and reference
definitions (`[1](…)`, `[text][1]`, `[1]: …`); indexes in code (`a[1]`,
`argv[0]`, a word indexed twice: `arr[1] and arr[2]`, an array of a type:
`char[256]`, an expression's brackets closing together: `(MAX(…))[2]`, and any index on a line or in a block of code: `__be32
idiag_src[4];`), and an array's size after one of C's types, in prose
too (`char logline[512];`); a marker whose note the document keeps, on a line of its own
that opens with it (`an XDS[7] file manager` … `[7] See [XDS].`); a
marker quoted as the sentence's subject (`the phrase \"[citation needed]\"`);
powers and units (`km²`, `x²`, `10⁶`).

Fix (unsafe): remove the marker. The text reads the same without it, but
a person may want the references kept. A paragraph that keeps its
notes (`[Footnote 1: …]`) keeps its markers too, and so does a text
whose notes open lines of their own further on (`[Footnote 3: A strip
of paper…]`).",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "The council approved the budget on Tuesday.[1] The vote followed debate[citation needed] over spending.[2][3]",
            output: "The council approved the budget on Tuesday. The vote followed debate over spending.",
        },
        Fixture {
            input: "The mayor (elected in 1998)[4] resigned.",
            output: "The mayor (elected in 1998) resigned.",
        },
        Fixture {
            input: "History[edit]\n\nThe town was founded in 1820.",
            output: "History\n\nThe town was founded in 1820.",
        },
        Fixture {
            input: "The study² found that 40%³ of patients recovered (in 2019)⁴, and the trial[5]ended.",
            output: "The study found that 40% of patients recovered (in 2019), and the trial[5]ended.",
        },
    ],
    keeps: &[
        "The daemon logs one line at a time, in char logline[512]; and nothing else.",
        "He said it was “a fair result” [sic] and thanked [the minister] for it.",
        "The audience laughed [laughter] and the band played on.",
        "Polyplexes formed with PLL[30]-PEG[5K] held, as WALKER v. DOE (2001) (\"[3] Per curiam opinions bind.\") says.",
        "The phrase \"[citation needed]\" has become an internet meme, and people print it on shirts.",
        "He wrote a poem on a tanzaku[3] and hung it up.\n\n[Footnote 3: A strip of paper for writing poems.]\n",
        "See [1] and [2] for the proofs.",
        "The structure holds:\n\n    struct inet_diag_sockid {\n        __be16  idiag_sport;\n        __be32  idiag_dst[4];\n    };\n",
        "Read [the report][1] or [1](https://example.com/1).\n\n[1]: https://example.com/1",
        "Set a[1] to zero, then x[12] = y.",
        "The program reads argv[0] first, then sums arr[1] and arr[2].",
        "Drag it to an XDS[7] file manager, and allocate it as char[256].\n\n[7] See [XDS].",
        "A flat of 60 m² in a 10⁶ km² country, and E = mc².",
        "Visit https://example.com/wiki/Page[1] for more.",
        "The law was passed.[1] [Footnote 1: The President read this aloud.]",
        "It takes the last pair's second entry, (MAX(ARRAY[period, entries]))[2], as its value.",
        "By the proof, (a + b)² = 4 * (a * b / 2) + c², in all but 4.[23]BSD, says <argv[1]> there.",
    ],
};

/// A numbered reference, a maintenance tag or a section link, with the
/// references that follow it: `[1][2]`, `[citation needed]`, `[edit]`.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\[(?:[1-9]\d{0,2}|note \d{1,3}|nb \d{1,3}|[a-z ]{0,30} needed|who\?|when\?|where\?|which\?|why\?|by whom\?|according to whom\?|dubious(?: – discuss)?|failed verification|original research\?|unreliable source\?|edit|edit source)\])+",
    )
    .expect("pattern compiles")
});

/// Superscript digits, one or more.
/// Literal alternatives, which the regex crate finds with a SIMD automaton;
/// a class of multi-byte characters is checked at every 0xE2.
static SUPERSCRIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:¹|²|³|⁰|⁴|⁵|⁶|⁷|⁸|⁹)+").expect("pattern compiles"));

/// Words a superscript `²` or `³` turns into a unit of area or volume.
const UNITS: &[&str] = &["feet", "inches", "meter", "meters", "metre", "metres", "miles", "yards"];

impl Rule for CitationMarker {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        if doc.bytes().contains(b'[') {
            // Whether a paragraph keeps its notes, read once per paragraph.
            let mut notes_kept = crate::document::PerParagraph::new(doc, |p: &str| p.contains("[Footnote"));
            let mut notes: Option<HashSet<&str>> = None;
            for m in MARKER.find_iter(text) {
                // `4.[23]BSD`, `<argv[1]>`: a pattern or an index runs on
                // into what follows; a note ends where the word did (in a
                // script spaced between words: Japanese glues `東京[1]は`).
                // `PLL[30]-PEG[5K]`: a block's length inside a compound's name.
                let b = text.as_bytes();
                let runs_on = b
                    .get(m.end())
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'>' | b'=' | b'_'))
                    || (b.get(m.end()) == Some(&b'-') && b.get(m.end() + 1).is_some_and(u8::is_ascii_alphanumeric));
                if glued(text, m.start())
                    && !runs_on
                    && !markdown_link(&text[m.end()..])
                    && !indexed_again(doc, m.start())
                    && !TYPES.contains(&trailing_letters(&text[..m.start()]))
                    && !notes_kept.has(m.start())
                    // `__be32 idiag_src[4];`: an index in a program's line.
                    && !doc.in_code_line(m.start())
                    && !declares_array(text, m.start())
                    // `The phrase "[citation needed]" became a meme`: quoted,
                    // the marker is what the sentence is about.
                    && !crate::text::between_quotes(text, Span::new(m.start(), m.end()))
                    && !notes
                        .get_or_insert_with(|| notes_listed(doc))
                        .contains(m.as_str()[1..].split(']').next().unwrap_or(""))
                {
                    push(
                        out,
                        Span::new(m.start(), m.end()),
                        "citation marker left from a web page",
                    );
                }
            }
        }
        // ¹²³ end in 0xB9, 0xB2, 0xB3; ⁰ and ⁴ to ⁹ hold 0x81.
        if doc.bytes().any(&[0xB2, 0xB3, 0xB9, 0x81]) {
            for m in SUPERSCRIPT.find_iter(text) {
                if footnote(text, m.start(), m.end()) {
                    push(
                        out,
                        Span::new(m.start(), m.end()),
                        "superscript footnote number glued to a word",
                    );
                }
            }
        }
    }
}

/// C's types, before a name whose brackets give an array's size.
const C_TYPES: [&str; 12] = [
    "char", "int", "long", "short", "float", "double", "unsigned", "signed", "u8", "u32", "size_t", "uint8_t",
];

/// `char logline[512];`, `char arp_dev[16];`: a C declaration, prose or
/// not around it, gives the array's size, which a note never is.
fn declares_array(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let name = crate::text::last_token(head, 64);
    let before = head[..head.len() - name.len()].trim_end_matches(' ');
    !name.is_empty() && C_TYPES.contains(&crate::text::last_token(before, 16))
}

/// True when the marker at `at` sits right after a word of two or more
/// letters or after closing punctuation, as a page's reference links do.
/// `a[1]` is an index, `[text][1]` a Markdown reference, ` [1]` a citation
/// the text makes on purpose.
fn glued(text: &str, at: usize) -> bool {
    let before = &text[..at];
    match before.chars().next_back() {
        // `(MAX(ARRAY[…]))[2]`: brackets closing on brackets are an
        // expression, indexed; prose closes one before its note (`(1950)[2]`).
        Some(')') => !before[..before.len() - 1].ends_with([')', ']']),
        // `("[3] Per curiam…")`: a straight quote that opens a quotation
        // is no word's end.
        Some('"') => before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[')),
        Some('.' | ',' | ';' | ':' | '”' | '’' | '»') => true,
        Some(c) if c.is_alphabetic() => glued_word(before).is_some_and(|w| w.chars().nth(1).is_some()),
        _ => false,
    }
}

/// The word of letters `before` ends with, unless digits run into it
/// (`3rd`, `H2O`): those name things, and a mark after them is no note.
fn glued_word(before: &str) -> Option<&str> {
    let word = trailing_letters(before);
    let head = &before[..before.len() - word.len()];
    (!head.ends_with(|c: char| c.is_alphanumeric())).then_some(word)
}

/// Whether the word the marker at `at` is glued to is indexed nearby in its
/// paragraph too (`arr[1] and arr[2]`): a page glues its notes to
/// different words, code indexes one array again and again.
fn indexed_again(doc: &Document, at: usize) -> bool {
    let text = doc.text();
    let word = trailing_letters(&text[..at]);
    if word.is_empty() {
        return false;
    }
    let Some(para) = doc.paragraph_at(at) else {
        return false;
    };
    let indexed = |i: usize| {
        text[para.start..i].ends_with(word) && !text[para.start..i - word.len()].ends_with(char::is_alphanumeric)
    };
    // A window, not the whole paragraph: one marker's look stays bounded
    // however many markers a paragraph holds.
    let (from, to) = (at.saturating_sub(2000).max(para.start), (at + 2000).min(para.end));
    memchr::memchr_iter(b'[', &text.as_bytes()[from..to])
        .map(|i| from + i)
        .filter(|&i| i != at && indexed(i))
        .any(|i| text[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// Type names a program declares an array of (`char[256]`).
const TYPES: &[&str] = &[
    "char", "int", "byte", "bool", "float", "double", "long", "short", "string", "void", "wchar",
];

/// The markers that open a line of their own, followed by the note's text
/// (`[7] See [XDS].`): the document kept its notes, so the markers that
/// point to them are references, not leftovers.
fn notes_listed<'t>(doc: &Document<'t>) -> HashSet<&'t str> {
    let text = doc.text();
    doc.lines()
        .iter()
        .filter_map(|&line| {
            let l = line.slice(text).trim_start().strip_prefix('[')?;
            // `[Footnote 3: …]`, as Project Gutenberg sets a note.
            if let Some(rest) = l.strip_prefix("Footnote ") {
                let number = &rest[..rest.find(':')?];
                return (!number.is_empty() && number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit()))
                    .then_some(number);
            }
            let close = l.find(']')?;
            let inner = &l[..close];
            let numbered = !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit());
            (numbered && l[close + 1..].starts_with(' ')).then_some(inner)
        })
        .collect()
}

/// `[1](url)` and `[1]: url` are Markdown links, not markers.
fn markdown_link(after: &str) -> bool {
    after.starts_with(['(', ':', '['])
}

/// True when the superscript digits at `start..end` are a footnote number:
/// glued to a word of three or more letters that is not a unit, or to a
/// closing mark, and not followed by a letter or digit.
fn footnote(text: &str, start: usize, end: usize) -> bool {
    if text[end..].chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let before = &text[..start];
    match before.chars().next_back() {
        // `(a + b)²`: a formula's bracket, squared.
        Some(')') => !formula_before(before),
        Some('.' | ',' | ';' | '"' | '”' | '’' | '%') => true,
        Some(c) if c.is_alphabetic() => glued_word(before)
            .is_some_and(|w| w.chars().nth(2).is_some() && !UNITS.iter().any(|u| w.eq_ignore_ascii_case(u))),
        _ => false,
    }
}

/// Whether `before` ends in a bracket of arithmetic, `(a + b)`: an
/// operator between its words, within 80 bytes; or a term of a few
/// characters, `(ix)²`, `(2n)³`, where a note would follow words.
fn formula_before(before: &str) -> bool {
    let inner = &before[..before.len() - 1];
    let from = crate::span::ceil_char_boundary(inner, inner.len().saturating_sub(80));
    let window = &inner[from..];
    window.rfind('(').is_some_and(|open| {
        let content = &window[open + 1..];
        ["+", "*", "=", " - ", " / "].iter().any(|op| content.contains(op))
            || (content.len() <= 4 && !content.contains(char::is_whitespace))
    })
}

fn push(out: &mut Vec<Diagnostic>, span: Span, message: &'static str) {
    out.push(Diagnostic::new(&META, span, message).with_fix(Fix::unsafe_edit("remove the marker", Edit::delete(span))));
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_only_the_markers_whose_notes_the_document_lists() {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        let text = "It uses XDS[7] and the DND protocol.[8]\n\n[7] See the XDS page.";
        let found: Vec<&str> = linter.check(text).iter().map(|d| d.span.slice(text)).collect();
        assert_eq!(found, ["[8]"]);
    }

    #[test]
    fn keeps_a_terms_power_and_flags_a_note_after_words_in_brackets() {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        let text = "e^ix = 1 + ix + (ix)² + (ix)³ and the claim (see the report)² was made.";
        let found: Vec<&str> = linter.check(text).iter().map(|d| d.span.slice(text)).collect();
        assert_eq!(found, ["²"]);
    }
}
