//! M: leaked markup and HTML entities.

use crate::rule::Rule;

mod html_entity;
mod leaked_markup;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[&html_entity::HtmlEntity, &leaked_markup::LeakedMarkup];
