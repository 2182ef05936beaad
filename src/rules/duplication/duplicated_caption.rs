use crate::prelude::*;
use crate::text::credits::credits;
use crate::text::inline_removal;

pub struct DuplicatedCaption;

static META: RuleMeta = RuleMeta {
    code: "D003",
    name: "duplicated-caption",
    family: Family::Duplication,
    summary: "A photo caption and its credit repeated back to back",
    docs: "\
Flags a caption with its credit that appears twice in a row, on one line,
on consecutive lines or in consecutive paragraphs: `The logo is seen in
Shanghai. Photo: Reuters The logo is seen in Shanghai. Photo: Reuters`.

Pages carry a caption twice (visible text and a figure caption or a
lightbox copy); text extraction keeps both.

The unit compared ends with a photo credit (see `caption-credit`); the
text from one credit to the next identical credit must equal, byte for
byte, the text just before the first credit, with at least three words of
caption. A copy inside a leaked `alt=…>` attribute is left to the markup
rules, which remove the attribute whole.

Fix (unsafe): delete the second copy and the space before it.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "The logo is seen at an office in Berlin. Photo: EPA The logo is seen at an office in Berlin. Photo: EPA\n\nThe firm grew.",
            output: "The logo is seen at an office in Berlin. Photo: EPA\n\nThe firm grew.",
        },
        Fixture {
            input: "Workers leave the plant in Ohio (Photo by Jane Doe/AP) Workers leave the plant in Ohio (Photo by Jane Doe/AP) after the shift.",
            output: "Workers leave the plant in Ohio (Photo by Jane Doe/AP) after the shift.",
        },
    ],
    keeps: &[
        "The logo is seen in Berlin. Photo: EPA The office is seen in Paris. Photo: EPA",
        "The logo of the firm is seen. Photo: Reuters alt=The firm’s logo is seen. Photo: Reuters>",
        "A logo is seen. Photo: Reuters alt=A logo is seen. Photo: Reuters>",
        "Photo: EPA Photo: EPA",
    ],
};

impl Rule for DuplicatedCaption {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let found = credits(doc);
        if found.len() < 2 {
            return;
        }
        let text = doc.text();
        for pair in found.windows(2) {
            let (a, b) = (pair[0].span, pair[1].span);
            if a.slice(text) != b.slice(text) {
                continue;
            }
            let between = &text[a.end..b.start];
            let lead = between.len() - between.trim_start().len();
            // The copies may sit on separate lines, but nothing between them
            // may be markup (`alt=…>` is the markup rules').
            if between[lead..].contains(['\n', '=', '<', '>']) {
                continue;
            }
            let second = Span::new(a.end + lead, b.end);
            let unit = second.slice(text);
            let Some(first_start) = a.end.checked_sub(unit.len()) else {
                continue;
            };
            if !text.is_char_boundary(first_start) || &text[first_start..a.end] != unit {
                continue;
            }
            // At least three words of caption before the credit.
            let caption_words = doc.words_in(Span::new(second.start, b.start)).len();
            if caption_words < 3 {
                continue;
            }
            // A copy that starts its own line goes without the line break
            // before it, so text after it on that line keeps its paragraph.
            let removal = if between[..lead].contains('\n') {
                inline_removal(doc, second)
            } else {
                Span::new(a.end, b.end)
            };
            out.push(
                Diagnostic::new(&META, second, "caption repeated right after itself")
                    .with_fix(Fix::unsafe_edit("remove the repeated caption", Edit::delete(removal))),
            );
        }
    }
}

#[cfg(test)]
mod tests {

    fn check(text: &str) -> usize {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .check(text)
            .len()
    }

    #[test]
    fn flags_a_caption_repeated_with_a_keyless_credit() {
        assert_eq!(
            check("Ships dock in Busan. Kim Lee/Reuters Ships dock in Busan. Kim Lee/Reuters"),
            1
        );
    }

    #[test]
    fn removes_a_caption_repeated_on_the_next_line_or_paragraph() {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        let fix = |t: &str| linter.fix(t, crate::FixMode::Unsafe).unwrap().text;
        assert_eq!(
            fix("A store in the city centre. (Photo by Ann Lee/AP)\nA store in the city centre. (Photo by Ann Lee/AP)\n\nNext."),
            "A store in the city centre. (Photo by Ann Lee/AP)\n\nNext."
        );
        assert_eq!(
            fix("The head office in Shenzhen. Photo: Xinhua\n\nThe head office in Shenzhen. Photo: Xinhua\n\nNext."),
            "The head office in Shenzhen. Photo: Xinhua\n\nNext."
        );
        assert_eq!(
            fix("The head office in Shenzhen. Photo: Xinhua\n\nThe head office in Shenzhen. Photo: Xinhua Sales rose."),
            "The head office in Shenzhen. Photo: Xinhua\n\nSales rose."
        );
    }

    #[test]
    fn keeps_the_same_credit_on_different_captions() {
        assert_eq!(
            check("Ships dock. Photo: AFP Trains leave. Photo: AFP Trucks wait. Photo: AFP"),
            0
        );
    }
}
