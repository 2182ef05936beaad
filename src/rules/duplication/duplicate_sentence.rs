use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::prelude::*;
use crate::segment::sentence_key;
use crate::text::{inline_removal, terminal};

pub struct DuplicateSentence;

/// Shorter sentences repeat legitimately (`He declined.`, `It did not.`).
const MIN_WORDS: usize = 6;

/// How many paragraphs from the top a teaser may stand: a headline, a
/// dateline or byline, the teaser.
const TEASER_PARAGRAPHS: usize = 4;

/// Sentences between a sentence and a copy close enough to be a stutter.
const NEAR: usize = 3;

static META: RuleMeta = RuleMeta {
    code: "D002",
    name: "duplicate-sentence",
    family: Family::Duplication,
    summary: "The same sentence appears twice in a document",
    docs: "\
Flags a sentence of six or more words that repeats an earlier sentence of
the same document word for word (ignoring case and punctuation), such as a
headline repeated as the first sentence of the body, or a paragraph the
scraper captured twice.

Scrapers pick up a teaser, a summary and the body, and machine translation
pipelines sometimes emit overlapping chunks twice.

A headline glued above its body in the same paragraph (the segmenter joins
lines without a final period) is compared line by line with the first
sentence of the next three lines.

Left alone: a table's row (cells set off by `│` or `|`, whose values
repeat); a paragraph repeated under another heading (a paragraph of one
short line with no final mark, or ending in a colon, stands between the
copies), as a manual says the same of two entries on purpose;
copies of a sentence that occurs three times or more, unless
a copy directly follows the one before (a refrain every few verses, a
formula such as a declaration's `Everyone has the right…`: scrapers
capture twice, writers repeat on purpose); in a paragraph whose language detritus cannot identify, any
copy more than three sentences after the one before it, since repetition
at a distance may be that text's style; a sentence that opens one
paragraph and then stands alone as the next (a summary, a list of
messages): a scraper repeats a headline above the body that opens with
it, or a whole paragraph; below a document's first four paragraphs, a
sentence or line standing alone above a paragraph of fewer than three
sentences that opens with it (a translation catalogue repeats a message
as the start of a longer one; a teaser stands at the top, or above a
body); a title or teaser that the body does not open with but ends with
(an abstract's conclusion restates its title) or cites after its authors
(`…, et al. The Title.`); a title (no final mark) that
recurs more than three sentences later; short
sentences (under six words), which repeat legitimately
(`He declined to comment.`), exclamations (a refrain cried twice: `I grin
at thee, thou grinning whale!`), questions (interviews ask each person the same
one), quotations (sentences that open or close with a quotation mark, or
carry an attribution after one), since articles repeat a quote on purpose
(pull quotes), and captions followed by a photo credit, which
`duplicated-caption` removes whole. Sentences are compared by
hash, so the check is linear in the document's length.

Reported without a fix: a copy that does not follow the one before it
directly in the same paragraph (a formula said of each result: `We
downgraded the certainty of the evidence…`), unless it repeats the text's first
sentence (a lead) or a neighbouring sentence repeats with it (a block the
scraper captured twice). A speaker says a sentence again on purpose (`It's
the right thing to do.`), and a caption that copies the body comes first,
so deleting the later copy would cut the body.

Fix (unsafe): delete the second copy with the space (or the line break)
before it.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "Chipmaker denies copying a rival's designs\n\nChipmaker denies copying a rival's designs. The firm said its chips were its own.",
            output: "Chipmaker denies copying a rival's designs\n\nThe firm said its chips were its own.",
        },
        Fixture {
            input: "The company said the plan would cut costs. Investors cheered. The company said the plan would cut costs.",
            output: "The company said the plan would cut costs. Investors cheered.",
        },
    ],
    keeps: &[
        " 2 │ -0.757033 │ t │ f │ f\n\n 3 │ -0.432590 │ f │ f │ f\n\n 2 │ -0.757033 │ t │ f │ f",
        "He declined to comment. She declined to comment.",
        "Difference\n\nIt subtracts the lower layer from the upper one.\n\nThe mode is commutative and the order does not matter.\n\nExclusion\n\nIt inverts the other layer.\n\nThe mode is commutative and the order does not matter.\n",
        "Woe, that Day, to the deniers of truth.\n\nThen We destroyed the former peoples.\n\nWoe, that Day, to the deniers of truth.\n\nDid We not create you from a liquid?\n\nWoe, that Day, to the deniers of truth.\n",
        "“We will not back down,” he said. Later: “We will not back down,” he said.",
        "The company said the plan would cut costs. The company said the plan would not cut costs.",
        "GPT 3.5 and 01.AI (LLMs) were compared. GPT 3.5 and 01.AI (LLMs) were compared again.",
        "Enter a valid “slug” of letters, digits or hyphens.\n\nEnter a valid 'slug' of letters, digits or hyphens.",
        "copying the TeX support files\n\nCopying the TeX support files...",
    ],
};

impl Rule for DuplicateSentence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let sentences = doc.sentences();
        if sentences.len() < 2 {
            return;
        }
        let keys = doc.sentence_keys();
        let mut flagged: Vec<Span> = Vec::new();
        let mut reported: Vec<Span> = Vec::new();
        let mut seen: HashMap<u64, Occurrences<'_>, BuildHasherDefault<IdHasher>> = HashMap::default();
        // (key, the copy's index, the index of the occurrence before it)
        let mut copies: Vec<(u64, usize, usize)> = Vec::new();
        for (index, &s) in sentences.iter().enumerate() {
            let words = doc.words_in(s);
            let sentence = doc.slice(s);
            // Interviews repeat their questions to each person on purpose,
            // and articles repeat a quotation (pull quotes) and writers a cry on purpose.
            if words.len() < MIN_WORDS || matches!(terminal(sentence), Some('?' | '!')) || is_quotation(sentence) {
                continue;
            }
            let key = keys[index];
            match seen.entry(key) {
                Entry::Vacant(v) => {
                    v.insert(Occurrences {
                        first_words: words,
                        last: s,
                        last_index: index,
                        count: 1,
                    });
                }
                Entry::Occupied(mut o) => {
                    let occ = o.get_mut();
                    // A table's rows repeat values, and a query's output its
                    // rows; asked of copies only, so other sentences cost nothing.
                    let row = ['│', '┃', '║'].iter().any(|&c| sentence.contains(c))
                        || memchr::memchr_iter(b'|', sentence.as_bytes()).nth(1).is_some();
                    if row || !same_words(doc, occ.first_words, words) {
                        continue;
                    }
                    let before = occ.last_index;
                    occ.last = s;
                    occ.last_index = index;
                    occ.count += 1;
                    // A repeated caption with its credit is duplicated-caption's.
                    if followed_by_credit(doc, s.end) {
                        continue;
                    }
                    copies.push((key, index, before));
                }
            }
        }
        for &(key, index, before) in &copies {
            let (s, distance) = (sentences[index], index - before);
            // A stutter, a copy within a few sentences of the one before, is
            // a scraper's. At a distance, a sentence said three times or more
            // is a refrain or a formula (a declaration's `Everyone has the
            // right…`), which the text means; and without knowing the
            // language, even a second copy may be its style.
            // A title without a final mark recurs on purpose (a declaration
            // names itself in its preamble).
            let far = distance > NEAR;
            let titled = terminal(doc.slice(s)).is_none();
            // Said three times or more with other sentences between, even
            // close together, it is a refrain (`Woe, that Day, to the
            // deniers.` every few verses); a scraper's copy follows its own.
            let refrain = seen[&key].count > 2 && distance > 1;
            if refrain || (far && (seen[&key].count > 2 || titled || doc.language_at(s.start).is_none())) {
                continue;
            }
            if !scraped_twice(doc, sentences[before], s) {
                continue;
            }
            // In one paragraph, a copy apart from the one before may be a
            // speaker saying it again (`Graag een reactie van de minister.`)
            // or a caption's copy of the body, and then the later copy is
            // the body's: reported only, unless it opens the text (a lead)
            // or a neighbour repeats with it, and is no formula said more
            // often: a scraper copies a block.
            let same_paragraph = doc.paragraph_at(s.start) == doc.paragraph_at(sentences[before].start);
            let block = |from: usize, to: usize| {
                keys.get(from)
                    .is_some_and(|&k| keys.get(to) == Some(&k) && seen.get(&k).is_none_or(|o| o.count == 2))
            };
            if same_paragraph
                && distance > 1
                && before > 0
                && !(before + 1 < index && block(before + 1, index + 1))
                && !block(before - 1, index - 1)
            {
                reported.push(s);
                continue;
            }
            flagged.push(s);
        }
        glued_headlines(doc, &mut flagged);
        flagged.sort_unstable();
        flagged.dedup_by(|b, a| a.overlaps(*b));
        reported.retain(|r| !flagged.iter().any(|f| f.overlaps(*r)));
        for s in flagged {
            out.push(
                Diagnostic::new(&META, s, "sentence repeats an earlier one").with_fix(Fix::unsafe_edit(
                    "remove the repeated sentence",
                    Edit::delete(inline_removal(doc, s)),
                )),
            );
        }
        out.extend(
            reported
                .into_iter()
                .map(|s| Diagnostic::new(&META, s, "sentence repeats one said earlier in its paragraph")),
        );
    }
}

/// Where a sentence was seen and how often.
struct Occurrences<'d> {
    /// The first copy's words, kept rather than looked up again: a lookup
    /// far behind the scan costs a cache miss per step on a long text.
    first_words: &'d [Span],
    last: Span,
    last_index: usize,
    count: usize,
}

/// True when `copy` repeats `before` the way a scraper repeats: in the same
/// paragraph, or across paragraphs as a headline or teaser standing alone
/// above the body that opens with it, or as a whole paragraph captured
/// twice. A sentence that opens one paragraph and stands alone in the next
/// is how a list of messages or a summary repeats on purpose.
fn scraped_twice(doc: &Document, before: Span, copy: Span) -> bool {
    let (Some(a), Some(b)) = (doc.paragraph_at(before.start), doc.paragraph_at(copy.start)) else {
        return true;
    };
    if a == b {
        // `Tikka masala:` then `Raita:`, each over its own steps: a label
        // on its own line between the copies starts another section.
        let between = &doc.text()[before.end..copy.start];
        return between.len() > 2000
            || !between.lines().skip(1).any(|l| {
                let l = l.trim();
                l.ends_with(':') && (1..=8).contains(&l.split_whitespace().count())
            });
    }
    let alone = |para: Span, s: Span| doc.slice(para).trim() == doc.slice(s).trim();
    // A teaser stands at the top of an article, above the body that opens
    // with it; further down, a message standing alone and then opening a
    // longer one is a list of messages (a translation catalogue: `Code not
    // supported.` above `Code not supported. Choose another.`).
    let opens = |para: Span, s: Span| doc.slice(para).trim_start().starts_with(doc.slice(s).trim());
    // An abstract's last sentence may restate its title, and a reference
    // cites it after its authors (`…, et al. The Title. J Med 2021`).
    let ends = |para: Span, s: Span| doc.slice(para).trim_end().ends_with(doc.slice(s).trim());
    let cited = doc.text()[..copy.start].trim_end().ends_with("et al.");
    // A copy inside the body of another section (`RAID1` then `RAID5`)
    // is said of each on purpose; a teaser's copy opens its body.
    let teaser = alone(a, before)
        && !alone(b, copy)
        && (opens(b, copy) || !(under_another_heading(doc, before, copy) || ends(b, copy) || cited))
        && (doc.paragraphs().partition_point(|p| p.end < a.start) < TEASER_PARAGRAPHS || body_like(doc.slice(b)));
    // Two one-sentence paragraphs that differ in case or marks (`Copy the
    // files` and `copy the files...`) are two messages of a list; a
    // scraper's second capture is the same text.
    teaser || (doc.slice(a).trim() == doc.slice(b).trim() && !under_another_heading(doc, before, copy))
}

/// Paragraphs read back from a copy for a heading, so a document of many
/// far-apart copies stays linear.
const HEADING_REACH: usize = 64;

/// True when a heading stands between the paragraph `before` stands in and
/// its copy's: a reference text says the same thing of two entries on purpose (`The mode is
/// commutative.` under `Difference` and again under `Exclusion`; a
/// parameter described alike for two functions). A heading is a paragraph
/// of one line of twelve words at most (a help page's title: `Restrict
/// the amount of time your file history is tracked`) with no final mark,
/// or one ending in a colon.
fn under_another_heading(doc: &Document, before: Span, copy: Span) -> bool {
    let paragraphs = doc.paragraphs();
    let first = paragraphs.partition_point(|p| p.start <= before.start);
    let last = paragraphs.partition_point(|p| p.end < copy.start);
    paragraphs[first.max(last.saturating_sub(HEADING_REACH))..last.min(paragraphs.len())]
        .iter()
        .any(|&p| {
            let t = doc.slice(p).trim();
            // Length first: a long paragraph is no heading, and is not read.
            if t.len() > 400 {
                return false;
            }
            let words = t.split_whitespace().count();
            !t.contains('\n')
                && (1..=12).contains(&words)
                && t.chars().any(char::is_alphabetic)
                && (t.ends_with(':') || !t.ends_with(['.', '!', '?', ',', ';', '…']))
        })
}

/// A headline glued above its body inside one paragraph (`Headline\nBy: …\n
/// Headline. The body…`): the segmenter joins lines without a period, so
/// compare each headline-shaped line (no final punctuation) with the first
/// sentence of the next few lines.
fn glued_headlines(doc: &Document, flagged: &mut Vec<Span>) {
    let text = doc.text();
    // Recent headline-shaped lines, how many lines each stays in reach, and
    // the paragraph each stands in.
    let mut recent: Vec<(u64, Span, usize, usize)> = Vec::new();
    // Paragraphs begun so far, and whether the last line was blank.
    let (mut paragraph, mut blank) = (0, true);
    for &line in doc.lines() {
        let raw = line.slice(text);
        let t = raw.trim();
        if t.is_empty() {
            blank = true;
            continue;
        }
        paragraph += usize::from(blank);
        blank = false;
        let start = line.start + (raw.len() - raw.trim_start().len());
        let span = Span::new(start, start + t.len());
        // Cheapest tests first: most lines end a sentence or are long.
        let headline = terminal(t).is_none()
            && t.len() <= 300
            && (MIN_WORDS..=25).contains(&doc.words_in(span).len())
            && !is_quotation(t);
        if headline {
            recent.push((sentence_key(t), span, 4, paragraph));
        } else if let Some(end) = (!recent.is_empty()).then(|| first_sentence_end(t)).flatten() {
            // A line that is only that sentence is a message of a list
            // (`copying files` above `Copying files...`), not a body.
            if end == t.len() {
                decay(&mut recent);
                continue;
            }
            let first = Span::new(start, start + end);
            let key = sentence_key(first.slice(text));
            // Across a blank line and below the top, a line standing alone
            // above a short one that opens with it is a list of messages, as
            // for teasers (`scraped_twice`).
            let reaches = |p: usize| p == paragraph || p <= TEASER_PARAGRAPHS || body_like(t);
            let repeats = recent.iter().any(|&(k, head, _, p)| {
                k == key && reaches(p) && same_words(doc, doc.words_in(head), doc.words_in(first))
            });
            if repeats {
                flagged.push(first);
            }
        }
        decay(&mut recent);
    }
}

/// One more line read: headlines out of reach are dropped.
fn decay(recent: &mut Vec<(u64, Span, usize, usize)>) {
    for r in recent.iter_mut() {
        r.2 -= 1;
    }
    recent.retain(|r| r.2 > 0);
}

/// True when `t` reads as an article's body rather than a message: three
/// sentences or more.
fn body_like(t: &str) -> bool {
    let b = t.as_bytes();
    let ends = (0..b.len())
        .filter(|&i| matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1).is_none_or(|&c| c == b' ' || c == b'\n'))
        .take(3)
        .count();
    ends >= 3
}

/// The end of the first sentence of `t`: just past the first `.`, `!` or
/// `?` that a space or the end of the text follows.
fn first_sentence_end(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    (0..b.len())
        .find(|&i| matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1).is_none_or(|&c| c == b' '))
        .map(|i| i + 1)
}

/// True when the sentence is a quotation: it opens with a quotation mark
/// or ends with one (`“…,” he said.` and `He called it “a drain.”`). A
/// quoted title inside (`from “This Is Us” writers`) does not count.
fn is_quotation(sentence: &str) -> bool {
    let opens = sentence.starts_with(['"', '“', '«', '„', '‘']);
    let body = sentence.trim_end_matches(['.', '!', '?', '…']);
    opens || body.ends_with(['"', '”', '»', '’']) || sentence.ends_with(['"', '”', '»']) || said_after_quote(sentence)
}

/// `“…,” the spokesperson said.`: a quotation with its attribution.
fn said_after_quote(sentence: &str) -> bool {
    // Called for every sentence: jump between commas rather than run two
    // substring searches.
    let b = sentence.as_bytes();
    memchr::memchr_iter(b',', b).any(|i| {
        let rest = &b[i + 1..];
        rest.starts_with("” ".as_bytes()) || rest.starts_with(b"\" ")
    })
}

/// True when a photo credit starts right after `end` on the same line.
fn followed_by_credit(doc: &Document, end: usize) -> bool {
    let text = doc.text();
    let next = end + (text[end..].len() - text[end..].trim_start_matches([' ', '\t']).len());
    crate::text::credits::credit_at(text, next)
}

/// The keys are already hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn same_words(doc: &Document, a: &[Span], b: &[Span]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| same_word(doc.slice(x), doc.slice(y)))
}

/// Equal after lowercasing. Every repeat of a sentence is compared word by
/// word, so identical and ASCII words skip the Unicode case tables (which
/// only matter when a word is not ASCII: the Kelvin sign lowercases to `k`).
fn same_word(x: &str, y: &str) -> bool {
    if x == y {
        return true;
    }
    if x.is_ascii() && y.is_ascii() {
        return x.eq_ignore_ascii_case(y);
    }
    x.chars()
        .flat_map(char::to_lowercase)
        .eq(y.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    #[test]
    fn removes_a_paragraph_captured_twice() {
        let text = "Shares rose sharply in early trading on Monday.\n\nOther news.\n\nShares rose sharply in early trading on Monday.\n";
        assert_eq!(
            linter().fix(text, FixMode::Unsafe).unwrap().text,
            "Shares rose sharply in early trading on Monday.\n\nOther news.\n"
        );
    }

    #[test]
    fn keeps_a_step_repeated_under_a_label_or_a_long_title() {
        for text in [
            "Tikka masala:\nSimmer the cream for five minutes. Season the sauce with salt and pepper.\n             Raita:\nGrate the cucumber into the yogurt. Season the sauce with salt and pepper.\n",
            "Turn off file history tracking\n\nClick on File History to open the panel.\n\n             Restrict the amount of time your file history is tracked\n\nClick on File History to open the panel.\n",
        ] {
            assert_eq!(linter().fix(text, FixMode::Unsafe).unwrap().text, text);
        }
    }

    #[test]
    fn keeps_a_paragraph_repeated_under_another_heading_but_not_one_repeated_in_its_section() {
        let entries = "Parameters:\n\nencoding: The character set that the file is written in.\n\n\
                       CreateTextFile\n\nParameters:\n\nencoding: The character set that the file is written in.\n";
        assert_eq!(linter().fix(entries, FixMode::Unsafe).unwrap().text, entries);
        let twice = "Parameters:\n\nencoding: The character set that the file is written in.\n\n\
                     It is optional.\n\nencoding: The character set that the file is written in.\n";
        assert_eq!(
            linter().fix(twice, FixMode::Unsafe).unwrap().text,
            "Parameters:\n\nencoding: The character set that the file is written in.\n\nIt is optional.\n"
        );
    }

    #[test]
    fn keeps_a_sentence_standing_alone_and_again_at_the_end_of_a_later_paragraph() {
        let raid = "RAID1\n\nIs suitable where reliability is the first concern.\n\n\
                    Optionally you can have a spare disk in the array to take the failed disk's place.\n\n\
                    RAID5\n\nIs a good compromise between speed and redundancy. It needs three active partitions. \
                    Optionally you can have a spare disk in the array to take the failed disk's place.\n";
        assert_eq!(linter().fix(raid, FixMode::Unsafe).unwrap().text, raid);
    }

    #[test]
    fn keeps_a_refrain_said_three_times_at_a_distance() {
        let refrain = "Everyone has the right to be heard in the assembly.";
        let text = format!(
            "{refrain} It covers speech. It covers law. It covers work. It covers rest.\n\n\
             {refrain} It covers homes. It covers food. It covers health. It covers age.\n\n{refrain}\n"
        );
        assert!(linter().check(&text).is_empty());
    }

    #[test]
    fn reports_a_distant_repeat_in_one_paragraph_without_a_fix_unless_a_block_repeats() {
        let speech =
            "Give us the tools to enforce it. It is the right thing to do for our workers. We passed the bill. \
                      The Senate agreed with us. Then the courts did too. Now the plan is working. \
                      It is the right thing to do for our workers.";
        let found = linter().check(speech);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].fix.is_none(), "{found:?}");
        let block =
            "The plant closed in March after the flood. Workers were sent home. The owners blamed the weather. \
                     Repairs began in May. The town waited. Then the rain came again. \
                     The plant closed in March after the flood. Workers were sent home. The owners blamed the weather.";
        assert!(linter().check(block).iter().any(|d| d.fix.is_some()));
    }

    #[test]
    fn reports_a_formula_said_of_each_result_without_a_fix() {
        let text = "For mortality there was inconclusive evidence of effect (low certainty). We downgraded the \
                    certainty of the evidence due to very serious imprecision. For transplantation there was \
                    inconclusive evidence of effect (low certainty). We downgraded the certainty of the evidence \
                    due to very serious imprecision.";
        let found = linter().check(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].fix.is_none(), "{found:?}");
    }

    #[test]
    fn keeps_a_title_an_abstract_ends_with_or_a_reference_cites() {
        for text in [
            "Methylation of the promoter drives invasion in pancreatic cancer.\n\nWe studied the promoter in \
             mice. The results were clear. Methylation of the promoter drives invasion in pancreatic cancer.\n",
            "The Pandemic and Male Sexual Function: A Survey of Cannabis Users.\n\nFrequency rose in the study. \
             T Chen, HP Bhambhvani, et al. The Pandemic and Male Sexual Function: A Survey of Cannabis Users. \
             J Sex Med 2021;18:1023-1031.\n",
        ] {
            let found = linter().check(text);
            assert!(found.iter().all(|d| d.fix.is_none()), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn keeps_a_distant_repeat_in_a_language_it_cannot_identify() {
        let text = "Mwalimu alifika shuleni mapema leo asubuhi sana. Wanafunzi walichelewa. Mvua ilinyesha. \
                    Barabara zilijaa maji. Watu walikaa nyumbani. Mwalimu alifika shuleni mapema leo asubuhi sana.";
        assert!(linter().check(text).is_empty());
        let stutter =
            "Mwalimu alifika shuleni mapema leo asubuhi sana. Mwalimu alifika shuleni mapema leo asubuhi sana.";
        assert_eq!(linter().check(stutter).len(), 1);
    }

    #[test]
    fn keeps_a_sentence_that_opens_one_paragraph_and_stands_alone_in_the_next() {
        let text =
            "No file was submitted at all. Check the encoding type on the form.\n\nNo file was submitted at all.\n";
        assert!(linter().check(text).is_empty());
        let headline = "No file was submitted at all today.\n\nNo file was submitted at all today. Check the form.\n";
        assert_eq!(linter().check(headline).len(), 1);
    }

    /// Five messages of a catalogue, then `tail`.
    fn below_a_list(tail: &str) -> String {
        let list = [
            "Choose a new language",
            "Add a locale",
            "Delete this page?",
            "Save as draft",
            "Publish it now",
        ];
        format!("{}\n\n{tail}", list.join("\n\n"))
    }

    #[test]
    fn keeps_a_message_that_opens_a_longer_one_further_down_a_list() {
        for tail in [
            "The language code of this locale is not supported.\n\nThe language code of this locale is not supported. Choose another.\n",
            "The language code of this locale is not supported\n\nThe language code of this locale is not supported. Choose another.\n",
        ] {
            assert!(linter().check(&below_a_list(tail)).is_empty(), "{tail}");
        }
    }

    #[test]
    fn flags_a_teaser_further_down_above_a_body_of_several_sentences() {
        for tail in [
            "The chipmaker denied copying a rival's designs.\n\nThe chipmaker denied copying a rival's designs. It said so twice. Shares fell.\n",
            "The chipmaker denied copying a rival's designs\n\nThe chipmaker denied copying a rival's designs. It said so twice. Shares fell.\n",
        ] {
            assert_eq!(linter().check(&below_a_list(tail)).len(), 1, "{tail}");
        }
    }

    #[test]
    fn keeps_an_exclamation_cried_twice() {
        let text = "I grin at thee, thou grinning whale! Look ye, sun and moon! I grin at thee, thou grinning whale!";
        assert!(linter().check(text).is_empty());
    }

    #[test]
    fn flags_every_later_copy_once() {
        let s = "The firm said the deal was off for good. ";
        assert_eq!(linter().check(&s.repeat(3)).len(), 2);
    }

    #[test]
    fn skips_quotations_of_any_kind() {
        for s in [
            "“We will win this case in court,” she said. ",
            "He called the plan “a waste of public money for years.” ",
            "\"We will win this case in court,\" she said. ",
        ] {
            assert!(linter().check(&s.repeat(2)).is_empty(), "{s}");
        }
    }

    #[test]
    fn flags_a_headline_with_a_quoted_title_repeated_in_the_body() {
        let text = "Streamer orders drama from former \"This Is Us\" writers\n\nStreamer orders drama from former \"This Is Us\" writers. It said so.";
        assert_eq!(linter().check(text).len(), 1);
    }

    #[test]
    fn flags_a_headline_repeated_below_a_byline_in_one_paragraph() {
        let text = "Ad\nRiverton mayor resigns after audit finds spending irregularities\nBy: Tom Okafor\nRiverton mayor resigns after audit finds spending irregularities. The mayor left.";
        let fixed = linter().fix(text, FixMode::Unsafe).unwrap().text;
        assert_eq!(
            fixed,
            "Ad\nRiverton mayor resigns after audit finds spending irregularities\nBy: Tom Okafor\nThe mayor left."
        );
    }

    #[test]
    fn leaves_a_repeated_caption_with_its_credit_to_duplicated_caption() {
        let text = "The headquarters of the firm in Shenzhen, Guangdong. Photo: Xinhua\n\nThe headquarters of the firm in Shenzhen, Guangdong. Photo: Xinhua";
        assert!(linter().check(text).is_empty());
    }

    #[test]
    fn compares_words_ignoring_case_in_any_script() {
        assert!(super::same_word("Plan", "plan"));
        assert!(super::same_word("ÉTÉ", "été"));
        assert!(super::same_word("k", "\u{212A}"), "the Kelvin sign lowercases to k");
        assert!(!super::same_word("plan", "plans"));
    }

    #[test]
    fn stays_linear_on_many_sentences() {
        let text: String = (0..20_000)
            .map(|i| format!("Sentence number {i} has six words here. "))
            .collect();
        assert!(linter().check(&text).is_empty());
    }
}
