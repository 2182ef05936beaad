use memchr::memmem;

use crate::prelude::*;

use super::helpers::{self, Quote, Segment};

pub struct UnbalancedQuote;

static META: RuleMeta = RuleMeta {
    code: "Q001",
    name: "unbalanced-quote",
    family: Family::Quotes,
    summary: "A quotation mark with no partner in its paragraph",
    docs: "\
Flags double quotes (curly `“ ”` and straight `\"`) that do not pair up
within their paragraph, and opening single quotes `‘` that are never closed:
`through “Data”. Insensitivity.”` has a closing quote with nothing open.

Machine translation reorders and splits sentences and drops the words a
quote opened on; scrapers cut paragraphs mid-quote. The orphan left behind
misattributes speech.

Pairing runs per paragraph; in text with one paragraph per line, a line that
ends a sentence also ends the pairing. A quote's direction comes from its
glyph, overruled only by unmistakable neighbours (`”Hello` opens,
`Lights “,` closes); a straight quote's from its neighbours alone.

Left alone:
- apostrophes, including `’90s`, `’em`, `rock ’n’ roll`, `Kai-fu’s`,
  `students’`: closing single quotes are never judged, since they cannot be
  told from apostrophes;
- nested quotes (`“He said ‘no’ twice”`);
- TeX's quotes, two backticks closed by two apostrophes (``` ``solution'' ```),
  and two commas typed for a low opening quote (`,,Ahoj\"`);
- the convention for quotes that run over several paragraphs: each opens
  with `“` and only the last closes;
- a quote left open at the end of a paragraph and closed at the start of the
  next (a paragraph split mid-quote);
- a quotation opened once at the start of a paragraph (or after its colon)
  and closed once at the end of a later one, over paragraphs that hold no
  quotes, as many languages run a quotation over paragraphs;
- inch marks such as `5' 10\"` or `a 12\" screen`, tried both as inches and
  as quotes;
- German `„…“` and `‚…‘` (a paragraph holding them is skipped) and quotes in
  code spans or URLs;
- marks a text writes as letters: the ʻokina typed `‘` in Hawaiian and
  Tongan (`‘ohana`, `ho‘okolokolo`: three or more that nothing closes), a
  glottal stop typed `”` between letters (`Мелы”сыса`, three times or more);
- `China”,” a spokesperson` (the doubled closer is `doubled-closing-quote`'s);
- a mark named in brackets, not used: `wrapped in double quotes (\")`, and
  a mark standing alone after a word that cites it: `(e.g. \" for
  inches)`, `the \" sign`, or after another sign in a list (`< > & \"`).

Not judged until `html-entity` has run: a document holding quote entities
(`&ldquo;`, `&quot;`), whose quotes pair only once decoded.

Fix (unsafe): remove an orphan closing quote where the text around it
shows it is debris: detached in the middle of a clause (`said ” it would`),
or after a pair that already closed in its paragraph. A mark at the end of
its paragraph, or the first quote of a paragraph after a sentence's end,
may close a quotation opened paragraphs before (a record is often one
paragraph of a longer article): it is only reported. Which words an orphan
should have enclosed is a guess, so removing it is a judgement. A straight orphan
among other straight quotes is only reported: which of them is the stray
one cannot be told. An opening quote that is never closed is only reported: where it should close cannot be known.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: "While trying to cover their tracks through “Data”. Insensitivity.” The firm denied it.",
            output: "While trying to cover their tracks through “Data”. Insensitivity. The firm denied it.",
        },
        Fixture {
            input: "While trying to cover their tracks through “Data”. Insensitivity.”",
            output: "While trying to cover their tracks through “Data”. Insensitivity.”",
        },
        Fixture {
            input: "Their proposed solution'' for binaries?\n\nIt took me ten minutes to find the \"Open File\" dialog.",
            output: "Their proposed solution for binaries?\n\nIt took me ten minutes to find the \"Open File\" dialog.",
        },
        Fixture {
            input: "The firm said ” it would appeal.",
            output: "The firm said it would appeal.",
        },
        Fixture {
            input: "“We will appeal, the firm said.\n\nThe court declined to comment.",
            output: "“We will appeal, the firm said.\n\nThe court declined to comment.",
        },
        Fixture {
            input: "“We will appeal.\n\nThe court said so.\n\nIt was “final.”\n\nThey left.”",
            output: "“We will appeal.\n\nThe court said so.\n\nIt was “final.”\n\nThey left.”",
        },
        Fixture {
            input: "She called it ‘a rounding error and moved on.",
            output: "She called it ‘a rounding error and moved on.",
        },
    ],
    keeps: &[
        "Модуль выделяет при выводе (т.е. заменяет < > & \" на соответствующие entities) теги html.",
        "只能包含字母、数字、特殊字符“@”、“.”、“-”和“_”。指令的“:file”选项和“::”无意义。",
        "She left the “party scene” and the â€œsocialite” label.",
        "Trump weighed in. “”This is a very unfair trial, and I hope the public is watching,” he said.",
        "There is a series of posts on the uses of lang=”local” in wikis; write “=” for equality.",
        "تُقبل القيمتان ”صحيح“ و”خطأ“ فقط، وكذلك ب־”example.com“.",
        "Tags with spaces are wrapped in double quotes (\") or typographic ones [“].",
        "“He said ‘no’ twice,” she recalled.",
        "国际著名船级社主席评论说：“‘长城’号的出口开创了中国船舶工业的新纪元。”",
        "The memo lists the messages:\n\n• \"Republicans promise to cut your Social Security.\n\n• \"It is a bedrock promise.\"\n",
        "Egy teljes URL, amely \"https://\"-sel kezdődik, és az \"AI\"-powered eszközök.",
        "L’option \":file :\" de la directive, et \"?q=1\" dans l’adresse.",
        "The ’90s sound, rock ’n’ roll and Li Kai-fu’s students’ essays.",
        "“We will go on.\n\n“We will not stop.\n\n“We will win,” he said.",
        "He is 5' 10\" tall and bought a 12\" pizza.",
        "The TV has a 55\" screen, and he called it \"huge\".",
        "She said \"no\" and \"never\" and left.",
        "Der Bürgermeister sagte: „Wir müssen jetzt handeln.“",
        "He said “we will see\ntomorrow” and left.",
        "“Is it over?” she asked. “Not yet.”",
        "He said: “We will go on. “We will not stop. “We will win.”",
        "Use `printf(\"%d\")` to print it.",
        "Swedish uses ”quotes” that look the same on both sides.",
        "Siirrä se pohjalle (”Siirrä edustalle”) tai huipulle [”Lähetä taka-alalle”].",
        "Funktionen ”snabbuppstart”/”snabbstart” måste inaktiveras i Windows innan du installerar.",
        "Katalogen “/” och “/etc/”-katalogen, “https://”-rekin.",
        "Give ’em the ‘90s treatment.",
        "He didn\"t say it, but it\"s ''true'' and \"clear\".",
        "Napsal mi ,,Ahoj\" a odešel, a pak ,,Programowo nie'' dodał.",
        "Taip rašoma psalmėje:,,Štai, ką aš sakau\" ir kitur.",
        "Their proposed ``solution'' for binaries?\n\nIt took me ten minutes to find the \"Open File\" dialog.",
        "He said &ldquo;We are disappointed to be singled out,\" its president wrote.",
        "Set x = '' before the loop.",
        "Ua noa i ka ‘ohana ke kaiāulu, a me ka ‘āina, ho‘okolokolo ‘ia.",
        "Мелы”сыса ӈиле ны”сылибиазә, хонды” ӈиле нендя”туо мәнә.",
        "Enter another prefix (such as \".\") or the \":file:\" option, or “::” in the name.",
        "zahrnúť ”_súkromné” moduly",
        "אנא הפעל ג'אווהסקריפט ע\"מ לאפשר את צה\"ל.",
        "The preamble reads:\n\n“Whereas recognition of dignity is the foundation,\n\nWhereas disregard has resulted in barbarous acts,\n\nNow, therefore, the Assembly proclaims this Declaration.”\n\nArticle 1",
        "Il dit : « Nous partons.\n\nNous reviendrons. »",
        "Symbol: the unit's symbol if it has one (e.g. \" for inches).",
        "Cut the dough into ½\" thick rounds, then into 1¼” strips.",
        "Seconds take a \" sign after the number.",
    ],
};

impl Rule for UnbalancedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Quotes written as entities (`&ldquo;`) or as mojibake (`â€œ`, UTF-8
        // read as Windows-1252) pair with real ones once `html-entity` or
        // `mojibake` decodes them; judged before, a real quote looks orphaned.
        if !helpers::may_have_quotes(doc) || has_quote_entity(doc.text()) || doc.text().contains("â€") {
            return;
        }
        let segs = helpers::segments(doc);
        let from = out.len();
        check_doubles(doc, &segs, out);
        if doc.bytes().contains(0x98) && doc.text().contains('‘') {
            check_singles(doc, &segs, out);
        }
        drop_letters(doc, out, from);
    }
}

/// Drop what was reported from `out[from..]` about a mark the text writes
/// as a letter: Hawaiian and Tongan spell the ʻokina `‘` (`‘ohana`,
/// `ho‘okolokolo`), Nganasan a glottal stop `”` (`ӈәзи”тәбсадя`), and such a
/// mark pairs with nothing. Orthography belongs to the whole text.
fn drop_letters(doc: &Document, out: &mut Vec<Diagnostic>, from: usize) {
    if out.len() == from {
        return;
    }
    let text = doc.text();
    let mut reported: Vec<char> = out[from..]
        .iter()
        .filter_map(|d| d.span.slice(text).chars().next())
        .collect();
    reported.sort_unstable();
    reported.dedup();
    let letters: Vec<char> = reported.into_iter().filter(|&m| written_as_letter(text, m)).collect();
    if letters.is_empty() {
        return;
    }
    let found = out.split_off(from);
    out.extend(found.into_iter().filter(|d| {
        let mark = d.span.slice(text).chars().next().unwrap_or(' ');
        !letters.contains(&mark)
    }));
}

/// True when `text` writes `mark` as a letter: between two letters three
/// times or more, or, for `‘`, before a word three times or more with fewer
/// than half as many `’` shaped to close them. Only the mark's occurrences
/// are read, found by their bytes.
fn written_as_letter(text: &str, mark: char) -> bool {
    if !matches!(mark, '“' | '”' | '"' | '‘') {
        return false;
    }
    let mut buf = [0u8; 4];
    let needle = mark.encode_utf8(&mut buf).as_bytes();
    let (mut inside, mut opening) = (0, 0);
    for at in memmem::find_iter(text.as_bytes(), needle) {
        let prev = text[..at].chars().next_back();
        let next = text[at + needle.len()..].chars().next();
        let letter_after = next.is_some_and(char::is_alphabetic);
        inside += usize::from(prev.is_some_and(char::is_alphabetic) && letter_after);
        opening += usize::from(prev.is_none_or(char::is_whitespace) && letter_after);
    }
    if inside >= 3 {
        return true;
    }
    if mark != '‘' || opening < 3 {
        return false;
    }
    let closing = memmem::find_iter(text.as_bytes(), "’".as_bytes())
        .filter(|&at| {
            text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
                && !text[at + '’'.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .count();
    closing * 2 < opening
}

fn check_doubles(doc: &Document, segs: &[Span], out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let found = helpers::analyse(doc, segs);
    // Opening quotes left open at the end of the previous segment, and its index.
    let mut pending: Vec<Quote> = Vec::new();
    let mut pending_index = 0;
    let mut para: Option<Paragraph> = None;
    for (i, seg) in found.iter().enumerate() {
        let mut orphans = &seg.orphans[..];
        if !pending.is_empty() {
            let first = orphans.first().filter(|o| is_first_quote(seg, o));
            // A quotation that runs over paragraphs with no quotes of their
            // own, opened once and closed once, as many languages write one
            // (`“Dá̱ldɨ̱́ŋáꞌŋ …` to `… ka̱ɨŋ”.` five paragraphs on).
            let spans_paragraphs = || {
                pending.len() == 1
                    && opens_segment(text, segs[pending_index], &pending[0])
                    && first.is_some_and(|o| closes_segment(text, segs[seg.index], o))
            };
            if first.is_some() && (pending_index + 1 == seg.index || spans_paragraphs()) {
                // A paragraph split mid-quote: the quote closes in the next one.
                orphans = &orphans[1..];
                pending.clear();
            } else {
                report_unclosed(text, &pending, out);
                pending.clear();
            }
        }
        // Straight quotes pair by guesswork: with others beside it, the
        // orphan may be any of them (`"Lyon". Is … wine."`), so no fix.
        let straight = seg
            .pairs
            .iter()
            .filter(|(o, c)| o.is_straight() || c.is_straight())
            .count()
            + seg
                .orphans
                .iter()
                .chain(&seg.unclosed)
                .filter(|q| q.is_straight())
                .count();
        for o in orphans {
            let d = Diagnostic::new(
                &META,
                o.span(),
                format!("closing `{}` with no opening quote in its paragraph", o.mark(text)),
            );
            if (o.is_straight() && straight > 1) || !removable(doc, o, &mut para) {
                out.push(d);
                continue;
            }
            let del = helpers::removal(text, o.span());
            out.push(d.with_fix(Fix::unsafe_edit("remove the orphan quote", Edit::delete(del))));
        }
        if !seg.unclosed.is_empty() {
            let continued = found
                .get(i + 1)
                .is_some_and(|n| n.index == seg.index + 1 && n.starts_with_opener);
            if !continued {
                pending.extend_from_slice(&seg.unclosed);
                pending_index = seg.index;
            }
        }
    }
    report_unclosed(text, &pending, out);
}

/// The quote opens its segment, or the speech a colon introduces at its end.
fn opens_segment(text: &str, seg: Span, q: &Quote) -> bool {
    let before = text[seg.start..q.at].trim();
    before.is_empty() || before.ends_with(':')
}

/// The quote ends its segment, but for the sentence's own marks.
fn closes_segment(text: &str, seg: Span, q: &Quote) -> bool {
    text[q.span().end..seg.end]
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | '!' | '?' | '…' | ')'))
}

/// True when an orphan closing quote may go: the text around it shows it is
/// debris. A mark at the end of its paragraph may close a quotation that
/// opened paragraphs before (a record is often one paragraph of a longer
/// article), and so may the first quote of a paragraph after a sentence's
/// end (`…ended."`); such marks are only reported. One detached in the
/// middle of a clause (`said ” it would`), or after a pair that closed
/// before it in the paragraph (`“Data”. Insensitivity.” The`), is debris.
fn removable(doc: &Document, o: &Quote, cache: &mut Option<Paragraph>) -> bool {
    let text = doc.text();
    let Some(span) = doc.paragraph_at(o.at) else {
        return false;
    };
    // Found once per paragraph: a run of orphans must not rescan it each.
    let para = match cache {
        Some(p) if p.span == span => *p,
        _ => *cache.insert(Paragraph::of(text, span)),
    };
    let end = o.span().end;
    if para.last_alphanumeric.is_none_or(|a| a < end) {
        return false;
    }
    if para.first_quote.is_some_and(|q| q < o.at) {
        return true;
    }
    // The first quote of its paragraph: only a mark inside a clause, a
    // lowercase word going on right after it, shows itself as debris.
    let prev = text[span.start..o.at].chars().next_back();
    let next_word = text[end..span.end].trim_start().chars().next();
    prev.is_some_and(|c| c.is_alphanumeric() || c.is_whitespace()) && next_word.is_some_and(char::is_lowercase)
}

/// What [`removable`] asks of a paragraph, found once for all its orphans.
#[derive(Clone, Copy)]
struct Paragraph {
    span: Span,
    /// Where its first double quote starts.
    first_quote: Option<usize>,
    /// Where its last letter or digit starts.
    last_alphanumeric: Option<usize>,
}

impl Paragraph {
    fn of(text: &str, span: Span) -> Paragraph {
        let s = span.slice(text);
        Paragraph {
            span,
            first_quote: helpers::double_quotes(s).next().map(|(q, _)| span.start + q),
            last_alphanumeric: s
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphanumeric())
                .map(|(i, _)| span.start + i),
        }
    }
}

/// Entities of double quotes, which `html-entity` turns into quotes.
fn has_quote_entity(text: &str) -> bool {
    const NAMES: [&str; 9] = [
        "&quot;", "&ldquo;", "&rdquo;", "&bdquo;", "&#34;", "&#8220;", "&#8221;", "&#x201c;", "&#x201d;",
    ];
    memchr::memchr_iter(b'&', text.as_bytes()).any(|i| {
        let rest = &text.as_bytes()[i..];
        NAMES
            .iter()
            .any(|n| rest.len() >= n.len() && rest[..n.len()].eq_ignore_ascii_case(n.as_bytes()))
    })
}

fn is_first_quote(seg: &Segment, q: &Quote) -> bool {
    seg.pairs.iter().all(|(o, _)| o.at > q.at) && seg.unclosed.iter().all(|u| u.at > q.at)
}

/// One diagnostic per run of touching unclosed quotes: `“““` is one
/// finding, and a text of nothing but quotes costs one diagnostic per run,
/// not per mark.
fn report_unclosed(text: &str, quotes: &[Quote], out: &mut Vec<Diagnostic>) {
    let mut i = 0;
    while i < quotes.len() {
        let mut span = quotes[i].span();
        let mut j = i + 1;
        while j < quotes.len() && quotes[j].span().start == span.end {
            span = Span::new(span.start, quotes[j].span().end);
            j += 1;
        }
        let message = if j - i == 1 {
            format!("opening `{}` is never closed in its paragraph", quotes[i].mark(text))
        } else {
            format!(
                "{} opening quotes from `{}` on are never closed in their paragraph",
                j - i,
                quotes[i].mark(text)
            )
        };
        out.push(Diagnostic::new(&META, span, message));
        i = j;
    }
}

/// Opening single quotes with no closing-shaped `’` after them in their
/// segment. Closing single quotes are never judged: they look like apostrophes.
fn check_singles(doc: &Document, segs: &[Span], out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let opens: Vec<usize> = memmem::find_iter(text.as_bytes(), "‘".as_bytes()).collect();
    let mut next_open = 0;
    for (i, &seg) in segs.iter().enumerate() {
        let from = next_open + opens[next_open..].partition_point(|&at| at < seg.start);
        let to = from + opens[from..].partition_point(|&at| at < seg.end);
        next_open = to;
        if from == to {
            continue;
        }
        let s = seg.slice(text);
        if memmem::find(s.as_bytes(), "‚".as_bytes()).is_some() || memmem::find(s.as_bytes(), "„".as_bytes()).is_some()
        {
            continue; // German `‚…‘`
        }
        let last_close = s.rmatch_indices('’').map(|(at, _)| at).find(|&at| closes_single(s, at));
        let first_open = last_close.map_or(0, |c| c + '’'.len_utf8());
        let continued = segs.get(i + 1).is_some_and(|n| {
            let t = n.slice(text).trim_start();
            t.starts_with('‘') || t.starts_with("“‘") || t.starts_with("\"‘")
        });
        if continued {
            continue;
        }
        for &at in &opens[from..to] {
            let at = at - seg.start;
            if at >= first_open && opens_single(s, at) {
                let span = Span::new(seg.start + at, seg.start + at + '‘'.len_utf8());
                out.push(Diagnostic::new(
                    &META,
                    span,
                    "opening `‘` is never closed in its paragraph",
                ));
            }
        }
    }
}

/// A `’` that can end a quotation: after a visible character, before a
/// space, punctuation, the end, or a CJK letter (`“‘扫黄’千万…”`: Chinese
/// sets no space after a quotation, and writes no apostrophe).
fn closes_single(s: &str, at: usize) -> bool {
    let prev = s[..at].chars().next_back();
    let next = s[at + '’'.len_utf8()..].chars().next();
    prev.is_some_and(|c| !c.is_whitespace())
        && !next.is_some_and(|c| c.is_alphanumeric() && !crate::text::chars::is_cjk_letter(c))
}

/// A `‘` that opens a quotation rather than standing for an apostrophe.
fn opens_single(s: &str, at: usize) -> bool {
    let prev = s[..at].chars().next_back();
    let rest = &s[at + '‘'.len_utf8()..];
    let prev_ok = prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '—' | '–' | ':'));
    let Some(next) = rest.chars().next() else {
        return false;
    };
    if !prev_ok || !next.is_alphabetic() {
        return false; // `‘90s`, a stray mark, or an apostrophe inside a word
    }
    let word_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let word = &rest[..word_len];
    !ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Words that a leading apostrophe shortens, often mis-curled as `‘`.
const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "d", "em", "ere", "gainst", "kay", "ll", "m", "n", "neath", "nuff", "re", "round", "s",
    "t", "til", "tis", "twas", "ve",
];

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    fn count(text: &str) -> usize {
        linter().check(text).len()
    }

    fn fix(text: &str) -> String {
        linter().fix(text, FixMode::Unsafe).unwrap().text
    }

    #[test]
    fn a_run_of_unclosed_quotes_is_one_finding() {
        assert_eq!(count("He said “““ and left."), 1);
        assert_eq!(count(&"“".repeat(1000)), 1);
        assert_eq!(count("He said “ and “ then left."), 2);
    }

    #[test]
    fn reports_but_keeps_a_quote_that_may_close_a_quotation_from_an_earlier_paragraph() {
        for text in [
            "Through “Data”. Insensitivity.”\n\nNext paragraph.",
            "The affair then ended.\"",
            "…the estimates therefor) and a slight decrease in its expenditures.” The vote followed.",
            "“We will go on,” he said.\n\nThey will not stop. We will win.” The crowd cheered.",
        ] {
            assert_eq!(count(text), 1, "{text:?}");
            assert_eq!(fix(text), text);
        }
    }

    #[test]
    fn removes_an_orphan_closing_quote_inside_a_clause() {
        assert_eq!(
            fix("The firm said ” it would appeal."),
            "The firm said it would appeal."
        );
        assert_eq!(
            fix("Through “Data”. Insensitivity.” The firm denied it."),
            "Through “Data”. Insensitivity. The firm denied it."
        );
    }

    #[test]
    fn keeps_a_quote_split_across_two_paragraphs() {
        assert_eq!(count("He said “we will\n\ngo home” and left."), 0);
    }

    #[test]
    fn keeps_one_paragraph_per_line_text_balanced_line_by_line() {
        let text = "“We didn’t expect it,” said the mayor.\nThe café’s “menu du jour” was €14.\nIt’s fine.";
        assert_eq!(count(text), 0);
    }

    #[test]
    fn flags_an_unclosed_quote_when_the_next_paragraph_does_not_continue_it() {
        assert_eq!(count("“We will go.\n\nThe end."), 1);
        assert_eq!(fix("“We will go.\n\nThe end."), "“We will go.\n\nThe end.");
    }

    #[test]
    fn keeps_a_misplaced_space_after_a_closing_quote() {
        assert_eq!(
            count("“We see no restriction,” a spokesperson said.“ But we will watch.”"),
            0
        );
    }

    #[test]
    fn keeps_a_closing_quote_written_with_the_opening_glyph() {
        assert_eq!(count("The working title “Harbor Lights “, follows three siblings."), 0);
    }

    #[test]
    fn keeps_quoted_numbers_that_look_like_inches() {
        assert_eq!(count("The code was \"2023\" and the screen 12\" wide."), 0);
    }

    #[test]
    fn flags_a_stray_straight_quote() {
        assert_eq!(
            fix("The firm said it would \" appeal."),
            "The firm said it would appeal."
        );
    }

    #[test]
    fn only_reports_a_straight_orphan_among_other_straight_quotes() {
        let text = "She said: \"Lyon\". Is not fussy. Lyon is butter and wine.\"";
        assert_eq!(count(text), 1);
        assert_eq!(fix(text), text);
    }

    #[test]
    fn waits_for_quote_entities_to_be_decoded() {
        let text = "He said &ldquo;We are disappointed,\" its president wrote.";
        assert_eq!(count(text), 0);
        let every_rule = crate::Linter::new(&crate::Settings::default()).unwrap();
        let fixed = every_rule.fix(text, crate::FixMode::Unsafe).unwrap();
        assert_eq!(fixed.text, "He said “We are disappointed,” its president wrote.");
    }

    #[test]
    fn keeps_a_doubled_closer_for_its_own_rule() {
        assert_eq!(count("“It will be here on Monday”,” a spokesperson said."), 0);
    }

    #[test]
    fn keeps_single_quotes_closed_later_in_the_paragraph() {
        assert_eq!(count("He said, ‘Why don’t you write about us?’ and left."), 0);
    }

    #[test]
    fn keeps_a_long_single_quote_that_continues_in_the_next_paragraph() {
        assert_eq!(count("‘We will go on.\n\n‘And we will win,’ he said."), 0);
    }

    #[test]
    fn survives_a_hundred_thousand_quotes() {
        // One run of unclosed `“`; the `‘` all close.
        let text = "“".repeat(100_000) + &"’‘".repeat(50_000);
        assert_eq!(count(&text), 1);
        let spaced = "“ ".repeat(1000);
        assert_eq!(count(&spaced), 1000);
    }
}
