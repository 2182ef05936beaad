//! Invariants every rule in the registry must satisfy, read from its metadata.

use detritus::{registry, FixAvailability, FixMode, Linter, Rule, Settings};

fn only(rule: &dyn Rule) -> Linter {
    let settings = Settings {
        select: vec![rule.meta().code.to_string()],
        ..Settings::default()
    };
    Linter::new(&settings).expect("a registered code selects its rule")
}

#[test]
fn codes_and_names_are_unique_well_formed_and_sorted() {
    let all = registry::all();
    assert!(!all.is_empty());
    for pair in all.windows(2) {
        assert!(
            pair[0].meta().code < pair[1].meta().code,
            "{} and {} out of order or duplicated",
            pair[0].meta().code,
            pair[1].meta().code
        );
    }
    let mut names: Vec<_> = all.iter().map(|r| r.meta().name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "rule names must be unique");
    for rule in all {
        let m = rule.meta();
        let mut code = m.code.chars();
        assert_eq!(
            code.next(),
            Some(m.family.letter()),
            "{}: code letter must match family {:?}",
            m.code,
            m.family
        );
        assert!(
            code.as_str().len() == 3 && code.as_str().bytes().all(|b| b.is_ascii_digit()),
            "{}: code must be a letter and three digits",
            m.code
        );
        assert!(
            !m.name.is_empty()
                && m.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !m.name.starts_with('-')
                && !m.name.ends_with('-'),
            "{}: name {:?} must be kebab-case",
            m.code,
            m.name
        );
    }
}

#[test]
fn every_rule_has_docs_and_fixtures_both_ways() {
    for rule in registry::all() {
        let m = rule.meta();
        assert!(!m.summary.trim().is_empty(), "{} has no summary", m.code);
        assert!(
            m.docs.trim().len() > 80,
            "{} needs docs: what, why, an example, fix safety",
            m.code
        );
        assert!(!m.flags.is_empty(), "{} has no fixture it must flag", m.code);
        assert!(!m.keeps.is_empty(), "{} has no fixture it must leave alone", m.code);
    }
}

#[test]
fn every_rule_flags_its_examples_and_repairs_them_exactly() {
    for rule in registry::all() {
        let m = rule.meta();
        let linter = only(*rule);
        for fixture in m.flags {
            let found = linter.check(fixture.input);
            assert!(
                !found.is_empty(),
                "{} {} did not flag {:?}",
                m.code,
                m.name,
                fixture.input
            );
            let fixed = linter
                .fix(fixture.input, FixMode::Unsafe)
                .unwrap_or_else(|e| panic!("{}: {e}", m.code));
            assert_eq!(
                fixed.text, fixture.output,
                "{} {} repaired {:?} wrongly",
                m.code, m.name, fixture.input
            );
            if matches!(m.fix, FixAvailability::None | FixAvailability::DisplayOnly) {
                assert_eq!(
                    fixture.output, fixture.input,
                    "{} cannot fix, so its output must equal its input",
                    m.code
                );
            }
            let again = linter
                .fix(&fixed.text, FixMode::Unsafe)
                .expect("fixing fixed text converges");
            assert_eq!(
                again.text, fixed.text,
                "{} is not idempotent on {:?}",
                m.code, fixture.input
            );
        }
    }
}

#[test]
fn every_rule_leaves_its_near_misses_alone() {
    for rule in registry::all() {
        let m = rule.meta();
        let linter = only(*rule);
        for text in m.keeps {
            let found = linter.check(text);
            assert!(
                found.is_empty(),
                "{} {} flagged correct text {:?}: {:?}",
                m.code,
                m.name,
                text,
                found.iter().map(|d| d.message.as_ref()).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn fixes_claim_no_more_safety_than_their_rule_offers() {
    for rule in registry::all() {
        let m = rule.meta();
        let linter = only(*rule);
        for fixture in m.flags {
            for d in linter.check(fixture.input) {
                let Some(fix) = d.fix else { continue };
                let allowed = match m.fix {
                    FixAvailability::None => false,
                    FixAvailability::DisplayOnly => fix.applicability == detritus::Applicability::DisplayOnly,
                    FixAvailability::Unsafe => fix.applicability != detritus::Applicability::Safe,
                    FixAvailability::Sometimes | FixAvailability::Safe => true,
                };
                assert!(
                    allowed,
                    "{} offered a {} fix but declares {}",
                    m.code,
                    fix.applicability,
                    m.fix.as_str()
                );
            }
        }
    }
}
