//! Attribute runs (`alt="…" width="600"`) left behind by a stripped tag.

use super::*;

pub(super) fn is_attr_name(name: &str) -> bool {
    ATTRS.contains_exact(name) || ((name.starts_with("data-") || name.starts_with("aria-")) && name.len() > 5)
}

/// The start of a known attribute name ending right before the `=` at `eq`.
pub(super) fn attr_name_before(text: &str, eq: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut start = eq;
    while start > 0
        && eq - start < 40
        && (b[start - 1].is_ascii_lowercase() || b[start - 1].is_ascii_digit() || b[start - 1] == b'-')
    {
        start -= 1;
    }
    if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
        return None; // part of a longer word
    }
    is_attr_name(&text[start..eq]).then_some(start)
}

pub(super) fn is_wordy(name: &str) -> bool {
    WORDY_ATTRS.contains(name)
}

/// `name="v" name='v' name=v flag`, or `None` when it is not attribute syntax.
pub(super) fn parse_attrs(s: &str) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if rest == "/" {
            break;
        }
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.' | '@')))
            .unwrap_or(rest.len());
        if name_len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
            return None;
        }
        let name = &rest[..name_len];
        rest = rest[name_len..].trim_start();
        if let Some(after_eq) = rest.strip_prefix('=') {
            let v = after_eq.trim_start();
            let (value, remaining) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = v[1..].find(q)?;
                    (&v[1..1 + close], &v[close + 2..])
                }
                Some(_) => {
                    let end = v
                        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '=' | '`'))
                        .unwrap_or(v.len());
                    if end == 0 {
                        return None;
                    }
                    let end = if v[..end].ends_with('/') && end == v.len() {
                        end - 1
                    } else {
                        end
                    };
                    (&v[..end], &v[end..])
                }
                None => return None,
            };
            out.push((name, value));
            rest = remaining.trim_start();
        } else if BOOLEAN_ATTRS.contains(name) {
            out.push((name, ""));
        } else {
            return None;
        }
    }
    Some(out)
}

/// Attributes that lost their tag: `alt=ByteDance’s logo … Photo: Reuters>`,
/// `class="wp-caption-text">`.
pub(super) fn find_attributes(text: &str, out: &mut Vec<Item>) {
    let mut skip_to = 0;
    let mut ahead = Ahead {
        gt: NextOf::new(text.as_bytes(), b">"),
        lt: NextOf::new(text.as_bytes(), b"<"),
        nl: NextOf::new(text.as_bytes(), b"\n"),
    };
    for eq in memchr::memchr_iter(b'=', text.as_bytes()) {
        let Some(start) = attr_name_before(text, eq) else {
            continue;
        };
        if start < skip_to {
            continue;
        }
        let m = Span::new(start, eq + 1);
        let prev = text[..m.start].chars().next_back();
        if !prev.is_none_or(|c| c.is_whitespace() || c == '"' || c == '\'') {
            continue;
        }
        let Some(run) = attribute_run(text, m.start, &mut ahead) else {
            continue;
        };
        if continues_tag(text, m.start) {
            skip_to = run.end;
            continue;
        }
        skip_to = run.end;
        let name = &text[m.start..eq];
        let mut message = format!("leaked `{name}=` attribute");
        if let Some((vs, ve)) = run.wordy_value {
            if duplicates_before(text, m.start, &text[vs..ve]) {
                message.push_str(" whose text repeats the text before it");
            }
        }
        out.push(item(m.start, run.end, run.wordy_value.is_none(), false, message));
    }
}

/// How far back, on the line above, a tag's opening is looked for.
const TAG_HEAD_REACH: usize = 200;

/// `<bean xmlns="…"` above `          class="demo.Adaptor">`: attributes
/// opening a line under a tag left open on the line above continue that
/// tag, shown as a listing writes it across lines.
fn continues_tag(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let indent = b[..start]
        .iter()
        .rev()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    let nl = start - indent;
    if nl == 0 || b[nl - 1] != b'\n' {
        return false;
    }
    let nl = nl - 1;
    let above = &text[crate::span::floor_char_boundary(text, nl.saturating_sub(TAG_HEAD_REACH))..nl];
    let above = above.rfind('\n').map_or(above, |i| &above[i + 1..]);
    above
        .rfind('<')
        .is_some_and(|i| above[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) && !above[i..].contains('>'))
}

pub(super) struct AttrRun {
    end: usize,
    /// The first value a reader would see as words, if any.
    wordy_value: Option<(usize, usize)>,
}

/// The end of the attribute name and `=` starting exactly at `at`, if one does.
pub(super) fn attr_at(text: &str, at: usize, limit: usize) -> Option<usize> {
    let b = text.as_bytes().get(at..limit.min(at + 41))?;
    let eq = memchr::memchr(b'=', b)?;
    (attr_name_before(text, at + eq) == Some(at)).then_some(at + eq + 1)
}

/// Where the next `>`, `<` and line break are.
pub(super) struct Ahead<'t> {
    gt: NextOf<'t>,
    lt: NextOf<'t>,
    nl: NextOf<'t>,
}

pub(super) fn attribute_run(text: &str, start: usize, ahead: &mut Ahead) -> Option<AttrRun> {
    // Markup is short; looking no further keeps long lines linear.
    let limit = text.len().min(start + MAX_RUN);
    let mut line_end = ahead.nl.within(start, limit).unwrap_or(limit);
    while !text.is_char_boundary(line_end) {
        line_end -= 1;
    }
    let mut at = start;
    let mut count = 0;
    let mut quoted = false;
    let mut url_like = false;
    let mut terminated = false;
    let mut wordy_value = None;
    let mut empty = false;
    let mut end;
    loop {
        let v = attr_at(text, at, line_end)?;
        let name = &text[at..v - 1];
        let rest = &text[v..line_end];
        let (value, after) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = rest[1..].find(q)?;
                quoted = true;
                (Span::new(v + 1, v + 1 + close), v + close + 2)
            }
            Some(_) if is_wordy(name) => {
                // An unquoted caption runs to the `>` that closed its tag, or
                // to the next attribute.
                let gt = ahead.gt.within(v, line_end)? - v;
                if ahead.lt.within(v, v + gt).is_some() {
                    return None;
                }
                let next_attr = memchr::memchr_iter(b'=', &rest.as_bytes()[..gt])
                    .filter_map(|eq| attr_name_before(text, v + eq))
                    .map(|start| start - v)
                    .find(|&start| start > 0 && rest[..start].ends_with(' '))
                    .map(|start| start - 1);
                let vend = next_attr.unwrap_or(gt);
                (Span::new(v, v + vend), v + vend)
            }
            Some(_) => {
                let len = rest.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(rest.len());
                if len == 0 {
                    return None;
                }
                let raw = &rest[..len];
                let len = if raw.ends_with('/') { len - 1 } else { len };
                url_like |= rest[..len].contains(['/', '.']);
                (Span::new(v, v + len), v + len)
            }
            None => return None,
        };
        // `WHERE id='$id'`, `name="%s"`: a variable for the value is code's.
        if value.slice(text).starts_with(['$', '%']) {
            return None;
        }
        count += 1;
        empty |= value.start == value.end;
        if is_wordy(name) && wordy_value.is_none() && value.slice(text).chars().any(char::is_alphabetic) {
            wordy_value = Some((value.start, value.end));
        }
        end = after;
        let tail = &text[after..line_end];
        let trimmed = tail.trim_start_matches([' ', '\t']);
        let skipped = tail.len() - trimmed.len();
        if trimmed.starts_with("/>") {
            end = after + skipped + 2;
            terminated = true;
            break;
        }
        if trimmed.starts_with('>') {
            end = after + skipped + 1;
            terminated = true;
            break;
        }
        if skipped > 0 && attr_at(text, after + skipped, line_end).is_some() {
            at = after + skipped;
            continue;
        }
        break;
    }
    let first_name = &text[start..text[start..].find('=').map_or(start, |i| start + i)];
    let single_url = count == 1 && url_like && matches!(first_name, "src" | "href" | "srcset");
    // `except for href="" and src=""`: one attribute, empty and left
    // open, is named; a stripped tag leaves its values or its `>`.
    if count == 1 && empty && !terminated {
        return None;
    }
    if terminated || quoted || count >= 2 || single_url {
        Some(AttrRun { end, wordy_value })
    } else {
        None
    }
}

/// True when most words of `value` also appear in the text just before `at`
/// on its line: the attribute repeats the caption printed before it.
pub(super) fn duplicates_before(text: &str, at: usize, value: &str) -> bool {
    let mut from = at.saturating_sub(value.len() * 2 + 64);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..at];
    let head = head.rfind('\n').map_or(head, |i| &head[i + 1..]);
    let before: Vec<String> = words(head).collect();
    let mut total = 0;
    let mut seen = 0;
    for w in words(value).take(200) {
        total += 1;
        if before.contains(&w) {
            seen += 1;
        }
    }
    total >= 3 && seen * 10 >= total * 6
}

pub(super) fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
}
