//! The rule trait: a check over the shared document view. Its data lives in
//! `meta`.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::meta::RuleMeta;

/// A stateless check over a shared document view.
///
/// Rules report; they never change text. The fixer is the only code that does.
pub trait Rule: Sync + Send {
    /// The rule's data.
    fn meta(&self) -> &'static RuleMeta;
    /// Push a diagnostic to `out` for each piece of debris in `doc`.
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);
}
