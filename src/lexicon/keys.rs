//! Names of the keys a manual writes before another it presses with them.

use super::WordList;

/// Modifier keys, as keyboards label them in English, German and French
/// (`Ctrl Shift [`, `Control+]`, `Strg + ]`, `Maj`): a bracket pressed with
/// one is a key, not a bracket.
pub static KEY_MODIFIERS: WordList = WordList(&[
    "alt", "altgr", "cmd", "command", "control", "ctrl", "fn", "maj", "meta", "option", "shift", "strg", "super",
    "umschalt", "win",
]);
