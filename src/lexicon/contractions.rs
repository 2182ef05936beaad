//! English contractions: which first halves take which ending.

/// True when `first` (lowercase) and `ending` make an English contraction
/// once an apostrophe joins them: `don’t`, `I’m`, `we’re`, `you’ve`,
/// `she’d`. A possessive `’s` takes any word and is the caller's to judge.
pub fn is_contraction(first: &str, ending: &str) -> bool {
    match ending {
        "t" => matches!(
            first,
            "ain"
                | "aren"
                | "can"
                | "couldn"
                | "didn"
                | "doesn"
                | "don"
                | "hadn"
                | "hasn"
                | "haven"
                | "isn"
                | "mightn"
                | "mustn"
                | "needn"
                | "shan"
                | "shouldn"
                | "wasn"
                | "weren"
                | "won"
                | "wouldn"
        ),
        "m" => first == "i",
        "re" => matches!(
            first,
            "we" | "you" | "they" | "who" | "what" | "there" | "where" | "here"
        ),
        "ve" => matches!(
            first,
            "i" | "you" | "we" | "they" | "who" | "could" | "would" | "should" | "might" | "must"
        ),
        "ll" | "d" => matches!(
            first,
            "i" | "you" | "he" | "she" | "it" | "we" | "they" | "who" | "that" | "there"
        ),
        _ => false,
    }
}
