//! What rule tests share: a linter that runs one rule.

use crate::meta::RuleMeta;
use crate::{Language, Linter, Settings};

/// A linter running the rule of `meta` alone, reading text as `language`.
pub(crate) fn linter(meta: &RuleMeta, language: Language) -> Linter {
    let settings = Settings {
        select: vec![meta.code.to_string()],
        language,
        ..Settings::default()
    };
    Linter::new(&settings).expect("a registered code selects its rule")
}

/// The rule alone, reading text as English.
pub(crate) fn english(meta: &RuleMeta) -> Linter {
    linter(meta, Language::Is(crate::Lang::English))
}
