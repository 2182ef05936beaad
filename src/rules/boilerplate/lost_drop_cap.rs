use crate::lexicon::{ARTICLES, AUXILIARIES, COORDINATORS, FINITE_VERBS, POSSESSIVE_DETERMINERS, THIRD_PERSON_VERBS};
use crate::prelude::*;
use crate::text::is_past_form;

pub struct LostDropCap;

static META: RuleMeta = RuleMeta {
    code: "B005",
    name: "lost-drop-cap",
    family: Family::Boilerplate,
    summary: "The article's first word lost its first letter to a drop cap: `he company said`",
    docs: "\
Flags a text whose first word lost its first letter: `he company said on
Monday`, `n a statement, the ministry said`. Pages set an article's first
letter as a large drop cap in an element of its own, and a scraper that
skips the element drops the letter.

Reported only at the very start of the text, when the first word is in
lowercase and one capital letter in front of it makes a common opening
word that fits the word after it: `The` before a noun, `She` before a
verb. A first word that is right as it stands (`he said`, `his sorrow`,
`he looked...with`), a name written
in lowercase (`iPhone`, `eBay`, `de Gaulle`) and any other language are
left alone.

Fix (unsafe): put the letter back, when exactly one opening word fits.
When several do (`In a statement`, `On a statement`), the finding names
them and has no fix.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: true,
    // Only the text's very start counts, which a paragraph cannot know.
    scope: Scope::Document,
    applies: Applies::languages(&[Lang::English]),
    flags: &[
        Fixture {
            input: "he company said on Monday that profits rose by a fifth.",
            output: "The company said on Monday that profits rose by a fifth.",
        },
        Fixture {
            input: "ccording to the ministry, the port will reopen next week.",
            output: "According to the ministry, the port will reopen next week.",
        },
    ],
    keeps: &[
        "he said on Monday that profits rose by a fifth.",
        "s = (char*)(long)retval;  /* ouch */\nreturn s.len; /* and this is the end. */\n",
        "or URLs. HTTP libraries will not accept bytes for header names or values.",
        "he looked...with clouded eyes and an altered manner of breathing.",
        "his sorrow...made him look haggard and woebegone, they said.",
        "iPhone sales rose on Monday, the company said.",
        "de Gaulle said on Monday that the war was over.",
        "The company said on Monday that profits rose.\n\nhe company said nothing.",
    ],
};

/// Common first words of an article, and whether a verb follows them.
const OPENERS: &[(&str, Fits)] = &[
    ("According", Fits::Other),
    ("After", Fits::Other),
    ("An", Fits::Noun),
    ("As", Fits::Other),
    ("At", Fits::Other),
    ("Despite", Fits::Other),
    ("During", Fits::Other),
    ("For", Fits::Other),
    ("He", Fits::Verb),
    ("However", Fits::Other),
    ("In", Fits::Other),
    ("It", Fits::Verb),
    ("Its", Fits::Noun),
    ("Last", Fits::Noun),
    ("On", Fits::Other),
    ("Our", Fits::Noun),
    ("She", Fits::Verb),
    ("The", Fits::Noun),
    ("Their", Fits::Noun),
    ("There", Fits::Verb),
    ("These", Fits::Noun),
    ("They", Fits::Verb),
    ("This", Fits::Noun),
    ("Those", Fits::Noun),
    ("Under", Fits::Other),
    ("We", Fits::Verb),
    ("When", Fits::Other),
    ("While", Fits::Other),
];

/// What may follow an opening word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fits {
    /// A verb: `She said`, `They were`.
    Verb,
    /// A noun or an adjective, not a verb or an article: `The company`.
    Noun,
    /// Anything but a verb: `In a statement`, `After Monday`.
    Other,
}

/// Lowercase particles of names that may open a text: `de Gaulle`.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "der", "di", "do", "dos", "du", "el", "ibn", "la", "le", "van", "von",
];

impl Rule for LostDropCap {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let start = text.len() - text.trim_start().len();
        let body = &text[start..];
        // The first paragraph, which may be wrapped over several lines.
        let line = body.split("\n\n").next().unwrap_or_default();
        let mut words = line.split_whitespace();
        let (Some(first), Some(next)) = (words.next(), words.next()) else {
            return;
        };
        let word = first.trim_end_matches(',');
        if !word.chars().all(|c| c.is_ascii_lowercase())
            || PARTICLES.contains(&word)
            || line.split_whitespace().nth(4).is_none()
            || !line.contains(['.', '!', '?'])
            // `s = (char*)(long)retval;`: a program's first line.
            || doc.in_code_line(start)
        {
            return;
        }
        // The word itself, without what is glued to it (`looked...with`).
        let next = next
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .next()
            .unwrap_or_default();
        let verb = is_verb(next);
        let fits = |f: Fits| match f {
            Fits::Verb => verb,
            Fits::Noun => !verb && !ARTICLES.contains(next) && !POSSESSIVE_DETERMINERS.contains(next),
            Fits::Other => !verb,
        };
        // A first word that is right as it stands: `he said`, `his sorrow`;
        // `or URLs.`, a text cut after its first word, not `For`.
        let as_is = OPENERS.iter().any(|&(w, f)| w.eq_ignore_ascii_case(word) && fits(f))
            || (matches!(word, "his" | "her") && fits(Fits::Noun))
            || COORDINATORS.contains_exact(word);
        if as_is {
            return;
        }
        let candidates: Vec<&str> = OPENERS
            .iter()
            .filter(|&&(w, f)| w.len() == word.len() + 1 && w[1..] == *word && fits(f))
            .map(|&(w, _)| w)
            .collect();
        let span = Span::new(start, start + word.len());
        match candidates.as_slice() {
            [] => {}
            [one] => out.push(
                Diagnostic::new(&META, span, format!("first letter lost: `{one}`?")).with_fix(Fix::unsafe_edit(
                    format!("restore `{one}`"),
                    Edit::insert(start, &one[..1]),
                )),
            ),
            many => out.push(Diagnostic::new(
                &META,
                span,
                format!(
                    "first letter lost: {}?",
                    many.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(" or ")
                ),
            )),
        }
    }
}

/// A verb from the lexicon, or a regular past form.
fn is_verb(word: &str) -> bool {
    AUXILIARIES.contains(word) || FINITE_VERBS.contains(word) || THIRD_PERSON_VERBS.contains(word) || is_past_form(word)
}

#[cfg(test)]
mod tests {

    #[test]
    fn names_every_fitting_word_and_fixes_none_when_several_fit() {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        let found = linter.check("n a statement, the ministry said the port would reopen next week.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "first letter lost: `In` or `On`?");
        assert!(found[0].fix.is_none());
    }
}
