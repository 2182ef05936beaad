use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{named_between, ATTRS, BLOCK_TAGS, BOOLEAN_ATTRS, SHORTCODES, TAGS, WORDY_ATTRS};
use crate::prelude::*;
use crate::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::line_removal;

mod attributes;
mod markdown;
mod shortcodes;
mod tags;

use attributes::*;
use markdown::*;
use shortcodes::*;
use tags::*;

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
- shortcodes: `[ad_1]`, `[caption id=\"…\"]…[/caption]`, `[embed]`, any
  `[name]` closed later by `[/name]`, and `[snake_case]` names (none in a
  text that names BBCode or shortcodes: it shows them);
- template tokens: `{mosads}`, `{loadposition x}`, `{{ var }}`, `{% tag %}`,
  `${name}` (not one holding a backtick, which may pair with another as
  a code span, nor one glued to a path or an assignment: the variable of
  a command the text shows, `--libdir=$${prefix}/lib`; none in a text that
  names a template language or templates: `In Jinja, write {{ name }}`);
- Markdown image debris: `![](…)`, `![alt](url)`, and empty links `[](url)`.

A leaked `alt=` attribute usually repeats the photo caption printed just
before it; the message says so when most of its words do.

Left alone: a bare tag or comment named in a sentence, in quotes or after words
that name it (`the <title> element`, `and <br> breaks a line`, `“<p>”`),
which is what a page teaching HTML shows its reader (in many languages,
with or without attributes, the noun before or after the tag, hyphened or
glued: `la balise <IFRAME>`, `тегу <OPTION>`, `tagget <meta …>`, `<meta …>
etiketini`, `<html> 标签`, `an <img>tag`), a tag listed after a named one
(`между тегами <BODY> и </BODY>`, `<b> macht Text fett, <i> kursiv`), an attribute whose value is a variable
(`WHERE id='$id'`), and a tag one or two
words after `HTML`, `XHTML`, `XML` or `SGML`, in any language (`la balise
HTML <OPTION>`, `HTML 태그 <OPTION>`); a tag hyphened into a
word (`des <img>- bzw. <area>-Tags`, a `<div>-based layout`); a bare
element that does nothing without attributes (`Single <img>`, `<input>`),
since a page's leaks with its `src` or `type`; a pair of
tags around an ellipsis, an example with its inside left out (`a <a
href=\"#\"> ... </a> stub`), a value (`links of the form <a href=...>`)
or its other attributes (`alternatives like <a rel=\"noreferrer\" …>`);
an HTML file the text shows, from a `<!DOCTYPE>` that opens a line to its
`</html>` (a scrape keeps a page's body, never its doctype); a placeholder after
`=` (`LABEL=<label>`); comparisons and arrows (`a < b and c > d`, `x >=
3`, `->`, `<3`), addresses in angle brackets (`<name@example.com>`), generic types
(`List<T>`, `Map<K, V>`, code spans), names that are not HTML tags
(`<Enter>`), citation markers and editorial brackets (`[1]`, `[sic]`,
`[Reuters]`, `[…]`, `[citation needed]`), braces in code-like text (`{}`,
`{x}`), and Markdown links with text (`[text](url)`, which may be intended).
Also an element quoted whole (`pattern \"<h2>Columns</h2>\" not found`,
`html('<p class=\"black\">…</p>')`); one attribute, empty and left open
(`except for href=\"\" and src=\"\"`); attributes opening a line under a tag
left open on the line above (`<bean xmlns=\"…\"` over `class=\"…\">`);
Re:VIEW's `@<b>{…}`; and a braced token opening on a digit (`{{1 hit}}`).
Removal waits for review for a tag that closes an aside after a word
(`(ie. without </p>)`), for markup in a block that opens on markup
under a colon-ended line (`One example would be:`), for markup with
words about markup beside it on its line (`tags`, `attribute`, `HTML`,
`balise`, `标签`…), for markup between a function word and the end of a clause
(`put the navigation in <nav>.`): each teaches what it shows; and for
markup in a Markdown or reStructuredText source (`{{ message }}`, `{{< hint
>}}`, `class=\"active\"`), which is often the document's own syntax.

Fix: remove the markup, with the space beside it; a block tag (`<p>`,
`<br>`, `<li>`) between two words becomes a space so the words stay apart,
and markup alone on its line goes with the line.
- safe when no words are lost: bare tags, tags and attributes whose values
  are URLs, class names or numbers, shortcodes and template tokens of
  identifiers, empty image links. The letters removed are markup, not
  words, which is why the rule declares that it rewrites letters.
- unsafe when the markup carries words: `alt=`/`title=` text, image alt
  text, comments and templates with several words; for a bare tag or
  comment standing between two words of a sentence, or before a gloss in
  brackets (`como <br> (para los saltos)`), which may be written on
  purpose; and for what code writes the same way: `${HOME}`, and a
  `[snake_case]` name that no known shortcode opens and nothing closes
  (`[fs_types]`, `[config_file]`, `path[path_len]`); and for any markup
  in a text that shows a program elsewhere (a library's README puts
  `<script src=\"…\"></script>` and `{{ name }}` among its listings as
  examples), where an article with an embed's leaked `<script>` shows none.

Left alone: markup in a program's example, a block of code lines of which
one at least is a statement other than a tag (`<script>` around
JavaScript) or a tag indented to show its nesting (an XML listing); a
block of tags alone, flush left, is still a scrap of a page.",
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
            input: "<p>Tagesschau meldet Regen.</p> Mehr unter <b>Tags</b> im Archiv.",
            output: "Tagesschau meldet Regen. Mehr unter Tags im Archiv.",
        },
        Fixture {
            input: "The memo was short.\n<br> The board met on Monday.\n<br> It approved the plan.",
            output: "The memo was short.\nThe board met on Monday.\nIt approved the plan.",
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
            input: "Read <a href=\"https://example.com/learn\">Learn HTML</a> today.",
            output: "Read Learn HTML today.",
        },
        Fixture {
            input: "Shares rose. <!DOCTYPE html> They fell later.\n\n<!DOCTYPE html>\n<html><p>Shown.</p></html>\n\nThen <b>more</b>.",
            output: "Shares rose. They fell later.\n\n<!DOCTYPE html>\n<html><p>Shown.</p></html>\n\nThen more.",
        },
        Fixture {
            input: "Shares rose. <!-- wp:paragraph -->They fell later.",
            output: "Shares rose. They fell later.",
        },
        Fixture {
            input: "Shares rose.\n\n<div class=\"ad\">\n<p>Subscribe now</p>\n</div>\n\nThey fell later.\n",
            output: "Shares rose.\n\nSubscribe now\n\nThey fell later.\n",
        },
    ],
    keeps: &[
        "Při odkazu na kotvu by adresa měla mít podobu \"file:///C:/Dokumenty/[nazev_aktualniho_dokumentu]#nazev_kotvy\".",
        "Write @<b>{bold} in Re:VIEW to set a word in bold.",
        "The call html('<p class=\"black\">He walked home.</p>') sets the paragraph.",
        "I strip out HTML tags, except for href=\"\" and src=\"\" - there is so much in them.",
        "SITE WARNING: line 1: LinksStart pattern \"<h2>Columns</h2>\" not found in page",
        "18:19:04 Ftoc_PickMsgs {{1 hit}}\n18:19:04 Marking 1 hits\n",
        "<bean xmlns=\"http://xbean.org/schemas/spring/1.0\"\n          class=\"demo.servicemix.se.Adaptor\">\n",
        "Single <img>\n\nA figure with one image and no caption.",
        "Otherwise the text shown in the control (<OPTION>) is sent with the form.",
        "<taw> br: who is the third one?\n<br> taw: Blacky, of course.\n12:03 <F> Has anyone tried the provider?\n12:04 <A> Yes, it is called timeout now.",
        "Add the --libdir=\\$${prefix}/lib/$(DEB_HOST_MULTIARCH) argument to ./configure, or keep ${HOME}/.ssh.",
        "The page is searched for links of the form <a href=...>. Their names are matched.",
        "If you care about privacy, use alternatives like <a rel=\"noreferrer\" …> for links.",
        "[b]BBCode[/b] is a simple [i]markup language[/i] used in forums.",
        "Hvis du bruger tagget <meta name=\"referrer\" content=\"no-referrer\"> eller headeren, så fjern dem.",
        "Əgər <meta name=\"referrer\" content=\"no-referrer\"> etiketini işlədirsinizsə, lütfən silin.",
        "Sayfa <html> etiketi ile başlar; 页面以 <html> 标签开头。",
        "If a < b and c > d, then x >= 3 -> done <3",
        "Ces entrées correspondent à la balise HTML <OPTION> du formulaire.",
        "Le voci inserite corrispondono al tag HTML <OPTION VALUE=...>.",
        "데이터 탭의 목록 항목은 HTML 태그 <OPTION>에 해당합니다.",
        "Choose sizes for the HTML <font size=1> to <font size=7> tags.",
        "Le contenu du cadre flottant est lié par la balise <IFRAME> du document.",
        "Элемент списка соответствует тегу <OPTION> в документе.",
        "Bookmarks:\n\n<xbel>\n   <bookmark href=\"ftp://ftp.gnome.org/\">\n      <title>GNOME FTP</title>\n   </bookmark>\n</xbel>\n",
        "Example:\n\n<script>\nconst converter = OpenCC.Converter({ from: 'cn', to: 'tw' });\nconsole.log(converter('汉语'));\n</script>\n",
        "Write to <name@example.com> or press <Enter>.",
        "Use LABEL=<label> or UUID=<uuid> instead of the device name.",
        "A List<T> or Map<K, V> in Java, and `Vec<String>` in Rust.",
        "He said [sic] that [1] the deal [Reuters] was […] done [citation needed].",
        "An empty set {} or {x} in maths, and a [link](https://example.com).",
        "The user id=5 was set, and x=3.",
        "Put the <title> element in the head, and <br> breaks a line; “<p>” opens one.",
        "For standards mode use “<!DOCTYPE html>”, or in German „<!DOCTYPE html>“.",
        "Pour le mode standard, utilisez «\u{a0}<!DOCTYPE html>\u{a0}».",
        "El atributo \"coords\" del tag <area shape=\"rect\"> no tiene el formato correcto.",
        "تُقبل القيمة ”<!DOCTYPE html>“ فقط.",
        "Das HTML-Element <b> macht Text fett, <i> kursiv.",
        "Parameter: \"$PARAMETER\" or \"${PARAMETER}\"",
        "In Jinja, write {{ name }} to print a variable and {% if x %} to test one.",
        "Let's create the HTML test file for it:\n\n<!DOCTYPE html>\n\n<html>\n\n<head>\n\n  <meta charset=\"utf-8\">\n\n  <title>Test</title>\n\n</head>\n\n<body>\n\n  <script src=\"vendor/mocha.js\"></script>\n\n</body>\n\n</html>\n\nThen open it in a browser.",
        "Lors du rendu de l’élément <html>, les valeurs sont lues du prvku <source> ici.",
        "It finds the date in the page's header:\n>>> find_date(page)\n'# DEBUG analyzing: <h2 class=\"date-header\"><span>Friday, December 23, 2016</span></h2>'\n'2016-12-23'\n",
        "For example, if the RE <.*> is matched against '<a> b <c>', it will match the entire string.",
        "A rule reads <expr> ::= <term> | <expr> <b>.",
        "Add \"<base href=\"url\">\" to the page, write (\\x<Code>) for a byte, and use --src address[/mask].",
        "Sie werden Teil des <img>- bzw. <area>-Tags, und der Filter setzt <a href=\"#\"> ... </a> ein.",
    ],
};

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
        let mut named: Vec<Span> = Vec::new();
        if bytes.contains(b'<') && bytes.contains(b'>') {
            find_tags(text, &mut items, &mut named);
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
        if bytes.contains(b'{') && bytes.contains(b'}') && may_hold_template(text) {
            find_templates(text, &mut items);
        }
        if items.is_empty() {
            return;
        }
        items.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
        if !named.is_empty() {
            // Both lists are in text order now: one merge, not a search per item.
            let mut k = 0;
            items.retain(|i| {
                while named.get(k).is_some_and(|n| n.end <= i.span.start) {
                    k += 1;
                }
                !named
                    .get(k)
                    .is_some_and(|n| n.start <= i.span.start && i.span.end <= n.end)
            });
        }
        // Drop pieces inside others (`alt=` inside its tag).
        let mut kept: Vec<Item> = Vec::with_capacity(items.len());
        for item in items {
            if kept.last().is_some_and(|k| k.span.end > item.span.start) {
                continue;
            }
            kept.push(item);
        }
        let groups = group_adjacent(text, kept);
        // `<HTML><HEAD>…`: a text holding a whole page (an e-mail's HTML
        // part, a page shown in a joke) shows its markup; a scrap of a page
        // leaks tags into prose, not a page's skeleton.
        // Searched once, and only when a safe removal asks.
        let page = std::cell::OnceCell::new();
        let page = || {
            *page.get_or_init(|| {
                ["<html", "<HTML", "<!DOCTYPE", "<!doctype"]
                    .iter()
                    .any(|p| memchr::memmem::find(text.as_bytes(), p.as_bytes()).is_some())
            })
        };
        for (i, group) in groups.iter().enumerate() {
            // Markup in a program's example is the program's; `<br> hi`
            // opening a line of a chat's log is a speaker's nick.
            if doc.in_program(group.span.start) || chat_nick(doc, group.span) {
                continue;
            }
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
            let whole_line = fills_line(text, group.span) && line == doc.line_index(group.span.end);
            let edit = if whole_line {
                // Markup alone on its line goes with the line, keeping the
                // blank lines between paragraphs as they were.
                Edit::delete(line_removal(doc, line))
            } else {
                removal(text, group.span, group.block, prev, next)
            };
            // Where the text shows a program elsewhere, markup outside it
            // may be an example too (`<script src="…"></script>` in a
            // library's README), so its removal waits for review.
            // `add this line to your HTML file:` above the line the markup
            // fills or opens announces it: an example shown, not a page's
            // leftover.
            let lines = doc.lines();
            let announces = |l: usize| {
                lines[..l]
                    .iter()
                    .rev()
                    .take(3)
                    .map(|l| l.slice(text).trim_end())
                    .find(|l| !l.is_empty())
                    .is_some_and(|l| l.ends_with(':'))
            };
            let opens_line = text[..group.span.start].trim_end_matches([' ', '\t']).ends_with('\n');
            // `<b onMouseOver="…">life` over `has made her bolder</b>`: an
            // example opening on markup runs on to its block's end.
            let first = (line.saturating_sub(EXAMPLE_LINES)..line)
                .rev()
                .take_while(|&l| !lines[l].slice(text).trim().is_empty())
                .last()
                .unwrap_or(line);
            let example = first < line && lines[first].slice(text).trim_start().starts_with('<') && announces(first);
            let announced = ((whole_line || opens_line) && announces(line)) || example;
            // `the class="compact" setting … <p> tags`: words about markup
            // beside it show it is taught, not leaked.
            // `put the navigation in <nav>.`: markup after a function word
            // that ends the sentence is what the sentence names; removed, it
            // would leave `in.`.
            let (word, after) = crate::lexicon::words_around(text, group.span.start, group.span.end);
            let object = after.is_empty()
                && text[group.span.end..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with(['.', ',', ';', ':', '!', '?', ')'])
                && crate::lang::is_function_word(word);
            // `{{ message }}`, `{{< hint >}}`, `class="active"` in a Markdown
            // or reStructuredText source: the document's own syntax, often.
            // `outside the {module} in which`: a braced word after an
            // article or a preposition is a word of the sentence, a
            // cross-reference's, and removing it breaks the sentence.
            let referred = text.as_bytes()[group.span.start] == b'{' && crate::lang::is_function_word(word);
            // `followed by the parties <div>, the court <p> and the docket
            // <p>`: a bare opening tag set apart and listed names an element.
            let tag = group.span.slice(text);
            let rest = text[group.span.end..].trim_start_matches([' ', '\t']);
            let listed = tag.starts_with('<')
                && !tag.starts_with("</")
                && !tag[1..].contains([' ', '<', '='])
                && text[..group.span.start].ends_with(' ')
                && (text[group.span.end..].starts_with([',', ';', ':', '.', ')'])
                    || rest.starts_with("and ")
                    || rest.starts_with("or "));
            let taught = group.safe
                && (object
                    || referred
                    || listed
                    || doc.is_marked_up()
                    || names_markup_near(text, group.span)
                    || page());
            let fix = if group.safe && !doc.holds_program() && !announced && !taught {
                Fix::safe_edit("remove the markup", edit)
            } else if taught {
                Fix::unsafe_edit("remove the markup; the text may be naming it, as an example", edit)
            } else if group.safe && announced {
                Fix::unsafe_edit(
                    "remove the markup; the line above announces it, so it may be an example",
                    edit,
                )
            } else if group.safe {
                Fix::unsafe_edit("remove the markup; the text shows code, so it may be an example", edit)
            } else {
                Fix::unsafe_edit("remove the markup and the words it carries", edit)
            };
            out.push(Diagnostic::new(&META, group.span, group.message.clone()).with_fix(fix));
        }
    }
}

/// How far around markup words about markup are looked for.
const LESSON_REACH: usize = 40;

/// True when words about markup (`tags`, `attribute`, `HTML`) stand on the
/// line near `span`, outside any tag: the text writes about what it shows.
/// Only nearby words count: a long article's `best-seller tag` says nothing
/// of a leaked `<strong>` three sentences away.
fn names_markup_near(text: &str, span: Span) -> bool {
    let (lo, hi) = crate::text::line_reach(text.as_bytes(), span.start, span.end, LESSON_REACH);
    let (lo, hi) = (ceil_char_boundary(text, lo), floor_char_boundary(text, hi));
    [&text[lo..span.start], &text[span.end..hi]].iter().any(|side| {
        let mut pieces = side.split('<');
        // A window that opens inside a tag (`rel="tag">`) starts after it.
        let first = pieces
            .next()
            .map_or("", |f| f.rsplit_once('>').map_or(f, |(_, out)| out));
        std::iter::once(first)
            .chain(pieces.map(|p| p.split_once('>').map_or("", |(_, out)| out)))
            .any(speaks_of_markup)
    })
}

/// Words a text about markup uses, in several languages. Not `tag` or
/// `element` alone: news writes `price tag` and `an element of`.
const MARKUP_WORDS: &[&str] = &[
    "atributo",
    "atributos",
    "attribut",
    "attribute",
    "attributes",
    "attributs",
    "balise",
    "balises",
    "css",
    "elemente",
    "elements",
    "etiqueta",
    "etiquetas",
    "html",
    "markup",
    "tags",
    "xhtml",
    "xml",
];

/// True when `s` holds a word about markup. Read word by word, not with a
/// regex: a case-blind Unicode pattern costs more to build than the
/// paragraphs it would read.
fn speaks_of_markup(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric()).any(|w| {
        MARKUP_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w))
            || ["тег", "Тег", "атрибут", "Атрибут"]
                .iter()
                .any(|stem| w.starts_with(stem))
    }) || ["标签", "タグ", "태그"].iter().any(|m| s.contains(m))
}

/// How many lines above markup an example that opens on markup is traced.
const EXAMPLE_LINES: usize = 10;

/// Whether `span` is a nick opening a line of a chat's log: `<name>` and a
/// space, after at most a time (`12:03 <argv> hi`), on a line next to
/// another that opens so, one of the two with a name no tag has (`<br>
/// hi` over `<br> there` may be a page's breaks).
fn chat_nick(doc: &Document, span: Span) -> bool {
    let (text, lines) = (doc.text(), doc.lines());
    let time = |c: u8| c.is_ascii_digit() || matches!(c, b':' | b'[' | b']' | b' ');
    // Bounded looks: a time is short, and so is a nick, so a long line
    // costs no more than a short one.
    let nick_of = |line: Span| {
        let l = line.slice(text).as_bytes();
        let lead = l.iter().take(16).take_while(|&&c| time(c)).count();
        let r = l[lead..].strip_prefix(b"<")?;
        let end = r.iter().take(26).position(|&c| c == b'>')?;
        let nick = std::str::from_utf8(&r[..end]).ok()?;
        ((1..=24).contains(&nick.len()) && !nick.contains([' ', '<', '=', '/']) && r[end + 1..].starts_with(b" "))
            .then_some(nick)
    };
    let li = doc.line_index(span.start);
    let Some(&line) = lines.get(li) else {
        return false;
    };
    let head = &text.as_bytes()[line.start..span.start];
    if head.len() > 16 || !head.iter().all(|&c| time(c)) {
        return false;
    }
    let Some(own) = nick_of(line) else {
        return false;
    };
    [li.checked_sub(1), Some(li + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| lines.get(i))
        .filter_map(|&l| nick_of(l))
        .any(|other| !TAGS.contains(own) || !TAGS.contains(other))
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

fn item(start: usize, end: usize, safe: bool, block: bool, message: String) -> Item {
    Item {
        span: Span::new(start, end),
        safe,
        block,
        message,
    }
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
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    fn fix(text: &str, mode: FixMode) -> String {
        linter().fix(text, mode).unwrap().text
    }

    #[test]
    fn what_code_writes_like_markup_is_left_to_a_person() {
        let text = "Keys live in ${HOME}/.ssh; edit the [fs_types] section, or path[path_len].";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(fix("[ad_1]\nText.", FixMode::Safe), "Text.");
    }

    #[test]
    fn a_braced_word_after_an_article_waits_for_review() {
        let text = "It hides details so they can change outside the {module} in which it is defined.";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(
            fix("Hello {{ user_name }}, see the chart below.", FixMode::Safe),
            "Hello, see the chart below."
        );
    }

    #[test]
    fn a_whole_page_is_shown_and_its_markup_waits_for_review() {
        let page =
            "<HTML>\n<HEAD>\n<TITLE>Fortune</TITLE>\n</HEAD>\n<BODY>\n<B>Do you know HTML too?</B>\n</BODY>\n</HTML>\n";
        assert_eq!(fix(page, FixMode::Safe), page);
        assert!(!fix(page, FixMode::Unsafe).contains("<B>"));
        assert_eq!(fix("Shares <b>rose</b>.\n", FixMode::Safe), "Shares rose.\n");
    }

    #[test]
    fn markup_in_a_text_that_shows_a_program_waits_for_review() {
        let readme = "Load it in a page:\n\n<script src=\"https://cdn.example.com/lib.min.js\"></script>\n\n\
                      Then call it:\n\nconst x = lib.parse(text);\nconsole.log(x);\n";
        assert_eq!(fix(readme, FixMode::Safe), readme);
        assert!(!fix(readme, FixMode::Unsafe).contains("<script"));
        // The same line in an article with no program goes unattended.
        let article =
            "Shares rose.\n\n<script src=\"https://platform.example.com/widgets.js\"></script>\n\nThey fell.\n";
        assert_eq!(fix(article, FixMode::Safe), "Shares rose.\n\nThey fell.\n");
        // A line the text announces with a colon is shown, whatever else it holds.
        let shown =
            "Just add this simple line to your HTML test file:\n\n<script src=\"vendor/blanket.js\"></script>\n";
        assert_eq!(fix(shown, FixMode::Safe), shown);
        assert!(!fix(shown, FixMode::Unsafe).contains("<script"));
    }

    #[test]
    fn a_listed_tag_names_an_element_and_waits_for_review() {
        let text = "It is followed by the parties <div>, the court <p> and the docket <p>.";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(
            fix("The court ruled.<p>The parties agreed.", FixMode::Safe),
            "The court ruled. The parties agreed."
        );
    }

    #[test]
    fn a_tag_before_a_gloss_waits_for_review() {
        let text = "Algunas aparecen una sola vez, como <br> (para los saltos de renglón).";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(
            fix(text, FixMode::Unsafe),
            "Algunas aparecen una sola vez, como (para los saltos de renglón)."
        );
    }

    #[test]
    fn an_announced_example_opening_on_markup_waits_for_review_to_its_end() {
        let text = "One example of an attack would be:\n\n<b onMouseOver=\"go()\">life\nhas made her bolder now</b>\n\nThe reader is redirected.\n";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert!(!fix(text, FixMode::Unsafe).contains("</b>"));
        // Unannounced, a closing tag under a line of prose still goes.
        assert_eq!(
            fix("Shares rose.\nThe firm said so.</p>\n", FixMode::Safe),
            "Shares rose.\nThe firm said so.\n"
        );
    }

    #[test]
    fn a_tag_closing_an_aside_after_a_word_waits_for_review() {
        let text = "Some mailers use <p> just like <br> (ie. without </p>), which is obsolete.";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert!(!fix(text, FixMode::Unsafe).contains("</p>"));
    }

    #[test]
    fn markup_in_a_paragraph_about_markup_waits_for_review() {
        for text in [
            "Semantic HTML helps: put the navigation in <nav>. Screen readers use it.",
            "However, the class=\"compact\" attribute will cause all first paragraph's <p> tags to be omitted.",
            "Newer sites wrap the article in <article> and put the navigation in <nav>.",
        ] {
            assert_eq!(fix(text, FixMode::Safe), text);
            assert_ne!(fix(text, FixMode::Unsafe), text);
        }
        // Debris in a paragraph that names no markup is still removed.
        assert_eq!(
            fix("The council met on <b>Tuesday</b> to vote.", FixMode::Safe),
            "The council met on Tuesday to vote."
        );
    }

    #[test]
    fn a_comment_shown_among_words_waits_for_review() {
        let text = "An XML comment looks like <!-- comment --> in the source.";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert!(linter().check("Put a \"<!-- note -->\" there.").is_empty());
        assert_eq!(
            fix("Shares rose. <!-- ad -->They fell.", FixMode::Safe),
            "Shares rose. They fell."
        );
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
