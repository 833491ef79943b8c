//! Shared passages between two documents: exact runs of at least [`K`] words, and sentences
//! that say the same thing in other words.

use super::tally::Tally;
use super::words::Word;
use super::Passage;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::ops::Range;

/// Every shared run of this many words or more is found.
pub const K: usize = 8;

/// Hashes of every K-word window of a document (position = first word).
pub fn shingles(words: &[Word]) -> Vec<u64> {
    if words.len() < K {
        return Vec::new();
    }
    (0..=words.len() - K)
        .map(|i| {
            words[i..i + K]
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, w| {
                    (h ^ w.exact).wrapping_mul(0x100_0000_01b3)
                })
        })
        .collect()
}

/// Merges seed matches (word positions in a and b) into maximal aligned runs of words.
pub fn exact_runs(
    mut seeds: Vec<(usize, usize)>,
    a: &[Word],
    b: &[Word],
) -> Vec<(Range<usize>, Range<usize>)> {
    seeds.sort_unstable();
    seeds.dedup();
    let mut runs: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut used: BTreeSet<(usize, usize)> = BTreeSet::new();
    for &(i, j) in &seeds {
        if used.contains(&(i, j)) {
            continue;
        }
        // Extend forward word by word while the words agree (hash collisions are checked away).
        let (mut ei, mut ej) = (i, j);
        while ei < a.len() && ej < b.len() && a[ei].exact == b[ej].exact {
            used.insert((ei, ej));
            ei += 1;
            ej += 1;
        }
        if ei - i >= K {
            runs.push((i..ei, j..ej));
        }
    }
    runs
}

/// Sentence pairs whose content words mostly coincide: containment of the smaller set of at
/// least `MIN_SHARED` words by the other, at least `MIN_CONTAINMENT`.
const MIN_SHARED: usize = 5;
const MIN_CONTAINMENT: f64 = 0.6;

pub struct Sentence {
    pub span: Range<usize>,
    /// The distinct content-word hashes, sorted.
    pub content: Vec<u64>,
}

/// The sentences of a text; `content`: each word's content hash (see `words::words`).
pub fn sentences(text: &str, words: &[Word], content_of: &[u64]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut w = 0;
    for span in crate::text::sentences(text) {
        let mut content = Vec::new();
        while w < words.len() && words[w].start < span.end {
            if words[w].start >= span.start && content_of[w] != 0 {
                content.push(content_of[w]);
            }
            w += 1;
        }
        content.sort_unstable();
        content.dedup();
        out.push(Sentence { span, content });
    }
    out
}

/// Best-matching sentence pairs of two documents.
pub fn near_sentences(a: &[Sentence], b: &[Sentence]) -> Vec<(usize, usize)> {
    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (j, s) in b.iter().enumerate() {
        for w in &s.content {
            index.entry(*w).or_default().push(j);
        }
    }
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    let mut counts = Tally::new(b.len());
    for (i, s) in a.iter().enumerate() {
        for w in &s.content {
            for &j in index.get(w).into_iter().flatten() {
                counts.add(j, 1usize);
            }
        }
        for (j, shared) in counts.drain() {
            if shared < MIN_SHARED {
                continue;
            }
            let c = shared as f64 / s.content.len().min(b[j].content.len()).max(1) as f64;
            if c >= MIN_CONTAINMENT {
                scored.push((c, i, j));
            }
        }
    }
    // Each sentence of `b` takes its best match; a sentence of `a` may be reused (a source
    // sentence quoted twice, once in part and once reworded).
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut ub = BTreeSet::new();
    let mut out = Vec::new();
    for (_, i, j) in scored {
        if ub.insert(j) {
            out.push((i, j));
        }
    }
    out
}

pub fn passage(a: Range<usize>, b: Range<usize>) -> Passage {
    Passage {
        a_start: a.start,
        a_end: a.end,
        b_start: b.start,
        b_end: b.end,
    }
}
