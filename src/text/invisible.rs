//! Showing characters a reader cannot see: `‹NBSP›`, `‹ZWSP›`, `‹TAB›`.

/// Replace characters a reader cannot see with visible markers: a name
/// (`‹NBSP›`), or for a C1 control its code point (`‹U+0092›`), since which
/// one it is names the Windows-1252 character it stood for.
pub fn show_invisibles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if ('\u{80}'..='\u{9F}').contains(&c) {
            out.push_str(&format!("‹U+{:04X}›", c as u32));
            continue;
        }
        match invisible_name(c) {
            Some(name) => {
                out.push('‹');
                out.push_str(name);
                out.push('›');
            }
            None => out.push(c),
        }
    }
    out
}

/// The short name of an invisible or easily confused character, if `c` is one.
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "NBSP",
        '\u{00AD}' => "SHY",
        '\u{2000}'..='\u{200A}' => "SPACE",
        '\u{200B}' => "ZWSP",
        '\u{200C}' => "ZWNJ",
        '\u{200D}' => "ZWJ",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{202A}'..='\u{202E}' => "BIDI",
        '\u{2060}' => "WJ",
        '\u{2066}'..='\u{2069}' => "BIDI",
        '\u{202F}' => "NNBSP",
        '\u{205F}' => "MMSP",
        '\u{2061}'..='\u{2064}' => "INVIS",
        '\u{3000}' => "IDSP",
        '\u{FEFF}' => "BOM",
        '\t' => "TAB",
        c if c.is_control() && c != '\n' && c != '\r' => "CTRL",
        _ => return None,
    })
}
