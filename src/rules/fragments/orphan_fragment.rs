use crate::lexicon::{
    ABBREVIATIONS, ARTICLES, COORDINATORS, FINITE_VERBS, NUMBER_PREFIXES, PERIOD_ABBREVIATIONS, POSSESSIVE_DETERMINERS,
    PREPOSITIONS, STANDALONE_PHRASES, STANDALONE_WORDS, SUBJECT_PRONOUNS, TITLES, UNIT_ABBREVIATIONS, VALUE_NOUNS,
};
use crate::prelude::*;
use crate::rules::fragments::helpers::is_roman_numeral;
use crate::segment::{after_blank_line, is_closer, is_opener};
use crate::text::{first_char, is_capitalised, looks_abbreviated, terminal};

pub struct OrphanFragment;

static META: RuleMeta = RuleMeta {
    code: "F001",
    name: "orphan-fragment",
    family: Family::Fragments,
    summary: "A one- or two-word fragment standing as its own sentence",
    docs: "\
Flags a one- or two-word scrap that stands as a sentence of its own
between real sentences: `accused of copying. hug. The allegation`.

Machine translation and scrapers leave these when a tag, a link label or a
mistranslated interjection is cut loose from its sentence.

Two shapes are flagged:

- a lowercase run of one or two words between a sentence's period and the
  end of that sentence (`…copying. hug. The…`). The period before it must
  follow a full word, not an abbreviation (`e.g.`, `U.S.`, `Calif.`, `No.`),
  a unit after a number (`40 ft. long`, `50 per cent. of`), an initial, a
  number or a word no sentence ends on (`of the. men.` is a stray period,
  not a scrap); the scrap must not be a list marker (`a.`, `iv.`) or a
  complete short answer (`yes.`, `thank you.`).
- a capitalised one-word abstract noun standing alone mid-paragraph
  (`…through “Data”. Insensitivity.`), only for long nouns ending in
  `-ity`, `-ness`, `-tion` and the like, and only after a sentence that
  ended with a period. These are reported without a fix.

A scrap may also follow a closing quote (`…can be fast.” fast.`), unless it
is an attribution with a pronoun or verb (`“Stop.” she said.`). Scraps that
stray periods cut out of one sentence (`apologised for. not crediting. the
original.`) are reported without a fix: the words belong to the sentence.
So is a scrap after a sentence that ends on a value's noun or has it as
its subject (`The username was already taken. jdoe.`, `He typed the
command. ls.`): it may be that name or command.

Left alone: real short sentences (`Yes.`, `Why?`, `It worked.`, `Not so.`,
`Indeed.`, `Thank you.`), headings, single-line paragraphs, list items,
anything after an abbreviation's period, and a month abbreviated after a
year (`2005. okt. 18.`).

Fix (unsafe): delete the lowercase scrap and the space before it; it removes
words.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English]),
    flags: &[
        Fixture {
            input: "The startup was accused of leaking. kiss. The claim spread quickly.",
            output: "The startup was accused of leaking. The claim spread quickly.",
        },
        Fixture {
            input: "Shares fell sharply on Monday. big hug. Analysts were surprised.",
            output: "Shares fell sharply on Monday. Analysts were surprised.",
        },
        Fixture {
            input: "The van was stolen in 2021. roof. \"We all love libraries,\" he said.",
            output: "The van was stolen in 2021. \"We all love libraries,\" he said.",
        },
        Fixture {
            input: "The vote was delayed again. Frustration. Lawmakers left early.",
            output: "The vote was delayed again. Frustration. Lawmakers left early.",
        },
    ],
    keeps: &[
        "It came in a 16-oz. can, but now comes in a 32-oz. can. Many consider it a light beer.",
        "Open Democracy, 2005. okt. 18. The report of the commission, 2004. szept. (.pdf)",
        "Did it work? Yes. It worked. Not so. Indeed. Thank you. No. Exactly.",
        "The firm is based in the U.S. and in Springfield, Ill. today.",
        "It acts against Salmonella spp. infection. The liverwort M. polymorpha subsp. ruderalis. It is a chain of mol. wt. 50,000. Done.",
        "The paramedics provided med. care. The lab hired a new asst. director. She starts in May.",
        "Options include a. cash and b. shares, e.g. stock.",
        "Dr. who. Visit 01.AI at 10:30 or try GPT 3.5 today.",
        "Steps: i. read. ii. sign. The form goes to No. 5.",
        "See section 12. below. It opened in 2021. Yes. In 1999. ok.",
        "The scheme now covers only 50 per cent. of courts. Many cases fail.",
        "He said “no. never.” Then he left.",
        "Why? Because it was late.",
        "Well... maybe. The launch of Yi-34B and GPT-4 Turbo (LLMs) followed.",
        "Revenue rose. Nothing. Then the quarter ended.",
        "The truck was 40 ft. long and cost 2 bn. euros, or 5 mio. overall.",
        "Add 3 tsp. sugar, then 16 oz. flour. It took 26 mi. today.",
    ],
};

/// Suffixes of abstract nouns; a capitalised one-word sentence with one of
/// these is a torn-off label, not an exclamation like `Silence.`.
const ABSTRACT_SUFFIXES: [&str; 11] = [
    "ness", "ity", "ment", "tion", "sion", "ance", "ancy", "ence", "ency", "ism", "ship",
];

impl Rule for OrphanFragment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(b'.') {
            return;
        }
        lowercase_orphans(doc, out);
        capitalised_orphans(doc, out);
    }
}

/// `…copying. hug. The…`: the segmenter does not split before a lowercase
/// word, so the scrap sits at the end of the sentence before it.
fn lowercase_orphans(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let b = text.as_bytes();
    for dot in memchr::memchr_iter(b'.', b) {
        // `. hug.` or, after a quotation, `.” fast.`.
        let mut after_dot = dot + 1;
        while let Some(c) = text[after_dot..].chars().next().filter(|&c| is_closer(c)) {
            after_dot += c.len_utf8();
        }
        // Cheap shape test first: a space and a lowercase letter.
        if b.get(after_dot) != Some(&b' ') {
            continue;
        }
        let after = &text[after_dot..];
        let gap = after.len() - after.trim_start_matches(' ').len();
        let rest = &after[gap..];
        if !first_char(rest).is_lowercase() {
            continue;
        }
        let Some(len) = scrap_len(rest) else { continue };
        if !ends_a_word(text, dot) {
            continue;
        }
        let scrap = &rest[..len];
        // `2005. okt. 18.`, `2004. szept.`: a month abbreviated after a year,
        // as Hungarian and other languages write dates, is no scrap.
        let year = text[..dot].bytes().rev().take(5).take_while(u8::is_ascii_digit).count();
        if year == 4 && after_dot == dot + 1 && MONTH_ABBREVIATIONS.contains(&scrap.trim_end_matches('.')) {
            continue;
        }
        // `“I’m done.” she said.`: an attribution, not a scrap.
        if after_dot > dot + 1 && is_clause(&scrap[..len - 1]) {
            continue;
        }
        let start = after_dot + gap;
        let span = Span::new(start, start + len);
        // `apologised for. not crediting. the original.`: stray periods broke
        // one sentence into scraps; deleting one would lose its words.
        if follows_a_scrap(text, dot) {
            out.push(Diagnostic::new(
                &META,
                span,
                format!("`{scrap}` is a fragment cut off by a stray period"),
            ));
            continue;
        }
        // `The username was taken. jdoe.`: the sentence before names a value
        // and the scrap may be it; a name or a command is not debris to delete.
        if names_a_value(text, dot) {
            out.push(Diagnostic::new(
                &META,
                span,
                format!("`{scrap}` stands as its own sentence; it may be the value the sentence before names"),
            ));
            continue;
        }
        let removal = Span::new(after_dot, start + len);
        out.push(
            Diagnostic::new(
                &META,
                span,
                format!("`{scrap}` is a fragment standing as its own sentence"),
            )
            .with_fix(Fix::unsafe_edit("remove the fragment", Edit::delete(removal))),
        );
    }
}

/// Months abbreviated in lowercase, in the languages that write a date's
/// year first or its month in lowercase (`2005. okt. 18.`, `12 janv.`).
const MONTH_ABBREVIATIONS: &[&str] = &[
    "abr", "ago", "apr", "aug", "avr", "dec", "dez", "dic", "déc", "ene", "feb", "febr", "fév", "févr", "jan", "janv",
    "juil", "jul", "jun", "júl", "jún", "mar", "márc", "máj", "nov", "oct", "okt", "out", "sep", "sept", "set",
    "szept", "ápr",
];

/// True when the words hold a subject pronoun or a finite verb, so they
/// make a clause (`she said`), not a scrap.
fn is_clause(words: &str) -> bool {
    words
        .split(' ')
        .any(|w| SUBJECT_PRONOUNS.contains(w) || FINITE_VERBS.contains(w))
}

/// True when the word before the period at `dot` is itself a short
/// lowercase scrap after another period (`for. not crediting. the…`).
fn follows_a_scrap(text: &str, dot: usize) -> bool {
    let mut from = dot.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = after_blank_line(&text[from..dot]);
    let Some(prev) = head.rfind(". ") else {
        return false;
    };
    let between = head[prev + 2..].trim_start();
    let words = between.split(' ').count();
    words <= 3 && between.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-')
}

/// True when the sentence ending at the period at `dot` is about a value
/// (`username`, `command`, `password`) that a scrap after it may give: the
/// noun ends it or is its subject (`The username was already taken.`).
fn names_a_value(text: &str, dot: usize) -> bool {
    let mut from = dot.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = after_blank_line(&text[from..dot]);
    let sentence = head.rfind(['.', '?', '!']).map_or(head, |i| &head[i + 1..]);
    // Near its end (`He typed the command.`, not `the command of the
    // fleet`), or before the verb that says what it is.
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let subject = words
        .windows(2)
        .any(|w| VALUE_NOUNS.contains(w[0]) && matches!(w[1], "is" | "was" | "has" | "had"));
    subject || words.iter().rev().take(3).any(|w| VALUE_NOUNS.contains(w))
}

/// The length of a one- or two-word lowercase scrap at the start of `s`,
/// including its closing period, when the sentence ends right after it.
fn scrap_len(s: &str) -> Option<usize> {
    let mut words = 0;
    let mut i = 0;
    let b = s.as_bytes();
    loop {
        let word_end = s[i..]
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '’' || c == '\''))
            .map_or(s.len(), |e| i + e);
        let word = &s[i..word_end];
        if word.is_empty() || !word.chars().all(|c| !c.is_uppercase()) {
            return None;
        }
        words += 1;
        match b.get(word_end) {
            Some(b' ') if words < 2 => i = word_end + 1,
            Some(b'.') | Some(b'!') => {
                let scrap = &s[..word_end];
                let end = word_end + 1;
                let closes = closes_sentence(&s[end..]);
                return (closes && !is_real_short_sentence(scrap)).then_some(end);
            }
            _ => return None,
        }
    }
}

/// True when what follows a scrap's period shows the sentence ended there:
/// the end of the line or text, or a new capitalised sentence.
fn closes_sentence(tail: &str) -> bool {
    if tail.is_empty() {
        return true;
    }
    if !first_char(tail).is_whitespace() {
        return false;
    }
    let t = tail.trim_start_matches([' ', '\t']);
    let n = first_char(t);
    t.is_empty() || n == '\n' || n == '\r' || n.is_uppercase() || n.is_ascii_digit() || is_opener(n)
}

fn is_real_short_sentence(scrap: &str) -> bool {
    if scrap.contains(' ') {
        return STANDALONE_PHRASES.contains(scrap);
    }
    // `a.`, `iv.`: list markers; `etc.`: an abbreviation, not a word.
    scrap.chars().count() < 2 || is_roman_numeral(scrap) || STANDALONE_WORDS.contains(scrap) || is_abbreviation(scrap)
}

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(word)
        || TITLES.contains(word)
        || NUMBER_PREFIXES.contains(word)
        || PERIOD_ABBREVIATIONS.contains(word)
        || UNIT_ABBREVIATIONS.contains(word)
}

/// True when the period at `dot` ends a full word, so it can end a
/// sentence: not an abbreviation (`e.g.`, `Calif.`), an initial, a number
/// or part of an ellipsis.
fn ends_a_word(text: &str, dot: usize) -> bool {
    let head = &text[..dot];
    let head = head.trim_end_matches(is_closer);
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.' || c == '-' || c == '’')
        .last()
        .map_or(head.len(), |(i, _)| i);
    let word = &head[start..];
    // A year ends sentences often (`stolen in 2021. roof.`); other numbers
    // may be list markers or section numbers.
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && matches!(word.as_bytes()[0], b'1' | b'2') {
        return true;
    }
    if word.contains('.') || word.chars().count() < 2 || !word.chars().any(char::is_alphabetic) {
        return false;
    }
    if is_abbreviation(word) || is_roman_numeral(word) || is_function_word(word) {
        return false;
    }
    // `a 32-oz. can`, `a 5-lb. bag`: a number and its unit, hyphened.
    if word.rsplit_once('-').is_some_and(|(number, unit)| {
        !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && unit.chars().count() <= 4
            && unit.chars().all(char::is_lowercase)
    }) {
        return false;
    }
    // `5 mio. euros`, `3 tsp. sugar`: a short lowercase word after a number
    // is a unit, and units are abbreviated more ways than any list holds.
    // British and legal usage writes `41 per cent. of courts` the same way.
    let before = head[..start].trim_end_matches(' ');
    let before = match before.strip_suffix("per") {
        Some(b) if b.ends_with(' ') => b.trim_end_matches(' '),
        _ => before,
    };
    if start > before.len()
        && before.ends_with(|c: char| c.is_ascii_digit())
        && word.chars().count() <= 4
        && word.chars().all(char::is_lowercase)
    {
        return false;
    }
    !looks_abbreviated(word)
}

/// No sentence ends on `the` or `of`: a period after one is a stray mark
/// inside a sentence (`control of the. men.`), for the punctuation rules.
fn is_function_word(word: &str) -> bool {
    ARTICLES.contains(word)
        || POSSESSIVE_DETERMINERS.contains(word)
        || COORDINATORS.contains(word)
        || PREPOSITIONS.contains(word)
}

/// `…through “Data”. Insensitivity.”`: a lone capitalised abstract noun.
fn capitalised_orphans(doc: &Document, out: &mut Vec<Diagnostic>) {
    for &para in doc.paragraphs() {
        let sentences = doc.sentences_in(para);
        for (i, &s) in sentences.iter().enumerate().skip(1) {
            let sentence = doc.slice(s);
            if sentence.len() > 40 || !is_capitalised(sentence) {
                continue;
            }
            let words = doc.words_in(s);
            if words.len() != 1 || terminal(sentence) != Some('.') {
                continue;
            }
            let word = doc.slice(words[0]);
            let body = sentence.trim_end_matches(is_closer);
            if body.len() != word.len() + 1
                || word.chars().count() < 8
                || !word.chars().skip(1).all(char::is_lowercase)
                || !ABSTRACT_SUFFIXES.iter().any(|s| word.ends_with(s))
            {
                continue;
            }
            let prev = doc.slice(sentences[i - 1]);
            let prev_last = doc.words_in(sentences[i - 1]).last().map(|&w| doc.slice(w));
            if terminal(prev) != Some('.') || prev_last.is_some_and(is_function_word) {
                continue;
            }
            out.push(Diagnostic::new(
                &META,
                Span::new(s.start, s.start + body.len()),
                format!("`{word}` is a one-word fragment standing as its own sentence"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::english(&super::META)
    }

    fn fix(text: &str) -> String {
        linter().fix(text, FixMode::Unsafe).unwrap().text
    }

    #[test]
    fn removes_a_lowercase_scrap_between_sentences() {
        assert_eq!(
            fix("The bank denied wrongdoing. lol. Regulators disagreed."),
            "The bank denied wrongdoing. Regulators disagreed."
        );
    }

    #[test]
    fn removes_a_scrap_at_the_end_of_a_paragraph() {
        assert_eq!(
            fix("The bank denied wrongdoing. thanks all.\n\nNext one."),
            "The bank denied wrongdoing.\n\nNext one."
        );
    }

    #[test]
    fn keeps_lowercase_continuations_after_abbreviations() {
        for text in [
            "It opened in Jan. last year.",
            "It was run by the Inst. staff.",
            "Prices rose 5 p.m. sharp. Then fell.",
            "See the list, etc. too.",
            "It moved to Springfield, Mass. today.",
        ] {
            assert!(linter().check(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn removes_a_scrap_after_a_closing_quote() {
        assert_eq!(
            fix("She said: “We are small. But small can be fast.” fast.\n\nNext."),
            "She said: “We are small. But small can be fast.”\n\nNext."
        );
    }

    #[test]
    fn keeps_an_attribution_after_a_closing_quote() {
        assert!(linter().check("“I am done.” she said. Then she left.").is_empty());
    }

    #[test]
    fn flags_scraps_left_by_stray_periods_without_a_fix() {
        let found = linter().check("It then apologised for. not crediting. the original. A dispute followed.");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn reports_but_keeps_a_name_or_command_the_sentence_before_names() {
        for text in [
            "The username was taken. jdoe. He tried again.",
            "He typed the command. ls. Nothing happened.",
            "She chose a new password. hunter. It was weak.",
            "The username was already taken. jdoe. He tried again.",
        ] {
            let found = linter().check(text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(found[0].fix.is_none(), "{text}");
            assert_eq!(fix(text), text);
        }
        assert_eq!(
            fix("He was accused of copying. hug. The allegation stood."),
            "He was accused of copying. The allegation stood."
        );
    }

    #[test]
    fn keeps_a_sentence_broken_by_a_stray_period() {
        assert!(linter()
            .check("It gave better control of the. men. We should adopt it.")
            .is_empty());
        assert!(linter()
            .check("It is guaranteed by the. Constitution. It holds.")
            .is_empty());
    }

    #[test]
    fn keeps_a_lowercase_run_that_goes_on() {
        assert!(linter().check("It ended. and then it began again.").is_empty());
    }

    #[test]
    fn keeps_short_capitalised_sentences_that_are_not_abstract_nouns() {
        assert!(linter()
            .check("He waited. Silence. Then the door opened. Progress.")
            .is_empty());
    }

    #[test]
    fn flags_an_abstract_noun_without_a_fix() {
        let found = linter().check("It was rejected. Insensitivity. Nobody knew why.");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn keeps_an_abstract_noun_that_answers_a_question() {
        assert!(linter()
            .check("What did it need? Determination. And it had it.")
            .is_empty());
    }

    #[test]
    fn stays_quiet_for_other_languages() {
        let l = crate::rules::testing::linter(&super::META, crate::Language::Other);
        assert!(l.check("Es fiel. hug. Dann kam es.").is_empty());
    }
}
