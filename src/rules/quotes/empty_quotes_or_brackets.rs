use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;

use super::helpers;

pub struct EmptyQuotesOrBrackets;

static META: RuleMeta = RuleMeta {
    code: "Q004",
    name: "empty-quotes-or-brackets",
    family: Family::Quotes,
    summary: "Quotation marks or brackets with nothing between them: `“”`, `()`, `[]`",
    docs: "\
Flags quotes and brackets that enclose nothing but spaces: `the dating show
“” after one season`, `told The Verge () in an interview`, `[ ]`.

They mark something lost: a title a scraper could not render, a link whose
text was an image, a name a translation engine dropped.

Left alone: code and code-like text: `f()`, `arr[]`, `foo()[0]`, `x = \"\"`,
a row of symbols for a curse (`^&*()`),
a literal a word a few words before names (`an empty list [] by default`,
`returns ()`, `an empty tuple is written as ()`) or
CJK text sets off with spaces (`場合には [] で囲まなければ`),
brackets quoted as the characters they are (`\"[]\"`, `` `()` ``),
`![](…)` (markup, another rule's), the Markdown task box `- [ ]`, a form's
box (`[ ]` beside `[O]` or `( )` beside `(x)` on its line, before ` =`, or ending its line:
`Initial boot:    [ ]`), a call written with a space after a name that
only code writes (`Element.releaseCapture ()`, `get_value ()`) or a
format's placeholder (`%s ()`), brackets in
a list of signs (`the characters [ ] * ? : /`), a value given (`\"tags\": [],`,
`Default: []`, `Default \"\"`, `x = []`) or shown after a code comment (`// []`), C++'s
`delete []`, an array of a braced type (`{…}[]`), and straight
`\"\"` unless it stands alone between words.

Fix (unsafe): remove the empty pair and one space beside it. The pair is
evidence that words are missing; removing it hides that, so a person should
decide.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: "It cancelled the dating show “” after one season.",
            output: "It cancelled the dating show after one season.",
        },
        Fixture {
            input: "She told The Verge () in an interview.",
            output: "She told The Verge in an interview.",
        },
        Fixture {
            input: "The list [ ] was empty, he said \"\".",
            output: "The list was empty, he said.",
        },
    ],
    keeps: &[
        "* @return {{index:number, offset:number}[]} List of all violations\n\nDefault: []",
        "The record reads \"tags\": [], and the call frees it with delete [] at the end.",
        "class argparse.ArgumentParser(prog=None, usage=None, parents=[], prefix_chars='-')",
        "Use -h \"\" to print an empty line, and --sep '' for no separator. Default \"\".",
        "If Cancel is pressed, InputBox returns a string of length zero (\"\"), and the double quote is written (“”).",
        "It logs the headers, and the empty list shows: console.log(headers.getAll(\"X-Custom\")); // []",
        "Legend: [O] = OK, [E] = Error, [ ] = didn't try it\n\nInitial boot:           [ ]\nDetect network card:    [ ]\n",
        "It returns an empty list [] by default, a tuple () when asked and the string \"\" on error.",
        "In Python, an empty tuple is written as () and an empty list as [].",
        "Mark each correct answer with (x) and each wrong one with ( ).",
        "IPv6 アドレスを指定する場合には [] で囲まなければなりません。",
        "Call f() and read arr[] or foo()[0].",
        "Set x = \"\" before the loop.",
        "Shell metacharacters (\"*\", \"?\" or \"[]\", for example) match.",
        "- [ ] write the report",
        "![](https://example.com/a.png)",
        "“He said ‘no’ twice,” she said (quietly) [sic].",
        "Values “a” and “b”.",
        "Todo comando em Scheme é colocado dentro de parênteses “( )”, e as listas entre “[ ]”.",
        "Element.releaseCapture () está en desuso. Utilice get_pointer_capture () en su lugar.",
        "%s () (კლასი) და {name} () (მეთოდი)",
        "吃得快精光之際...才想到忘了拍合照...(哇哩咧 ^&*()",
        "Special characters such as { } ( ) [ ] ' ` \" \\ / > < | ; are split on.",
        "Enw annilys: ni ddylai enw'r ddalen gynnwys y nodau [ ] * ? : / \\",
        "Metacharacters: | ; & ( )",
    ],
};

static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"“[ \t]*”|‘’|""|\([ \t]*\)|\[[ \t]*\]"#).expect("pattern compiles"));

impl Rule for EmptyQuotesOrBrackets {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !(helpers::may_have_quotes(doc) || doc.bytes().any(b")]")) {
            return;
        }
        let text = doc.text();
        let mut covered = 0;
        for m in PATTERN.find_iter(text) {
            if m.start() < covered {
                continue;
            }
            let span = enclosing_empty(text, Span::new(m.start(), m.end()));
            covered = span.end;
            if code_like(text, span) {
                continue;
            }
            let what = if m.as_str().starts_with(['(', '[']) {
                "empty brackets"
            } else {
                "empty quotation marks"
            };
            out.push(
                Diagnostic::new(&META, span, format!("{what} `{}`", span.slice(text))).with_fix(Fix::unsafe_edit(
                    format!("remove the {what}"),
                    Edit::delete(helpers::removal(text, span)),
                )),
            );
        }
    }
}

/// The empty pair widened to the pairs that enclose only it: `(())` is one
/// empty pair, removed in one fix, not one level per pass (13 levels would
/// outlast the fixer's passes).
fn enclosing_empty(text: &str, mut span: Span) -> Span {
    loop {
        let before = text[..span.start].trim_end_matches([' ', '\t']);
        let after = text[span.end..].trim_start_matches([' ', '\t']);
        let (Some(open), Some(close)) = (before.chars().next_back(), after.chars().next()) else {
            return span;
        };
        if !matches!((open, close), ('(', ')') | ('[', ']') | ('“', '”')) {
            return span;
        }
        // `parênteses “( )”`: brackets quoted are the characters named.
        if open == '“' && text[span.start..].starts_with(['(', '[']) {
            return span;
        }
        span = Span::new(
            before.len() - open.len_utf8(),
            text.len() - after.len() + close.len_utf8(),
        );
    }
}

/// Words that name an empty literal after them: `an empty list []`, `the
/// tuple ()`, `returns \"\"`, `defaults to []`.
const LITERAL_NOUNS: &[&str] = &[
    "array",
    "arrays",
    "defaults",
    "dict",
    "dictionary",
    "list",
    "lists",
    "literal",
    "map",
    "object",
    "return",
    "returns",
    "set",
    "slice",
    "string",
    "strings",
    "tuple",
    "tuples",
    "value",
    "vector",
];

/// A name only code writes: `snake_case`, `camelCase`, `Object.method`
/// (two letters or more on each side of the period).
fn is_code_name(token: &str) -> bool {
    let dotted = token.split_once('.').is_some_and(|(a, b)| {
        a.chars().rev().take_while(|c| c.is_alphanumeric()).count() >= 2
            && b.chars().take_while(|c| c.is_alphanumeric()).count() >= 2
    });
    let snake = token.trim_matches('_').contains('_');
    (dotted || crate::text::is_identifier_like(token) || snake)
        && !token.ends_with('.')
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
}

/// A format string's placeholder: `%s`, `%(name)s`, `{0}`, `{name}`.
fn is_placeholder(token: &str) -> bool {
    let printf = token.strip_prefix('%').is_some_and(|rest| {
        rest.ends_with(|c: char| c.is_ascii_alphabetic()) && rest.len() <= 16 && !rest.contains(char::is_whitespace)
    });
    let braced = token.len() > 2
        && token.starts_with('{')
        && token.ends_with('}')
        && token[1..token.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    printf || braced
}

fn code_like(text: &str, span: Span) -> bool {
    // `:()` is a face, as unbalanced-bracket reads it; the two rules must
    // agree, or each undoes what the other reads.
    if super::unbalanced_bracket::emoticon(text, span.start) {
        return true;
    }
    let before = &text[..span.start];
    let prev = before.chars().next_back();
    let next = text[span.end..].chars().next();
    // `f()`, `arr[]`, `f()()`, `![](…)`, `[](…)`, `()[0]`, `().x`, `{…}[]`
    // `^&*()`: a row of symbols standing for a curse.
    if prev.is_some_and(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                '_' | ')' | ']' | '}' | '>' | '!' | '$' | '*' | '&' | '^' | '#' | '%' | '@'
            )
    }) {
        return true;
    }
    if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '(' | '[' | '=' | '{' | '-' | '>')) {
        return true;
    }
    if next == Some('.') && text[span.end + 1..].starts_with(|c: char| c.is_alphanumeric()) {
        return true;
    }
    // `-h ""`, `--sep ''`, `Pin: origin ""`: an empty string given to an
    // option or a field, the value itself.
    let token = crate::text::last_token(before.trim_end_matches(' '), 64);
    if span.slice(text).starts_with(['"', '\''])
        && before.ends_with(' ')
        && (token.starts_with('-') && token.len() <= 24 && token[1..].starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return true;
    }
    // `"[]"`, `‘()’`, `` `[]` ``: brackets quoted are the characters named;
    // `a string of length zero ("")`, `dấu nháy kép (“”)`: an empty string
    // or a pair of marks glossed in brackets.
    if crate::text::between_quotes(text, span)
        || matches!(span.slice(text), "(\"\")" | "('')" | "(“”)" | "(‘’)" | "(«»)" | "(„“)")
    {
        return true;
    }
    // `an empty list [] by default`, `returns ()`: a literal the word
    // before names, written as code is, with nothing inside (`The list [ ]
    // was empty` lost its items).
    // `an empty tuple is written as ()`: the noun a few words before.
    let head = before.trim_end_matches([' ', '\t']);
    let near = &head[crate::span::floor_char_boundary(head, head.len().saturating_sub(40))..];
    if span.len() == 2
        && near
            .split(|c: char| !c.is_alphabetic())
            .rev()
            .filter(|w| !w.is_empty())
            .take(4)
            .any(|w| LITERAL_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w)))
    {
        return true;
    }
    // `Element.releaseCapture ()`, `get_value ()`, `%s ()`: a call written
    // with a space, as translators of API messages often do; a format's
    // placeholder stands for the function's name.
    let token = crate::text::last_token(head, 64);
    if span.slice(text) == "()" && head.len() < before.len() && (is_code_name(token) || is_placeholder(token)) {
        return true;
    }
    // `getAll("X") // []`: the value a code comment shows; `"tags": []`,
    // `Default: []`, `x = []`: a value given; `delete []`: C++'s operator
    // on arrays.
    if (matches!(
        token,
        "//" | "#" | "--" | "=>" | "->" | "=" | ":=" | "delete" | "new" | "Default" | "default"
    ) || token.ends_with(':'))
        && head.len() < before.len()
    {
        return true;
    }
    // `the characters [ ] * ? : / \`: brackets in a list of signs are
    // signs themselves.
    let sign =
        |t: Option<&str>| t.is_some_and(|t| t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_punctuation()));
    // Read within 32 bytes, whole tokens only: a long line without spaces
    // is not scanned to its end at every pair. The list is on the pair's
    // line: signs opening the next paragraph are not listed with it, and a
    // check of one paragraph must see what a check of the whole text sees.
    let reach = crate::span::ceil_char_boundary(text, (span.end + 32).min(text.len()));
    let ahead = match text[span.end..reach].rfind(char::is_whitespace) {
        _ if reach == text.len() => &text[span.end..reach],
        Some(i) => &text[span.end..span.end + i],
        None => "",
    };
    let ahead = ahead.split('\n').next().unwrap_or("");
    let mut ahead = ahead.split_whitespace();
    if sign(ahead.next()) && sign(ahead.next()) {
        return true;
    }
    // `Metacharacters: | ; & ( )`: or signs before them.
    let back = &before[crate::span::floor_char_boundary(before, before.len().saturating_sub(16))..];
    let mut back = back.rsplit('\n').next().unwrap_or("").split_whitespace().rev();
    if sign(back.next()) && sign(back.next()) {
        return true;
    }
    // CJK text sets a literal off with spaces (`場合には [] で囲まなければ`):
    // the brackets are what it names.
    if head.len() < before.len() && head.chars().next_back().is_some_and(crate::text::chars::is_cjk_letter) {
        return true;
    }
    // A form's box: `[ ] = didn't try it` beside `[O] = OK`, `with ( )`
    // beside `with (x)`, or a field at a line's end (`Initial boot:    [ ]`).
    if let Some((open, close)) = match span.slice(text) {
        "[ ]" => Some(('[', ']')),
        "( )" => Some(('(', ')')),
        _ => None,
    } {
        let (lo, hi) = crate::text::line_reach(text.as_bytes(), span.start, span.end, 200);
        let (line_start, line_end) = (
            crate::span::ceil_char_boundary(text, lo),
            crate::span::floor_char_boundary(text, hi),
        );
        let line = &text[line_start..line_end];
        let beside_box = line.match_indices(open).any(|(i, _)| {
            line[i..].chars().nth(2) == Some(close)
                && line[i + 1..].starts_with(|c: char| c.is_alphanumeric() || c == '✓')
        });
        if beside_box {
            return true;
        }
        if open == '[' && (text[span.end..line_end].trim().is_empty() || text[span.end..].starts_with(" =")) {
            return true;
        }
    }
    // Markdown task box: `- [ ]` at the start of a line.
    if text[span.start..].starts_with('[') {
        let head = before.trim_end_matches([' ', '\t']);
        if let Some(rest) = head.strip_suffix(['-', '*', '+']) {
            if rest.trim_end_matches([' ', '\t']).is_empty() || rest.trim_end_matches([' ', '\t']).ends_with('\n') {
                return true;
            }
        }
    }
    if text[span.start..].starts_with('"') {
        if helpers::mangled_dash(text, span.end) {
            return true;
        }
        // Straight `""` only counts between words: after a space that follows a
        // letter or sentence punctuation, before a space or punctuation.
        let spaced_before = prev.is_some_and(char::is_whitespace);
        let spaced_after = next.is_none_or(|c| c.is_whitespace() || ".,;:!?".contains(c));
        // The last mark before it, unless a blank line comes between (read
        // from the gap alone, so a long paragraph is not scanned per quote).
        let head = before.trim_end();
        let blank_line_between = memchr::memchr_iter(b'\n', &before.as_bytes()[head.len()..])
            .nth(1)
            .is_some();
        let prior = head.chars().next_back().filter(|_| !blank_line_between);
        let wordy = prior.is_some_and(|c| c.is_alphabetic() || ".!?".contains(c));
        return !(spaced_before && spaced_after && wordy);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::{Linter, Settings};

    fn count(text: &str) -> usize {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .check(text)
            .len()
    }

    #[test]
    fn keeps_calls_and_indexing() {
        assert_eq!(count("Use len() or items[] or f()() here."), 0);
    }

    #[test]
    fn keeps_empty_strings_in_assignments() {
        assert_eq!(count("Set name = \"\" and call(\"\", 1)."), 0);
    }

    #[test]
    fn nested_empty_brackets_are_one_pair() {
        let nested = format!("It said {}{} twice.", "(".repeat(20), ")".repeat(20));
        assert_eq!(count(&nested), 1);
        let linter = Linter::new(&Settings::default()).unwrap();
        let fixed = linter.fix(&nested, crate::FixMode::Unsafe).unwrap();
        assert_eq!(fixed.text, "It said twice.");
        assert_eq!(count("Call f(()) and g([ ]) here."), 0);
    }

    #[test]
    fn straight_empty_quotes_after_a_blank_line_are_not_between_words() {
        assert_eq!(count("He said it.\n\n \"\" and more"), 0);
        assert_eq!(count("He said it.\n \"\" and more"), 1);
    }

    #[test]
    fn stays_linear_on_one_long_line_of_empty_quotes() {
        // 100,000 `""` on one line: each reads back over its own gap only,
        // where a scan to the paragraph's start made this quadratic.
        let text = "a \"\" ".repeat(100_000);
        assert_eq!(count(&text), 100_000);
    }

    #[test]
    fn flags_empty_curly_quotes_at_a_line_end() {
        assert_eq!(count("The show was called “”\n"), 1);
    }

    #[test]
    fn flags_empty_brackets_after_a_sentence_or_a_plain_word() {
        assert_eq!(count("It has the form major.minor.micro. () and more."), 1);
        assert_eq!(count("She told Reuters () on Monday."), 1);
    }
}
