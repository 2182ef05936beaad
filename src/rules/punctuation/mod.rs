//! P: punctuation marks out of place.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
