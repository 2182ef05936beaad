use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::named_between;
use crate::prelude::*;
use crate::text::line_removal;

pub struct LeakedMarkup;

static META: RuleMeta = RuleMeta {
    code: "M002",
    name: "leaked-markup",
    family: Family::Markup,
    summary: "HTML tags, attributes, shortcodes or template tokens left in the text",
    docs: "\
Flags markup that a scraper copied instead of rendering:
- HTML tags and comments: `<p>`, `</a>`, `<br/>`, `<a href=\"…\">`,
  `<img src=\"…\" alt=\"…\">`, `<!-- wp:paragraph -->`;
- attributes that lost their tag: `alt=A man walks>`, `src=\"…\"`,
  `class=\"wp-caption-text\">`; an `alt=` or `title=` value without quotes
  runs to the next `>` on its line;
- shortcodes: `[ad_1]`, `[caption id=\"…\"]…[/caption]`, `[embed]`, and any
  `[name]` closed later by `[/name]`;
- template tokens: `{mosads}`, `{loadposition x}`, `{{ var }}`, `{% tag %}`,
  `${name}`;
- Markdown image debris: `![](…)`, `![alt](url)`, and empty links `[](url)`.

A leaked `alt=` attribute usually repeats the photo caption printed just
before it; the message says so when most of its words do.

Left alone: a bare tag named in a sentence, in quotes or after words
that name it (`the <title> element`, `and <br> breaks a line`, `“<p>”`),
which is what a page teaching HTML shows its reader; comparisons and arrows (`a < b and c > d`, `x >= 3`, `->`,
`<3`), addresses in angle brackets (`<name@example.com>`), generic types
(`List<T>`, `Map<K, V>`, code spans), names that are not HTML tags
(`<Enter>`), citation markers and editorial brackets (`[1]`, `[sic]`,
`[Reuters]`, `[…]`, `[citation needed]`), braces in code-like text (`{}`,
`{x}`), and Markdown links with text (`[text](url)`, which may be intended).

Fix: remove the markup, with the space beside it; a block tag (`<p>`,
`<br>`, `<li>`) between two words becomes a space so the words stay apart,
and markup alone on its line goes with the line.
- safe when no words are lost: bare tags, tags and attributes whose values
  are URLs, class names or numbers, shortcodes and template tokens of
  identifiers, empty image links. The letters removed are markup, not
  words, which is why the rule declares that it rewrites letters.
- unsafe when the markup carries words: `alt=`/`title=` text, image alt
  text, comments and templates with several words; and for a bare tag
  standing between two words of a sentence, which may be written on
  purpose.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: true,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "The logo of ByteDance is seen in Shanghai on July 4, 2023. Photo: Reuters \
alt=ByteDance’s logo is seen at the company’s office building in Shanghai on July 4, 2023. Photo: Reuters>",
            output: "The logo of ByteDance is seen in Shanghai on July 4, 2023. Photo: Reuters",
        },
        Fixture {
            input: "<p>Lumenfold raised $120 million.</p><p>It plans to expand.<br/>More soon.</p>",
            output: "Lumenfold raised $120 million. It plans to expand. More soon.",
        },
        Fixture {
            input: "[ad_1]\nRead <a href=\"https://example.com/tag/ai/\" rel=\"tag\">the story</a></a> now.\n{mosads}\n[ad_2]",
            output: "Read the story now.",
        },
        Fixture {
            input: "[caption id=\"attachment_4\" align=\"aligncenter\" width=\"1024\"]<img src=\"https://cdn.example.com/a.jpg\" alt=\"Lumenfold office\" /> The office.[/caption] class=\"wp-caption-text\">",
            output: "The office.",
        },
        Fixture {
            input: "![](https://cdn.example.com/hero.jpg)\nHello {{ user_name }}, see ![A chart](https://x.example/c.png) below.",
            output: "Hello, see below.",
        },
        Fixture {
            input: "Shares rose. <!-- wp:paragraph -->They fell later.",
            output: "Shares rose. They fell later.",
        },
    ],
    keeps: &[
        "If a < b and c > d, then x >= 3 -> done <3",
        "Write to <name@example.com> or press <Enter>.",
        "A List<T> or Map<K, V> in Java, and `Vec<String>` in Rust.",
        "He said [sic] that [1] the deal [Reuters] was […] done [citation needed].",
        "An empty set {} or {x} in maths, and a [link](https://example.com).",
        "The user id=5 was set, and x=3.",
        "Put the <title> element in the head, and <br> breaks a line; “<p>” opens one.",
    ],
};

/// HTML element names that leak into scraped text.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "amp-img",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "nobr",
    "noscript",
    "object",
    "ol",
    "option",
    "p",
    "param",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Elements that break a line when rendered: removing one between two
/// words must leave a space.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "iframe",
    "img",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "picture",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "video",
];

/// Attributes without a value that real tags carry.
const BOOLEAN_ATTRS: &[&str] = &[
    "allowfullscreen",
    "async",
    "autoplay",
    "checked",
    "controls",
    "defer",
    "disabled",
    "hidden",
    "itemscope",
    "loop",
    "multiple",
    "muted",
    "novalidate",
    "open",
    "playsinline",
    "readonly",
    "required",
    "selected",
];

/// Attributes whose values are words a reader would see.
const WORDY_ATTRS: &[&str] = &[
    "alt",
    "aria-label",
    "caption",
    "content",
    "data-caption",
    "label",
    "placeholder",
    "summary",
    "title",
    "value",
];

/// Shortcode names that leak bare, without attributes or a closing tag.
const SHORTCODES: &[&str] = &[
    "ad",
    "ads",
    "adsense",
    "advert",
    "audio",
    "caption",
    "embed",
    "facebook",
    "gallery",
    "googleads",
    "instagram",
    "playlist",
    "pullquote",
    "related",
    "tweet",
    "twitter",
    "video",
    "youtube",
];

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,15})((?:\s[^<>\n]*)?)/?>|<!DOCTYPE[^<>\n]*>|<!--")
        .expect("pattern compiles")
});

/// Attributes whose leaking is recognised (plus any `data-…` and `aria-…`).
const ATTRS: &[&str] = &[
    "align",
    "alt",
    "border",
    "class",
    "decoding",
    "frameborder",
    "height",
    "href",
    "id",
    "loading",
    "rel",
    "sizes",
    "src",
    "srcset",
    "style",
    "target",
    "title",
    "width",
];

fn is_attr_name(name: &str) -> bool {
    ATTRS.binary_search(&name).is_ok() || ((name.starts_with("data-") || name.starts_with("aria-")) && name.len() > 5)
}

/// The start of a known attribute name ending right before the `=` at `eq`.
fn attr_name_before(text: &str, eq: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut start = eq;
    while start > 0
        && eq - start < 40
        && (b[start - 1].is_ascii_lowercase() || b[start - 1].is_ascii_digit() || b[start - 1] == b'-')
    {
        start -= 1;
    }
    if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
        return None; // part of a longer word
    }
    is_attr_name(&text[start..eq]).then_some(start)
}

static SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\[(/?)([a-z][a-z0-9_-]{0,30})((?:\s+[a-z_-]+\s*=\s*(?:"[^"\]\n]*"|'[^'\]\n]*'|[^\s\]"']+))*)\s*/?\]"#)
        .expect("pattern compiles")
});

static TEMPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\{\{[^{}\n]{1,200}\}\}|\{%[^{}\n]{1,200}%\}|\{(?:mosads|mospagebreak|loadposition|loadmodule|loadmoduleid|module|jumi|googleads)(?-u:\b)[^{}\n]{0,100}\}|\$\{[A-Za-z_][\w.]{0,60}\}",
    )
    .expect("pattern compiles")
});

/// The most bytes a run of leaked attributes may span.
const MAX_RUN: usize = 4096;

/// Finds a needle's next occurrence within a window, remembering what it
/// has searched so a left-to-right scan reads each stretch of text once.
struct NextOf<'t> {
    hay: &'t [u8],
    needle: Vec<u8>,
    /// No occurrence starts in `clear`.
    clear: std::ops::Range<usize>,
    /// The first occurrence at or after `clear.end`, once found.
    next: Option<usize>,
}

impl<'t> NextOf<'t> {
    fn new(hay: &'t [u8], needle: &[u8]) -> Self {
        NextOf {
            hay,
            needle: needle.to_vec(),
            clear: 0..0,
            next: None,
        }
    }

    /// The first occurrence starting in `pos..limit`.
    fn within(&mut self, pos: usize, limit: usize) -> Option<usize> {
        let limit = limit.min(self.hay.len());
        if !(self.clear.start <= pos && pos <= self.clear.end) || self.next.is_some_and(|n| n < pos) {
            self.clear = pos..pos;
            self.next = None;
        }
        if self.next.is_none() && self.clear.end < limit {
            let to = (limit + self.needle.len() - 1).min(self.hay.len());
            match memchr::memmem::find(&self.hay[self.clear.end..to], &self.needle) {
                Some(i) => self.next = Some(self.clear.end + i),
                None => self.clear.end = limit,
            }
        }
        self.next.filter(|&n| n < limit)
    }
}

/// One piece of markup and how to remove it.
struct Item {
    span: Span,
    safe: bool,
    block: bool,
    message: String,
}

impl Rule for LeakedMarkup {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        let text = doc.text();
        let mut items: Vec<Item> = Vec::new();
        if bytes.contains(b'<') && bytes.contains(b'>') {
            find_tags(text, &mut items);
        }
        if bytes.contains(b'=') {
            find_attributes(text, &mut items);
        }
        if bytes.contains(b'[') && bytes.contains(b']') {
            find_shortcodes(text, &mut items);
            if bytes.contains(b'(') {
                find_markdown(text, &mut items);
            }
        }
        if bytes.contains(b'{') && bytes.contains(b'}') {
            find_templates(text, &mut items);
        }
        if items.is_empty() {
            return;
        }
        items.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
        // Drop pieces inside others (`alt=` inside its tag).
        let mut kept: Vec<Item> = Vec::with_capacity(items.len());
        for item in items {
            if kept.last().is_some_and(|k| k.span.end > item.span.start) {
                continue;
            }
            kept.push(item);
        }
        let groups = group_adjacent(text, kept);
        for (i, group) in groups.iter().enumerate() {
            // Look through neighbouring markup that is removed too.
            let mut from = group.span.start;
            for g in groups[..i].iter().rev() {
                if g.span.end != from {
                    break;
                }
                from = g.span.start;
            }
            let mut to = group.span.end;
            for g in &groups[i + 1..] {
                if g.span.start != to {
                    break;
                }
                to = g.span.end;
            }
            let prev = text[..from].chars().next_back();
            let next = text[to..].chars().next();
            let line = doc.line_index(group.span.start);
            let edit = if fills_line(text, group.span) && line == doc.line_index(group.span.end) {
                // Markup alone on its line goes with the line, keeping the
                // blank lines between paragraphs as they were.
                Edit::delete(line_removal(doc, line))
            } else {
                removal(text, group.span, group.block, prev, next)
            };
            let fix = if group.safe {
                Fix::safe("remove the markup", vec![edit])
            } else {
                Fix::unsafe_("remove the markup and the words it carries", vec![edit])
            };
            out.push(Diagnostic::new(&META, group.span, group.message.clone()).with_fix(fix));
        }
    }
}

/// Merge pieces of the same safety that touch or are separated only by
/// spaces (`</p><p>`), so they are removed as one.
fn group_adjacent(text: &str, items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let Some(last) = out.last_mut() {
            let gap = &text[last.span.end..item.span.start];
            if last.safe == item.safe && gap.bytes().all(|b| b == b' ' || b == b'\t') {
                last.span = Span::new(last.span.start, item.span.end);
                last.block |= item.block;
                if !last.message.ends_with(')') {
                    last.message.push_str(" (and more markup after it)");
                }
                continue;
            }
        }
        out.push(item);
    }
    out
}

fn find_tags(text: &str, out: &mut Vec<Item>) {
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
            out.push(Item {
                span: Span::new(m.start(), end),
                safe: words <= 1 || inner.trim_start().starts_with("wp:") || inner.trim_start().starts_with("/wp:"),
                block: false,
                message: "leaked HTML comment".to_string(),
            });
            continue;
        }
        if s.starts_with("<!") {
            out.push(item(m.start(), m.end(), true, true, "leaked `<!DOCTYPE>`".into()));
            continue;
        }
        let closing = !caps[1].is_empty();
        let name = caps[2].to_ascii_lowercase();
        if TAGS.binary_search(&name.as_str()).is_err() {
            continue;
        }
        let attrs_text = caps.get(3).map_or("", |a| a.as_str());
        let Some(attrs) = parse_attrs(attrs_text) else {
            continue;
        };
        if closing && !attrs.is_empty() {
            continue;
        }
        // `Option<B>`: a one-letter capital after a name is a type parameter.
        let glued = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if glued && attrs.is_empty() && caps[2].len() == 1 && caps[2].as_bytes()[0].is_ascii_uppercase() {
            continue;
        }
        let mention = if attrs.is_empty() {
            mentioned(text, m.start(), m.end())
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
        let block = BLOCK_TAGS.binary_search(&name.as_str()).is_ok();
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

/// How a bare tag sits in its sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mention {
    /// Glued to text, between sentences, or alone: leaked.
    No,
    /// A word among words (`and <br> breaks a line`): perhaps written on
    /// purpose, so its removal waits for review.
    InSentence,
    /// Named as a thing (`the <title> element`, `“<br>”`): content.
    Named,
}

fn mentioned(text: &str, start: usize, end: usize) -> Mention {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let quoted = matches!(
        (before, after),
        (Some('"'), Some('"'))
            | (Some('“'), Some('”'))
            | (Some('‘'), Some('’'))
            | (Some('\''), Some('\''))
            | (Some('`'), Some('`'))
    );
    if quoted {
        return Mention::Named;
    }
    let blank = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\t');
    if !(blank(before) && blank(after)) {
        return Mention::No;
    }
    // A tag among words, not between sentences or beside punctuation.
    let word_before = text[..start].trim_end_matches([' ', '\t']).chars().next_back();
    let word_after = text[end..].trim_start_matches([' ', '\t']).chars().next();
    if !(word_before.is_some_and(char::is_alphanumeric) && word_after.is_some_and(char::is_alphanumeric)) {
        return Mention::No;
    }
    if named_between(text, start, end) {
        Mention::Named
    } else {
        Mention::InSentence
    }
}

fn item(start: usize, end: usize, safe: bool, block: bool, message: String) -> Item {
    Item {
        span: Span::new(start, end),
        safe,
        block,
        message,
    }
}

fn is_wordy(name: &str) -> bool {
    WORDY_ATTRS.contains(&name.to_ascii_lowercase().as_str())
}

/// `name="v" name='v' name=v flag`, or `None` when it is not attribute syntax.
fn parse_attrs(s: &str) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if rest == "/" {
            break;
        }
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.' | '@')))
            .unwrap_or(rest.len());
        if name_len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
            return None;
        }
        let name = &rest[..name_len];
        rest = rest[name_len..].trim_start();
        if let Some(after_eq) = rest.strip_prefix('=') {
            let v = after_eq.trim_start();
            let (value, remaining) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = v[1..].find(q)?;
                    (&v[1..1 + close], &v[close + 2..])
                }
                Some(_) => {
                    let end = v
                        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '=' | '`'))
                        .unwrap_or(v.len());
                    if end == 0 {
                        return None;
                    }
                    let end = if v[..end].ends_with('/') && end == v.len() {
                        end - 1
                    } else {
                        end
                    };
                    (&v[..end], &v[end..])
                }
                None => return None,
            };
            out.push((name, value));
            rest = remaining.trim_start();
        } else if BOOLEAN_ATTRS.contains(&name.to_ascii_lowercase().as_str()) {
            out.push((name, ""));
        } else {
            return None;
        }
    }
    Some(out)
}

/// Attributes that lost their tag: `alt=ByteDance’s logo … Photo: Reuters>`,
/// `class="wp-caption-text">`.
fn find_attributes(text: &str, out: &mut Vec<Item>) {
    let mut skip_to = 0;
    let mut ahead = Ahead {
        gt: NextOf::new(text.as_bytes(), b">"),
        lt: NextOf::new(text.as_bytes(), b"<"),
        nl: NextOf::new(text.as_bytes(), b"\n"),
    };
    for eq in memchr::memchr_iter(b'=', text.as_bytes()) {
        let Some(start) = attr_name_before(text, eq) else {
            continue;
        };
        if start < skip_to {
            continue;
        }
        let m = Span::new(start, eq + 1);
        let prev = text[..m.start].chars().next_back();
        if !prev.is_none_or(|c| c.is_whitespace() || c == '"' || c == '\'') {
            continue;
        }
        let Some(run) = attribute_run(text, m.start, &mut ahead) else {
            continue;
        };
        skip_to = run.end;
        let name = &text[m.start..eq];
        let mut message = format!("leaked `{name}=` attribute");
        if let Some((vs, ve)) = run.wordy_value {
            if duplicates_before(text, m.start, &text[vs..ve]) {
                message.push_str(" whose text repeats the text before it");
            }
        }
        out.push(item(m.start, run.end, run.wordy_value.is_none(), false, message));
    }
}

struct AttrRun {
    end: usize,
    /// The first value a reader would see as words, if any.
    wordy_value: Option<(usize, usize)>,
}

/// The end of the attribute name and `=` starting exactly at `at`, if one does.
fn attr_at(text: &str, at: usize, limit: usize) -> Option<usize> {
    let b = text.as_bytes().get(at..limit.min(at + 41))?;
    let eq = memchr::memchr(b'=', b)?;
    (attr_name_before(text, at + eq) == Some(at)).then_some(at + eq + 1)
}

/// Where the next `>`, `<` and line break are.
struct Ahead<'t> {
    gt: NextOf<'t>,
    lt: NextOf<'t>,
    nl: NextOf<'t>,
}

fn attribute_run(text: &str, start: usize, ahead: &mut Ahead) -> Option<AttrRun> {
    // Markup is short; looking no further keeps long lines linear.
    let limit = text.len().min(start + MAX_RUN);
    let mut line_end = ahead.nl.within(start, limit).unwrap_or(limit);
    while !text.is_char_boundary(line_end) {
        line_end -= 1;
    }
    let mut at = start;
    let mut count = 0;
    let mut quoted = false;
    let mut url_like = false;
    let mut terminated = false;
    let mut wordy_value = None;
    let mut end;
    loop {
        let v = attr_at(text, at, line_end)?;
        let name = &text[at..v - 1];
        let rest = &text[v..line_end];
        let (value, after) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = rest[1..].find(q)?;
                quoted = true;
                (Span::new(v + 1, v + 1 + close), v + close + 2)
            }
            Some(_) if is_wordy(name) => {
                // An unquoted caption runs to the `>` that closed its tag, or
                // to the next attribute.
                let gt = ahead.gt.within(v, line_end)? - v;
                if ahead.lt.within(v, v + gt).is_some() {
                    return None;
                }
                let next_attr = memchr::memchr_iter(b'=', &rest.as_bytes()[..gt])
                    .filter_map(|eq| attr_name_before(text, v + eq))
                    .map(|start| start - v)
                    .find(|&start| start > 0 && rest[..start].ends_with(' '))
                    .map(|start| start - 1);
                let vend = next_attr.unwrap_or(gt);
                (Span::new(v, v + vend), v + vend)
            }
            Some(_) => {
                let len = rest.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(rest.len());
                if len == 0 {
                    return None;
                }
                let raw = &rest[..len];
                let len = if raw.ends_with('/') { len - 1 } else { len };
                url_like |= rest[..len].contains(['/', '.']);
                (Span::new(v, v + len), v + len)
            }
            None => return None,
        };
        count += 1;
        if is_wordy(name) && wordy_value.is_none() && value.slice(text).chars().any(char::is_alphabetic) {
            wordy_value = Some((value.start, value.end));
        }
        end = after;
        let tail = &text[after..line_end];
        let trimmed = tail.trim_start_matches([' ', '\t']);
        let skipped = tail.len() - trimmed.len();
        if trimmed.starts_with("/>") {
            end = after + skipped + 2;
            terminated = true;
            break;
        }
        if trimmed.starts_with('>') {
            end = after + skipped + 1;
            terminated = true;
            break;
        }
        if skipped > 0 && attr_at(text, after + skipped, line_end).is_some() {
            at = after + skipped;
            continue;
        }
        break;
    }
    let first_name = &text[start..text[start..].find('=').map_or(start, |i| start + i)];
    let single_url = count == 1 && url_like && matches!(first_name, "src" | "href" | "srcset");
    if terminated || quoted || count >= 2 || single_url {
        Some(AttrRun { end, wordy_value })
    } else {
        None
    }
}

/// True when most words of `value` also appear in the text just before `at`
/// on its line: the attribute repeats the caption printed before it.
fn duplicates_before(text: &str, at: usize, value: &str) -> bool {
    let mut from = at.saturating_sub(value.len() * 2 + 64);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..at];
    let head = head.rfind('\n').map_or(head, |i| &head[i + 1..]);
    let before: Vec<String> = words(head).collect();
    let mut total = 0;
    let mut seen = 0;
    for w in words(value).take(200) {
        total += 1;
        if before.contains(&w) {
            seen += 1;
        }
    }
    total >= 3 && seen * 10 >= total * 6
}

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
}

fn find_shortcodes(text: &str, out: &mut Vec<Item>) {
    let mut closers: Vec<(String, NextOf)> = Vec::new();
    let mut blank = NextOf::new(text.as_bytes(), b"\n\n");
    for caps in SHORTCODE.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let closing = !caps[1].is_empty();
        let name = &caps[2];
        let attrs = caps.get(3).map_or("", |a| a.as_str());
        let known = closing
            || !attrs.trim().is_empty()
            || name.contains('_')
            || SHORTCODES.contains(&name)
            || closed_later(text, m.end(), name, &mut closers, &mut blank);
        if !known {
            continue;
        }
        let wordy = parse_attrs(attrs)
            .is_some_and(|a| a.iter().any(|(n, v)| is_wordy(n) && v.chars().any(char::is_alphabetic)));
        out.push(item(
            m.start(),
            m.end(),
            !wordy,
            false,
            format!("leaked shortcode `[{}{name}]`", &caps[1]),
        ));
    }
}

/// `[b]` is a shortcode when `[/b]` follows in the same paragraph.
fn closed_later<'t>(
    text: &'t str,
    from: usize,
    name: &str,
    closers: &mut Vec<(String, NextOf<'t>)>,
    blank: &mut NextOf<'t>,
) -> bool {
    let i = match closers.iter().position(|(n, _)| n == name) {
        Some(i) => i,
        None => {
            let needle = format!("[/{name}]");
            closers.push((name.to_string(), NextOf::new(text.as_bytes(), needle.as_bytes())));
            closers.len() - 1
        }
    };
    let Some(close) = closers[i].1.within(from, from + 4000) else {
        return false;
    };
    blank.within(from, close).is_none()
}

fn find_templates(text: &str, out: &mut Vec<Item>) {
    for m in TEMPLATE.find_iter(text) {
        let inner = m.as_str().trim_matches(['{', '}', '%', '$', ' ']);
        // `{{ user_name }}` and `{{ a.b | date: "%d" }}` are code; only
        // plain words (`{{citation needed}}`) could be text a reader saw.
        let prose = m.as_str().starts_with("{{")
            && inner.contains(' ')
            && inner.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-');
        let identifier = !prose;
        out.push(item(
            m.start(),
            m.end(),
            identifier,
            false,
            format!("leaked template token `{}`", m.as_str()),
        ));
    }
}

/// `![alt](url)`, `![](url)` and `[](url)`, found from their `](`.
fn find_markdown(text: &str, out: &mut Vec<Item>) {
    let b = text.as_bytes();
    for mid in memchr::memmem::find_iter(b, b"](") {
        let from = mid.saturating_sub(300);
        let Some(open) = memchr::memrchr(b'[', &b[from..mid]).map(|i| from + i) else {
            continue;
        };
        if memchr::memchr2(b']', b'\n', &b[open + 1..mid]).is_some() {
            continue;
        }
        let Some(end) = link_target_end(b, mid + 2) else {
            continue;
        };
        let label = &text[open + 1..mid];
        let image = open > 0 && b[open - 1] == b'!';
        if !image && !label.trim().is_empty() {
            continue; // a Markdown link with text may be intended
        }
        let start = if image { open - 1 } else { open };
        let what = if image { "Markdown image" } else { "empty Markdown link" };
        out.push(item(
            start,
            end,
            !label.chars().any(char::is_alphanumeric),
            false,
            format!("leaked {what}"),
        ));
    }
}

/// The end of `url)` or `url "title")` starting at `at`, just past the `)`.
fn link_target_end(b: &[u8], at: usize) -> Option<usize> {
    let limit = b.len().min(at + 2000);
    let mut i = at;
    while i < limit && !matches!(b[i], b')' | b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    if i < limit && b[i] == b' ' {
        // an optional `"title"`
        while i < limit && b[i] == b' ' {
            i += 1;
        }
        if b.get(i) != Some(&b'"') {
            return None;
        }
        i = i + 1 + memchr::memchr2(b'"', b'\n', &b[i + 1..limit])?;
        if b[i] != b'"' {
            return None;
        }
        i += 1;
    }
    (b.get(i) == Some(&b')')).then_some(i + 1)
}

/// True when only spaces share `span`'s line.
fn fills_line(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let after = text[span.end..].trim_start_matches([' ', '\t']);
    (before.is_empty() || before.ends_with('\n')) && (after.is_empty() || after.starts_with(['\n', '\r']))
}

/// Delete `span` with the spaces that would be left doubled or dangling; a
/// block element between two words becomes a space. `prev` and `next` are
/// the characters around it once neighbouring markup is gone.
fn removal(text: &str, span: Span, block: bool, prev: Option<char>, next: Option<char>) -> Edit {
    let hspace = |c: char| c == ' ' || c == '\t';
    let prev_edge = prev.is_none_or(|c| c == '\n');
    let next_edge = next.is_none_or(|c| c == '\n' || c == '\r');
    let prev_h = prev.is_some_and(hspace);
    let next_h = next.is_some_and(hspace);
    let next_punct = next.is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '”' | '’'));
    if prev_h && (next_h || next_edge || next_punct) {
        let start = text[..span.start].trim_end_matches(hspace).len();
        if start < span.start {
            return Edit::delete(Span::new(start, span.end));
        }
    }
    if (prev_edge || prev.is_some_and(|c| matches!(c, '(' | '[' | '“'))) && next_h {
        let rest = &text[span.end..];
        let end = span.end + (rest.len() - rest.trim_start_matches(hspace).len());
        return Edit::delete(Span::new(span.start, end));
    }
    if block && !prev_edge && !next_edge && !prev_h && !next_h && !next_punct {
        return Edit::replace(span, " ");
    }
    Edit::delete(span)
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter, Settings};

    fn linter() -> Linter {
        Linter::new(&Settings {
            select: vec!["M002".into()],
            ..Settings::default()
        })
        .unwrap()
    }

    fn fix(text: &str, mode: FixMode) -> String {
        linter().fix(text, mode).unwrap().text
    }

    #[test]
    fn next_of_finds_occurrences_within_a_window() {
        let hay = b"ab-->cd-->ef";
        let mut n = super::NextOf::new(hay, b"-->");
        assert_eq!(n.within(0, 3), Some(2));
        assert_eq!(n.within(3, 6), None);
        assert_eq!(n.within(3, 8), Some(7));
        assert_eq!(n.within(8, 12), None);
        assert_eq!(n.within(0, 12), Some(2));
    }

    #[test]
    fn tag_lists_are_sorted_for_binary_search() {
        for list in [super::TAGS, super::BLOCK_TAGS, super::ATTRS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn says_when_a_leaked_alt_repeats_the_caption() {
        let found = linter()
            .check("The logo of ByteDance in Shanghai. Photo: Reuters alt=ByteDance logo in Shanghai. Photo: Reuters>");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("repeats"), "{}", found[0].message);
    }

    #[test]
    fn removes_an_alt_attribute_that_repeats_nothing_only_when_unsafe_fixes_are_on() {
        let text = "A quiet street. alt=Two men walk a dog>";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(fix(text, FixMode::Unsafe), "A quiet street.");
    }

    #[test]
    fn keeps_a_bare_attribute_like_word_without_a_tag_end() {
        assert!(linter().check("Set width=600 for the image.").is_empty());
    }

    #[test]
    fn removes_a_leaked_src_url() {
        assert_eq!(
            fix("The photo src=https://cdn.example.com/a.jpg shows it.", FixMode::Safe),
            "The photo shows it."
        );
    }

    #[test]
    fn keeps_an_image_with_alt_text_for_unsafe_mode() {
        let text = "See <img src=\"a.jpg\" alt=\"A chart\"> here.";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(fix(text, FixMode::Unsafe), "See here.");
    }

    #[test]
    fn flags_bbcode_closed_later() {
        assert_eq!(fix("It was [b]big[/b] news.", FixMode::Safe), "It was big news.");
    }

    #[test]
    fn keeps_a_glued_one_letter_type_parameter() {
        assert!(linter().check("An Option<B> value.").is_empty());
    }
}
