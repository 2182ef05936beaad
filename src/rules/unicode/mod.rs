//! U: invisible characters, control characters and encoding damage.

use memchr::memmem;

use crate::rule::Rule;
use crate::span::Span;

mod bidi_control;
mod control_character;
mod ligature;
mod misplaced_byte_order_mark;
mod mojibake;
mod non_nfc_text;
mod replacement_character;
mod soft_hyphen;
mod zero_width_character;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[
    &zero_width_character::ZeroWidthCharacter,
    &misplaced_byte_order_mark::MisplacedByteOrderMark,
    &soft_hyphen::SoftHyphen,
    &bidi_control::BidiControl,
    &control_character::ControlCharacter,
    &replacement_character::ReplacementCharacter,
    &non_nfc_text::NonNfcText,
    &mojibake::Mojibake,
    &ligature::Ligature,
];

/// Runs of back-to-back copies of `needle` in `text`, starting at or after
/// `from`: one diagnostic per run reads better than one per character.
fn runs(text: &str, needle: &str, from: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let from = from.min(text.len());
    for at in memmem::find_iter(&text.as_bytes()[from..], needle.as_bytes()) {
        let at = from + at;
        match out.last_mut() {
            Some(r) if r.end == at => r.end = at + needle.len(),
            _ => out.push(Span::new(at, at + needle.len())),
        }
    }
    out
}
