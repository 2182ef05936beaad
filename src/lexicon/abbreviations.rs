//! Abbreviations that end in a period without ending a sentence.

use super::WordList;

/// Titles come before a name, so a period after them never ends a sentence.
pub static TITLES: WordList = WordList(&[
    "adm", "capt", "cmdr", "col", "dr", "fr", "gen", "gov", "hon", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt",
    "pres", "prof", "rep", "rev", "sen", "sgt", "sr", "st", "supt",
]);

/// Abbreviations that usually sit mid-sentence but may also end one, as in
/// `…based in the U.S. The company…`. Written without their final period.
/// With `etc` come the words other languages write for it (`usw.`, `bzw.`,
/// `ecc.`, `enz.`, `osv.`, `itd.`, `atd.`), so `ecc.?` keeps its question.
pub static ABBREVIATIONS: WordList = WordList(&[
    "a.k.a", "a.m", "al", "approx", "apr", "atd", "aug", "ave", "b.a", "blvd", "bzw", "ca", "calif", "cf", "co",
    "corp", "d.c", "dec", "dept", "e.g", "ecc", "ed", "eds", "enz", "esp", "est", "etc", "feb", "i.e", "inc", "incl",
    "itd", "itp", "jan", "jr", "jul", "jun", "l.a", "ltd", "m.a", "mar", "n.y", "nov", "oct", "osv", "p.m", "ph.d",
    "sep", "sept", "u.k", "u.n", "u.s", "u.s.a", "usw", "viz", "vs",
]);

/// Words that, capitalised after an abbreviation's period, show a new sentence began.
pub static SENTENCE_STARTERS: WordList = WordList(&[
    "a",
    "after",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "during",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "my",
    "on",
    "our",
    "she",
    "since",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
]);

/// Abbreviations that only stand before a number (`No. 5`, `Fig. 2`); before
/// a word, their period ends the sentence (`He said no. Then he left.`).
pub static NUMBER_PREFIXES: WordList =
    WordList(&["art", "ch", "fig", "figs", "no", "nos", "p", "pp", "sec", "vol", "vols"]);
