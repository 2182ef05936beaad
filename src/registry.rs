//! The one list of every rule, and selection over it.

use std::sync::LazyLock;

use crate::error::Error;
use crate::rule::{Family, Rule};
use crate::rules;

/// Every rule, sorted by code. Codes are never reused.
pub fn all() -> &'static [&'static dyn Rule] {
    static ALL: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
        let mut all = rules::all();
        all.sort_by_key(|r| r.meta().code);
        all
    });
    &ALL
}

/// Find a rule by code or name.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    all()
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code_or_name) || r.meta().name == code_or_name)
}

/// True when `selector` picks `rule`: `ALL`, a code, a code prefix, a family or a name.
fn matches(selector: &str, rule: &dyn Rule) -> bool {
    let meta = rule.meta();
    selector.eq_ignore_ascii_case("all")
        || meta.name == selector
        || meta.family.name() == selector
        || (!selector.is_empty()
            && selector.len() <= meta.code.len()
            && meta.code[..selector.len()].eq_ignore_ascii_case(selector))
}

fn check_known(selectors: &[String]) -> Result<(), Error> {
    for s in selectors {
        if !all().iter().any(|r| matches(s, *r)) && !Family::ALL.iter().any(|f| f.name() == s) {
            return Err(Error::UnknownSelector(s.clone()));
        }
    }
    Ok(())
}

/// The rules left after `select` (empty: all) and then `ignore`, in code order.
pub fn select(select: &[String], ignore: &[String]) -> Result<Vec<&'static dyn Rule>, Error> {
    check_known(select)?;
    check_known(ignore)?;
    Ok(all()
        .iter()
        .copied()
        .filter(|r| select.is_empty() || select.iter().any(|s| matches(s, *r)))
        .filter(|r| !ignore.iter().any(|s| matches(s, *r)))
        .collect())
}
