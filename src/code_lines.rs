//! Lines of code in plain text: shell commands, usage lines, statements,
//! and lines that are drawings or tables of figures.
//!
//! Manuals, READMEs and FAQs show commands inline with their prose, and
//! outside Markdown nothing marks them. Their spacing and punctuation are
//! the command's (`git add .`, `cd /x ; make`, `pager README.Debian`), so
//! the spacing and punctuation rules leave such lines alone. The test wants
//! a line that opens like code (a prompt, or a lowercase command, path or
//! bracket) and holds something prose does not write: a pipe, `&&`, an
//! option, a variable, an absolute or relative path, a glob, a statement's
//! end, a comparison. Prose that opens a line in lowercase (a wrapped
//! sentence) rarely holds any of these, and where it does, a spacing fix is
//! only missed. A line that opens with a package manager's name and a
//! lowercase argument (`pip install .`) is a command too.
//! A statement that assigns a call is code whatever its capitals (Basic's
//! `Dim FSO : FSO = CreateScriptService("FileSystem")`).
//!
//! A program shown as a block of lines (a README's example, a `<pre>` a
//! scraper kept) holds lines no single-line test can tell from prose:
//! `settings.get("x", "y")  # a comment`, `const limit = a ? 1 : b;`. A
//! block of two or more lines, half of which read as statements (a brace
//! or `;` ending, a keyword, a call written as code, an assignment), is
//! code as a whole. Wrapped prose has one such line at most.

use crate::lexicon::{ARTICLES, COORDINATORS, PREPOSITIONS};

/// Whether `line` (without its line break) reads as a line of code, or
/// of a drawing or a table of figures.
pub fn is_code_line(line: &str) -> bool {
    if is_drawing(line) {
        return true;
    }
    let t = line.trim_start_matches([' ', '\t']);
    if assigns_a_call(t) || is_signature(t) || is_cron_entry(t) {
        return true;
    }
    let b = t.as_bytes();
    // A prompt before a command: `$ make`, `# apt install`, `>>> x = 1`.
    for prompt in ["$ ", "# ", "% ", ">>> "] {
        if let Some(rest) = t.strip_prefix(prompt) {
            return rest
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || matches!(c, b'.' | b'/' | b'[' | b'(' | b'~'));
        }
    }
    if !b
        .first()
        .is_some_and(|&c| c.is_ascii_lowercase() || matches!(c, b'.' | b'/' | b'[' | b'(' | b'~'))
    {
        return false;
    }
    has_code_mark(t) || runs_a_tool(t)
}

/// A crontab's entry: five time fields (`0 17 * * fri`, `*/5 * * * *`),
/// one of them a `*`, then the command. No sentence opens on a lone `*`.
fn is_cron_entry(t: &str) -> bool {
    let mut fields = t.split(' ');
    let mut star = false;
    for _ in 0..5 {
        let Some(f) = fields.next() else {
            return false;
        };
        let time = !f.is_empty()
            && f.bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'*' | b'/' | b',' | b'-'));
        let named = f.len() == 3 && f.bytes().all(|c| c.is_ascii_alphabetic());
        if !(time || named) {
            return false;
        }
        star |= f.starts_with('*');
    }
    star && fields.any(|f| !f.is_empty())
}

/// A function's syntax or signature on a line of its own, as reference
/// pages give it: a name glued to `(` opening the line, the line closing
/// the call, with at most a return type after it (`ROUNDSIG( Value; Digits
/// )`, `svc.MsgBox( prompt: str, buttons = svc.MB_OK ): opt str`, `Pmt(
/// Rate as Double, NPer as Double )`). A sentence that opens with a glued
/// bracket (`Photo(s) by Reuters.`) ends on its mark, not on the call.
fn is_signature(t: &str) -> bool {
    let t = t.trim_end();
    let name = t
        .bytes()
        .take_while(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'$'))
        .count();
    if name == 0 || !t.as_bytes()[0].is_ascii_alphabetic() || t.as_bytes().get(name) != Some(&b'(') {
        return false;
    }
    // The bracket after the name closes the call, and nothing after it
    // opens another: `name(s) (comma separated)` is prose's plural.
    let mut depth = 0usize;
    let Some(close) = t.bytes().enumerate().skip(name).find_map(|(i, c)| {
        match c {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ => return None,
        }
        (depth == 0).then_some(i)
    }) else {
        return false;
    };
    let tail = t[close + 1..].trim_start();
    // The call holds something, so `Photo()` alone proves little either way.
    close > name + 1
        && (tail.is_empty()
            || (tail.starts_with(':') || tail.starts_with("As ") || tail.starts_with("as "))
                && tail.split_whitespace().count() <= 3
                && !tail.ends_with('.'))
}

/// `pip install .`, `npm ci`: a line that opens with a package manager's or
/// a build tool's name and a lowercase argument, which no sentence does
/// (it would capitalise the name).
fn runs_a_tool(t: &str) -> bool {
    let mut words = t.split(' ');
    let (Some(tool), Some(arg)) = (words.next(), words.next()) else {
        return false;
    };
    TOOLS.binary_search(&tool).is_ok()
        && arg.starts_with(|c: char| c.is_ascii_lowercase() || c == '-' || c == '.')
        && t.split_whitespace().count() <= 12
}

/// Tools whose name opens a command line in READMEs and manuals, and no
/// sentence in lowercase.
const TOOLS: &[&str] = &[
    "apt",
    "apt-get",
    "brew",
    "cargo",
    "cd",
    "chmod",
    "chown",
    "cmake",
    "composer",
    "conda",
    "cp",
    "docker",
    "dotnet",
    "gem",
    "git",
    "gradle",
    "helm",
    "kubectl",
    "ls",
    "mv",
    "mvn",
    "node",
    "npm",
    "npx",
    "pip",
    "pip3",
    "pipx",
    "pnpm",
    "poetry",
    "pytest",
    "python",
    "python3",
    "rsync",
    "rustup",
    "sudo",
    "tar",
    "terraform",
    "tox",
    "uv",
    "yarn",
];

/// Whether `head` ends inside a command that a tool's name opens on its
/// line (`…then run pip install`, `docker build -t app`): a `.` after it is
/// the current directory, not a sentence's end. Every word from the tool on
/// must read as an argument: lowercase, an option or a path, no word of
/// grammar (`we used pip for the packages .` is prose), and no mark of
/// prose (`,`, `;`, `:` or a sentence's period) glued to it.
pub fn command_runs_to(head: &str) -> bool {
    // A command is short: read back a line's last 200 bytes, never more.
    let mut from = head.len().saturating_sub(200);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    let tail = &head[from..];
    let line = &tail[tail.rfind('\n').map_or(0, |i| i + 1)..];
    // The words from the end back, the nearest tool's name last.
    let mut args = 0;
    let mut first = "";
    for w in line.rsplit([' ', '\t']).filter(|w| !w.is_empty()) {
        first = w;
        // `$ make`, `` `make ``, `"cd doc ; make man"`: a tool shown or quoted.
        if TOOLS
            .binary_search(&w.trim_start_matches(['`', '$', '"', '“', '(']))
            .is_ok()
        {
            return true;
        }
        // `SANE_DEBUG=20 ; xscanimage`: an environment variable set.
        if w.split_once('=').is_some_and(|(name, _)| {
            name.len() >= 2
                && name.starts_with(|c: char| c.is_ascii_uppercase())
                && name
                    .bytes()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
        }) {
            return true;
        }
        let argument = w
            .starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '/' | '~'))
            && !w.ends_with([',', ';', ':'])
            && !(ARTICLES.contains(w) || PREPOSITIONS.contains(w) || COORDINATORS.contains(w))
            && !(w.ends_with('.') && !w.trim_end_matches('.').is_empty() && !w.starts_with('.'));
        args += 1;
        if !argument || args > 8 {
            return false;
        }
    }
    // `-execdir command ;`: an option opening its line, as a manual lists
    // them, with its arguments to the mark.
    first.len() >= 3 && first.starts_with('-') && first[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '-')
}

/// Whether `line` reads as a statement of a program shown in a block of
/// lines: a weaker test than [`is_code_line`], which [`is_code_block`]
/// asks of every line of a block, so that one sentence that happens to end
/// on `;` does not make code of its paragraph.
fn looks_like_statement(line: &str) -> bool {
    let t = line.trim();
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    // Braces, statement ends (before a trailing comment: `x = NULL;  /*
    // owned */`), and a method chain (`.option('--first')`).
    let code = match t.rfind("/*") {
        Some(i) if i > 0 && t.ends_with("*/") => t[..i].trim_end(),
        _ => t,
    };
    if code.ends_with(['{', ';']) || matches!(first, b'}' | b')' | b']') || (first == b'.' && t.contains('(')) {
        return true;
    }
    // An item of a list or a call's argument written out: a quoted string
    // and its comma (`    "Paris is the capital of France.",`).
    if matches!(first, b'"' | b'\'') && (t.ends_with("\",") || t.ends_with("',")) && t.len() > 3 {
        return true;
    }
    // Comments, decorators and markup tags opening the line.
    if t.starts_with("//") || t.starts_with("/*") || t.starts_with("@") || (first == b'<' && t.ends_with('>')) {
        return true;
    }
    // A keyword needs a mark of code beside it, or a short line: a wrapped
    // sentence may open a line with `from the` or `let the`.
    let word = t.split([' ', '(']).next().unwrap_or("");
    if STATEMENT_KEYWORDS.binary_search(&word).is_ok()
        && t.len() > word.len()
        && (t.contains(['(', '=', '\'', '"', ':']) || t.contains(" import ") || t.split(' ').count() <= 4)
    {
        return true;
    }
    glued_call(t) || assigns(t) || basic_statement(t)
}

/// A statement of BASIC, as office suites' help pages show it: a block's
/// opening (`Sub ExampleConst`, `Function Area(r As Double)`) and end (`End
/// Sub`, `Next`, `Loop`), a declaration (`Dim x As Integer`, `Const SUN =
/// 3`) and a message box (`MsgBox SUN,, MOON`). Each is a shape no sentence
/// takes: a capitalised keyword, then a name or a type, not words.
fn basic_statement(t: &str) -> bool {
    if matches!(
        t,
        "End Sub" | "End Function" | "End If" | "End Select" | "End With" | "End Property" | "Next" | "Loop" | "Wend"
    ) {
        return true;
    }
    let rest = [
        "Private Sub ",
        "Public Sub ",
        "Sub ",
        "Private Function ",
        "Public Function ",
        "Function ",
    ]
    .iter()
    .find_map(|k| t.strip_prefix(k));
    if let Some(rest) = rest {
        // A name written as code: glued to its arguments, or with a capital
        // or an underscore inside (`ExampleConst`, `my_sub`).
        let name = rest.split([' ', '(']).next().unwrap_or("");
        let codelike =
            name.contains('_') || name.chars().skip(1).any(char::is_uppercase) || rest[name.len()..].starts_with('(');
        return !name.is_empty()
            && codelike
            && (rest.len() == name.len() || rest[name.len()..].starts_with(['(', ' ']));
    }
    let declared = ["Dim ", "ReDim ", "Const ", "Static ", "Global "]
        .iter()
        .any(|k| t.starts_with(k))
        && (t.contains(" As ") || t.contains(" = "));
    declared || t.starts_with("MsgBox ")
}

/// Words that open a statement in the languages READMEs show most, and
/// that open no sentence in lowercase.
const STATEMENT_KEYWORDS: &[&str] = &[
    "const", "def", "elif", "else:", "except", "export", "fn", "from", "func", "function", "import", "let", "print",
    "require", "return", "var",
];

/// A call written as code writes it: a name glued to `(` that a qualified
/// name (`a.b(`, `snake_case(`) or an argument list of code (`()`, a
/// quoted string, a bracket) shows is not prose's `function(s)`.
fn glued_call(t: &str) -> bool {
    let b = t.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'(', &b[from..]).map(|i| from + i) {
        from = i + 1;
        let name = b[..i]
            .iter()
            .rev()
            .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'$'))
            .count();
        if name == 0 || !b[i - name].is_ascii_alphabetic() && !matches!(b[i - name], b'_' | b'$') {
            continue;
        }
        let ident = &b[i - name..i];
        let qualified = ident.contains(&b'.') || ident.contains(&b'_');
        // A keyword argument (`DocToken(start=0`) is code's too.
        let keyword = b[i + 1..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
            .is_some_and(|n| n > 0 && b.get(i + 1 + n) == Some(&b'=') && b.get(i + 2 + n) != Some(&b'='));
        let code_args = keyword || matches!(b.get(i + 1), Some(b')' | b'\'' | b'"' | b'[' | b'{' | b'`'));
        if qualified || code_args {
            return true;
        }
    }
    false
}

/// An assignment whose target is one name, opening the line: `x = 1`,
/// `settings.PORT = 9900`, `const limit = …`.
fn assigns(t: &str) -> bool {
    let Some(eq) = t.find(" = ") else {
        return false;
    };
    let lhs = t[..eq]
        .trim_start_matches("const ")
        .trim_start_matches("let ")
        .trim_start_matches("var ");
    !lhs.is_empty()
        && lhs
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'[' | b']' | b'\'' | b'"' | b'$'))
}

/// Whether `line` is a statement of a program other than markup: not a
/// tag, a shortcode (`[ad_1]`), an image (`![](…)`) or a drawing, all of
/// which a scrap of a web page is made of too.
pub fn is_program_statement(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    !t.starts_with(['<', '[', '!']) && !is_drawing(line) && (is_code_line(line) || looks_like_statement(line))
}

/// Whether a block of lines (a paragraph's, each with whether it is a
/// [`is_code_line`]) is a program's: two or more of them, and at least
/// half, read as statements.
pub fn is_code_block(lines: &[(&str, bool)]) -> bool {
    let statements = lines
        .iter()
        .filter(|&&(line, code)| code || looks_like_statement(line))
        .count();
    lines.len() >= 2 && (statements >= 2 && statements * 2 >= lines.len() || is_indented_listing(lines))
        || is_drawn_block(lines)
}

/// Three lines or more, two thirds of them sketched and one a drawing (or
/// four sketched: a portrait drawn in one mark, `$$$$  $$$`):
/// ASCII art, whose thinner lines (`|   |`, `j   l` under a drawn head)
/// no test of one line can tell. Prose is mostly letters, and a scrap of
/// debris (`. ,`) is one line among sentences.
fn is_drawn_block(lines: &[(&str, bool)]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    // Prose settles it within its first lines: a third not sketched.
    let (mut written, mut plain) = (0, 0);
    for (l, _) in lines {
        if l.trim().is_empty() {
            continue;
        }
        written += 1;
        if !is_sketched(l) {
            plain += 1;
            if plain * 3 > lines.len() {
                return false;
            }
        }
    }
    let sketched = written - plain;
    written >= 3 && sketched * 3 >= written * 2 && (sketched >= 4 || lines.iter().any(|&(_, code)| code))
}

/// A line under two fifths letters that sets its marks apart with a gap
/// (`|   |`) or holds six of them.
fn is_sketched(line: &str) -> bool {
    if mostly_ascii_letters(line.as_bytes()) {
        return false;
    }
    let t = line.trim();
    let (mut marks, mut letters) = (0usize, 0usize);
    for c in t.chars().filter(|c| !c.is_whitespace()) {
        marks += 1;
        letters += usize::from(c.is_alphabetic());
    }
    marks >= 1 && letters * 5 < marks * 2 && (marks >= 6 || t.contains("  "))
}

/// Two lines or more, every one set in by four spaces or a tab, not all
/// of them sentences: a listing as Markdown and help pages indent one
/// (`    Print Exp ( 23 * Log( 12.345 ) )`, `      MsgBox SUN,, MOON`),
/// whose spacing and marks are the program's. A scraper's text keeps no
/// indentation; an indented block quote of sentences is still prose.
fn is_indented_listing(lines: &[(&str, bool)]) -> bool {
    let set_in = |l: &str| l.starts_with("    ") || l.starts_with('\t');
    let sentence = |l: &str| {
        let t = l.trim();
        t.split(' ').count() >= 6 && t.ends_with(['.', '!', '?', '"', '”', '’'])
    };
    lines.iter().all(|&(l, _)| set_in(l) || l.trim().is_empty())
        && lines.iter().filter(|&&(l, _)| !l.trim().is_empty()).count() >= 2
        && lines.iter().any(|&(l, _)| !l.trim().is_empty() && !sentence(l))
}

/// Whether ASCII letters alone make two fifths of the bytes that are not
/// ASCII blanks, an upper bound on a line's marks: then it is not a
/// drawing. Most lines are prose, settled by this one pass that vectorises.
fn mostly_ascii_letters(b: &[u8]) -> bool {
    let (ascii_letters, blanks) = b.chunks(128).fold((0usize, 0usize), |(l, w), chunk| {
        let (cl, cw) = chunk.iter().fold((0u8, 0u8), |(l, w), &c| {
            // `is_ascii_alphabetic` and ASCII `is_whitespace` (tab to CR, space), without branches.
            let letter = u8::from((c | 0x20).wrapping_sub(b'a') < 26);
            let blank = u8::from(c == b' ') | u8::from(c.wrapping_sub(b'\t') <= b'\r' - b'\t');
            (l + letter, w + blank)
        });
        (l + usize::from(cl), w + usize::from(cw))
    });
    ascii_letters * 5 >= (b.len() - blanks) * 2
}

/// A line that is mostly not letters: ASCII art (`( o o )`, `___,,--''`)
/// or a table of figures (` 3  195.136.251.189  28.879 ms`). Its marks
/// and spacing are strokes and columns; prose is mostly letters, and a
/// line of debris is mostly sentence punctuation.
fn is_drawing(line: &str) -> bool {
    let (mut marks, mut letters, mut digits, mut symbols) = (0usize, 0usize, 0usize, 0usize);
    // How often each ASCII symbol occurs: a drawing mixes its strokes, and
    // debris repeats one mark (`Done. ))))))[`, `great,,,,,`).
    let mut counts = [0usize; 128];
    let b = line.as_bytes();
    if mostly_ascii_letters(b) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let c = if b[i].is_ascii() {
            char::from(b[i])
        } else {
            line[i..].chars().next().expect("i is at a char boundary")
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        marks += 1;
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_numeric() {
            digits += 1;
        } else if c.is_ascii() {
            symbols += 1;
            counts[c as usize] += 1;
        }
    }
    let distinct = counts.iter().filter(|&&n| n > 0).count();
    // Strokes are what sentence punctuation is not: `a ,, b .. c ;;` is
    // debris however mixed, `( )/` and `___,,--''` are drawn.
    let strokes = (0..128u8)
        .filter(|&b| counts[b as usize] > 0 && !b".,;:!?".contains(&b))
        .count();
    let mixed = distinct >= 3 && strokes >= 2 && counts.iter().all(|&n| n * 5 <= symbols * 2);
    // A table of figures sets them in columns.
    let table = digits * 2 >= marks && line.trim().contains("  ");
    // Two kinds of marks set wide apart are drawn (`,:      :,`, the
    // sides of a heart): debris sits close, `. ,`.
    let spread = marks >= 4 && distinct >= 2 && line.trim().contains("   ");
    letters * 5 < marks * 2 && ((marks >= 6 && (mixed || table)) || spread)
}

/// A statement that assigns what a function returns, whatever its
/// capitals: `Dim FSO : FSO = CreateScriptService("FileSystem")`,
/// `Variable = FunctionName( [Parameter1:=]Value1)`. Prose spaces a
/// bracket off its word (`the answer = yes (mostly)`); a call does not.
fn assigns_a_call(t: &str) -> bool {
    // What is assigned to is a name or two, so the operator sits near the
    // line's start: a long line of prose is not read to its end.
    let head = &t[..crate::span::floor_char_boundary(t, t.len().min(120))];
    let Some(eq) = head.find(" = ").or_else(|| head.find(" := ")) else {
        return false;
    };
    // What it assigns to opens the line and is a name or two (`Dim FSO :
    // FSO`, `Set myPO`); prose that gives a formula has said more before
    // it (`the value at a pixel is given by V = max(R,G,B)`).
    let lhs = &t[..eq];
    if lhs.split_whitespace().count() > 4 || lhs.contains(". ") {
        return false;
    }
    let rhs = t[eq..].trim_start_matches([' ', '=', ':']);
    let name = rhs
        .bytes()
        .take_while(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.'))
        .count();
    name > 0 && rhs.as_bytes()[0].is_ascii_alphabetic() && rhs.as_bytes().get(name) == Some(&b'(')
}

/// Something a command or a statement writes and prose does not.
fn has_code_mark(t: &str) -> bool {
    let b = t.as_bytes();
    if [
        "&&", "||", " | ", "$(", "${", "2>", "();", "==", "!=", "=>", "->", " >= ", " <= ",
    ]
    .iter()
    .any(|m| t.contains(m))
    {
        return true;
    }
    let end = t.trim_end();
    if end.ends_with(['{', ';']) && t.contains('(') {
        return true;
    }
    for i in 1..b.len() {
        let prev = b[i - 1];
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        let hit = match b[i] {
            // An option: ` -r`, ` --squash`.
            b'-' => {
                prev == b' '
                    && (next.is_ascii_alphabetic()
                        || (next == b'-' && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)))
            }
            // A variable: `$HOME`, `$?`, `$@`.
            b'$' => next.is_ascii_alphabetic() || matches!(next, b'?' | b'_' | b'@' | b'#'),
            // A path from the root, the home or here: ` /etc`, ` ~/x`, ` ./x`.
            b'/' => {
                (prev == b' ' && next.is_ascii_alphanumeric())
                    || (matches!(prev, b'~' | b'.') && (i < 2 || b[i - 2] == b' '))
            }
            // A glob: `*.po`.
            b'*' => next == b'.' && b.get(i + 2).is_some_and(u8::is_ascii_alphanumeric),
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_code_line;
    use crate::{FixMode, Linter, Settings};

    #[test]
    fn a_drawing_after_a_few_words_is_still_a_drawing() {
        // The vector pass settles a line only when its ASCII letters alone
        // are two fifths of its marks; a drawing after a few words is not.
        let line = format!("Key: {}", "( o o ) |/ \\ ___,,--'' ".repeat(4));
        assert!(is_code_line(&line));
        assert!(!is_code_line(&format!("Key: {}", "the words of a sentence ".repeat(4))));
        // Letters outside ASCII are read one by one, not by the vector pass.
        assert!(!is_code_line("привет, мир: это строка прозы, а не рисунок."));
        assert!(is_code_line("  3  195.136.251.189  28.879 ms  «—»"));
    }

    #[test]
    fn a_drawing_keeps_its_thin_lines_and_marks_set_wide_apart() {
        let linter = Linter::new(&Settings::default()).unwrap();
        for art in [
            " ,:    V '. .' V    :,\n,:        / '        :,\n,:                   :,\n ,:       =:=       :,\n",
            "   _._     _ |oo| _  / \\__/ \\\n             /  \\     ,    ,\n      ~\"T(  r r)\n        |   |\n        j   l\n",
        ] {
            assert_eq!(linter.fix(art, FixMode::Unsafe).unwrap().text, art);
        }
        // Marks close together among sentences are still debris.
        let debris = "The plan worked.\n. ,\nIt grew , then fell.\n";
        assert_eq!(
            linter.fix(debris, FixMode::Safe).unwrap().text,
            "The plan worked.\nIt grew, then fell.\n"
        );
    }

    #[test]
    fn a_crontab_entry_is_code_and_a_sentence_of_short_words_is_not() {
        assert!(is_code_line(
            "0 17 * * fri   echo \"index maint address\" | mail bugs@example.org"
        ));
        assert!(is_code_line("*/5 * * * * root /usr/local/bin/backup"));
        assert!(!is_code_line("The man saw her cat and left."));
        assert!(!is_code_line("0 17 * * fri"));
    }

    #[test]
    fn prose_rules_leave_a_commands_spacing_alone_and_still_fix_prose() {
        let linter = Linter::new(&Settings::default()).unwrap();
        let commands = "Run these:\n\n$ pager README.Debian\ngit checkout topic_branch ; git merge --squash topic_branch\ncp po_fridge/*.po .\n";
        assert_eq!(linter.fix(commands, FixMode::Safe).unwrap().text, commands);
        let prose = "Run these:\n\nThe model , which we ran ; worked.\n";
        assert_ne!(linter.fix(prose, FixMode::Safe).unwrap().text, prose);
    }

    #[test]
    fn commands_and_statements_are_code() {
        for line in [
            "$ pager README.Debian",
            "# apt install foo",
            "git checkout topic_branch ; git merge --squash topic_branch",
            "cp po_fridge/*.po .",
            "(formail -r ; cat info_file) | $SENDMAIL -t",
            "  cd ./source && make",
            "[ 1 = 1 ] ; echo $?",
            "if (foo == NULL) {",
            "tar xvf ~/backup.tar",
            "   ( )/  ( o o )",
            "  _____,,,,---''\",,,-'",
            " 3  195.136.251.189  28.879 ms  38.798 ms",
            "    Dim FSO : FSO = CreateScriptService(\"FileSystem\")",
            "  Variable = FunctionName( [Parameter1:=]Value1, [Parameter2:=]Value2, ...)",
            "Result := Math.Max(a , b)",
            "pip install .",
            "npm install --save lodash",
            "tomli >= 1.1.0 ; python_version < \"3.11\"",
            "ROUNDSIG( Value; Digits )",
            "NETWORKDAYS(StartDate; EndDate [; [ Holidays ] [; Workdays ] ])",
            "svc.MsgBox( prompt: str, buttons = svc.MB_OK , opt title: str ): opt str",
            "Pmt( Rate as Double, NPer as Double , PV as Double, [FV as Variant] )",
        ] {
            assert!(is_code_line(line), "{line}");
        }
    }

    #[test]
    fn a_block_of_statements_is_code_down_to_its_lines_of_prose_shape() {
        let linter = Linter::new(&Settings::default()).unwrap();
        for block in [
            "Usage\n\nsettings.username == \"admin\"  # dot notation\nsettings.get(\"key\", \"default value\")  # like a dict\n",
            "The program below reads the options that the user gave, and it prints the limit.\n\nconst options = program.opts();\nconst limit = options.first ? 1 : undefined;\nconsole.log(limit);\n",
            "documents = [\n    \"Paris is the capital of France.\",\n    \"Berlin is the capital of Germany .\",\n]\n",
            "Example:\n\nSub ExampleConst\n  Const SUN = 3 * 1.456 / 56\n  MsgBox SUN,, MOON\nEnd Sub\n",
        ] {
            assert_eq!(linter.fix(block, FixMode::Safe).unwrap().text, block);
        }
        // A listing set in by four spaces is a program's; a set-in quotation
        // of sentences is prose.
        let listing = "Example:\n\n    Sub ExampleConst\n      MsgBox SUN,, MOON\n    Print Exp ( 23 * Log( 12.345 ) )\n    End Sub\n";
        assert_eq!(linter.fix(listing, FixMode::Safe).unwrap().text, listing);
        let quotation = "He wrote:\n\n    The model , which we ran last year, worked well.\n    It was cheap to run and easy to train.\n";
        assert_ne!(linter.fix(quotation, FixMode::Safe).unwrap().text, quotation);
        // Sentences that open with BASIC's words are prose.
        let basic_words = "Sub ordinate clauses , which we saw,\nEnd up as fragments .\nDim light came in.\n";
        assert_ne!(linter.fix(basic_words, FixMode::Safe).unwrap().text, basic_words);
        // Dialogue wrapped after a quotation's comma is still prose.
        let dialogue = "'I know it',\nshe said , and left.\n";
        assert_ne!(linter.fix(dialogue, FixMode::Safe).unwrap().text, dialogue);
        // Wrapped prose with one line that ends on `;` is still prose.
        let prose = "The first line of a paragraph;\nthe model , which we ran\nworked well enough for us.\n";
        assert_ne!(linter.fix(prose, FixMode::Safe).unwrap().text, prose);
    }

    #[test]
    fn the_word_lists_are_sorted_for_binary_search() {
        for list in [super::TOOLS, super::STATEMENT_KEYWORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn wrapped_prose_opening_lines_with_keywords_is_not_a_program() {
        let linter = Linter::new(&Settings::default()).unwrap();
        let prose = "The rebels took the city , and\nfrom the army they seized the guns\nlet the people go free and\nreturn to their homes in peace.\n";
        assert_ne!(linter.fix(prose, FixMode::Safe).unwrap().text, prose);
    }

    #[test]
    fn prose_is_not_code() {
        for line in [
            "The model , which was trained on it, works.",
            "and/or the other one , as they said",
            "a well-known fact , and a self-made man",
            "# Introduction",
            "$ 5 million was raised",
            "costs $5 , not more",
            "see the manual for details , then",
            "temperatures of -5 degrees , or colder",
            "It cost $5.3bn , or 4.1bn euros , in 2023 .",
            "“waste”. , he said",
            "It was great,,,,,,,,,,,,,,,, really",
            "n 123 , x and 4,500 , 6,000",
            "a ,, b .. c ;; d ,, e .. f ;; g ,, h .. i ;; j",
            "The answer = yes (mostly) , they said.",
            "Let E = mc2 , as (Einstein) wrote.",
            "  The score = 3 (out of 10) , a record.",
            "In plaats daarvan wordt de waarde gegeven door de vergelijking V = max(R,G,B) , zo.",
            "Pip install is the way , they say.",
            "git , the version control system , is used here.",
            "Photo(s) by Reuters , taken in 2023 (in Kyiv).",
            "name(s) (comma and/or space separated)  (Enter 'c' to cancel): example.com",
            "Trump(R) said , after the vote (on Monday): it was fine.",
        ] {
            assert!(!is_code_line(line), "{line}");
        }
    }
}
