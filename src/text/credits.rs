//! Photo credits (`Photo: Reuters`, `(Photo by Name/Agency)`, `AFP via Getty
//! Images`), shared by the caption and duplicated-caption rules.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::lexicon::{NUMBER_WORDS, PHOTO_AGENCIES, PREPOSITIONS, SUBJECT_PRONOUNS, WH_WORDS};
use crate::segment::is_opener;
use crate::span::Span;
use crate::text::leading_word;

/// One capitalised name token, and what may join two of them.
const TOKEN: &str = r"\p{Lu}[\p{L}\p{N}.&’'-]*";
/// In a keyword-less credit a token may not end in a period, or the last
/// word of the sentence before (`Busan. Kim Lee/Reuters`) would join it.
const BARE_TOKEN: &str = r"\p{Lu}(?:[\p{L}\p{N}&’'-]*|\.)";
const JOIN: &str = r"(?:[\x20\t]*/[\x20\t]*|[\x20\t]+(?:via|for|and|of|de|del|van|von)[\x20\t]+|[\x20\t]+)";

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let name = format!("{TOKEN}(?:{JOIN}{TOKEN}){{0,5}}");
    // One shared name group keeps the automaton small.
    let pattern = format!(
        r"(?x)^(?:
        \((?:Photos?|Images?|Pictures?|Video)(?:[\ \t]*:|[\ \t]+(?:by|credit:?|courtesy(?:[\ \t]+of)?|via))[\ \t]*[^()\n]{{1,80}}\)
        | (?-u:\b)(?:
              (?:Photo|Photograph|Photos|Picture|Pic|Image|Images|Video|Illustration|Graphic)(?:[\ \t]+credits?)?[\ \t]*:
            | Credits?:
            | Image[\ \t]+source,
            | Photos?[\ \t]+(?:by|courtesy(?:[\ \t]+of)?)[\ \t]
            | (?:File|Handout)[\ \t]+(?:photo|picture|image|photograph)[\ \t]*[:/]
          )[\ \t]*(?P<name>{name})
        | (?-u:\b)(?:File|Handout)[\ \t]+(?:photo|picture|image|photograph)
        )"
    );
    Regex::new(&pattern).expect("credit pattern compiles")
});

/// The keywords every keyed credit starts with: a literal set the regex
/// engine finds fast, so the credit pattern only runs where one sits.
static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("Photo|Picture|Pic|Image|Video|Illustration|Graphic|Credit|File|Handout")
        .expect("keyword pattern compiles")
});

/// Credits without a keyword: `AFP via Getty Images`, `Aly Song/Reuters`.
/// They start with any capitalised word, so they get their own pattern,
/// run only when the text has a `/` or `Getty`.
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    let agencies = PHOTO_AGENCIES.words().join("|");
    let pattern = format!(
        r"(?x)
        (?:{BARE_TOKEN}(?:[\ \t]+{BARE_TOKEN}){{0,2}}[\ \t]+via[\ \t]+)?Getty[\ \t]+Images
        | {BARE_TOKEN}(?:[\ \t]+{BARE_TOKEN}){{0,2}}[\ \t]*/[\ \t]*(?i:{agencies})(?-u:\b)(?:[\ \t]+Images(?-u:\b))?
        "
    );
    Regex::new(&pattern).expect("bare credit pattern compiles")
});

/// Byte offsets of a match in the whole text.
#[derive(Clone, Copy)]
struct Match {
    start: usize,
    end: usize,
}

/// A photo credit, from its keyword (if any) to the end of the name.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Credit {
    pub span: Span,
}

/// Every credit in the text, in order, outside leaked `alt=`/`title=`
/// attributes (the markup rules remove those whole).
/// `Credit: Tomas Munita/CIFOR (CC BY-NC-ND 2.0)`: the licence a credit
/// gives goes with it, or a bare `(CC BY-NC-ND 2.0)` is left behind.
fn licence_after(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let tag = &rest[gap..crate::span::floor_char_boundary(rest, (gap + 40).min(rest.len()))];
    match (tag.starts_with("(CC"), tag.find([')', '\n'])) {
        (true, Some(close)) if tag.as_bytes()[close] == b')' => end + gap + close + 1,
        _ => end,
    }
}

pub(crate) fn credits(doc: &Document) -> Vec<Credit> {
    let text = doc.text();
    let mut out: Vec<Credit> = Vec::new();
    for k in KEYWORD.find_iter(text) {
        if text[..k.start()].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // `(Photo by …)` matches from its bracket, `(Pic: Name)` from the keyword.
        let starts = if text[..k.start()].ends_with('(') {
            [k.start() - 1, k.start()]
        } else {
            [k.start(), k.start()]
        };
        if out.last().is_some_and(|c| c.span.end > starts[0]) {
            continue;
        }
        let Some((from, c)) = starts.iter().find_map(|&from| {
            let mut to = (from + 300).min(text.len());
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            CREDIT.captures(&text[from..to]).map(|c| (from, c))
        }) else {
            continue;
        };
        let m = Match {
            start: from,
            end: from + c.get(0).expect("whole match").end(),
        };
        let name = c.name("name").map(|n| Match {
            start: from + n.start(),
            end: from + n.end(),
        });
        // `The Big Picture: The People…` is a title: a keyed credit starts
        // a line, a sentence or a bracket.
        let paren = text[m.start..].starts_with('(');
        if !paren && !after_boundary(&text[..m.start]) {
            continue;
        }
        let end = match name {
            Some(name) => trim_name(text, name.start, name.end).filter(|&end| !headline(&text[name.start..end])),
            // `(Photo by …)` closes itself.
            None if paren => Some(m.end),
            None => follows_credit(&text[m.end..]).then_some(m.end),
        };
        if let Some(end) = end
            .filter(|_| !inside_attribute(text, m.start))
            .map(|e| licence_after(text, e))
        {
            // `(Pic: Name)`: take the brackets too, or `()` is left behind.
            let bracketed = text[..m.start].ends_with('(') && text[end..].starts_with(')');
            let span = if bracketed {
                Span::new(m.start - 1, end + 1)
            } else {
                Span::new(m.start, end)
            };
            out.push(Credit { span });
        }
    }
    let before = out.len();
    for span in bare_credits(doc) {
        if !out[..before].iter().any(|c| c.span.overlaps(span)) {
            out.push(Credit { span });
        }
    }
    if out.len() > before {
        out.sort_by_key(|c| c.span);
    }
    out
}

/// True when a photo credit starts at byte `at` (`Photo: Reuters`, `(Photo
/// by …)`, `Aly Song/Reuters`), without scanning the whole text.
pub(crate) fn credit_at(text: &str, at: usize) -> bool {
    let mut to = (at + 300).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let window = &text[at..to];
    CREDIT.is_match(window) || BARE.find(window).is_some_and(|m| m.start() == 0)
}

/// Keyword-less credits (`Aly Song/Reuters`, `AFP via Getty Images`). The
/// pattern starts with any capitalised word, so it only runs on a short
/// window before each `/Agency` or `Getty Images` anchor.
fn bare_credits(doc: &Document) -> Vec<Span> {
    let text = doc.text();
    let b = text.as_bytes();
    let mut anchors = Vec::new();
    if doc.bytes().contains(b'/') {
        for p in memchr::memchr_iter(b'/', b) {
            let after = text[p + 1..].trim_start_matches(' ');
            if PHOTO_AGENCIES.contains(leading_word(after)) {
                anchors.push(p);
            }
        }
    }
    if doc.bytes().contains(b'G') {
        anchors.extend(memchr::memmem::find_iter(b, b"Getty Images"));
        anchors.sort_unstable();
    }
    let mut out: Vec<Span> = Vec::new();
    for p in anchors {
        if out.last().is_some_and(|s| s.end > p) {
            continue;
        }
        // A window from the start of a word up to 120 bytes back, on this line.
        let mut from = p.saturating_sub(120);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let head = &text[from..p];
        let from = match head.rfind('\n') {
            Some(nl) => from + nl + 1,
            None if from > 0 => head.find(' ').map_or(p, |sp| from + sp + 1),
            None => 0,
        };
        let mut to = (p + 40).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let Some(m) = BARE
            .find_iter(&text[from..to])
            .map(|m| Span::new(from + m.start(), from + m.end()))
            .find(|m| m.start <= p && p < m.end)
        else {
            continue;
        };
        // Without a keyword, only a credit standing between sentences
        // counts: `…on Monday. AFP via Getty Images`, not `…from Getty Images`.
        if after_sentence_end(&text[..m.start]) && follows_credit(&text[m.end..]) && !inside_attribute(text, m.start) {
            out.push(m);
        }
    }
    out
}

/// The end of a credit's name: a name run swallows the first word of the
/// next sentence (`Reuters The logo…`), so give back trailing tokens until
/// what follows looks like a new start.
fn trim_name(text: &str, start: usize, end: usize) -> Option<usize> {
    // `Photos: The 'Humans of Khartoum'`: an article alone names no one.
    if ["The", "A", "An"].contains(&&text[start..end]) {
        return None;
    }
    // `Credit: Riot Games, ONE Esports`: a list of names may run on past
    // a comma, and giving back `Games` would cut one in half. Only an
    // agency's name is known to end (`Photo: AFP If, despite…`).
    let comma = text[end..].starts_with(',');
    if follows_credit(&text[end..]) {
        return Some(end);
    }
    let cut = text[start..end].rfind([' ', '\t'])?;
    let kept = text[start..start + cut].trim_end();
    let kept = ["via", "for", "and", "of", "de", "del", "van", "von"]
        .iter()
        .find_map(|j| kept.strip_suffix(j).filter(|k| k.ends_with(' ')))
        .unwrap_or(kept)
        .trim_end();
    // A name never ends on `/` or an article (`Picture: The People…`).
    if kept.is_empty()
        || kept.ends_with('/')
        || ["The", "A", "An"]
            .iter()
            .any(|a| kept.ends_with(&format!(" {a}")) || kept == *a)
    {
        return None;
    }
    if comma
        && !PHOTO_AGENCIES.contains(kept.rsplit(['/', ' ']).next().unwrap_or(kept))
        && !kept.ends_with("Getty Images")
    {
        return None;
    }
    let end = start + kept.len();
    follows_credit(&text[end..]).then_some(end)
}

/// True when a credit's name reads as a title-case headline: a capitalised
/// number, question word or pronoun, or a capitalised preposition before
/// another word, is no part of a photographer's or agency's name (`Video:
/// With Coverage Through…`, `Video: Three Hopes for…`). A surname may be a
/// preposition (`Ian Down`), so the last word may be one, as may a short
/// one (`To Chee Kan`); what follows a slash is the outlet (`Chuai Meitu /
/// For China Daily`).
fn headline(name: &str) -> bool {
    let person = name.split('/').next().unwrap_or(name);
    let words: Vec<&str> = person.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        w.starts_with(char::is_uppercase)
            && (NUMBER_WORDS.contains(w)
                || WH_WORDS.contains(w)
                || SUBJECT_PRONOUNS.contains(w)
                || (PREPOSITIONS.contains(w) && w.len() > 2 && i + 1 < words.len()))
    })
}

/// True when `rest`, the text after a credit, shows the credit ended: the
/// end of the line, a closing bracket or markup, or a new capitalised start.
fn follows_credit(rest: &str) -> bool {
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if matches!(first, '\n' | '\r' | '>' | ')' | ']' | '|' | ';') {
        return true;
    }
    if first != ' ' && first != '\t' {
        return false;
    }
    let t = rest.trim_start_matches([' ', '\t']);
    let Some(next) = t.chars().next() else {
        return true;
    };
    if next == '\n' || next == '\r' || next.is_uppercase() || next.is_ascii_digit() {
        return true;
    }
    // A new bullet or a markup tag: `…/ China Daily   - Tourists visit…`.
    if is_opener(next) || matches!(next, '<' | '-' | '–' | '—' | '•') {
        return true;
    }
    // A leaked attribute: `Photo: Reuters alt=…`.
    let word_end = t
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(t.len());
    word_end > 0 && t[word_end..].starts_with('=')
}

/// True when `head` ends where a credit may start: a line, a sentence, a
/// bracket, a bar or a dash.
fn after_boundary(head: &str) -> bool {
    let t = head.trim_end_matches([' ', '\t']);
    after_sentence_end(head) || t.ends_with(['(', '[', '|', '-', '–', '—', ':'])
}

/// True when `head` ends at the start of a line or after a sentence's end.
fn after_sentence_end(head: &str) -> bool {
    let t = head.trim_end_matches([' ', '\t']);
    if t.len() == head.len() && !(head.is_empty() || head.ends_with('\n')) {
        return false;
    }
    let t = t.trim_end_matches(crate::segment::is_closer);
    t.is_empty() || t.ends_with(['\n', '.', '!', '?', '|', '>'])
}

/// True when `at` sits inside a leaked `alt=…>`/`title=…>` attribute.
fn inside_attribute(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(600);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    let line_start = window.rfind('\n').map_or(0, |i| i + 1);
    let window = &window[line_start..];
    let Some(eq) = ["alt=", "title=", "caption=", "data-caption="]
        .iter()
        .filter_map(|k| window.rfind(k))
        .max()
    else {
        return false;
    };
    !window[eq..].contains('>')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        credits(&doc).iter().map(|c| c.span.slice(text)).collect()
    }

    #[test]
    fn finds_keyed_credits_and_gives_back_the_next_sentence() {
        assert_eq!(
            found("A man walks. Photo: Reuters The talks ended."),
            ["Photo: Reuters"]
        );
        assert_eq!(
            found("Seen here. Photograph: AFP via Getty Images\nNext"),
            ["Photograph: AFP via Getty Images"]
        );
    }

    #[test]
    fn finds_a_credit_alone_on_its_line() {
        assert_eq!(found("Why? It was deep.\nPhoto: AFP\nShare this"), ["Photo: AFP"]);
        assert_eq!(
            found("It rose.\n\nImage source, Getty Images\n"),
            ["Image source, Getty Images"]
        );
    }

    #[test]
    fn finds_parenthesised_and_bare_credits() {
        assert_eq!(
            found("He spoke (Photo by Jane Doe/AFP) on Monday."),
            ["(Photo by Jane Doe/AFP)"]
        );
        assert_eq!(
            found("The ship docks. Aly Song/Reuters The port reopened."),
            ["Aly Song/Reuters"]
        );
        assert_eq!(found("He waves. AFP via Getty Images"), ["AFP via Getty Images"]);
    }

    #[test]
    fn takes_the_licence_a_credit_gives_with_it() {
        assert_eq!(
            found("Rock art in Napo province. Credit: Tomas Munita/CIFOR (CC BY-NC-ND 2.0)\n"),
            ["Credit: Tomas Munita/CIFOR (CC BY-NC-ND 2.0)"]
        );
        // The window read for the licence ends inside no character.
        assert_eq!(
            found("It reports. (Photo: Reuters) The Victoria Derbyshire programme is â€” broadcast."),
            ["(Photo: Reuters)"]
        );
    }

    #[test]
    fn takes_the_brackets_around_a_keyed_credit() {
        assert_eq!(found("The isles (Pic: Google Maps) lie north."), ["(Pic: Google Maps)"]);
    }

    #[test]
    fn ignores_a_title_with_a_colon() {
        assert!(found("In the series The Big Picture: The People vs America we explore.").is_empty());
    }

    #[test]
    fn ignores_a_credit_whose_name_cannot_be_cut_cleanly() {
        assert!(found("They won.\n\nCredit: Riot Games, ONE Esports\n").is_empty());
        assert!(found("Nigerians haunted by the missing\n\nPhotos: The 'Humans of Khartoum'\n").is_empty());
        assert_eq!(found("It rained. Photo: Reuters The storm passed."), ["Photo: Reuters"]);
        assert_eq!(found("It rained. Photo: AFP If, despite it, we go."), ["Photo: AFP"]);
        assert_eq!(
            found("It rained. Photo: Getty Images Nevertheless, we went."),
            ["Photo: Getty Images"]
        );
    }

    #[test]
    fn ignores_prose_about_photos_and_agencies() {
        assert!(found("The photo was taken by Reuters.").is_empty());
        assert!(found("Getty Images sued the firm.").is_empty());
        assert!(found("It licensed pictures from Getty Images on Monday.").is_empty());
        assert!(found("Photo: a man walks past.").is_empty());
        assert!(found("Video: With Coverage Through Obamacare, She Opts for Surgery").is_empty());
        assert!(found("It opened. Video: Three Hopes for an Ebola Treatment. Doctors cheered.").is_empty());
        assert_eq!(
            found("It opened.\nPhoto: Ian Down\nDoctors cheered."),
            ["Photo: Ian Down"]
        );
    }

    #[test]
    fn ignores_credits_inside_a_leaked_alt_attribute() {
        assert_eq!(
            found("A logo. Photo: Reuters alt=A logo. Photo: Reuters>"),
            ["Photo: Reuters"]
        );
    }
}
