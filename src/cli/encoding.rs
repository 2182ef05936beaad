//! Legacy encodings at the edge: `--encoding` decodes Latin-1, Windows-125x,
//! UTF-16 and the rest of the WHATWG set into the UTF-8 the library reads,
//! and `fix` writes the text back in the encoding it came in, byte for byte
//! outside what the fixes changed.

use std::borrow::Cow;

use anyhow::{anyhow, Result};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// What `--encoding` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// UTF-8 only: anything else is an error (the default).
    Utf8,
    /// UTF-8 when the bytes are UTF-8, UTF-16 when a byte order mark says
    /// so, otherwise the encoding `chardetng` guesses.
    Auto,
    /// This encoding, whatever the bytes look like.
    Is(&'static Encoding),
}

impl std::str::FromStr for Wanted {
    type Err = String;

    fn from_str(s: &str) -> Result<Wanted, String> {
        match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Wanted::Utf8),
            "auto" => Ok(Wanted::Auto),
            // WHATWG reads `latin1` as windows-1252, which is what such
            // files almost always are.
            label => Encoding::for_label(label.as_bytes())
                .map(Wanted::Is)
                .ok_or_else(|| {
                    format!("unknown encoding `{s}`; use utf-8, auto, or a label such as latin1, windows-1250, utf-16le, shift_jis")
                }),
        }
    }
}

/// How a text was decoded from another encoding: what it takes to write
/// it back.
#[derive(Clone, Copy, Debug)]
pub struct Decoded {
    pub encoding: &'static Encoding,
    /// The byte order mark the input began with, kept on writing.
    pub bom: &'static [u8],
}

/// `bytes` as text: `Ok(None)` when `wanted` is UTF-8 (the caller reads
/// them as it always has), the text and how it was decoded otherwise.
/// Malformed input for the chosen encoding is an error, never a guess.
pub fn decode(bytes: &[u8], wanted: Wanted, name: impl std::fmt::Display) -> Result<Option<(String, Decoded)>> {
    let (encoding, bom_len) = match wanted {
        Wanted::Utf8 => return Ok(None),
        Wanted::Is(e) => match Encoding::for_bom(bytes) {
            Some((found, len)) if found == e => (e, len),
            _ => (e, 0),
        },
        Wanted::Auto => match Encoding::for_bom(bytes) {
            Some((e, len)) => (e, len),
            None if std::str::from_utf8(bytes).is_ok() => return Ok(None),
            None => {
                let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                (detector.guess(None, chardetng::Utf8Detection::Deny), 0)
            }
        },
    };
    if encoding == UTF_8 && bom_len == 0 {
        return Ok(None);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
    if had_errors {
        return Err(anyhow!("{name}: not valid {}", encoding.name()));
    }
    Ok(Some((
        text.into_owned(),
        Decoded {
            encoding,
            bom: bom_for(encoding, bom_len),
        },
    )))
}

fn bom_for(encoding: &'static Encoding, len: usize) -> &'static [u8] {
    match (len > 0, encoding.name()) {
        (false, _) => b"",
        (true, "UTF-16LE") => b"\xFF\xFE",
        (true, "UTF-16BE") => b"\xFE\xFF",
        (true, _) => b"\xEF\xBB\xBF",
    }
}

/// `text` in the encoding it was read in. An error when a fix brought in a
/// character the encoding has no code for: writing `&#8217;` or `?` in its
/// place would damage the file.
pub fn encode<'t>(text: &'t str, decoded: &Decoded, name: &str) -> Result<Cow<'t, [u8]>> {
    let e = decoded.encoding;
    let mut out = decoded.bom.to_vec();
    if e == UTF_16LE || e == UTF_16BE {
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if e == UTF_16LE {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        return Ok(Cow::Owned(out));
    }
    let (bytes, _, unmappable) = e.encode(text);
    if unmappable {
        return Err(anyhow!(
            "{name}: a fix adds a character {} cannot hold; left as it is (write UTF-8 with --output-encoding utf-8)",
            e.name()
        ));
    }
    out.extend_from_slice(&bytes);
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(bytes: &[u8], wanted: &str) -> (String, Vec<u8>) {
        let (text, d) = decode(bytes, wanted.parse().unwrap(), "x").unwrap().unwrap();
        let back = encode(&text, &d, "x").unwrap().into_owned();
        (text, back)
    }

    #[test]
    fn windows_1252_and_1250_and_utf16_come_back_byte_for_byte() {
        assert_eq!(
            roundtrip(b"caf\xe9 \x93ok\x94", "latin1"),
            ("café “ok”".into(), b"caf\xe9 \x93ok\x94".to_vec())
        );
        assert_eq!(roundtrip(b"\x9alapa \xe8", "windows-1250").0, "šlapa č");
        let utf16: Vec<u8> = [0xFF, 0xFE, b'h', 0, 0xE9, 0].to_vec();
        assert_eq!(roundtrip(&utf16, "auto"), ("hé".into(), utf16.clone()));
    }

    #[test]
    fn auto_keeps_utf8_as_it_is_and_guesses_the_rest() {
        assert!(decode("déjà vu".as_bytes(), Wanted::Auto, "x").unwrap().is_none());
        let (text, d) = decode(
            b"Le caf\xe9 est ferm\xe9 depuis l'\xe9t\xe9 dernier.",
            Wanted::Auto,
            "x",
        )
        .unwrap()
        .unwrap();
        assert_eq!(text, "Le café est fermé depuis l'été dernier.");
        assert_eq!(d.encoding.name(), "windows-1252");
    }

    #[test]
    fn a_character_the_encoding_cannot_hold_is_an_error_not_an_entity() {
        let (_, d) = decode(b"x", "windows-1250".parse().unwrap(), "a.txt").unwrap().unwrap();
        let err = encode("日本", &d, "a.txt").unwrap_err().to_string();
        assert!(err.contains("cannot hold"), "{err}");
    }

    #[test]
    fn unknown_labels_are_refused_with_examples() {
        assert!("klingon".parse::<Wanted>().unwrap_err().contains("windows-1250"));
    }
}
