//! M: leaked markup and HTML entities.

use crate::rule::Rule;

mod entities;
mod html_entity;
mod leaked_markup;

pub const RULES: &[&dyn Rule] = &[&html_entity::HtmlEntity, &leaked_markup::LeakedMarkup];
