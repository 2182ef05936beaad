//! W: whitespace in the wrong place.

use crate::rule::Rule;

mod hard_wrapped_line;
mod leading_whitespace;
mod line_break_hyphen;
mod missing_space_after_punctuation;
mod odd_space;
mod repeated_spaces;
mod space_before_punctuation;
mod space_inside_brackets;
mod space_inside_quotes;
mod split_word;
mod trailing_whitespace;

pub(crate) use space_before_punctuation::names_the_mark;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[
    &space_before_punctuation::SpaceBeforePunctuation,
    &missing_space_after_punctuation::MissingSpaceAfterPunctuation,
    &repeated_spaces::RepeatedSpaces,
    &trailing_whitespace::TrailingWhitespace,
    &leading_whitespace::LeadingWhitespace,
    &space_inside_brackets::SpaceInsideBrackets,
    &space_inside_quotes::SpaceInsideQuotes,
    &odd_space::OddSpace,
    &line_break_hyphen::LineBreakHyphen,
    &hard_wrapped_line::HardWrappedLine,
    &split_word::SplitWord,
];
