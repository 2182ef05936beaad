use crate::lexicon::{
    ARTICLES, COORDINATORS, DOUBLING_WORDS, FINITE_VERBS, FRENCH_DOUBLING_WORDS, INFINITIVE_TAKERS, PARTICLES,
    PHRASAL_VERBS, POSSESSIVE_DETERMINERS, PREPOSITIONS, REDUPLICATED_NAMES, SUBJECT_PRONOUNS,
};
use crate::prelude::*;
use crate::segment::after_blank_line;

pub struct DoubledWord;

static META: RuleMeta = RuleMeta {
    code: "D001",
    name: "doubled-word",
    family: Family::Duplication,
    summary: "The same word twice in a row",
    docs: "\
Flags a word repeated right after itself with only spaces between:
`the the model`, `said said`.

Machine translation and text joined from overlapping chunks repeat a word
at the seam.

Left alone: a word said three times or more (`Ork ork ork ork`, `ha ha
ha`), which is meant, unless it is a function word (`the the the`: a slip
on a text that had it twice); doublings that are grammatical or idiomatic (`had had`, `that
that`, `what it is is`, `very very`, `bye bye`, `great great`, `the first
first lady`), a copy glued to a path or a key (`network-console/password
password`, `tasksel tasksel/first`: a configuration line's fields), a cry opening its sentence (`Yay yay!`, `Wow wow!`), laughter closing its clause (`… he he)`), a second copy that is capitalised (names such as `Walla
Walla`, `Bora Bora`, `Duran Duran`, `Sirhan Sirhan`) unless it is a
function word opening a sentence (`The The company`) or a word doubled
inside a longer name: six letters or more next to a capitalised word
(`President President Trump`, `United States States`), four or five
letters before a capitalised word (or `of` and one) and after any word
(`the White White House`, `the State State of Georgia`, `St Albans Crown Crown Court`, `and Gary Gary
Peters`, `actor Mike Mike Rowe`), and never a known reduplicated name (`Lang Lang`, `Wagga Wagga`, `mahi mahi`)
or a title glued to a sentence that opens with its last word (`You Can't
Sell Feminism Feminism is…`); a binomial name (`Cricetus cricetus`),
numbers (`10 10`), single letters other than `a`, repeats across a line
break (list items), a particle doubled after a verb that ends a phrasal
verb with it (`he goes to to stay`, `took in in taxes`, `getting by by
working`, `looked for for hours`; after other verbs it is a slip: `wounded
in in the blast`, `declined to to comment`) and a pronoun that is an
object then a subject (`for it it will be`), and a word after an option
in a usage line (`-w file file exists`: the option's argument, then the
description). English and French text are
checked (French reflexives such as `nous nous` and `vous vous`, and the
gerund's `en en tronquant`, are grammatical, spoken emphasis doubles
adverbs and adjectives as English does `very very` (`très très long`,
`vite vite`, `le petit petit chat`); a pair quoted alone is the words
shown (`fix the \"the the\" typos`, a codename `\"pow pow\"`); and so is a participle after the noun it also is: `les
invités invités à la fête`); other languages double words grammatically
(German `die die`). A capitalised word then the same word in lowercase
inside a sentence is a name and a word (`l'utilisateur A a ouvert`, `plan
A a lot`, a field's name: `Click To to choose`); opening one, `A a` is a
slip. A verb after `whatever`, `whoever` or `whichever` ends the clause
that is the subject, and the sentence's verb may repeat it (`whatever
happens happens`).

Fix (unsafe): delete the second copy and the space before it; deleting a
word is never safe.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English, Lang::French]).note("repeating a word is grammar in many languages (Swahili `pole pole`, Malay plurals); only languages where it is a slip are read"),
    flags: &[
        Fixture {
            input: "The the company said its model was the first of of its kind.",
            output: "The company said its model was the first of its kind.",
        },
        Fixture {
            input: "Ten people were wounded in in the blast, and officials declined to to comment.",
            output: "Ten people were wounded in the blast, and officials declined to comment.",
        },
        Fixture {
            input: "It was a a small step, and he he said so. Whatever the the nation does, it acts.",
            output: "It was a small step, and he said so. Whatever the nation does, it acts.",
        },
        Fixture {
            input: "I told you you you had it. Then the the board met, and it asked you you to stay.",
            output: "I told you you had it. Then the board met, and it asked you you to stay.",
        },
        Fixture {
            input: "The rest was returned to to the Treasury, and I understand that that there is a plan.",
            output: "The rest was returned to the Treasury, and I understand that there is a plan.",
        },
        Fixture {
            input: "He met President President Trump and the United States States delegation.",
            output: "He met President Trump and the United States delegation.",
        },
        Fixture {
            input: "He lives near the White White House, and the St Albans Crown Crown Court heard it.",
            output: "He lives near the White House, and the St Albans Crown Court heard it.",
        },
        Fixture {
            input: "The actor Mike Mike Rowe left South South Africa in 2012.",
            output: "The actor Mike Rowe left South Africa in 2012.",
        },
        Fixture {
            input: "Officials of the State State of Georgia agreed.",
            output: "Officials of the State of Georgia agreed.",
        },
        Fixture {
            input: "The plan is said to to date from 1990, and he was shaking with with cold.",
            output: "The plan is said to date from 1990, and he was shaking with cold.",
        },
        Fixture {
            input: "I have nothing to to do with it. It signals that that we are ready, and that that no one left.",
            output: "I have nothing to do with it. It signals that we are ready, and that no one left.",
        },
        Fixture {
            input: "Sherrod Brown and Gary Gary Peters spoke from the Silk Silk Road fair.",
            output: "Sherrod Brown and Gary Peters spoke from the Silk Road fair.",
        },
        Fixture {
            input: "It rained. The The company said it would close.",
            output: "It rained. The company said it would close.",
        },
        Fixture {
            input: "The city plans to to host a fair. This This is a first, and it is expected to to draw crowds.",
            output: "The city plans to host a fair. This is a first, and it is expected to draw crowds.",
        },
    ],
    keeps: &[
        "       -o, --options options\n           Use the specified mount options.\n\n           mount -o bind,ro toto toto\n",
        "If I told you you had a beautiful body, would you hold it against me? Poor poor pitiful me. My my, hey hey.",
        "# Use these settings if you wish to make use of the network console\n# for a remote installation over SSH.\n#d-i network-console/password password r00tme\n#d-i tasksel tasksel/first multiselect standard\n",
        "He said it was fine. Yay yay! The coach said: Wow wow! Then, meep meep, off he went. Woot woot!",
        "They watched it twice (as if they knew who Scar was … he he). It was funny, ha ha.",
        "Click To to choose a contact, if whatever happens happens after we return.",
        "Sex differences in in vivo binding, and in in vitro tests, of the mitogen-activated protein kinase kinase.",
        "Hear hear, said the back benches; aye aye, sir, and bang bang, yadda yadda.",
        "Cela comprend des des\u{2010}\ncriptions, and the the-\nater was full.",
        "They flew to Bora Bora of legend and to Walla Walla of course.",
        "-w file file exists and is writable; --output file file to write to",
        "ISIS is being taken on on the battlefield, and prices came in in the spring.",
        "He had had enough, and he said that that was final.",
        "What it is is a mess. It was very very late. Bye bye.",
        "The penguin said: Ork ork ork ork, and the crowd laughed ha ha ha at the show.",
        "She is not the first first lady to be born abroad.",
        "They flew to Walla Walla and Bora Bora to see Duran Duran.",
        "She toured the Walla Walla Valley, heard Lang Lang Plays Bach, and met Sirhan Sirhan Jr.",
        "A Tweet Tweet bird sang, and the Bulla Bulla players came.",
        "The writer Fang Fang in Wuhan, the Sing Sing Prison and Lang Lang Plays Bach.",
        "He joined the firm Talk Talk Group, sailed to Pago Pago Harbor and ate mahi mahi with cous cous.",
        "The cook said he could not blame dat dat woraciousness of the sharks.",
        "You Can't Sell Feminism Feminism is worth nothing as a pose. See More About Infortrend Infortrend (TWSE: 2495) makes storage.",
        "Scores were 10 10 and 3.5 3.5 at 10:30.",
        "Steps:\nthe\nthe end",
        "Wild hamsters (Cricetus cricetus) and a great great aunt.",
        "He goes to to stay fit; the caps came in in 2013; in providing for it it will help.",
        "That that is so surprised no one, and the gym he went to to train is shut.",
        "He said that that time was over, in that that method fails; the flat was brought in in 2013.",
        "Things like that that surprised me were resorted to to avert a crisis.",
        "The office she walked to to vote is shut, and what he was looking for for years is gone.",
        "01.AI released Yi-34B; GPT-4 Turbo (LLMs) beat Li Kai-fu’s model in the U.S. e.g. here.",
    ],
};

/// True when `word` opens a noun phrase: an article, a possessive or
/// demonstrative determiner, `there`, or an object pronoun.
fn opens_noun_phrase(word: &str) -> bool {
    ARTICLES.contains(word)
        || POSSESSIVE_DETERMINERS.contains(word)
        || [
            "his", "her", "him", "them", "me", "us", "these", "those", "this", "there",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// True when what comes before a word ends a sentence, or nothing does.
fn opens_sentence(before: &str) -> bool {
    let b = before.trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(']);
    b.is_empty() || b.ends_with(['.', '!', '?', '\n', '”', '"'])
}

/// Whether `rest` opens with a hyphen that ends its line: the word before
/// it goes on on the next line.
fn breaks_at_line_end(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(['-', '\u{2010}', '\u{AD}']) else {
        return false;
    };
    after.trim_start_matches([' ', '\t']).starts_with(['\n', '\r'])
}

impl Rule for DoubledWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(b' ') {
            return;
        }
        let text = doc.text();
        let words = doc.words();
        for (i, pair) in words.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            // Cheap rejects first: equal length, only spaces between.
            if a.len() != b.len() || !text[a.end..b.start].bytes().all(|c| c == b' ') {
                continue;
            }
            let (first, second) = (doc.slice(a), doc.slice(b));
            if !same_word(first, second) {
                continue;
            }
            // `Chiar\u{FFFD}in in`: the first copy is the tail of a broken word;
            // `des des‐⏎criptions`: the second is the head of one.
            if text[..a.start].ends_with('\u{FFFD}') || breaks_at_line_end(&text[b.end..]) {
                continue;
            }
            // `network-console/password password`, `tasksel tasksel/first`,
            // `/usr/sbin/bootpd  bootpd`: a copy glued to a path or a key is
            // part of it, a configuration line's field.
            let glued = |c: Option<char>| c.is_some_and(|c| matches!(c, '/' | '\\' | '_' | '=' | '.' | ':' | '@'));
            if glued(text[..a.start].chars().next_back())
                || (glued(text[b.end..].chars().next()) && text[b.end + 1..].starts_with(|c: char| c.is_alphanumeric()))
            {
                continue;
            }
            // `Fix duplicate "the the" typos`, codename `"pow pow"`: the pair
            // quoted alone is the words shown, not a slip.
            if crate::text::between_quotes(text, Span::new(a.start, b.end)) {
                continue;
            }
            // `-w file file exists`: after an option, the first is its
            // argument's name in a usage line, the second the description's.
            let head = text[..a.start].trim_end_matches(' ');
            let token = &head[head.rfind([' ', '\t', '\n']).map_or(0, |i| i + 1)..];
            let option = token.starts_with('-')
                && token
                    .trim_start_matches('-')
                    .starts_with(|c: char| c.is_ascii_alphabetic());
            if head.len() < a.start && option {
                continue;
            }
            // `--options options`: an option, then the name of its
            // argument; `mount -o bind toto toto`: a command's arguments.
            let dashes = text[..a.start].len() - text[..a.start].trim_end_matches('-').len();
            if (dashes > 0 && text[..a.start - dashes].ends_with(char::is_whitespace)) || doc.in_code_line(a.start) {
                continue;
            }
            let lead = second.chars().next().unwrap_or(' ');
            // `The The company` opening a sentence: a capitalised function
            // word doubled is no name.
            let opening_double = first == second
                && lead.is_uppercase()
                && (ARTICLES.contains(second)
                    || PREPOSITIONS.contains(second)
                    || SUBJECT_PRONOUNS.contains(second)
                    || matches!(second, "This" | "These" | "Those"))
                && opens_sentence(&text[..a.start]);
            // What follows the pair: a doubled word before an article or a
            // determiner is no grammar (`returned to to the Treasury`,
            // `that that the rollback`), whatever comes before it.
            let next = words
                .get(i + 2)
                .filter(|w| text[b.end..w.start].bytes().all(|c| c == b' '));
            let before_noun_phrase = next.is_some_and(|&w| opens_noun_phrase(doc.slice(w)));
            // `President President Trump`, `United States States`: a long
            // capitalised word doubled inside a longer name. Names that are a
            // word said twice are short and stand alone (`Walla Walla`).
            let capital_word = |w: Option<&Span>| w.is_some_and(|&w| doc.slice(w).starts_with(char::is_uppercase));
            let prev_word = i
                .checked_sub(1)
                .map(|j| &words[j])
                .filter(|w| text[w.end..a.start].bytes().all(|c| c == b' '));
            // `Ork ork ork ork`, `ha ha ha`: a word said three times or more
            // is meant (a sound, a chant, emphasis); a slip doubles once.
            // Not so a function word, which a slip doubles where the text
            // already had it twice (`that that that`, `and and and`).
            let function_word = [&ARTICLES, &COORDINATORS, &PREPOSITIONS, &SUBJECT_PRONOUNS]
                .iter()
                .any(|list| list.contains(second))
                || second.eq_ignore_ascii_case("that");
            if !function_word
                && (prev_word.is_some_and(|&w| same_word(doc.slice(w), first))
                    || next.is_some_and(|&w| same_word(doc.slice(w), second)))
            {
                continue;
            }
            // Four and five letters is where names that are a word said twice
            // live (`Wagga Wagga`), so there the pair needs a name after it and
            // a word before it: a name's first word stands apart (`the White
            // White House`, `actor Mike Mike Rowe`, `and Gary Gary Peters`);
            // one opening the sentence may be a name said twice.
            let word_before = prev_word.is_some_and(|&w| doc.slice(w).starts_with(char::is_alphabetic));
            // `the State State of Georgia`: the name goes on past `of`.
            let name_goes_on_with_of = next.is_some_and(|&of| {
                doc.slice(of) == "of"
                    && capital_word(
                        words
                            .get(i + 3)
                            .filter(|w| text[of.end..w.start].bytes().all(|c| c == b' ')),
                    )
            });
            let inside_name = first == second
                && lead.is_uppercase()
                && !REDUPLICATED_NAMES.contains(second)
                && match second.chars().count() {
                    0..=3 => false,
                    4 | 5 => (capital_word(next) || name_goes_on_with_of) && word_before,
                    _ => capital_word(prev_word) || capital_word(next),
                }
                && (capital_word(next) || !headline_before(doc, words, i));
            // `Cricetus cricetus`: a binomial name repeats genus and species.
            let binomial = first.starts_with(char::is_uppercase) && lead.is_lowercase() && second.chars().count() >= 5;
            if !(lead.is_lowercase() || opening_double || inside_name)
                || binomial
                || second.chars().any(|c| c.is_ascii_digit())
                || (second.chars().count() == 1 && second != "a")
                || (DOUBLING_WORDS.contains(second) && !(second.eq_ignore_ascii_case("that") && that_slip(doc, next)))
                || (lead.is_lowercase() && REDUPLICATED_NAMES.contains(second))
                || ((FRENCH_DOUBLING_WORDS.contains(second) || french_participle(second))
                    && doc.language_at(a.start) == Some(Lang::French))
                || (first.len() == 1 && first != second && !opens_sentence(&text[..a.start]))
                // `differences in in vitro binding`: a preposition, then a
                // Latin locution that opens with it.
                || (second.eq_ignore_ascii_case("in")
                    && next.is_some_and(|&w| LATIN_AFTER_IN.contains(&doc.slice(w))))
                // `Yay yay!`, `Wow wow!`: a cry opening its sentence.
                || (text[b.end..].starts_with('!')
                    && (opens_sentence(&text[..a.start]) || text[..a.start].trim_end().ends_with(':')))
                // `Click To to choose`: a capitalised name inside a sentence,
                // then the word (`plan A a lot` for longer words).
                || (first != second
                    && first.starts_with(char::is_uppercase)
                    && lead.is_lowercase()
                    && !opens_sentence(&text[..a.start]))
                // `Poor poor pitiful me`, `My my, hey hey`: a word said twice
                // for emphasis opens the sentence, or a cry before a comma;
                // a slip there doubles a function word (`The the`, `Le le`).
                || (first != second
                    && first.starts_with(char::is_uppercase)
                    && opens_sentence(&text[..a.start])
                    && ((!function_word && !crate::lang::is_function_word(second))
                        || text[b.end..].starts_with([',', '!'])))
                // `If I told you you had`: the one told, then the clause's
                // subject.
                || (second.eq_ignore_ascii_case("you")
                    && prev_word.is_some_and(|&w| TELLING_VERBS.iter().any(|v| v.eq_ignore_ascii_case(doc.slice(w)))))
                // `whatever happens happens`: the verb of a clause that is
                // the subject, then the sentence's own.
                || (!function_word
                    && prev_word.is_some_and(|&w| {
                        ["whatever", "whoever", "whichever"]
                            .iter()
                            .any(|r| r.eq_ignore_ascii_case(doc.slice(w)))
                    }))
                // `… he he).`, `ha ha.`, `hey hey.`: laughter or a cry
                // closing its clause; a pronoun doubled by a slip has its
                // verb after it (`he he said`).
                || (matches!(
                    second,
                    "ha" | "he" | "hi" | "ho" | "hah" | "heh" | "hih" | "hoh" | "hey" | "oh" | "ah" | "bye" | "yeah" | "no" | "yes"
                )
                    && text[b.end..]
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, ')' | ']' | '.' | '!' | '?' | ',' | ';' | '…' | '\n')))
            {
                continue;
            }
            let before = i
                .checked_sub(1)
                .filter(|&j| after_blank_line(&text[words[j].end..a.start]).len() == a.start - words[j].end)
                .map(|j| doc.slice(words[j]));
            // A phrasal verb's particle may meet its own preposition (`taken on
            // on the battlefield`, `came in in the spring`); `to`, `for` and
            // `with` before a noun phrase do not (`returned to to the Treasury`).
            let phrasal = !matches!(second.to_ascii_lowercase().as_str(), "to" | "for" | "with");
            if (phrasal || !before_noun_phrase) && grammatical_after(before, second) {
                continue;
            }
            let removal = Span::new(a.end, b.end);
            out.push(
                Diagnostic::new(&META, Span::new(a.start, b.end), format!("`{second}` twice"))
                    .with_fix(Fix::unsafe_edit("remove the repeated word", Edit::delete(removal))),
            );
        }
    }
}

/// Latin locutions opening with `in` that English writes as its own
/// (`in vitro`, `in situ`), so a preposition may stand before them.
const LATIN_AFTER_IN: &[&str] = &[
    "absentia", "camera", "extenso", "extremis", "loco", "memoriam", "ovo", "planta", "silico", "situ", "toto",
    "utero", "vacuo", "vitro", "vivo",
];

/// Verbs whose object may be followed by a clause of its own: `told you
/// you had`, `promised you you would`.
const TELLING_VERBS: &[&str] = &[
    "tell",
    "tells",
    "told",
    "telling",
    "ask",
    "asked",
    "asks",
    "show",
    "showed",
    "shown",
    "remind",
    "reminded",
    "warn",
    "warned",
    "promise",
    "promised",
    "assure",
    "assured",
    "bet",
    "convince",
    "convinced",
    "teach",
    "taught",
    "guarantee",
    "guaranteed",
    "inform",
    "informed",
];

/// A French past participle (`invités`, `blessée`): the noun it also is
/// may take it as an adjective, `les invités invités à la fête`.
fn french_participle(word: &str) -> bool {
    ["é", "és", "ée", "ées"].iter().any(|e| word.ends_with(e))
}

/// True when `that that` is a slip rather than a conjunction then a
/// demonstrative (`said that that was final`) or a demonstrative then a
/// relative (`things like that that surprised me`): before a noun phrase's
/// opener (`that that the rollback`, `that that no evidence`, `that that all
/// peoples`) or a subject pronoun (`signals that that we`, `that that it was`).
fn that_slip(doc: &Document, next: Option<&Span>) -> bool {
    next.is_some_and(|&w| {
        let w = doc.slice(w);
        opens_noun_phrase(w)
            || [
                "he", "she", "we", "they", "I", "it", "no", "all", "any", "another", "each", "every", "most", "some",
            ]
            .contains(&w)
    })
}

/// True when every word from the sentence's start to word `i` is capitalised
/// and there are two or more: a title glued to a sentence that opens with its
/// last word (`You Can't Sell Feminism Feminism is worth…`), where deleting
/// the copy deletes the title's last word.
fn headline_before(doc: &Document, words: &[Span], i: usize) -> bool {
    let text = doc.text();
    let mut j = i;
    loop {
        if !doc.slice(words[j]).starts_with(char::is_uppercase) {
            return false;
        }
        if opens_sentence(&text[..words[j].start]) {
            return j < i;
        }
        match j.checked_sub(1) {
            Some(k) if text[words[k].end..words[j].start].bytes().all(|c| c == b' ') => j = k,
            _ => return false,
        }
    }
}

/// True when the word before the pair makes the doubling grammatical: a
/// particle ending a phrasal verb (`he goes to to stay`, `took in in
/// taxes`, `getting by by working`) or a pronoun that is first an object
/// and then a subject (`for it it will be`, `before you you will see`).
/// `with` is not stranded before another `with` (`shaking with with cold`),
/// and `nothing` is no verb.
fn grammatical_after(before: Option<&str>, word: &str) -> bool {
    let Some(before) = before else {
        return false;
    };
    let lower = before.to_ascii_lowercase();
    if (word == "to" && INFINITIVE_TAKERS.contains(&lower)) || word == "with" {
        return false;
    }
    let verb_like = FINITE_VERBS.contains(&lower)
        || (lower.len() > 3
            && ["ed", "en", "ing"].iter().any(|s| lower.ends_with(s))
            && !lower.ends_with("thing")
            && !matches!(lower.as_str(), "morning" | "evening"));
    (PARTICLES.contains(word) && verb_like && PHRASAL_VERBS.contains(&lower))
        || (matches!(word, "it" | "you") && PREPOSITIONS.contains(&lower))
}

fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use crate::Language;

    fn check(text: &str, language: Language) -> usize {
        crate::rules::testing::linter(&super::META, language).check(text).len()
    }

    #[test]
    fn flags_accented_words() {
        assert_eq!(check("The café café was shut.", Language::Is(crate::Lang::English)), 1);
    }

    #[test]
    fn flags_a_double_after_a_dash_that_is_no_option() {
        let en = Language::Is(crate::Lang::English);
        assert_eq!(check("But when -- and and how will it end?", en), 1);
        assert_eq!(check("-w file file exists and is writable", en), 0);
    }

    #[test]
    fn flags_a_doubled_particle_after_a_noun() {
        assert_eq!(
            check(
                "It was a print by by a Saudi artist.",
                Language::Is(crate::Lang::English)
            ),
            1
        );
        assert_eq!(
            check("They are due to to begin.", Language::Is(crate::Lang::English)),
            1
        );
    }

    #[test]
    fn keeps_words_split_by_punctuation() {
        assert_eq!(
            check(
                "It was over, over and over. Over. Over.",
                Language::Is(crate::Lang::English)
            ),
            0
        );
    }

    #[test]
    fn keeps_a_french_participle_after_its_noun_and_a_letter_name_before_a_word() {
        let french = Language::Is(crate::Lang::French);
        assert_eq!(
            check("Les informations sur les invités invités à la fête de Joe.", french),
            0
        );
        assert_eq!(
            check(
                "Le document a été modifié depuis que l'utilisateur A a ouvert le document.",
                french
            ),
            0
        );
        assert_eq!(
            check("Les élus élus de la ville.", Language::Is(crate::Lang::English)),
            1
        );
        let english = Language::Is(crate::Lang::English);
        assert_eq!(check("We kept plan A a little longer.", english), 0);
        assert_eq!(check("He left. A a new study found it.", english), 1);
    }

    #[test]
    fn keeps_a_repeat_across_a_line_break() {
        assert_eq!(check("one\none", Language::Is(crate::Lang::English)), 0);
    }

    #[test]
    fn keeps_french_reflexives_and_flags_french_doubles() {
        assert_eq!(
            check(
                "Nous nous sommes vus, vous vous en souvenez, en en tronquant les extensions.",
                Language::Is(crate::Lang::French)
            ),
            0
        );
        assert_eq!(
            check(
                "Fix the duplicate \"the the\" typos in the release codenamed \"pow pow\".",
                Language::Is(crate::Lang::English)
            ),
            0
        );
        assert_eq!(
            check(
                "Un film très très long, et le petit petit chat rentre vite vite.",
                Language::Is(crate::Lang::French)
            ),
            0
        );
        assert_eq!(
            check("Dans les les Monts du Lyonnais.", Language::Is(crate::Lang::French)),
            1
        );
    }

    #[test]
    fn stays_quiet_for_other_languages() {
        assert_eq!(check("Sie sagt, dass die die Regeln kennt.", Language::Other), 0);
    }

    #[test]
    fn leaves_setswana_concords_that_a_french_reading_would_double() {
        assert_eq!(
            check("Kahoo ha le sa le makgoba, le se le le bana ba Modimo.", Language::Auto),
            0
        );
        assert_eq!(check("Le le chat est là, et il dort.", Language::Auto), 1);
    }
}
