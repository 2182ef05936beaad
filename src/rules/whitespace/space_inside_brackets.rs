use crate::lang::SPACED_EUROPEAN;
use crate::lexicon::KEY_MODIFIERS;
use crate::prelude::*;

pub struct SpaceInsideBrackets;

static META: RuleMeta = RuleMeta {
    code: "W006",
    name: "space-inside-brackets",
    family: Family::Whitespace,
    summary: "Space just inside a pair of parentheses or square brackets: `( text )`",
    docs: "\
Flags spaces between a bracket and what it encloses: `its comedy series
( The Night Desk ) for`, `[ sic]`, `(LLMs )`.

Tokenise-then-join pipelines (machine translation, some scrapers) put a
space around every token, brackets included.

Brackets are paired per paragraph; only a pair whose partner is found is
judged, so an unbalanced bracket (`unbalanced-bracket`'s) is never touched.
Left alone: brackets holding nothing but spaces (`( )`, the Markdown task box
`[ ]`: `empty-quotes-or-brackets`'s), a bracket whose padding crosses a line
break, emoticons (`:( `, `;-)`), and enumerators such as `( a )`, `( 1 )`,
`( iv )`, which some plain-text layouts space on purpose and which read
the same either way, brackets that are named, not used: `the keys
( and )`, `« [ » et « ] »`, `Ctrl Shift [ and Ctrl Shift ]`, `Ctrl + [`, and code: a
shell test `[ -f file ]`, `[ name ];`, `[ a = b ]`, a shell's substitution
`$( command )` or arithmetic `$(( i + 1 ))`, a regex class `[ \\t]` or group
`( a|b )`, a range `( 0..23)`, a
variable `[ $x ]`, a call padded inside (`ZDROT( N, S )`), a grammar's
optional part nested or opening on a mark (`[user [ : password ] @ ]`); a range left open (`(1935-    )`), a format's optional part ending in
a comma (`[D day[s], ]`); and a bracket padded on both sides that fills its
line, as a gloss or caption is set (`[ Better late than never ]`); square
brackets padded around no lowercase letter, a program's block or a syntax's
optional part (`REPEAT 10 [ FORWARD 10 LEFT 36 ]`, `[ ; FV ]`); a
command's optional argument on a usage line (`ninja [ target ]`), a square
bracket glued to the word before it (`English[ translators, …]`, `arr[ i
]`: an index or a note in code), a
terminal's escape sequence spelled out (`ESC ( B`), and a bare address
padded so that an autolinker stops before the bracket (`( http://nyp.st/2m )`). Curly
braces are left to code.

Fix (safe): delete the spaces inside the bracket.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::scripts(SPACED_EUROPEAN).prose(),
    flags: &[
        Fixture {
            input: "renewed its comedy series ( The Night Desk ) for a third season",
            output: "renewed its comedy series (The Night Desk) for a third season",
        },
        Fixture {
            input: "large language models (LLMs ) and [ sic] text",
            output: "large language models (LLMs) and [sic] text",
        },
        Fixture {
            input: "outer ( inner (x) text ) end",
            output: "outer (inner (x) text) end",
        },
    ],
    keeps: &[
        "16\tforeach my $url ( @files )\n17\t  {\n",
        "It goes more or less like this: ( | ) and that is all.",
        "[[ expression ]] returns a status of 0 or 1, and the rule * ^Subject: send file \\/[^ ]* matches it.",
        "+-------------------[ mailto: someone@example.net ]-+",
        "The template reads _Default: English[ translators, please see comment in PO files] and the value arr[ i ] here.",
        "Models (LLMs) and [1] citations.",
        "\"$( befehl )\" → die Ausgabe von \"befehl\", und $(( i + 1 )) zählt.",
        "Ici, l’utilisation de « [ » et « ] » permet de ne pas vérifier l’enregistrement.",
        "The terms: ( a ) price, ( b ) date, ( iv ) place.",
        "Empty ( ) and a task box - [ ] todo.",
        "I am sad :( but ok :-) really",
        "An unbalanced ( bracket stays.",
        "A pair (split\n) across lines.",
        "Code { x } stays.",
        "Use Ctrl Shift [ and Ctrl Shift ] to switch tabs; the keys ( and ) are brackets.",
        "Press Ctrl + [ to go back, Ctrl + ] to go on.",
        "if [ -f /etc/foo ]; then sed -e 's/[ \\t]*$//' file; fi, hour padded ( 0..23).",
        "The pattern ( cat|dog ) matches either word, and the spaces are part of it.",
        "Write it as if [ conditional_expression ]; then, or [ x = y ] and [ done ];",
        "Mieux vaut tard que jamais!\n\n[ Better late than never ]\n",
        "Tegnene [ og ] brukes for å angi tegnklasser, och tecknen ( eller ) grupperar.",
        "-- Francoise Sagan (1935-    ), escritora francesa.",
        "Returns a string in the form [D day[s], ][H]H:MM:SS.",
        "zcmp [ cmp-ohjelman optiot ] tiedosto1 [ tiedosto2 ]",
        "Space the brackets: REPEAT 10 [ FORWARD 10 LEFT 36 ], and PV(Rate; NPer [ ; FV ]).",
        "SYNOPSIS\n       ninja [ target ]\n       ps2epsi input.ps [ output.epsi ] (Unix)\n",
        "The sequences ESC ( B and ESC ( 0 select tables, and ESC [ 11 ; n ] sets the bell.",
        "The New York Post reports ( http://nyp.st/2mzQyYo ) that the house sold, and ( www.example.com/a ) agrees.",
    ],
};

/// The enclosed text is an enumerator such as `a`, `1`, `iv`.
fn is_enumerator(inner: &str) -> bool {
    let digits = !inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit());
    let mut chars = inner.chars();
    let letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    let roman = !inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|b| b"ivxIVX".contains(&b));
    digits || letter || roman
}

/// Conjunctions that join two named marks, `( and )`, `[ or ]`.
const JOINERS: &[&str] = &[
    "and", "or", "to", "und", "oder", "bis", "et", "ou", "y", "o", "e", "i", "и", "или", "og", "och", "eller", "en",
    "of", "ja", "tai", "és", "vagy", "lub", "oraz", "ve", "veya", "dan", "atau",
];

/// Whether the brackets are named rather than used: nothing but a
/// conjunction between them (`the keys ( and )`), or each is a key pressed
/// with a modifier (`Ctrl [ and Ctrl ]`, `Ctrl + [ to go back ]`).
fn names_the_brackets(before: &str, content: &str) -> bool {
    let pressed = |head: &str| {
        let head = head.trim_end_matches([' ', '\t']);
        let last = head.rsplit([' ', '\t', '\n']).next().unwrap_or("");
        head.ends_with('+') || KEY_MODIFIERS.contains(last)
    };
    JOINERS.contains(&content) || pressed(before) || pressed(content)
}

fn is_pad(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl Rule for SpaceInsideBrackets {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        if !(bytes.contains(b'(') || bytes.contains(b'[')) || !bytes.contains(b' ') {
            return;
        }
        let text = doc.text();
        let b = text.as_bytes();
        // Padding next to a bracket is rare; only paragraphs that have some
        // are paired, so clean text costs four memchr-speed searches.
        let mut at: Vec<usize> = [&b"( "[..], b" )", b"[ ", b" ]"]
            .iter()
            .flat_map(|pat| memchr::memmem::find_iter(b, pat))
            .collect();
        if at.is_empty() {
            return;
        }
        at.sort_unstable();
        let mut stack: Vec<(u8, usize)> = Vec::new();
        let mut done = 0;
        for pos in at {
            if pos < done {
                continue;
            }
            let Some(para) = doc.paragraph_at(pos) else {
                continue;
            };
            done = para.end;
            stack.clear();
            for (i, &c) in b.iter().enumerate().take(para.end).skip(para.start) {
                match c {
                    c @ (b'(' | b'[') => stack.push((c, i)),
                    c @ (b')' | b']') => {
                        let want = if c == b')' { b'(' } else { b'[' };
                        match stack.last() {
                            Some(&(o, open)) if o == want => {
                                stack.pop();
                                check_pair(doc, open, i, out);
                            }
                            // A mismatch: pairing beyond it is guesswork.
                            _ => stack.clear(),
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// What may follow an optional argument on a usage line: the line's end,
/// another argument or alternative, or a note in brackets.
fn ends_usage(tail: &str) -> bool {
    tail.is_empty() || tail.starts_with(['\n', '\r', '[', '(', '-', '|', '.'])
}

/// Whether the line holding `open` starts with a command's name: a
/// lowercase word of letters, digits, `-`, `_` or `.` (`ninja`, `ps2epsi`),
/// with nothing before the bracket but arguments, which are no plain words
/// (`input.ps`, `-v`).
fn opens_usage_line(b: &[u8], open: usize) -> bool {
    let (lo, _) = crate::text::line_reach(b, open, open + 1, STYLE_REACH);
    if lo > 0 && b[lo - 1] != b'\n' {
        return false;
    }
    let line = &b[lo..open];
    let start = line.iter().position(|&c| c != b' ' && c != b'\t').unwrap_or(line.len());
    let word = line[start..].split(|&c| c == b' ').next().unwrap_or(&[]);
    word.len() >= 2
        && word[0].is_ascii_lowercase()
        && word
            .iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.'))
        && start + word.len() < line.len()
        && line[start + word.len()..]
            .split(|&c| c == b' ')
            .filter(|t| !t.is_empty())
            .all(|t| !t.iter().all(u8::is_ascii_alphabetic))
}

/// Whether `s` holds a word of three letters or more.
fn has_word(s: &str) -> bool {
    let mut run = 0;
    s.chars().any(|c| {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        run >= 3
    })
}

/// How far along its line to look for another padded pair.
const STYLE_REACH: usize = 160;

/// Whether another pair padded on both sides sits on the line of the pair at
/// `open`..`close`, within reach, so a long line stays linear.
fn another_padded_pair(b: &[u8], open: usize, close: usize) -> bool {
    let (lo, hi) = crate::text::line_reach(b, open, close + 1, STYLE_REACH);
    let padded = |s: &[u8]| {
        let opens = s.windows(2).any(|w| matches!(w, b"( " | b"[ "));
        let closes = s.windows(2).any(|w| matches!(w, b" )" | b" ]"));
        opens && closes
    };
    padded(&b[lo..open]) || padded(&b[close + 1..hi])
}

fn check_pair(doc: &Document, open: usize, close: usize, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let b = text.as_bytes();
    let inner = &text[open + 1..close];
    let content = inner.trim_matches([' ', '\t']);
    if content.is_empty() {
        return;
    }
    let lead = inner.len() - inner.trim_start_matches([' ', '\t']).len();
    let trail = inner.len() - inner.trim_end_matches([' ', '\t']).len();
    if lead == 0 && trail == 0 {
        return;
    }
    // `English[ translators, see the PO files]`, `arr[ i ]`: a square bracket
    // glued to a word indexes or annotates it, as code does.
    if b[open] == b'[' && text[..open].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
        return;
    }
    // `ZDROT( N, CX, S )`, `f( x )`: a call padded inside, as a
    // programmer's style sets it; `[user [ : password ] @ ]`, `[ : port]`:
    // a grammar's optional parts, nested or opening on a mark.
    let glued_call = b[open] == b'(' && text[..open].ends_with(|c: char| c.is_alphanumeric() || c == '_');
    let grammar = b[open] == b'['
        && (inner.contains('[')
            || inner
                .trim_start_matches([' ', '\t'])
                .starts_with([':', ';', ',', '|', '@', '=']));
    // `( ^ω^ )`, `( >_< )`: a face, its padding part of the drawing.
    let face_mark =
        |c: Option<char>| c.is_some_and(|c| matches!(c, '^' | '>' | '<' | '-' | '*' | '°' | '・' | '´' | '`'));
    let face =
        content.chars().count() <= 7 && face_mark(content.chars().next()) && face_mark(content.chars().next_back());
    if glued_call || grammar || face {
        return;
    }
    // `« [ » et « ] »`: a bracket quoted is the character named.
    if crate::text::between_quotes(text, Span::new(open, open + 1))
        || crate::text::between_quotes(text, Span::new(close, close + 1))
    {
        return;
    }
    // `$( befehl )`, `$(( i + 1 ))`: a shell's substitution, spaced as its
    // writer chose.
    if b[open] == b'(' && text[..open].ends_with(['$', '(']) {
        return;
    }
    // `[ -f /etc/foo ]` is a shell test, `[ \t]` a regex class, `( 0..23)`
    // a range whose padding shows the padding: code, not prose.
    // Code is short; bounding these scans keeps deep nesting linear.
    let short = content.len() <= 200;
    let variable = short
        && content
            .match_indices('$')
            .any(|(i, _)| content[i + 1..].starts_with(|c: char| c.is_alphabetic() || c == '{'));
    // A shell test pads both sides, and holds a name or a comparison or
    // ends a command: `[ conditional_expression ];`, `[ "$a" = b ]`.
    let test = b[open] == b'['
        && lead > 0
        && trail > 0
        && ((short && content.contains(['_', '='])) || text[close + 1..].starts_with(';'));
    // A bracket that is its whole line is set that way on purpose: a
    // gloss or a caption, `[ Better late than never ]`. Only blanks are
    // read, so deep nesting on one line stays linear.
    let head = text[..open].trim_end_matches([' ', '\t']);
    let tail = text[close + 1..].trim_start_matches([' ', '\t']);
    let fills_line = (head.is_empty() || head.ends_with('\n')) && (tail.is_empty() || tail.starts_with(['\n', '\r']));
    if fills_line && lead > 0 && trail > 0 {
        return;
    }
    // `zcmp [ options ] file1 [ file2 ]`, `( a + b )( a - b )`: a line that
    // pads two pairs the same way writes a synopsis, a grammar or a formula
    // in its own style. Padded parentheses around words stay debris.
    // A long content is read as words: reading it whole for each pair
    // made deep nesting quadratic (`( ( ( … ) ) )`).
    let notation = b[open] == b'[' || (short && !has_word(content));
    if lead > 0 && trail > 0 && notation && another_padded_pair(b, open, close) {
        return;
    }
    // `ninja [ target ]`, `ps2epsi file.ps [ file.epsi ]`: a usage line,
    // a command and then its optional argument.
    if b[open] == b'[' && lead > 0 && trail > 0 && opens_usage_line(b, open) && ends_usage(tail) {
        return;
    }
    // `ESC ( B`, `ESC [ 11 ; n ]`: a terminal's escape sequence, spelled.
    if head.ends_with("ESC") {
        return;
    }
    // `( | )`, `( + )`: no letter or digit inside, a symbol shown; `[[ expr
    // ]]`, a shell's test; `[^ ]`, a regex's class; `-[ mailto: … ]-+`, a
    // box drawn around the words.
    let rule = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '=' | '+' | '*' | '#' | '~'));
    if !content.contains(char::is_alphanumeric)
        || (b[open] == b'[' && (text[..open].ends_with('[') || text[close + 1..].starts_with(']')))
        || (b[open] == b'[' && inner.starts_with('^'))
        || (rule(text[..open].chars().next_back()) && rule(text[close + 1..].chars().next()))
    {
        return;
    }
    // `REPEAT 10 [ FORWARD 10 LEFT 36 ]`, `PV(Rate; NPer; Pmt [ ; FV ])`:
    // square brackets padded around commands, names in capitals and marks
    // hold a program or a syntax, where the spaces are the language's own.
    if b[open] == b'[' && lead > 0 && trail > 0 && short && !content.chars().any(char::is_lowercase) {
        return;
    }
    // `(1935-    )`: a range left open, its padding the years to come;
    // `[D day[s], ]`: a format's optional part, its padding printed.
    if content.ends_with(['-', '–', ',']) {
        return;
    }
    let code = content.starts_with('-')
        || (short && (content.contains(['\\', '|']) || content.contains("..")))
        || variable
        || test;
    if code || is_enumerator(content) || names_the_brackets(&text[..open], content) {
        return;
    }
    // `( http://nyp.st/2mzQyYo )`: wire copy pads a bare address so that a
    // reader's autolinker does not take the bracket into the link.
    if trail > 0 && !content.contains(char::is_whitespace) && (content.contains("://") || content.starts_with("www.")) {
        return;
    }
    // `:(` and `;-(` are faces, not brackets.
    if b[open] == b'(' && open > 0 && matches!(b[open - 1], b':' | b';' | b'=' | b'-') {
        return;
    }
    let mut edits = Vec::new();
    if lead > 0 && !inner[lead..].starts_with(['\n', '\r']) {
        edits.push(Edit::delete(Span::new(open + 1, open + 1 + lead)));
    }
    if trail > 0 && !inner[..inner.len() - trail].ends_with(['\n', '\r']) {
        edits.push(Edit::delete(Span::new(close - trail, close)));
    }
    debug_assert!(edits.iter().all(|e| (e.span.start..e.span.end).all(|i| is_pad(b[i]))));
    let mut edits = edits.into_iter();
    let Some(first) = edits.next() else {
        return;
    };
    let span = Span::new(open, close + 1);
    let (o, c) = (b[open] as char, b[close] as char);
    out.push(
        Diagnostic::new(&META, span, format!("space inside `{o}{c}`")).with_fix(Fix::safe_edits(
            "delete the spaces",
            first,
            edits,
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::FixMode;

    fn fix(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn keeps_a_padded_call_and_a_grammars_optional_parts() {
        for code in [
            "       SUBROUTINE ZDROT( N, CX, INCX, CY, INCY, C, S )\n",
            "       ip_server = [user [ : password ] @ ] host [ : port]\n",
            "Done ( ^ω^ ) and ( >_< ) too.\n",
        ] {
            assert_eq!(fix(code), code);
        }
        assert_eq!(
            fix("The firm ( which grew ) said so."),
            "The firm (which grew) said so."
        );
    }

    #[test]
    fn keeps_a_usage_lines_optional_argument_but_not_padding_in_wrapped_prose() {
        let usage = "       ninja [ target ]\n       ps2epsi input.ps [ output.epsi ] (Unix)\n";
        assert_eq!(fix(usage), usage);
        assert_eq!(
            fix("she wrote [ sic ] in the margin\nand then [ sic ] again"),
            "she wrote [sic] in the margin\nand then [sic] again"
        );
    }

    #[test]
    fn keeps_square_brackets_padded_around_a_program_but_not_around_words() {
        assert_eq!(
            fix("He wrote [ sic ] there.\n\nREPEAT 4 [ FORWARD 10 ] draws."),
            "He wrote [sic] there.\n\nREPEAT 4 [ FORWARD 10 ] draws."
        );
    }

    #[test]
    fn keeps_a_line_that_pads_its_pairs_alike_but_fixes_a_lone_padded_pair() {
        let synopsis = "zcmp [ options ] file1 [ file2 ]";
        assert_eq!(fix(synopsis), synopsis);
        assert_eq!(
            fix("( a + b )( a - b ) = b( a - b )"),
            "( a + b )( a - b ) = b( a - b )"
        );
        assert_eq!(
            fix("the team ( DSA ) and ( the list )"),
            "the team (DSA) and (the list)"
        );
        assert_eq!(
            fix("The report ( published today ) says so."),
            "The report (published today) says so."
        );
        assert_eq!(
            fix("The report ( published today ) says so.\nThe bill ( passed in May ) did too."),
            "The report (published today) says so.\nThe bill (passed in May) did too."
        );
    }

    #[test]
    fn removes_padding_on_both_sides() {
        assert_eq!(fix("a ( b c ) d"), "a (b c) d");
    }

    #[test]
    fn leaves_enumerators_alone() {
        let text = "( a ) one ( 2 ) two ( iii ) three";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn leaves_brackets_that_do_not_pair() {
        let text = "a ( b ] c";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn does_not_pair_across_paragraphs() {
        let text = "a ( b\n\nc ) d";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn stays_linear_on_deep_nesting() {
        let text = format!("a {}xy{}", "( ".repeat(50_000), " )".repeat(50_000));
        let doc = crate::Document::new(&text);
        let mut out = Vec::new();
        crate::Rule::check(&super::SpaceInsideBrackets, &doc, &mut out);
        assert_eq!(out.len(), 50_000);
    }
}
