//! U: invisible characters, control characters and encoding damage.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
