//! F: fragments and broken sentence structure.

use crate::rule::Rule;

mod dangling_fragment;
pub(crate) mod helpers;
mod missing_sentence_break;
mod orphan_fragment;
mod repeated_quoted_fragment;
mod subjectless_fragment;
mod subordinate_fragment;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[
    &orphan_fragment::OrphanFragment,
    &dangling_fragment::DanglingFragment,
    &subordinate_fragment::SubordinateFragment,
    &subjectless_fragment::SubjectlessFragment,
    &missing_sentence_break::MissingSentenceBreak,
    &repeated_quoted_fragment::RepeatedQuotedFragment,
];
