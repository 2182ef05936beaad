//! B: boilerplate, captions and crawl metadata.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
