use crate::lexicon::{
    ARTICLES, CLAUSE_SUBORDINATORS, FINITE_VERBS, POSSESSIVE_DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS,
};
use crate::prelude::*;
use crate::rules::fragments::helpers::{split_contraction, QuoteTracker};
use crate::text::{is_capitalised, is_past_form, leading_word, terminal};

pub struct SubordinateFragment;

static META: RuleMeta = RuleMeta {
    code: "F003",
    name: "subordinate-fragment",
    family: Family::Fragments,
    summary: "A sentence that is only a subordinate clause, with no main clause",
    docs: "\
Flags a sentence that opens with a subordinator (`While`, `Although`,
`Unless`, `Whereas`, `Though`) and never reaches a main clause:
`While trying to cover their tracks through “Data”.`

Machine translation splits long sentences at the wrong place and leaves the
subordinate half standing alone; a reader cannot tell what it modifies.

A sentence counts as only a subordinate clause when it ends with a period,
has no comma, semicolon, colon or dash (which would separate the main
clause: `While it rained, we stayed in.`, `Although small, the team won.`),
and shows no second clause: at most one subject pronoun and one finite
verb from the lexicon, and no clear subject pronoun after the clause's
first two words (`Although it rained we went out.`, `Although the rain
stopped we’ve stayed in.`). A sentence answering a question is left
alone, as are questions and sentences inside quoted speech (where
fragments are style). `When`, `After` and `Since` also open deliberate
fragments (`Since 2019.`) and are not checked; `Because` is flagged only
when no verb or subject follows at all (`Because the technology of the
solid electrolyte.`, but not `Because we can.`); `Which` counts only as an
object relative cut off from its noun (`Which the company hopes to start
soon.`), not as a deliberate sentence relative (`Which leaves the cup.`).

Fix: none. Which sentence the clause belongs to is a judgement call.",
    fix: FixAvailability::None,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English]),
    flags: &[
        Fixture {
            input: "The app was pulled last week. While hoping to avoid fines from regulators.",
            output: "The app was pulled last week. While hoping to avoid fines from regulators.",
        },
        Fixture {
            input: "Although the board had approved the deal. The shares fell.",
            output: "Although the board had approved the deal. The shares fell.",
        },
    ],
    keeps: &[
        "While it rained, we stayed in.",
        "Although small, the team won.",
        "Although it rained we went out.",
        "Why did it fail? Because the money ran out.",
        "While the talks went on? Nobody knows.",
        "When the vote came. Since 2019. After the deal.",
        "“Because we can.” That was his answer.",
        "It rose. Because we can. Because the president surprised many.",
        "It worked. Which is why the deal matters. Which leaves the German Cup. Which still leaves coal.",
        "While GPT 3.5 and 01.AI (LLMs) compete; Yi-34B waits.",
    ],
};

impl Rule for SubordinateFragment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(b'.') {
            return;
        }
        for &para in doc.paragraphs() {
            let sentences = doc.sentences_in(para);
            let mut quotes = QuoteTracker::new(doc, para);
            for (i, &s) in sentences.iter().enumerate() {
                let sentence = doc.slice(s);
                let lead = leading_word(sentence);
                // `Because` opens deliberate fragments (`Because we can.`), so
                // it counts only without any verb; `Which` opens a relative
                // clause cut off from its noun.
                let because = lead.eq_ignore_ascii_case("because");
                let which = lead.eq_ignore_ascii_case("which");
                if !(CLAUSE_SUBORDINATORS.contains(lead) || because || which) {
                    continue;
                }
                if !is_capitalised(sentence) || !sentence.ends_with('.') || sentence.ends_with("..") {
                    continue;
                }
                let words = doc.words_in(s);
                if !(3..=25).contains(&words.len()) {
                    continue;
                }
                let opener = doc.slice(words[0]);
                if opener != lead || words[0].start != s.start {
                    continue;
                }
                if sentence.contains([',', ';', ':', '—', '–']) || sentence.contains(" - ") {
                    continue;
                }
                // An answer to the question before it (`Why? Because…`).
                if i > 0 && terminal(doc.slice(sentences[i - 1])) == Some('?') {
                    continue;
                }
                // `Which leaves the cup.` is a deliberate sentence relative;
                // `Which the firm hopes to start.` lost the noun it relates to.
                let next = doc.slice(words[1]);
                let object_relative =
                    ARTICLES.contains(next) || POSSESSIVE_DETERMINERS.contains(next) || SUBJECT_PRONOUNS.contains(next);
                if which && !object_relative {
                    continue;
                }
                let complete = if because {
                    has_verb(doc, &words[1..])
                } else {
                    has_main_clause(doc, &words[1..])
                };
                if complete || quotes.inside_at(s.start) {
                    continue;
                }
                out.push(Diagnostic::new(
                    &META,
                    s,
                    format!("`{opener} …` is a subordinate clause with no main clause"),
                ));
            }
        }
    }
}

/// True when the words after the subordinator show a second clause: two
/// subject pronouns or two finite verbs from the lexicon, or a clear
/// subject pronoun (`he`, `she`, `we`, `they`, `I`) after the clause's
/// first two words (`Although the rain stopped we stayed in.`). `it` and
/// `you` are left out there: they are objects too (`Unless they sell it.`).
///
/// A reduced clause (`While in office`, `While trying to…`, `Although
/// founded in 1990`) has no verb of its own, so any finite verb or clear
/// subject belongs to a main clause.
fn has_main_clause(doc: &Document, words: &[Span]) -> bool {
    let first = words.first().map_or("", |&w| doc.slice(w)).to_ascii_lowercase();
    let reduced =
        PREPOSITIONS.contains(&first) || (first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed")));
    let (mut pronouns, mut verbs, mut late_subject, mut clear_subject) = (0, 0, false, false);
    for (i, &w) in words.iter().enumerate() {
        let (base, tail) = split_contraction(doc.slice(w));
        if SUBJECT_PRONOUNS.contains(base) {
            pronouns += 1;
            // `we’ve`: the contraction is the verb.
            verbs += usize::from(tail.is_some());
            let object_too = base.eq_ignore_ascii_case("it") || base.eq_ignore_ascii_case("you");
            late_subject |= i >= 2 && !object_too;
            clear_subject |= !object_too;
        } else if FINITE_VERBS.contains(base) {
            verbs += 1;
        }
    }
    if reduced {
        return verbs >= 1 || clear_subject;
    }
    pronouns >= 2 || verbs >= 2 || late_subject
}

/// True when any word looks like a verb or a subject: a finite verb from
/// the lexicon, a subject pronoun, or a past form in `-ed`.
fn has_verb(doc: &Document, words: &[Span]) -> bool {
    words.iter().any(|&w| {
        let (base, tail) = split_contraction(doc.slice(w));
        tail.is_some() || SUBJECT_PRONOUNS.contains(base) || FINITE_VERBS.contains(base) || is_past_form(base)
    })
}

#[cfg(test)]
mod tests {

    fn check(text: &str) -> usize {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .check(text)
            .len()
    }

    #[test]
    fn flags_a_clause_cut_off_after_a_quoted_word() {
        assert_eq!(
            check("The firm used the tool. While trying to hide it behind “Tests”. It denied it."),
            1
        );
    }

    #[test]
    fn keeps_a_clause_followed_by_its_main_clause() {
        assert_eq!(check("Because it was late they went home."), 0);
        assert_eq!(check("While he was away, she ran the firm."), 0);
        assert_eq!(check("Though it was said it was not done."), 0);
    }

    #[test]
    fn keeps_a_reduced_clause_before_its_main_clause() {
        assert_eq!(
            check("It sailed. While in custody of the court the vessel was seized."),
            0
        );
    }

    #[test]
    fn keeps_fragments_inside_quoted_speech() {
        assert_eq!(check("He said: “We lost. While others won.” Then he left."), 0);
    }

    #[test]
    fn keeps_a_main_clause_after_a_contraction() {
        assert_eq!(check("It was late. Although the rain stopped we’ve stayed in."), 0);
    }

    #[test]
    fn flags_a_verbless_because_and_a_cut_off_relative_clause() {
        assert_eq!(check("It is hard. Because the chemistry of the new cells."), 1);
        assert_eq!(check("A trial is planned. Which the firm hopes to start soon."), 1);
    }

    #[test]
    fn keeps_questions_and_exclamations() {
        assert_eq!(check("It failed. Because of what? While we wait!"), 0);
    }
}
