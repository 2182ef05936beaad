//! HTML tags and the `<!DOCTYPE>` left in text, and whether the text only mentions them.

use super::*;

pub(super) static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,15})((?:\s[^<>\n]*)?)/?>|<!DOCTYPE[^<>\n]*>|<!--")
        .expect("pattern compiles")
});

/// Void elements whose work is all in their attributes (an image's
/// source, a field's type, a link's target).
const HOLLOW_WITHOUT_ATTRIBUTES: [&str; 9] = [
    "img", "input", "source", "embed", "track", "area", "param", "link", "base",
];

/// How far a shown HTML file may run from its doctype.
const SHOWN_FILE_REACH: usize = 64 * 1024;

/// True when only spaces stand between `at` and the start of its line.
fn opens_line(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\t']);
    head.is_empty() || head.ends_with('\n')
}

/// The end of an HTML file shown from the doctype at `start`: its
/// `</html>`, or the line before the first one that holds no markup and is
/// indented no deeper than the doctype (the prose after a cut listing), or
/// the end of the reach.
fn shown_file_end(text: &str, start: usize) -> usize {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = start - line_start;
    let reach = crate::span::floor_char_boundary(text, (start + SHOWN_FILE_REACH).min(text.len()));
    let mut end = text[start..reach].find('\n').map_or(reach, |i| start + i);
    while end < reach {
        let line_end = text[end + 1..reach].find('\n').map_or(reach, |i| end + 1 + i);
        let line = &text[end + 1..line_end];
        let body = line.trim_start();
        if let Some(i) = memchr::memmem::find(line.as_bytes(), b"</") {
            if line.as_bytes()[i + 2..]
                .get(..5)
                .is_some_and(|n| n.eq_ignore_ascii_case(b"html>"))
            {
                return end + 1 + i + 7;
            }
        }
        if !body.is_empty() && !body.starts_with('<') && line.len() - body.len() <= indent {
            return end;
        }
        end = line_end;
    }
    reach
}

/// Tags the text names as a whole (`"<base href="url">"`) go to
/// `named`, so no other finder takes their attributes for leaked ones.
pub(super) fn find_tags(text: &str, out: &mut Vec<Item>, named: &mut Vec<Span>) {
    let mut skip_to = 0;
    let mut comment_end = NextOf::new(text.as_bytes(), b"-->");
    for caps in TAG.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if m.start() < skip_to {
            continue;
        }
        let s = m.as_str();
        if s == "<!--" {
            let Some(close) = comment_end.within(m.end(), m.end() + 4000) else {
                continue;
            };
            let end = close + 3;
            skip_to = end;
            let inner = &text[m.end()..close];
            let words = inner
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            // `looks like <!-- comment --> in the source`: shown, not leaked.
            let mention = mentioned(text, m.start(), end);
            if mention == Mention::Named {
                continue;
            }
            let wp = inner.trim_start().starts_with("wp:") || inner.trim_start().starts_with("/wp:");
            out.push(Item {
                span: Span::new(m.start(), end),
                safe: wp || (words <= 1 && mention == Mention::No),
                block: false,
                message: "leaked HTML comment".to_string(),
            });
            continue;
        }
        if s.starts_with("<!") {
            // `use “<!DOCTYPE html>” for standards mode`: named, not leaked.
            if crate::text::between_quotes(text, Span::new(m.start(), m.end())) || names_a_tag_before(text, m.start()) {
                named.push(Span::new(m.start(), m.end()));
            } else if opens_line(text, m.start()) {
                // A page's first line opening a line of the text: the text
                // shows an HTML file (a tutorial's listing) through its
                // `</html>`. A scrape keeps the body and leaks no doctype.
                let end = shown_file_end(text, m.start());
                named.push(Span::new(m.start(), end));
                skip_to = end;
            } else {
                out.push(item(m.start(), m.end(), true, true, "leaked `<!DOCTYPE>`".into()));
            }
            continue;
        }
        let closing = !caps[1].is_empty();
        let name = caps[2].to_ascii_lowercase();
        if !TAGS.contains(&name) {
            continue;
        }
        let attrs_text = caps.get(3).map_or("", |a| a.as_str());
        // `alternatives like <a rel="noreferrer" …>`: attributes left out
        // with an ellipsis make an example shown; no page holds one.
        if attrs_text.split_whitespace().any(|t| matches!(t, "..." | "…")) {
            named.push(Span::new(m.start(), m.end()));
            continue;
        }
        let Some(attrs) = parse_attrs(attrs_text) else {
            continue;
        };
        if closing && !attrs.is_empty() {
            continue;
        }
        // `@<b>{Re:VIEW}`: Re:VIEW's inline command, no HTML.
        if text[..m.start()].ends_with('@') && text[m.end()..].starts_with('{') {
            continue;
        }
        // `html('<p class="black">He walked</p>')`: an element quoted whole
        // is a string shown.
        if !closing {
            if let Some(end) = quoted_element(text, m.start(), m.end(), &name) {
                named.push(Span::new(m.start(), end));
                skip_to = end;
                continue;
            }
        }
        // `Option<B>`: a one-letter capital after a name is a type parameter.
        let glued = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if glued && attrs.is_empty() && caps[2].len() == 1 && caps[2].as_bytes()[0].is_ascii_uppercase() {
            continue;
        }
        // `\x<Code>`, `<Name>`: a capitalised word in brackets is a
        // placeholder; leaked HTML writes its names in one case.
        let name_text = &caps[2];
        let capitalised = name_text.len() > 1
            && name_text.starts_with(|c: char| c.is_ascii_uppercase())
            && name_text[1..].bytes().all(|b| b.is_ascii_lowercase());
        let mention = if after_markup_name(text, m.start()) || listed_after_named(text, named, m.start()) {
            named.push(Span::new(m.start(), m.end()));
            Mention::Named
        } else if attrs.is_empty() {
            if capitalised || beside_notation(text, m.start(), m.end()) {
                continue;
            }
            // `Single <img>`: an element that does nothing without its
            // attributes is named; a page's `<img>` leaks with its `src`.
            if !closing && HOLLOW_WITHOUT_ATTRIBUTES.contains(&name.as_str()) {
                named.push(Span::new(m.start(), m.end()));
                continue;
            }
            let mention = mentioned(text, m.start(), m.end());
            if mention == Mention::Named {
                named.push(Span::new(m.start(), m.end()));
            }
            mention
        } else if crate::text::between_quotes(text, Span::new(m.start(), m.end()))
            || elided(text, m.start(), m.end())
            || named_after(text, m.end())
            || names_a_tag_before(text, m.start())
            // `links of the form <a href=...>`: a value left out is an example's.
            || attrs.iter().any(|(_, v)| matches!(v.trim_matches(['"', '\'']), "..." | "…"))
        {
            // `add "<base href="url">" to the page`: the whole tag quoted;
            // `a <a href="#"> ... </a> stub`: an example with its inside left
            // out; `the <font size=7> tags`: a noun after it names it.
            named.push(Span::new(m.start(), m.end()));
            Mention::Named
        } else {
            Mention::No
        };
        if mention == Mention::Named {
            continue;
        }
        let wordy = mention == Mention::InSentence
            || attrs
                .iter()
                .any(|(n, v)| is_wordy(n) && v.chars().any(char::is_alphabetic));
        let block = BLOCK_TAGS.contains(&name);
        let shown: String = s.chars().take(40).collect();
        let ellipsis = if shown.len() < s.len() { "…" } else { "" };
        out.push(item(
            m.start(),
            m.end(),
            !wordy,
            block,
            format!("leaked HTML tag `{shown}{ellipsis}`"),
        ));
    }
}

/// `tag HTML <OPTION>`, `HTML 태그 <OPTION>`, `the HTML <font size=1> to …
/// tags`: a tag one or two words after the name of its language is shown,
/// in any language the text is written in; leaked markup follows no such name.
fn after_markup_name(text: &str, start: usize) -> bool {
    let head = &text[crate::span::floor_char_boundary(text, start.saturating_sub(32))..start];
    let head = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
    // `Learn HTML</a>`: a tag glued to the name closes a link about it.
    head.ends_with([' ', '\t'])
        && head
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(2)
            .any(|w| matches!(w, "HTML" | "XHTML" | "XML" | "SGML"))
}

/// `между тегами <BODY> и </BODY>`, `the <ul>, <ol> or <dl> tags`: a tag
/// listed right after one the text names is named too.
fn listed_after_named(text: &str, named: &[Span], start: usize) -> bool {
    let Some(last) = named.last().filter(|s| s.end <= start && start - s.end <= 64) else {
        return false;
    };
    let gap = text[last.end..start].trim_matches([' ', '\t']);
    // `<b> macht Text fett, <i> kursiv`: the next item of a list on the
    // line, after what the named tag does.
    let next_item = (gap.ends_with(',') || gap.ends_with(';')) && !gap.contains(['\n', '<', '>']);
    next_item
        || (start - last.end <= 12
            && (gap.is_empty()
                || matches!(gap, "," | "/")
                || (gap.chars().count() <= 5 && gap.chars().all(char::is_lowercase))))
}

/// The noun for a tag or an element just before it (`del tag <area
/// shape="rect">`, `l'élément <input pattern="…">`, `značku <meta …>`):
/// the tag is named as a thing, in the languages whose word for it comes first.
fn names_a_tag_before(text: &str, start: usize) -> bool {
    // The last few words only, so a line of glued tags stays linear.
    let head = &text[crate::span::floor_char_boundary(text, start.saturating_sub(64))..start];
    head.ends_with([' ', '\t', '\u{a0}'])
        && head
            .trim_end_matches([' ', '\t', '\u{a0}'])
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(crate::lexicon::names_a_tag)
}

/// A naming noun after the tag, past blanks or a hyphen, or glued to it:
/// `the <title> element`, `the <font size=7> tags`, `<meta …> etiketini`,
/// `<img>-Tags`, `<meta …>тегин`.
fn named_after(text: &str, end: usize) -> bool {
    let rest = &text[end..crate::span::floor_char_boundary(text, text.len().min(end + 64))];
    let token = rest
        .trim_start_matches([' ', '\t', '\u{a0}'])
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')'))
        .next()
        .unwrap_or("");
    let spaced = rest.starts_with([' ', '\t', '\u{a0}']);
    // Glued, only a noun of another script or the whole word (`an
    // <img>tag`): `<p>Tagesschau` is a leaked paragraph before a German word.
    let glued_ok = spaced || rest.starts_with('-') || rest.starts_with(|c: char| !c.is_ascii());
    let naming_noun = crate::lexicon::NAMING_NOUNS.contains(token);
    (spaced && naming_noun) || ((glued_ok || naming_noun) && crate::lexicon::names_a_tag(token))
}

/// How far from a tag, on its line, an angle-bracket token that is no
/// HTML makes the line notation.
const NOTATION_REACH: usize = 120;

/// `matched against '<a> b <c>'`, `<expr> ::= <term>`: a line that writes
/// `<c>` or `<.*>`, which no HTML has, uses angle brackets as notation
/// (regular expressions, grammars, placeholders), so a tag-like token
/// beside it is notation too. The window is bounded, so a long line of
/// tags costs no more than a short one.
fn beside_notation(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let (lo, hi) = crate::text::line_reach(b, start, end, NOTATION_REACH);
    memchr::memchr_iter(b'<', &b[lo..hi]).map(|i| lo + i).any(|open| {
        if (start..end).contains(&open) {
            return false;
        }
        let rest = &b[open + 1..hi];
        let Some(close) = rest
            .iter()
            .position(|&c| c == b'>' || c == b'<' || c.is_ascii_whitespace())
        else {
            return false;
        };
        let inner = &rest[..close];
        if rest[close] != b'>' || inner.is_empty() || inner.contains(&b'@') || inner.contains(&b':') {
            return false;
        }
        let name = inner.strip_prefix(b"/").unwrap_or(inner).to_ascii_lowercase();
        !std::str::from_utf8(&name).is_ok_and(|n| TAGS.contains(n))
    })
}

/// How far along its line a quoted element's closing tag is looked for.
const QUOTED_ELEMENT_REACH: usize = 120;

/// `pattern "<h2>Columns</h2>" not found`: an element quoted whole, from its
/// opening tag to its closing one, is a string shown. Returns its end.
fn quoted_element(text: &str, start: usize, end: usize, name: &str) -> Option<usize> {
    let (open, close) = match text[..start].chars().next_back()? {
        '"' => ('"', '"'),
        '\'' => ('\'', '\''),
        '“' => ('“', '”'),
        _ => return None,
    };
    let (_, hi) = crate::text::line_reach(text.as_bytes(), start, end, QUOTED_ELEMENT_REACH);
    let rest = &text[end..crate::span::floor_char_boundary(text, hi)];
    let closing = format!("</{name}>{close}");
    let at = rest.to_ascii_lowercase().find(&closing)?;
    (!rest[..at].contains(open) || open != close).then_some(end + at + closing.len() - close.len_utf8())
}

/// How a bare tag sits in its sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mention {
    /// Glued to text, between sentences, or alone: leaked.
    No,
    /// A word among words (`and <br> breaks a line`): perhaps written on
    /// purpose, so its removal waits for review.
    InSentence,
    /// Named as a thing (`the <title> element`, `“<br>”`): content.
    Named,
}

pub(super) fn mentioned(text: &str, start: usize, end: usize) -> Mention {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let quoted = crate::text::between_quotes(text, Span::new(start, end));
    // `LABEL=<label>`: a placeholder for a value, as usage lines write one;
    // no tag follows `=` in leaked HTML. `des <img>- bzw. <area>-Tags`, a
    // `<div>-based layout`: a tag hyphened into a word is a word's part.
    let compound = after == Some('-') && text[end + 1..].starts_with(|c: char| c.is_alphanumeric() || c == ' ');
    // `the control (<OPTION>) is sent`: a tag alone in brackets is glossed.
    let bracketed = before == Some('(') && after == Some(')');
    if quoted
        || bracketed
        || before == Some('=')
        || compound
        || elided(text, start, end)
        || names_a_tag_before(text, start)
        || named_after(text, end)
    {
        return Mention::Named;
    }
    let blank = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\t');
    let word_before = text[..start].trim_end_matches([' ', '\t']).chars().next_back();
    // `(ie. without </p>)`: a tag after a word closes the aside that names it.
    if blank(before) && after == Some(')') && word_before.is_some_and(char::is_alphanumeric) {
        return Mention::InSentence;
    }
    if !(blank(before) && blank(after)) {
        return Mention::No;
    }
    // A tag among words, not between sentences or beside punctuation.
    let word_after = text[end..].trim_start_matches([' ', '\t']).chars().next();
    // `como <br> (para los saltos de renglón)`: a gloss after the tag.
    if !(word_before.is_some_and(char::is_alphanumeric) && word_after.is_some_and(|c| c.is_alphanumeric() || c == '('))
    {
        return Mention::No;
    }
    if named_between(text, start, end) {
        Mention::Named
    } else {
        Mention::InSentence
    }
}

/// `<a href="#"> ... </a>`: a pair of tags around an ellipsis that stands
/// for what they hold is an example shown, not markup a scraper left.
fn elided(text: &str, start: usize, end: usize) -> bool {
    const DOTS: [&str; 2] = ["...", "…"];
    let after = text[end..].trim_start_matches(' ');
    let opens = DOTS
        .iter()
        .find_map(|d| after.strip_prefix(d))
        .is_some_and(|rest| rest.trim_start_matches(' ').starts_with("</"));
    let before = text[..start].trim_end_matches(' ');
    let closes = DOTS
        .iter()
        .find_map(|d| before.strip_suffix(d))
        .is_some_and(|head| head.trim_end_matches(' ').ends_with('>'));
    opens || closes
}
