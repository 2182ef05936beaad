use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{
    BOILERPLATE_PHRASES, CTA_VERBS, LIST_HEADINGS, NAV_WORDS, SECTIONS, SHARE_WORDS, SOCIAL_NETWORKS, WEB_OBJECTS,
};
use crate::prelude::*;
use crate::text::{first_char, has_quote, line_removal};

pub struct BoilerplateLine;

static META: RuleMeta = RuleMeta {
    code: "B003",
    name: "boilerplate-line",
    family: Family::Boilerplate,
    summary: "A line of page furniture: ads, calls to action, share buttons, cookie notices",
    docs: "\
Flags a line that is page furniture rather than article text:
`Advertisement`, `Read more`, `Read more: <headline>`, `Share this
article`, `Subscribe to our newsletter`, `Skip to main content`, `Source
link`, share-button rows (`Facebook Twitter WhatsApp Email`) and cookie or
consent notices.

Scrapers keep the text of widgets around the article; they interrupt it
and are not part of it.

Recognised by shape and position, on a whole line that starts with a
capital letter:

- a short call to action: a web verb first (`Read`, `Share`, `Subscribe`,
  `Follow`, `Skip`, `Click`, …), at most eight words, something a page
  links to (`more`, `article`, `newsletter`, `content`, `us`, `here`, …)
  and no sentence-final `.`, `?` or `!` (a real sentence such as `Read
  more about it in our report.` is left alone);
- a lead-in with a colon (`Read more:`, `See also:`, `Related:`, `Watch:`)
  followed by a headline;
- a known label that stands alone (`Advertisement`, `Sponsored`, `Source
  link`, `Story continues below`);
- a row made only of share-button labels naming at least two networks
  (`Facebook Twitter WhatsApp Email`, also after `Follow us:`);
- a navigation row made only of site labels (`Menu Search Sign in
  Subscribe`), a footer row of four or more short labels joined by `|` or
  `·` (`About us | Contact | Careers | Privacy Policy`), a menu of site
  sections joined the same way or by `*` (`News * Sport * Weather *
  Travel`), a copyright line (`© 2023 …`) unless it is a licence's
  (`Copyright (c) 2016 Jane Doe`, or naming a licence or the Free
  Software Foundation, without `All rights reserved`): there it states
  the work's terms;
- a site logo's text in the page header (`The Daily Ledger logo.`), a
  comment counter (`12 comments`, `Comments (12)`) and a stock ticker row
  (`AAPL +1.2% MSFT -0.4%`), a weather widget (`London 12°C Cloudy`), a
  row of scores (`ARS 2-1 CHE FT LIV 0-0 MCI`), an edition picker (`US
  Edition`, `Change edition`);
- the headline-shaped lines of a link list right under a list heading
  (`Most read`, `Related stories`);
- a cookie or consent notice addressed to the reader (`We use cookies…`,
  `By continuing to use this site…`, `By signing up, you agree to our
  Terms…`), without quotation marks.

Markdown emphasis around a line (`**Read more:**`) is ignored; the French
`Lire aussi :`, `Publicité` and `Partager cet article :` are recognised too.

Furniture glued to the front of a sentence (`Skip to main content The
council said…`, `Advertisement The council…`) is removed alone, and the
sentence stays.

A line that continues a hard-wrapped sentence (the line before it ends
without sentence punctuation) is left alone, and so is a `Key: value` line
beside another field that is no furniture (`Homepage: …` then `Tags: …` in
a package's description, mail headers): a record's data.

Fix (unsafe): delete the line with its line break, keeping the blank line
between the paragraphs around it.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English, Lang::French]),
    flags: &[
        Fixture {
            input: "The firm grew.\n\nAdvertisement\n\nProfits rose.\n",
            output: "The firm grew.\n\nProfits rose.\n",
        },
        Fixture {
            input: "The firm grew.\nTags: economy, markets\nPosted by: Newsdesk\nProfits rose.\n",
            output: "The firm grew.\nPosted by: Newsdesk\nProfits rose.\n",
        },
        Fixture {
            input: "The firm grew.\nRead more: Chip exports slump as demand cools\nProfits rose.",
            output: "The firm grew.\nProfits rose.",
        },
        Fixture {
            input: "WATCH: The rise of superbugs In recent decades, drug-resistant bacteria have become a global health threat.",
            output: "In recent decades, drug-resistant bacteria have become a global health threat.",
        },
        Fixture {
            input: "READ MORE: Who votes for the far right? \"You are being taken hostage,\" he said.",
            output: "\"You are being taken hostage,\" he said.",
        },
        Fixture {
            input: "Share this story\n\nFacebook | Twitter | WhatsApp | Email\n\nProfits rose.",
            output: "Profits rose.",
        },
        Fixture {
            input: "Profits rose.\n\nWe use cookies to improve your experience. By continuing to use this site you agree.\n\nSubscribe to our newsletter",
            output: "Profits rose.",
        },
    ],
    keeps: &[
        "Read more about it in our report.",
        "License\n\nMIT License\n\nCopyright (c) 2016-2025 Martin Donath\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.",
        "The company said it would share more details later.\n\nThe advertisement ran for weeks.",
        "Google said it would phase out third-party cookies, which advertisers use.",
        "Facebook and Twitter were both fined.",
        "The report said readers could\nRead more of it online.",
        "“We use cookies to track you,” the lawsuit quotes the site as saying.",
        "GPT 3.5 and 01.AI (LLMs) at 10:30\nYi-34B and GPT-4 Turbo",
        "Package: kino\nHomepage: http://www.kinodv.org/\nTags: field::arts, hardware::camera, implemented-in::c\nVersion: 1.3.4\n",
    ],
};

/// `Read more: …`, `See also: …`, `Related: …`, `Watch: …`, `Tags: …`,
/// `Follow us: …`, and the French `Lire aussi : …`.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:read(?:[ \t]+(?:more|also|next))?|see[ \t]+also|also[ \t]+read|watch|listen|related(?:[ \t]+(?:articles?|stories|news|content|coverage))?|more[ \t]+on[ \t]+this(?:[ \t]+story)?|tags|topics|filed[ \t]+under|categories|follow[ \t]+us|share(?:[ \t]+this(?:[ \t]+(?:article|story|page))?)?|(?:à[ \t]+)?lire[ \t]+aussi|voir[ \t]+aussi|partager(?:[ \t]+cet[ \t]+article)?)[ \t\u{a0}\u{202f}]*:",
    )
    .expect("pattern compiles")
});

/// A cookie or consent notice addressed to the reader.
static CONSENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:we[ \t]+use[ \t]+cookies|(?:web)?site[ \t]+uses[ \t]+cookies|use[ \t]+of[ \t]+cookies|accept[ \t]+(?:all[ \t]+)?cookies|cookie[ \t]+(?:policy|settings|preferences|consent|notice)|by[ \t]+(?:continuing[ \t]+to[ \t]+(?:use|browse)|signing[ \t]+up|subscribing|registering)|you[ \t]+agree[ \t]+to[ \t]+our)\b",
    )
    .expect("pattern compiles")
});
static READER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i-u)\b(?:you|your|our|this[ \t]+(?:web)?site)\b").expect("pattern compiles"));

impl Rule for BoilerplateLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let lines = doc.lines();
        // Inside a link list under a heading such as `Most read`.
        let mut in_list = false;
        let mut prev_furniture = false;
        for (index, &line) in lines.iter().enumerate() {
            let s = line.slice(text);
            let raw = s.trim();
            let t = strip_emphasis(raw);
            let what = if t.is_empty() || t.len() > 400 {
                None
            } else {
                classify(t).or_else(|| (in_list && is_link_line(t)).then_some("link list in the text"))
            };
            let Some(what) = what else {
                in_list = false;
                prev_furniture = false;
                if let Some(cut) = glued_chrome(raw) {
                    let start = line.start + (s.len() - s.trim_start().len());
                    let span = Span::new(start, start + cut);
                    out.push(
                        Diagnostic::new(&META, span, "page furniture glued to the text")
                            .with_fix(Fix::unsafe_edit("remove the furniture", Edit::delete(span))),
                    );
                }
                continue;
            };
            // A site's logo sits in the page's header, among other furniture;
            // a line such as `The Olympic logo` lower down is a caption.
            if what == LOGO && index > 0 && !prev_furniture {
                in_list = false;
                continue;
            }
            // Hard-wrapped prose: `…readers could\nRead more of it online.`
            if index > 0 && !prev_furniture && continues_sentence(lines[index - 1].slice(text)) {
                in_list = false;
                continue;
            }
            // A field of a record among others (`Homepage: http://…` then
            // `Tags: field::arts, …` in a package's description, headers):
            // data, not a widget's label.
            let field_beside = |i: Option<usize>| {
                i.and_then(|i| lines.get(i)).is_some_and(|l| {
                    let n = l.slice(text).trim();
                    is_record_field(n) && classify(strip_emphasis(n)).is_none()
                })
            };
            if is_record_field(t) && (field_beside(index.checked_sub(1)) || field_beside(Some(index + 1))) {
                in_list = false;
                continue;
            }
            // A copyright line in a licence's form (`Copyright (c) 2016-2025
            // Jane Doe`) or naming one (a man page's `Copyright © 2022 Free
            // Software Foundation, Inc.  License GPLv3+`) states the work's
            // terms; a page's footer writes `©` and `All rights reserved`.
            if what == COPYRIGHT && states_terms(t) {
                in_list = false;
                continue;
            }
            let start = line.start + (s.len() - s.trim_start().len());
            let span = Span::new(start, start + raw.len());
            let diagnostic = Diagnostic::new(&META, span, what);
            // A teaser glued to the article text that follows it on the line.
            // A credit opening a paragraph of article text (`© Provided by
            // Business Insider Inc Nintendo and Apple shocked the world…`)
            // has no end to cut at: reported, not fixed.
            let teaser = if what == LEAD_IN_LINK {
                teaser_end(raw)
            } else if what == COPYRIGHT && raw.split_whitespace().nth(CREDIT_WORDS).is_some() {
                Teaser::Unknown
            } else {
                Teaser::Line
            };
            out.push(match teaser {
                Teaser::Line => diagnostic.with_fix(Fix::unsafe_edit(
                    "remove the line",
                    Edit::delete(line_removal(doc, index)),
                )),
                Teaser::Ends(at) => {
                    let cut = Span::new(start, start + at);
                    diagnostic.with_fix(Fix::unsafe_edit("remove the teaser", Edit::delete(cut)))
                }
                Teaser::Unknown => diagnostic,
            });
            in_list = in_list || LIST_HEADINGS.contains(core(t));
            prev_furniture = true;
        }
    }
}

/// The most words a copyright line holds; a longer one runs on into the
/// article (footers' longest, with their terms, hold about twenty).
const CREDIT_WORDS: usize = 30;

/// `Key: value` as a record or a header writes a field: a capitalised
/// word or hyphenated words, a colon, a space and a value.
pub(super) fn is_record_field(line: &str) -> bool {
    let Some((key, value)) = line.split_once(": ") else {
        return false;
    };
    (2..=30).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_uppercase())
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !value.trim().is_empty()
}

const LEAD_IN_LINK: &str = "`read more` link in the text";
const LOGO: &str = "site logo in the text";

/// Where a `Read more:` or `Watch:` teaser ends on its line.
#[derive(Debug, PartialEq, Eq)]
enum Teaser {
    /// The whole line is the teaser.
    Line,
    /// The teaser ends at this byte, where the article's text goes on.
    Ends(usize),
    /// Article text follows, but where the headline ends cannot be told.
    Unknown,
}

/// Words that open a sentence of article text and never end a headline's
/// last word: a capitalised one of these after a lowercase word starts the
/// text glued to a teaser (`…of superbugs In recent decades, …`).
const OPENERS: &[&str] = &[
    "A",
    "According",
    "After",
    "An",
    "And",
    "As",
    "At",
    "But",
    "During",
    "For",
    "He",
    "However",
    "If",
    "In",
    "It",
    "Last",
    "Meanwhile",
    "Of",
    "On",
    "She",
    "Since",
    "Speaking",
    "That",
    "The",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "When",
    "While",
];

/// Find where the teaser on line `t` ends: a `?` or `!` closing the
/// headline, or a sentence opener after a lowercase word, with a sentence
/// of text after it. A line that is only a headline is a teaser whole.
fn teaser_end(t: &str) -> Teaser {
    let Some(colon) = t.find(':') else {
        return Teaser::Line;
    };
    let rest = &t[colon + 1..];
    let words = rest.split_whitespace().count();
    let ends_sentence = rest.trim_end().ends_with(['.', '!', '?', '"', '”']);
    if words <= 14 && !rest.trim_end().ends_with('.') {
        return Teaser::Line;
    }
    let followed_by_text = |from: usize| {
        let tail = t[from..].trim();
        tail.split_whitespace().count() >= 4 && tail.ends_with(['.', '!', '?', '"', '”'])
    };
    // `WATCH: Can another civil war be avoided in DRC? A peacekeeper …`
    if let Some(q) = rest.find(['?', '!']) {
        let cut = colon + 1 + q + 1;
        if t[cut..].starts_with(' ')
            && t[cut..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“')
            && followed_by_text(cut)
        {
            return Teaser::Ends(cut + 1);
        }
    }
    let mut prev: &str = "";
    let mut at = colon + 1;
    for word in rest.split(' ') {
        if !word.is_empty() {
            let lower_before = prev.chars().next_back().is_some_and(char::is_lowercase);
            if lower_before && OPENERS.contains(&word.trim_end_matches(',')) && followed_by_text(at) {
                return Teaser::Ends(at);
            }
            prev = word;
        }
        at += word.len() + 1;
    }
    if ends_sentence {
        Teaser::Unknown
    } else {
        Teaser::Line
    }
}

const COPYRIGHT: &str = "copyright line in the text";

/// Whether the copyright line `t` is a licence's: in its `(c)` form, or
/// naming a licence or free software.
fn states_terms(t: &str) -> bool {
    ["(c)", "(C)", "icense", "icence", "ree Software", "ree software"]
        .iter()
        .any(|w| t.contains(w))
        && !t.contains("rights reserved")
}

/// `**Read more:**` is `Read more:` in Markdown bold.
fn strip_emphasis(t: &str) -> &str {
    t.trim_start_matches(['*', '_', '#', ' '])
        .trim_end_matches(['*', '_', ' '])
}

/// The line without trailing arrows, colons and bars: `Read more »`.
fn core(t: &str) -> &str {
    t.trim_end_matches([':', '»', '›', '>', '→', '…', '.', ' ', '|'])
}

/// True when `prev`, the line before, ends mid-sentence (hard-wrapped prose).
fn continues_sentence(prev: &str) -> bool {
    let p = prev.trim_end();
    !p.is_empty()
        && p.chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == ';')
        && p.split_whitespace().count() > 8
}

/// Word tokens of a line, without the separators between buttons.
fn tokens(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | ',' | '/' | ':'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// What kind of furniture the trimmed line `t` is, if any.
fn classify(t: &str) -> Option<&'static str> {
    let lead = first_char(t);
    if lead == '©' || (t.starts_with("Copyright") && (t.contains('©') || t.contains(" 20") || t.contains(" 19"))) {
        return Some(COPYRIGHT);
    }
    // Each shape is tested only on a line holding its telltale, so prose
    // lines cost a substring search, not a split into words.
    if t.contains("omment") && is_comment_counter(t) {
        return Some("comment counter in the text");
    }
    if !lead.is_uppercase() {
        return None;
    }
    if is_ticker(t) {
        return Some("stock ticker in the text");
    }
    if t.contains("dition") && is_edition(t) {
        return Some("edition picker in the text");
    }
    if t.contains('°') && is_weather(t) {
        return Some("weather widget in the text");
    }
    if t.contains(['-', '–']) && is_scores(t) {
        return Some("score widget in the text");
    }
    if is_logo(t) {
        return Some(LOGO);
    }
    if t.len() <= 300 && t.contains(':') && LEAD_IN.is_match(t) {
        return Some(LEAD_IN_LINK);
    }
    let core = core(t);
    let words = tokens(core).count();
    if words <= 5 && BOILERPLATE_PHRASES.contains(core) {
        return Some("page furniture in the text");
    }
    if words <= 8 && is_call_to_action(t, core) {
        return Some("call to action in the text");
    }
    if words <= 12 && is_share_row(core) {
        return Some("share buttons in the text");
    }
    if words <= 8 && is_nav_row(t) {
        return Some("navigation menu in the text");
    }
    if words <= 24 && is_link_row(t) {
        return Some("footer links in the text");
    }
    let about_cookies = t.contains("ookie") || t.contains("agree") || t.contains("ontinuing to");
    if words <= 60 && about_cookies && CONSENT.is_match(t) && READER.is_match(t) && !has_quote(t) {
        return Some("cookie or consent notice in the text");
    }
    None
}

/// Furniture that a scraper glued to the article's first sentence, as a
/// line's opening: `Skip to main content The council said…`.
const GLUED: &[&str] = &[
    "ADVERTISEMENT",
    "Advertisement",
    "Listen to this article",
    "Share this article",
    "Share this story",
    "Skip to content",
    "Skip to main content",
    "Sponsored content",
];

/// Where furniture glued to the front of line `t` ends, space included,
/// when a sentence of four words or more follows it.
fn glued_chrome(t: &str) -> Option<usize> {
    let phrase = GLUED.iter().find(|p| t.starts_with(*p))?;
    let rest = t[phrase.len()..].strip_prefix(' ')?;
    let sentence = rest.starts_with(|c: char| c.is_uppercase())
        && rest.split_whitespace().count() >= 4
        && rest.trim_end().ends_with(['.', '!', '?', '"', '”']);
    sentence.then_some(phrase.len() + 1)
}

/// `London 12°C Cloudy`: a place, a temperature and sky words, nothing else.
fn is_weather(t: &str) -> bool {
    const SKY: &[&str] = &[
        "clear", "cloudy", "fog", "rain", "showers", "snow", "sunny", "storms", "windy", "overcast", "drizzle", "hail",
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    let temperature = |w: &str| {
        let w = w.trim_start_matches(['-', '−', '+']);
        w.split_once('°').is_some_and(|(n, unit)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && matches!(unit, "" | "C" | "F")
        })
    };
    (2..=8).contains(&words.len())
        && words.iter().any(|w| temperature(w))
        && words.iter().all(|w| {
            temperature(w)
                || SKY.iter().any(|s| w.eq_ignore_ascii_case(s))
                || (first_char(w).is_uppercase() && w.chars().all(char::is_alphabetic))
        })
}

/// `ARS 2-1 CHE FT LIV 0-0 MCI`: a row of two scorelines or more between
/// team names, nothing else.
fn is_scores(t: &str) -> bool {
    let score = |w: &str| {
        w.split_once(['-', '–']).is_some_and(|(a, b)| {
            (1..=3).contains(&a.len())
                && (1..=3).contains(&b.len())
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        })
    };
    let mut scores = 0;
    for w in t.split_whitespace() {
        if score(w) {
            scores += 1;
        } else if !(first_char(w).is_uppercase() && w.chars().all(char::is_alphabetic)) {
            return false;
        }
    }
    scores >= 2
}

/// `US Edition`, `Edition: International`, `Change edition`.
fn is_edition(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        [place, "Edition"] => matches!(
            *place,
            "US" | "UK" | "International" | "Global" | "Europe" | "Asia" | "Australia" | "Africa"
        ),
        ["Change" | "Select" | "Choose", "edition"] => true,
        ["Edition:", _] => true,
        _ => false,
    }
}

/// `12 comments`, `Comments (12)`, `View 34 comments`.
fn is_comment_counter(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let number = |w: &str| {
        let w = w.trim_matches(['(', ')']);
        !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
    };
    let comments = |w: &str| w.eq_ignore_ascii_case("comments") || w.eq_ignore_ascii_case("comment");
    match words.as_slice() {
        [n, c] => {
            (number(n) && comments(c)) || (comments(c.trim_end_matches(':')) && number(n)) || (comments(n) && number(c))
        }
        [v, n, c] => matches!(*v, "View" | "Show" | "Read" | "See") && number(n) && comments(c),
        _ => false,
    }
}

/// `AAPL +1.2% MSFT -0.4% GOOG +0.8%`: a row of symbols and price moves,
/// two moves at least, and nothing else.
fn is_ticker(t: &str) -> bool {
    let mut symbols = 0;
    let mut moves = 0;
    for w in t.split_whitespace() {
        let signed = w.starts_with(['+', '-', '−', '▲', '▼']) || w.ends_with('%');
        let digits = w.trim_start_matches(['+', '-', '−', '▲', '▼']).trim_end_matches('%');
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
            if signed {
                moves += 1;
            }
        } else if matches!(w, "▲" | "▼") {
        } else if (1..=7).contains(&w.len())
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'.' | b'^' | b'&'))
        {
            symbols += 1;
        } else {
            return false;
        }
    }
    moves >= 2 && symbols >= 2
}

/// `The Daily Ledger logo.`: a name in capitals, then `logo`, alone on a line.
fn is_logo(t: &str) -> bool {
    let Some(name) = t.trim_end_matches('.').strip_suffix(" logo") else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| first_char(w).is_uppercase() || matches!(*w, "of" | "the" | "and" | "&"))
}

fn is_call_to_action(t: &str, core: &str) -> bool {
    if t.ends_with(['.', '?', '!']) && !t.ends_with("...") {
        return false;
    }
    let mut words = tokens(core);
    let Some(verb) = words.next() else {
        return false;
    };
    CTA_VERBS.contains(verb) && words.any(|w| WEB_OBJECTS.contains(w))
}

fn is_share_row(core: &str) -> bool {
    let mut networks = 0;
    for w in tokens(core) {
        if SOCIAL_NETWORKS.contains(w) {
            networks += 1;
        } else if !SHARE_WORDS.contains(w) {
            return false;
        }
    }
    networks >= 2
}

/// `Menu Search Sign in Subscribe`: three or more site labels and nothing else.
fn is_nav_row(t: &str) -> bool {
    if t.ends_with(['.', '?', '!']) {
        return false;
    }
    let mut n = 0;
    for w in tokens(t) {
        let label = CTA_VERBS.contains(w) || WEB_OBJECTS.contains(w) || NAV_WORDS.contains(w);
        if !label {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// `About us | Contact | Careers | Privacy Policy`: four or more short
/// capitalised labels joined by bars or dots.
fn is_link_row(t: &str) -> bool {
    let Some(sep) = t.chars().find(|c| matches!(c, '|' | '·' | '•' | '*')) else {
        return false;
    };
    let labels: Vec<&str> = t.split(sep).map(str::trim).collect();
    let web = |l: &&str| {
        tokens(l)
            .any(|w| WEB_OBJECTS.contains(w) || NAV_WORDS.contains(w) || CTA_VERBS.contains(w) || SECTIONS.contains(w))
    };
    labels.len() >= 4
        && labels.iter().all(|l| {
            let n = l.split_whitespace().count();
            (1..=3).contains(&n) && first_char(l).is_uppercase() && !l.ends_with(['.', '?', '!', ','])
        })
        && labels.iter().any(web)
}

/// A headline-shaped line in a link list: a short line without final
/// punctuation, maybe numbered (`1. Police identify driver`).
fn is_link_line(t: &str) -> bool {
    let body = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')', ' ']);
    let n = body.split_whitespace().count();
    (2..=20).contains(&n) && first_char(body).is_uppercase() && !body.ends_with(['.', '?', '!', ',', ';', ':'])
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::english(&super::META)
    }

    #[test]
    fn flags_calls_to_action() {
        for line in [
            "Skip to main content",
            "Follow us on Twitter",
            "Sign up for our newsletter",
            "Continue reading",
            "Click here",
            "ADVERTISEMENT",
            "Source link",
            "See also: Chip exports slump",
        ] {
            assert_eq!(linter().check(line).len(), 1, "{line}");
        }
    }

    #[test]
    fn keeps_sentences_that_start_with_a_web_verb() {
        for line in [
            "Read the full statement.",
            "Share prices rose sharply on Monday",
            "Follow the money, investigators said",
            "Watch out for the new rules.",
        ] {
            assert!(linter().check(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn flags_menus_footers_and_link_lists() {
        let text = "Menu Search Sign in Subscribe\nMost read\n1. Police identify driver in crash\n2. Market returns this weekend\nAbout us | Contact | Careers | Privacy Policy\n© 2023 Riverton Ledger. All rights reserved.\n**Read more:** [Why it matters](https://example.com/a)";
        assert_eq!(linter().check(text).len(), 7);
    }

    #[test]
    fn flags_menus_logos_counters_and_tickers() {
        for line in [
            "News * Sport * Weather * Travel * MoreMenu",
            "The Daily Ledger logo.",
            "Riverton Ledger logo",
            "12 comments",
            "Comments (12)",
            "View 34 comments",
            "AAPL +1.2% MSFT -0.4% GOOG +0.8%",
            "FTSE 100 ▲0.3% DAX -1.1%",
        ] {
            assert_eq!(linter().check(line).len(), 1, "{line}");
        }
    }

    #[test]
    fn removes_only_the_furniture_glued_to_a_first_sentence() {
        let fixed = linter()
            .fix(
                "Skip to main content The city council approved a new budget on Tuesday.",
                FixMode::Unsafe,
            )
            .unwrap();
        assert_eq!(fixed.text, "The city council approved a new budget on Tuesday.");
        assert!(linter()
            .check("Advertisement revenue fell by a tenth this year.")
            .is_empty());
        assert!(linter().check("Advertisement Standards Authority").is_empty());
    }

    #[test]
    fn flags_weather_and_score_widgets() {
        for line in [
            "London 12°C Cloudy",
            "Riverton 54°F Sunny",
            "ARS 2-1 CHE FT LIV 0-0 MCI",
            "Leeds 3-1 Hull Derby 0-2 Stoke",
        ] {
            assert_eq!(linter().check(line).len(), 1, "{line}");
        }
        for line in [
            "It was 12°C in London on Monday.",
            "Temperatures reach 40°C",
            "Arsenal 2-1 Chelsea",
            "The 2-1 win over Chelsea and a 0-0 draw with Hull left Leeds third.",
        ] {
            assert!(linter().check(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn flags_edition_pickers() {
        assert_eq!(linter().check("US Edition\nThe council met on Tuesday.").len(), 1);
        assert_eq!(linter().check("Change edition").len(), 1);
        assert!(linter().check("The US Edition of the magazine sold out.").is_empty());
    }

    #[test]
    fn keeps_sentences_about_logos_comments_and_shares() {
        for line in [
            "The company unveiled a new logo.",
            "The torch was lit.\nThe Olympic logo",
            "Readers left 12 comments on the story.",
            "Shares in AAPL rose 1.2% and MSFT fell 0.4% on Monday.",
            "GDP +1.2% in Q3",
            "The council said 3 * 4 * 5 * 6 was the formula",
        ] {
            assert!(linter().check(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn keeps_a_table_row_and_a_list_without_a_heading() {
        assert!(linter().check("Name | Age | City | Country").is_empty());
        assert!(linter().check("Winners\n1. Police identify driver in crash").is_empty());
    }

    #[test]
    fn reports_a_teaser_without_a_fix_where_its_end_cannot_be_told() {
        let text = "READ MORE: Far-right MP found guilty of hate speech Deputy Prime Minister Jane Doe, leader of the party, simply retweeted the post.";
        let found = linter().check(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn reports_a_credit_that_runs_on_into_the_article_without_a_fix() {
        let text = "© Provided by Business Insider Inc Nintendo/Apple Nintendo and Apple shocked the world \
                    earlier this year by announcing \"Super Mario Run,\" the legendary gaming company's first \
                    foray into mobile gaming. It's a Mario game you can play on your phone with one hand.";
        let found = linter().check(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
        // A footer's credit alone on its line still goes, after review.
        let fixed = linter().fix("Shares rose.\n© 2023 Reuters. All rights reserved.\n", FixMode::Unsafe);
        assert_eq!(fixed.unwrap().text, "Shares rose.\n");
    }

    #[test]
    fn removes_a_line_inside_a_paragraph() {
        let fixed = linter().fix("One.\nAdvertisement\nTwo.", FixMode::Unsafe).unwrap();
        assert_eq!(fixed.text, "One.\nTwo.");
    }
}
