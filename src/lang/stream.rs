//! The language a stream of records shares, for its records too short to
//! tell their own.
//!
//! One sentence rarely holds the two telling function words a verdict
//! needs (`Business investment is in a decline.` has only `is`, `in` and
//! `a`, which Dutch, Italian and Portuguese use too), so one record in
//! twelve of English news read a sentence at a time is undecided, and the
//! English rules skipped it. A person reading the data set would take it
//! for English, as the others are: a record too short to tell takes the
//! language nearly every other record tells, as a headline takes its
//! article's. A record that tells another language keeps it, and one with
//! enough words that match none stays foreign.

use rayon::prelude::*;

use super::{detect, Lang, Verdict, DOCUMENT_WORDS};

/// Records that must tell their language before the stream has one.
const TOLD_FROM: u32 = 4;

/// A tally of the languages a stream's records tell.
#[derive(Clone, Debug, Default)]
pub struct StreamLanguage {
    told: [u32; Lang::ALL.len()],
    /// Records long enough to tell, in no known language.
    foreign: u32,
}

impl StreamLanguage {
    /// Count the language `text` tells, if it tells one.
    pub fn add(&mut self, text: &str) {
        match detect(text, DOCUMENT_WORDS) {
            Verdict::Is(l) => self.told[l.index()] += 1,
            Verdict::Foreign => self.foreign += 1,
            Verdict::Undecided => {}
        }
    }

    /// The tally of `texts`, counted in parallel.
    pub fn of_all<'t>(texts: impl ParallelIterator<Item = &'t str>) -> StreamLanguage {
        texts
            .fold(StreamLanguage::default, |mut tally, text| {
                tally.add(text);
                tally
            })
            .reduce(StreamLanguage::default, |mut a, b| {
                a.merge(&b);
                a
            })
    }

    /// Add every count of `other`.
    pub fn merge(&mut self, other: &StreamLanguage) {
        for (a, b) in self.told.iter_mut().zip(other.told) {
            *a += b;
        }
        self.foreign += other.foreign;
    }

    /// The language of nine in ten of the records that told one (foreign
    /// ones count against it), once four have: a stream of mixed languages
    /// has none, and its short records stay undecided.
    pub fn shared(&self) -> Option<Lang> {
        let total = self.told.iter().sum::<u32>() + self.foreign;
        let (i, &top) = self.told.iter().enumerate().max_by_key(|&(_, n)| *n)?;
        (total >= TOLD_FROM && top * 10 >= total * 9).then_some(Lang::ALL[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(texts: &[&str]) -> Option<Lang> {
        let mut s = StreamLanguage::default();
        for t in texts {
            s.add(t);
        }
        s.shared()
    }

    const ENGLISH: &str = "The council said that it would meet again with the unions in the spring.";

    #[test]
    fn a_stream_of_english_records_is_english() {
        assert_eq!(stream(&[ENGLISH; 4]), Some(Lang::English));
    }

    #[test]
    fn records_too_short_to_tell_do_not_count() {
        assert_eq!(
            stream(&[ENGLISH, ENGLISH, ENGLISH, "Each time, nothing happened."]),
            None
        );
        assert_eq!(stream(&[ENGLISH; 20]), Some(Lang::English));
    }

    #[test]
    fn a_stream_of_mixed_languages_has_none() {
        let french = "Le conseil a dit qu'il se réunirait de nouveau avec les syndicats au printemps.";
        assert_eq!(stream(&[ENGLISH, ENGLISH, ENGLISH, ENGLISH, french]), None);
        let mut many = vec![ENGLISH; 17];
        many.extend([french, french]);
        assert_eq!(stream(&many), None);
        many.push(ENGLISH);
        assert_eq!(stream(&many), Some(Lang::English), "18 of 20 is nine in ten");
    }
}
