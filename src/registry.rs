//! The one list of every rule, and selection over it.

use std::sync::LazyLock;

use crate::error::Error;
use crate::meta::Family;
use crate::rule::Rule;
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
            return Err(Error::UnknownSelector(s.clone(), nearest(s)));
        }
    }
    Ok(())
}

/// The code, name or family closest to a misspelled `selector`, if one is
/// within a typo's reach: two edits, or one for short selectors.
fn nearest(selector: &str) -> Option<&'static str> {
    let lower = selector.to_ascii_lowercase();
    let known = all()
        .iter()
        .flat_map(|r| [r.meta().code, r.meta().name])
        .chain(Family::ALL.iter().map(|f| f.name()));
    let reach = if selector.len() <= 4 { 1 } else { 2 };
    known
        .map(|k| (edits(&lower, &k.to_ascii_lowercase()), k))
        .filter(|&(d, _)| d <= reach)
        .min_by_key(|&(d, k)| (d, k))
        .map(|(_, k)| k)
}

/// Levenshtein distance, by characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelled_selector_gets_the_nearest_known_one() {
        assert_eq!(nearest("W00l"), Some("W001"));
        assert_eq!(nearest("mojibak"), Some("mojibake"));
        assert_eq!(nearest("doubled-wrod"), Some("doubled-word"));
        assert_eq!(nearest("punctation"), Some("punctuation"));
        assert_eq!(nearest("zzzzzz"), None);
        let Err(e) = select(&["mojibak".into()], &[]) else {
            panic!("accepted")
        };
        assert!(e.to_string().contains("did you mean `mojibake`?"), "{e}");
    }
}
