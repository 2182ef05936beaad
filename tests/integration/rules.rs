//! Invariants every rule in the registry must satisfy, read from its metadata.

use crate::util::corpus;
use detritus::{registry, CheckCache, FixAvailability, FixMode, Language, Linter, Rule, Scope, Settings};

/// A linter running `rule` alone, reading text as `language`.
fn only_as(rule: &dyn Rule, language: Language) -> Linter {
    let settings = Settings {
        select: vec![rule.meta().code.to_string()],
        language,
        ..Settings::default()
    };
    Linter::new(&settings).expect("a registered code selects its rule")
}

/// A rule's fixtures are written in the first language it reads; a rule
/// for every language must meet them with the language found, not told.
fn only(rule: &dyn Rule) -> Linter {
    only_as(rule, fixture_language(rule))
}

fn fixture_language(rule: &dyn Rule) -> Language {
    rule.meta()
        .applies
        .languages
        .first()
        .map_or(Language::Auto, |&l| Language::Is(l))
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

/// Every failure of a registry-wide test, so one run names every rule that
/// breaks an invariant instead of stopping at the first.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn check(&mut self, ok: bool, why: impl FnOnce() -> String) {
        if !ok {
            self.0.push(why());
        }
    }
}

impl Drop for Failures {
    fn drop(&mut self) {
        if !self.0.is_empty() && !std::thread::panicking() {
            panic!("{} failure(s):\n{}", self.0.len(), self.0.join("\n"));
        }
    }
}

#[test]
fn every_rule_has_docs_and_fixtures_both_ways() {
    let mut failures = Failures::default();
    for rule in registry::all() {
        let m = rule.meta();
        failures.check(!m.summary.trim().is_empty(), || format!("{} has no summary", m.code));
        failures.check(m.docs.trim().len() > 80, || {
            format!("{} needs docs: what, why, an example, fix safety", m.code)
        });
        failures.check(!m.flags.is_empty(), || {
            format!("{} has no fixture it must flag", m.code)
        });
        failures.check(!m.keeps.is_empty(), || {
            format!("{} has no fixture it must leave alone", m.code)
        });
    }
}

#[test]
fn every_rule_flags_its_examples_and_repairs_them_exactly() {
    let mut failures = Failures::default();
    for rule in registry::all() {
        let m = rule.meta();
        let linter = only(*rule);
        for fixture in m.flags {
            let found = linter.check(fixture.input);
            failures.check(!found.is_empty(), || {
                format!("{} {} did not flag {:?}", m.code, m.name, fixture.input)
            });
            let fixed = match linter.fix(fixture.input, FixMode::Unsafe) {
                Ok(fixed) => fixed,
                Err(e) => {
                    failures.check(false, || format!("{}: {e}", m.code));
                    continue;
                }
            };
            failures.check(fixed.text == fixture.output, || {
                format!(
                    "{} {} repaired {:?} wrongly:\n  got  {:?}\n  want {:?}",
                    m.code, m.name, fixture.input, fixed.text, fixture.output
                )
            });
            if matches!(m.fix, FixAvailability::None | FixAvailability::DisplayOnly) {
                failures.check(fixture.output == fixture.input, || {
                    format!("{} cannot fix, so its output must equal its input", m.code)
                });
            }
            let again = linter.fix(&fixed.text, FixMode::Unsafe).map(|f| f.text);
            failures.check(again.as_ref() == Ok(&fixed.text), || {
                format!("{} is not idempotent on {:?}", m.code, fixture.input)
            });
        }
    }
}

#[test]
fn every_rule_leaves_its_near_misses_alone() {
    let mut failures = Failures::default();
    for rule in registry::all() {
        let m = rule.meta();
        // Also as English, the language most rules know best and flag most in.
        for linter in [only(*rule), only_as(*rule, Language::Is(detritus::Lang::English))] {
            for text in m.keeps {
                let found = linter.check(text);
                failures.check(found.is_empty(), || {
                    format!(
                        "{} {} flagged correct text {:?}: {:?}",
                        m.code,
                        m.name,
                        text,
                        found.iter().map(|d| d.message.as_ref()).collect::<Vec<_>>()
                    )
                });
            }
        }
    }
}

/// Every rule's examples and near misses as paragraphs of one text, in
/// three layouts, so each example has other paragraphs before and after it.
fn every_example_as_paragraphs() -> Vec<String> {
    let mut pieces: Vec<&str> = Vec::new();
    for rule in registry::all() {
        let m = rule.meta();
        pieces.extend(m.flags.iter().flat_map(|f| [f.input, f.output]));
        pieces.extend(m.keeps.iter().copied());
    }
    vec![pieces.join("\n\n"), pieces.join("\n \n\n"), pieces.join("\r\n\r\n")]
}

#[test]
fn paragraph_scoped_rules_find_in_each_paragraph_what_they_find_in_the_whole_text() {
    let texts: Vec<String> = every_example_as_paragraphs()
        .into_iter()
        .chain(corpus().iter().cloned())
        .collect();
    let mut paragraph_scoped = 0;
    for rule in registry::all() {
        let m = rule.meta();
        paragraph_scoped += usize::from(m.scope == Scope::Paragraph);
        let linter = only(*rule);
        for text in &texts {
            let whole = linter.check(text);
            let by_paragraph = linter.check_cached(text, &mut CheckCache::default());
            assert!(
                whole == by_paragraph,
                "{} {} ({:?}) finds {} diagnostics in the whole text but {} paragraph by paragraph; first difference: {:?}",
                m.code,
                m.name,
                m.scope,
                whole.len(),
                by_paragraph.len(),
                whole
                    .iter()
                    .zip(&by_paragraph)
                    .find(|(a, b)| a != b)
                    .map(|(a, b)| (a.span, &a.message, b.span, &b.message)),
            );
        }
    }
    assert!(
        paragraph_scoped > registry::all().len() / 2,
        "most rules read one paragraph at a time"
    );
}

#[test]
fn a_look_back_from_one_paragraph_never_reads_the_paragraph_before() {
    // Each once found something in the whole text that a check of its own
    // paragraph did not, or the other way round.
    let cases = [
        "A.\n\nB.\n\nyyyyyyyyyyyyyyyyyyyyy le chat et la souris ! xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx word ! end",
        "A \"x\" b.\n\nTwo.\n\nHe said ''hello” to me.",
        "One.\n\nTwo.\n\n\"\" is empty.",
        "One.\n\nThey walked.\n\nup up the hill it went.",
        "Filed 2024.\n\nTwo.\n\nUpdated just now\n\nText here.",
        "One.\n\nIt ended. \n\nwords. scrap. Next one.",
        "One.\n\nGod is great.\n\nFerrari led at the 30 km mark He passed two rivals.",
        "A date here.\n\nTwo.\n\n“\t’",
    ];
    // Told, not found: a paragraph alone has no whole text to take a language from.
    let linter = Linter::new(&Settings {
        language: Language::Is(detritus::Lang::English),
        ..Settings::default()
    })
    .unwrap();
    for text in cases {
        let by_paragraph = linter.check_cached(text, &mut CheckCache::default());
        assert_eq!(linter.check(text), by_paragraph, "{text:?}");
        let second = text.rfind("\n\n").unwrap() + 2;
        let alone = linter.check(&text[second..]);
        let last: Vec<_> = by_paragraph.iter().filter(|d| d.span.start >= second).collect();
        assert_eq!(
            last.iter()
                .map(|d| (d.rule.code, d.span.start - second))
                .collect::<Vec<_>>(),
            alone.iter().map(|d| (d.rule.code, d.span.start)).collect::<Vec<_>>(),
            "the last paragraph of {text:?} on its own"
        );
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
