//! W: whitespace in the wrong place.

use crate::rule::Rule;

mod space_before_punctuation;

pub const RULES: &[&dyn Rule] = &[&space_before_punctuation::SpaceBeforePunctuation];
