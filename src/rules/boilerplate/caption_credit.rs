use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;
use crate::text::credits::credits;
use crate::text::inline_removal;

pub struct CaptionCredit;

static META: RuleMeta = RuleMeta {
    code: "B002",
    name: "caption-credit",
    family: Family::Boilerplate,
    summary: "A photo caption or credit spliced into the body text",
    docs: "\
Flags photo credits that a scraper spliced into the article text:
`Photo: Reuters`, `Photograph: AFP via Getty Images`, `(Photo by Jane
Doe/AFP)`, `Image source, Getty Images`, `File photo`, and keyword-less
credits standing between sentences (`…on Monday. Aly Song/Reuters The port…`).
When the sentence right before a credit reads like a caption (`… is seen
at…`, `pictured`, `poses`, `(L)`), that sentence is flagged too.

A line labelled `Image caption, …` is a caption too.

Captions and credits sit next to images on the page; text extraction pulls
them into the running text, where they interrupt the article.

A credit is recognised by shape: a keyword with a colon (or `by`,
`source,`) followed by capitalised names, ending where a new sentence, a
line break or markup starts. Prose that mentions photos (`the photo was
taken by Reuters`, `Getty Images sued…`, `licensed from Getty Images`) is
left alone, and so is a title-case headline after the keyword (`Video: Three
Hopes for an Ebola Treatment`): a capitalised number, pronoun, question word
or inner preposition is no part of a name. So are credits inside a leaked `alt=…>` attribute, which the
markup rules remove whole.

Fix (unsafe): delete the credit and the space before it. A caption
sentence is only reported: where it starts is often unclear.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English, Lang::French]),
    flags: &[
        Fixture {
            input: "Talks resumed on Monday. Photo: AFP The two sides met in Geneva.",
            output: "Talks resumed on Monday. The two sides met in Geneva.",
        },
        Fixture {
            input:
                "The chief executive is seen at a launch in Paris on May 2, 2024. Photo: Bloomberg\n\nThe firm grew.",
            output: "The chief executive is seen at a launch in Paris on May 2, 2024.\n\nThe firm grew.",
        },
        Fixture {
            input:
                "The minister spoke (Photo by Jane Doe/AFP) to reporters.\n\nImage source, Getty Images\n\nShe left.",
            output: "The minister spoke to reporters.\n\nShe left.",
        },
    ],
    keeps: &[
        "The photo was taken by Reuters on Monday.",
        "Getty Images sued the start-up over its training data.",
        "The firm licensed pictures from Getty Images last year.",
        "Photo: a man walks past the company’s office.",
        "GPT 3.5 and 01.AI (LLMs) were compared at 10:30 by Yi-34B.",
        "The site is https://example.com/photo:reuters and/or AP-style.",
        "The clinic opened. Video: Three Hopes for an Ebola Treatment. Doctors were pleased.",
        "Video: With Coverage Through Obamacare, She Opts for Surgery",
    ],
};

/// Sentences that describe a picture rather than report news.
static CAPTION_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:is|are|was|were)\s+(?:seen|pictured|shown|displayed|photographed)(?-u:\b)|(?-u:\b)pictured(?-u:\b)|(?-u:\b)poses?(?-u:\b)|\((?:L|R|C|left|right|centre|center)\)",
    )
    .expect("pattern compiles")
});

impl Rule for CaptionCredit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        caption_labels(doc, out);
        let found = credits(doc);
        if found.is_empty() {
            return;
        }
        let text = doc.text();
        let mut last_caption: Option<Span> = None;
        for c in found {
            let credit = c.span.slice(text);
            out.push(
                Diagnostic::new(&META, c.span, format!("photo credit `{credit}` in the body text")).with_fix(
                    Fix::unsafe_edit("remove the credit", Edit::delete(inline_removal(doc, c.span))),
                ),
            );
            if let Some(caption) = caption_before(doc, c.span.start) {
                if last_caption != Some(caption) {
                    last_caption = Some(caption);
                    out.push(Diagnostic::new(
                        &META,
                        caption,
                        "photo caption spliced into the body text",
                    ));
                }
            }
        }
    }
}

/// `Image caption, Riverton City Hall on Monday`: a labelled caption. On a
/// line of its own the line goes; glued inside a line, where the caption
/// ends is unclear, so it is only reported.
fn caption_labels(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    if !doc.bytes().contains(b',') {
        return;
    }
    for at in memchr::memmem::find_iter(text.as_bytes(), b"Image caption, ") {
        let line = doc.line_index(at);
        let span = doc.lines()[line];
        let line_text = span.slice(text);
        let glued = !text[span.start..at].trim().is_empty();
        let caption = Span::new(at, span.start + line_text.trim_end().len());
        let diag = Diagnostic::new(&META, caption, "photo caption spliced into the body text");
        out.push(if glued {
            diag
        } else {
            diag.with_fix(Fix::unsafe_edit(
                "remove the caption",
                Edit::delete(crate::text::line_removal(doc, line)),
            ))
        });
    }
}

/// The longest caption sentence read, in bytes.
const MAX_CAPTION: usize = 600;

/// The caption-like sentence that ends right before `at` on the same line.
fn caption_before(doc: &Document, at: usize) -> Option<Span> {
    let text = doc.text();
    let end = text[..at].trim_end_matches([' ', '\t']).len();
    if end == at || end == 0 || !text[..end].ends_with(['.', '”', '"', ')']) {
        return None;
    }
    let sentences = doc.sentences();
    let i = sentences.partition_point(|s| s.end < end);
    let s = sentences.get(i).filter(|s| s.start < end)?;
    // A caption is one sentence of a line or two; a longer run is body text,
    // and skipping it keeps a long unpunctuated paragraph linear.
    if end - s.start > MAX_CAPTION {
        return None;
    }
    // The segmenter does not split before a bullet (`…end.   - A man…`);
    // a caption starts after such a break.
    let body = &text[s.start..end];
    let cut = ["   ", " - ", " • "]
        .iter()
        .filter_map(|b| body.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let rest = &body[cut..];
    let start = s.start + cut + (rest.len() - rest.trim_start_matches(['-', '•', ' ']).len());
    let caption = Span::new(start, end);
    CAPTION_SHAPE.is_match(caption.slice(text)).then_some(caption)
}

#[cfg(test)]
mod tests {

    fn check(text: &str) -> Vec<(String, bool)> {
        crate::rules::testing::english(&super::META)
            .check(text)
            .into_iter()
            .map(|d| (d.span.slice(text).to_string(), d.fix.is_some()))
            .collect()
    }

    #[test]
    fn flags_the_caption_before_a_credit_without_fixing_it() {
        let found = check("The logo is seen at an office in Berlin on May 1. Photo: EPA The firm said.");
        assert_eq!(
            found,
            [
                ("The logo is seen at an office in Berlin on May 1.".to_string(), false),
                ("Photo: EPA".to_string(), true),
            ]
        );
    }

    #[test]
    fn stays_linear_on_one_long_paragraph_of_credits() {
        // No sentence ends, so each credit's sentence is the whole paragraph;
        // reading it back for each credit made this quadratic.
        let text = "(the mayor spoke) (Photo by John Doe) ".repeat(20_000);
        let found = check(&text);
        assert_eq!(found.len(), 20_000);
        assert!(found.iter().all(|(credit, _)| credit == "(Photo by John Doe)"));
    }

    #[test]
    fn removes_a_labelled_caption_line() {
        let linter = crate::rules::testing::english(&super::META);
        let fixed = linter
            .fix(
                "He resigned.\nImage caption, City Hall on Monday\nThe council met.",
                crate::FixMode::Unsafe,
            )
            .unwrap();
        assert_eq!(fixed.text, "He resigned.\nThe council met.");
    }

    #[test]
    fn flags_a_file_photo_label() {
        assert_eq!(check("He resigned in 2019. File photo").len(), 1);
    }

    #[test]
    fn leaves_a_credit_inside_a_leaked_attribute_to_the_markup_rules() {
        let found = check("A logo is seen. Photo: Reuters alt=A logo is seen. Photo: Reuters>");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(s, _)| !s.contains("alt")));
    }
}
