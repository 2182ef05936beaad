//! More abbreviations written with a final period, for rules that must not
//! read that period as the end of a sentence.

use super::WordList;

/// Abbreviations the segmenter's lists lack: US state forms (`Springfield,
/// Ill.`), common institutional ones (`Univ.`, `Govt.`) and those of a job
/// or a field written before the noun they shorten (`asst. director`, `med.
/// care`), and the sciences' (`Salmonella spp. infection`, `subsp.
/// ruderalis`, `mol. wt. 50,000`). Written without their final period.
pub static PERIOD_ABBREVIATIONS: WordList = WordList(&[
    "aff", "ala", "ariz", "ark", "assn", "assoc", "asst", "bldg", "bros", "colo", "conn", "cv", "del", "dist", "div",
    "fla", "ga", "govt", "hwy", "ill", "ind", "intl", "kan", "ky", "la", "mass", "md", "med", "mfg", "mgmt", "mgr",
    "mich", "minn", "miss", "mo", "mol", "mont", "natl", "neb", "nev", "okla", "ore", "pa", "penn", "pkg", "pt", "qty",
    "rd", "sp", "spp", "sq", "ssp", "subsp", "syn", "tenn", "tex", "univ", "va", "var", "vt", "wash", "wis", "wt",
    "wyo",
]);

/// Units and amounts written with a period after a number (`40 ft. long`,
/// `2 bn. euros`), so the word after them is no scrap. Sorted, lowercase.
pub static UNIT_ABBREVIATIONS: WordList = WordList(&[
    "bln", "bn", "cm", "cu", "doz", "ft", "gal", "hr", "hrs", "kg", "km", "kms", "lb", "lbs", "mg", "mi", "min",
    "mins", "mio", "ml", "mln", "mm", "mn", "mrd", "oz", "pct", "qt", "sec", "secs", "tbsp", "tn", "trn", "tsp", "yd",
    "yds",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_abbreviations_are_listed_and_disjoint_from_the_segmenters() {
        assert!(PERIOD_ABBREVIATIONS.contains("Ill"));
        for w in PERIOD_ABBREVIATIONS.words() {
            assert!(!crate::lexicon::ABBREVIATIONS.contains(w), "{w}");
        }
    }
}
