use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;

use crate::lexicon::entities;

pub struct HtmlEntity;

static META: RuleMeta = RuleMeta {
    code: "M001",
    name: "html-entity",
    family: Family::Markup,
    summary: "An HTML character reference left undecoded: `&amp;`, `&#8217;`, `&rsquo;`",
    docs: "\
Flags HTML character references in prose: named (`&amp;`, `&quot;`,
`&rsquo;`, `&mdash;`, `&hellip;`, the HTML 4 set and common HTML5 names),
decimal (`&#8217;`) and hexadecimal (`&#x2019;`), including double-escaped
ones (`&amp;amp;`, `&amp;#8217;`), which are decoded fully in one step.

Scrapers that copy a page's source instead of its rendered text, or escape
text twice, leave these behind: `investors&#8217; appetite`, `R&amp;D`.

Decoding follows browsers: numbers 128–159 are read as Windows-1252
(`&#146;` is `’`). Choices made for prose:
- `&nbsp;` and `&#160;` become a plain space: in running text a no-break
  space is almost always layout debris, and the whitespace rules would turn
  it into a plain space anyway; French spacing (`«&nbsp;ça&nbsp;»&nbsp;:`)
  becomes U+00A0, as `odd-space` keeps it;
- in Markdown and reStructuredText sources an entity is the syntax's own
  way to write a character, so decoding waits for review; a reference to
  a sign (`&#42;`, `&lt;`, `&#96;`) is an escape and is left alone:
  decoded, it would start a list, a tag or a code span;
- invisible references (`&shy;`, `&#8203;`, `&#xFEFF;`, `&NoBreak;`) and
  `&#13;` decode to nothing, `&#9;` and `&#10;` to a space;
- bidi marks (`&lrm;`, `&rlm;`, `&#8206;`…) decode to nothing in a
  paragraph without right-to-left letters, where they would only be debris;
- references to other control characters, surrogates or noncharacters, and
  `&#65533;` (a character already lost), are reported without a fix.

An escaped tag (`&lt;b&gt;`, `&lt;/a&gt;`) is what the page showed its
reader as text, so its entities are reported with a suggestion only:
decoded, `<b>` would read as leaked markup, and removing it would delete
words the page displayed (`Type <b>bold</b> to…`, `The <script> tag…`).

Left alone: `AT&T`, `R&D`, `Q&A` (no `;`), unknown names (`&foo;`),
references inside markup (`<a href=\"?a=1&amp;b=2\">`, which leaked-markup
removes whole), in code spans, in a program's example (a code block
with a statement other than markup) and in URLs. A reference the text names
(quoted, listed with another, alone after `as` or a word that names
it: `write & as &amp;`, `use &nbsp; here`, `e.g. &gt;, &#62;`, or alone
later in the clause that named one: `write &amp; to get an ampersand and
&lt; to get…`) gets a
suggestion only, as a page teaching HTML writes it.

Fix (safe): decode; for an escaped tag, a suggestion only. The letters of the reference's name are deleted, which
is why the rule declares that it rewrites letters; the text's own letters
are kept.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: true,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "It reflects investors&#8217; appetite for R&amp;D and AT&T.",
            output: "It reflects investors’ appetite for R&D and AT&T.",
        },
        Fixture {
            input: "It scores well on benchmarks &amp;amp; beats 01.AI&amp;#8217;s Yi-34B.",
            output: "It scores well on benchmarks & beats 01.AI’s Yi-34B.",
        },
        Fixture {
            input: "&ldquo;We believe in open weights,&rdquo; she said&hellip; with&nbsp;care.",
            output: "“We believe in open weights,” she said… with care.",
        },
        Fixture {
            input: "Caf&eacute; &#x2019;n&#146; hy&shy;phen a &lt; b",
            output: "Café ’n’ hyphen a < b",
        },
        Fixture {
            input: "Type &lt;b&gt;bold&lt;/b&gt; to make text bold.",
            output: "Type &lt;b&gt;bold&lt;/b&gt; to make text bold.",
        },
    ],
    keeps: &[
        "AT&T, R&D, Q&A and P&G; Tom & Jerry; fine.",
        "<a href=\"/tag?a=1&amp;b=2\">",
        "Write `&amp;` to get an ampersand.",

        "It converts them:\n\nconst sjis = Encoding.convert(codes, { to: 'SJIS', fallback: 'html-entity' });\nconsole.log(sjis); // '寿司&#127843;ビール&#127866;'\n",
        "See https://example.com/?a=1&amp;b=2 for more.",
        "An &unknown; name stays.",
    ],
};

/// An escaped tag, `&lt;b&gt;` or `&lt;/a&gt;`: what the page showed its
/// reader as text. Decoded, it would read as a leaked tag, and removing that
/// would delete words the page displayed.
static ESCAPED_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:amp;)*lt;/?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^&<>\n]{0,200})?/?&(?:amp;)*gt;")
        .expect("pattern compiles")
});

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});").expect("pattern compiles")
});

/// Whether `with` is `&`, `<` or `>` (the characters whose references are
/// taught) and stands on its own (no letter or digit against it) within 80
/// bytes of `span` on its line (forty letters of Cyrillic). Quotes are left
/// out: text that mixes `"` and `&quot;` is debris far more often than a
/// lesson. A letter counts when its reference stands alone too (`the
/// character é is replaced with &eacute; or`): a letter alone is taught,
/// where a word's letters are written in it.
fn shown_beside(text: &str, span: Span, with: &str) -> bool {
    let lone = text[..span.start].ends_with(' ') && text[span.end..].starts_with([' ', ',', ')']);
    let mut chars = with.chars();
    let c = match (with, chars.next(), chars.next()) {
        ("&", ..) => '&',
        ("<", ..) => '<',
        (">", ..) => '>',
        (_, Some(c), None) if lone && c.is_alphabetic() && !c.is_ascii() => c,
        _ => return false,
    };
    let from = crate::span::ceil_char_boundary(text, span.start.saturating_sub(80));
    let to = crate::span::floor_char_boundary(text, (span.end + 80).min(text.len()));
    let alone = |window: &str| {
        window.match_indices(c).any(|(i, _)| {
            let before = window[..i].chars().next_back();
            let after = window[i + c.len_utf8()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    let before = &text[from..span.start];
    let after = &text[span.end..to];
    alone(&before[before.rfind('\n').map_or(0, |i| i + 1)..])
        || alone(&after[..after.find('\n').unwrap_or(after.len())])
}

impl Rule for HtmlEntity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(b'&') || !doc.bytes().contains(b';') {
            return;
        }
        let text = doc.text();
        // The ends of escaped tags, whose entities are reported without a fix.
        let tags: Vec<(usize, usize)> = if doc.bytes().contains(b'l') && text.contains("lt;") {
            ESCAPED_TAG.find_iter(text).map(|m| (m.start(), m.end())).collect()
        } else {
            Vec::new()
        };
        // Whether a paragraph holds right-to-left text, read once per paragraph.
        let mut rtl = crate::document::PerParagraph::new(doc, crate::text::chars::has_rtl);
        let mut last_named = None;
        for m in PATTERN.find_iter(text) {
            // `'寿司&#127843;'` in a program's example is the program's string.
            if inside_tag(text, m.start()) || doc.in_program(m.start()) {
                continue;
            }
            let in_tag = tags
                .binary_search_by(|&(start, end)| {
                    if m.end() <= start {
                        std::cmp::Ordering::Greater
                    } else if m.start() >= end {
                        std::cmp::Ordering::Less
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok();
            let span = Span::new(m.start(), m.end());
            let body = &m.as_str()[1..m.len() - 1];
            let (layers, core) = match body.rfind(';') {
                Some(i) => (body[..i].matches("amp;").count() + 1, &body[i + 1..]),
                None => (0, body),
            };
            let mut decoded = decode(core);
            // `&#42;`, `&lt;div&gt;`, `&#96;code&#96;`: in Markdown an entity
            // for a sign is an escape; decoded, it would turn into a list, a
            // tag or a code span.
            if doc.is_marked_up()
                && matches!(&decoded, Decoded::Text(w) if w.len() == 1 && w.as_bytes()[0].is_ascii_punctuation())
            {
                continue;
            }
            // `«&nbsp;Voir&nbsp;»&nbsp;:`: French spacing stays a no-break
            // space; nobody puts one there by accident. Elsewhere
            // (`New&nbsp;York`) it is layout and becomes a space.
            if no_break_space(core)
                && (text[..span.start].ends_with('«') || text[span.end..].starts_with([';', ':', '!', '?', '»']))
            {
                decoded = Decoded::Text("\u{a0}".to_string());
            }
            // `(&) is written &amp;`, a table's `│&lt;  │< :`: the reference
            // shown beside the character it stands for is the subject.
            let shown = matches!(&decoded, Decoded::Text(with) if shown_beside(text, span, with));
            if let Decoded::Text(with) = &decoded {
                // A bidi mark only means something next to right-to-left text.
                if is_bidi_control(with) && !rtl.has(span.start) {
                    decoded = Decoded::Text(String::new());
                }
            }
            let escaped = if layers > 0 { " (escaped twice)" } else { "" };
            // `write &amp; to get an ampersand and &lt; to get…`: a reference
            // standing alone after one the clause named is named too.
            let alone = text[..span.start].ends_with(' ') && text[span.end..].starts_with(' ');
            let after_named = last_named
                .is_some_and(|end: usize| span.start - end <= 80 && !text[end..span.start].contains(['.', '\n']));
            let is_named = named(text, span) || (alone && after_named) || shown;
            if is_named {
                last_named = Some(span.end);
            }
            let d = match decoded {
                Decoded::Text(with) if is_named || (core.starts_with('#') && foreign_letter(doc, span, &with)) => {
                    Diagnostic::new(&META, span, format!("HTML entity `{}` named in the text", m.as_str())).with_fix(
                        Fix::display_only_edit(
                            format!("decode to `{with}` by hand if it is not the text's subject"),
                            Edit::replace(span, with),
                        ),
                    )
                }
                Decoded::Text(with) if in_tag => Diagnostic::new(
                    &META,
                    span,
                    format!("HTML entity `{}` in an escaped tag", m.as_str()),
                )
                .with_fix(Fix::display_only_edit(
                    format!("decode to `{with}` by hand if the tag is text: decoded, it reads as leaked markup"),
                    Edit::replace(span, with),
                )),
                Decoded::Text(with) => {
                    let message = if with.is_empty() {
                        "remove the invisible character it encodes".to_string()
                    } else {
                        format!("decode to `{}`", crate::text::show_invisibles(&with))
                    };
                    let edit = Edit::replace(span, with);
                    // In a Markdown or reStructuredText source an entity is
                    // the syntax's own way to write a character: it renders
                    // as it should, so decoding it waits for review.
                    let fix = if doc.is_marked_up() {
                        Fix::unsafe_edit(format!("{message}; in a marked-up source it may be meant"), edit)
                    } else {
                        Fix::safe_edit(message, edit)
                    };
                    Diagnostic::new(&META, span, format!("HTML entity `{}`{escaped}", m.as_str())).with_fix(fix)
                }
                Decoded::Unknown if layers > 0 => {
                    let with = format!("&{core};");
                    Diagnostic::new(&META, span, format!("`&` escaped twice in `{}`", m.as_str()))
                        .with_fix(Fix::safe_edit(format!("decode to `{with}`"), Edit::replace(span, with)))
                }
                Decoded::Unknown => continue,
                Decoded::Lost => Diagnostic::new(
                    &META,
                    span,
                    format!(
                        "HTML entity `{}` stands for the replacement character: the original was lost",
                        m.as_str()
                    ),
                ),
                Decoded::Control => Diagnostic::new(
                    &META,
                    span,
                    format!("HTML entity `{}` stands for a control character", m.as_str()),
                ),
            };
            out.push(d);
        }
    }
}

/// `&nbsp;`, `&#160;`, `&#xA0;`, `&NonBreakingSpace;`.
fn no_break_space(core: &str) -> bool {
    core == "nbsp" || core == "#160" || core.eq_ignore_ascii_case("#xa0") || core == "NonBreakingSpace"
}

enum Decoded {
    Text(String),
    /// A name the table does not know: maybe not an entity at all.
    Unknown,
    /// A number that stands for nothing printable.
    Control,
    /// `&#65533;`: U+FFFD, a character lost before the text was escaped.
    Lost,
}

fn decode(core: &str) -> Decoded {
    let c = if let Some(num) = core.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16),
            None => num.parse(),
        };
        match code.ok().and_then(entities::numeric) {
            Some(c) => c,
            None => return Decoded::Control,
        }
    } else {
        match entities::named(core) {
            Some(s) => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => c,
                    _ => return Decoded::Text(s.to_string()),
                }
            }
            None => return Decoded::Unknown,
        }
    };
    if c == '\u{FFFD}' {
        return Decoded::Lost;
    }
    Decoded::Text(
        match c {
            '\u{A0}' | '\t' | '\n' => " ",
            '\r' | '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => "",
            _ => return Decoded::Text(c.to_string()),
        }
        .to_string(),
    )
}

/// `እንደዚህ ተጽፈዋል &#1234;` ('written like this: &#1234;'): a number that
/// decodes to a letter of a script other than its paragraph's is a sample
/// code shown, not a character escaped (here it would put a Cyrillic `Ӓ`
/// into Amharic).
fn foreign_letter(doc: &Document, span: Span, with: &str) -> bool {
    use crate::lang::Script;
    use unicode_script::UnicodeScript;
    let mut chars = with.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    let script = match c.script() {
        Script::Hiragana | Script::Katakana | Script::Bopomofo => Script::Han,
        s => s,
    };
    c.is_alphabetic()
        && !matches!(script, Script::Common | Script::Inherited | Script::Unknown)
        && doc.script_at(span.start).is_some_and(|p| p != script)
}

/// Words after which a reference is named, not used. Articles and `and`
/// are not among them: `a &lt; b` and `Tom and &amp;` use theirs.
const NAMING_VERBS: &[&str] = &["as", "enter", "insert", "put", "type", "use", "uses", "using", "write"];

/// True when the text names the reference rather than uses it: alone
/// between blanks after a verb that names it or `as` (`write & as &amp;
/// in HTML`, `use &nbsp; here`), before a noun that names it (`the &amp;
/// sign`), or quoted (`"&amp;"`). A page teaching
/// HTML shows its reader these, and decoding would garble the lesson;
/// `Tom &amp; Jerry` is still decoded.
fn named(text: &str, span: Span) -> bool {
    let blank = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\t');
    // `(e.g. &gt;, &#62;, &#x3e;)`: references listed are shown.
    let listed = text[span.end..].starts_with(", &") || text[..span.start].trim_end_matches(' ').ends_with(";,");
    if crate::text::between_quotes(text, span) || listed {
        return true;
    }
    let (word, next) = crate::lexicon::words_around(text, span.start, span.end);
    // `(XML character entity &mdash;, U+2014)`: the noun before it names it.
    if blank(text[..span.start].chars().next_back())
        && ["entity", "reference"].iter().any(|n| n.eq_ignore_ascii_case(word))
    {
        return true;
    }
    if !(blank(text[..span.start].chars().next_back()) && blank(text[span.end..].chars().next())) {
        return false;
    }
    NAMING_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word)) || crate::lexicon::NAMING_NOUNS.contains(next)
}

fn is_bidi_control(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'), None)
    )
}

/// True when `at` sits inside an HTML tag (`<a href="…&amp;…">`) on its line.
fn inside_tag(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(2048);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text.as_bytes()[from..at];
    let line = memchr::memrchr(b'\n', head).map_or(0, |i| i + 1);
    let head = &head[line..];
    match memchr::memrchr(b'<', head) {
        Some(lt) => {
            let closed = memchr::memrchr(b'>', head).is_some_and(|gt| gt > lt);
            let tag_like = head
                .get(lt + 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!');
            !closed && tag_like
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    fn fix(text: &str) -> String {
        linter().fix(text, FixMode::Safe).unwrap().text
    }

    #[test]
    fn leaves_a_reference_shown_beside_its_character_for_review() {
        for text in [
            "All other characters (&) are written as &amp;. Note that not all requests are equal.",
            "Все остальные символы (&) перезаписываются в виде &amp;. Заметим, что не все запросы одинаковы.",
            "    │&lt;      │< : less than│\n    │&amp;     │& : ampersand│",
            "Per esempio, il carattere é sarà sostituito con &eacute; o con un codice numerico.",
        ] {
            assert_eq!(fix(text), text);
        }
        // A character inside a word, or a quote, is no lesson.
        assert_eq!(fix("AT&T and R&amp;D"), "AT&T and R&D");
        assert_eq!(fix("He said \"no\" and &quot;yes&quot;"), "He said \"no\" and \"yes\"");
        // A letter's reference inside a word is decoded beside the letter alone.
        assert_eq!(fix("The caf&eacute; and the na&iuml;ve é"), "The café and the naïve é");
    }

    #[test]
    fn decodes_an_escaped_ampersand_before_an_unknown_name() {
        assert_eq!(fix("Tom &amp;foo; Jerry"), "Tom &foo; Jerry");
    }

    #[test]
    fn reports_a_reference_to_a_control_character_without_fixing_it() {
        let found = linter().check("bell &#7; here");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn drops_a_bidi_mark_in_left_to_right_text_but_decodes_it_in_hebrew() {
        assert_eq!(fix("Ana&lrm; Pérez"), "Ana Pérez");
        assert_eq!(fix("שלום&rlm; עולם"), "שלום\u{200F} עולם");
    }

    #[test]
    fn reports_an_escaped_replacement_character_without_fixing_it() {
        let found = linter().check("caf&#65533; prices");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn turns_a_no_break_space_into_a_plain_space_unless_french_spacing_asks_for_one() {
        assert_eq!(
            fix("It rained&nbsp;all day and&#160;night."),
            "It rained all day and night."
        );
        assert_eq!(fix("10&nbsp;km and 5&#160;kg"), "10 km and 5 kg");
        assert_eq!(
            fix("Le lien «&nbsp;Voir le fil d’Ariane&nbsp;»&nbsp;: cliquez."),
            "Le lien «\u{a0}Voir le fil d’Ariane\u{a0}»\u{a0}: cliquez."
        );
    }

    #[test]
    fn keeps_references_inside_a_tag() {
        let text = "<img alt=\"Tom &amp; Jerry\"> and Tom &amp; Jerry";
        assert_eq!(fix(text), "<img alt=\"Tom &amp; Jerry\"> and Tom & Jerry");
    }

    #[test]
    fn a_reference_after_the_noun_entity_is_named() {
        let text = "For example, say you want an em-dash (XML character entity &mdash;, Unicode U+2014).";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn only_suggests_decoding_a_reference_the_text_names() {
        for text in [
            "In HTML, write & as &amp; inside attributes.",
            "Use &nbsp; between a number and its unit.",
            "The reference \"&mdash;\" makes a dash.",
            "Numeric references (e.g. &gt;, &#62;, &#x3e;) are replaced.",
            "In HTML, you write &amp; to get an ampersand and &lt; to get a less-than sign.",
        ] {
            assert_eq!(fix(text), text);
            assert!(!linter().check(text).is_empty(), "{text}");
        }
        assert_eq!(
            fix("Tom &amp; Jerry and the &amp; sign"),
            "Tom & Jerry and the &amp; sign"
        );
        // Named in one sentence, not in the next.
        assert_eq!(
            fix("Write &amp; for it. Tom &amp; Jerry &lt; 3"),
            "Write &amp; for it. Tom & Jerry < 3"
        );
    }

    #[test]
    fn shows_a_number_that_decodes_to_a_letter_of_another_script_without_decoding_it() {
        let text = "የሚቀጥሉትን ባህሪዎች መቀየር አልተቻለም እና እንደዚህ ተጽፈዋል &#1234; እንደ ምትክ።";
        assert_eq!(fix(text), text);
        assert_eq!(fix("Caf&#233; au lait"), "Café au lait");
        assert_eq!(fix("Очень &#1073;ольшой дом"), "Очень большой дом");
    }

    #[test]
    fn keeps_uppercase_names_the_table_does_not_know() {
        assert_eq!(fix("&EACUTE; &Eacute;"), "&EACUTE; É");
    }
}
