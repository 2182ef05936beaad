//! Every rule, one file each, grouped by the family of debris it finds.
//!
//! Adding a rule touches its own file, one line in its family's `RULES`,
//! and nothing else: the registry, `rules`, `explain` and the fixture tests
//! all read the rule's metadata.

use crate::rule::Rule;

pub mod boilerplate;
pub mod duplication;
pub mod fragments;
pub mod markup;
pub mod punctuation;
pub mod quotes;
#[cfg(test)]
mod testing;
pub mod unicode;
pub mod whitespace;

/// Every family's rules, unsorted; `registry::all` sorts them.
pub fn all() -> Vec<&'static dyn Rule> {
    [
        whitespace::RULES,
        punctuation::RULES,
        quotes::RULES,
        fragments::RULES,
        markup::RULES,
        unicode::RULES,
        duplication::RULES,
        boilerplate::RULES,
    ]
    .concat()
}
