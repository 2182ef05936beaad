use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::lang::SPACED_EUROPEAN;
use crate::lexicon::{ARTICLES, REPORTING_WORDS, SUBJECT_PRONOUNS};
use crate::prelude::*;
use crate::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::chars::is_unspaced_letter;
use crate::text::{is_identifier_like, trailing_letters};

pub struct MissingSpaceAfterPunctuation;

static META: RuleMeta = RuleMeta {
    code: "W002",
    name: "missing-space-after-punctuation",
    family: Family::Whitespace,
    summary: "No space between a sentence's final mark and the next sentence, or after a comma",
    docs: "\
Flags a sentence that runs into the next one without a space,
`in October 2024.This represents`, `said.“But`, `What?The`, and a comma or
semicolon glued to the next word of prose, `However,the company`.

Machine translation and scrapers that join text nodes drop the space that
sat between two sentences or after a comma.

A period only counts when a capitalised word (`This`, `Analysts`) follows
it, so `3.5`, `01.AI`, `U.S.`, `e.g.`, `a.m.`, `Ph.D.`, `i.e.,`, `Node.js`
and `example.com` never match. Also left alone: tokens that look like code,
paths, URLs or e-mail addresses (anything holding `/`, `@`, `_`, `=`, `\\`,
`://` or starting `www.`), domain and file names with a capitalised suffix
(`Amazon.Com`, `ASP.Net`, `Report.Pdf`, `Q3.Results.xlsx`), words mixing
letters and digits (`Web3.Storage`), identifiers (`Console.WriteLine`,
`myVar.Length`), and (for review only) a word glued by a period to a
capitalised one in a text that shows a program elsewhere or in a Markdown
or reStructuredText source (`typing.Self`, `window.Array`), brands and names written with periods (`Think.Eat.Save`,
and `Pop.Up` or `i.Con` when they recur in the text or begin a longer
dotted name in it, as `System.Web` does `System.Web.UI`), an address's
name spelled out against spam (`John.Roe at example.com`), qualified names whose
capitalised namespace the text glues to two different names or more, and
in half its uses (`Gtk.Button` and `Gtk.Window`), a `?` or `!` that does
not follow a word (`choice,\"?Sen.`: a character lost in a charset
conversion), a straight `\"` after the mark in a paragraph whose straight
quotes do not pair up and that follows another straight quote or a word
that introduces a quotation (`He said.\"This`): it may open the next
quotation or close this one. Where they pair, an odd one opens and the
space goes before it, an even one closes and the space goes after it
(`reporters.\"The` → `reporters. \"The`); two glued quotes close then open
(`\"My Hero.\"\"It's`), an ellipsis that opens a quotation (`\"...The`),
and colons (`10:30`, `Photo:Reuters`).
A comma or semicolon counts only between two words of two or more letters
(or a number and a word), once per token: `1,000`, `x,y`, `a,b,c`,
`tech,ai,news`, HTML entities (`&amp;then`), a record's fields
(`group1:x:20:user1,user2`), an option's values, even wrapped to the
next line (`mount -o remount,rw`, `--state\nESTABLISHED,RELATED`), a value in
quotes (`\"GET,PUT\"`, `“apt,itude”`), a figure (`HK$xx,xxx`), dotted
selectors (`auth.notice;mail.info`, `auth,mail.info`), a name of letters and
digits on either side (`(hd0,msdos1)`, `(HP-Ireland,ex2)`), capitals on both
sides (`HAMILTON,DAVID`), the arguments of a call or the
items of an index glued to its name (`max(a,b)`, `httpx[socks,http2]`)
an acronym's parts (`TL;DR`, `tl;dr`), and any glued comma on a line of code or of
a program's log (`debug1: … publickey,password`) are left alone.

Fix (safe): insert one space after the mark and any closing quote.
Unsafe where a lone straight quote glued after a sentence is the first in
its paragraph: it most likely closes a quotation opened in an earlier
paragraph (`without China.\"Roach, who…` → `China.\" Roach`), but it could
open one that runs on. Unsafe too where an ellipsis joins a capitalised word
inside a sentence, or on a short line of its own, to a capitalised word
that is no pronoun or article (`the statement Do…Loop`, `If...Then...Else`,
a title's `Christmas...Again?!`), and where a `!` glues two capitalised
words opening such a line (`Pop!Tech 2002`): it may join a construct's
names, a title's words or a brand's. And unsafe where an acronym is glued
to a capitalised word that opens no sentence (`OS.File`): it may be a qualified name;
and where two capitalised words of up to four letters are (`One.Tel`): it
may be a company's name, met once.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies {
        languages: &Lang::ALL,
        scripts: SPACED_EUROPEAN,
        note: "a glued comma or sentence is judged in a language whose conventions detritus knows",
        prose_only: true,
    },
    flags: &[
        Fixture {
            input: "in October 2024.This represents a shift.",
            output: "in October 2024. This represents a shift.",
        },
        Fixture {
            input: "They met in Paris.Then they left for Rome.Later they flew home.",
            output: "They met in Paris. Then they left for Rome. Later they flew home.",
        },
        Fixture {
            input: "domestic customers.Analysts were less sure.",
            output: "domestic customers. Analysts were less sure.",
        },
        Fixture {
            input: "It ended.”Then we left. Why?Nobody knows!Really.",
            output: "It ended.” Then we left. Why? Nobody knows! Really.",
        },
        Fixture {
            input: "However,the company said cost;speed mattered in 2023,too.",
            output: "However, the company said cost; speed mattered in 2023, too.",
        },
        Fixture {
            input: "The firm said.“But we will see.”",
            output: "The firm said. “But we will see.”",
        },
        Fixture {
            input: "It will not happen without China.\"Roach, who grew up in Ohio, said \"My Hero.\"\"It's easy.\"",
            output: "It will not happen without China.\" Roach, who grew up in Ohio, said \"My Hero.\" \"It's easy.\"",
        },
        Fixture {
            input: "He told reporters.\"The plan is dead.\" \"We will go on,\" he said.\"Prices rose.\"",
            output: "He told reporters. \"The plan is dead.\" \"We will go on,\" he said. \"Prices rose.\"",
        },
    ],
    keeps: &[
        "A test is a GUI test if it creates a\ntkinter.Tk root or master object, and PyQt5.Qt too.\n",
        "Commonwealth v. Bauer, 604 A.2d 1098 (Pa.Super. 1992); Lissner v. Test, 1 U.S. 12 (Fed.Appx. 1982); 12 U.S.Law.Ed. 45.",
        "The package is shown as [installed,automatic] and the set as {read,write}.",
        "debug1: got SSH2_MSG_SERVICE_ACCEPT\ndebug1: authentications that can continue: publickey,password\ndebug1: next auth method to try is publickey\n",
        "My current salary is HK$xx,xxx and I think I am worth more than that.",
        "Several subsystems can be grouped by a comma (example: auth,mail.info) in one line.",
        "It will search for the string “apt,itude” in the Name field of the packages.",
        "On Mon, Sep 02, 2002 at 03:22:54PM +0100, HAMILTON,DAVID (HP-Ireland,ex2) wrote:",
        "TL;DR? Install the extras with pip install \"python-telegram-bot[socks,webhooks]\" and read on.",
        "tl;dr: docutils converts reStructuredText to multiple output formats, and Sphinx builds on it.",
        "The i.Con tracks speed, and e.On sells power.",
        "Joe Manchin (D-W.Va.) said he was open to it.",
        "The U.S. economy grew 3.5 per cent, e.g. in Node.js and example.com jobs.",
        "The line reads group1:x:20:user1,user2, then run mount -o remount,rw /dev/foo to apply it.",
        "The header lists \"PUT\" if supported for PUT requests, and \"GET,PUT\" if supported for both.",
        "The selector is a list of pairs (example: auth.notice;mail.info), and GRUB names it (hd0,msdos1) here.",
        "01.AI released Yi-34B at 10:30 a.m., i.e., before Ph.D. students woke.",
        "See https://example.com/News.Today or www.Example.Com/Foo.Bar today.",
        "Open Report.Pdf, then visit Amazon.Com or ASP.Net and call Console.WriteLine.",
        "The file Q3.Results.xlsx leaked, then Report.Final.pdf and Web3.Storage did.",
        "It sold 1,000 units, tags were tech,ai,news and x,y were set.",
        "Tom &amp;Jerry and R&amp;D;Then",
        "Write to John.Smith@example.com or use IMG_1234.Jpg now.",
        "He said.\"This",
        "Photo:Reuters and 1,2-dichloroethane.",
        "Use the following layout for each entry:\n\nTerm;Alternative entry;1st key;2nd key;Match case;Whole words only",
        "The Pop.Up is a capsule. Pop.Up will fly. The Think.Eat.Save plan.",
        "The handler gets the Gtk.Button that was clicked, inside a Gtk.Window of its own.",
        "You will need the classes in System.Web and System.Web.UI for that.",
        "Patches by John Roe (John.Roe at example.com) were merged.",
        "The rule is iptables -A FORWARD -m state --state\nESTABLISHED,RELATED -j ACCEPT and no more.",
        "a worse choice,\"?Sen. Warren said. He left. \"?In Tunisia",
        "现在,我们说 Class,不是很准确.现在,可以这样 and so on.",
    ],
};

static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?…]+[”’)\]]*[“‘]?\p{Lu}\p{Ll}|[,;][“‘]?\p{L}\p{L}").expect("pattern compiles"));

/// Capitalised words after a period that name a domain or a file type, not
/// a new sentence (`Amazon.Com`, `ASP.Net`, `Report.Pdf`).
/// The most bytes a title's line runs on after an ellipsis's second word.
const TITLE_TAIL: usize = 24;

const NAME_SUFFIXES: &[&str] = &[
    "ai", "app", "biz", "cn", "co", "com", "css", "de", "dev", "doc", "docx", "edu", "exe", "fm", "fr", "gif", "gov",
    "htm", "html", "info", "io", "jp", "jpeg", "jpg", "js", "json", "md", "me", "mp3", "mp4", "net", "org", "pdf",
    "png", "ppt", "pptx", "py", "rs", "ru", "ts", "tv", "txt", "uk", "xls", "xlsx", "xml", "zip",
];

/// Bytes that make a token code, a path, a URL or an address, not prose.
fn is_code_byte(b: u8) -> bool {
    matches!(
        b,
        b'/' | b'\\' | b'@' | b'_' | b'=' | b'<' | b'>' | b'{' | b'}' | b'|' | b'#' | b'~' | b'^'
    )
}

/// The whitespace-delimited token around `[start, end)`, looking at most
/// 64 bytes either way so one huge token costs no more than a short one.
fn token_around(text: &str, start: usize, end: usize) -> Span {
    let b = text.as_bytes();
    let lo = start.saturating_sub(64);
    let from = (lo..start)
        .rev()
        .find(|&i| b[i].is_ascii_whitespace())
        .map_or(lo, |i| i + 1);
    let hi = (end + 64).min(b.len());
    let to = (end..hi).find(|&i| b[i].is_ascii_whitespace()).unwrap_or(hi);
    Span::new(ceil_char_boundary(text, from), floor_char_boundary(text, to))
}

fn looks_like_code(token: &str) -> bool {
    token.bytes().any(is_code_byte)
        || token.contains("://")
        || token.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."))
}

/// The run of letters starting at `at`.
fn letters_from(text: &str, at: usize) -> &str {
    let s = &text[at..];
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

/// The run of letters and digits ending at `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take(64)
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i);
    &head[start..]
}

/// A period, `?` or `!` glued to the next sentence, and the name-like
/// key (`Pop.Up`) to count repeats of.
struct Candidate<'t> {
    diag: Diagnostic,
    key: &'t str,
    /// The word before the mark could start a name: capitalised or tiny (`i.Con`).
    name_like: bool,
    /// The word before the mark (`Gtk` of `Gtk.Button`).
    prefix: &'t str,
    /// A period between two words, the shape of a qualified name (`typing.Self`).
    dotted: bool,
}

/// `John.Roe at example.com`: the words after an address's name part when
/// the address is spelled out against spam harvesters.
fn spells_out_domain(rest: &str) -> bool {
    let Some(rest) = [" at ", " (at) ", " [at] "].iter().find_map(|at| rest.strip_prefix(at)) else {
        return false;
    };
    let host = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>' | ','))
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    host.split('.').count() >= 2
        && host
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// `chains` gathers the pairs seen inside longer dotted names
/// (`System.Web` of `System.Web.UI`), which name the same thing alone.
fn check_sentence_end<'t>(text: &'t str, m: regex::Match, chains: &mut HashSet<&'t str>) -> Option<Candidate<'t>> {
    let s = m.as_str();
    let prev = text[..m.start()].chars().next_back()?;
    let terminal = s.as_bytes()[0];
    // `,"?Sen` holds a `?` standing in for a character lost in a charset
    // conversion; a real `?` or `!` follows a word.
    let ok_prev = if matches!(terminal, b'?' | b'!') {
        prev.is_alphanumeric() || prev == ')'
    } else {
        prev.is_alphanumeric() || matches!(prev, '”' | '’' | ')' | ']' | '"')
    };
    // A straight quote after a space opens what the marks begin: `"...The`.
    let opening_quote = prev == '"' && {
        let head = &text[..m.start() - 1];
        head.chars().next_back().is_none_or(char::is_whitespace)
    };
    if !ok_prev || opening_quote {
        return None;
    }
    // Where the space goes: after the marks and closing quotes.
    let gap = m.start()
        + s.find(|c: char| !matches!(c, '.' | '!' | '?' | '…' | '”' | '’' | ')' | ']'))
            .unwrap_or(s.len());
    let word_at = gap + s[gap - m.start()..].find(char::is_alphabetic).unwrap_or(0);
    let next_word = letters_from(text, word_at);
    if is_identifier_like(next_word) || NAME_SUFFIXES.iter().any(|n| n.eq_ignore_ascii_case(next_word)) {
        return None;
    }
    let before = word_before(text, m.start());
    if is_identifier_like(before) {
        return None;
    }
    // A lone letter before the period is an initial, an abbreviation's
    // first part (`W.Va.`, `N.Dak.`) or a brand's (`i.Con`, `e.On`), not the
    // end of a sentence. `U.S.The` still gets its space: there the letter
    // ends the abbreviation.
    let mut letters = before.chars();
    let first_part = !text[..m.start() - before.len()].ends_with('.');
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_alphabetic());
    if terminal == b'.' && initial && first_part {
        return None;
    }
    // `C.H.Beck`, `O.L.Vrouwekerk`: initials glued to the name they go on
    // with; a sentence after them opens on a function word (`U.S.The`).
    if terminal == b'.'
        && initial
        && next_word.starts_with(char::is_uppercase)
        && !crate::lang::is_function_word(next_word)
    {
        return None;
    }
    // `Pa.Super.`, `Fed.Appx.`, `Law.Ed.`: a court's or a reporter's
    // abbreviations closed up, as citations write them; a glued sentence
    // goes on past its first word.
    let after_next = &text[word_at + next_word.len()..];
    if terminal == b'.'
        && before.starts_with(char::is_uppercase)
        && (2..=6).contains(&before.chars().count())
        && (2..=7).contains(&next_word.chars().count())
        && after_next
            .strip_prefix('.')
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    {
        return None;
    }
    // `Web3.Storage`, `Q3.Results`: a word mixing letters and digits names
    // a product or a period, and the name may go on.
    if terminal == b'.' && before.chars().any(char::is_alphabetic) && before.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let key = &text[m.start() - before.len()..word_at + next_word.len()];
    let token_span = token_around(text, m.start(), m.end());
    let token = token_span.slice(text);
    if is_dotted_name(token) {
        chains.insert(key);
        return None;
    }
    if looks_like_code(token)
        || ends_with_file_suffix(token)
        || (terminal == b'.' && spells_out_domain(&text[word_at + next_word.len()..]))
    {
        return None;
    }
    let mark = &text[m.start()..gap];
    // `Do…Loop`, `If...Then...Else`: an ellipsis between two capitalised
    // words may join a construct's names; a sentence trailing off ends
    // more often on a lowercase word.
    // `Well...This` opens a sentence on its capital; `Then` of
    // `If...Then...Else` goes on a chain.
    let lead = &text[..m.start() - before.len()];
    let mid_sentence = lead
        .trim_end_matches(' ')
        .ends_with(|c: char| c.is_alphanumeric() || c == ',')
        || lead.ends_with('…')
        || lead.ends_with("...");
    // A pronoun or an article after it opens a sentence (`Committee...He`).
    let opens_sentence = [&ARTICLES, &SUBJECT_PRONOUNS]
        .iter()
        .any(|list| list.contains(next_word))
        || matches!(next_word, "This" | "These" | "Those" | "There");
    // `Christmas...Again?!` alone on its line is a title's wording.
    let rest = &text.as_bytes()[word_at + next_word.len()..];
    let title = (lead.is_empty() || lead.ends_with('\n'))
        && memchr::memchr(b'\n', &rest[..rest.len().min(TITLE_TAIL + 1)]).unwrap_or(rest.len()) <= TITLE_TAIL;
    // `Pop!Tech 2002` opening its line is a brand's name.
    let ellipsis = mark == "…" || mark.starts_with("..");
    let construct = ((ellipsis && (mid_sentence || title)) || (mark == "!" && title))
        && before.starts_with(char::is_uppercase)
        && !opens_sentence;
    // `OS.File`, `UI.Button`: an acronym glued to a capitalised word that
    // opens no sentence may be a qualified name.
    let acronym = terminal == b'.'
        && (2..=4).contains(&before.len())
        && before.bytes().all(|c| c.is_ascii_uppercase())
        && !crate::lang::is_function_word(next_word);
    // `One.Tel`, `Ask.Fm`: two short capitalised words glued by a period
    // may be a company's name, met once.
    let short_pair = terminal == b'.'
        && (2..=4).contains(&before.chars().count())
        && before.starts_with(char::is_uppercase)
        && (2..=4).contains(&next_word.chars().count())
        && next_word.starts_with(char::is_uppercase)
        && !opens_sentence
        && !crate::lang::is_function_word(next_word)
        && !crate::lexicon::SENTENCE_STARTERS.contains(next_word)
        && !matches!(next_word, "All" | "Some" | "Many" | "Most" | "Each")
        && !crate::lexicon::TITLES.contains(before);
    // `tkinter.Tk`, `PyQt5.Qt`: a word of no vowel opens no sentence (but
    // `Mr`, `Dr`, `St` written without their period do).
    let vowelless = (1..=4).contains(&next_word.len())
        && next_word
            .bytes()
            .all(|c| c.is_ascii_alphabetic() && !b"aeiouyAEIOUY".contains(&c))
        && !crate::lexicon::TITLES.contains(next_word);
    if terminal == b'.' && !before.is_empty() && vowelless {
        return None;
    }
    let fix = if construct {
        Fix::unsafe_edit(
            "insert a space; an ellipsis between capitalised words may join a construct's names",
            Edit::insert(gap, " "),
        )
    } else if acronym {
        Fix::unsafe_edit(
            "insert a space; an acronym glued to a name may be a qualified name",
            Edit::insert(gap, " "),
        )
    } else if short_pair {
        Fix::unsafe_edit(
            "insert a space; two short words glued by a period may be a name",
            Edit::insert(gap, " "),
        )
    } else {
        Fix::safe_edit("insert a space", Edit::insert(gap, " "))
    };
    let diag = Diagnostic::new(&META, Span::new(m.start(), word_at), message(mark)).with_fix(fix);
    Some(Candidate {
        diag,
        key,
        prefix: before,
        dotted: terminal == b'.' && !before.is_empty(),
        name_like: terminal == b'.'
            && (before.chars().next().is_some_and(char::is_uppercase) || before.chars().nth(2).is_none()),
    })
}

fn message(mark: &str) -> std::borrow::Cow<'static, str> {
    match mark {
        "." => "no space after `.`".into(),
        "," => "no space after `,`".into(),
        ";" => "no space after `;`".into(),
        "?" => "no space after `?`".into(),
        "!" => "no space after `!`".into(),
        _ => format!("no space after `{mark}`").into(),
    }
}

/// How often `word` stands in `text` as a whole word glued by a period to
/// a next word (`Gtk.Button`), and how often at all.
fn uses(text: &str, word: &str) -> (usize, usize) {
    let (mut glued, mut all) = (0, 0);
    for i in memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()) {
        let rest = &text[i + word.len()..];
        if text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            || rest.chars().next().is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        all += 1;
        glued += usize::from(
            rest.strip_prefix('.')
                .is_some_and(|r| r.starts_with(char::is_alphabetic)),
        );
    }
    (glued, all)
}

/// `Report.Final.pdf`: a token that ends in a file type or domain is a name
/// however its parts are capitalised.
fn ends_with_file_suffix(token: &str) -> bool {
    let token = token.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '”', '’', '"', '\'']);
    token
        .rsplit_once('.')
        .is_some_and(|(_, ext)| NAME_SUFFIXES.iter().any(|n| n.eq_ignore_ascii_case(ext)))
}

/// `Think.Eat.Save`, `tokenizer.Tokenizer.tokenize`: three or more words
/// chained by periods make a name, when those between are two letters or
/// more (a lone letter is an abbreviation's: `U.S.The` still gets its space).
fn is_dotted_name(token: &str) -> bool {
    let token = token.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '”', '’', '"', '\'']);
    let token = token.trim_start_matches(['(', '[', '“', '‘', '"', '\'']);
    let parts: Vec<&str> = token.split('.').collect();
    // The ends may be cut by the bounded window `token_around` reads.
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && parts[1..parts.len() - 1].iter().all(|p| p.len() >= 2)
}

fn check_comma(text: &str, m: regex::Match, out: &mut Vec<Diagnostic>) {
    let mark = text.as_bytes()[m.start()];
    let Some(prev) = text[..m.start()].chars().next_back() else {
        return;
    };
    if !(prev.is_alphanumeric() || matches!(prev, '”' | '’' | ')' | ']')) {
        return;
    }
    // `x,y` and `a,b` are coordinates and variables more often than prose.
    let before = word_before(text, m.start());
    if prev.is_alphabetic() && before.chars().nth(1).is_none() {
        return;
    }
    let token_span = token_around(text, m.start(), m.end());
    let token = token_span.slice(text);
    if looks_like_code(token) || token.bytes().filter(|&b| b == b',' || b == b';').count() > 1 {
        return;
    }
    if mark == b';' && token.contains('&') {
        return; // an HTML entity such as `&amp;`
    }
    // `Term;Alternative entry;1st key;2nd key`: a line of fields that a
    // semicolon separates, a format's layout, not prose.
    if mark == b';' {
        let (lo, hi) = crate::text::line_reach(text.as_bytes(), m.start(), m.end(), 200);
        let glued = text.as_bytes()[lo..hi]
            .windows(2)
            .filter(|w| w[0] == b';' && !w[1].is_ascii_whitespace())
            .count();
        if glued >= 3 {
            return;
        }
    }
    // `"GET,PUT"`, `'en,fr'`, `“apt,itude”`: a value in quotes, as it is
    // typed. `HK$xx,xxx`, `€1,5`: a figure.
    let bare = token.trim_end_matches(['.', ',', ';', ':', ')']);
    if bare.len() > 2
        && [('"', '"'), ('\'', '\''), ('`', '`'), ('“', '”'), ('„', '“'), ('«', '»')]
            .iter()
            .any(|&(open, close)| bare.starts_with(open) && bare.ends_with(close))
    {
        return;
    }
    if token.contains(['$', '€', '£', '¥']) {
        return;
    }
    // `[installed,automatic]`, `{a,b}`: a bracket's tags or a set's items,
    // closed up with no space inside, as a program prints them.
    if [('[', ']'), ('{', '}')]
        .iter()
        .any(|&(open, close)| bare.starts_with(open) && bare.ends_with(close) && bare.len() > 2)
    {
        return;
    }
    // `group1:x:20:user1,user2` is a record's fields, `mount -o remount,rw`
    // an option's values, which may wrap onto the next line
    // (`--state\nESTABLISHED,RELATED`).
    let after_flag = text[..m.start()]
        .rsplit(|c: char| c.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .nth(1)
        .is_some_and(|t| t.starts_with('-') && t.len() > 1 && t.len() <= 16 && !t.contains(['.', ',']));
    if token.split(':').count() > 2 || after_flag {
        return;
    }
    // `auth.notice;mail.info`, `*.crit;kern.none`: a list of dotted
    // selectors; `(hd0,msdos1)`: names of letters and digits.
    let at = m.start() - token_span.start;
    let (left, right) = (&token[..at], &token[at + 1..]);
    // `(HP-Ireland,ex2)`: a name of letters and digits on either side.
    // `HAMILTON,DAVID`: a name filed surname first, or a list of constants.
    let named = |p: &str| p.bytes().any(|b| b.is_ascii_alphabetic()) && p.bytes().any(|b| b.is_ascii_digit());
    let shouted = |p: &str| {
        let w = p.trim_matches(|c: char| !c.is_alphanumeric());
        w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
    };
    // `(example: auth,mail.info)`: a dotted selector after the comma.
    let dotted = right
        .trim_end_matches(['.', ',', ')'])
        .split_once('.')
        .is_some_and(|(a, b)| !a.is_empty() && b.starts_with(|c: char| c.is_ascii_lowercase()));
    if (left.contains(['.', '*']) && right.trim_end_matches(['.', ',', ')']).contains('.'))
        || named(left)
        || named(right)
        || (shouted(left) && shouted(right))
        || dotted
    {
        return;
    }
    // `max(a,b)`, `print(hello,world)`: a call, not prose; `httpx[socks,http2]`:
    // a package's extras, an index.
    if token
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w[1], b'(' | b'[') && w[0].is_ascii_alphanumeric())
    {
        return;
    }
    // `TL;DR`, `tl;dr`: an acronym's parts, in one case.
    let (l, r) = (
        left.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(""),
        right.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""),
    );
    let short = |p: &str| (1..=3).contains(&p.len());
    let all = |p: &str, f: fn(&u8) -> bool| p.bytes().all(|b| f(&b));
    if mark == b';'
        && short(l)
        && short(r)
        && ((all(l, u8::is_ascii_uppercase) && all(r, u8::is_ascii_uppercase))
            || (all(l, u8::is_ascii_lowercase) && all(r, u8::is_ascii_lowercase)))
    {
        return;
    }
    let word_at = m.start() + 1;
    out.push(
        Diagnostic::new(
            &META,
            Span::new(m.start(), word_at),
            if mark == b',' { message(",") } else { message(";") },
        )
        .with_fix(Fix::safe_edit("insert a space", Edit::insert(word_at, " "))),
    );
}

impl Rule for MissingSpaceAfterPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b".!?,;") && !doc.bytes().has_non_ascii() {
            return;
        }
        let text = doc.text();
        let mut ends: Vec<Candidate> = Vec::new();
        let mut chains = HashSet::new();
        for m in PATTERN.find_iter(text) {
            // `现在,我们说`: Chinese and Japanese put no space after a mark.
            let after = text[m.start()..]
                .trim_start_matches(['.', '!', '?', '…', ',', ';'])
                .chars()
                .next();
            let prev = text[..m.start()].chars().next_back();
            if after.is_some_and(is_unspaced_letter) || prev.is_some_and(is_unspaced_letter) {
                continue;
            }
            match text.as_bytes()[m.start()] {
                // `publickey,password` in a log's line: the program's list.
                b',' | b';' if doc.in_code_line(m.start()) => {}
                b',' | b';' => check_comma(text, m, out),
                _ => ends.extend(check_sentence_end(text, m, &mut chains)),
            }
        }
        // A glued pair that recurs (`Pop.Up`, `i.Con`, `J.Crew`) is a brand;
        // `said.The` twice is still two missing spaces.
        // A capitalised word glued to two different names (`Gtk.Button`,
        // `Gtk.Window`), and glued in half its uses or more, is a namespace:
        // the pairs are qualified names. `China.The` and `China.Panda` are
        // two sentences that lost their spaces, in a text that writes
        // `China` a thousand times on its own.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        // Per word before the mark: the first pair, and whether another differs.
        let mut members: HashMap<&str, (&str, bool)> = HashMap::new();
        for c in ends.iter().filter(|c| c.name_like) {
            *seen.entry(c.key).or_default() += 1;
            if c.prefix.chars().nth(1).is_some() {
                let entry = members.entry(c.prefix).or_insert((c.key, false));
                entry.1 |= entry.0 != c.key;
            }
        }
        members.retain(|prefix, &mut (_, many)| {
            many && {
                let (glued, all) = uses(text, prefix);
                glued * 2 >= all
            }
        });
        let namespace = |c: &Candidate| members.contains_key(c.prefix);
        // In a text that shows a program, a word glued by a period to a
        // capitalised one may be a qualified name (`typing.Self`,
        // `window.Array`, `http.Agent`), so the space waits for review.
        let kept = ends
            .into_iter()
            .filter(|c| !(c.name_like && (seen.get(c.key).is_some_and(|&n| n > 1) || namespace(c))))
            .filter(|c| !chains.contains(c.key))
            .map(|c| {
                let mut diag = c.diag;
                // In a Markdown or reStructuredText source (docs, a README),
                // `typing.Dict` names an API more often than it glues two
                // sentences.
                if c.dotted && (doc.holds_program() || doc.is_marked_up()) {
                    for f in diag.fix.iter_mut() {
                        f.applicability = Applicability::Unsafe;
                        f.message = "insert a space; the text shows code, so this may be a qualified name".into();
                    }
                }
                diag
            });
        if doc.restores_paragraphs() {
            out.extend(kept.map(|d| restore_paragraph(doc, d)));
        } else {
            out.extend(kept);
        }
        if doc.bytes().contains(b'"') {
            glued_straight_quotes(doc, out);
        }
    }
}

/// Words on each side of a glued sentence end that make it a lost
/// paragraph break rather than a lost space.
const PARAGRAPH_WORDS: usize = 10;

/// With `--restore-paragraphs`: mend `development.The paper` with a blank
/// line where a paragraph's worth of text stands on each side of the gap,
/// up to the paragraph's ends. A scraper that drops the markup between two
/// paragraphs glues them this way; inside a paragraph it is a lost space.
fn restore_paragraph(doc: &Document, mut diag: Diagnostic) -> Diagnostic {
    let Some(gap) = diag.fix.as_ref().and_then(|f| f.edits.first()).map(|e| e.span.start) else {
        return diag;
    };
    let Some(para) = doc.paragraph_at(gap) else {
        return diag;
    };
    let text = doc.text();
    let words = |s: &str| s.split_whitespace().take(PARAGRAPH_WORDS).count();
    let before = &text[para.start..gap];
    let after = &text[gap..para.end];
    let ends_sentence = after.trim_end().ends_with(['.', '!', '?', '"', '”', '’']);
    if words(before) >= PARAGRAPH_WORDS && words(after) >= PARAGRAPH_WORDS && ends_sentence {
        diag.message = "no paragraph break between two paragraphs".into();
        diag.fix = Some(Fix::safe_edit("insert a paragraph break", Edit::insert(gap, "\n\n")));
    }
    diag
}

/// `told reporters."The minister`: a straight quote glued between a
/// sentence's end and the next sentence. In a paragraph whose straight
/// quotes pair up, an odd one opens (`said. "The`) and an even one closes
/// (`the minister said." The`). Where they do not pair and no straight quote
/// comes before it, it most likely closes a quotation opened in an earlier
/// paragraph, but it could open one that runs on: that guess is unsafe. Two
/// glued quotes (`"My Hero.""It's`) are a close then an open whatever the
/// count.
fn glued_straight_quotes(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let b = text.as_bytes();
    let mut skip_to = 0;
    // The quotes are visited in order, so the count before each one and its
    // paragraph's total are kept as they go: one huge paragraph stays linear.
    let mut para: Option<(Span, usize)> = None;
    let mut before = 0;
    for at in memchr::memchr_iter(b'"', b) {
        if !para.is_some_and(|(p, _)| p.start <= at && at <= p.end) {
            para = doc
                .paragraph_at(at)
                .map(|p| (p, memchr::memchr_iter(b'"', p.slice(text).as_bytes()).count()));
            before = 0;
        }
        let seen = before;
        before += 1;
        if at < skip_to {
            continue;
        }
        let after_end = at > 0 && matches!(b[at - 1], b'.' | b'!' | b'?');
        let pair = b.get(at + 1) == Some(&b'"');
        let next = if pair { at + 2 } else { at + 1 };
        let capital_next = text[next..].chars().next().is_some_and(char::is_uppercase);
        if !(after_end && capital_next && text[..at - 1].ends_with(char::is_alphanumeric)) {
            continue;
        }
        let Some((para, total)) = para else {
            continue;
        };
        let fix = if pair {
            skip_to = at + 2;
            Fix::safe_edit("insert a space", Edit::insert(at + 1, " "))
        } else if total % 2 == 0 {
            let gap = if seen % 2 == 0 { at } else { at + 1 };
            Fix::safe_edit("insert a space", Edit::insert(gap, " "))
        } else if seen == 0 && !REPORTING_WORDS.contains(trailing_letters(&text[para.start..at - 1])) {
            let why = "insert a space after the quote, which closes one opened earlier";
            Fix::unsafe_edit(why, Edit::insert(at + 1, " "))
        } else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &META,
                Span::new(at - 1, next),
                "no space between a sentence and the quote after it",
            )
            .with_fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter, Settings};

    fn fix(text: &str) -> String {
        fix_in(text, FixMode::Safe)
    }

    fn fix_in(text: &str, mode: FixMode) -> String {
        crate::rules::testing::english(&super::META)
            .fix(text, mode)
            .unwrap()
            .text
    }

    fn restore(text: &str) -> String {
        let settings = Settings {
            select: vec!["W002".into()],
            language: crate::Language::Is(crate::Lang::English),
            restore_paragraphs: true,
            ..Settings::default()
        };
        Linter::new(&settings).unwrap().fix(text, FixMode::Safe).unwrap().text
    }

    #[test]
    fn restores_a_paragraph_break_between_two_paragraphs_worth_of_text() {
        let first = "The committee reviewed the proposals for industrial development over several months.";
        let second = "The paper went on to describe the costs of each proposal and the time it would take.";
        assert_eq!(restore(&format!("{first}{second}")), format!("{first}\n\n{second}"));
    }

    #[test]
    fn a_word_of_no_vowel_after_a_period_is_a_name_but_a_bare_title_opens_a_sentence() {
        assert_eq!(fix("It calls tkinter.Tk first."), "It calls tkinter.Tk first.");
        assert_eq!(
            fix("The meeting ended at noon.Mr Smith left early."),
            "The meeting ended at noon. Mr Smith left early."
        );
    }

    #[test]
    fn restoring_paragraphs_still_inserts_a_space_inside_a_paragraph() {
        let text = "Profits rose.The firm said so on Monday, and the shares rose by a tenth in early trade.";
        assert_eq!(restore(text), fix(text));
        assert!(restore(text).contains("rose. The"));
    }

    #[test]
    fn leaves_glued_commas_alone_in_a_language_it_cannot_identify() {
        let settings = Settings {
            select: vec!["W002".into()],
            ..Settings::default()
        };
        let text = "Mwalimu alifika shuleni mapema,wanafunzi walichelewa kwa sababu mvua ilinyesha sana usiku mzima.Barabara zilijaa maji.";
        assert_eq!(
            Linter::new(&settings).unwrap().fix(text, FixMode::Safe).unwrap().text,
            text
        );
    }

    #[test]
    fn an_ellipsis_between_capitalised_words_waits_for_review() {
        let basic = "The statement Do…Loop repeats a block, and If...Then...Else chooses one.";
        assert_eq!(fix(basic), basic);
        let unsafe_fixed = fix_in(basic, FixMode::Unsafe);
        assert!(unsafe_fixed.contains("Do… Loop"), "{unsafe_fixed}");
        // So does a brand's `!` on its line of its own.
        let brand = "Pop!Tech 2002\nOctober 18 - 20, 2002: Camden, Maine\n";
        assert_eq!(fix(brand), brand);
        assert_eq!(fix("We won!The crowd cheered.\n"), "We won! The crowd cheered.\n");
        // So does one on a title's line of its own.
        let title = "The hero is caught in a loop on the day he dies.\n\nChristmas...Again?!\n\n2021\n";
        assert_eq!(fix(title), title);
        assert!(fix_in(title, FixMode::Unsafe).contains("Christmas... Again?!"));
        // A sentence trailing off on a lowercase word still gets its space.
        assert_eq!(fix("He waited…Then he left."), "He waited… Then he left.");
        // A line that opens with one and runs on is a sentence.
        assert_eq!(
            fix("Christmas...Again the family gathered in the old house by the lake.\n"),
            "Christmas... Again the family gathered in the old house by the lake.\n"
        );
        // So does a name before a pronoun that opens the next sentence.
        assert_eq!(
            fix("He sits on the Armed Services Committee...He was asked."),
            "He sits on the Armed Services Committee... He was asked."
        );
    }

    #[test]
    fn an_acronym_glued_to_a_name_waits_for_review() {
        let text = "She keeps migrating us from OS.File to IOUtils this quarter.";
        assert_eq!(fix(text), text);
        // Before a word that opens a sentence it is a sentence's end.
        assert_eq!(
            fix("Sales fell in the UK.The pound rose."),
            "Sales fell in the UK. The pound rose."
        );
        let name = "The managing director of One.Tel has denied the claims.";
        assert_eq!(fix(name), name);
    }

    #[test]
    fn inserts_a_space_between_two_glued_sentences() {
        assert_eq!(fix("the company said.At its peak"), "the company said. At its peak");
    }

    #[test]
    fn a_qualified_name_in_a_text_that_shows_code_waits_for_review() {
        let readme = "Support usage of type with typing.Self and type aliases.\n\n\
                      Install it, then:\n\nimport typing\nx = typing.cast(int, y)\n";
        assert_eq!(fix(readme), readme);
        // Unsafe fixes still add the space, and an article with no code gets it unattended.
        let unsafe_fixed = fix_in(readme, FixMode::Unsafe);
        assert!(unsafe_fixed.contains("typing. Self"), "{unsafe_fixed}");
        assert_eq!(
            fix("The talks ended in October.Both sides left.\n"),
            "The talks ended in October. Both sides left.\n"
        );
    }

    #[test]
    fn keeps_a_dotted_name_from_code() {
        let text = "Use the tokenizer.Tokenizer.tokenize generator, or Think.Eat.Save.";
        assert_eq!(fix(text), text);
        assert_eq!(
            fix("It fell in the U.S.The rest rose."),
            "It fell in the U.S. The rest rose."
        );
    }

    #[test]
    fn keeps_decimal_numbers_and_dotted_names() {
        let text = "GPT 3.5 and 01.AI and Yi-34B and 4.2 per cent.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_abbreviations_with_inner_periods() {
        let text = "In the U.S.A. and U.K. at 6 a.m. with a Ph.D. e.g. this.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn inserts_after_the_last_period_of_an_abbreviation_before_a_sentence() {
        assert_eq!(fix("based in the U.S.The firm"), "based in the U.S. The firm");
        assert_eq!(fix("Het ligt in de V.S.Het bedrijf"), "Het ligt in de V.S. Het bedrijf");
    }

    #[test]
    fn keeps_initials_glued_to_the_name_they_begin() {
        for text in [
            "Der Verlag C.H.Beck gab das Buch heraus.",
            "In Brugge staat de O.L.Vrouwekerk, met een toren van 115 meter.",
        ] {
            assert_eq!(fix(text), text);
        }
    }

    #[test]
    fn keeps_urls_paths_and_addresses() {
        let text = "Visit https://news.example/Story.Title and C:\\Docs\\My.File now.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_thousands_separators_and_glued_lists() {
        let text = "It cost 1,000,000 yuan; tags: ai,ml,nlp.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn adds_a_space_after_a_comma_following_a_closing_bracket() {
        assert_eq!(fix("models (LLMs),often"), "models (LLMs), often");
    }

    #[test]
    fn handles_an_ellipsis_before_a_new_sentence() {
        assert_eq!(fix("Well...This is odd"), "Well... This is odd");
        assert_eq!(
            fix("He sang \"...The name of the song\""),
            "He sang \"...The name of the song\""
        );
    }

    #[test]
    fn a_pair_outside_longer_dotted_names_and_addresses_still_gets_its_space() {
        assert_eq!(
            fix("He met them at last.Then at noon the System.Web talks began."),
            "He met them at last. Then at noon the System. Web talks began."
        );
        assert_eq!(
            fix("I wrote to Janet.Doering at noon."),
            "I wrote to Janet. Doering at noon."
        );
    }

    #[test]
    fn leaves_a_period_before_a_lowercase_word_alone() {
        let text = "visit site.com or copying.the";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn still_fixes_a_repeated_glued_sentence_after_a_lowercase_word() {
        assert_eq!(
            fix("he said.The end. She said.The end."),
            "he said. The end. She said. The end."
        );
    }

    #[test]
    fn stays_linear_on_one_paragraph_of_glued_quotes() {
        // Quote counts run along the paragraph instead of being recounted
        // for each glued quote, which made one long paragraph quadratic.
        let text = "He said.\"Go now.\"They left. ".repeat(40_000);
        let fixed = fix(&text);
        assert_eq!(fixed.matches("said. \"Go now.\" They").count(), 40_000);
    }

    #[test]
    fn stays_linear_on_a_huge_token() {
        // One 400 kB token: each candidate looks at a bounded window only.
        let text = "word.Next".repeat(50_000);
        let doc = crate::Document::new(&text);
        let mut out = Vec::new();
        crate::Rule::check(&super::MissingSpaceAfterPunctuation, &doc, &mut out);
        assert!(out.is_empty(), "a chain of capitalised dotted pieces reads as a name");
    }
}
