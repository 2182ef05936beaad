use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::lexicon::{
    ABBREVIATIONS, ARTICLES, COORDINATORS, FOREIGN_NUMBER_WORDS, NUMBER_WORDS, PREPOSITIONS, WH_WORDS,
};
use crate::prelude::*;
use crate::span::{ceil_char_boundary, floor_char_boundary};
use crate::text::chars::{is_cjk_letter, is_cjk_symbol, is_fullwidth_form, is_script_mark, is_unspaced_script_letter};
use crate::text::is_abbreviation_period;

pub struct OddSpace;

static META: RuleMeta = RuleMeta {
    code: "W008",
    name: "odd-space",
    family: Family::Whitespace,
    summary: "A no-break, thin, ideographic or other unusual space between two words",
    docs: "\
Flags a visible space character other than the plain space where a plain
space belongs: `the␣benchmark` with a no-break space (U+00A0), thin
(U+2009), hair, figure, narrow no-break (U+202F) and the other U+2000–U+200A
spaces, and an ideographic space (U+3000) between Latin words outside CJK text,
`in Hefei　and`.

They come from `&nbsp;` in scraped HTML, from word processors, and from
machine translation out of CJK languages. They look like spaces but do not
break lines, do not match a space in searches and split words oddly.

Left alone, because there the character is deliberate typography: between
a number and a unit or a symbol (`10 km`, `5 %`, `38 °C`, `10 h 30`), before a
footnote's call (`revues [2]`), inside a
number (`1 000 000`), before a number (`No. 5`, `Windows 10`), a no-break
space after a number, written out or not, or an ordinal (`5 mètres`, `one
minute`, `une seconde`, `12. maaliskuuta`), after
a word of one or two letters outside English (Czech and Polish keep `v Praze`,
`na onom` and `i w` together; not a contraction's tail, `It’s been`),
after a short abbreviation (`z. B.`, `esim.`) or before one (`prerm, etc.`),
after an ordinal (`1er octobre`), a list marker (`(1) autorizací`) or a
command's option (`-o ServerAliveInterval`), before a label's letter
(`Phụ lục F`, `X, Y ou Z)`), around Mongolian suffixes
(a narrow no-break space is how Mongolian attaches them), after a title
or an initial (`Mr. Smith`, `M. Ferrand`, `J. K.`), before a Roman numeral
(`Louis XIV`), a no-break space between two capitalised words (`São
Paulo`, holding a name together) or after a name's particle (`van
Beethoven`, `de Gaulle`), around a dash, next to guillemets (`« ça »`) and just inside other quotation
marks (French spacing), next to a symbol (`→ https://…`, `pid #4521`,
`A × B`: arrows, bullets, mathematical and technical signs), a thin or
hair space beside a slash (`Stop / Play` set finely), before a mark
(`Canicule : `, French spacing: `space-before-punctuation` judges those),
next to CJK text or a script that writes no spaces between words (Thai,
Lao, Khmer, Myanmar, Tibetan), before a sentence mark of any script (Khmer
`។`, Devanagari `।`, Arabic `؟`), and at the start or end of a line (`leading-whitespace`'s
and `trailing-whitespace`'s). Zero-width characters are the unicode rules'.

Fix (safe): replace the run of spaces with one plain space; where the run
mixes plain spaces with one odd space that would be left alone by itself
(`suivi \u{a0}»`), keep that one and drop the plain spaces.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE
        .note("keeps the no-break spaces typography asks for: French, numbers and units, Mongolian suffixes"),
    flags: &[
        Fixture {
            input: "while the\u{a0}benchmark index closed lower",
            output: "while the benchmark index closed lower",
        },
        Fixture {
            input: "would last 48 hours\u{3000}and could be extended",
            output: "would last 48 hours and could be extended",
        },
        Fixture {
            input: "maintenance\u{2009}technicians and port \u{a0}workers",
            output: "maintenance technicians and port workers",
        },
        Fixture {
            input: "heads the union branch.\u{a0}\"We are not against it.\"",
            output: "heads the union branch. \"We are not against it.\"",
        },
    ],
    keeps: &[
        "Outils (postinst, prerm,\u{a0}etc.) depuis le 1er\u{a0}octobre, X, Y ou\u{a0}Z.",
        "Chráníme: (1)\u{a0}autorizací softwaru, the option -o\u{a0}ServerAliveInterval, Phụ lục\u{a0}F.",
        "a 10\u{a0}km run, 5\u{a0}% more, 38\u{a0}°C and 1\u{202f}000\u{202f}000 people",
        "ការ\u{200b}កំណត់\u{200b}នេះ\u{200b}នឹង\u{200b}មាន\u{200b}ភាសា\u{200b}ដែល\u{200b}បាន\u{200b}ជ្រើស\u{a0}។\n",
        "ใช้คำสั่งนี้\u{a0}เพื่อบันทึกเอกสาร",
        "यह वाक्य यहाँ समाप्त होता है\u{a0}। दूसरा वाक्य",
        "No.\u{a0}5 on Windows\u{a0}10 with Mr.\u{a0}Smith and Louis\u{a0}XIV",
        "Ludwig van\u{a0}Beethoven met Charles de\u{a0}Gaulle",
        "See →\u{a0}https://www.cups.org/ for process pid\u{a0}#4521 and A\u{a0}×\u{a0}B.",
        "It was\u{2009}—\u{2009}briefly\u{a0}— fine.",
        "«\u{a0}Nous n’avions jamais vu ça\u{a0}», a-t-il dit.",
        "Canicule\u{a0}: la récolte\u{202f}; fini\u{202f}?",
        "中文\u{3000}中文 and 中文\u{a0}text",
        "一番上から、uni-ball\u{3000}SigNo ボルドー、■公式サイト\u{3000}⇒\u{3000}http://www.example.jp/",
        "\u{a0}\u{a0}leading and trailing\u{a0}",
        "Ends at 10\u{a0}a.m. and 10\u{a0}h\u{a0}30.",
        "NBSP after capitals: SÃO\u{a0}PAULO and São\u{a0}Paulo.",
        "Se oli 12.\u{a0}maaliskuuta, 5\u{a0}mètres plus loin.",
        "Wait one\u{a0}minute, or two\u{a0}hours at most.",
        "Im Mai, z.\u{a0}B. im Juni, esim.\u{a0}tänään.",
        "ᠴᠢᠯᠥᠭᠡ\u{202f}ᠲᠡᠢ ᠡᠷᠬᠡ",
    ],
};

/// One odd space, as UTF-8 bytes: U+00A0, U+1680, U+2000–U+200A, U+202F,
/// U+205F, U+3000. Byte literals let the regex engine skip plain text fast;
/// the run around the match is widened by hand.
static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\xC2\xA0|\xE1\x9A\x80|\xE2\x80[\x80-\x8A\xAF]|\xE2\x81\x9F|\xE3\x80\x80")
        .expect("pattern compiles")
});

fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Lowercase particles that open a surname: `van Beethoven`, `de Gaulle`.
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "dal", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "ibn", "la", "le",
    "ten", "ter", "van", "von", "zu",
];

/// Words that follow a number as its unit.
const UNIT_WORDS: &[&str] = &[
    "billion", "cent", "degrees", "euros", "hours", "million", "percent", "per", "trillion", "yuan",
];

fn is_cjk_side(c: char) -> bool {
    is_cjk_letter(c) || is_fullwidth_form(c) || is_cjk_symbol(c)
}

fn is_mongolian(c: char) -> bool {
    matches!(c, '\u{1800}'..='\u{18AF}' | '\u{11660}'..='\u{1167F}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// The number before the space is followed by its unit or symbol.
fn unit_follows(after: &str) -> bool {
    let Some(first) = after.chars().next() else {
        return false;
    };
    if !first.is_alphanumeric() {
        return true; // `%`, `°C`, `€`, `$`
    }
    let word_len = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
    let word = &after[..word_len];
    word.chars().count() <= 3 || UNIT_WORDS.iter().any(|u| u.eq_ignore_ascii_case(word))
}

fn is_roman_numeral(after: &str) -> bool {
    let len = after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len());
    (1..=6).contains(&len) && after[..len].bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// The first letter of the word ending at `at`.
fn word_initial(text: &str, at: usize) -> Option<char> {
    text[..at]
        .chars()
        .rev()
        .take(32)
        .take_while(|c| c.is_alphabetic())
        .last()
}

/// The single space character at `[start, end)` is there on purpose.
/// English's words of two letters, which English typography ties to nothing
/// (not `do`, which is also Czech's and Polish's preposition).
const ENGLISH_TWO_LETTER_WORDS: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or", "so",
    "to", "up", "us", "we",
];

fn is_deliberate(text: &str, start: usize, end: usize, prev: char, next: char, language: Option<Lang>) -> bool {
    let english = language == Some(Lang::English);
    let after = &text[end..];
    let no_break = matches!(&text[start..end], "\u{a0}" | "\u{202f}");
    // `São Paulo`, `New York`, `van Beethoven`, `de Gaulle`: a no-break
    // space holding a name together.
    if no_break
        && next.is_uppercase()
        && (word_initial(text, start).is_some_and(char::is_uppercase)
            || NAME_PARTICLES.contains(&crate::text::trailing_letters(&text[..start])))
    {
        return true;
    }
    if prev.is_ascii_digit() && (next.is_ascii_digit() || unit_follows(after)) {
        return true;
    }
    // Keeping a number with the word after it (`5 mètres`, `12. maaliskuuta`,
    // `3. März`) and a one-letter word with the next (Czech and Polish
    // `v Praze`, `i w`; `Kirjain Ä on`) is typography in many languages.
    if no_break {
        let before_dot = if prev == '.' {
            text[..start - 1].chars().next_back()
        } else {
            None
        };
        // A word of one or two letters, not a contraction's tail (`It's`,
        // `didn't`): Czech ties its prepositions `v`, `na`, `ve` to the next
        // word. English typography ties none (`a year`, `I am`), and in a
        // text too short to tell, English's two-letter words are taken as
        // English (`of the`).
        let mut before = text[..start].chars().rev().skip_while(|c| c.is_alphabetic());
        let word_before = crate::text::trailing_letters(&text[..start]);
        let short = match word_before.chars().count() {
            1 => true,
            2 => language.is_some() || !ENGLISH_TWO_LETTER_WORDS.contains(&word_before.to_ascii_lowercase().as_str()),
            _ => false,
        };
        let one_letter = short && !matches!(before.next(), Some('\'' | '’')) && !english;
        // A number written out keeps its noun as digits do (`one minute`),
        // not a word of grammar (`one which`, `one of`).
        let next_word = crate::text::leading_word(after);
        let number_word = (NUMBER_WORDS.contains_exact(word_before)
            || (!english && FOREIGN_NUMBER_WORDS.contains_exact(word_before)))
            && !(PREPOSITIONS.contains(next_word)
                || ARTICLES.contains(next_word)
                || COORDINATORS.contains(next_word)
                || WH_WORDS.contains(next_word)
                || next_word == "that");
        if prev.is_ascii_digit() || before_dot.is_some_and(|c| c.is_ascii_digit()) || one_letter || number_word {
            return true;
        }
        // An abbreviation's period: `z. B.`, `esim.`, `p. ex.`, `S. 5`.
        let abbreviation = text[..start - usize::from(prev == '.')]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count();
        if prev == '.' && (1..=4).contains(&abbreviation) {
            return true;
        }
        // An ordinal (`1er octobre`, `21st century`), a list marker (`(1)
        // autorizací`) or an option (`-o ServerAliveInterval`) before, a
        // label's letter (`Phụ lục F`, `X, Y ou Z)`) or an abbreviation
        // (`prerm, etc.`) after: each is tied to its neighbour on purpose.
        let token = text[..start].rsplit(char::is_whitespace).next().unwrap_or("");
        let letters = token.trim_start_matches(|c: char| c.is_ascii_digit());
        let ordinal = letters.len() < token.len()
            && ["st", "nd", "rd", "th", "er", "re", "e", "ème", "de", "te", "º", "ª"].contains(&letters);
        let marker =
            prev == ')' && token.len() <= 4 && token.trim_matches(['(', ')']).chars().all(char::is_alphanumeric);
        let option = token.len() >= 2
            && token.starts_with('-')
            && token[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '-');
        let mut rest = after.chars();
        let label = rest.next().is_some_and(char::is_uppercase) && rest.next().is_none_or(|c| !c.is_alphanumeric());
        let abbreviation_after = after[next_word.len()..].starts_with('.') && ABBREVIATIONS.contains(next_word);
        if ordinal || marker || option || label || abbreviation_after {
            return true;
        }
    }
    // Mongolian writes its suffixes after a narrow no-break space.
    if is_mongolian(prev) || is_mongolian(next) {
        return true;
    }
    if next.is_ascii_digit() || is_roman_numeral(after) {
        return true;
    }
    if prev == '.' && is_abbreviation_period(text, start - 1) {
        return true;
    }
    // Just inside quotation marks, as French spaces them (`"\u{a0}diviser
    // la commande\u{a0}"`): an opening mark with no letter before it, a
    // closing one with none after it.
    let inside_quotes = no_break
        && ((matches!(prev, '"' | '“')
            && !text[..start - prev.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
            || (matches!(next, '"' | '”')
                && !after[next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)));
    // `Спиране\u{2009}/\u{2009}Пускане`: a thin or hair space sets a
    // slash apart on purpose, as a typesetter does.
    let fine = matches!(&text[start..end], "\u{2009}" | "\u{200a}" | "\u{202f}");
    // A footnote's call kept with its word (`revues\u{a0}[2]`, as French
    // typography sets it).
    let call = no_break
        && after.strip_prefix('[').is_some_and(|r| {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            (1..=3).contains(&digits) && r[digits..].starts_with(']')
        });
    inside_quotes
        || call
        || (fine && (prev == '/' || next == '/'))
        || is_dash(prev)
        || is_dash(next)
        || prev == '«'
        || next == '»'
        || matches!(prev, '§' | '¶' | '№')
        || is_symbol(prev)
        || is_symbol(next)
}

/// Whether `odd` would be deliberate if it stood alone where the run `span`
/// does. `is_deliberate` reads a few words either side, so a window of the
/// text with the run replaced stands in for the whole.
fn deliberate_alone(text: &str, span: Span, odd: char, prev: char, next: char, language: Option<Lang>) -> bool {
    let lo = floor_char_boundary(text, span.start.saturating_sub(64));
    let hi = ceil_char_boundary(text, (span.end + 64).min(text.len()));
    let window = format!("{}{odd}{}", &text[lo..span.start], &text[span.end..hi]);
    let at = span.start - lo;
    is_deliberate(&window, at, at + odd.len_utf8(), prev, next, language)
}

/// A symbol that typography ties to its neighbour with a no-break space:
/// an arrow before a link (`→ https://…`), a sign before a number (`pid
/// #4521`), a bullet, a mathematical or technical sign. Words split oddly
/// only between letters.
fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '#' | '&' | '*' | '+' | '=' | '|' | '~' | '<' | '>' | '@' | '•' | '·' | '×' | '÷' | '±'
    ) || ('\u{2190}'..='\u{23ff}').contains(&c)
        || ('\u{2500}'..='\u{27bf}').contains(&c)
        || ('\u{2b00}'..='\u{2bff}').contains(&c)
}

impl Rule for OddSpace {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().has_non_ascii() {
            return;
        }
        let text = doc.text();
        let mut done = 0;
        let mut cjk_text = crate::rules::punctuation::helpers::cjk_paragraphs(doc);
        for m in PATTERN.find_iter(text.as_bytes()) {
            if m.start() < done {
                continue; // inside a run already seen
            }
            let blank = |c: char| c == ' ' || is_odd_space(c);
            let start = text[..m.start()].trim_end_matches(blank).len();
            let end = text.len() - text[m.end()..].trim_start_matches(blank).len();
            done = end;
            let run = &text[start..end];
            let Some(prev) = text[..start].chars().next_back() else {
                continue;
            };
            let Some(next) = text[end..].chars().next() else {
                continue;
            };
            if matches!(prev, '\n' | '\r') || matches!(next, '\n' | '\r' | '\t') || prev == '\t' {
                continue;
            }
            if is_cjk_side(prev)
                || is_cjk_side(next)
                || is_unspaced_script_letter(prev)
                || is_unspaced_script_letter(next)
            {
                continue;
            }
            if matches!(next, ',' | ';' | ':' | '.' | '!' | '?') || is_script_mark(next) {
                continue;
            }
            let single = run.chars().nth(1).is_none();
            let odd = run.chars().find(|&c| c != ' ').unwrap_or(' ');
            // `uni-ball　SigNo ボルドー`: in CJK text an ideographic space
            // is the text's own, beside Latin words too.
            if odd == '\u{3000}' && cjk_text.has(start) {
                continue;
            }
            let language = doc.language_at(start);
            if single && odd != '\u{3000}' && is_deliberate(text, start, end, prev, next, language) {
                continue;
            }
            let message = match odd {
                '\u{a0}' => "a no-break space between words",
                '\u{202f}' => "a narrow no-break space between words",
                '\u{2009}' => "a thin space between words",
                '\u{200a}' => "a hair space between words",
                '\u{2007}' => "a figure space between words",
                '\u{3000}' => "an ideographic space between words",
                _ => "an unusual space between words",
            };
            let span = Span::new(start, end);
            // `books \u{a0}»`: the run holds the no-break space typography
            // asks for there, so it is the plain spaces that go.
            let fix = if !single
                && run.chars().filter(|&c| c != ' ').count() == 1
                && deliberate_alone(text, span, odd, prev, next, language)
            {
                Fix::safe_edit("drop the plain spaces beside it", Edit::replace(span, odd.to_string()))
            } else {
                Fix::safe_edit("use a plain space", Edit::replace(span, " "))
            };
            out.push(Diagnostic::new(&META, span, message).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Language};

    fn fix_in(text: &str, language: Language) -> String {
        crate::rules::testing::linter(&super::META, language)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    fn fix(text: &str) -> String {
        fix_in(text, Language::Is(crate::Lang::English))
    }

    #[test]
    fn replaces_a_no_break_space_between_words() {
        assert_eq!(fix("mobile\u{a0}data"), "mobile data");
    }

    #[test]
    fn replaces_a_no_break_space_after_a_contraction_or_an_english_article() {
        assert_eq!(
            fix("It's\u{a0}been a\u{a0}year; he didn’t\u{a0}know."),
            "It's been a year; he didn’t know."
        );
        // Too short to tell its language: English's `of` ties nothing.
        assert_eq!(fix_in("Out of\u{a0}stock.", Language::Auto), "Out of stock.");
    }

    #[test]
    fn keeps_a_no_break_space_after_a_short_word_outside_english() {
        for (text, lang) in [
            (
                "Bydlí v\u{a0}Praze a\u{a0}v Brně, kde je to i\u{a0}dnes.",
                crate::Lang::Czech,
            ),
            (
                "Ky vypučelo na tomto i na\u{a0}onom světě a\u{a0}přineslo ovoce do\u{a0}konce.",
                crate::Lang::Czech,
            ),
            (
                "Mieszka w\u{a0}Warszawie i\u{a0}w Krakowie, a\u{a0}nie tutaj.",
                crate::Lang::Polish,
            ),
            ("Kirjain Ä\u{a0}on suomen aakkosissa.", crate::Lang::Finnish),
        ] {
            assert_eq!(fix_in(text, Language::Is(lang)), text);
            assert_eq!(fix_in(text, Language::Auto), text);
        }
    }

    #[test]
    fn keeps_a_no_break_space_between_a_number_and_its_unit() {
        let text = "a 10\u{a0}km run and 3.5\u{a0}mg and 20\u{a0}million";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_french_spacing() {
        let text = "«\u{a0}Bonjour\u{a0}» ; oui\u{202f}! 60\u{a0}% ; \"\u{a0}diviser la commande\u{a0}\" pour";
        assert_eq!(fix_in(text, Language::Is(crate::Lang::French)), text);
        // A footnote's call stays with its word; a bracket of words does not.
        let calls = "mieux repérer les revues\u{a0}[2]. Elle a\u{a0}[ri].";
        assert_eq!(fix(calls), "mieux repérer les revues\u{a0}[2]. Elle a [ri].");
    }

    #[test]
    fn keeps_ideographic_spaces_in_cjk_text() {
        let text = "中文\u{3000}中文";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn collapses_a_mixed_run_to_one_space() {
        assert_eq!(fix("big \u{a0} words"), "big words");
    }

    #[test]
    fn keeps_the_no_break_space_of_a_mixed_run_where_typography_asks_for_one() {
        assert_eq!(
            fix_in(
                "le « comité de suivi \u{a0}» des réformes",
                Language::Is(crate::Lang::French)
            ),
            "le « comité de suivi\u{a0}» des réformes"
        );
        assert_eq!(fix("in 5 \u{a0}km and 10\u{a0} kg"), "in 5\u{a0}km and 10\u{a0}kg");
    }

    #[test]
    fn keeps_thin_spaces_around_a_slash_but_not_no_break_ones() {
        let text = "Спиране\u{2009}/\u{2009}Пускане и (true\u{200a}/\u{200a}false)";
        assert_eq!(fix_in(text, Language::Auto), text);
        assert_eq!(fix("yes\u{a0}/\u{a0}no"), "yes / no");
    }

    #[test]
    fn keeps_the_no_break_space_after_a_number_written_out_in_other_languages() {
        for (text, lang) in [
            ("Il est parti il y a une\u{a0}seconde.", crate::Lang::French),
            ("Vänta ett\u{a0}ögonblick, eller två\u{a0}timmar.", crate::Lang::Swedish),
        ] {
            assert_eq!(fix_in(text, Language::Is(lang)), text);
        }
        assert_eq!(fix("Wait for une\u{a0}minute here."), "Wait for une minute here.");
    }

    #[test]
    fn leaves_zero_width_spaces_alone() {
        let text = "Shen\u{200b}zhen";
        assert_eq!(fix(text), text);
    }
}
