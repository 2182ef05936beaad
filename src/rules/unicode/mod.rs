//! U: invisible characters, control characters and encoding damage.

use crate::rule::Rule;

mod bidi_control;
mod control_character;
mod misplaced_byte_order_mark;
mod non_nfc_text;
mod replacement_character;
mod scripts;
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
];
