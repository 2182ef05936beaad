//! The parts of a Markdown text that are not prose, so no rule touches them.

use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use regex::Regex;

use crate::span::Span;

/// A reference definition, `[id]: https://…`, which the parser keeps to itself.
static REFERENCE_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$").expect("pattern compiles"));

/// A container's fence, `::: tip` or `:::` (VitePress, Docusaurus, Pandoc),
/// which CommonMark reads as text: a line of marks, but structure.
static CONTAINER_FENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ {0,3}:{3,}.*$").expect("pattern compiles"));

/// Code blocks and spans, HTML, front matter, tables, thematic breaks, hard
/// line breaks (the trailing spaces that make them), link and image
/// targets, autolinks and reference definitions: sorted, disjoint byte spans.
pub fn regions(text: &str) -> Vec<Span> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out: Vec<Span> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let span = Span::new(range.start, range.end);
        match event {
            // An indented code block's range starts after its indentation.
            Event::Start(Tag::CodeBlock(_)) => {
                let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                out.push(Span::new(line_start, span.end))
            }
            Event::Start(Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::Table(_) | Tag::Image { .. }) => out.push(span),
            Event::Start(Tag::Link { link_type, .. }) => match link_type {
                LinkType::Autolink | LinkType::Email => out.push(span),
                // The target: from the `](` or `][` that ends the link text.
                // A text of one word is a name (`[lazy_static](…)`) whole.
                _ => {
                    let s = span.slice(text);
                    if let Some(i) = s.rfind("](").or_else(|| s.rfind("][")) {
                        let one_word = !s[..i].contains(char::is_whitespace);
                        out.push(Span::new(
                            if one_word { span.start } else { span.start + i + 1 },
                            span.end,
                        ));
                    }
                }
            },
            // A heading's marks, `## ` or the underline, so that no rule
            // takes the heading for a line of page furniture.
            Event::Start(Tag::Heading { .. }) => {
                let s = span.slice(text);
                let hashes = s.len() - s.trim_start_matches('#').len();
                if hashes > 0 {
                    out.push(Span::new(span.start, span.start + hashes));
                } else if let Some(i) = s.trim_end().rfind('\n') {
                    out.push(Span::new(span.start + i + 1, span.start + s.trim_end().len()));
                }
            }
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Rule
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => out.push(span),
            // The range starts at the spaces (or backslash) before the line end.
            Event::HardBreak => out.push(span),
            _ => {}
        }
    }
    out.extend(
        REFERENCE_DEFINITION
            .find_iter(text)
            .chain(CONTAINER_FENCE.find_iter(text))
            .map(|m| Span::new(m.start(), m.end())),
    );
    // Nested regions (a code span in a table) merge into the outer one.
    crate::span::merged(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        regions(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn code_front_matter_html_and_targets_are_not_prose() {
        let text = "---\ntitle: A , B\n---\n\nSee `a , b` and [the docs](https://x.example/a,b).\n\n```\nlet x = a , b;\n```\n\n<div class=\"x\">raw</div>\n\n    indented , code\n\n[id]: https://x.example/ref\n";
        assert_eq!(
            found(text),
            [
                "---\ntitle: A , B\n---",
                "`a , b`",
                "(https://x.example/a,b)",
                "```\nlet x = a , b;\n```",
                "<div class=\"x\">raw</div>\n",
                "    indented , code\n",
                "[id]: https://x.example/ref",
            ]
        );
    }

    #[test]
    fn a_one_word_link_is_a_name_whole_and_headings_keep_their_marks() {
        let text =
            "## Related\n\n* [lazy_static](https://x.example/l) and [the docs](https://x.example/d)\n\nTitle\n-----\n";
        assert_eq!(
            found(text),
            [
                "##",
                "[lazy_static](https://x.example/l)",
                "(https://x.example/d)",
                "-----"
            ]
        );
    }

    #[test]
    fn a_containers_fences_are_structure() {
        let text = "::: tip Note\nInstall Node.js first.\n:::\n";
        assert_eq!(found(text), ["::: tip Note", ":::"]);
    }

    #[test]
    fn a_hard_break_keeps_its_trailing_spaces() {
        let text = "First line  \nsecond line.\n";
        assert_eq!(found(text), ["  \n"]);
    }

    #[test]
    fn thematic_breaks_tables_and_autolinks_are_not_prose() {
        let text = "A.\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nMail <a@b.example>.\n";
        assert_eq!(
            found(text),
            ["---\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "<a@b.example>"]
        );
    }
}
