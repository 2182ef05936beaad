//! Q: quotes and brackets that do not pair up.

use crate::rule::Rule;

mod doubled_closing_quote;
mod empty_quotes_or_brackets;
mod mixed_quote_style;
mod pairing;
mod unbalanced_bracket;
mod unbalanced_quote;

pub const RULES: &[&dyn Rule] = &[
    &unbalanced_quote::UnbalancedQuote,
    &mixed_quote_style::MixedQuoteStyle,
    &doubled_closing_quote::DoubledClosingQuote,
    &empty_quotes_or_brackets::EmptyQuotesOrBrackets,
    &unbalanced_bracket::UnbalancedBracket,
];

#[cfg(test)]
mod qmu_tmp {
    use crate::{registry, FixMode, Linter, Settings};

    #[test]
    fn qmu_fixtures() {
        for rule in registry::all() {
            let m = rule.meta();
            if !matches!(&m.code[..1], "Q" | "M" | "U") {
                continue;
            }
            let linter = Linter::new(&Settings {
                select: vec![m.code.to_string()],
                ..Settings::default()
            })
            .unwrap();
            for f in m.flags {
                assert!(!linter.check(f.input).is_empty(), "{} no flag {:?}", m.code, f.input);
                let fixed = linter.fix(f.input, FixMode::Unsafe).unwrap();
                assert_eq!(fixed.text, f.output, "{} wrong repair", m.code);
                let again = linter.fix(&fixed.text, FixMode::Unsafe).unwrap();
                assert_eq!(again.text, fixed.text, "{} not idempotent", m.code);
            }
            for k in m.keeps {
                let found = linter.check(k);
                assert!(found.is_empty(), "{} flagged {:?}: {:?}", m.code, k, found.iter().map(|d| d.message.to_string()).collect::<Vec<_>>());
            }
        }
    }
}
