//! Segmentation and offset helpers shared by every stage.
//!
//! All spans here are byte ranges into the `&str` they came from, always on `char` boundaries.
//! [`CharOffsets`] turns them into the character offsets the report uses.

use crate::unicode_tables::{FOLD, MARKS};
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::Hash;
use std::ops::Range;
use std::sync::OnceLock;

/// A constant list of words asked about often (each word of a text or line): looked up in a set
/// made from it on first use.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// Numbers distinct keys (words, or their hashes) 0, 1, 2, … in the order they first come: after
/// one look-up per key, what is gathered about each lives in plain vectors indexed by its number.
pub struct Numbering<K>(FxHashMap<K, u32>);

impl<K> Default for Numbering<K> {
    fn default() -> Numbering<K> {
        Numbering(FxHashMap::default())
    }
}

impl<K: Hash + Eq> Numbering<K> {
    /// Room for `keys` distinct keys before the table grows (each growth moves every key).
    pub fn with_capacity(keys: usize) -> Numbering<K> {
        Numbering(FxHashMap::with_capacity_and_hasher(
            keys,
            Default::default(),
        ))
    }

    /// The key's number, and whether it is new (the next number given).
    pub fn number(&mut self, key: K) -> (u32, bool) {
        let next = self.0.len() as u32;
        let n = *self.0.entry(key).or_insert(next);
        (n, n == next)
    }
}

/// A word-like token: a run of letters/digits with inner apostrophes, hyphens, periods
/// (`U.S.`, `Vučić's`, `78-day`, `1,000`) or a single punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Token<'_> {
    #[inline]
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(is_letter_or_digit)
    }
    /// Starts with an upper-case letter.
    #[inline]
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// `c.is_alphabetic()`, without a search of Unicode's tables for most letters of news text:
/// those below U+3000 (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts...) from a table
/// made once, and the CJK ideographs and Hangul syllables, which are all letters. Text in
/// Cyrillic spent a quarter of its analysis in that search.
#[inline(always)]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        letter_class(c, 0)
    }
}

/// `c.is_alphanumeric()`, as [`is_letter`] is `c.is_alphabetic()`.
#[inline(always)]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        letter_class(c, 1)
    }
}

/// Characters below this are classed by a table (two bits each).
const CLASSED: u32 = 0x3000;

/// Whether `c` is alphabetic (`class` 0) or alphanumeric (1).
fn letter_class(c: char, class: usize) -> bool {
    static TABLE: std::sync::OnceLock<Vec<[u64; 2]>> = std::sync::OnceLock::new();
    let n = c as u32;
    if n >= CLASSED {
        return is_ideograph(c)
            || match class {
                0 => c.is_alphabetic(),
                _ => c.is_alphanumeric(),
            };
    }
    let table = TABLE.get_or_init(|| {
        let mut table = vec![[0u64; 2]; CLASSED as usize / 64];
        for c in (0..CLASSED).filter_map(char::from_u32) {
            let (word, bit) = (c as usize / 64, 1 << (c as u32 % 64));
            for (k, set) in [c.is_alphabetic(), c.is_alphanumeric()]
                .into_iter()
                .enumerate()
            {
                if set {
                    table[word][k] |= bit;
                }
            }
        }
        table
    });
    table[n as usize / 64][class] & (1 << (n % 64)) != 0
}

/// CJK unified ideographs and Hangul syllables: letters, each its own fold.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7a3}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | ',' | '&')
}

/// A 64-bit hash of `s`, the same on every platform, for hashes the analysis keeps, compares
/// or samples (words and their runs, lines). `FxHasher` works in `usize`: in wasm32 it gives
/// other values than natively, and only 32 bits of them, so the page and the command line
/// sampled different runs of words and could take two different lines for the same.
pub fn hash64(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = 0;
    let mut add = |word: u64| h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    let mut chunks = s.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    // The length tells "a" from "a\0".
    add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
    // Mixed so that every bit depends on every byte (murmur3's finaliser).
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Splits `text` into tokens. Whitespace is dropped; every other character belongs to a token.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    // About one token per six bytes of news text.
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let start = at;
        at += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if is_letter_or_digit(c) {
            loop {
                // Most of a word is ASCII letters and digits: skipped a byte at a time.
                while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                    at += 1;
                }
                let Some(d) = text[at..].chars().next() else {
                    break;
                };
                if is_letter_or_digit(d) || is_combining(d) {
                    at += d.len_utf8();
                    continue;
                }
                // A joiner stays inside the word only when a letter or digit follows it, and a
                // comma or period only between digits (1,000 / 3.5) or in U.S.-style
                // initialisms.
                if !is_joiner(d) {
                    break;
                }
                let after = text[at + d.len_utf8()..].chars().next();
                let prev = text[..at].chars().next_back();
                let keep = match (d, after, prev) {
                    (',', Some(a), Some(p)) => a.is_ascii_digit() && p.is_ascii_digit(),
                    ('.', Some(a), Some(p)) => {
                        (a.is_ascii_digit() && p.is_ascii_digit())
                            || (a.is_uppercase()
                                && p.is_uppercase()
                                && is_initialism(&text[start..at]))
                    }
                    (_, Some(a), _) => is_letter_or_digit(a),
                    _ => false,
                };
                if !keep {
                    break;
                }
                at += d.len_utf8();
            }
            // U.S. / U.N.: keep the final period of a dotted initialism.
            if text[at..].starts_with('.')
                && text[start..at].contains('.')
                && is_initialism(&text[start..at])
            {
                at += 1;
            }
        }
        out.push(Token {
            start,
            end: at,
            text: &text[start..at],
        });
    }
    out
}

fn is_combining(c: char) -> bool {
    c >= '\u{300}' && in_ranges(MARKS, c)
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(i).is_some_and(|&(start, _)| start <= c)
}

/// `c` without its accents (its canonical decomposition without combining marks); `None` for a
/// combining mark.
fn strip_accents(c: char) -> Option<char> {
    if c < '\u{c0}' {
        return Some(c);
    }
    match FOLD.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => Some(FOLD[i].1).filter(|&b| b != '\0'),
        Err(_) => (!is_combining(c)).then_some(c),
    }
}

/// `U`, `U.S`, `U.N` : single upper-case letters separated by periods.
fn is_initialism(s: &str) -> bool {
    s.split('.').all(|p| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    })
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "approx", "dept", "est", "fig", "e.g", "i.e", "u.s", "u.k", "u.n",
];

/// Splits `text` into sentences: byte ranges trimmed of surrounding whitespace. A sentence ends
/// at `.`, `!` or `?` (plus any closing quotes or brackets) followed by whitespace and a
/// capital letter, digit or opening quote, unless the period belongs to an abbreviation or an
/// initial; and always at a line break.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for line in lines(text) {
        let line_text = &text[line.clone()];
        let mut start = 0;
        // Byte offsets: every stop is found by its first byte (`…` is U+2026: E2 80 A6).
        let mut i = 0;
        while let Some(k) = line_text.as_bytes()[i..]
            .iter()
            .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
        {
            let pos = i + k;
            let rest = &line_text[pos..];
            let c = if rest.starts_with('…') {
                '…'
            } else if rest.as_bytes()[0] == 0xE2 {
                i = pos + 3;
                continue;
            } else {
                rest.as_bytes()[0] as char
            };
            let j = skip_while(line_text, pos + c.len_utf8(), |c| {
                matches!(
                    c,
                    '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '»'
                )
            });
            let gap_end = skip_while(line_text, j, char::is_whitespace);
            let boundary = gap_end > j
                && line_text[gap_end..].chars().next().is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '‘' | '«' | '(' | '[')
                })
                && !(c == '.' && ends_with_abbreviation(&line_text[..pos]));
            if boundary {
                push_trimmed(&mut out, line.start, &line_text[start..j], start);
                start = gap_end;
                i = gap_end;
            } else {
                i = j;
            }
        }
        push_trimmed(&mut out, line.start, &line_text[start..], start);
    }
    out
}

/// The byte offset of the first character at or after `from` that is not `skip`.
fn skip_while(s: &str, from: usize, skip: impl Fn(char) -> bool) -> usize {
    s[from..]
        .char_indices()
        .find(|&(_, c)| !skip(c))
        .map_or(s.len(), |(k, _)| from + k)
}

fn push_trimmed(out: &mut Vec<Range<usize>>, base: usize, s: &str, offset: usize) {
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = base + offset + lead;
        out.push(start..start + trimmed.len());
    }
}

fn ends_with_abbreviation(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter_or_digit(c) || c == '.')
        .last()
        .map_or(before.len(), |(k, _)| k);
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial (John F. Kennedy).
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    // Dotted initials (G.K. Butterfield).
    if word.contains('.') && is_initialism(word) {
        return true;
    }
    if word.is_ascii() {
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }
}

/// Non-empty lines as byte ranges (without the line break), trimmed of surrounding whitespace.
pub fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // (A byte search: no other character's UTF-8 holds the byte of '\n'.)
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push_trimmed(&mut out, 0, &text[start..i], start);
        start = i + 1;
    }
    push_trimmed(&mut out, 0, &text[start..], start);
    out
}

/// English weekday names, lower case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, 1–12: the full name or any prefix of it of three letters or more
/// ("Mar", "Sept.", "Septem"), any case, with or without a final period. "Marshal" is no month.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u32 + 1)
}

/// Folds a string for matching: NFD, combining marks dropped, lower case, typographic
/// apostrophes and dashes unified. `Vučić` and `VUCIC` fold to the same `vucic`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends [`fold`]`(s)` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    // ASCII needs no decomposition: the common case, done without it.
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        if s.as_bytes().contains(&b'`') {
            let quoted = out[start..].replace('`', "'");
            out.truncate(start);
            out.push_str(&quoted);
        }
        return;
    }
    // The letters of European languages (Latin, Greek, Cyrillic) from a table made once:
    // decomposing each took a search of the tables below and a case mapping, and made reading a
    // text with accented letters several times slower than an English one.
    let table = folded_letters();
    for c in s.chars() {
        match table.get(c as usize) {
            Some(&NONE) => {}
            Some(&f) if f != MANY => out.push(f),
            None if is_ideograph(c) => out.push(c),
            _ => fold_char(c, out),
        }
    }
}

/// In [`folded_letters`], for a character that folds to none, and to more than one.
const NONE: char = '\u{fffe}';
const MANY: char = '\u{ffff}';

/// What each character below U+0530 folds to: one character, [`NONE`] or [`MANY`].
fn folded_letters() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x530)
            .map(|n| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(n) {
                    fold_char(c, &mut folded);
                }
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => NONE,
                    (Some(f), None) => f,
                    _ => MANY,
                }
            })
            .collect()
    })
}

/// Appends what `c` folds to: canonical decomposition (NFD) without the marks, from tables
/// generated from unicode-normalization (tests/unicode_tables.rs), in lower case, typographic
/// apostrophes and dashes unified. Compatibility forms (ligatures, full-width letters) are rare
/// in news text and their tables would double the download.
fn fold_char(c: char, out: &mut String) {
    let Some(base) = strip_accents(c) else {
        return;
    };
    out.extend(base.to_lowercase().map(|c| match c {
        '’' | '‘' | '`' | '´' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' => '-',
        '\u{a0}' | '\u{202f}' => ' ',
        'đ' => 'd',
        'ł' => 'l',
        'ø' => 'o',
        'ß' => 's',
        c => c,
    }));
}

/// Converts byte offsets of one text into character (Unicode scalar) offsets, in O(log n) each.
pub struct CharOffsets {
    /// Byte offset of every 64th character; the rest is counted from there. (Empty for ASCII
    /// text, whose byte offsets are its character offsets.)
    checkpoints: Vec<usize>,
    text_len: usize,
    ascii: bool,
}

const STRIDE: usize = 64;

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let ascii = text.is_ascii();
        let checkpoints = match ascii {
            true => Vec::new(),
            false => text
                .char_indices()
                .step_by(STRIDE)
                .map(|(i, _)| i)
                .collect(),
        };
        CharOffsets {
            checkpoints,
            text_len: text.len(),
            ascii,
        }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary or the end).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(self.text_len);
        if self.ascii {
            return byte;
        }
        let k = self
            .checkpoints
            .partition_point(|&b| b <= byte)
            .saturating_sub(1);
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        k * STRIDE + text[base..byte].chars().count()
    }

    /// The byte offset of character offset `char` (the text's end for one beyond it), counting
    /// at most 63 characters.
    pub fn byte_offset(&self, text: &str, char: usize) -> usize {
        if self.ascii {
            return char.min(self.text_len);
        }
        let k = char / STRIDE;
        let Some(&base) = self.checkpoints.get(k) else {
            return self.text_len;
        };
        text[base..]
            .char_indices()
            .nth(char - k * STRIDE)
            .map_or(self.text_len, |(b, _)| base + b)
    }

    /// The characters `start..end` of `text` (empty, or cut at its end, beyond it).
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let from = self.byte_offset(text, start);
        &text[from..self.byte_offset(text, end).max(from)]
    }
}

/// Snaps a byte offset down to the nearest char boundary (for spans computed arithmetically).
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One piece of a word diff: text and whether the other side has it too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffPiece {
    pub text: String,
    pub shared: bool,
}

/// Marks, in `a`, the words that `b` does not have in the same order (a longest common
/// subsequence of lower-cased words), so two wordings of one statement can show where they differ.
/// Whitespace is kept with the word before it; the pieces concatenate back to `a`. Texts over
/// 400 words on either side are compared as wholes (`shared` = equal but for case).
pub fn word_diff(a: &str, b: &str) -> Vec<DiffPiece> {
    const MAX_WORDS: usize = 400;
    // Word spans with their trailing whitespace; the first also takes any leading whitespace.
    let split = |s: &str| -> Vec<(usize, usize)> {
        let mut starts: Vec<usize> = s
            .char_indices()
            .filter(|&(i, c)| {
                !c.is_whitespace() && s[..i].chars().next_back().is_none_or(char::is_whitespace)
            })
            .map(|(i, _)| i)
            .collect();
        if let Some(first) = starts.first_mut() {
            *first = 0;
        }
        let ends = starts
            .iter()
            .skip(1)
            .copied()
            .chain(std::iter::once(s.len()));
        starts.iter().copied().zip(ends).collect()
    };
    // Case and surrounding punctuation do not count as a difference; accents do (and
    // leaving `fold` out keeps the Unicode decomposition tables out of the page's bundle).
    let key = |s: &str| {
        s.trim_matches(|c: char| !is_letter_or_digit(c))
            .to_lowercase()
    };
    let (wa, wb) = (split(a), split(b));
    if wa.is_empty() {
        return Vec::new();
    }
    if wa.len() > MAX_WORDS || wb.len() > MAX_WORDS {
        return vec![DiffPiece {
            text: a.to_string(),
            shared: a.trim().to_lowercase() == b.trim().to_lowercase(),
        }];
    }
    let ka: Vec<String> = wa.iter().map(|&(s, e)| key(&a[s..e])).collect();
    let kb: Vec<String> = wb.iter().map(|&(s, e)| key(&b[s..e])).collect();
    // lcs[i][j]: longest common subsequence of ka[i..] and kb[j..].
    let (n, m) = (ka.len(), kb.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if ka[i] == kb[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut shared = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if ka[i] == kb[j] {
            shared[i] = true;
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let mut out: Vec<DiffPiece> = Vec::new();
    for (k, &(s, e)) in wa.iter().enumerate() {
        match out.last_mut() {
            Some(last) if last.shared == shared[k] => last.text.push_str(&a[s..e]),
            _ => out.push(DiffPiece {
                text: a[s..e].to_string(),
                shared: shared[k],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash64_is_the_same_everywhere_and_tells_lengths_and_bytes_apart() {
        // Pinned: the page (wasm32) and the command line (64-bit) must compute these alike, and
        // reports change when they change.
        assert_eq!(hash64(""), 0);
        assert_eq!(hash64("ferry"), PINNED[0]);
        assert_eq!(hash64("the harbour workers union"), PINNED[1]);
        let words = [
            "a",
            "a\0",
            "a\0\0",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
        ];
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| hash64(w)).collect();
        assert_eq!(hashes.len(), words.len());
    }
    // (Worked out apart, by a script of the algorithm.)
    const PINNED: [u64; 2] = [7_252_689_014_766_703_037, 17_568_790_605_497_658_084];

    #[test]
    fn month_names_and_abbreviations() {
        let got: Vec<Option<u32>> = [
            "Mar", "Sept.", "june", "JUL", "December", "Marshal", "ma", "Dec.",
        ]
        .iter()
        .map(|w| month_number(w))
        .collect();
        assert_eq!(
            got,
            [
                Some(3),
                Some(9),
                Some(6),
                Some(7),
                Some(12),
                None,
                None,
                Some(12)
            ]
        );
    }

    #[test]
    fn word_diff_marks_what_the_other_wording_lacks() {
        let d = word_diff(
            "We will never give up the port",
            "we will not give up our port!",
        );
        let text: String = d.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, "We will never give up the port");
        let differing: Vec<&str> = d
            .iter()
            .filter(|p| !p.shared)
            .map(|p| p.text.trim())
            .collect();
        assert_eq!(differing, ["never", "the"]);
        assert!(word_diff("", "x").is_empty());
        assert!(word_diff("  Same words.", "same words")
            .iter()
            .all(|p| p.shared));
    }

    fn texts(s: &str) -> Vec<&str> {
        tokens(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_keep_inner_joiners_and_initialisms() {
        assert_eq!(
            texts("The U.S. sent 1,000 troops; Vučić's 78-day war."),
            [
                "The",
                "U.S.",
                "sent",
                "1,000",
                "troops",
                ";",
                "Vučić's",
                "78-day",
                "war",
                "."
            ]
        );
        assert_eq!(texts("end. Next"), ["end", ".", "Next"]);
        // Characters beyond ASCII: a combining accent, spaces, a curly apostrophe, a dash.
        assert_eq!(
            texts("Cafe\u{301}\u{a0}Ōsaka’s\u{2003}U.N.\u{2009}x—y"),
            ["Cafe\u{301}", "Ōsaka’s", "U.N.", "x", "—", "y"]
        );
        assert_eq!(
            texts("“quoted,” he said"),
            ["“", "quoted", ",", "”", "he", "said"]
        );
    }

    #[test]
    fn lines_are_trimmed_and_never_empty() {
        let text = "  Vučić spoke.\n\n\t«Oui»  \r\nlast — line";
        let got: Vec<&str> = lines(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["Vučić spoke.", "«Oui»", "last — line"]);
        assert!(lines("").is_empty() && lines("\n \n").is_empty());
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let t = "Mr. Smith went to Washington. He said “yes.” Then he left!\nNew line here";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            [
                "Mr. Smith went to Washington.",
                "He said “yes.”",
                "Then he left!",
                "New line here"
            ]
        );
    }

    #[test]
    fn sentences_end_at_ellipses_and_skip_other_punctuation() {
        let t = "Wait… What? “Yes — no,” she said. Dr. Ng, K. Lee and the U.S. team met St. \
                 Élise. Then… 3 left?! (Really.) “ok”";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            [
                "Wait…",
                "What?",
                "“Yes — no,” she said.",
                "Dr. Ng, K. Lee and the U.S. team met St. Élise.",
                "Then…",
                "3 left?!",
                "(Really.)",
                "“ok”"
            ]
        );
    }

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Vučić"), "vucic");
        assert_eq!(fold("Lajčák’s"), "lajcak's");
        assert_eq!(fold("Đoković"), "dokovic");
    }

    #[test]
    fn folding_goes_a_character_at_a_time() {
        // The tagger folds a phrase a token at a time and takes each shorter phrase's fold as a
        // prefix of it: an ASCII piece (folded without the tables) must fold as it does inside
        // a text that is not ASCII.
        let parts = [
            "NATO",
            "’s `Force`",
            " Vučić ",
            "ÉLYSÉE–Straße",
            "e\u{301}",
            "Ⅻ 東京 ﬁ",
        ];
        for a in parts {
            for b in parts {
                assert_eq!(
                    fold(&format!("{a}{b}")),
                    fold(a) + &fold(b),
                    "{a:?} + {b:?}"
                );
            }
        }
        let ascii: String = (0..0x80u8).map(char::from).collect();
        assert_eq!(fold(&format!("{ascii}é")), fold(&ascii) + "e");
    }

    #[test]
    fn letters_and_digits_are_unicode_s() {
        for c in (0..0x1000).filter_map(char::from_u32) {
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn folding_by_table_is_folding_each_character() {
        // Every character through the general path, one at a time, as `fold` did before the
        // table of letters.
        let by_character = |s: &str| {
            let mut out = String::new();
            s.chars().for_each(|c| fold_char(c, &mut out));
            out
        };
        let characters = (0..0x3400)
            .chain(0x1_0000..0x1_0100)
            .filter_map(char::from_u32);
        for c in characters {
            let s = format!("{c}é`A");
            assert_eq!(fold(&s), by_character(&s), "{c:?} (U+{:04X})", c as u32);
        }
        // Characters that fold to more than one, none and one, side by side.
        let s = "İstanbul ǅemal e\u{301} ΆΘΗΝΑ Ёлка ß — ‘x’";
        assert_eq!(fold(s), by_character(s));
        assert_eq!(fold("ÉİÑ–Ő"), "ein-o");
    }

    #[test]
    fn numbering_gives_each_distinct_key_the_next_number_once() {
        let mut numbers = Numbering::default();
        let got: Vec<(u32, bool)> = ["nato", "kfor", "nato", "serbia", "kfor"]
            .into_iter()
            .map(|w| numbers.number(w))
            .collect();
        assert_eq!(
            got,
            [(0, true), (1, true), (0, false), (2, true), (1, false)]
        );
    }

    #[test]
    fn char_offsets_match_chars_count() {
        for t in [
            "Vučić said “ok” — ".repeat(20),
            "Vucic said \"ok\" - ".repeat(20),
        ] {
            let idx = CharOffsets::new(&t);
            for (byte, _) in t.char_indices() {
                assert_eq!(idx.char_offset(&t, byte), t[..byte].chars().count());
            }
            assert_eq!(idx.char_offset(&t, t.len()), t.chars().count());
            assert_eq!(idx.char_offset(&t, t.len() + 5), t.chars().count());
        }
    }

    #[test]
    fn slices_by_character_offsets_are_those_of_chars() {
        let slow = |t: &str, start: usize, end: usize| -> String {
            t.chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .collect()
        };
        for t in [
            "Vučić said “ok” — ".repeat(20),
            "Vucic said \"ok\" - ".repeat(20),
        ] {
            let idx = CharOffsets::new(&t);
            let n = t.chars().count();
            for start in (0..n + 70).step_by(7) {
                for end in [
                    start.saturating_sub(3),
                    start,
                    start + 1,
                    start + 64,
                    start + 130,
                    n + 9,
                ] {
                    assert_eq!(
                        idx.slice(&t, start, end),
                        slow(&t, start, end),
                        "{start}..{end}"
                    );
                }
            }
        }
    }
}
