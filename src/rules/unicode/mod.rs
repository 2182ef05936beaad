//! U: invisible characters, control characters and encoding damage.

use crate::rule::Rule;

mod bidi_control;
mod control_character;
mod misplaced_byte_order_mark;
mod mojibake;
mod non_nfc_text;
mod replacement_character;
pub(crate) mod scripts;
mod soft_hyphen;
mod zero_width_character;

pub const RULES: &[&dyn Rule] = &[
    &zero_width_character::ZeroWidthCharacter,
    &misplaced_byte_order_mark::MisplacedByteOrderMark,
    &soft_hyphen::SoftHyphen,
    &bidi_control::BidiControl,
    &control_character::ControlCharacter,
    &replacement_character::ReplacementCharacter,
    &non_nfc_text::NonNfcText,
    &mojibake::Mojibake,
];
