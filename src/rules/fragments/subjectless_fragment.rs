use crate::lexicon::{
    ARTICLES, AUXILIARIES, FINITE_VERBS, NOUNLIKE_VERBS, POSSESSIVE_DETERMINERS, PREPOSITIONS, PRE_VERB_ADVERBS,
    SUBJECT_PRONOUNS, THIRD_PERSON_VERBS,
};
use crate::prelude::*;
use crate::rules::fragments::helpers::QuoteTracker;
use crate::text::{has_quote, is_lowercase_word, leading_word, terminal};

pub struct SubjectlessFragment;

static META: RuleMeta = RuleMeta {
    code: "F004",
    name: "subjectless-fragment",
    family: Family::Fragments,
    summary: "A sentence that starts with a finite verb and has no subject",
    docs: "\
Flags a sentence that opens with a finite verb and has no subject:
`…compete with OpenAI.” Prohibits the use of outputs from products.`

Machine translation from languages that drop subjects, or that reorder a
clause, leaves such sentences behind; the reader has to guess who
prohibits what.

Flagged openings:

- a verb in `-s` that is not also a common plural noun (`Prohibits`,
  `Allows`, `Requires`, `Says`, `Arrives`) before a lowercase word;
- a verb in `-s` that is also a plural noun (`Targets`, `Remains`, `Plans`)
  only before an article or possessive (`Targets a protein…`) or an
  adjective (`Remains cautious…`), so `Plans for…`, `Costs rose…` and
  `Remains of the ship…` are left alone;
- an adverb and such a verb (`Still needs a breakthrough.`), but not an
  inversion (`Then comes the hard part.`);
- a past reporting verb before `that` (`Said that the cost…`);
- an auxiliary before an adverb, `not` or a participle (`Is still
  pending.`, `Was founded in 2009.`), but not a question that lost its
  mark (`Is the firm profitable.`).

Left alone: imperatives (`Read more.`, `Click here.`, base forms), questions and
headlines (`Says Who?`), an inverted pronoun (`Says he.`), sentences that
quote or sit inside quoted speech (`Adds his wife, “…”`, `“…. Seems to be
the best place,” he said.`), and sentences that are a paragraph of their
own (headings, list items).

Fix (display-only): suggest a subject, `It prohibits the use…`; which
subject is right needs a person.",
    fix: FixAvailability::DisplayOnly,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English]),
    flags: &[
        Fixture {
            input: "The contract was signed in May. Requires the partner to share its data.",
            output: "The contract was signed in May. Requires the partner to share its data.",
        },
        Fixture {
            input: "The policy changed. Allows the use of cameras in courts. Lawyers objected.",
            output: "The policy changed. Allows the use of cameras in courts. Lawyers objected.",
        },
        Fixture {
            input: "Shares rose 20 per cent. Targets a protein linked to pain. Still needs a larger trial.",
            output: "Shares rose 20 per cent. Targets a protein linked to pain. Still needs a larger trial.",
        },
        Fixture {
            input: "The deal needs approval by regulators. Is still pending.",
            output: "The deal needs approval by regulators. Is still pending.",
        },
        Fixture {
            input: "The firm expects prices to fall. Said that the cost would halve by 2030.",
            output: "The firm expects prices to fall. Said that the cost would halve by 2030.",
        },
    ],
    keeps: &[
        "The plan changed. Plans for the new airport were shelved. Plans that failed were dropped.",
        "It was late. Then comes the hard part. Now goes the rest. Then begins the long part.",
        "It rose. Later reports from the agency show more. Now plans for a dam are back.",
        "It opened. Founded in 2009, the firm grew. Reported cases rose.",
        "It grew. Is the firm profitable. Was it worth it. Has anyone asked.",
        "Prices rose. Costs jumped too. Remains of the ship were found.",
        "Read more. Click here. Says Who? Says he.",
        "Prohibits the use of phones.",
        "It said no. “Requires a permit,” the sign read.",
        "The rules are strict. Requires GPT 3.5 or 01.AI (LLMs) approval? Yes.",
    ],
};

impl Rule for SubjectlessFragment {
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
            if sentences.len() < 2 {
                continue;
            }
            for &s in sentences {
                let sentence = doc.slice(s);
                let lead = leading_word(sentence);
                let candidate = THIRD_PERSON_VERBS.contains(lead)
                    || AUXILIARIES.contains(lead)
                    || NOUNLIKE_VERBS.contains(lead)
                    || PRE_VERB_ADVERBS.contains(lead)
                    || FINITE_VERBS.contains(lead);
                if !candidate || !lead.as_bytes()[0].is_ascii_uppercase() {
                    continue;
                }
                let words = doc.words_in(s);
                if words.len() < 3
                    || words[0].start != s.start
                    || terminal(sentence) != Some('.')
                    || has_quote(sentence)
                    || !spaced(doc, &words[..3])
                {
                    continue;
                }
                let w: [&str; 3] = [doc.slice(words[0]), doc.slice(words[1]), doc.slice(words[2])];
                if !lacks_subject(w) || quotes.inside_at(s.start) {
                    continue;
                }
                let verb = w[0];
                let first = Span::new(s.start, s.start + 1);
                let suggestion = format!("It {}", verb[..1].to_ascii_lowercase());
                out.push(
                    Diagnostic::new(&META, s, format!("sentence starts with `{verb}` and has no subject")).with_fix(
                        Fix::display_only_edit("give the sentence a subject", Edit::replace(first, suggestion)),
                    ),
                );
            }
        }
    }
}

/// True when single spaces separate the words.
fn spaced(doc: &Document, words: &[Span]) -> bool {
    words
        .windows(2)
        .all(|p| doc.slice(Span::new(p[0].end, p[1].start)) == " ")
}

/// Adjective endings: `Remains cautious…` is a verb, `Remains of…` a noun.
const ADJECTIVE_SUFFIXES: [&str; 8] = ["ous", "ful", "ive", "able", "ible", "less", "ent", "ant"];

/// Verbs that invert after an adverb (`Then comes the hard part.`).
const INVERTING_VERBS: [&str; 5] = ["begins", "comes", "follows", "goes", "remains"];

/// Adverbs that also work as adjectives before a noun (`Later reports…`).
const ADJECTIVAL_ADVERBS: [&str; 3] = ["first", "later", "recently"];

/// True when the first three words of a sentence show a finite verb with
/// no subject before it.
fn lacks_subject(w: [&str; 3]) -> bool {
    let object_like = |x: &str| is_lowercase_word(x) && !SUBJECT_PRONOUNS.contains(x);
    let determiner = |x: &str| ARTICLES.contains(x) || POSSESSIVE_DETERMINERS.contains(x);
    // `Prohibits the use…`, `Says the report.`
    if THIRD_PERSON_VERBS.contains(w[0]) {
        return object_like(w[1]);
    }
    // `Targets a protein…`, `Remains cautious…`; not `Plans for…`.
    if NOUNLIKE_VERBS.contains(w[0]) {
        return determiner(w[1]) || (object_like(w[1]) && ADJECTIVE_SUFFIXES.iter().any(|s| w[1].ends_with(s)));
    }
    // `Still needs a breakthrough.`, `Also plans to…`.
    if PRE_VERB_ADVERBS.contains(w[0]) && !ADJECTIVAL_ADVERBS.iter().any(|a| w[0].eq_ignore_ascii_case(a)) {
        let verb = w[1];
        // `Now plans for…` is a noun phrase: a verb takes no preposition here.
        return (THIRD_PERSON_VERBS.contains(verb) || NOUNLIKE_VERBS.contains(verb))
            && !INVERTING_VERBS.contains(&verb)
            && object_like(w[2])
            && !PREPOSITIONS.contains(w[2]);
    }
    // `Is still pending.`, `Was founded in 2009.`, `Does not apply.`; not
    // a question that lost its mark (`Is the firm profitable.`).
    if AUXILIARIES.contains(w[0]) {
        let next = w[1];
        let participle = next.len() > 3 && ["ed", "en", "ing"].iter().any(|s| next.ends_with(s));
        return is_lowercase_word(next) && (PRE_VERB_ADVERBS.contains(next) || next == "not" || participle);
    }
    // `Said that the cost…`, `Added that…`.
    let lower = w[0].to_ascii_lowercase();
    (lower == "said" || lower == "told" || lower.ends_with("ed")) && FINITE_VERBS.contains(&lower) && w[1] == "that"
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    #[test]
    fn flags_a_verb_first_sentence_after_a_quote() {
        let found = linter().check("It agreed to “build models that compete.” Forbids the sale of data.");
        assert_eq!(found.len(), 1);
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, crate::Applicability::DisplayOnly);
        assert_eq!(fix.edits[0].content, "It f");
    }

    #[test]
    fn never_applies_its_suggestion() {
        let text = "It changed. Prohibits the use of phones.";
        assert_eq!(linter().fix(text, FixMode::Unsafe).unwrap().text, text);
    }

    #[test]
    fn keeps_inverted_attributions_and_quoted_speech() {
        assert!(linter()
            .check("It was fun. Adds his wife, “The march was great.”")
            .is_empty());
        assert!(linter()
            .check("He said “we call it home. Seems to be the best place,” and left.")
            .is_empty());
    }

    #[test]
    fn keeps_a_verb_followed_by_a_name() {
        assert!(linter().check("It ended. Says Smith, it was fine.").is_empty());
    }
}
