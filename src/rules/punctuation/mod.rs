//! P: punctuation marks out of place.

use crate::rule::Rule;

mod fullwidth_alphanumerics;
mod fullwidth_punctuation;
pub(crate) mod helpers;
mod leaked_bullet;
mod punctuation_cluster;
mod punctuation_only_line;
mod stray_punctuation;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[
    &punctuation_cluster::PunctuationCluster,
    &stray_punctuation::StrayPunctuation,
    &punctuation_only_line::PunctuationOnlyLine,
    &fullwidth_punctuation::FullwidthPunctuation,
    &fullwidth_alphanumerics::FullwidthAlphanumerics,
    &leaked_bullet::LeakedBullet,
];
