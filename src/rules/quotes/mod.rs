//! Q: quotes and brackets that do not pair up.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
