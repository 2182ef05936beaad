//! Byte offsets of the engine as Python string indices (code points), with
//! 1-based line and column, in one walk over the text.

pub struct Offsets {
    /// (byte offset, char index, line, column), sorted by byte offset.
    at: Vec<(usize, usize, usize, usize)>,
}

impl Offsets {
    /// Locate every offset `wanted` names; each must be a char boundary.
    pub fn new(text: &str, wanted: impl Iterator<Item = usize>) -> Offsets {
        let mut bytes: Vec<usize> = wanted.collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut at = Vec::with_capacity(bytes.len());
        let (mut byte, mut chars, mut line, mut column) = (0, 0, 1, 1);
        for b in bytes {
            // Walk from the last offset only: the whole walk reads the text once.
            for c in text[byte..b].chars() {
                chars += 1;
                if c == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
            }
            byte = b;
            at.push((b, chars, line, column));
        }
        Offsets { at }
    }

    fn find(&self, byte: usize) -> (usize, usize, usize, usize) {
        let i = self
            .at
            .binary_search_by_key(&byte, |a| a.0)
            .expect("only offsets given to Offsets::new are looked up");
        self.at[i]
    }

    /// The char index of `byte`.
    pub fn char(&self, byte: usize) -> usize {
        self.find(byte).1
    }

    /// The 1-based line and column (in characters) of `byte`.
    pub fn line_column(&self, byte: usize) -> (usize, usize) {
        let (_, _, line, column) = self.find(byte);
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::Offsets;

    #[test]
    fn counts_characters_not_bytes_and_lines_from_one() {
        let text = "é€\nab😀c";
        // bytes: é 0..2, € 2..5, \n 5, a 6, b 7, 😀 8..12, c 12
        let o = Offsets::new(text, [12, 0, 6, 2, 12].into_iter());
        assert_eq!(o.char(2), 1);
        assert_eq!(o.char(12), 6);
        assert_eq!(o.line_column(0), (1, 1));
        assert_eq!(o.line_column(6), (2, 1));
        assert_eq!(o.line_column(12), (2, 4));
    }
}
