//! A configured set of rules that checks and fixes text.

use std::borrow::Cow;

use rayon::prelude::*;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::{self, Document, Segments};
use crate::error::Error;
use crate::fix::{self, Fixed};
use crate::lang::Lang;
use crate::meta::Scope;
use crate::registry;
use crate::rule::Rule;
use crate::settings::{Language, Settings, Syntax};

/// The most a `protect` pattern may compile to. Matching time grows with
/// it: `a{10000}` compiles past this and took 24 s on 1 MB of text, while
/// patterns that name tokens (`\bSKU-\d+\b`) stay far below it.
const PROTECT_SIZE: usize = 256 * 1024;

/// The length from which fixing re-checks through a [`CheckCache`].
const CACHE_FROM: usize = 64 * 1024;

/// Which fixes `fix` applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes that cannot change meaning.
    #[default]
    Safe,
    /// Safe and unsafe fixes; display-only suggestions are never applied.
    Unsafe,
}

impl FixMode {
    /// True when a fix of this safety may be applied in this mode.
    pub fn allows(self, applicability: Applicability) -> bool {
        match applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => self == FixMode::Unsafe,
            Applicability::DisplayOnly => false,
        }
    }
}

/// What [`Linter::check_cached`] remembers between checks of one linter:
/// what the paragraph-scoped rules found in each block of text, by its text.
#[derive(Default)]
pub struct CheckCache {
    blocks: FxHashMap<Box<str>, Block>,
    /// The whole text's language the blocks were read with: a block's
    /// short paragraphs take it, so the findings hold only under it.
    language: Option<Lang>,
}

/// One block's findings, with its sentences, their keys and its words, so a
/// whole-text view for the document-scoped rules is assembled instead of
/// segmented again.
struct Block {
    found: Vec<Diagnostic>,
    segments: Segments,
}

/// The entry point of the library: build it once, then check or fix many texts.
///
/// ```
/// use detritus::{FixMode, Linter, Settings};
///
/// let linter = Linter::new(&Settings::default()).unwrap();
/// let text = "An experimental model , which never shipped.";
/// let diagnostics = linter.check(text);
/// assert_eq!(diagnostics[0].rule.name, "space-before-punctuation");
/// let fixed = linter.fix(text, FixMode::Safe).unwrap();
/// assert_eq!(fixed.text, "An experimental model, which never shipped.");
/// ```
#[derive(Clone)]
pub struct Linter {
    rules: Vec<&'static dyn Rule>,
    /// Codes whose fixes are promoted to safe, or demoted to unsafe.
    promote: Vec<&'static str>,
    demote: Vec<&'static str>,
    language: Language,
    protect: Vec<Regex>,
    syntax: Syntax,
    records: bool,
    restore_paragraphs: bool,
}

impl Linter {
    /// Resolve the settings into the rules to run; fails on an unknown rule, language or pattern.
    pub fn new(settings: &Settings) -> Result<Linter, Error> {
        let protect = settings
            .protect
            .iter()
            .map(|p| {
                regex::RegexBuilder::new(p)
                    .size_limit(PROTECT_SIZE)
                    .build()
                    .map_err(|e| Error::BadPattern {
                        pattern: p.clone(),
                        reason: match e {
                            regex::Error::CompiledTooBig(_) => format!(
                                "too costly to match: it compiles to more than {} KiB; \
                                 use fewer or smaller repetitions",
                                PROTECT_SIZE / 1024
                            ),
                            e => e.to_string(),
                        },
                    })
            })
            .collect::<Result<_, _>>()?;
        let codes = |selectors: &[String]| -> Result<Vec<&'static str>, Error> {
            if selectors.is_empty() {
                return Ok(Vec::new());
            }
            Ok(registry::select(selectors, &[])?
                .iter()
                .map(|r| r.meta().code)
                .collect())
        };
        Ok(Linter {
            rules: registry::select(&settings.select, &settings.ignore)?,
            promote: codes(&settings.extend_safe_fixes)?,
            demote: codes(&settings.extend_unsafe_fixes)?,
            language: settings.language,
            protect,
            syntax: settings.syntax,
            records: settings.records,
            restore_paragraphs: settings.restore_paragraphs,
        })
    }

    /// The language setting it reads texts with.
    pub fn language(&self) -> Language {
        self.language
    }

    /// This linter, reading a text too short to tell its language as
    /// `usual` when the setting is `auto`: for the records of a data set
    /// whose other records tell `usual` (see [`crate::lang::StreamLanguage`]).
    /// Any other setting, or no `usual`, leaves it as it is.
    pub fn reading_short_texts_as(&self, usual: Option<Lang>) -> Cow<'_, Linter> {
        match (self.language, usual) {
            (Language::Auto, Some(l)) => Cow::Owned(Linter {
                language: Language::Mostly(l),
                ..self.clone()
            }),
            _ => Cow::Borrowed(self),
        }
    }

    /// The rules this linter runs, in registry order.
    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }

    /// Every diagnostic in `text`, sorted by position.
    pub fn check(&self, text: &str) -> Vec<Diagnostic> {
        let doc = self.document(text);
        let mut out = self.check_with(&doc, None);
        sort(&mut out);
        out
    }

    /// The same as [`Linter::check`], but a paragraph the last check with
    /// this cache already saw costs only the lookup of its text. The fixer
    /// re-checks with it after every pass, so it re-reads only what changed.
    pub fn check_cached(&self, text: &str, cache: &mut CheckCache) -> Vec<Diagnostic> {
        // A user's pattern, or a marked-up code block, may run across
        // paragraphs; only a whole-text check sees that.
        if !self.protect.is_empty() || self.syntax != Syntax::Plain {
            return self.check(text);
        }
        // The document-scoped rules read sentences and words the blocks have
        // already segmented; with none selected, no block segments for them.
        let whole = self.rules.iter().any(|r| r.meta().scope == Scope::Document);
        let language = document::language_of(text, self.language);
        if language != cache.language {
            cache.blocks.clear();
            cache.language = language;
        }
        let blocks = document::blocks(text);
        let mut kept: FxHashMap<Box<str>, Block> = FxHashMap::default();
        kept.reserve(blocks.len());
        let mut missing: FxHashSet<&str> = FxHashSet::default();
        for block in &blocks[1..] {
            let slice = block.slice(text);
            if !kept.contains_key(slice) {
                if let Some((key, found)) = cache.blocks.remove_entry(slice) {
                    kept.insert(key, found);
                } else {
                    missing.insert(slice);
                }
            }
        }
        let missing: Vec<&str> = missing.into_iter().collect();
        // Blocks are independent, so one long text keeps every core busy.
        // The first block is the only one with nothing before it, so no other shares its findings.
        let (mut first, fresh) = rayon::join(
            || self.check_block(blocks[0].slice(text), false, whole, language),
            || {
                missing
                    .par_iter()
                    .map(|s| self.check_block(s, true, whole, language))
                    .collect::<Vec<_>>()
            },
        );
        kept.extend(missing.into_iter().map(Box::from).zip(fresh));
        // Each block looked up once (the lookup hashes its text), and the
        // lists sized first: grown by doubling, the whole text's lists would
        // hold up to twice their length while they grow. The first block's
        // lists start them: it stands at 0 and is not cached, so moving them
        // spares a copy of what may be the whole text's findings.
        let rest: Vec<(crate::Span, &Block)> = blocks[1..]
            .iter()
            .map(|&span| (span, &kept[span.slice(text)]))
            .collect();
        let total = |of: fn(&Block) -> usize| rest.iter().map(|(_, b)| of(b)).sum::<usize>();
        // Shrunk first: the block's lists grew by doubling, and the findings
        // live on through the next pass.
        let mut out = std::mem::take(&mut first.found);
        out.shrink_to_fit();
        out.reserve_exact(total(|b| b.found.len()));
        let mut all = std::mem::take(&mut first.segments);
        all.sentences.reserve_exact(total(|b| b.segments.sentences.len()));
        all.sentence_keys
            .reserve_exact(total(|b| b.segments.sentence_keys.len()));
        all.words.reserve_exact(total(|b| b.segments.words.len()));
        for (span, block) in rest {
            out.extend(block.found.iter().map(|d| d.shifted(span.start)));
            let b = &block.segments;
            all.sentences.extend(b.sentences.iter().map(|s| s.shifted(span.start)));
            // A key is of the sentence's text, wherever the sentence stands.
            all.sentence_keys.extend_from_slice(&b.sentence_keys);
            all.words.extend(b.words.iter().map(|w| w.shifted(span.start)));
        }
        if whole {
            let doc = self.document(text).with_segments(all, language);
            out.extend(self.check_with(&doc, Some(Scope::Document)));
        }
        cache.blocks = kept;
        sort(&mut out);
        out
    }

    /// The view every rule reads of `text`.
    fn document<'t>(&'t self, text: &'t str) -> Document<'t> {
        let mut doc = Document::with_settings(text, self.language, &self.protect);
        doc = doc.with_syntax(self.syntax);
        if self.records {
            doc = doc.record();
        }
        if self.restore_paragraphs {
            doc = doc.restoring_paragraphs();
        }
        doc
    }

    fn check_block(&self, text: &str, continues: bool, segment: bool, language: Option<Lang>) -> Block {
        let mut doc = Document::block(text, self.language, language, continues);
        if self.records && !continues {
            doc = doc.record();
        }
        if self.restore_paragraphs {
            doc = doc.restoring_paragraphs();
        }
        let found = self.check_with(&doc, Some(Scope::Paragraph));
        let segments = if segment {
            doc.into_segments()
        } else {
            Segments::default()
        };
        Block { found, segments }
    }

    /// What the rules of `scope` (or all of them) find in `doc`, policed.
    fn check_with(&self, doc: &Document, scope: Option<Scope>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for rule in self.rules.iter().filter(|r| scope.is_none_or(|s| r.meta().scope == s)) {
            let applies = &rule.meta().applies;
            if applies.languages.is_empty() || applies.languages.iter().any(|&l| doc.may_be(l)) {
                rule.check(doc, &mut out);
            }
        }
        // A rule reports only in paragraphs of the languages and scripts it
        // declares: its word lists and typography mean nothing elsewhere.
        out.retain(|d| d.rule.applies.is_everywhere() || d.rule.applies.admits(doc.context_at(d.span.start)));
        // Spacing and marks on a line of code are the code's.
        out.retain(|d| !d.rule.applies.prose_only || !doc.in_code_line(d.span.start));
        if !out.is_empty() {
            police(doc, &mut out);
            self.override_safety(doc.text(), &mut out);
        }
        out
    }

    /// Apply the fixes `mode` allows until the text stops changing.
    pub fn fix(&self, text: &str, mode: FixMode) -> Result<Fixed, Error> {
        self.fix_with(text, &|d: &Diagnostic, _: &str| {
            d.applicability().is_some_and(|a| mode.allows(a))
        })
    }

    /// Apply every fix `accept` approves until the text stops changing.
    /// `accept` sees the diagnostic and the text it was found in.
    pub fn fix_with(&self, text: &str, accept: &dyn Fn(&Diagnostic, &str) -> bool) -> Result<Fixed, Error> {
        self.fix_caching_from(text, accept, CACHE_FROM)
    }

    fn fix_caching_from(
        &self,
        text: &str,
        accept: &dyn Fn(&Diagnostic, &str) -> bool,
        cache_from: usize,
    ) -> Result<Fixed, Error> {
        // Remembering paragraphs pays on a long text, where a pass changes few
        // of them; an article is re-checked whole faster than it is cut into blocks.
        let mut cache = CheckCache::default();
        fix::fix(text, accept, &mut |t: &str| {
            if t.len() < cache_from {
                self.check(t)
            } else {
                self.check_cached(t, &mut cache)
            }
        })
    }
}

impl Linter {
    /// Apply `extend-safe-fixes` and `extend-unsafe-fixes`. A promoted fix
    /// that deletes letters stays unsafe: deleting words is never safe,
    /// whatever a setting says.
    fn override_safety(&self, text: &str, out: &mut [Diagnostic]) {
        if self.promote.is_empty() && self.demote.is_empty() {
            return;
        }
        for d in out.iter_mut() {
            let Some(fix) = &mut d.fix else { continue };
            if self.demote.contains(&d.rule.code) && fix.applicability == Applicability::Safe {
                fix.applicability = Applicability::Unsafe;
            } else if self.promote.contains(&d.rule.code)
                && fix.applicability == Applicability::Unsafe
                && !fix
                    .edits
                    .iter()
                    .any(|e| crate::text::deletes_letters(e.span.slice(text), &e.content))
            {
                fix.applicability = Applicability::Safe;
            }
        }
    }
}

fn sort(out: &mut [Diagnostic]) {
    out.sort_by(|a, b| (a.span, a.rule.code).cmp(&(b.span, b.rule.code)));
}

/// Enforce what no rule may do, whatever its code says: report outside the
/// text or off a character boundary, cut into a protected region, or call a
/// fix safe that deletes letters.
fn police(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let on_boundary =
        |s: crate::Span| s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    out.retain(|d| {
        let ok = on_boundary(d.span)
            && d.fix
                .as_ref()
                .is_none_or(|f| f.edits.iter().all(|e| on_boundary(e.span)));
        debug_assert!(
            ok,
            "{} reported a span off a character boundary: {:?}",
            d.rule.code, d.span
        );
        ok
    });
    out.retain(|d| !doc.cuts_protected(d.span));
    // Markup's code, HTML and link targets are not prose: nothing there is debris.
    if doc.is_marked_up() {
        out.retain(|d| {
            !doc.touches_markup(d.span)
                && d.fix
                    .as_ref()
                    .is_none_or(|f| f.edits.iter().all(|e| !doc.touches_markup(e.span)))
        });
    }
    for d in out.iter_mut() {
        let Some(fix) = &mut d.fix else { continue };
        // The constructors give every fix an edit; `edits` is public, so an
        // emptied one is dropped here rather than met by the fixer.
        if fix.edits.is_empty() || fix.edits.iter().any(|e| doc.cuts_protected(e.span)) {
            d.fix = None;
            continue;
        }
        if fix.applicability == Applicability::Safe
            && !d.rule.rewrites_letters
            && fix
                .edits
                .iter()
                .any(|e| crate::text::deletes_letters(e.span.slice(text), &e.content))
        {
            debug_assert!(
                false,
                "{} offered a safe fix that deletes letters: {:?}",
                d.rule.code, fix.edits
            );
            fix.applicability = Applicability::Unsafe;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_protect_pattern_too_costly_to_match_is_refused() {
        let build = |p: &str| {
            Linter::new(&Settings {
                protect: vec![p.into()],
                ..Settings::default()
            })
        };
        let Err(Error::BadPattern { reason, .. }) = build("a{10000}") else {
            panic!("a{{10000}} was accepted");
        };
        assert!(reason.contains("too costly"), "{reason}");
        assert!(build(r"\bSKU-\d+\b").is_ok());
        assert!(build(r"\w+@\w+\.\w+").is_ok());
    }

    #[test]
    fn promoting_a_rule_never_makes_deleting_words_safe() {
        let linter = Linter::new(&Settings {
            extend_safe_fixes: vec!["ALL".into()],
            language: Language::Is(crate::Lang::English),
            ..Settings::default()
        })
        .unwrap();
        // An orphan fragment's removal deletes a word: it stays unsafe.
        let text = "The company denied the claim, then apologised. hug. The allegation grew.";
        let fixed = linter.fix(text, FixMode::Safe).unwrap();
        assert_eq!(fixed.text, text);
        assert!(linter
            .check(text)
            .iter()
            .any(|d| d.rule.code == "F001" && d.applicability() == Some(Applicability::Unsafe)));
        // A quote removal keeps every letter: promoted, it is applied.
        let quote = "Through “Data”. Insensitivity.” The firm denied it.";
        assert_eq!(
            linter.fix(quote, FixMode::Safe).unwrap().text,
            "Through “Data”. Insensitivity. The firm denied it."
        );
    }

    #[test]
    fn fixing_through_the_paragraph_cache_changes_nothing_in_the_result() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        let corpus: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
        let long = corpus.join("\n\n");
        let linter = Linter::new(&crate::Settings::default()).unwrap();
        for mode in [crate::FixMode::Safe, crate::FixMode::Unsafe] {
            let accept = |d: &Diagnostic, _: &str| d.applicability().is_some_and(|a| mode.allows(a));
            let whole = linter.fix_caching_from(&long, &accept, usize::MAX).unwrap();
            let cached = linter.fix_caching_from(&long, &accept, 0).unwrap();
            assert!(whole.passes > 2, "the corpus takes several passes");
            assert_eq!(whole, cached, "{mode:?}");
        }
    }
}
