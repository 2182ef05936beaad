//! F: fragments and broken sentence structure.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
