//! D: text said twice.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
