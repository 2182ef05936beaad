//! Text helpers more than one rule family (or the diff and the CLI) uses:
//! character classes, word shapes, what a removal must take with it, photo
//! credits, line numbers and how to show invisible characters. Helpers one
//! family alone uses live in that family's `helpers.rs`.

pub(crate) mod chars;
pub(crate) mod credits;
pub(crate) mod emoticons;
pub mod invisible;
pub mod lines;
pub(crate) mod removal;
pub(crate) mod words;

pub use invisible::{invisible_name, show_invisibles};
pub use lines::LineIndex;
pub(crate) use lines::{is_signature_delimiter, line_reach};
pub(crate) use removal::{inline_removal, line_removal};
pub use words::deletes_letters;
pub(crate) use words::{
    between_quotes, first_char, has_quote, is_abbreviation_period, is_capitalised, is_identifier_like,
    is_lowercase_word, is_past_form, last_token, leading_word, looks_abbreviated, terminal, trailing_letters,
};
