//! Character classes the invisible-character rules decide by.

/// Scripts whose shaping relies on zero-width joiners and non-joiners:
/// Arabic and Persian, Syriac, the Indic scripts, Tibetan, Myanmar, Khmer,
/// Mongolian (`می‌خواهم`, `क्‍ष`).
pub(super) fn uses_joiners(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x08FF
        | 0x0900..=0x0DFF
        | 0x0F00..=0x0FFF
        | 0x1000..=0x109F
        | 0x1780..=0x18AF
        | 0xA8E0..=0xA8FF
        | 0xA9E0..=0xA9FF
        | 0xAA60..=0xAA7F
        | 0xFB50..=0xFDFF
        | 0xFE70..=0xFEFE
        | 0x10A00..=0x10A5F
        | 0x11000..=0x11FFF)
}

/// Scripts written without spaces, where a zero-width space marks a word
/// break for line wrapping: Thai, Lao, Tibetan, Myanmar, Khmer, Tai Tham,
/// Balinese, Javanese.
pub(super) fn breaks_with_zwsp(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF
        | 0x0F00..=0x0FFF
        | 0x1000..=0x109F
        | 0x1780..=0x17FF
        | 0x1A20..=0x1AAF
        | 0x1B00..=0x1B7F
        | 0xA980..=0xA9DF)
}

/// Characters that take part in emoji ZWJ sequences (`👩‍💻`, `❤️‍🔥`).
pub(super) fn is_emoji_part(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF
        | 0x2190..=0x21FF
        | 0x2300..=0x23FF
        | 0x2600..=0x27BF
        | 0x2B00..=0x2BFF
        | 0xFE0F
        | 0x20E3
        | 0xE0020..=0xE007F
        | 0xA9
        | 0xAE
        | 0x203C
        | 0x2049
        | 0x2122
        | 0x2139)
}

/// Right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms, and the historic RTL scripts.
pub(crate) fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF
        | 0xFB1D..=0xFDFF
        | 0xFE70..=0xFEFE
        | 0x10800..=0x10FFF
        | 0x1E800..=0x1EFFF)
}
