use crate::prelude::*;

pub struct RepeatedSpaces;

static META: RuleMeta = RuleMeta {
    code: "W003",
    name: "repeated-spaces",
    family: Family::Whitespace,
    summary: "Two or more spaces, or a tab, between two words of a line",
    docs: "\
Flags a run of spaces inside a line, `released its first    semi-solid`, and
a tab standing where a space belongs in prose, `plus variables.⇥The player`.

Scrapers that drop inline tags (`<span>`, `<br>`, ads) and editors that
join fragments leave the spaces from both sides behind.

Left alone: two spaces after a sentence where the paragraph spaces its
sentences so (a typewriter's, an e-mail's convention: two or more such
gaps, and more than single ones, or one and no single one; an initial's
or a title's period, `C. Philip`, `Mr. Smith`, is no sentence's); two spaces
between Thai or Lao words, which end a sentence in scripts that have no
full stop; indentation at the start of a line (`leading-whitespace`),
whitespace at its end (`trailing-whitespace`), and layout:
- a line that looks like a table or aligned code: tabs in two or more
  places, or two or more gaps of which one is three or more spaces wide
  (`Revenue    $5m    $6m`), and a line indented by two or more spaces
  with a wide gap, a help screen's row (`  -o FILE      specify output`);
- lines with two gaps or more each, one above the other, or with only a
  graph's strokes between them (`o  5:540b  (bob)` over `|` over `| @
  4:cbdf  (alice)`): a listing's rows;
- a flattened table's row, with three pipes or more (`Bugs |  |  |`), and
  its rule of dashes, equals signs and pluses (`---  ---  ---`); a
  byline's one pipe (`By Jane Doe  |  Published`) is no table;
- a gap on a line next to one with a wide gap (three spaces or more) or a
  tab: verse side by side, a dialogue's `Q:⇥` and `A:⇥`, comments aligned
  after code; and a gap that ends where a gap ends on two lines around it,
  or on one when a number or a code stands before it (`a2039…b92
  debian.iso`, checksums; `22  .`, a numbered listing) or a label
  (`> From:  Jane` over `> Date:  Mon`); a speaker's label padded so its
  text starts where the next label's does (`Norm:  Hey` under `Coach:
  How`); a page's running header, its name at both ends (`LS(1)  User
  Commands  LS(1)`);
- a lone wide gap or tab after a label's colon (`Host:⇥No`) or a list
  marker (`(7)⇥After`), or before anything but a word (`free.     --
  Linus`, `/* magic */`, `:-)`);
- a line of code: a command, a statement, a crontab's entry (`0 17 * *
  fri   echo …`), what a shell prints under `$ date` (`Thu Sep  2`), a
  numbered listing's line, a program's log; and a line of an e-mail's signature, under `-- ` in
  its paragraph;
- a gap after an address's closing `>` or before its `<`, or after a date
  that opens the line, as signatures and ChangeLogs align them (` -- Jane
  Doe <jane@example.org>  Sat, 06 Sep 2003`, `2011-04-11  Jane Doe
  <jane@example.org>`).

A lone wide gap or tab is debris mid-sentence (`first    semi-solid`), and
after a mark only on a line of running prose (ten or more words): short
lines with one are verse, captions and signatures. A tab before a capital
after a word or a comma starts verse's second column (`He left it dead,
and took its head,⇥Come to my arms, my beamish boy!`).

Fix (safe): replace the run with one space.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: "released its first    semi-solid-state battery",
            output: "released its first semi-solid-state battery",
        },
        Fixture {
            input: "The shop was crowded.  It sold out. People queued.\n",
            output: "The shop was crowded. It sold out. People queued.\n",
        },
        Fixture {
            input: "The memo  said the plan  was done.\nIt was signed by the  chair and the board.",
            output: "The memo said the plan was done.\nIt was signed by the chair and the board.",
        },
        Fixture {
            input: "It was a - a  b c - day, and the  === rule held.",
            output: "It was a - a b c - day, and the  === rule held.",
        },
        Fixture {
            input: "By Priya Nandakumar  |  Published 22 July 2023",
            output: "By Priya Nandakumar | Published 22 July 2023",
        },
        Fixture {
            input: "He said he would sign for a fee of twelve million.\t\t Then he left the room.",
            output: "He said he would sign for a fee of twelve million. Then he left the room.",
        },
    ],
    keeps: &[
        "Coach: How about a beer, Norm?\nNorm:  Hey, I'm high on life, Coach.\n",
        "Let's hear it for OSI and X!  With those babies in the wings, we can count\non being employed until we drop.\n\t\t-- C. Philip Wood\n",
        "$ date\nThu Sep  2 22:29:48 CEST 2021\n$ TZ=\"Pacific/Honolulu\" date\nThu 02 Sep 2021 10:31:01 AM HST\n",
        "$ hg log -G -q --template '{rev}:{node|short}  ({author})\\n'\no  5:540ba8f317e6  (bob)\n|\n| @  4:cbdfbd5a5db2  (alice)\n|/\n",
        "The summary, as psql prints it:\n\nstatus_code │ last_value │ mean_entries │  zscore\n────────────┼────────────┼──────────────┼────────\n        404 │          0 │ 0.133        │ -0.388\n",
        "    indented code  = 1",
        "positional arguments:\n  file          text written in utf-8\n",
        "Call my master at his convenience?  Thank you.\nThank you.  Thank you.  Thank you.\n",
        "Thanks for sending the patch over.  I will apply it tonight and report back.\n",
        "Jane Doe wrote:\n> From:  John Roe <john@example.org>\n> Date:  Mon, 22 Jul 2002 20:15:11 +0200\n",
        "See you.\n\n--\nBest regards,\n jane                            mailto:jane@example.org\n",
        "trailing spaces  ",
        "Season\tClub\tMatches\tGoals",
        "2021-22\tDefensor Park",
        "Revenue     $5m     $6m",
        "Bugs |  |  |  |  |\nIssues | 12 |  | 3 |  |",
        "---  ---  ---  ---\n 1   2      3   4\n111  222  333  444\n---  ---  ---  ---",
        "Name   Age   City\nAlice  30   Paris",
        "one space\tthen a tab in a short line",
        "Host:\tNo problem at all, said the host to the man with the bug in the hall.",
        "Q:\tWhat did the elephant say?\nA:\tNothing, elephants cannot talk.",
        "And there is time to kill today\t\tYou missed the starting gun\nBut of all the words written\t\tThe bird is a strange one,",
        "Software is like sex, it is better when it is free.     -- Linus Torvalds",
        "tmps_base = tmps_max;                /* protect our mortal string */",
        "children?                Tecumseh, (Shawnee)",
        "Management:     \"When will this work?\"",
        "I know it is weird, but it does make it easier to write poetry.    :-)",
        "(7)\tAfter an employee has spent his thirteen hours of labour in the mill",
        "x = 1       # one\nlonger_name = 2  # two",
        " -- Jane Doe <jane@example.org>  Sat, 06 Sep 2003 17:15:03 -0500",
        "2011-04-11  Jane Doe  <jane@example.org>",
        "He left it dead, and with its head he went galumphing back,\tCome to my arms, my beamish boy!",
        "# ask for weekly reports of bugs in my packages\n0 17 * * fri   echo \"index maint address\" | mail bugs@example.org",
        "===  ALL USERS PLEASE NOTE  ========================\n\nCompiler optimizations have been made to macro expansion.",
        "Se hojí u G. Stuzeneggera samého, a zvláště v  H a a s o v ě  lékárně v Budějovicích.",
        "traceroute to example.org (192.0.2.1), 64 hops max\n 1  gw.example.net (192.0.2.7)  18.951 ms  40.406 ms\n 2  r1.example.net (192.0.2.9)  28.879 ms  38.798 ms",
    ],
};

/// Where runs may be: double spaces and tabs, in order, starting the search
/// at `from`. The next hit of each kind is cached, so skipping over a huge run
/// costs nothing and searching stays linear.
struct Cores<'b> {
    b: &'b [u8],
    space: Option<usize>,
    tab: Option<usize>,
}

impl<'b> Cores<'b> {
    fn new(b: &'b [u8]) -> Self {
        Cores {
            b,
            space: memchr::memmem::find(b, b"  "),
            tab: memchr::memchr(b'\t', b),
        }
    }

    fn next_from(&mut self, from: usize) -> Option<usize> {
        let b = self.b;
        if self.space.is_some_and(|s| s < from) {
            self.space = memchr::memmem::find(&b[from..], b"  ").map(|i| from + i);
        }
        if self.tab.is_some_and(|t| t < from) {
            self.tab = memchr::memchr(b'\t', &b[from..]).map(|i| from + i);
        }
        match (self.space, self.tab) {
            (Some(s), Some(t)) => Some(s.min(t)),
            (s, t) => s.or(t),
        }
    }
}

/// The run of spaces and tabs around the blank at `core`, as (start, end).
fn blank_run(b: &[u8], core: usize) -> (usize, usize) {
    let blank = |c: u8| c == b' ' || c == b'\t';
    let (mut start, mut end) = (core, core + 1);
    while start > 0 && blank(b[start - 1]) {
        start -= 1;
    }
    while end < b.len() && blank(b[end]) {
        end += 1;
    }
    (start, end)
}

/// How a line's inner whitespace looks, to tell prose from tables.
struct LineShape {
    tab_gaps: usize,
    wide_gaps: usize,
    gaps: usize,
    words: usize,
}

fn shape(line: &str) -> LineShape {
    let b = line.trim_matches([' ', '\t']).as_bytes();
    // Every gap between two words starts where a blank follows a letter:
    // counted without branching, so the loop runs on vectors.
    let is_blank = |c: u8| u8::from(c == b' ') | u8::from(c == b'\t');
    let (left, right) = (&b[..b.len().saturating_sub(1)], &b[1.min(b.len())..]);
    let starts: usize = left
        .chunks(128)
        .zip(right.chunks(128))
        .map(|(l, r)| {
            let gaps: u8 = l.iter().zip(r).map(|(&x, &y)| (is_blank(x) ^ 1) & is_blank(y)).sum();
            usize::from(gaps)
        })
        .sum();
    let mut s = LineShape {
        tab_gaps: 0,
        wide_gaps: 0,
        gaps: 0,
        words: usize::from(!b.is_empty()) + starts,
    };
    // Only a gap of two blanks or more, or one with a tab, counts further:
    // the searches for those skip the single spaces between words.
    let mut cores = Cores::new(b);
    let mut from = 0;
    while let Some(core) = cores.next_from(from) {
        let (start, end) = blank_run(b, core);
        from = end;
        let tab = b[start..end].contains(&b'\t');
        let len = end - start;
        s.tab_gaps += usize::from(tab);
        s.gaps += usize::from(len >= 2);
        s.wide_gaps += usize::from(len >= 3 && !tab);
    }
    s
}

/// Whether `line` has a gap of three spaces or more, or a tab, between
/// its words: what `shape` counts as tab and wide gaps, found with two
/// vector searches instead of a walk over every byte.
fn has_column_gap(line: &str) -> bool {
    let inner = line.trim_matches([' ', '\t']);
    inner.contains('\t') || inner.contains("   ")
}

/// Whether a wide gap or a tab between `before` and `after` reads as debris
/// inside running words rather than as a column. Mid-sentence (a letter or
/// digit, then a lowercase word) it is debris on any line; after a
/// clause's or sentence's mark only on a line of prose, since short lines
/// with a gap after the mark are verse, captions and signatures. A colon
/// before the gap is a label's, and a gap before anything but a letter or
/// a digit leads to a comment, an attribution or a face.
fn gap_inside_prose(before: Option<char>, after: Option<char>, words: usize, tab: bool) -> bool {
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    if before.is_alphanumeric() && after.is_lowercase() {
        return true;
    }
    // A tab before a capital after a word or a comma starts a second
    // column of verse: `took its head,⇥Come to my arms`.
    if tab && after.is_uppercase() && (before.is_alphanumeric() || before == ',') {
        return false;
    }
    words >= 10
        && after.is_alphanumeric()
        && (before.is_alphanumeric() || matches!(before, '.' | ',' | ';' | '!' | '?' | '"' | ')' | '”' | '’' | '\''))
}

/// Whether a rule of three marks or more (`===`, `---`, `***`) stands
/// against the gap on either side.
fn ruled(before: &str, after: &str) -> bool {
    let rule = |three: &[u8]| {
        three.len() == 3
            && matches!(three[0], b'=' | b'-' | b'*' | b'#' | b'~' | b'_' | b'+')
            && three.iter().all(|&c| c == three[0])
    };
    let (b, a) = (before.as_bytes(), after.as_bytes());
    rule(&b[b.len().saturating_sub(3)..]) || rule(&a[..a.len().min(3)])
}

/// Whether a word spaced out letter by letter (`H a a s`) stands against
/// the gap on either side: four letters or more, one space apart (three
/// may be words of one letter, Bulgarian `е с в`).
fn spaced_out(before: &str, after: &str) -> bool {
    fn letters(mut chars: impl Iterator<Item = char>) -> bool {
        (0..4).all(|k| chars.next().is_some_and(char::is_alphabetic) && (k == 3 || chars.next() == Some(' ')))
    }
    letters(after.chars()) || letters(before.chars().rev())
}

/// The longest line read as a listing's row: longer ones are prose.
const ROW: usize = 120;

/// The line above or below line `li`, past up to two lines of a graph's
/// strokes (`|`, `|/`, `| \\`): `o  5:540b  (bob)` over `|` over `| @
/// 4:cbdf  (alice)`, as `hg log -G` and `git log --graph` draw them.
fn row_beside(text: &str, lines: &[Span], li: usize, up: bool) -> Option<usize> {
    let step = |i: usize| if up { i.checked_sub(1) } else { Some(i + 1) };
    let mut i = step(li)?;
    for _ in 0..2 {
        let l = lines.get(i)?.slice(text).trim();
        let strokes = !l.is_empty() && l.len() <= 8 && l.bytes().all(|b| matches!(b, b'|' | b'/' | b'\\' | b' '));
        if !strokes {
            break;
        }
        i = step(i)?;
    }
    Some(i)
}

/// Thai and Lao letters, whose sentences end at a space, not a mark.
fn thai_or_lao(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}')
}

/// True when `before` ends a sentence: a `.`, `!` or `?`, with any closing
/// quotes or brackets after it.
fn ends_sentence(before: &str) -> bool {
    before
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '!', '?'])
}

/// How many sentences in `text` end before one space and before two: a
/// mark, closing quotes or brackets, the spaces, then a capital. An
/// initial's or a title's period (`-- C. Philip Wood`, `Mr. Smith`) ends
/// no sentence, and one space after it says nothing of the text's style.
fn sentence_gaps(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut single, mut double) = (0, 0);
    for i in memchr::memchr3_iter(b'.', b'!', b'?', b) {
        let word = text[..i].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        if b[i] == b'.' && (initial || crate::lexicon::TITLES.contains(word) || word == "Jr") {
            continue;
        }
        let mut j = i + 1;
        while b.get(j).is_some_and(|&c| matches!(c, b'"' | b'\'' | b')' | b']')) {
            j += 1;
        }
        let spaces = b[j..].iter().take_while(|&&c| c == b' ').count();
        // The next sentence may open on a quote or a bracket: `pling.  {Bang}`.
        let opens = b[j + spaces..].iter().take_while(|c| b"\"'([{".contains(c)).count();
        if !b.get(j + spaces + opens).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        match spaces {
            1 => single += 1,
            2 => double += 1,
            _ => {}
        }
    }
    (single, double)
}

/// A flattened table's row, cells between three pipes or more (`Bugs |
/// |  |  |`), or its rule, nothing but dashes, equals signs, pluses, pipes
/// and colons (`---  ---  ---`): their gaps are cells and borders. A byline's
/// one pipe (`By Jane Doe  |  Published`) makes no table.
fn is_table_rule_or_row(line: &str) -> bool {
    let b = line.as_bytes();
    // `status_code │ last_value │  zscore`: a table drawn with box lines.
    // (Corners and tees alone are more often mojibake of quotes: `╚Веб╩`.)
    // Box lines are E2 94 xx or E2 95 xx: a byte search first, since most
    // prose lines hold E2 in their quotes and dashes.
    let boxed = memchr::memchr2(0x94, 0x95, b).is_some() && line.matches(['│', '┃', '║']).nth(1).is_some();
    boxed
        || memchr::memchr_iter(b'|', b).nth(2).is_some()
        || (b.iter().any(|&c| c == b'-' || c == b'=')
            && b.iter()
                .all(|&c| matches!(c, b'-' | b'=' | b'+' | b'|' | b':' | b' ' | b'\t')))
}

/// Whether `s` opens with a weekday's and a month's abbreviations, as
/// `date` and a mailbox write them: `Fri Nov 26`.
fn is_weekday(s: &str) -> bool {
    const DAYS: [&str; 7] = ["Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "];
    DAYS.iter().any(|d| s.starts_with(d)) && s.get(4..7).is_some_and(|m| m.bytes().all(|c| c.is_ascii_alphabetic()))
}

/// A page's running header or footer, its name at both ends:
/// `LS(1)  User Commands  LS(1)`, as a manual page sets it.
fn running_header(line: &str) -> bool {
    let t = line.trim();
    let first = t.split(' ').next().unwrap_or("");
    first.len() >= 4
        && t.len() > first.len() * 2
        && t.rsplit(' ').next() == Some(first)
        && !first.chars().any(char::is_lowercase)
}

/// Whether line `li` follows an e-mail's signature delimiter (`-- ` or
/// `--` alone on its line) in its paragraph.
fn in_signature(doc: &Document, li: usize) -> bool {
    let (text, lines) = (doc.text(), doc.lines());
    lines[..li]
        .iter()
        .rev()
        .map(|l| l.slice(text))
        .take_while(|l| !l.trim().is_empty())
        .any(crate::text::is_signature_delimiter)
}

/// Whether a line so far holds only a list marker (`(7)`, `12.`, `b)`, `•`),
/// whose gap hangs the item's text at a tab stop.
fn after_list_marker(head: &str) -> bool {
    let marker = head.trim_start_matches([' ', '\t']);
    let n = marker.chars().count();
    (1..=4).contains(&n) && (marker.ends_with(['.', ')']) || (n == 1 && !marker.starts_with(char::is_alphanumeric)))
}

impl Rule for RepeatedSpaces {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(b' ') && !doc.bytes().contains(b'\t') {
            return;
        }
        let text = doc.text();
        let lines = doc.lines();
        let b = text.as_bytes();
        // Whether the paragraph last asked about spaces its sentences with
        // two spaces.
        let mut paragraph_style: Option<(Span, bool)> = None;
        // The verdict for the line last looked at, so each line is shaped once.
        let mut current: Option<(usize, bool, usize)> = None;
        let mut cores = Cores::new(b);
        let mut from = 0;
        while let Some(core) = cores.next_from(from) {
            let (start, end) = blank_run(b, core);
            from = end;
            let run = &text[start..end];
            let li = doc.line_index(start);
            let Some(&line) = lines.get(li) else { continue };
            // Indentation and trailing whitespace belong to other rules.
            if start <= line.start || end >= line.end {
                continue;
            }
            let leading = text[line.start..start].bytes().all(|b| b == b' ' || b == b'\t');
            if leading {
                continue;
            }
            let (tabular, words) = match current {
                Some((i, t, w)) if i == li => (t, w),
                _ => {
                    let s = shape(line.slice(text));
                    let indented = text[line.start..].starts_with("    ") || text[line.start..].starts_with('\t');
                    // Columns run down the page: beside a line with a wide
                    // gap or a tab, a gap is alignment (a table, verse,
                    // dialogue, comments after code).
                    let beside = |i: Option<usize>| {
                        i.and_then(|i| lines.get(i))
                            .is_some_and(|l| has_column_gap(l.slice(text)))
                    };
                    // Lines that each hold two gaps or more, one above the
                    // other, are a listing's rows (`gw (10.0.0.1)  18.9 ms
                    // 40.4 ms`): a slip leaves one gap, not a pattern.
                    let gapped = |i: Option<usize>| {
                        i.and_then(|i| lines.get(i))
                            .is_some_and(|l| l.len() <= ROW && shape(l.slice(text)).gaps >= 2)
                    };
                    // A help screen's rows (`  -o FILE      specify output`,
                    // `  file          text written in utf-8`) indent by two.
                    let row = text[line.start..].starts_with("  ") && s.wide_gaps >= 1;
                    let t = indented
                        || row
                        || running_header(line.slice(text))
                        || is_table_rule_or_row(line.slice(text))
                        || s.tab_gaps >= 2
                        || (s.wide_gaps >= 1 && s.gaps >= 2)
                        || (s.tab_gaps == 1 && s.words < 10)
                        || (s.gaps > 0 && (beside(li.checked_sub(1)) || beside(Some(li + 1))))
                        || (s.gaps >= 2
                            && line.len() <= ROW
                            && (gapped(row_beside(text, lines, li, true))
                                || gapped(row_beside(text, lines, li, false))));
                    current = Some((li, t, s.words));
                    (t, s.words)
                }
            };
            if tabular {
                continue;
            }
            let before = text[..start].chars().next_back();
            // A signature's address and date: `<jane@example.org>  Sat, 6
            // Sep 2003`, as Debian changelogs and mail headers align them.
            // A GNU ChangeLog's `2011-04-11  Jane Doe  <jane@example.org>`
            // spaces its date and its address the same way.
            let head = text[line.start..start].trim_start_matches([' ', '\t']);
            let dated = head.len() >= 7 && head.len() <= 10 && head.bytes().all(|b| b.is_ascii_digit() || b == b'-');
            if before == Some('>') || b.get(end) == Some(&b'<') || dated {
                continue;
            }
            // `===  NOTE  ===`, `v  H a a s o v ě  lékárně`: spaces that set
            // off a rule of marks or a word spaced out for emphasis.
            if ruled(&text[..start], &text[end..]) || spaced_out(&text[..start], &text[end..]) {
                continue;
            }
            // Thai and Lao have no full stop: a sentence ends at a wider
            // space, typed as two (`…ไม่รู้จัก␣␣โปรดลองอีกครั้ง`).
            if run == "  " && before.is_some_and(thai_or_lao) && text[end..].starts_with(thai_or_lao) {
                continue;
            }
            // Chinese and Japanese subtitles and captions set phrases apart
            // with two spaces between ideographs (`我知道  你不会来`).
            // Han and kana only, not `is_cjk_letter`: Korean spaces its words,
            // and a double space there is a slip.
            let ideograph = |c: char| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}');
            if before.is_some_and(ideograph) && text[end..].starts_with(ideograph) {
                continue;
            }
            // A mailbox's `From jane@example.org  Fri Nov 26 21:40:36 2004`
            // line sets its date apart.
            if head.starts_with("From ") && is_weekday(&text[end..]) {
                continue;
            }
            // Two spaces after a sentence, where the text spaces its
            // sentences so (a typewriter's, an e-mail's, a fortune file's
            // convention), are its style.
            if run == "  " && ends_sentence(&text[..start]) {
                // Judged per paragraph: a paragraph's findings depend on it alone.
                let para = doc.paragraph_at(start).unwrap_or(line);
                let double = match paragraph_style {
                    Some((p, v)) if p == para => v,
                    _ => {
                        let (single, double) = sentence_gaps(para.slice(text));
                        // One gap, doubled, is the convention too: a
                        // writer who spaces so writes two-sentence
                        // paragraphs as well.
                        let v = (double >= 2 && double > single) || (double >= 1 && single == 0);
                        paragraph_style = Some((para, v));
                        v
                    }
                };
                if double {
                    continue;
                }
            }
            // `22/tcp   open  ssh` over `9999/tcp open  abyss`: a word that
            // starts where two lines around it start one after a gap of
            // their own is in a column (one such line may be chance).
            let column = end - line.start;
            // Only lines of its own paragraph: a finding depends on it alone.
            let para = doc.paragraph_at(start).unwrap_or(line);
            let aligned = |i: Option<usize>| {
                i.and_then(|i| lines.get(i))
                    .filter(|l| para.contains(**l))
                    .is_some_and(|l| {
                        let n = l.slice(text).as_bytes();
                        column >= 2
                            && column < n.len()
                            && n[column - 2] == b' '
                            && n[column - 1] == b' '
                            && !matches!(n[column], b' ' | b'\t')
                    })
            };
            // After a number or a code (`a2039…b92  debian.iso`, a listing's
            // `22  .`), one aligned line is enough: prose slips after words.
            // So after a label (`> From:  Jane` over `> Date:  Mon`, a
            // quoted message's headers).
            let token = head.rsplit([' ', '\t']).next().unwrap_or("");
            let code = token.bytes().any(|c| c.is_ascii_digit())
                || !token.chars().any(char::is_alphabetic)
                || token.ends_with(':');
            let around = [li.checked_sub(2), li.checked_sub(1), Some(li + 1), Some(li + 2)];
            if around.into_iter().filter(|&i| aligned(i)).count() >= if code { 1 } else { 2 } {
                continue;
            }
            // `Norm:  Hey` under `Coach: How`: a speaker's or a header's
            // label padded so its text starts where the next label's does.
            let label = |l: &str| {
                let l = l.trim_start_matches([' ', '\t', '>']);
                l.ends_with(':') && l.len() <= 24 && l.split(' ').count() <= 2
            };
            let labelled = |i: Option<usize>| {
                i.and_then(|i| lines.get(i))
                    .filter(|l| para.contains(**l))
                    .is_some_and(|l| {
                        let n = l.slice(text);
                        n.is_char_boundary(column)
                            && n.as_bytes().get(column).is_some_and(|&c| c != b' ' && c != b'\t')
                            && label(n[..column].trim_end_matches(' '))
                            && n[..column].ends_with(' ')
                    })
            };
            if label(head) && (labelled(li.checked_sub(1)) || labelled(Some(li + 1))) {
                continue;
            }
            let wide = run.len() >= 3 || run.contains('\t');
            if wide {
                // A quotation or an aside opening after the gap is read by
                // its first letter.
                let after = text[end..]
                    .trim_start_matches(['"', '“', '‘', '«', '„', '(', '['])
                    .chars()
                    .next();
                if after_list_marker(&text[line.start..start])
                    || !gap_inside_prose(before, after, words, run.contains('\t'))
                {
                    continue;
                }
            }
            // A command's or a statement's spacing is the program's
            // (`0 17 * * fri   echo …`, a crontab's entry), and a
            // signature's is its writer's layout.
            if doc.in_code_line(start) || in_signature(doc, li) {
                continue;
            }
            let span = Span::new(start, end);
            // The whole run is replaced, not all but its first space: a fix
            // beside it may take that space (`Ã ` + ` ` is `à` and a space),
            // and the two must then conflict rather than delete both.
            let what = if run.contains('\t') {
                "a tab between words"
            } else {
                "repeated spaces"
            };
            let edit = Edit::replace(span, " ");
            out.push(Diagnostic::new(&META, span, what).with_fix(Fix::safe_edit("replace with one space", edit)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{has_column_gap, shape};

    const LINES: &[&str] = &[
        "",
        "   ",
        "x",
        "   indented only",
        "trailing only   ",
        "two  spaces",
        "three   spaces",
        "a\ttab",
        " \t leading tab",
        "trailing tab\t",
        "mixed \t gap",
        "tab\t\tpair and  \t  wide",
        "  one  two   three\tfour  ",
        "Prose with single spaces between all of its words, as most lines have.",
    ];

    /// The shape of a line, walked byte by byte: what `shape` must agree with.
    fn shape_by_walk(line: &str) -> (usize, usize, usize, usize) {
        let b = line.trim_matches([' ', '\t']).as_bytes();
        let (mut tab_gaps, mut wide_gaps, mut gaps, mut words) = (0, 0, 0, usize::from(!b.is_empty()));
        let mut i = 0;
        while i < b.len() {
            if b[i] != b' ' && b[i] != b'\t' {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            let tab = b[start..i].contains(&b'\t');
            words += 1;
            tab_gaps += usize::from(tab);
            gaps += usize::from(i - start >= 2);
            wide_gaps += usize::from(i - start >= 3 && !tab);
        }
        (tab_gaps, wide_gaps, gaps, words)
    }

    #[test]
    fn the_shape_of_a_line_counts_its_words_and_gaps_as_a_walk_does() {
        for line in LINES {
            let s = shape(line);
            assert_eq!(
                (s.tab_gaps, s.wide_gaps, s.gaps, s.words),
                shape_by_walk(line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn the_column_gap_search_agrees_with_the_shape_of_the_line() {
        for line in LINES {
            let s = shape(line);
            assert_eq!(has_column_gap(line), s.tab_gaps + s.wide_gaps > 0, "{line:?}");
        }
    }

    use crate::{FixMode, Linter, Settings};

    #[test]
    fn a_fix_that_takes_the_first_space_leaves_the_second() {
        let linter = Linter::new(&Settings::default()).unwrap();
        let fixed = linter.fix("He said Ã  bientôt.", FixMode::Unsafe).unwrap();
        assert_eq!(fixed.text, "He said à bientôt.");
    }

    fn fix(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn collapses_a_double_space_between_words() {
        assert_eq!(fix("two  spaces here"), "two spaces here");
    }

    #[test]
    fn keeps_indentation_and_trailing_spaces_for_their_own_rules() {
        assert_eq!(fix("  indented\nend  \n"), "  indented\nend  \n");
    }

    #[test]
    fn keeps_a_tab_separated_table() {
        let text = "Season\tClub\tGoals\n2021-22\tDefensor Park\t8\n";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_column_aligned_text() {
        let text = "Alice     30     Paris\nBob       41     Lyon\n";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_ideographs_set_apart_and_a_mailboxs_date() {
        let text = "我知道  你不会来\n\nFrom jane@example.org  Fri Nov 26 21:40:36 2004\n";
        assert_eq!(fix(text), text);
        assert_eq!(fix("From the  start it grew.\n"), "From the start it grew.\n");
    }

    #[test]
    fn keeps_a_running_header_and_a_padded_speakers_label_but_not_a_slip() {
        let header = "SYSTEMD-INITCTL.SERVICE(8)  systemd-initctl.service SYSTEMD-INITCTL.SERVICE(8)\n";
        assert_eq!(fix(header), header);
        let dialogue = "Coach: How about a beer, Norm?\nNorm:  Hey, I'm high on life, Coach.\n";
        assert_eq!(fix(dialogue), dialogue);
        assert_eq!(
            fix("Coach: How about a beer?\nNorm said  hey to him.\n"),
            "Coach: How about a beer?\nNorm said hey to him.\n"
        );
    }

    #[test]
    fn keeps_a_narrow_column_that_the_next_line_aligns_and_fixes_a_slip_beside_it() {
        let table = "PORT     STATE SERVICE\n22/tcp   open  ssh\n5666/tcp open  nrpe\n9999/tcp open  abyss\n";
        assert_eq!(fix(table), table);
        // After a code or a number, one line aligned with it is a column.
        let sums = "Compare:\na20391b12f7ff22ef705cee4059c6b92  debian-netinst.iso\n0f3a9b5d2c77e1aa6b0c4d3e8f9a1b2c  debian-dvd.iso\n";
        assert_eq!(fix(sums), sums);
        // Two double spaces in prose lines one above the other, but not at
        // the same column, are slips.
        let prose = "The model  was trained on news.\nIt was then tested  again.\n";
        assert_eq!(
            fix(prose),
            "The model was trained on news.\nIt was then tested again.\n"
        );
    }

    #[test]
    fn replaces_a_lone_tab_inside_a_prose_line() {
        assert_eq!(
            fix("for a fee of twelve million euros plus variables.\tThe player signed until 2028."),
            "for a fee of twelve million euros plus variables. The player signed until 2028."
        );
    }

    #[test]
    fn keeps_the_double_space_that_ends_a_thai_sentence() {
        let text = "เกิดข้อผิดพลาดที่ไม่รู้จัก  โปรดลองอีกครั้ง";
        assert_eq!(fix(text), text);
        assert_eq!(fix("ข้อผิดพลาด  error here"), "ข้อผิดพลาด error here");
    }

    #[test]
    fn keeps_crlf_line_endings() {
        assert_eq!(fix("a  b\r\nc  d\r\n"), "a b\r\nc d\r\n");
    }
}
