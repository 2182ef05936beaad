//! detritus finds the debris that machine translation and web scraping leave
//! in article text, proposes fixes marked with how safe they are, and applies
//! the ones you accept.
//!
//! The library never prints and never touches files; the `detritus` binary
//! owns all I/O. Build a [`Linter`] once and call [`Linter::check`] or
//! [`Linter::fix`] on as many texts as you like, from as many threads as you like.
//!
//! ```
//! use detritus::{FixMode, Linter, Settings};
//!
//! let linter = Linter::new(&Settings::default())?;
//! let fixed = linter.fix("It grew fast , analysts said .", FixMode::Safe)?;
//! assert_eq!(fixed.text, "It grew fast, analysts said.");
//! for fix in &fixed.applied {
//!     assert_eq!(fix.rule.name, "space-before-punctuation");
//! }
//! # Ok::<(), detritus::Error>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod code_lines;
#[cfg(feature = "config")]
pub mod config;
pub mod decisions;
pub mod diagnostic;
pub mod diff;
pub mod document;
pub mod error;
pub mod fix;
pub mod lang;
pub mod lexicon;
pub mod linter;
pub mod markdown;
pub mod meta;
pub mod registry;
pub mod rst;
pub mod rule;
pub mod rules;
pub mod segment;
pub mod settings;
pub mod span;
pub mod text;

pub use diagnostic::{Applicability, Diagnostic, Fix};
pub use document::{Context, Document};
pub use error::Error;
pub use fix::{AppliedFix, ChangeMap, Fixed};
pub use lang::{Lang, Script};
pub use linter::{CheckCache, FixMode, Linter};
pub use meta::{Applies, Family, FixAvailability, Fixture, RuleMeta, Scope};
pub use rule::Rule;
pub use settings::{Language, Settings, Syntax};
pub use span::{Edit, Span};

/// What a rule file needs, in one import.
pub mod prelude {
    pub use crate::diagnostic::{Applicability, Diagnostic, Fix};
    pub use crate::document::Document;
    pub use crate::lang::{Lang, Script};
    pub use crate::meta::{Applies, Family, FixAvailability, Fixture, RuleMeta, Scope};
    pub use crate::rule::Rule;
    pub use crate::span::{Edit, Span};
}
