use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::METADATA_FIELDS;
use crate::prelude::*;
use crate::segment::is_opener;
use crate::text::{first_char, line_removal};

use super::boilerplate_line::is_record_field;

pub struct CrawlMetadata;

static META: RuleMeta = RuleMeta {
    code: "B001",
    name: "crawl-metadata",
    family: Family::Boilerplate,
    summary: "Crawler or CMS metadata (date stamps, bylines, breadcrumbs) glued to the text",
    docs: "\
Flags page metadata at the start of a line: a date field glued to the first
sentence (` date 2023-12-18 TikTok’s parent…`), publication stamps
(`Published: 18 December 2023`, `Updated 3 hours ago`, `Last updated on
Dec 18, 2023 at 10:15 am ET`, `Publié le 12/09/2023 à 10 h 30`), bylines
with a timestamp (`By: Jane Doe | 18.12.2023, 13:15`, also after a role:
`By Tom Reilly, Local Democracy Reporter | 14.11.2023, 08:12`), staff lines that
fill a line (`Editor: Wang Jing`, `Reporting by Jane Doe; Editing by Ann
Lee`) and breadcrumb trails (`Home > News > Tech`, `Home / World / Asia`).

Crawlers and CMS exports prepend these fields to the article body; they are
not part of the text.

Recognised by shape and position: a field name (`date`, `published`,
`updated`, `posted`, `By`) at the start of a line followed by a date, a
time or a relative time; or a whole line of three or more short Title Case
segments joined by `>`, `»` or `›` (or by `/` or `|` after `Home`). A date
inside a sentence is never touched: `On 2023-12-18 the firm said…`,
`Date night is…`, `Published 18 December 2023, the report found…` (a comma
after the stamp means prose), `Updated guidance was issued…`.

Fix (unsafe): delete the metadata with the whitespace around it, so the
line starts clean; a line that is only metadata is deleted with its line
break, keeping the blank line between paragraphs.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English, Lang::French]),
    flags: &[
        Fixture {
            input: " published 2024-03-02 Samsung’s chip unit said profits rose.",
            output: "Samsung’s chip unit said profits rose.",
        },
        Fixture {
            input: "By: Jane Doe | 02.03.2024, 09:40\nThe chip unit said profits rose.",
            output: "The chip unit said profits rose.",
        },
        Fixture {
            input: "By Tom Reilly, Local Democracy Reporter | 14.11.2023, 08:12\nThe council met.",
            output: "The council met.",
        },
        Fixture {
            input: "Home > Business > Technology\n\nUpdated 3 hours ago\n\nProfits rose.\n",
            output: "Profits rose.\n",
        },
        Fixture {
            input: "Profits rose.\n\nLast updated on March 2, 2024 at 10:15 am ET\n",
            output: "Profits rose.\n",
        },
    ],
    keeps: &[
        "On 2023-12-18 the firm said it would appeal.",
        "Date night is a tradition for many couples.",
        "Published 18 December 2023, the report found wide gaps.",
        "Updated guidance was issued on Monday.",
        "By 2030, the company hopes to double sales.",
        "By Tom Reilly, Local Democracy Reporter\nBy Ann Lee, Senior Writer, in 2023 | 14 pages",
        "Yes / No / Maybe were the three answers.",
        "He posted 3.5 points at 10:30 in the U.S. e.g. on 01.AI.",
        "Document: gentoo\nTitle: Gentoo Manual\nAuthor: Emil Brink\nAbstract: This manual describes what Gentoo is.",
    ],
};

const KEY: &str = r"(?i:publi[ée]+(?:[\ \t]+le)?|mis[\ \t]+à[\ \t]+jour(?:[\ \t]+le)?|date|published(?:[\ \t]+(?:on|at|date))?|updated(?:[\ \t]+(?:on|at))?|last[\ \t]+(?:updated|modified)(?:[\ \t]+(?:on|at))?|posted(?:[\ \t]+(?:on|at))?|modified|created|first[\ \t]+published(?:[\ \t]+on)?|publish[\ \t]+date|timestamp)";
const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?[\ \t]+)?";
const ZONE: &str = r"(?:UTC|GMT|ET|EST|EDT|CT|CST|CDT|MT|MST|PT|PST|PDT|BST|CET|CEST|HKT|SGT|JST|KST|IST|AEST|AEDT)(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?";

/// A date, a date and time, or a relative time. ASCII classes only (`[0-9]`,
/// not `\d`), which keeps the automaton small.
static STAMP: LazyLock<String> = LazyLock::new(|| {
    let date = format!(
        r"(?:[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}(?:T[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?|[0-9]{{4}}/[0-9]{{1,2}}/[0-9]{{1,2}}|[0-9]{{1,2}}[./-][0-9]{{1,2}}[./-][0-9]{{2,4}}|{MONTH}[\ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?,?[\ \t]+[0-9]{{4}}|[0-9]{{1,2}}(?:st|nd|rd|th)?[\ \t]+{MONTH},?[\ \t]+[0-9]{{4}})"
    );
    let time = format!(
        r"(?:,?[\ \t]*(?:at[\ \t]+)?[0-9]{{1,2}}[:.][0-9]{{2}}(?::[0-9]{{2}})?(?:[\ \t]?[AaPp]\.?[Mm]\.?)?(?:[\ \t]?{ZONE})?|[\ \t]+à[\ \t]+[0-9]{{1,2}}[\ \t]*h[\ \t]*[0-9]{{2}})?"
    );
    let relative = r"[0-9]{1,3}[\ \t]+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)[\ \t]+ago|just[\ \t]+now";
    format!("(?:{WEEKDAY}{date}{time}|{relative})")
});

/// A field name and a stamp at the start of a line, maybe two joined by `|`.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    let stamp = &*STAMP;
    Regex::new(&format!(
        r"^[\ \t]*{KEY}[\ \t]*[:=]?[\ \t]*{stamp}(?:[\ \t]*[|•·][\ \t]*(?:{KEY}[\ \t]*[:=]?[\ \t]*)?{stamp})?"
    ))
    .expect("field pattern compiles")
});

/// What follows a byline's name: a separator, maybe a field name, a stamp.
static BYLINE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    let stamp = &*STAMP;
    Regex::new(&format!(
        r"^[\ \t]*[|•·,–—-][\ \t]*(?:{KEY}[\ \t]*[:=]?[\ \t]*)?{stamp}"
    ))
    .expect("byline pattern compiles")
});

/// `Editor: Wang Jing`, `Reporting by Jane Doe; Editing by Ann Lee`: a
/// staff field that fills its line.
static STAFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\ \t]*(?:(?:Editor|Reporter|Writer|Author|Source|Translator)s?[\ \t]*[:：]|(?:Edited|Reporting|Written|Compiled|Translated|Additional[\ \t]+reporting)[\ \t]+by[\ \t:：]*)[\ \t]*",
    )
    .expect("staff pattern compiles")
});

/// True when `s` is a whole staff line: a field, then names only.
fn is_staff_line(s: &str) -> bool {
    let Some(m) = STAFF.find(s) else {
        return false;
    };
    let rest = s[m.end()..].trim_end();
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=12).contains(&words.len())
        && words.iter().any(|w| first_char(w).is_uppercase())
        && words
            .iter()
            .all(|w| first_char(w).is_uppercase() || NAME_JOINERS.contains(w) || *w == "by" || *w == "in")
        && !rest.ends_with(['.', '?', '!'])
}

/// Lowercase words that may join the parts of a name (`Ursula von der Leyen`).
const NAME_JOINERS: [&str; 9] = ["al", "and", "bin", "da", "de", "del", "der", "van", "von"];

/// `By: Jane Doe | 18.12.2023, 13:15`: the end of a byline with a stamp,
/// relative to the line. A byline without a stamp is an author line and
/// stays.
fn byline_end(s: &str) -> Option<usize> {
    let t = s.trim_start_matches([' ', '\t']);
    let rest = t.strip_prefix("By")?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let mut at = s.len() - rest.len();
    let mut names = 0;
    for _ in 0..5 {
        let tail = &s[at..];
        let word_start = at + (tail.len() - tail.trim_start_matches([' ', '\t']).len());
        let word = s[word_start..]
            .split(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
            .next()
            .unwrap_or("");
        let is_name = first_char(word).is_uppercase();
        if word.is_empty() || !(is_name || (names > 0 && NAME_JOINERS.contains(&word))) {
            break;
        }
        names += usize::from(is_name);
        at = word_start + word.len();
    }
    if names == 0 {
        return None;
    }
    BYLINE_STAMP.find(&s[at..]).map(|m| at + m.end()).or_else(|| {
        let role = role_end(s, at)?;
        BYLINE_STAMP.find(&s[role..]).map(|m| role + m.end())
    })
}

/// `, Local Democracy Reporter`: a role after a byline's name, up to six
/// Title Case words (or `of`, `for`, `and`, `the`); where it ends.
fn role_end(s: &str, at: usize) -> Option<usize> {
    let rest = s[at..].strip_prefix(',')?;
    let mut end = s.len() - rest.len();
    let mut words = 0;
    for word in rest.split([' ', '\t']) {
        if word.is_empty() {
            end += 1;
            continue;
        }
        let capitalised = first_char(word).is_uppercase() && word.chars().all(|c| c.is_alphabetic() || c == '-');
        if words == 6 || !(capitalised || (words > 0 && ["of", "for", "and", "the"].contains(&word))) {
            break;
        }
        words += 1;
        end += word.len() + 1;
    }
    (words > 0).then(|| end.min(s.len()))
}

impl Rule for CrawlMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        // A stamp has a digit, or is `just now`.
        let has_digit = (b'0'..=b'9').any(|d| bytes.contains(d)) || bytes.contains(b'j');
        let has_separator = bytes.any(b">/|") || bytes.has_non_ascii();
        let text = doc.text();
        for (index, &line) in doc.lines().iter().enumerate() {
            let s = line.slice(text);
            let trimmed_start = s.trim_start_matches([' ', '\t']);
            if !first_char(trimmed_start).is_alphabetic() {
                continue;
            }
            if has_digit && METADATA_FIELDS.contains(first_word(trimmed_start)) {
                let end = FIELD.find(s).map(|m| m.end()).or_else(|| byline_end(s));
                if let Some(end) = end {
                    if let Some(d) = stamp_diagnostic(doc, index, line, end) {
                        out.push(d);
                        continue;
                    }
                }
            }
            if s.len() <= 200
                && METADATA_FIELDS.contains(first_word(trimmed_start))
                && is_staff_line(s)
                && !in_record(doc, index)
            {
                out.push(
                    Diagnostic::new(&META, trimmed(line, s), "staff credit line in the text").with_fix(
                        Fix::unsafe_edit("remove the line", Edit::delete(line_removal(doc, index))),
                    ),
                );
                continue;
            }
            if has_separator && s.len() <= 160 && is_breadcrumb(s) {
                out.push(
                    Diagnostic::new(&META, trimmed(line, s), "breadcrumb navigation in the text").with_fix(
                        Fix::unsafe_edit("remove the line", Edit::delete(line_removal(doc, index))),
                    ),
                );
            }
        }
    }
}

/// Whether the line at `index` sits in a block of fields, two of them no
/// page's metadata (`Title: Gentoo Manual` over `Author: Emil Brink`, then
/// `Abstract: …`): a record the text shows, a doc-base or control file,
/// whose `Author:` is data. One such field (`Photo: CFP`) is a caption's.
fn in_record(doc: &Document, index: usize) -> bool {
    let (text, lines) = (doc.text(), doc.lines());
    let field = |i: usize| {
        let t = lines[i].slice(text).trim();
        is_record_field(t).then(|| !METADATA_FIELDS.contains(first_word(t)))
    };
    let above = (index.saturating_sub(3)..index).rev().map_while(field);
    let below = (index + 1..lines.len().min(index + 4)).map_while(field);
    above.chain(below).filter(|&other| other).count() >= 2
}

/// The diagnostic for a metadata prefix ending at `end` (relative to the
/// line), unless what follows shows the stamp belongs to a sentence.
fn stamp_diagnostic(doc: &Document, index: usize, line: Span, end: usize) -> Option<Diagnostic> {
    let s = line.slice(doc.text());
    let rest = s[end..].trim_start_matches([' ', '\t', '|', '•', '·']);
    let flagged = Span::new(line.start + (s.len() - s.trim_start().len()), line.start + end);
    let diag = Diagnostic::new(&META, flagged, "crawler metadata glued to the text");
    if rest.trim().is_empty() {
        return Some(diag.with_fix(Fix::unsafe_edit(
            "remove the line",
            Edit::delete(line_removal(doc, index)),
        )));
    }
    // Glued to a sentence: it must start fresh, not continue (`…2023, the`).
    let next = first_char(rest);
    if !(next.is_uppercase() || is_opener(next)) || !s[end..].starts_with([' ', '\t']) {
        return None;
    }
    let removal = Span::new(line.start, line.start + s.len() - rest.len());
    Some(diag.with_fix(Fix::unsafe_edit("remove the metadata", Edit::delete(removal))))
}

fn trimmed(line: Span, s: &str) -> Span {
    let start = line.start + (s.len() - s.trim_start().len());
    Span::new(start, line.start + s.trim_end().len())
}

/// The letters `s` starts with (`Publié`), for field-name lookups.
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

/// Lowercase words that may join a breadcrumb segment's words (`Arts & Culture`).
const SEGMENT_JOINERS: [&str; 4] = ["&", "and", "of", "the"];

/// True for `Home > News > Tech`: three to eight Title Case segments of one
/// to four words, joined by one kind of separator. `/` and `|` trails must
/// start at `Home`, since `Yes / No / Maybe` and share-button rows use them too.
fn is_breadcrumb(s: &str) -> bool {
    let Some(sep) = s.chars().find(|c| matches!(c, '>' | '»' | '›' | '/' | '|')) else {
        return false;
    };
    if s.chars().any(|c| matches!(c, '>' | '»' | '›' | '/' | '|') && c != sep) {
        return false;
    }
    let segments = s.split(sep).count();
    if !(3..=8).contains(&segments) {
        return false;
    }
    let mut first = "";
    for (i, segment) in s.split(sep).enumerate() {
        let segment = segment.trim();
        if i == 0 {
            first = segment;
        }
        let words = segment.split_whitespace().count();
        if !(1..=4).contains(&words) {
            return false;
        }
        for (j, word) in segment.split_whitespace().enumerate() {
            let shaped = word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '&' | '\'' | '’' | '.' | '-'));
            let titled = first_char(word).is_uppercase();
            if !shaped || !(titled || (j > 0 && SEGMENT_JOINERS.contains(&word))) {
                return false;
            }
        }
    }
    !matches!(sep, '/' | '|')
        || ["home", "homepage", "start", "main"]
            .iter()
            .any(|h| first.eq_ignore_ascii_case(h))
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::english(&super::META)
    }

    fn fix(text: &str) -> String {
        linter().fix(text, FixMode::Unsafe).unwrap().text
    }

    #[test]
    fn removes_a_date_field_glued_to_the_first_sentence() {
        assert_eq!(
            fix("date 2024-01-05 Alibaba’s cloud arm cut prices.\n\nMore text."),
            "Alibaba’s cloud arm cut prices.\n\nMore text."
        );
    }

    #[test]
    fn removes_a_stamp_pair() {
        assert_eq!(fix("Published: 5 Jan 2024 | Updated: 6 Jan 2024\n\nText."), "Text.");
    }

    #[test]
    fn removes_a_slash_breadcrumb_that_starts_at_home() {
        assert_eq!(fix("Home / World / Asia\n\nText."), "Text.");
    }

    #[test]
    fn keeps_a_stamp_that_a_sentence_continues() {
        assert!(linter()
            .check("Posted 3 days ago by a user, the video spread.")
            .is_empty());
        assert!(linter().check("Updated 2024-01-05 figures show growth.").is_empty());
    }

    #[test]
    fn removes_staff_lines_and_french_stamps() {
        assert_eq!(
            fix("Text.\n\nPhoto: CFP\nEditor: Wang Jing\nSource link"),
            "Text.\n\nPhoto: CFP\nSource link"
        );
        assert_eq!(
            fix("Publié le 12/09/2023 à 10 h 30 · Mis à jour le 12/09/2023 à 11 h 05\n\nTexte."),
            "Texte."
        );
    }

    #[test]
    fn keeps_prose_that_starts_with_a_field_name() {
        assert!(linter()
            .check("Editor: the job nobody wants.\n\nSource code was leaked.")
            .is_empty());
    }

    #[test]
    fn keeps_a_plain_byline() {
        assert!(linter().check("By Jane Doe\n\nText.").is_empty());
    }

    #[test]
    fn keeps_mixed_separators() {
        assert!(linter().check("News > World / Asia | Today").is_empty());
    }
}
