//! Faces typed with punctuation: what follows a colon or a semicolon that
//! makes it a face's eyes, so spacing and cluster rules leave it alone.

/// True when `rest`, what follows a `;` or `:`, makes it an emoticon's
/// eyes: `;-)`, `:)`, `:-(`, `;P`, `:D`, `;>`, `:o`, `:^)`, `;~)`, `:'-)`, `:$`.
pub(crate) fn follows_eyes(rest: &str) -> bool {
    // A nose, a tear, or both (`:'-)`).
    let mut face = rest;
    for _ in 0..2 {
        face = face.strip_prefix(['-', '\'', '^', '~']).unwrap_or(face);
    }
    let Some(mouth) = face.chars().next() else {
        return false;
    };
    // A mouth may be drawn wide: `;PP`, `:DDD`.
    matches!(
        mouth,
        ')' | '(' | 'D' | 'P' | 'p' | '/' | '|' | '*' | ']' | '[' | '>' | '<' | 'o' | 'O' | '0' | '3' | '$'
    ) && !face
        .trim_start_matches(mouth)
        .starts_with(|c: char| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::follows_eyes;

    #[test]
    fn reads_faces_with_noses_and_tears() {
        for face in [")", "-)", "^)", "~)", "'-)", "$", "DDD", "P.", "-(", "o)"] {
            assert!(follows_eyes(face), "{face}");
        }
    }

    #[test]
    fn reads_no_face_into_words_and_paths() {
        for rest in [
            "", " then", "Daniel", "Some", "Path", "-x", "~/bin", "$HOME", "3rd", "/usr",
        ] {
            assert!(!follows_eyes(rest), "{rest}");
        }
    }
}
