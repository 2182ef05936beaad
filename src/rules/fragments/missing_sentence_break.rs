use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{
    ARTICLES, CLAUSE_OPENERS, CLAUSE_SUBORDINATORS, COMPLEMENT_VERBS, COORDINATORS, FINITE_VERBS,
    POSSESSIVE_DETERMINERS, PREPOSITIONS, PRE_VERB_ADVERBS, REPORTING_WORDS, SUBJECT_PRONOUNS, TITLES, WH_WORDS,
    WORK_NOUNS,
};
use crate::prelude::*;
use crate::segment::after_blank_line;
use crate::text::{is_capitalised, is_lowercase_word, is_past_form, trailing_letters};

pub struct MissingSentenceBreak;

static META: RuleMeta = RuleMeta {
    code: "F005",
    name: "missing-sentence-break",
    family: Family::Fragments,
    summary: "A new clause starts mid-sentence with no punctuation before it",
    docs: "\
Flags a capitalised pronoun or clause opener (`This`, `It`, `They`, `We`,
`He`, `She`, `There`, `These`, `Those`, `However,`) that starts a new clause
right after a capitalised word with no punctuation between:
`…on Meta Platform’s Llama Architecture This comes after being accused…`

Scrapers join a heading, a caption or a link label to the next sentence and
drop the period between them.

The opener must follow a word directly (one space, no punctuation) that is
not the first word of its sentence, and be followed by a lowercase finite
verb (`This comes`, `It was`, `They said`, optionally after an adverb:
`It also said`), or, for `However`, by a comma. `The`, `These` and `Those`
count when a lowercase noun phrase and a verb follow (`Phase Three Trials
The company said`, `monthly sales The firm is working`, `results The
initiative’s organizers developed`). Verbs are finite forms from a list,
or after a lowercase word also regular past forms (`mark He passed`).

After a lowercase word that can end a sentence (not `of The`, `and The`,
`think The`, `please follow Their`), a capitalised function word can only
open one, so the evidence asked for is lighter: `He`, `She`, `We`, `They`
or `You` before any lowercase word (`students He speaks`; after a
capitalised word `You` is read only there, since it ends many a title), `It` before a form in
-s, `This`, `That`, `These`, `Those` or `There` before a verb, and `The`, `These` or `Those`
before three lowercase words (`tournament The project, if approved`); not
after a word that takes a clause or a noun (`I think It`, `in which It`,
`the It girl`) nor a capitalised `He` or `You` for God (`My Lord, for
the favor You bestowed`). `The` before a name is a
title or an apposition (`the newspaper The Argus said`).

A capitalised preposition, question word, subordinator (`If`, `While`,
`Despite`, `Since`, `As`), sentence adverb (`Meanwhile,`, `Indeed`, `Earlier`,
`Today`; a comma may follow), `Only`, `Even`, `Now`, conjunction (`But`, `And`,
`So`, `Yet`) or determiner (`Many`, `Most`, `One`, `Our`, `Its`…) with
lowercase words after it opens a sentence after a lowercase word that can
end one (`credibility In a recent filing`, `for good Many are orphans`),
but not after a verb (`said In a word`) or a kind of work (`the novel To
the Lighthouse`), nor when a capitalised word follows within three words
(a title: `the album In the Court of the Crimson King`). After a
capitalised word (a heading or a name) only a preposition, subordinator,
conjunction or possessive does (`FOREIGN AFFAIRS For us peace reigns`, `the
United Nations As a result, talks`, `City Hall Her attorney said`): a name
may end on `Only`, `Now` or another determiner (`Members Only jackets`),
and a command's name on a particle (`As`, `In`, `On`, `Through`) that `to`
follows (`click Zoom In to enlarge`) or, after an article or a
possessive, a bare noun (`the Save As dialog`, `its Binge On program`),
and nothing opens a sentence before a link (`The Google Doctor Is In http://…`).
Number words count as determiners (`jails Fifty of them were freed`). A
title is told by its next word that a title capitalises (`In the Court`);
a lowercase one first means a sentence, whatever name follows (`In every
Nation prices rose`).

A subject followed by a finite verb opens a sentence even after a verb or a
base-form cue (`the program needs It is`, `we should interact There is`),
except after a reporting verb (`said He would`). `His` is never
read as an opener: capitalised, it is most often a pronoun for God.

Titles and names continue in Title Case (`This Is Us`, `The Verge`, `In The
Heights`, `at The Hague`) and are left alone, as are `I` and `A` (`I think`,
`Plan A`), openers after punctuation (`Mr. This`, `note: This`),
openers after a possessive (`King’s It was`, a title), and `You`, `Your`,
`We`, `Us` and `Our` where the text capitalises them mid-sentence three
times or more (a licence's defined terms: `any rights You have`).

Fix (unsafe): insert `. ` between the two clauses; it decides where a
sentence ends.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English]),
    flags: &[
        Fixture {
            input: "The paper ran on Google’s Gemini Pro Update It was released in May.",
            output: "The paper ran on Google’s Gemini Pro Update. It was released in May.",
        },
        Fixture {
            input: "Sales rose across Asia Pacific However, margins fell.",
            output: "Sales rose across Asia Pacific. However, margins fell.",
        },
        Fixture {
            input: "The firm said its Phase Three Trials The company will report in June.",
            output: "The firm said its Phase Three Trials. The company will report in June.",
        },
        Fixture {
            input: "It made $1 million in monthly sales The firm is working on a sequel.",
            output: "It made $1 million in monthly sales. The firm is working on a sequel.",
        },
        Fixture {
            input: "They will challenge his credibility In a recent filing, prosecutors disagreed.",
            output: "They will challenge his credibility. In a recent filing, prosecutors disagreed.",
        },
        Fixture {
            input: "Few leave for good Many are orphans who have lost their homes But help is coming.",
            output: "Few leave for good. Many are orphans who have lost their homes. But help is coming.",
        },
        Fixture {
            input: "Growers agreed to make their crop bat friendly As the owner of a farm, she was glad.",
            output: "Growers agreed to make their crop bat friendly. As the owner of a farm, she was glad.",
        },
        Fixture {
            input: "He asked for help in a video before the vote You should also talk to your parents.",
            output: "He asked for help in a video before the vote. You should also talk to your parents.",
        },
        Fixture {
            input: "Ferrari led at the 30 km mark He passed two rivals.",
            output: "Ferrari led at the 30 km mark. He passed two rivals.",
        },
        Fixture {
            input: "Key Takeaways They also said the deal was off.",
            output: "Key Takeaways. They also said the deal was off.",
        },
        Fixture {
            input: "Many students join the seminar He speaks at universities and shares videos.",
            output: "Many students join the seminar. He speaks at universities and shares videos.",
        },
        Fixture {
            input: "The wall will replace fences put up for the tournament The project, if approved, costs more.",
            output: "The wall will replace fences put up for the tournament. The project, if approved, costs more.",
        },
        Fixture {
            input: "Routes also require people to buy tickets That depends on demand.",
            output: "Routes also require people to buy tickets. That depends on demand.",
        },
        Fixture {
            input: "Prices rose in every region These figures are preliminary.",
            output: "Prices rose in every region. These figures are preliminary.",
        },
        Fixture {
            input: "Exports fell sharply in the first quarter Despite the slump, hiring rose.",
            output: "Exports fell sharply in the first quarter. Despite the slump, hiring rose.",
        },
        Fixture {
            input: "Exports slowed in the spring Nonetheless, hiring rose. TRADE POLICY Without new markets we stall.",
            output: "Exports slowed in the spring. Nonetheless, hiring rose. TRADE POLICY. Without new markets we stall.",
        },
        Fixture {
            input: "Nurses join the strike over unpaid bonuses Meanwhile, clinics are closing.",
            output: "Nurses join the strike over unpaid bonuses. Meanwhile, clinics are closing.",
        },
        Fixture {
            input: "All signs point to Washington betting on the Kurds In recent days, the US flew in arms.",
            output: "All signs point to Washington betting on the Kurds. In recent days, the US flew in arms.",
        },
        Fixture {
            input: "The vote was put off at the United Nations As a result, talks resumed.",
            output: "The vote was put off at the United Nations. As a result, talks resumed.",
        },
        Fixture {
            input: "FOREIGN AFFAIRS For us peace reigns everywhere.",
            output: "FOREIGN AFFAIRS. For us peace reigns everywhere.",
        },
        Fixture {
            input: "Grants for the arts. THE HUMANITIES In recently reauthorizing the fund, we acted.",
            output: "Grants for the arts. THE HUMANITIES. In recently reauthorizing the fund, we acted.",
        },
        Fixture {
            input: "Each side has its own approach to the fields in which we should interact There is common ground.",
            output: "Each side has its own approach to the fields in which we should interact. There is common ground.",
        },
        Fixture {
            input: "Change is the order of the day In every Nation prices rose.",
            output: "Change is the order of the day. In every Nation prices rose.",
        },
        Fixture {
            input: "Dozens were held in jails Fifty of them were freed in the end.",
            output: "Dozens were held in jails. Fifty of them were freed in the end.",
        },
        Fixture {
            input: "The hearing was held in front of City Hall Her attorney said little.",
            output: "The hearing was held in front of City Hall. Her attorney said little.",
        },
        Fixture {
            input: "They honoured the orphans of the fallen These millions remain close to us.",
            output: "They honoured the orphans of the fallen. These millions remain close to us.",
        },
        Fixture {
            input: "Most inmates foreign nationals There are 13 private prisons.",
            output: "Most inmates foreign nationals. There are 13 private prisons.",
        },
    ],
    keeps: &[
        "HOWTO Put Porn On Your iPod\nUse ffmpegX to convert your existing video files to play on the video iPod.\n",
        "Looking up symptoms? The Google Doctor Is In http://nbcnews.to/1sBqEQa for everyone.",
        "Use the Save As dialog to save the document, then click Zoom In to enlarge it.",
        "Layer groups have a special mode: the Pass Through mode. This mode exists only for groups.",
        "He told The Verge that This Is Us was his favourite show.",
        "Her song I Will Always Love You was a hit, and he read the essay As a Man Thinketh aloud.",
        "She said The Guardian reported it, and they said The Times was late.",
        "His fantasy epic The Myth was filmed there; the newspaper The Argus said so.",
        "I think The company is wrong, and The firm said so; of The rest we know little.",
        "She read the novel To the Lighthouse, played the album In the Court of the Crimson King and said In a word no.",
        "The poem And death shall have no dominion is read often, as is the show Some Like It Hot; it was So good.",
        "She saw In The Heights at The Hague and said I think it works.",
        "The New York Times reported it. Mr. This was there.",
        "Note: This comes later. Update — It was fixed.",
        "Stephen King’s It was a hit.",
        "The Nike slogan Just Do It campaign ran for years.",
        "They said “This Is It” was the tour name.",
        "GPT 3.5 and 01.AI (LLMs) It Works Yi-34B GPT-4 Turbo.",
        "Please follow Their instructions, and you will not need Our help.",
        "They gave thanks to God and invoked His guidance, and we ask His help anew.",
        "She starred in the film We Need to Talk About Kevin and read the memoir The Year of Magical Thinking.",
        "He wrote the paper The impact of tariffs on trade, and the book An Atlas of rare maps.",
        "We watched the film Still Alice, and NBC’s Today show said Finally Home was a hit.",
        "She wore her Members Only jacket to the Stand By Me screening and the Trump In Talks With China panel.",
        "They sang Love Her Madly, read As a Man Thinketh and cheered Twenty One Pilots.",
        "“Come,” said He who made the stars, and the prophet said He is near.",
        "Please follow Their instructions, as you would follow Our guidance.",
        "For a porter upload, consult When and how to do an NMU instead, or read Before or after the freeze.",
        "If you exit a loop with Exit For, only one loop is exited; click Zoom In, then drag.",
        "T-Mobile launched its Binge On program last year and their Log On screen changed.",
    ],
};

static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = CLAUSE_OPENERS
        .words()
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    Regex::new(&format!(r" (?:{}|The|That|You)[ ,]", words.join("|"))).expect("pattern compiles")
});

/// Capitalised words that, after a lowercase word, only a sentence start
/// or a title explains: prepositions, question words, `Only` and
/// conjunctions (`credibility In a recent filing`)…
const LINKERS: &[&str] = &[
    "In",
    "On",
    "At",
    "With",
    "To",
    "For",
    "From",
    "After",
    "Before",
    "During",
    "Under",
    "Through",
    "Beyond",
    "How",
    "What",
    "Why",
    "When",
    "Where",
    "Who",
    "By",
    "If",
    "Although",
    "While",
    "Despite",
    "Since",
    "Because",
    "As",
    "Meanwhile",
    "Only",
    "Even",
    "Now",
    "But",
    "And",
    "So",
    "Yet",
    "Today",
    "Yesterday",
    "Earlier",
    "Later",
    "Instead",
    "Moreover",
    "Furthermore",
    "Nevertheless",
    "Additionally",
    "Finally",
    "Currently",
    "Recently",
    "Eventually",
    "Unfortunately",
    "Indeed",
    "Perhaps",
    "Overall",
    "Thus",
    "Therefore",
    "Hence",
    "Consequently",
    "Accordingly",
    "Similarly",
    "Likewise",
    "Nonetheless",
    "Heretofore",
    "Hitherto",
    "Ultimately",
    "Initially",
    "Previously",
    "Subsequently",
    "Unless",
    "Until",
    "Whether",
    "Though",
    "Whereas",
    "Among",
    "Amid",
    "Without",
    "Within",
    "Across",
    "Between",
    "Aside",
];

/// The linkers that are prepositions: a comma never follows one that
/// opens a sentence.
const PREPOSITION_LINKERS: &[&str] = &[
    "Across", "Amid", "Among", "At", "Between", "Beyond", "By", "During", "For", "From", "In", "On", "Through", "To",
    "Under", "With", "Within", "Without",
];

/// The linkers that open a sentence after a capitalised word too:
/// prepositions, subordinators and conjunctions, which a name or heading
/// in sentence case does not end on.
const CAPITAL_LINKERS: &[&str] = &[
    "In",
    "On",
    "At",
    "With",
    "For",
    "From",
    "After",
    "Before",
    "During",
    "Through",
    "If",
    "Although",
    "While",
    "Despite",
    "Since",
    "Because",
    "As",
    "But",
    "And",
    "Meanwhile",
    "Unless",
    "Until",
    "Whether",
    "Though",
    "Whereas",
    "Among",
    "Amid",
    "Without",
    "Within",
    "Across",
    "Between",
];

/// Particles that end a command's name in Title Case (`Save As`, `Zoom In`,
/// `Pass Through`, `Log On`).
const PARTICLES: &[&str] = &["As", "In", "On", "Through"];

/// Whether `word` opens a noun phrase: after a particle it shows a clause
/// (`the United Nations As a result, talks`).
fn opens_noun_phrase(word: &str) -> bool {
    ARTICLES.contains(word)
        || POSSESSIVE_DETERMINERS.contains(word)
        || SUBJECT_PRONOUNS.contains(word)
        || [
            "this", "that", "these", "those", "his", "her", "us", "them", "some", "many", "most", "all", "each",
            "every", "no", "any",
        ]
        .contains(&word)
}

/// True when a particle ends a name in Title Case rather than opening a
/// clause: `to` follows it (`Click Zoom In to enlarge`), or a bare lowercase
/// noun with no comma in the next few words follows a name an article or a
/// possessive introduced (`use the Save As dialog to save`, `the Pass
/// Through mode.`, `its Binge On program`).
/// A clause opens on a noun phrase (`the United Nations As a result,
/// talks`) or a phrase and its comma (`the Kurds In recent days, the US`).
fn completes_a_name(head: &str, prev: &str, opener: &str, after: &str) -> bool {
    if !PARTICLES.contains(&opener) {
        return false;
    }
    let mut words = after.trim_start_matches(' ').split(' ');
    let next = words.next().unwrap_or("");
    if next == "to" {
        return true;
    }
    let bare = next.trim_end_matches(['.', ';', ':', '!', '?']);
    // An opening phrase ends on a comma within a few words (`the Kurds In
    // recent days, the US`).
    let phrase_comma = next.ends_with(',') || words.take(3).any(|w| w.ends_with(','));
    let noun =
        !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_lowercase()) && !opens_noun_phrase(bare) && !phrase_comma;
    let before_name = head[..head.len() - prev.len()].trim_end_matches(' ');
    let article = before_name
        .rsplit(' ')
        .next()
        // In sentence case: `THE HUMANITIES In recently` is a heading.
        .filter(|w| w.len() == 1 || !w.bytes().all(|b| b.is_ascii_uppercase()))
        .is_some_and(|w| ARTICLES.contains(w) || POSSESSIVE_DETERMINERS.contains(w));
    noun && article
}

/// Possessive determiners: no name ends on one, so after a capitalised
/// word too they open a subject (`Jackson City Hall Her attorney said`).
const POSSESSIVE_OPENERS: &[&str] = &["Our", "Their", "Its", "Her", "Your", "My"];

/// …and determiners, which must open a subject (`Many are orphans`).
const DETERMINERS: &[&str] = &[
    "Many", "Most", "Some", "Both", "Several", "Few", "All", "Each", "Every", "No", "Such", "Other", "Another", "One",
    "An", "Our", "Their", "Its", "Her", "Your", "My",
];

/// Number words, which open a subject as the determiners do (`jails Fifty
/// of them were freed`).
const NUMBER_WORDS: &[&str] = &[
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Twelve",
    "Fifteen",
    "Twenty",
    "Thirty",
    "Forty",
    "Fifty",
    "Hundreds",
    "Thousands",
    "Millions",
    "Dozens",
];

static LOWERCASE_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = LINKERS.iter().chain(DETERMINERS).chain(NUMBER_WORDS).copied().collect();
    // A sentence adverb may take a comma (`Finally, the`).
    Regex::new(&format!(r" ({}),? [a-z]", words.join("|"))).expect("pattern compiles")
});

/// Words after which a verb comes in its base form (`please
/// follow`, `will need`): the word after them is a verb, which takes its
/// object next, so nothing capitalised after it starts a sentence.
const BASE_FORM_CUES: &[&str] = &[
    "please", "will", "would", "can", "could", "should", "must", "may", "might", "shall", "do", "does", "did", "not",
    "cannot", "let",
];

/// True when the word that ends `head` follows a base-form cue
/// (`please follow` + `Their instructions`).
fn after_base_form_cue(head: &str) -> bool {
    let head = head.trim_end_matches(' ');
    let before = head[..head.len() - trailing_letters(head).len()].trim_end_matches(' ');
    let cue = trailing_letters(before);
    BASE_FORM_CUES.iter().any(|c| cue.eq_ignore_ascii_case(c))
}

/// True when a sentence cannot end on `word`: it takes a clause or a noun
/// after it (`I think It`, `of The`, `the It girl`, `in which It`).
fn cannot_end_sentence(word: &str) -> bool {
    COMPLEMENT_VERBS.contains(word)
        || WH_WORDS.contains(word)
        || PREPOSITIONS.contains(word)
        || ARTICLES.contains(word)
        || POSSESSIVE_DETERMINERS.contains(word)
        || COORDINATORS.contains(word)
        || CLAUSE_SUBORDINATORS.contains(word)
        || word == "that"
}

impl Rule for MissingSentenceBreak {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for m in OPENER.find_iter(text) {
            let opener = &text[m.start() + 1..m.end() - 1];
            let after = &text[m.end() - 1..];
            let Some(prev) = word_before(&text[..m.start()]) else {
                continue;
            };
            // A regular past form counts only after a lowercase word: after a
            // capitalised noun, `the Prize It deserved` has `It` as an object.
            let past = is_lowercase_word(prev);
            let follows = match opener {
                "However" => after.starts_with(','),
                // `The`, `These`, `Those` before a noun phrase (`These figures
                // are`), or after a lowercase word before three more.
                "The" | "These" | "Those" => {
                    after.starts_with(' ')
                        && (noun_then_verb(&after[1..])
                            || (opener != "The" && starts_with_finite_verb(&after[1..], past))
                            || (past
                                && lowercase_run(&after[1..], 3)
                                && !FINITE_VERBS.contains(prev)
                                && !WORK_NOUNS.contains(prev)))
                }
                // After a lowercase word a capitalised subject pronoun opens
                // a sentence before any lowercase word (`students He speaks`,
                // `collaborate We see`); `It` (`the It girl`, a title) wants a
                // form in -s.
                "He" | "She" | "We" | "They" | "You" if past => after.starts_with(' ') && starts_lowercase(&after[1..]),
                // After a capitalised word `You` ends many a title (`the song
                // I Will Always Love You was`).
                "You" => false,
                "It" if past => after.starts_with(' ') && starts_with_present_form(&after[1..]),
                _ => after.starts_with(' ') && starts_with_finite_verb(&after[1..], past),
            };
            if !follows {
                continue;
            }
            // After a lowercase word only a personal pronoun starts a clause
            // (`…is now complete He will…`), and not after a word that takes
            // a clause or a noun (`I think It`, `in which It`, `the It girl`).
            // A verb after the opener makes it a subject even after a
            // finite verb or a base-form cue (`our patients need These doors
            // stay open`, `we should interact There is`), but not after a
            // reporting verb (`said He would`, reported speech).
            let rest = after.strip_prefix(' ').unwrap_or("");
            let verb_follows = starts_with_finite_verb(rest, past)
                || (matches!(opener, "The" | "These" | "Those") && noun_then_verb(rest));
            let after_verb_ok = verb_follows && !REPORTING_WORDS.contains(prev);
            let lowercase_ok = (SUBJECT_PRONOUNS.contains(opener)
                || matches!(opener, "This" | "That" | "These" | "Those" | "There"))
                && !((FINITE_VERBS.contains(prev) && !after_verb_ok) || cannot_end_sentence(prev));
            // `The` with a lowercase noun phrase and a verb after it is no
            // title or apposition (`the newspaper The Argus`), so it opens a
            // sentence after a lowercase word too (`sales The firm is`), unless
            // that word cannot end one (`of`, `the`, `and`, `think`).
            let the_ok = opener == "The" && !cannot_end_sentence(prev);
            if !(is_capitalised(prev) || (is_lowercase_word(prev) && (lowercase_ok || the_ok))) {
                continue;
            }
            if is_lowercase_word(prev) && after_base_form_cue(&text[..m.start()]) && !after_verb_ok {
                continue;
            }
            // `guided by the light He gives us`, `My Lord, for the favor You
            // bestowed`: a capitalised pronoun for God.
            if matches!(opener, "He" | "You") && !is_capitalised(prev) && near_deity(text, m.start()) {
                continue;
            }
            // `any rights You have`: a licence capitalises its defined terms
            // mid-sentence throughout.
            if DEFINED_PRONOUNS.contains(&opener) && defined_term(text, m.start(), opener) {
                continue;
            }
            push(out, m.start(), opener);
        }
        for c in LOWERCASE_OPENER.captures_iter(text) {
            let (m, opener) = (c.get(0).expect("a match"), c.get(1).expect("a group").as_str());
            let Some(prev) = word_before(&text[..m.start()]) else {
                continue;
            };
            if DEFINED_PRONOUNS.contains(&opener) && defined_term(text, m.start(), opener) {
                continue;
            }
            // A title runs on in Title Case (`the album In the Court of the
            // Crimson King`) or follows the kind of work it names.
            let after = &text[m.end() - 1..];
            // `The Google Doctor Is In http://…`: a link is no word of a sentence.
            if after
                .split(' ')
                .next()
                .is_some_and(|w| w.contains("://") || w.starts_with("www."))
            {
                continue;
            }
            // `consult When and how to do an NMU`, `see Before and after`: a
            // question word or a time paired by a conjunction names a section.
            // A sentence opens on a preposition's object, never its comma:
            // `with Exit For, only one loop`, `click Zoom In, then` end a name.
            if m.as_str().contains(',') && PREPOSITION_LINKERS.contains(&opener) {
                continue;
            }
            let paired = matches!(
                opener,
                "How" | "What" | "Why" | "When" | "Where" | "Who" | "Whether" | "Before" | "After"
            ) && (after.starts_with("and ") || after.starts_with("or "));
            let title_case = paired || title_runs_on(after) || headline(text, m.start(), after);
            // A determiner opens a subject: a noun phrase and a verb follow
            // (`Most such pleas never leave`, `Many are orphans`).
            if (DETERMINERS.contains(&opener) || NUMBER_WORDS.contains(&opener))
                && !(noun_then_verb(after) || starts_with_finite_verb(after, false) || lowercase_run(after, 3))
            {
                continue;
            }
            if title_case {
                continue;
            }
            // After a capitalised word (a name, a heading) only a connective
            // that cannot sit inside a name opens a sentence (`the United
            // Nations As a result, talks`, `Lebanon For nearly 10 years`);
            // `Only`, `Now` or a determiner may belong to the name (`Members
            // Only jackets`).
            if is_capitalised(prev) {
                if completes_a_name(&text[..m.start()], prev, opener, after) {
                    continue;
                }
                if CAPITAL_LINKERS.contains(&opener) || POSSESSIVE_OPENERS.contains(&opener) {
                    push(out, m.start(), opener);
                }
                continue;
            }
            if !is_lowercase_word(prev)
                || after_base_form_cue(&text[..m.start()])
                || WORK_NOUNS.contains(prev)
                || FINITE_VERBS.contains(prev)
                || cannot_end_sentence(prev)
            {
                continue;
            }
            push(out, m.start(), opener);
        }
    }
}

/// Pronouns a licence or a contract capitalises as defined terms.
const DEFINED_PRONOUNS: &[&str] = &["You", "Your", "We", "Us", "Our"];

/// How many times mid-sentence makes a capitalised pronoun a defined term.
const DEFINED_USES: usize = 3;

/// How far around a pronoun its other capitalised uses are counted: a
/// licence's clause, not a file of a thousand articles.
const DEFINED_REACH: usize = 2000;

/// True when `word`, near `at`, stands capitalised after a lowercase word
/// at least [`DEFINED_USES`] times: the text capitalises it on purpose
/// (`rights You have`, `if You distribute`), so once more is no lost
/// sentence break.
fn defined_term(text: &str, at: usize, word: &str) -> bool {
    let lo = crate::span::floor_char_boundary(text, at.saturating_sub(DEFINED_REACH));
    let hi = crate::span::ceil_char_boundary(text, (at + DEFINED_REACH).min(text.len()));
    let window = &text[lo..hi];
    memchr::memmem::find_iter(window.as_bytes(), word.as_bytes())
        .filter(|&i| {
            window.as_bytes().get(i + word.len()) == Some(&b' ')
                && window[..i].ends_with(' ')
                && window[..i - 1].ends_with(|c: char| c.is_lowercase())
        })
        .nth(DEFINED_USES - 1)
        .is_some()
}

/// Report `opener`, after the space at `space`, as a sentence start with
/// the period before it missing.
fn push(out: &mut Vec<Diagnostic>, space: usize, opener: &str) {
    out.push(
        Diagnostic::new(
            &META,
            Span::new(space + 1, space + 1 + opener.len()),
            format!("`{opener}` starts a new sentence with no punctuation before it"),
        )
        .with_fix(Fix::unsafe_edit(
            "end the sentence before it",
            Edit::replace(Span::new(space, space + 1), ". "),
        )),
    );
}

/// True when `s` starts with a lowercase finite verb, maybe after an adverb.
fn starts_with_finite_verb(s: &str, past: bool) -> bool {
    let first = leading_lowercase(s);
    if FINITE_VERBS.contains(first) || (past && is_past_form(first)) {
        return !first.is_empty();
    }
    if PRE_VERB_ADVERBS.contains(first) && s[first.len()..].starts_with(' ') {
        let second = leading_lowercase(&s[first.len() + 1..]);
        return !second.is_empty() && (FINITE_VERBS.contains(second) || (past && is_past_form(second)));
    }
    false
}

/// `HOWTO Put Porn On Your iPod`: a short line whose words before the
/// opener are all capitalised, ending a word or two after it, is a headline
/// in Title Case; body text glued to a heading runs on.
fn headline(text: &str, at: usize, after: &str) -> bool {
    let b = text.as_bytes();
    let lo = at.saturating_sub(HEADLINE_HEAD);
    let start = match memchr::memrchr(b'\n', &b[lo..at]) {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let head = &text[start..at];
    let tail = &after.as_bytes()[..after.len().min(HEADLINE_TAIL + 1)];
    let tail_end = memchr::memchr(b'\n', tail).unwrap_or(after.len());
    tail_end <= HEADLINE_TAIL
        && after[..tail_end].split_whitespace().count() <= 2
        && head.split_whitespace().count() >= 2
        && head.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
}

/// How far before the opener a headline's line may start, and how far
/// after it it may end.
const HEADLINE_HEAD: usize = 80;
const HEADLINE_TAIL: usize = 24;

/// Words a title leaves lowercase (`In the Court of the Crimson King`).
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "at", "to", "for", "by", "with", "from", "as",
];

/// True when `s`, the words after a capitalised opener, goes on in Title
/// Case: the first of its next three words that a title would capitalise
/// is capitalised (`In the Court`, `As a Man Thinketh`). A lowercase word
/// before it means a sentence, whatever name comes later (`Many view
/// Blackman as`, `In every Nation`, `And tonight, the American`).
fn title_runs_on(s: &str) -> bool {
    s.split(' ')
        .take(3)
        .find(|w| !TITLE_SMALL_WORDS.contains(w))
        .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// True when the first `n` words of `s` (or all, if fewer) are lowercase:
/// no name or title runs on.
fn lowercase_run(s: &str, n: usize) -> bool {
    starts_lowercase(s) && s.split(' ').take(n).all(|w| !w.starts_with(|c: char| c.is_uppercase()))
}

fn starts_lowercase(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
}

/// True when `s` starts with a lowercase word in -s, maybe after an
/// adverb: a present form after `He`, `She` or `It` (`He speaks`, `She
/// often travels`). Only called after a lowercase word, where a
/// capitalised singular pronoun can only open a sentence.
fn starts_with_present_form(s: &str) -> bool {
    let present = |w: &str| w.len() > 2 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    let first = leading_lowercase(s);
    if present(first) || starts_with_finite_verb(s, true) {
        return true;
    }
    PRE_VERB_ADVERBS.contains(first)
        && s[first.len()..].starts_with(' ')
        && present(leading_lowercase(&s[first.len() + 1..]))
}

/// The run of ASCII lowercase letters `s` starts with.
fn leading_lowercase(s: &str) -> &str {
    &s[..s.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(s.len())]
}

/// The word right before `head`'s end, when one space separates it from
/// the opener, it is not a title (`Mr`), a possessive (`King’s It`, a
/// title) or a lone letter, and it is not the first word of its line or
/// sentence (a lone first word may just be followed by a wrongly
/// capitalised pronoun).
fn word_before(head: &str) -> Option<&str> {
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '’' | '\''))
        .last()
        .map_or(head.len(), |(i, _)| i);
    let word = &head[start..];
    // `Constitution- It`: a dash is punctuation, not part of the word.
    if word.ends_with("’s") || word.ends_with("'s") || word.ends_with('-') {
        return None;
    }
    if word.chars().count() < 2 || TITLES.contains(word) {
        return None;
    }
    let before = &head[..start];
    let trimmed = before.trim_end_matches([' ', '\t']);
    let follows_word = trimmed.len() < before.len()
        && trimmed
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '’' || c == ',' || c == ')');
    follows_word.then_some(word)
}

/// True when `God`, `Lord` or a capitalised `His`/`Him` sits in the 300
/// bytes before `at`.
fn near_deity(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = after_blank_line(&text[from..at]);
    ["God", "Lord", " His ", " Him", "Almighty"]
        .iter()
        .any(|w| window.contains(w))
}

/// `company said`, `company at first denied`: a lowercase noun phrase of
/// up to three words, then a finite verb or a past form in `-ed`.
fn noun_then_verb(s: &str) -> bool {
    let mut words = s.split(' ');
    let Some(noun) = words.next() else {
        return false;
    };
    // `initiative’s organizers`: a possessive is part of the noun phrase.
    let bare = |w: &'_ str| -> bool {
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())
    };
    if !bare(noun) {
        return false;
    }
    for w in words.take(3) {
        let w = w.trim_end_matches([',', '.']);
        if !bare(w) {
            return false;
        }
        if FINITE_VERBS.contains(w) || (w.len() > 4 && w.ends_with("ed")) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {

    fn check(text: &str) -> usize {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .check(text)
            .len()
    }

    #[test]
    fn flags_a_heading_glued_to_the_next_sentence() {
        assert_eq!(
            check("It runs on the Nvidia Hopper Chip This means faster training."),
            1
        );
    }

    #[test]
    fn flags_a_glued_heading_before_the_and_a_pronoun_after_a_lowercase_word() {
        assert_eq!(
            check("They wrote a note. Phase Three Trials The company said it would wait."),
            1
        );
        assert_eq!(
            check("The coach said the squad is now complete He will start on Sunday."),
            1
        );
    }

    #[test]
    fn keeps_a_capitalised_pronoun_for_god() {
        assert_eq!(check("We pray to God, guided by the best light He gives us."), 0);
        assert_eq!(
            check("He said, \"My Lord, for the favor You bestowed upon me, I will never be an assistant.\""),
            0
        );
        assert_eq!(check("I am tired of the story You can read elsewhere."), 1);
    }

    #[test]
    fn keeps_a_licences_defined_pronoun() {
        let text = "Each Contributor grants You a licence. You may not limit any rights You have under it, and the rights You were given stay.";
        assert_eq!(check(text), 0);
    }

    #[test]
    fn keeps_a_pronoun_after_a_verb_that_takes_a_clause() {
        assert_eq!(
            check("Well, I think It was fine, and the report in which It was named."),
            0
        );
    }

    #[test]
    fn keeps_title_case_titles() {
        assert_eq!(check("We watched This Is Spinal Tap and It Follows last night."), 0);
    }

    #[test]
    fn keeps_a_capitalised_noun_followed_by_a_pronoun_object() {
        assert_eq!(check("They gave the Prize It deserved."), 0);
    }

    #[test]
    fn keeps_an_opener_after_a_sentence_initial_word() {
        assert_eq!(check("Overall It was fine."), 0);
    }
}
