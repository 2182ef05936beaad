//! Q: quotes and brackets that do not pair up.

use crate::rule::Rule;

mod apostrophe_lookalike;
mod doubled_closing_quote;
mod empty_quotes_or_brackets;
mod helpers;
mod misoriented_quote;
mod mixed_quote_style;
mod unbalanced_bracket;
mod unbalanced_quote;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[
    &unbalanced_quote::UnbalancedQuote,
    &mixed_quote_style::MixedQuoteStyle,
    &doubled_closing_quote::DoubledClosingQuote,
    &empty_quotes_or_brackets::EmptyQuotesOrBrackets,
    &unbalanced_bracket::UnbalancedBracket,
    &apostrophe_lookalike::ApostropheLookalike,
    &misoriented_quote::MisorientedQuote,
];
