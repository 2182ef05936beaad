use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;

use super::helpers::ends_entity;
use crate::lexicon::PERIOD_ABBREVIATIONS;
use crate::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::{between_quotes, is_abbreviation_period, looks_abbreviated, trailing_letters};

pub struct PunctuationCluster;

static META: RuleMeta = RuleMeta {
    code: "P001",
    name: "punctuation-cluster",
    family: Family::Punctuation,
    summary: "Two punctuation marks where one belongs: `,,`, `.,`, `;.`, `“waste”. ,`",
    docs: "\
Flags runs of sentence punctuation that say the same thing twice:
`local time,, the`, `reviewed by the newspaper.,`, `in smaller stages;.`,
`“waste”. ,`, `etc..`, `Really?.`.

Machine translation emits a mark for each source clause and a scraper
joins them; editors delete a word but keep the marks on both sides of it.

Which mark stays: a sentence's final mark (`.`, `?`, `!`) wins over a comma
or semicolon before it (`stages;.` → `stages.`); after a final period, a
comma or semicolon is dropped (`newspaper.,` → `newspaper.`,
`“waste”. ,` → `“waste”.`); of two commas or semicolons the first stays. The
fix deletes the redundant marks and the spaces before them and never the
mark that stays, so it cannot clash with another rule's edit ending there.

Two periods after a word and before a new sentence (`midnight.. Some`)
lose one, as an unsafe fix: a writer may have meant a short ellipsis.

Left alone: two periods after a Korean, Chinese or Japanese letter, the
writer's short ellipsis (`마쯔 준.. 요렇게`, `喂.. 是你?`), and `;;` there,
a face's sweat (`주방장정도;;?`); marks on both sides of a closing bracket (`(R-Wis.). The`),
a `?` or `!` after a closing quote (`Did she say “No.”?`, `he can sing!”.`),
a mark glued to what follows (`$0.34; .33 euro`, `Malm?.`), a period and
a comma glued before a capital (`NORTH READING, Mass., Feb. 8`), a
question ending on a short abbreviation (`in Warsaw, Ind.? Biomet`; any
other period before a `?` or `!` is dropped only after review, as it may end
an abbreviation no list knows: `3 tbsp.?`), a
Greek question's `;` (`σας;!`, which is `?!`), a `!` or `?` set apart by
spaces, which names the key to type (`введите !.`), the `;`
of an HTML entity (`&quot;.`), ellipses (`...`, `. . .`, `…,`, `,...`), runs of `?` and `!`
(`?!`, `!!`), a comma after an abbreviation's period (`etc.,`, `U.S.,`,
`Inc.,`, `a.m.,`, `i.e.,`: there the space alone goes, `etc. ,` →
`etc.,`, unless the line ends there: `the U.S. ,` → `the U.S.`), a comma after `?` or `!` (`“Who?”, she asked`, `Yahoo!, the
firm`; a space between them goes, and `“Who?” , she asked` is only
reported: dropping or joining the comma is a judgement), colons (`std::`, `:,(`), marks at the
start of a line (`stray-punctuation`'s and `punctuation-only-line`'s),
French spacing before `;` `!` `?`, a period after a closing guillemet
that another closes inside (`«Dr.».`, where Spanish, French and Russian
put the sentence's own period), a mark quoted alone before the sentence's
own (`a leading \".\".`), a `;` or `:` beside a closing quote (`the
trailing \"cd ./source;\".`, `echo \"Hi,\"; ls`), a statement's `;` after
a quoted value (`ddns-domain-name \"example.com\";.`), marks inside a
quoted token with no space (a string literal: `b'1,,2'`), an empty field
in a list written without spaces (`(RWE,RWE,,)`, `a,b,,d`), two commas
typed for a low opening quote (`,,Programowo nie''`), a stutter (`k..k.. kann`, `g..
g.. geh`), a shell `case`'s `;;`, a range left open before a closing
bracket (`[name=N,N..]`), an empty argument of a call (`=NETWORKDAYS(A1;
B1; ; {1;0;0})`, `CreateScriptService(\"Dialog\", , 300)`: a bracket glued to
its function's name), a shell's parameter expansion (`${name,,pattern}`),
marks after a symbol in a list of characters
(`<>?/,. They`), and a number format's placeholders (`0.???`).

Fix: safe where the run ends a line or a capital letter follows, except
dropping a period after `?` or `!` (`Really?.`), which is unsafe: in text
that went through a lossy charset conversion, the `?` may stand for a lost
letter (`Malm?.` for `Malmö.`). Where a
lowercase word or a number follows a period and a comma, the period may end
an abbreviation the lexicon does not know (`Portland, Ore., and`): glued,
that is left alone; spaced (`Salem. , it said`), the rule only reports. Where a comma and a final mark meet before a
lowercase word (`said,. and`), keeping the comma is unsafe. Two periods
closing a paragraph (`under consideration..`) are made one safely in English
only: elsewhere a snippet's cut or a short ellipsis (`ni Ekibuga kitabuse..`,
`नई पीढ़ी..`) is written so as often, and the fix is unsafe.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: "Did he really say that.? Wohnen Sie in der Bahnhofstr.?",
            output: "Did he really say that? Wohnen Sie in der Bahnhofstr?",
        },
        Fixture {
            input: "He said:,, and left.",
            output: "He said:, and left.",
        },
        Fixture {
            input: "The bill is under consideration..\n\nIt passed.",
            output: "The bill is under consideration.\n\nIt passed.",
        },
        Fixture {
            input: "would take necessary measures.” It did not give details. ,\n",
            output: "would take necessary measures.” It did not give details.\n",
        },
        Fixture {
            input: "a huge drain on resources.” “waste”. ,",
            output: "a huge drain on resources.” “waste”.",
        },
        Fixture {
            input: "at 10:14 a.m. local time,, the centre said. It ended in stages;.\n",
            output: "at 10:14 a.m. local time, the centre said. It ended in stages.\n",
        },
        Fixture {
            input: "reviewed by the newspaper.,\n\nNext. Really?. Yes, . And etc..",
            output: "reviewed by the newspaper.\n\nNext. Really? Yes. And etc.",
        },
        Fixture {
            input: "“marketing tool”. ;.\nHe said,. and left. Apples, pears etc. , and more.",
            output: "“marketing tool”.\nHe said, and left. Apples, pears etc., and more.",
        },
        Fixture {
            input: "They met in the U.S. ,\nMail press@acme.example. ,\nSee https://doi.example.org/10.1038/x.117. ,\nTo the U.S. ,\nand Canada.",
            output: "They met in the U.S.\nMail press@acme.example.\nSee https://doi.example.org/10.1038/x.117.\nTo the U.S.,\nand Canada.",
        },
        Fixture {
            input: "They sang until after midnight.. Some went home.",
            output: "They sang until after midnight. Some went home.",
        },
        Fixture {
            input: "He works in Salem. , it said, and in Portland, Ore., too.",
            output: "He works in Salem. , it said, and in Portland, Ore., too.",
        },
        Fixture {
            input: "“Is it over?” , she asked. Yahoo! , the firm, agreed.",
            output: "“Is it over?” , she asked. Yahoo!, the firm, agreed.",
        },
    ],
    keeps: &[
        "제목에는 마츠 준, 본문에는 마쯔 준.. 요렇게 쓰고 있군요. 음..\n\n\"喂.. 是你? 怎麼了?\"\n\n주방장정도;;?",
        "Чтобы дать пустой ответ, введите в приглашении !. Чтобы вернуться, введите <.",
        "Γιατί να πετάτε έτσι τα χρήματά σας;! Υπάρχουν πολλά δωρεάν προγράμματα.",
        "The procedure is discussed in Section 5.2.3, “Checksums, List of Configuration Files, et al.”.",
        "The range %s..%s is invalid, and so is a..z here.",
        "Multiple commands may be entered on a single line, separated by ;;. A single ; is not used.",
        "What's new in Warsaw, Ind.? Biomet and Zimmer staff know. Was it in Mass.?",
        "Maybe Chris could confirm this? ;-) It works, but not always. ;) In any case! :-( we wait. Unusual?  ;>",
        "Vet inte om jag kan komma loss själv heller, ;~) den som lever får se.",
        "Po..po..pom.. pompitaan käsky ei kaikunut, ja K..k..kann.. Kann man das?",
        "Por ejemplo, «Mr.» o «Dr.». Los archivos que comienzan con «.». Luego.",
        "case $x in a) echo a ;; b) echo b ;; esac",
        "Files that begin with a leading \".\". Or a \",\", for that matter.",
        "We toured the U.S.A.,\nThen we flew home.",
        "He paused.. and went on, and then...\n\nThe end of it...",
        "He wrote \",,\" by mistake, then `;.` and “..” too.",
        "Wait... what? Really?! No!! Well, ... fine…, ok.",
        "He paused . . . and went on. Well.. maybe. Wait.. what? Ok..",
        "Apples, pears, etc., and the U.S., Acme Inc., at 6 a.m., i.e., e.g., now.",
        "“Who?”, she asked, and Yahoo!, the firm, agreed.",
        "Use std::vector and :,( faces.",
        "병원에서는 뼈 사이라고 했었다. -_-;;; 그래도 ㅡㅡ;; 괜찮다.",
        "GET GUTINDEX.??  [to get a year's listing of books]",
        "  \"description\": \"Shovel Knight is far from stuck in it.\",\n  \"lang\": \"en\"",
        ". , a line of stray marks\n, The company said",
        "It cost 1,000.50 dollars, or 3.5, or 10:30.",
        "He lives in Portland, Ore., and fishes in Pendleton, Ore., too.",
        "It said &quot;a failure.&quot;. And &amp;, fine.",
        "Rep. Paul Ryan (R-Wis.). The fight (though implied!). But",
        "Did she say \"No.\"? He can sing!\". Worse choice,\"?Sen. Warren",
        "Costs $0.34; .33 euro; ?164m, $36m;?29m.",
        "NORTH READING, Mass., Feb. 8, 2017 and R-Mich., Raul Labrador",
        "all men are created equal, . . . endowed, and despair • . . I see",
        "Use letters, digits, @, ., +, -, _ or ! in the name.",
        "Control operator (optional: && , || , newline , ; , & , ( , ) )",
        "Storage paths inside this storage path are not supported, e.g. ./path/to/blueprint or i.e. ../lib here.",
        "    user2:x:1001:1001:User2 Name,,,:/home/user2:/bin/bash",
        "Use printf(\"%s\", foo); not printf(foo);.",
        "  a) echo \"ICK, NOTHING WORKED!!!  You may have to diddle the includes.\";;\n  b) exit ;;",

        "Options: [name=N,N..] are accepted, as are {1..} ranges.",
        "Napisz tak: ,,Programowo nie'' i tyle, jak sie nazywasz ? ;PP\nA: g.. g.. geh mir m.. m.. mal aus dem Weg.",
        "Taip rašoma psalmėje:,,Štai, ką aš sakau\" ir kitur.",
        "Drzost. Soc. dem. ,,Jiskra`` ve své neomalenosti vyhrožuje státním úředníkům.",
        "Er rief: H.. H.. Hilfe i.. i.. ich k..k.. kann doch n..n..icht schwimmen!",
        "Der zweite schreit:\nH.. H.. Hilfe i.. i.. ch k..k.. kann doch n..n..icht schw.. schwimmen!",
        "Drop the trailing \"cd ./source;\". Then run echo \"Hello,\"; echo \"world\"",
        "The file contains the line ddns-domain-name \"internal.falcot.com\";.",
        "For example, b'1,,2'.split(b',') returns three items, as \"a;;b\" does.",
        "The format code 0.0,, \"million\" shows 1234567 as 1.2 million, and #,##0,, as 1.",
        "Verwenden Sie ein ;, um jedes Muster von einander zu trennen.",
        "The default protection is (RWE,RWE,,) and a row reads a,b,,d;e,,f.",
        "=NETWORKDAYS(DATE(2016;9;12); DATE(2016;9;25); ; {1;0;0;0;1;1;1}) returns 6 workdays.",
        "       ${parametro,modello}\n       ${parametro,,modello}\n              Modifica minuscolo/maiuscolo.",
        ".5 as 0.5 (with two extra spaces at the end)\n\n0.???\n\nThousands Separator",
        "Names may not contain any of the characters <space>`!\"$%^*()+={}[]@'~#<>?/,. They may not be field names.",
    ],
};

static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.,;!?](?:[”’"'»)\]]*[ \t]*[.,;!?])+"#).expect("pattern compiles"));

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `.`
    Period,
    /// `?` or `!`
    Final,
    /// `,` or `;`
    Weak,
}

fn kind(b: u8) -> Kind {
    match b {
        b'.' => Kind::Period,
        b'?' | b'!' => Kind::Final,
        _ => Kind::Weak,
    }
}

/// What follows a run, which decides how sure the fix is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    /// End of line or text.
    End,
    /// A capital letter, an opening quote or bracket.
    Start,
    /// A lowercase letter or a digit.
    Continues,
    Other,
}

fn next_after(text: &str, end: usize) -> Next {
    let rest = text[end..].trim_start_matches([' ', '\t', '”', '’', '"', '\'', ')', ']', '»']);
    match rest.chars().next() {
        None | Some('\n' | '\r') => Next::End,
        Some(c) if c.is_uppercase() || crate::segment::is_opener(c) => Next::Start,
        Some(c) if c.is_alphanumeric() => Next::Continues,
        Some(_) => Next::Other,
    }
}

/// True when the line ending after `end` is a hard wrap: the next line goes
/// on in lowercase (`the U.S. ,\nand Canada`).
fn wraps_on(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t', '\r']);
    rest.strip_prefix('\n')
        .is_some_and(|next| next.trim_start_matches([' ', '\t']).starts_with(char::is_lowercase))
}

/// One mark of a run: where it is, and where the spaces before it start.
#[derive(Clone, Copy)]
struct Mark {
    at: usize,
    kind: Kind,
    /// Start of the blanks between the previous element and this mark.
    pad: usize,
    /// A closing quote or bracket stands between this mark and the one before.
    after_closer: bool,
    /// A closing bracket does: the marks belong to different levels, `(R-Wis.).`.
    after_bracket: bool,
}

fn marks_of(text: &str, start: usize, end: usize) -> Vec<Mark> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pad = start;
    let (mut closer, mut bracket) = (false, false);
    // Greek asks with `;` (`σας;!` is `?!`).
    let greek = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}'));
    for (i, &c) in b.iter().enumerate().take(end).skip(start) {
        match c {
            b';' if ends_entity(text, i) => pad = i + 1, // `&quot;` is not a mark
            b'.' | b',' | b';' | b'!' | b'?' => {
                out.push(Mark {
                    at: i,
                    kind: if c == b';' && greek { Kind::Final } else { kind(c) },
                    pad,
                    after_closer: closer,
                    after_bracket: bracket,
                });
                pad = i + 1;
                (closer, bracket) = (false, false);
            }
            b' ' | b'\t' => {}
            _ => {
                pad = i + 1; // a closing quote or bracket stays
                closer = true;
                bracket |= matches!(c, b')' | b']');
            }
        }
    }
    out
}

/// Delete `marks` (with the blanks before each), merging touching deletions.
fn deletions(marks: &[Mark]) -> Vec<Edit> {
    let mut spans: Vec<Span> = Vec::new();
    for m in marks {
        let s = Span::new(m.pad, m.at + 1);
        match spans.last_mut() {
            Some(last) if last.end == s.start => last.end = s.end,
            _ => spans.push(s),
        }
    }
    spans.into_iter().map(Edit::delete).collect()
}

/// Delete the marks before the one that stays at index `keeper`, each with
/// the blanks that follow it.
fn deletions_before(marks: &[Mark], keeper: usize) -> Vec<Edit> {
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |s: Span| match spans.last_mut() {
        Some(last) if last.end == s.start => last.end = s.end,
        _ => spans.push(s),
    };
    for i in 0..keeper {
        let (m, n) = (marks[i], marks[i + 1]);
        push(Span::new(m.at, m.at + 1));
        if n.pad < n.at {
            push(Span::new(n.pad, n.at));
        }
    }
    spans.into_iter().map(Edit::delete).collect()
}

enum Verdict {
    Skip,
    Report(&'static str),
    Fix(Applicability, &'static str, Vec<Edit>),
}

/// True when only blanks, then a blank line or the end, follow `at`.
fn ends_paragraph(text: &str, at: usize) -> bool {
    let mut lines = text[at..].split('\n');
    lines.next().is_some_and(|l| l.trim().is_empty()) && lines.next().is_none_or(|l| l.trim().is_empty())
}

fn judge(text: &str, marks: &[Mark], next: Next, language: Option<Lang>) -> Verdict {
    let french = language.is_some_and(Lang::spaces_high_punctuation);
    let b = text.as_bytes();
    let glued = |m: &Mark, prev: &Mark| m.pad == prev.at + 1 && m.at == prev.at + 1;
    let spaced = |m: &Mark| m.at > m.pad;
    // `введите в приглашении !.`, `선택), ! 문자를`: a `!` or `?` set apart
    // by a space before it and after it names the key to type.
    if marks.iter().any(|m| {
        // The text's end reads as a line's end, so a paragraph alone is
        // judged as it is inside its text.
        let after = &text[m.at + 1..];
        m.kind == Kind::Final
            && text[..m.at].ends_with(' ')
            && (after.is_empty() || after.starts_with([' ', '.', ',', '\n']))
    }) {
        return Verdict::Skip;
    }
    // `after midnight.. Some sang`: two periods after a word, before a new
    // sentence. Unsafe: a writer may have meant a short ellipsis.
    if let [a, m] = marks {
        if a.kind == Kind::Period
            && m.kind == Kind::Period
            && glued(m, a)
            && next == Next::Start
            && !is_abbreviation_period(text, a.at)
            && text[..a.at].chars().rev().take(2).all(char::is_lowercase)
        {
            return Verdict::Fix(
                Applicability::Unsafe,
                "one period ends the sentence",
                deletions(&marks[1..]),
            );
        }
        // `under consideration..` closing a paragraph: an ellipsis needs
        // three, unless the writer makes them of two (`Well.. maybe`).
        // The paragraph scan comes last: it runs at most once a paragraph.
        if a.kind == Kind::Period
            && m.kind == Kind::Period
            && glued(m, a)
            && next == Next::End
            && ends_paragraph(text, m.at + 1)
            && !is_abbreviation_period(text, a.at)
            && text[..a.at].chars().next_back().is_some_and(char::is_alphanumeric)
            && !crate::segment::after_blank_line(&text[..a.at]).contains("..")
        {
            return Verdict::Fix(Applicability::Safe, PARAGRAPH_PERIOD, deletions(&marks[1..]));
        }
    }
    // `%s..%s`, `a..z`: two periods glued to what follows make a range.
    if let [a, m] = marks {
        if a.kind == Kind::Period
            && m.kind == Kind::Period
            && glued(m, a)
            && text[m.at + 1..].starts_with(|c: char| c.is_alphanumeric() || c == '%')
        {
            return Verdict::Skip;
        }
    }
    // Ellipses: two periods in a row anywhere, or a run of periods alone.
    if marks
        .windows(2)
        .any(|w| w[0].kind == Kind::Period && w[1].kind == Kind::Period && glued(&w[1], &w[0]))
        && !(marks.len() == 2 && is_abbreviation_period(text, marks[0].at))
    {
        return Verdict::Skip;
    }
    // A spaced ellipsis, `equal, . . . endowed`, wherever it sits in the run.
    if marks.windows(3).any(|w| w.iter().all(|m| m.kind == Kind::Period)) {
        return Verdict::Skip;
    }
    // `despair • . . I see`: a period after a space starts an ellipsis, not
    // a cluster (and a space before a lone mark is `space-before-punctuation`'s).
    if marks[0].kind == Kind::Period && text[..marks[0].at].chars().next_back().is_some_and(char::is_whitespace) {
        return Verdict::Skip;
    }
    // `digits, @, ., +, -, _`, `newline , ; , &`: a mark listed as an item
    // between the commas of a list of symbols, spaced as the list is.
    if marks.windows(3).any(|w| {
        b[w[0].at] == b',' && spaced(&w[1]) && b[w[2].at] == b',' && (!spaced(&w[2]) || b[..w[0].at].ends_with(b" "))
    }) {
        return Verdict::Skip;
    }
    if french && marks.iter().any(|m| spaced(m) && matches!(b[m.at], b';' | b'!' | b'?')) {
        return Verdict::Skip;
    }
    // Marks on both sides of a closing bracket, `(R-Wis.).`, belong to
    // different sentences; `."?` asks about a quoted sentence, and `,"?Sen`
    // holds a `?` standing in for a character lost in a charset conversion.
    if marks
        .iter()
        .any(|m| m.after_bracket || (m.after_closer && m.kind == Kind::Final))
    {
        return Verdict::Skip;
    }
    // `;;` ends a shell `case` branch and separates a debugger's commands
    // (`separated by ;;.`); prose doubles commas, not these.
    if marks.len() >= 2 && b[marks[0].at] == b';' && b[marks[1].at] == b';' && marks[1].at == marks[0].at + 1 {
        return Verdict::Skip;
    }
    // `a leading ".".`: the first mark, quoted alone, is named, and the
    // sentence's own mark follows the quote.
    if between_quotes(text, Span::new(marks[0].at, marks[0].at + 1)) {
        return Verdict::Skip;
    }
    // `de type "M.".`: a quoted value of one token ends on its own period,
    // and the sentence's follows the quote.
    if marks.len() == 2 && marks[1].after_closer && b[marks[0].at] == b'.' {
        let from = floor_char_boundary(text, marks[0].at.saturating_sub(12));
        let head = &text[from..marks[0].at];
        let opener = head
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '"' | '“' | '\'' | '‘'));
        if let Some((i, q)) = opener {
            let value = &head[i + q.len_utf8()..];
            let word_start = head[..i].ends_with(char::is_whitespace) || (i == 0 && from == 0);
            if word_start && !value.is_empty() && !value.contains(char::is_whitespace) {
                return Verdict::Skip;
            }
        }
    }
    // Guillemet languages put the sentence's period outside the closing
    // mark even when the quotation ends on one: `«Dr.».`, `«.».`.
    if marks
        .windows(2)
        .any(|w| w[1].after_closer && text[w[0].at..w[1].at].contains(['»', '«']))
    {
        return Verdict::Skip;
    }
    if marks[0].kind == Kind::Final && marks[1].after_closer {
        // `“Who?” , she asked`: drop the comma or join it? A person decides.
        // Glued, `“Who?”, she asked` and `he can sing!”.` are house styles.
        return match marks[1] {
            m if m.kind == Kind::Weak && spaced(&m) && marks.len() == 2 => {
                Verdict::Report("a comma after a quoted question or exclamation")
            }
            _ => Verdict::Skip,
        };
    }
    // `"Tarch Madness"?.`: a `?` after a quote is a lost character again.
    if marks[0].kind == Kind::Final
        && text[..marks[0].at]
            .chars()
            .next_back()
            .is_some_and(crate::segment::is_closer)
    {
        return Verdict::Skip;
    }
    // A semicolon or colon beside a closing quote is quoted verbatim or
    // ends a command: `the trailing "cd ./source;".`, `echo "Hi,"; ls`.
    if marks.len() == 2 && marks[1].after_closer && marks.iter().any(|m| matches!(b[m.at], b';' | b':')) {
        return Verdict::Skip;
    }
    // `the line ddns-domain-name "internal.falcot.com";.`: a statement's
    // `;` after a quoted value with no space in it, then the sentence's
    // period.
    if marks.len() == 2 && b[marks[0].at] == b';' && marks[0].at > 0 && b[marks[0].at - 1] == b'"' {
        let from = crate::span::ceil_char_boundary(text, marks[0].at.saturating_sub(64));
        let head = &text[from..marks[0].at - 1];
        if head
            .rfind('"')
            .is_some_and(|q| !head[q + 1..].contains(char::is_whitespace))
        {
            return Verdict::Skip;
        }
    }
    // `[name=N,N..]`, `{1..}`: a range left open in a usage line.
    if marks.len() == 2
        && marks.iter().all(|m| b[m.at] == b'.')
        && marks[1].at == marks[0].at + 1
        && matches!(b.get(marks[1].at + 1), Some(b']' | b'}'))
    {
        return Verdict::Skip;
    }
    let first = marks[0];
    let rest = &marks[1..];
    match first.kind {
        Kind::Period if is_abbreviation_period(text, first.at) => {
            // The period is part of the word; judge what follows it.
            match rest {
                // `in “Checksums, et al.”.`: a quoted title ends on the
                // abbreviation, and the sentence's period follows the quote.
                [m] if m.kind == Kind::Period && m.after_closer => Verdict::Skip,
                [m] if m.kind == Kind::Period => Verdict::Fix(
                    Applicability::Safe,
                    "the abbreviation's period also ends the sentence",
                    deletions(rest),
                ),
                // At a line's end nothing follows for the comma to join:
                // `in the U.S. ,` ends there, and joining would hide it.
                [m] if m.kind == Kind::Weak && spaced(m) && next == Next::End && !wraps_on(text, m.at + 1) => {
                    Verdict::Fix(
                        Applicability::Safe,
                        "the abbreviation's period also ends the sentence",
                        deletions(rest),
                    )
                }
                // French spaces its `;` (`etc. ; Échap`), and so may text too
                // short to tell its language: only a comma joins there.
                [m] if spaced(m)
                    && m.kind == Kind::Weak
                    && !(b[m.at] == b';' && language.is_none_or(Lang::spaces_high_punctuation)) =>
                {
                    Verdict::Fix(
                        Applicability::Safe,
                        "join the comma to the abbreviation",
                        vec![Edit::delete(Span::new(m.pad, m.at))],
                    )
                }
                [_] => Verdict::Skip,
                _ => judge(text, rest, next, language),
            }
        }
        Kind::Period => match next {
            // `Feb. 8, NORTH READING, Mass., Feb.`: glued, the period may end
            // an abbreviation the lexicon lacks; only a line end is sure.
            Next::Start if !spaced(&rest[0]) && rest[0].kind == Kind::Weak => Verdict::Skip,
            // So at a hard wrap the next line goes on in lowercase: `III.,`
            // then `the Narwhale;` is an enumeration's, not a sentence's end.
            Next::End
                if !spaced(&rest[0]) && rest[0].kind == Kind::Weak && wraps_on(text, rest[rest.len() - 1].at + 1) =>
            {
                Verdict::Skip
            }
            // `in Warsaw, Ind.? Biomet`: a question that ends on a short
            // abbreviation keeps both marks.
            Next::End | Next::Start if rest[0].kind == Kind::Final && short_abbreviation(text, first.at) => {
                Verdict::Skip
            }
            // `3 tbsp.?`, `Bahnhofstr.?`, `дол.!`: the period may end an
            // abbreviation no list knows, and the `?` or `!` says what the
            // sentence is; dropping it would make a question a statement. So
            // the period goes, and only after review (`that.?` is a slip).
            Next::End | Next::Start if rest[0].kind == Kind::Final => match rest {
                [m] if !spaced(m) => Verdict::Fix(
                    Applicability::Unsafe,
                    "the question or exclamation mark ends the sentence",
                    deletions_before(marks, 1),
                ),
                _ => Verdict::Skip,
            },
            Next::End | Next::Start => Verdict::Fix(
                Applicability::Safe,
                "the period already ends the sentence",
                deletions(rest),
            ),
            _ if rest.iter().all(|m| m.kind == Kind::Period) => Verdict::Skip,
            // `Portland, Ore., and`: an abbreviation the lexicon lacks.
            _ if !spaced(&rest[0]) => Verdict::Skip,
            _ => Verdict::Report("a period and a comma: which one belongs here?"),
        },
        Kind::Final => {
            if rest.iter().all(|m| m.kind == Kind::Final) {
                Verdict::Skip // `?!`, `!!`
            } else if rest.iter().all(|m| m.kind == Kind::Period) {
                // Unsafe: `Malm?.` may hold a `?` that stands for a lost letter.
                Verdict::Fix(
                    Applicability::Unsafe,
                    "the question or exclamation mark already ends the sentence",
                    deletions(rest),
                )
            } else if let [m] = rest {
                // `Who? ,`: a comma after `?` may be right; the space is not.
                if spaced(m) {
                    Verdict::Fix(
                        Applicability::Safe,
                        "join the comma to the mark",
                        vec![Edit::delete(Span::new(m.pad, m.at))],
                    )
                } else {
                    Verdict::Skip
                }
            } else {
                Verdict::Skip
            }
        }
        Kind::Weak => {
            let Some(k) = marks.iter().position(|m| m.kind != Kind::Weak) else {
                return Verdict::Fix(Applicability::Safe, "one comma or semicolon is enough", deletions(rest));
            };
            match next {
                Next::End | Next::Start => {
                    let mut edits = deletions_before(marks, k);
                    edits.extend(deletions(&marks[k + 1..]));
                    Verdict::Fix(Applicability::Safe, "the sentence ends here; drop the comma", edits)
                }
                Next::Continues => Verdict::Fix(
                    Applicability::Unsafe,
                    "the sentence goes on; keep the comma",
                    deletions(rest),
                ),
                Next::Other => Verdict::Report("a comma and a final mark together"),
            }
        }
    }
}

/// Whether `head` ends in a call's closing bracket, `printf(foo)`: a
/// name glued to the opening one, within 60 bytes.
fn after_call(head: &str) -> bool {
    if !head.ends_with(')') {
        return false;
    }
    let from = ceil_char_boundary(head, head.len().saturating_sub(60));
    let window = &head[from..head.len() - 1];
    window.rfind('(').is_some_and(|open| {
        window[..open]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Whether `head` ends in a number of one to three digits standing alone
/// (`das 2`), which an ordinal's period follows.
fn ordinal_before(head: &str) -> bool {
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && head[..head.len() - digits]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(')
}

impl Rule for PunctuationCluster {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b",;.!?") {
            return;
        }
        let text = doc.text();
        let (mut scanned, mut line_start) = (0, 0);
        for m in PATTERN.find_iter(text) {
            if let Some(i) = memchr::memrchr(b'\n', &text.as_bytes()[scanned..m.start()]) {
                line_start = scanned + i + 1;
            }
            scanned = m.start();
            if text[line_start..m.start()].trim().is_empty() {
                continue; // marks opening a line belong to other rules
            }
            // A run right after another mark or an ellipsis is part of it.
            if text[..m.start()].ends_with(['.', '…']) {
                continue;
            }
            let marks = marks_of(text, m.start(), m.end());
            if marks.len() < 2 {
                continue;
            }
            // A mark glued to what follows is not closing anything: `.33`,
            // `?164m`, `;?29m`.
            let last = text.as_bytes()[m.end() - 1];
            let glued_next = text[m.end()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '\'' | '‘'));
            if glued_next && (last != b',' && last != b';') {
                continue;
            }
            let word_start = |at: usize| {
                text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c.is_whitespace() || c == '(')
            };
            // `,,Programowo nie''`: two commas typed for a low opening quote
            // (Polish, German, Czech „), after a sentence's mark too (`dem.
            // ,,Jiskra``), or glued to the colon that announces it
            // (`psalmėje:,,Štai`).
            if m.as_str().ends_with(",,")
                && glued_next
                && (word_start(m.end() - 2) || text[..m.end() - 2].ends_with(':'))
            {
                continue;
            }
            // `Verwenden Sie ein ;, um`: a sign standing alone is named,
            // and the comma after it is the clause's.
            if matches!(m.as_str(), ";," | ":,") && text[..m.start()].ends_with(' ') && text[m.end()..].starts_with(' ')
            {
                continue;
            }
            // `0.0,, "million"`, `#,##0,,`: a number format's code, where
            // each comma after the digits scales by a thousand.
            if m.as_str().starts_with(",,") {
                let code = crate::text::last_token(&text[..m.start()], 32);
                if code.contains(['0', '#']) && code.bytes().all(|c| matches!(c, b'0' | b'#' | b'.' | b',' | b'?')) {
                    continue;
                }
            }
            // `g.. g.. geh`, `k..k.. kann`: a stutter, a letter and a pause
            // before the word it starts again (`Raphael K.. They` is a slip).
            let stutter = text[..m.start()].char_indices().next_back().is_some_and(|(i, c)| {
                let again = text[m.end()..].trim_start_matches(' ').chars().next();
                c.is_alphabetic()
                    && (word_start(i) || text[..i].ends_with(".."))
                    && again.is_some_and(|a| a.to_lowercase().eq(c.to_lowercase()))
            });
            // `po..pom.. pompitaan`: the syllables a stutter gets out before
            // the word, which begins with them.
            let syllables = {
                let frag = trailing_letters(&text[..m.start()]);
                let again = text[m.end()..].trim_start_matches(' ');
                !frag.is_empty()
                    && frag.chars().nth(5).is_none()
                    && again.get(..frag.len()).is_some_and(|a| {
                        a.chars()
                            .flat_map(char::to_lowercase)
                            .eq(frag.chars().flat_map(char::to_lowercase))
                    })
            };
            // `i.. i.. ch`: a stutter goes on where one came before it.
            let stuttering = {
                let frag = trailing_letters(&text[..m.start()]);
                !frag.is_empty()
                    && frag.chars().nth(3).is_none()
                    && text[..m.start() - frag.len()].trim_end_matches(' ').ends_with("..")
                    && text[..m.start() - frag.len()].ends_with(' ')
            };
            if m.as_str() == ".." && (stutter || syllables || stuttering) {
                continue;
            }
            // `patches! ;-)`, `a fair test. ;)`: the last mark opens an emoticon.
            if matches!(last, b';' | b':') && crate::text::emoticons::follows_eyes(&text[m.end()..]) {
                continue;
            }
            // `<>?/,. They`: marks after a symbol are listed characters;
            // `0.???`: a number format's digit placeholders; `GUTINDEX.??`:
            // a file pattern's wildcards.
            let before = text[..m.start()].chars().next_back();
            let capitals = text[..m.start()]
                .bytes()
                .rev()
                .take(2)
                .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                .count();
            if before.is_some_and(|c| "/\\<>@#$^*+=|~`".contains(c))
                || (before.is_some_and(|c| c.is_ascii_digit()) && m.as_str().starts_with(".??"))
                || (capitals >= 2 && m.as_str().starts_with(".?") && m.as_str()[1..].bytes().all(|b| b == b'?'))
            {
                continue;
            }
            let after = &text[m.end()..];
            // `e.g. ./path`, `i.e. ../lib`: the last period opens a path.
            // `User Name,,,:/home/user`: a record's empty fields.
            // `printf(foo);.`: a statement's semicolon, then the sentence's.
            // `echo "done";;` ending its line: a shell case's branch.
            let all = |c: u8| m.as_str().bytes().all(|b| b == c);
            if (last == b'.' && after.starts_with('/'))
                || (all(b',') && after.starts_with([':', ';', '|', '/']))
                || (m.as_str().starts_with(';') && after_call(&text[..m.start()]))
                || (m.as_str().ends_with(";;") && after.trim_start_matches([' ', '\t']).starts_with(['\n', '\r']))
            {
                continue;
            }
            // `das 2., 3. etc.`: a German (Czech, Polish…) ordinal's period,
            // then the list's comma.
            if m.as_str() == ".,"
                && doc.language_at(m.start()) != Some(Lang::English)
                && ordinal_before(&text[..m.start()])
            {
                continue;
            }
            // `-_-;;;`, `ㅡㅡ;;`: a face's drops of sweat; Korean writes
            // them after a word too (`주방장정도;;?`).
            let cjk_before = before.is_some_and(crate::text::chars::is_cjk_letter);
            let sweat = (m.as_str().bytes().all(|b| b == b';') && before.is_some_and(|c| matches!(c, '-' | '_' | '^')))
                || (m.as_str().starts_with(";;") && cjk_before);
            // `마쯔 준.. 요렇게`, `喂.. 是你?`: two periods after a Korean or
            // Chinese word are its short ellipsis.
            if m.as_str() == ".." && cjk_before {
                continue;
            }
            // `"description": "… it.",`: the comma ends a JSON value. Only
            // the line's head is read, so a long line stays linear.
            let head = &text[line_start..floor_char_boundary(text, m.start().min(line_start + 80))];
            let json = head.trim_start().starts_with('"') && head.contains("\": ");
            if sweat || json {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            // `He wrote ",," by mistake`: marks in quotes are the marks
            // named; `b'1,,2'.split(b',')`: inside a string literal.
            if between_quotes(text, span)
                || in_literal(text, span)
                || in_spaceless_list(text, span)
                || empty_argument(text, span)
                || in_parameter_expansion(text, span)
            {
                continue;
            }
            let next = next_after(text, m.end());
            let diag = match judge(text, &marks, next, doc.language_at(m.start())) {
                Verdict::Skip => continue,
                Verdict::Report(msg) => Diagnostic::new(&META, span, msg),
                Verdict::Fix(mut applicability, msg, edits) => {
                    // `ni Ekibuga kitabuse..`, `नई पीढ़ी..`: outside English, two
                    // periods closing a paragraph are as often a snippet's cut or
                    // a short ellipsis as a slip; a person decides there.
                    if msg == PARAGRAPH_PERIOD && doc.language_at(m.start()) != Some(Lang::English) {
                        applicability = applicability.min(Applicability::Unsafe);
                    }
                    let mut edits = edits.into_iter();
                    let Some(first) = edits.next() else { continue };
                    let fix = Fix::new(applicability, "drop the redundant mark", first, edits);
                    Diagnostic::new(&META, span, msg).with_fix(fix)
                }
            };
            out.push(diag);
        }
    }
}

/// The message of two periods closing a paragraph.
const PARAGRAPH_PERIOD: &str = "one period ends the paragraph";

/// True when `span` lies inside a quoted token with no space in it, as a
/// string literal in code is written: `b'1,,2'`, `"a;;b"`.
fn in_literal(text: &str, span: Span) -> bool {
    let quote = |c: char| matches!(c, '\'' | '"');
    let left = text[..span.start]
        .chars()
        .rev()
        .take(32)
        .take_while(|c| !c.is_whitespace())
        .any(quote);
    let right = text[span.end..]
        .chars()
        .take(32)
        .take_while(|c| !c.is_whitespace())
        .any(quote);
    left && right
}

/// True when `span` lies in a list written without spaces whose items
/// another comma or semicolon also separates: data, not prose (`(RWE,RWE,,)`,
/// `a,b,,d`), where two marks are an empty field. A slip in prose has a word
/// on each side and no other mark in its token (`people,,to`); a digit group
/// (`1,000,,`) is no separator.
fn in_spaceless_list(text: &str, span: Span) -> bool {
    let from = floor_char_boundary(text, span.start.saturating_sub(64));
    let to = ceil_char_boundary(text, (span.end + 64).min(text.len()));
    let start = text[from..span.start]
        .rfind(char::is_whitespace)
        .map_or(from, |i| from + i + 1);
    let end = text[span.end..to]
        .find(char::is_whitespace)
        .map_or(to, |i| span.end + i);
    let b = text.as_bytes();
    let digit = |i: usize| i < b.len() && b[i].is_ascii_digit();
    (start..end)
        .filter(|&i| i < span.start || i >= span.end)
        .any(|i| matches!(b[i], b',' | b';') && !(i > 0 && digit(i - 1) && digit(i + 1)))
}

/// True when `span`, commas or semicolons alone, is an empty argument of a
/// call: inside a bracket glued to a function's name on its line, as in
/// `=NETWORKDAYS(DATE(2016;9;12); DATE(2016;9;25); ; {1;0;0})`. Deleting
/// it would shift the arguments after it. Prose spaces a bracket off its
/// word (`(Smith, 2001; ; Jones)` is a slip).
fn empty_argument(text: &str, span: Span) -> bool {
    if !span
        .slice(text)
        .bytes()
        .all(|b| matches!(b, b',' | b';' | b' ' | b'\t'))
    {
        return false;
    }
    let (lo, _) = crate::text::line_reach(text.as_bytes(), span.start, span.end, 200);
    let b = text.as_bytes();
    let mut depth = 0usize;
    for i in (lo..span.start).rev() {
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'[' | b'{' => depth = depth.saturating_sub(1),
            b'(' if depth > 0 => depth -= 1,
            b'(' => return i > lo && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'),
            _ => {}
        }
    }
    false
}

/// True when `span` lies inside a shell's parameter expansion on its line,
/// whose operators are marks: `${parametro,,modello}`, `${name%%.*}`.
fn in_parameter_expansion(text: &str, span: Span) -> bool {
    let (lo, hi) = crate::text::line_reach(text.as_bytes(), span.start, span.end, 64);
    let head = &text.as_bytes()[lo..span.start];
    let opened = memchr::memmem::rfind(head, b"${").is_some_and(|i| !head[i..].contains(&b'}'));
    opened && text.as_bytes()[span.end..hi].contains(&b'}')
}

/// True when the period at `dot` may end a state's or a name's abbreviation
/// that the segmenter's lexicon leaves out because it is also a word (`Ind.`,
/// `Mass.`), or a short capitalised one no list knows (`Gov.`, `Inst.`).
fn short_abbreviation(text: &str, dot: usize) -> bool {
    let word = trailing_letters(&text[..dot]);
    PERIOD_ABBREVIATIONS.contains(word) || looks_abbreviated(word)
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Language};

    fn fix_with(text: &str, mode: FixMode, language: Language) -> String {
        crate::rules::testing::linter(&super::META, language)
            .fix(text, mode)
            .unwrap()
            .text
    }

    fn fix(text: &str) -> String {
        fix_with(text, FixMode::Safe, Language::Is(crate::Lang::English))
    }

    #[test]
    fn deletes_a_comma_after_a_period_ending_a_paragraph_but_not_the_period() {
        let text = "“waste”. ,\n";
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        let d = &linter.check(text)[0];
        let edits = &d.fix.as_ref().unwrap().edits;
        let period = text.find('.').unwrap();
        assert!(edits.iter().all(|e| e.span.start > period));
        assert_eq!(fix(text), "“waste”.\n");
    }

    #[test]
    fn keeps_french_spacing_before_a_semicolon_after_an_abbreviation() {
        let text = "Échap + touche n → Fn (par exemple Échap + 1 → F1, etc. ; Échap + 0 → F10) ;";
        assert_eq!(fix_with(text, FixMode::Safe, Language::Is(crate::Lang::French)), text);
        // Too short to tell its language, it may be French as well.
        assert_eq!(fix_with(text, FixMode::Safe, Language::Auto), text);
        assert_eq!(
            fix_with(
                "Bring pens, etc. ; the rest is here.",
                FixMode::Safe,
                Language::Is(crate::Lang::English)
            ),
            "Bring pens, etc.; the rest is here."
        );
        assert_eq!(
            fix("Bring pens, paper, etc. , and a ruler."),
            "Bring pens, paper, etc., and a ruler."
        );
    }

    #[test]
    fn keeps_an_ordinal_period_before_a_comma_outside_english() {
        let text =
            "Das erste Mal liest man einen Roman der Geschichte wegen, das 2.,\n3. und 4. Mal des Inhalts wegen.";
        assert_eq!(fix_with(text, FixMode::Safe, Language::Auto), text);
        assert_eq!(
            fix_with(
                "The final vote was held on day 12.,\nThen they left.",
                FixMode::Safe,
                Language::Is(crate::Lang::English)
            ),
            "The final vote was held on day 12.\nThen they left."
        );
    }

    #[test]
    fn keeps_a_comma_after_an_abbreviation() {
        let text = "the U.S., Acme Inc., etc., at 6 a.m., and Ph.D., too.";
        assert_eq!(fix(text), text);
        let wrapped = "In order: I., the Grampus; II., the Black Fish; III.,\nthe Narwhale; IV., the Thrasher.";
        assert_eq!(fix(wrapped), wrapped);
        assert_eq!(
            fix("The talks ended.,\nThey said so."),
            "The talks ended.\nThey said so."
        );
    }

    #[test]
    fn keeps_an_empty_field_of_a_spaceless_list_but_not_a_slip_beside_digit_groups() {
        let text = "The mask is (RWE,RWE,,) and the row a,b,,d;e,,f here.";
        assert_eq!(fix(text), text);
        assert_eq!(
            fix("It cost 1,000,, Then people,,to go."),
            "It cost 1,000, Then people,to go."
        );
    }

    #[test]
    fn keeps_listed_characters_but_fixes_a_cluster_after_a_percent_sign() {
        let listed = "Names may not hold the characters <>?/,. They may hold letters.";
        assert_eq!(fix(listed), listed);
        assert_eq!(fix("Prices rose 5%,, Analysts said."), "Prices rose 5%, Analysts said.");
    }

    #[test]
    fn joins_a_spaced_comma_to_an_abbreviation() {
        assert_eq!(fix("pears etc. , and more"), "pears etc., and more");
    }

    #[test]
    fn keeps_a_quoted_values_period_before_the_sentences() {
        let text = "It prints only if the title is \"M.\". Then it stops.";
        assert_eq!(fix(text), text);
        assert_eq!(fix("He said “it is over.”. Then"), "He said “it is over.” Then");
    }

    #[test]
    fn keeps_ellipses() {
        let text = "Wait..., then... and .. maybe. . . or…, fine";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_two_periods_ending_a_paragraph_whose_writer_uses_them_as_ellipses() {
        // One long line: the paragraph is read for `..` once, at its end,
        // not at every pair of periods in it.
        let text = format!("{}the end..", "Well.. maybe ".repeat(100_000));
        assert_eq!(fix(&text), text);
        assert_eq!(fix("Well, maybe the end..\n\nNext."), "Well, maybe the end.\n\nNext.");
    }

    #[test]
    fn keeps_the_final_mark_over_a_semicolon_before_a_new_sentence() {
        assert_eq!(fix("in stages;. The end"), "in stages. The end");
    }

    #[test]
    fn only_reports_a_period_and_comma_before_a_lowercase_word() {
        let text = "in Salem. , and";
        assert_eq!(
            fix_with(text, FixMode::Unsafe, Language::Is(crate::Lang::English)),
            text
        );
    }

    #[test]
    fn keeps_french_spacing_before_semicolons() {
        let text = "« Bonjour » ; oui ! Rien ! ;";
        assert_eq!(fix_with(text, FixMode::Unsafe, Language::Is(crate::Lang::French)), text);
    }

    #[test]
    fn collapses_a_long_run_in_one_edit() {
        let text = format!("word{} end", ",".repeat(100_000));
        assert_eq!(fix(&text), "word, end");
    }

    #[test]
    fn removes_a_period_after_a_question_mark() {
        let text = "Really?. Yes!. No";
        assert_eq!(fix(text), text, "unsafe: the `?` may stand for a lost letter");
        assert_eq!(
            fix_with(text, FixMode::Unsafe, Language::Is(crate::Lang::English)),
            "Really? Yes! No"
        );
    }
}
