use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::lang::SPACED_EUROPEAN;
use crate::prelude::*;
use crate::span::{ceil_char_boundary, floor_char_boundary};

pub struct SpaceBeforePunctuation;

static META: RuleMeta = RuleMeta {
    code: "W001",
    name: "space-before-punctuation",
    family: Family::Whitespace,
    summary: "Space before a comma, period, colon, semicolon, question or exclamation mark",
    docs: "\
Flags spaces between a word and the punctuation that should follow it
directly: `model , which`, `the end .`, `yes ?`.

Machine translation and tokenise-then-join pipelines leave these behind when
they glue tokens back together with spaces.

A space before `;` `:` `!` `?` is flagged only in a paragraph identified
as a language that does not put one there (English, German, Spanish…):
French, Breton and many other languages space these marks, so in French
and in a language detritus cannot identify it is left alone, as it is on
a line that reads as French inside another language's paragraph
(guillemets, or more French function words than English ones; on a short
line of twelve words or fewer, one French function word and no English one:
`Linux ou GNU/Linux ?` as a heading, `Figure 8.4. Exemple de canal Alpha :
Deux calques transparents` as a caption in an English document). A label of
one or two words that a spaced colon ends, alone on its line (`Exemple :`),
has too few words to tell its language, and is left alone too, as are
colons set at one column on neighbouring lines (`Raid Level : raid0` under
`Version : 1.2`: a listing's keys and values), and so is a catalogue
record's colon between title and subtitle, which library style spaces
(`Where the Fraser River Flows : The Industrial Workers`).

Left alone besides: a no-break space before `;` `:` `!` `?` (chosen
typography in any language), emoticons (`:)`, `;-)`, `;>`), an ellipsis written ` ...` or `. . .`,
punctuation that starts a token (`.NET`, `.45`, `./run.sh`, a reply
`.@handle`, an emoji's `:+1:`), a mark after a web address (the
space keeps it out of the link), operators
(`a != b`, `x := 1`), spaces at the start of a line (another rule's
business), and a mark after other punctuation, even across a closing quote
(`“waste”. ,`, `said.” ,`): that is a cluster, `punctuation-cluster`'s.
A mark after an article is named, not used (`type a , between them`,
`mit einem ; als`, `a trailing , in a list`), as is one after `by` or `with` that follows a
participle (`separated by , and enclosed in brackets`), one in a list of
keys or symbols (`the characters ? or *`, `B or .`), and
so is a spaced period before a lowercase word, a bracket or a dash
(`chown foo:bar . to fix it`, `and . — a dot — means any character`),
and a period that ends a command a tool's name opens on its line (`run pip
install .`, `docker build -t app .`): it is the current directory, and a
`;` there separates commands (`\"cd doc ; make man\"`). A mark after a gap that ends where the line above's or below's does
stands in a listing's column (`21  (at your option)` over `22  .`). Two
commas before a word are a typed low opening quote (`tak: ,,Programowo
nie''`), not a spaced comma. Question marks in a run or before another mark
stand for a word or a character that was lost (`разделам ??? и ???`, an
unresolved cross-reference; `come to ?, you`, a letter no charset could
hold): the space before them is the word's, as it is before a `?` made
plural (`answer your ?'s`, questions). A line of code that assigns a
call (`Dim FSO : FSO = CreateScriptService(\"FileSystem\")`) keeps its spacing, as
all code lines do.

Fix (safe): remove the spaces. Only whitespace is deleted.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::scripts(SPACED_EUROPEAN).note("a space before `;` `:` `!` `?` counts only in a language known not to put one there; French spacing is typography").prose(),
    flags: &[
        Fixture {
            input: "an experimental model , which never shipped.",
            output: "an experimental model, which never shipped.",
        },
        Fixture {
            input: "That is the end .\n",
            output: "That is the end.\n",
        },
        Fixture {
            input: "Which athletes are the fittest ? http://example.com/fit",
            output: "Which athletes are the fittest? http://example.com/fit",
        },
        Fixture {
            input: "Did the plan work for them ? Yes, it did !",
            output: "Did the plan work for them? Yes, it did!",
        },
        Fixture {
            input: "There are two reasons for it : cost and speed ; mostly cost.",
            output: "There are two reasons for it: cost and speed; mostly cost.",
        },
        Fixture {
            input: "It said “no” , then left .\r\n\r\nThe end .",
            output: "It said “no”, then left.\r\n\r\nThe end.",
        },
        Fixture {
            input: "The talks began in 2012 ; they failed because of the cost.",
            output: "The talks began in 2012; they failed because of the cost.",
        },
        Fixture {
            input: "It is in part I : the one we read ; and the part about Act II : the one we skipped.",
            output: "It is in part I: the one we read; and the part about Act II: the one we skipped.",
        },
        Fixture {
            input: "We ate the soup ; then we left, and nobody said what was done.",
            output: "We ate the soup; then we left, and nobody said what was done.",
        },
        Fixture {
            input: "large language models (LLMs) , often",
            output: "large language models (LLMs), often",
        },
    ],
    keeps: &[
        "Then run `$ alex .` in the project to check every file.",
        "The template reads:\n\n1\tbase .\n2\ttemplate rss-html.tmpl\n",
        "U kunt ook de ?- en *-jokertekens gebruiken, als in het dialoogvenster Zoeken en vervangen.",
        "\"for x in foo1 foo2 … ; do command ; done\" loops over the items, as \"if test -f a ; then b ; fi\" tests.",
        "What does this script do?\n    unzip ; touch ; finger ; mount ; gasp ; yes ; umount ; sleep\nThe answer is not about computers.",
        "That youth and observation copied there.\nHamlet, I : v : 95   William Shakespeare",
        "054 44 2C , │ 154 108 6C l\n056 46 2E . │ 156 110 6E n",
        "To find them, run apt-cache search .|grep dummy or apt-cache search .|grep transitional today.",
        "The numbered file:\n\n21  (at your option) any later version.\n22  .\n23  This program is free.\n",
        "To install from source, run pip install .\n\nBuild the image with docker build -t app .\n",
        "- you can now build a man page with \"cd doc ; make man\"",
        "Our nurse will answer your ?'s about the new insurance rules on Monday at noon.",
        "Use only letters, digits and the symbols . / - _ or ~ in the name.",
        "Well ... that was odd.",
        "Nice work :) and thanks ;-)",
        "Vet inte om jag kan komma loss själv heller, den som lever får se :^) eller :$ och :'-)",
        "Only the part after the last .) is the extension; Jeśli nazwa zaczyna się od znaku ., to jest ukryty.",
        "Further reading.\n\nMark Leier, Where the Fraser River Flows : The Industrial Workers of the World in British Columbia.",
        "You got ripped off ;> and you know it :>",
        "Join the list at http://groups.google.com/group/peewee-orm . Then use it normally :+1:",
        "Built on the .NET runtime with a .45 caliber budget.",
        "  . indented list marker",
        "GPT 3.5 at 10:30 in the U.S. today.",
        "He paused . . . and went on.",
        "Run ./setup.sh if a != b or x := 1.",
        "See https://t.co/x .@wizkhalifa and #tag .#other",
        "The terms: ( a ) price, ( b ) date.",
        "a repeated quote “waste”. ,",
        "She said “stop.” , then left.",
        "Où est passée la clé du garage ? Personne ne le sait.",
        "ÉTÉ 2023 : LES RÉSULTATS DU CONCOURS SONT ARRIVÉS.",
        "Narrow spaces: «\u{202f}Oui\u{202f}!\u{202f}» and ÉTÉ\u{a0}: SÃO PAULO.",
        "Cool :] and :[",
        "Type a , between the items and the ; before the last one.",
        "Run chown -R foo:bar . to fix it; the default is . (the current directory).",
        "For instance, [0-9] means any digit, and . — a dot — means any character.",
        "During task selection you can type ! to express an empty selection, or press ? for help.",
        "Чтобы дать пустой ответ на вопрос, введите в приглашении !. Чтобы вернуться, введите <.",
        "I copied .??* from the old home, probably the one Jane keeps ;} and it worked.",
        "> drwxrws---    3 cvs      cvs          4096 Aug 12 11:26 .",
        "Napisz tak: ,,Programowo nie'' i tyle.",
        "The characters are separated by , and enclosed in parentheses.",
        "    dnstracer     V:0, I:1    61    , ,    DNS server tracer",
        "   git add .    add file(s) in the working tree to the index",
        "Unofficial sources of packages are listed below.\n\nRessources non officielles : mentors.debian.net",
        "За дополнительной информацией обращайтесь к разделам ??? и ???.",
        "And when you come to ?, you have every right to doubt it.",
        "Exemple :\n\nThe examples below in Basic and Python return the folder.",
        "The array is clean:\n\n           Version : 1.2\n        Raid Level : raid0\n             State : clean\n",
        "Figure 8.4. Exemple de canal Alpha : Deux calques transparents\n\nThe left part of the layer is cleared.",
        "The examples are below.\n\n    Dim FSO : FSO = CreateScriptService(\"FileSystem\")\n",
        "Wählen Sie den Standardwert \"127.0.0.1 ; ::1\" und das Spiel endete 3 : 1.",
        "       ip6frag_time (entier ; défaut : 30)\n              Définir le temps en secondes de conservation d'un fragment IPv6 en mémoire.\n",
    ],
};

/// The last blank before a mark: space, tab, no-break or narrow no-break
/// space. As bytes, the pattern is a set of two- to four-byte literals the
/// regex engine finds with a SIMD prefilter; the rest of the run is found
/// by walking back.
static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)(?:[ \t]|\xC2\xA0|\xE2\x80\xAF)[,;:.!?]").expect("pattern compiles"));

/// Where the run of blanks ending at `end` starts.
fn blanks_start(b: &[u8], mut end: usize) -> usize {
    loop {
        if end >= 1 && matches!(b[end - 1], b' ' | b'\t') {
            end -= 1;
        } else if end >= 2 && b[end - 2..end] == [0xC2, 0xA0] {
            end -= 2;
        } else if end >= 3 && b[end - 3..end] == [0xE2, 0x80, 0xAF] {
            end -= 3;
        } else {
            return end;
        }
    }
}

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b",;:.!?") {
            return;
        }
        let text = doc.text();
        let mut french_cache: Option<((usize, usize), bool)> = None;
        for m in PATTERN.find_iter(text.as_bytes()) {
            let start = blanks_start(text.as_bytes(), m.start());
            let punct_at = m.end() - 1;
            let punct = text.as_bytes()[punct_at];
            let after = &text[m.end()..];
            let before = &text[..start];
            let Some(prev) = before.chars().next_back() else {
                continue;
            };
            if prev == '\n' || prev == '\r' {
                continue; // leading whitespace
            }
            // `61    , ,    DNS`: a wide gap before a mark, beside another
            // on its line, is a table's column, not a stray space; so is
            // any gap on a line of columns (`ls -la`'s `4096 Aug 12 11:26 .`).
            if (wide_gap(&text.as_bytes()[start..punct_at]) && beside_wide_gap(text.as_bytes(), start, m.end()))
                || in_columns(text.as_bytes(), start, m.end())
            {
                continue;
            }
            // `21  (at your option)` over `22  .`: a gap that ends where the
            // next or last line's does is a listing's column.
            if punct_at - start >= 2 && column_below_or_above(doc, punct_at) {
                continue;
            }
            // `napisz tak: ,,Programowo`: two commas typed for „.
            if punct == b',' && after.starts_with(',') && after[1..].starts_with(char::is_alphabetic) {
                continue;
            }
            // A mark after other punctuation is a cluster, not a stray space.
            if !(prev.is_alphanumeric() || crate::segment::is_closer(prev)) {
                continue;
            }
            if crate::segment::is_closer(prev) && closes_after_punctuation(before) {
                continue; // `said.” ,`: also a cluster
            }
            // `a , b` lists letters; `type a , between` names the mark.
            let lists_letters = {
                let item = after.trim_start_matches([' ', '\t']);
                let mut word = item.split(|c: char| !c.is_alphanumeric());
                word.next().is_some_and(|w| w.chars().count() == 1)
            };
            if (!lists_letters && names_the_mark(before)) || in_symbol_list(text, start, m.end()) {
                continue;
            }
            // A spaced period that a lowercase word or a bracket follows
            // ends no sentence: it is named or typed (`chown foo:bar . to`,
            // `the default is . (the current directory)`, `and . — a dot —
            // means`). So with a spaced `!` or `?` before a lowercase word:
            // the key typed (`type ! to express an empty selection`, `press
            // ? for help`).
            // A link after the mark is the sentence's source, not the key's
            // (`Which athletes are the fittest ? http://…`).
            let ahead = after.trim_start_matches(' ');
            if matches!(punct, b'.' | b'!' | b'?')
                && after.starts_with(' ')
                && ahead.starts_with(|c: char| c.is_lowercase() || (punct == b'.' && matches!(c, '(' | '—' | '–')))
                && (punct == b'.' || !(ahead.starts_with("http") || ahead.starts_with("www.")))
            {
                continue;
            }
            let next = after.chars().next();
            // `.NET`, `.45`, `:30`: the mark belongs to the next token.
            if next.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            if punct == b'.' && (after.starts_with('.') || after.starts_with('…')) {
                continue; // ` ...` as an ellipsis
            }
            if punct == b'.' && after.starts_with(" .") {
                continue; // `. . .` as a spaced ellipsis
            }
            // `the symbols . / - and _`: a mark listed among symbols is named,
            // not used.
            if after.starts_with(' ')
                && after[1..]
                    .chars()
                    .next()
                    .is_some_and(|c| matches!(c, '/' | '\\' | '-' | '_' | '+' | '@' | '~' | '|' | '&' | '#'))
            {
                continue;
            }
            // `http://example.org/x .`: the space keeps the mark out of the
            // address, where a reader's click would take it.
            let prev_token = before.rsplit([' ', '\t', '\n']).next().unwrap_or("");
            if prev_token.contains("://") || prev_token.starts_with("www.") {
                continue;
            }
            // `./run.sh`, `a != b`, `x := 1`, `std ::`, `:+1:`, `search .|grep`:
            // not prose punctuation.
            if next.is_some_and(|c| matches!(c, '/' | '\\' | '=' | '_' | '*' | '~' | '@' | '#' | '+' | '|'))
                || (punct == b':' && next == Some(':'))
                // `(the part after the last .)`, `znaku ., to`: a dot named
                // before a bracket or a comma; no sentence ends there. So
                // before a code span's backtick (`` `$ alex .` ``).
                || (punct == b'.' && matches!(next, Some('?' | ',' | ')' | '`')))
                // `the ?- and *-wildcards`: a sign named in a suspended compound.
                || (matches!(punct, b'?' | b'!') && next == Some('-'))
            {
                continue;
            }
            // `for x in a b ; do command ; done`: a shell list, quoted.
            if (punct == b';' && shell_keyword_after(after))
                || (matches!(punct, b';' | b':') && spaced_throughout(text.as_bytes(), start, m.end(), punct))
            {
                continue;
            }
            if matches!(punct, b':' | b';') && crate::text::emoticons::follows_eyes(after) {
                continue; // `se :^)`, `:'-)`, `:$`
            }
            if matches!(punct, b':' | b';')
                && next.is_some_and(|c| {
                    matches!(
                        c,
                        ')' | '('
                            | '-'
                            | '\''
                            | '|'
                            | '/'
                            | '['
                            | ']'
                            | '{'
                            | '}'
                            | '*'
                            | '>'
                            | '3'
                            | 'D'
                            | 'P'
                            | 'p'
                            | 'O'
                            | 'o'
                    )
                })
            {
                continue; // emoticon
            }
            // `разделам ??? и ???`, `come to ?, you`: question marks in a
            // run, or before another mark, stand for a word or a character
            // that was lost (a broken cross-reference, an unencodable
            // letter); the space before them is the word's. So does a `?`
            // made plural (`answer your ?'s`): it is the word `questions`.
            if punct == b'?'
                && (next.is_some_and(|c| matches!(c, '?' | ',' | ';' | ':' | '.'))
                    || ["'s", "’s"].iter().any(|s| after.starts_with(s)))
            {
                continue;
            }
            // A spaced `!` before the sentence's own mark is the key typed
            // (`введите в приглашении !.`), as punctuation-cluster reads it.
            if punct == b'!' && next.is_some_and(|c| matches!(c, ',' | ';' | '.')) {
                continue;
            }
            if matches!(punct, b':' | b';' | b'!' | b'?') {
                // A no-break space before these is typography someone chose.
                if !text[start..punct_at].contains([' ', '\t']) {
                    continue;
                }
                if punct != b'!' && punct != b'?' && separates_values(before, after) {
                    continue;
                }
                // French puts a (thin) space before these.
                // One verdict per line and 256-byte stretch of it, so a long
                // French line costs one look per stretch, not per mark.
                let line = doc.line_index(start);
                let key = (line, (start - doc.lines()[line].start) / 256);
                let verdict = match french_cache {
                    Some((k, v)) if k == key => v,
                    _ => {
                        let v = looks_french(text, start);
                        french_cache = Some((key, v));
                        v
                    }
                };
                if verdict
                    || french_quotation(before, after)
                    || (punct == b':'
                        && (ends_a_label(text, start, m.end())
                            || colons_aligned(doc, line, punct_at)
                            || between_titles(before, after)))
                {
                    continue;
                }
                // Other languages space these too (Breton, Occitan, and
                // many a style guide): only a paragraph known to be in a
                // language that does not is read.
                if doc.language_at(start).is_none_or(Lang::spaces_high_punctuation) {
                    continue;
                }
            }
            // `pip install .`, `docker build -t app .`: the current directory;
            // `"cd doc ; make man"`: a shell's list of commands, quoted in prose.
            if matches!(punct, b'.' | b';') && crate::code_lines::command_runs_to(before) {
                continue;
            }
            let space = Span::new(start, punct_at);
            out.push(
                Diagnostic::new(&META, space, format!("space before `{}`", punct as char))
                    .with_fix(Fix::safe_edit("remove the space", Edit::delete(space))),
            );
        }
    }
}

/// `Where the Fraser River Flows : The Industrial Workers`: a catalogue
/// record's title and subtitle, which library style (ISBD) sets apart
/// with a spaced colon. Three capitalised words before it, a capital after.
fn between_titles(before: &str, after: &str) -> bool {
    let head = &before[crate::span::floor_char_boundary(before, before.len().saturating_sub(60))..];
    let mut words = head.split_whitespace().rev();
    let titled = (0..3).all(|_| words.next().is_some_and(|w| w.starts_with(char::is_uppercase)));
    titled && after.starts_with(' ') && after.trim_start_matches(' ').starts_with(char::is_uppercase)
}

/// `"127.0.0.1 ; ::1"`, `3 : 1`: a `;` or `:` between two tokens that hold
/// digits or symbols and no letter separates values, spaced as the value
/// list or the score is written; prose puts a word on one side.
fn separates_values(before: &str, after: &str) -> bool {
    let left = before.rsplit([' ', '\t', '\n']).next().unwrap_or("");
    let right = after
        .trim_start_matches([' ', '\t'])
        .split([' ', '\t', '\n'])
        .next()
        .unwrap_or("");
    let value = |t: &str| !t.is_empty() && !t.contains(char::is_alphabetic);
    let digit = |t: &str| t.contains(|c: char| c.is_ascii_digit());
    value(left) && value(right) && (digit(left) || digit(right))
}

/// Three or more spaces, or a tab: a column's gap rather than a slip.
fn wide_gap(run: &[u8]) -> bool {
    run.len() >= 3 || run.contains(&b'\t')
}

/// Whether the line above or below `at`'s has a gap of two spaces or more
/// that ends at `at`'s column, with something written there.
fn column_below_or_above(doc: &Document, at: usize) -> bool {
    let (lines, text) = (doc.lines(), doc.text().as_bytes());
    let li = doc.line_index(at);
    let column = at - lines[li].start;
    [li.checked_sub(1), Some(li + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| lines.get(i))
        .any(|l| {
            let n = &text[l.start..l.end];
            column >= 2 && column < n.len() && n[column - 2..column] == *b"  " && !matches!(n[column], b' ' | b'\t')
        })
}

/// How far along its line to look for another column gap.
const COLUMN_REACH: usize = 200;

/// Whether another wide gap sits on the line within reach of `[start, end)`.
fn beside_wide_gap(b: &[u8], start: usize, end: usize) -> bool {
    let (lo, hi) = crate::text::line_reach(b, start, end, COLUMN_REACH);
    let wide = |s: &[u8]| memchr::memmem::find(s, b"   ").is_some() || s.contains(&b'\t');
    wide(&b[lo..start]) || wide(&b[end..hi])
}

/// Whether the mark's line, within reach, holds two gaps of three spaces
/// or more, or two tabs: a listing's columns.
fn in_columns(b: &[u8], start: usize, end: usize) -> bool {
    let (lo, hi) = crate::text::line_reach(b, start, end, COLUMN_REACH);
    // Indentation is no column.
    let line = b[lo..hi].trim_ascii_start();
    // Runs, not matches: one long run holds several matches.
    let mut runs = 0;
    let mut run_end = 0;
    for i in memchr::memmem::find_iter(line, b"   ") {
        if i > run_end || runs == 0 {
            runs += 1;
        }
        run_end = i + 3;
    }
    runs >= 2
        || memchr::memchr_iter(b'\t', line).nth(1).is_some()
        // A table's cells (`2C , │ 154`), ruled by box-drawing or pipes.
        || memchr::memmem::find(line, "│".as_bytes()).is_some()
        || memchr::memchr_iter(b'|', line).nth(2).is_some()
}

/// A line that spaces the same mark three times or more (`unzip ; touch ;
/// finger ; mount`, `I : v : 95`... a list's separators) spaces it on
/// purpose, as a style or a syntax.
fn spaced_throughout(b: &[u8], start: usize, end: usize, mark: u8) -> bool {
    let (lo, hi) = crate::text::line_reach(b, start, end, COLUMN_REACH);
    let spaced = b[lo..hi]
        .windows(3)
        .filter(|w| w[0] == b' ' && w[1] == mark && w[2] == b' ')
        .count();
    spaced >= 3 || (mark == b':' && spaced == 2 && roman_citation(&b[lo..start], &b[end..hi]))
}

/// `Hamlet, I : v : 95`: act, scene and line, in numerals on both sides.
fn roman_citation(before: &[u8], after: &[u8]) -> bool {
    let numeral = |t: &[u8]| {
        !t.is_empty()
            && t.len() <= 6
            && (t.iter().all(u8::is_ascii_digit) || t.iter().all(|c| b"ivxlcIVXLC".contains(c)))
    };
    let left = before.rsplit(|&c| c == b' ').next().unwrap_or(b"");
    let right = after.trim_ascii_start().split(|&c| c == b' ').next().unwrap_or(b"");
    numeral(left) && numeral(right)
}

/// Articles of the languages whose spacing this rule reads. No sentence
/// ends on one, so a mark after one is named, not used: `type a , between
/// them`, `le ; final`.
const ARTICLES: &[&str] = &[
    "a", "an", "the", "un", "une", "le", "la", "les", "el", "los", "las", "der", "das", "ein", "eine", "einem",
    "einen", "einer", "il", "gli", "uno", "una", "um", "uma", "een", "het",
];

/// Words that place, count or qualify a mark between an article and it.
const MARK_MODIFIERS: &[&str] = &[
    "closing", "double", "extra", "final", "leading", "literal", "lone", "missing", "opening", "single", "stray",
    "trailing",
];

/// Words that join the items of a list, in the languages this rule reads
/// and a few more.
const CONNECTIVES: &[&str] = &[
    "or", "and", "oder", "und", "ou", "et", "o", "y", "e", "of", "en", "eller", "och", "og", "lub", "i", "a", "ve",
    "veya", "или", "и", "ή", "και",
];

/// `the characters ? or *`, `B or .`: a mark in a list of keys or symbols
/// is named, not used. One side of it holds a list word and, past it, a
/// token of one character.
fn in_symbol_list(text: &str, start: usize, end: usize) -> bool {
    // A symbol, perhaps with the sentence's own mark after it (`*,`).
    let symbol = |t: &str| {
        let mut c = t.chars();
        c.next().is_some_and(|s| !s.is_alphanumeric()) && c.all(|m| matches!(m, ',' | '.' | ';' | ':' | ')'))
    };
    // The mark's own line only, so a paragraph is read alone, and a short
    // stretch of it, so a long line stays linear.
    let (lo, hi) = crate::text::line_reach(text.as_bytes(), start, end, 80);
    let before = &text[ceil_char_boundary(text, lo)..start];
    let after = &text[end..floor_char_boundary(text, hi)];
    let mut ahead = after.split(char::is_whitespace).filter(|t| !t.is_empty());
    let listed_ahead = ahead.next().is_some_and(|w| CONNECTIVES.contains(&w)) && ahead.next().is_some_and(symbol);
    let mut back = before.rsplit(char::is_whitespace).filter(|t| !t.is_empty());
    let listed_back =
        back.next().is_some_and(|w| CONNECTIVES.contains(&w)) && back.next().is_some_and(|t| t.chars().count() == 1);
    listed_ahead || listed_back
}

/// Whether the word before the blanks (`before` ends at them) is an article,
/// or `by` or `with` after a participle (`separated by , and`,
/// `terminated with ; in`) or `with` after `begins` or `ends`: the mark is
/// what the sentence is about.
pub(crate) fn names_the_mark(before: &str) -> bool {
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let head = &before[..before.len() - word.len()];
    if !(head.is_empty() || head.ends_with([' ', '\t', '\n', '(', '"', '“'])) {
        return false;
    }
    // `Use ; to separate each pattern`: the sign an instruction names,
    // capitalised as its sentence's first word (not `all the press ,`).
    if ARTICLES.contains(&word) || matches!(word, "Use" | "Type" | "Enter" | "Press") {
        return true;
    }
    // `a trailing , in a list`, `the final ; of a line`: an article, then a
    // word that places or counts the mark.
    if MARK_MODIFIERS.contains(&word) {
        let article = head.trim_end_matches([' ', '\t']);
        let article = article.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if ARTICLES.contains(&article) {
            return true;
        }
    }
    let participle = head
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // `a name that begins with .`: what a word starts or ends with.
    let places = matches!(
        participle,
        "begin" | "begins" | "start" | "starts" | "end" | "ends" | "beginning" | "starting" | "ending"
    );
    (matches!(word, "by" | "with") && participle.len() > 4 && participle.ends_with("ed")) || (word == "with" && places)
}

/// A shell keyword after a `;`: `done`, `fi` or `esac` closing a list, or
/// `do` or `then` opening one that the same line closes.
fn shell_keyword_after(after: &str) -> bool {
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    let line = &line[..crate::span::floor_char_boundary(line, line.len().min(200))];
    let rest = line.trim_start_matches(' ');
    let word_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let closes = |w: &str| line.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| t == w);
    match &rest[..word_end] {
        "done" | "fi" | "esac" => true,
        "do" => closes("done"),
        "then" => closes("fi"),
        _ => false,
    }
}

/// Words common in French and rare in English, and the reverse.
const FRENCH_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "cette", "comment", "dans", "de", "des", "du", "elle", "est", "et", "il", "la", "le",
    "les", "leur", "mais", "ne", "non", "nous", "ou", "où", "oui", "pas", "pour", "pourquoi", "qui", "que", "sa", "se",
    "ses", "son", "sont", "sur", "un", "une", "vous", "à", "été", "être",
];
const ENGLISH_WORDS: &[&str] = &[
    "and", "are", "as", "at", "be", "but", "by", "for", "from", "have", "in", "is", "it", "not", "of", "on", "that",
    "the", "this", "to", "was", "with",
];

/// `word` lowercased into `buf`, if it fits.
fn lowercase_into<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let n = c.len_utf8();
        if len + n > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..]);
        len += n;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// True when the text around `at` (on its line, 160 bytes either way)
/// reads as French: guillemets, or more French function words than English
/// ones. Then spacing before `;:!?` is deliberate even in a document said to
/// be English. The window keeps the cost per candidate bounded.
fn looks_french(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (at + 160).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let window = &text[from..to];
    let line_start = window[..at - from].rfind('\n').map_or(0, |i| i + 1);
    let line_end = window[at - from..].find('\n').map_or(window.len(), |i| at - from + i);
    let line = &window[line_start..line_end];
    if line.contains(['«', '»']) {
        return true;
    }
    let (mut fr, mut en) = function_words(line);
    // A line with no function word (`ip6frag_time (entier ; défaut : 30)`)
    // is read with the lines around it in its paragraph (the rule's
    // findings in a paragraph depend on that paragraph alone).
    if fr == 0 && en == 0 {
        let head = &window[..line_start];
        let tail = &window[line_end..];
        let para_start = head.rfind("\n\n").or_else(|| head.rfind("\n\r\n")).map_or(0, |i| i + 1);
        let para_end = line_end
            + tail
                .find("\n\n")
                .or_else(|| tail.find("\r\n\r\n"))
                .unwrap_or(tail.len());
        (fr, en) = function_words(&window[para_start..para_end]);
    }
    // A short line (`Linux ou GNU/Linux ?`, a French heading or caption
    // among English paragraphs) carries one function word at most: one
    // French and no English is enough there.
    let words = line
        .split_whitespace()
        .filter(|w| w.contains(char::is_alphabetic))
        .count();
    (fr >= 2 && fr > en) || (words <= SHORT_LINE_WORDS && fr >= 1 && en == 0)
}

/// True when the mark ends a short French quotation in other text:
/// `chanted "Allez les Bleus !" as`.
fn french_quotation(before: &str, after: &str) -> bool {
    if !after.starts_with(['"', '”', '“']) {
        return false;
    }
    let head = &before[floor_char_boundary(before, before.len().saturating_sub(120))..];
    let Some(open) = head.rfind(['"', '“', '\n']) else {
        return false;
    };
    // `“` takes three bytes.
    let quoted = &head[open + head[open..].chars().next().map_or(1, char::len_utf8)..];
    let (fr, en) = function_words(quoted);
    !head[open..].starts_with('\n') && fr >= 1 && en == 0 && quoted.split_whitespace().count() <= SHORT_LINE_WORDS
}

/// How many French and English function words `text` holds.
fn function_words(text: &str) -> (usize, usize) {
    let (mut fr, mut en) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()) {
        // `l'environnement`, `qu’il`: an elided article or pronoun.
        if matches!(
            w,
            "l" | "d" | "n" | "s" | "j" | "c" | "qu" | "L" | "D" | "N" | "S" | "J" | "C" | "Qu"
        ) {
            let end = w.as_ptr() as usize - text.as_ptr() as usize + w.len();
            let rest = text[end..].strip_prefix(['\'', '’']).unwrap_or("");
            fr += usize::from(rest.starts_with(char::is_alphabetic));
            continue;
        }
        // Every listed word is two to five letters long.
        if !(2..=10).contains(&w.len()) {
            continue;
        }
        let mut buf = [0u8; 16];
        let Some(w) = lowercase_into(w, &mut buf) else {
            continue;
        };
        fr += usize::from(FRENCH_WORDS.contains(&w));
        en += usize::from(ENGLISH_WORDS.contains(&w));
    }
    (fr, en)
}

/// The most words a line may hold for one French function word to mark it.
/// English says `the`, `of` or `to` within a dozen words; a caption such as
/// `Figure 8.4. Exemple de canal Alpha : Deux calques transparents` holds
/// ten and no English at all.
const SHORT_LINE_WORDS: usize = 12;

/// `        Raid Level : raid0` under `           Version : 1.2`: a spaced
/// colon at the column where a line around it has one too is a listing's
/// aligned keys and values.
fn colons_aligned(doc: &Document, line: usize, colon: usize) -> bool {
    let lines = doc.lines();
    let column = colon - lines[line].start;
    [line.checked_sub(2), line.checked_sub(1), Some(line + 1), Some(line + 2)]
        .into_iter()
        .flatten()
        .filter_map(|i| lines.get(i))
        .any(|l| {
            let n = l.slice(doc.text()).as_bytes();
            column >= 1 && column < n.len() && n[column] == b':' && n[column - 1] == b' '
        })
}

/// `Exemple :` alone on its line: a label of one or two words that the
/// colon ends. Too few words to tell its language, and French spaces it.
fn ends_a_label(text: &str, start: usize, end: usize) -> bool {
    let (lo, hi) = crate::text::line_reach(text.as_bytes(), start, end, 80);
    let after = &text[end..floor_char_boundary(text, hi)];
    let head = &text[ceil_char_boundary(text, lo)..start];
    let line_starts = lo == 0 || text.as_bytes()[lo - 1] == b'\n';
    line_starts && after.trim().is_empty() && head.split_whitespace().count() <= 2
}

/// True when the closing quotes and brackets that end `before` follow a
/// punctuation mark, as in `said.”`.
fn closes_after_punctuation(before: &str) -> bool {
    before
        .chars()
        .rev()
        .find(|&c| !crate::segment::is_closer(c))
        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…'))
}

#[cfg(test)]
mod tests {
    use crate::Language;

    fn fix_fr(text: &str) -> String {
        crate::rules::testing::linter(&super::META, Language::Is(crate::Lang::French))
            .fix(text, crate::FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn a_curly_quote_before_a_spaced_mark_is_read_on_its_boundaries() {
        // Found by the `check` fuzz target: the quotation's opening `“`
        // was sliced one byte in.
        assert!(super::french_quotation("the caption “ tous les jours ", "” and"));
        assert!(!super::french_quotation("the caption “ worth it tho ", "” and"));
        let text = "One fan posted the caption “ worth it tho , really ” today.";
        let _ = crate::Linter::new(&crate::Settings::default()).unwrap().check(text);
    }

    #[test]
    fn keeps_french_spacing_when_the_language_is_french() {
        assert_eq!(
            fix_fr("Pourquoi ? Parce que : voilà !"),
            "Pourquoi ? Parce que : voilà !"
        );
    }

    #[test]
    fn still_fixes_a_space_before_a_comma_in_french() {
        assert_eq!(fix_fr("Oui , bien sûr ."), "Oui, bien sûr.");
    }

    fn fix_en(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, crate::FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn keeps_the_semicolon_that_ends_an_options_command() {
        let listing = "       -execdir command ;\n\n       -execdir command {} +\n";
        assert_eq!(fix_en(listing), listing);
        let set = "Setzen Sie die Variable, bevor Sie das Programm starten:\n\n       export SANE_DEBUG_U12=20 ; xscanimage\n\nDer Wert steuert die Ausführlichkeit des Backends.\n";
        assert_eq!(fix_en(set), set);
        assert_eq!(fix_en("-execdir is set , then\n"), "-execdir is set, then\n");
    }

    #[test]
    fn fixes_a_period_ending_a_paragraph_and_keeps_crlf() {
        assert_eq!(fix_en("the end .\r\n\r\nNext ."), "the end.\r\n\r\nNext.");
    }

    #[test]
    fn fixes_a_space_before_a_mark_after_a_closing_quote() {
        assert_eq!(fix_en("he called it “waste” , then"), "he called it “waste”, then");
    }

    #[test]
    fn leaves_a_spaced_ellipsis_alone() {
        assert_eq!(fix_en("Wait . . . what"), "Wait . . . what");
    }

    #[test]
    fn leaves_clusters_behind_closing_quotes_to_the_cluster_rule() {
        assert_eq!(fix_en("“waste”. ,\n"), "“waste”. ,\n");
        assert_eq!(fix_en("“stop.” , she said"), "“stop.” , she said");
    }

    #[test]
    fn leaves_enumerators_in_brackets_alone() {
        assert_eq!(fix_en("( a ) price ( b ) date"), "( a ) price ( b ) date");
    }

    #[test]
    fn keeps_french_spacing_on_a_french_line_of_an_english_document() {
        let text = "Un naïf croit tout ce qu’on lui dit ; un sceptique ne croit rien.";
        assert_eq!(fix_en(text), text);
    }

    #[test]
    fn keeps_french_spacing_on_a_short_french_line_among_english_paragraphs() {
        let english = "There are numerous unofficial sources of packages, and the tools can use them all.\n\n";
        for line in [
            "Ressources non officielles : mentors.debian.net",
            "Linux ou GNU/Linux ?",
            "Pourquoi trois volumes ?",
            "ncurses : paramètre l'environnement export NCURSES_NO_UTF8_ACS=0.",
            "The crowd chanted \"Allez les Bleus !\" as the team scored in the final minute.",
        ] {
            let text = format!("{english}{line}");
            assert_eq!(fix_en(&text), text);
        }
        assert_eq!(fix_en("Is the fix in ?"), "Is the fix in?");
        let text = format!("{english}They chanted \"Go Blues !\" as the team scored.");
        assert_eq!(
            fix_en(&text),
            format!("{english}They chanted \"Go Blues!\" as the team scored.")
        );
        let text = format!("{english}Set the user's shell : bash.");
        assert_eq!(fix_en(&text), format!("{english}Set the user's shell: bash."));
        let text = format!("{english}Why did the tools fail ?");
        assert_eq!(fix_en(&text), format!("{english}Why did the tools fail?"));
    }

    #[test]
    fn keeps_a_mark_named_in_a_list_of_symbols_or_after_a_german_article() {
        let text = "Search for the characters ? or *, then press B or .\n\nMark it with einem ; als Zeichen.";
        assert_eq!(fix_en(text), text);
        assert_eq!(fix_en("He left , or so they say ."), "He left, or so they say.");
    }

    #[test]
    fn keeps_a_mark_named_after_a_participle_and_by_or_with() {
        let text = "The characters are separated by , and enclosed in parentheses.";
        assert_eq!(fix_en(text), text);
        assert_eq!(
            fix_en("Each line is terminated with ; in the file."),
            "Each line is terminated with ; in the file."
        );
        assert_eq!(
            fix_en("It was paid by , the council said."),
            "It was paid by, the council said."
        );
        assert_eq!(fix_en("He came by , then left."), "He came by, then left.");
        let sign = "You can add more patterns. Use ; to separate each pattern.\n";
        assert_eq!(fix_en(sign), sign);
        let dot = "To hide a file, give it a name that begins with .\n";
        assert_eq!(fix_en(dot), dot);
        assert_eq!(fix_en("The day ends with a party ."), "The day ends with a party.");
    }

    #[test]
    fn keeps_a_mark_named_after_an_article_and_a_word_that_places_it() {
        let text = "Remove a trailing , in a list, and the final ; of a line.";
        assert_eq!(fix_en(text), text);
        assert_eq!(
            fix_en("He took the last , they said, and a trailing one ."),
            "He took the last, they said, and a trailing one."
        );
    }

    #[test]
    fn keeps_a_space_before_a_colon_in_a_language_it_cannot_identify() {
        // Many languages space these marks; without knowing which, leave them.
        let text = "Mwalimu alisema : wanafunzi wengi walichelewa leo ; mvua ilinyesha sana usiku mzima !";
        assert_eq!(fix_en(text), text);
        assert_eq!(fix_en("Mwalimu alisema , leo."), "Mwalimu alisema, leo.");
    }

    #[test]
    fn still_fixes_english_lines_with_a_stray_space_before_a_question_mark() {
        assert_eq!(fix_en("Is it over ? The end is near !"), "Is it over? The end is near!");
    }

    #[test]
    fn removes_a_no_break_space_before_a_comma() {
        assert_eq!(fix_en("said\u{a0}, and"), "said, and");
    }

    #[test]
    fn one_long_gap_is_no_line_of_columns() {
        assert_eq!(
            fix_en("the new model      , which never shipped ."),
            "the new model, which never shipped."
        );
        let listing = "drwxrws---    3 cvs      cvs          4096 Aug 12 11:26 .";
        assert_eq!(fix_en(listing), listing);
    }
}
