//! B: boilerplate, captions and crawl metadata.

use crate::rule::Rule;

mod author_bio;
mod boilerplate_line;
mod caption_credit;
mod citation_marker;
mod crawl_metadata;
mod lost_drop_cap;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[
    &crawl_metadata::CrawlMetadata,
    &caption_credit::CaptionCredit,
    &boilerplate_line::BoilerplateLine,
    &citation_marker::CitationMarker,
    &lost_drop_cap::LostDropCap,
    &author_bio::AuthorBio,
];
