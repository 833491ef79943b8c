//! The comparable words of a document: folded, stemmed, with their byte spans.

use super::idf;
use crate::text::{fold_into, tokens, Token, WordList};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub const STOPWORDS: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "are", "was", "were", "will", "would", "have",
    "has", "had", "not", "but", "our", "their", "they", "them", "you", "your", "its", "his", "her",
    "she", "who", "which", "what", "from", "been", "being", "can", "could", "should", "there",
    "here", "than", "then", "also", "all", "any", "some", "such", "into", "about", "over", "under",
    "very", "more", "most", "just", "only", "because", "before", "after", "when", "while", "where",
    "how", "why", "did", "does", "doing", "done", "said", "says", "say", "told", "one", "two",
    "new", "year", "years", "last", "first", "other", "may", "might", "must", "these", "those",
    "him", "out", "off", "now", "said", "like", "even", "well", "back", "since", "between",
];

/// A word of a document: hash of its folded form, byte span.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    pub exact: u64,
    pub start: usize,
    pub end: usize,
}

/// Whether a folded word is one of [`STOPWORDS`].
pub fn is_stopword(folded: &str) -> bool {
    static SET: WordList = WordList::new(STOPWORDS);
    SET.contains(folded)
}

/// The hash words are compared by (of a folded word, or of a content form).
pub(super) fn hash(s: &str) -> u64 {
    crate::text::hash64(s)
}

pub fn stem(w: &str) -> &str {
    // The suffixes "ing", "ed", "es", "s", "ly", in that order, by the last letter (most words
    // are settled by it: string comparisons are calls in wasm).
    let suffixes: &[&str] = match w.as_bytes().last() {
        Some(b'g') => &["ing"],
        Some(b'd') => &["ed"],
        Some(b's') => &["es", "s"],
        Some(b'y') => &["ly"],
        _ => return w,
    };
    for suffix in suffixes {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s;
            }
        }
    }
    w
}

/// The [`hash`] of a folded word's [`content_form`] (0 for none), given the word's own hash:
/// a stopword is found by it (the strings compared only when it matches one), and a word that
/// stemming leaves as it is needs no second hash.
fn content_hash(folded: &str, exact: u64) -> u64 {
    static STOP: OnceLock<FxHashMap<u64, &str>> = OnceLock::new();
    let stop = STOP.get_or_init(|| STOPWORDS.iter().map(|w| (hash(w), *w)).collect());
    if too_short(folded) || stop.get(&exact).is_some_and(|w| *w == folded) {
        return 0;
    }
    match stem(folded) {
        same if same.len() == folded.len() => exact,
        stem => hash(stem),
    }
}

/// The stemmed form a folded word is compared by, or `None` for stopwords and short words.
pub fn content_form(folded: &str) -> Option<&str> {
    (!too_short(folded) && !is_stopword(folded)).then(|| stem(folded))
}

/// Fewer than three characters (which take at most eight bytes): too short to compare by.
fn too_short(word: &str) -> bool {
    word.len() < 3 || word.len() <= 8 && word.chars().count() < 3
}

/// The word tokens among `tokens` with their folded forms, a possessive "'s" left out.
fn folded_words(tokens: Vec<Token<'_>>) -> impl Iterator<Item = (Token<'_>, String)> {
    tokens.into_iter().filter(|t| t.is_word()).map(|t| {
        let mut f = String::new();
        fold_word(t.text, &mut f);
        (t, f)
    })
}

/// Puts a word's folded form, a possessive "'s" left out, in `out` (cleared first).
fn fold_word(word: &str, out: &mut String) {
    out.clear();
    fold_into(word, out);
    // (`trim_end_matches("'s")` built a substring searcher for every word.)
    while out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
}

/// The distinct content forms of a text (what the background frequency table counts).
pub fn content_forms(text: &str) -> std::collections::BTreeSet<String> {
    folded_words(tokens(text))
        .filter_map(|(_, f)| content_form(&f).map(str::to_string))
        .collect()
}

/// The batch's content words, numbered as they first come (number 0 is "none": stopwords and
/// short words), each with its background weight: every later step indexes plain vectors by
/// these numbers instead of hashing the words again.
pub struct Vocabulary {
    /// Open addressing by content hash (never 0), linear probing, at most half full: the keys
    /// are hashes already, so one multiply places them, and in wasm a look-up costs a fraction
    /// of a general hash map's (a million of them per 2,000 articles).
    slots: Vec<(u64, u32)>,
    /// By number: the word's background weight (see [`idf::weight`]).
    pub weights: Vec<f64>,
}

impl Default for Vocabulary {
    fn default() -> Vocabulary {
        Vocabulary {
            slots: vec![(0, 0); 1 << 12],
            weights: vec![0.0],
        }
    }
}

impl Vocabulary {
    /// Where content hash `key` is, or would go, in `slots`.
    fn slot(slots: &[(u64, u32)], key: u64) -> usize {
        let mask = slots.len() - 1;
        let mut i = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask;
        while slots[i].0 != key && slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        i
    }

    /// The number of a content hash (see [`words`]; 0 for 0).
    pub fn number(&mut self, content: u64) -> u32 {
        if content == 0 {
            return 0;
        }
        let i = Self::slot(&self.slots, content);
        if self.slots[i].0 == content {
            return self.slots[i].1;
        }
        let id = self.weights.len() as u32;
        self.slots[i] = (content, id);
        self.weights.push(idf::weight(content));
        if self.weights.len() * 2 > self.slots.len() {
            let size = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
            for (key, n) in old.into_iter().filter(|s| s.0 != 0) {
                let j = Self::slot(&self.slots, key);
                self.slots[j] = (key, n);
            }
        }
        id
    }
}

/// The words of a text, and beside them (a list the comparison lets go before the words) the
/// hash of each one's stemmed content form (0 for stopwords and short words), which the
/// batch's [`Vocabulary`] numbers.
pub fn words(text: &str) -> (Vec<Word>, Vec<u64>) {
    let tokens = tokens(text);
    // Sized once by the word count: a batch's word lists are held together, and growing each by
    // doubling left up to half of them empty.
    let n = tokens.iter().filter(|t| t.is_word()).count();
    let (mut words, mut content) = (Vec::with_capacity(n), Vec::with_capacity(n));
    // One buffer for every word's folded form, not a string each.
    let mut f = String::new();
    for t in tokens.into_iter().filter(|t| t.is_word()) {
        fold_word(t.text, &mut f);
        let exact = hash(&f);
        words.push(Word {
            exact,
            start: t.start,
            end: t.end,
        });
        content.push(content_hash(&f, exact));
    }
    (words, content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn vocabulary_numbers_each_content_hash_once_as_it_comes() {
        let mut v = Vocabulary::default();
        assert_eq!(v.number(0), 0);
        // Enough keys to grow the table several times; some share their low or high bits.
        let keys: Vec<u64> = (1..=20_000u64)
            .map(|k| if k % 2 == 0 { k << 40 } else { k * 0x1_0001 })
            .collect();
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(v.number(k), n as u32 + 1);
        }
        for (n, &k) in keys.iter().enumerate().rev() {
            assert_eq!(v.number(k), n as u32 + 1);
        }
        assert_eq!(v.weights.len(), keys.len() + 1);
        assert_eq!(v.weights[1], idf::weight(keys[0]));
    }

    #[test]
    fn stems_drop_one_suffix_and_keep_four_letters() {
        for (word, stemmed) in [
            ("talking", "talk"),
            ("played", "play"),
            ("exercises", "exercis"),
            ("dress", "dres"),
            ("workers", "worker"),
            ("really", "real"),
            ("bus", "bus"),
            ("led", "led"),
            ("sing", "sing"),
            ("nato", "nato"),
            ("", ""),
        ] {
            assert_eq!(stem(word), stemmed, "{word}");
        }
        assert!(too_short("ab") && too_short("éé") && too_short("") && !too_short("abc"));
        assert!(!too_short("élan") && !too_short("ééé") && !too_short("abcdefghij"));
    }

    /// The comparison hashes content forms its own way (`content_hash`); the background table is
    /// counted by `content_form`. They must agree, or its weights would miss.
    #[test]
    fn content_hash_is_the_hash_of_the_content_form() {
        for word in [
            "the",
            "said",
            "says",
            "an",
            "ok",
            "élan",
            "exercises",
            "talking",
            "nato",
            "vučić",
            "ministers",
            "bus",
            "really",
            "led",
        ] {
            let folded = fold(word);
            let expected = content_form(&folded).map_or(0, hash);
            assert_eq!(content_hash(&folded, hash(&folded)), expected, "{word}");
        }
        assert_eq!(content_hash("said", hash("said")), 0);
        assert_ne!(content_hash("exercises", hash("exercises")), 0);
    }
}
