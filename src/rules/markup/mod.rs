//! M: leaked markup and HTML entities.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
