use crate::prelude::*;

pub struct TrailingWhitespace;

static META: RuleMeta = RuleMeta {
    code: "W004",
    name: "trailing-whitespace",
    family: Family::Whitespace,
    summary: "Spaces, tabs or other blank characters at the end of a line",
    docs: "\
Flags whitespace between the last visible character of a line and its line
break (or the end of the text): `no damage reported. ⏎`, and blank lines
that hold only spaces.

Scrapers keep the space that stood before a removed `<br>`, link or caption;
editors leave it after deleting the end of a sentence. It is invisible, but
it breaks diffs, line joins and exact-match searches.

Only spaces, tabs and the other Unicode space separators (no-break space,
thin space, ideographic space…) count. The line terminator itself is never
touched: `\\r\\n` stays `\\r\\n`, a final newline stays, and a lone `\\r` is left
to the unicode rules. Markdown's two-space hard break is flagged too; news
text does not use it. An e-mail's signature delimiter, `-- ` alone on its
line, keeps its space: mail readers find the signature by it.

Fix (safe): delete the whitespace.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "no damage reported. \nThere were none.\t\n",
            output: "no damage reported.\nThere were none.\n",
        },
        Fixture {
            input: "organizers expect 900 runners.  \r\n\r\nMusic starts at noon.\r\n",
            output: "organizers expect 900 runners.\r\n\r\nMusic starts at noon.\r\n",
        },
        Fixture {
            input: "One.\n   \nTwo.\u{a0}",
            output: "One.\n\nTwo.",
        },
    ],
    keeps: &[
        "Clean line.\nAnother.\n",
        "Windows line.\r\nAnother.\r\n",
        "  indented but not trailing\n",
        "No final newline",
        "Thanks, that fixed it.\n\n-- \nJane Doe\n",
    ],
};

/// A blank character that may trail a line: a space, a tab or a Unicode
/// space separator. Never `\r`, `\n` or the other line separators.
pub(crate) fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || (c > '\u{7f}' && c.is_whitespace() && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
}

impl Rule for TrailingWhitespace {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        if !bytes.contains(b' ') && !bytes.contains(b'\t') && !bytes.has_non_ascii() {
            return;
        }
        let text = doc.text();
        for &line in doc.lines() {
            let s = line.slice(text);
            // Cheap test on the last byte: ASCII blanks, or any non-ASCII char.
            match s.as_bytes().last() {
                Some(b' ' | b'\t') => {}
                Some(&b) if b >= 0x80 => {}
                _ => continue,
            }
            // `-- ` alone on its line opens an e-mail's signature (RFC 3676):
            // its space is the delimiter's, and mail readers look for it.
            if s == "-- " {
                continue;
            }
            let kept = s.trim_end_matches(is_blank).len();
            if kept == s.len() {
                continue;
            }
            let span = Span::new(line.start + kept, line.end);
            let message = if kept == 0 {
                "a blank line holding whitespace"
            } else {
                "trailing whitespace"
            };
            out.push(
                Diagnostic::new(&META, span, message)
                    .with_fix(Fix::safe_edit("delete the whitespace", Edit::delete(span))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::FixMode;

    fn fix(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn keeps_crlf_terminators() {
        assert_eq!(fix("a \r\nb\t\r\n"), "a\r\nb\r\n");
    }

    #[test]
    fn keeps_the_final_newline() {
        assert_eq!(fix("end.  \n"), "end.\n");
    }

    #[test]
    fn deletes_whitespace_at_the_very_end_of_the_text() {
        assert_eq!(fix("end.   "), "end.");
    }

    #[test]
    fn leaves_a_stray_carriage_return_alone() {
        assert_eq!(fix("a\r\r\nb"), "a\r\r\nb");
    }

    #[test]
    fn deletes_a_trailing_ideographic_space() {
        assert_eq!(fix("end.\u{3000}\n"), "end.\n");
    }

    #[test]
    fn leaves_zero_width_characters_to_the_unicode_rules() {
        assert_eq!(fix("end.\u{200b}\n"), "end.\u{200b}\n");
    }
}
