//! B: boilerplate, captions and crawl metadata.

use crate::rule::Rule;

mod boilerplate_line;
mod caption_credit;
mod crawl_metadata;
pub(crate) mod credits;

pub const RULES: &[&dyn Rule] = &[
    &crawl_metadata::CrawlMetadata,
    &caption_credit::CaptionCredit,
    &boilerplate_line::BoilerplateLine,
];
