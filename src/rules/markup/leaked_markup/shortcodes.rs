//! WordPress shortcodes (`[caption]`) and template placeholders (`{{ title }}`).

use super::*;

pub(super) static SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\[(/?)([a-z][a-z0-9_-]{0,30})((?:\s+[a-z_-]+\s*=\s*(?:"[^"\]\n]*"|'[^'\]\n]*'|[^\s\]"']+))*)\s*/?\]"#)
        .expect("pattern compiles")
});

/// Joomla and ad plugins' tokens: `{loadposition user1}`.
const PLUGIN_TOKENS: &[&str] = &[
    "mosads",
    "mospagebreak",
    "loadposition",
    "loadmodule",
    "loadmoduleid",
    "module",
    "jumi",
    "googleads",
];

pub(super) static TEMPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\{{\{{[^{{}}\n]{{1,200}}\}}\}}|\{{%[^{{}}\n]{{1,200}}%\}}|\{{(?:{})(?-u:\b)[^{{}}\n]{{0,100}}\}}|\$\{{[A-Za-z_][\w.]{{0,60}}\}}",
        PLUGIN_TOKENS.join("|")
    ))
    .expect("pattern compiles")
});

/// Whether `text` has a brace that could open a [`TEMPLATE`] match: `{{`,
/// `{%`, `${` or a plugin's token. The pattern's bounded repeats of Unicode
/// classes make it one of the costliest to build, so a text without one
/// never builds it.
pub(super) fn may_hold_template(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'{', b).any(|i| {
        let after = &text[i + 1..];
        after.starts_with(['{', '%'])
            || (i > 0 && b[i - 1] == b'$')
            || PLUGIN_TOKENS.iter().any(|t| after.starts_with(t))
    })
}

pub(super) fn find_shortcodes(text: &str, out: &mut Vec<Item>) {
    // A text about the markup shows its tags (`[b]BBCode[/b] is a markup
    // language`); a page leaks none beside its name. Asked only once a
    // shortcode is found.
    let mut shown = None;
    let mut closers: Vec<(String, NextOf)> = Vec::new();
    let mut blank = NextOf::new(text.as_bytes(), b"\n\n");
    let mut opened: Vec<&str> = Vec::new();
    for caps in SHORTCODE.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let closing = !caps[1].is_empty();
        let name = caps.get(2).expect("a name").as_str();
        let attrs = caps.get(3).map_or("", |a| a.as_str());
        if !closing && !opened.contains(&name) && opened.len() < 64 {
            opened.push(name);
        }
        // `address[/mask]`: a closer glued to a word, with no opener before
        // it, is a usage line's optional part, not a shortcode.
        let glued = text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
        let closes = closing && (!glued || opened.contains(&name) || SHORTCODES.contains_exact(name));
        let known = closes
            || !attrs.trim().is_empty()
            || SHORTCODES.contains_exact(name)
            || name
                .split_once('_')
                .is_some_and(|(head, _)| SHORTCODES.contains_exact(head))
            || closed_later(text, m.end(), name, &mut closers, &mut blank);
        // `[ad_1]` is a known one, numbered. `[su_button]` may be a plugin's
        // shortcode, but `[fs_types]`, `[config_file]` and `path[path_len]`
        // are a config section, a placeholder and an index: a person decides.
        let snake = name.contains('_');
        if !(known || snake) {
            continue;
        }
        // `file:///C:/Dokumenty/[nazev_dokumentu]#kotva`: a placeholder for
        // a path's part, glued to its slash and to what follows.
        if !known && text[..m.start()].ends_with('/') && text[m.end()..].starts_with(|c: char| !c.is_whitespace()) {
            continue;
        }
        if *shown.get_or_insert_with(|| {
            ["BBCode", "bbcode", "BBcode", "shortcode"]
                .iter()
                .any(|n| text.contains(n))
        }) {
            return;
        }
        let wordy = parse_attrs(attrs)
            .is_some_and(|a| a.iter().any(|(n, v)| is_wordy(n) && v.chars().any(char::is_alphabetic)));
        out.push(item(
            m.start(),
            m.end(),
            known && !wordy,
            false,
            format!("leaked shortcode `[{}{name}]`", &caps[1]),
        ));
    }
}

/// `[b]` is a shortcode when `[/b]` follows in the same paragraph.
pub(super) fn closed_later<'t>(
    text: &'t str,
    from: usize,
    name: &str,
    closers: &mut Vec<(String, NextOf<'t>)>,
    blank: &mut NextOf<'t>,
) -> bool {
    let i = match closers.iter().position(|(n, _)| n == name) {
        Some(i) => i,
        None => {
            let needle = format!("[/{name}]");
            closers.push((name.to_string(), NextOf::new(text.as_bytes(), needle.as_bytes())));
            closers.len() - 1
        }
    };
    let Some(close) = closers[i].1.within(from, from + 4000) else {
        return false;
    };
    blank.within(from, close).is_none()
}

/// Names of template languages and of templates, as a text about them writes them.
const TEMPLATE_LANGUAGES: &[&str] = &[
    "Django",
    "Handlebars",
    "Hugo",
    "Jekyll",
    "Jinja",
    "Liquid",
    "Mustache",
    "Nunjucks",
    "Twig",
    "emplate",
    "jinja",
];

pub(super) fn find_templates(text: &str, out: &mut Vec<Item>) {
    // A text naming a template language shows its tokens (`In Jinja, write
    // {{ name }} to print a variable`); a page's unrendered ones come alone.
    // Asked only once a token is found.
    let mut shown = None;
    for m in TEMPLATE.find_iter(text) {
        if *shown.get_or_insert_with(|| TEMPLATE_LANGUAGES.iter().any(|n| text.contains(n))) {
            return;
        }
        // A backtick inside may pair with one outside as a code span, so
        // which region is code is unclear; removing the token would re-pair
        // every backtick after it, one token a pass.
        if m.as_str().contains('`') {
            continue;
        }
        // `--libdir=$${prefix}/lib`, `$HOME/${dir}`: a `${…}` glued to a
        // path or an assignment is a shell's or a makefile's variable in a
        // command the text shows; a leaked one stands between words.
        if m.as_str().starts_with("${")
            && (text[..m.start()]
                .ends_with(|c: char| c.is_alphanumeric() || matches!(c, '$' | '=' | '/' | '\\' | ':' | '@'))
                || text[m.end()..].starts_with(|c: char| c.is_alphanumeric() || c == '/'))
        {
            continue;
        }
        // `"$PARAMETER" or "${PARAMETER}"`: a token quoted is shown.
        if crate::text::between_quotes(text, Span::new(m.start(), m.end())) {
            continue;
        }
        let inner = m.as_str().trim_matches(['{', '}', '%', '$', ' ']);
        // `Ftoc_PickMsgs {{1 hit}}`: a Tcl list in a log; a template's
        // variable opens on a letter.
        if inner.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // `{{ user_name }}` and `{{ a.b | date: "%d" }}` are code; only
        // plain words (`{{citation needed}}`) could be text a reader saw.
        let prose = m.as_str().starts_with("{{")
            && inner.contains(' ')
            && inner.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-');
        // `${HOME}/.ssh` is as often shell written on purpose as a leaked
        // JavaScript template.
        let identifier = !prose && !m.as_str().starts_with("${");
        out.push(item(
            m.start(),
            m.end(),
            identifier,
            false,
            format!("leaked template token `{}`", m.as_str()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::{may_hold_template, TEMPLATE};

    #[test]
    fn every_template_token_passes_the_brace_gate() {
        for text in [
            "Hello {{ user_name }} and {{citation needed}}.",
            "{% if x %}shown{% endif %}",
            "Price: ${price.total} today",
            "Intro {loadposition user1} text",
            "{mospagebreak title=Two}",
            "a {module Latest News} b",
        ] {
            assert!(TEMPLATE.is_match(text), "{text:?}");
            assert!(may_hold_template(text), "{text:?}");
        }
    }

    #[test]
    fn braces_that_open_no_template_skip_the_pattern() {
        for text in ["f(x) = {1, 2}", "a set {a} and {b}", "JSON {\"k\": 1}", "{ spaced }"] {
            assert!(!TEMPLATE.is_match(text), "{text:?}");
            assert!(!may_hold_template(text), "{text:?}");
        }
    }
}
