//! Cross-source comparison: pairwise overlap and shared passages, story similarity, facts,
//! and what only one source says.

use crate::entities::EntityTable;
use crate::quotes::Quote;

/// A passage shared by two documents (byte spans on both sides).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
}

/// How two documents relate. `a < b`.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlap {
    pub a: usize,
    pub b: usize,
    /// How much of the two texts is shared word for word or nearly, in [0, 1].
    pub score: f64,
    /// How surely the two cover the same story, in [0, 1].
    pub similarity: f64,
    /// Longest first.
    pub passages: Vec<Passage>,
}

#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// One entry per pair of documents.
    pub overlaps: Vec<Overlap>,
}

pub fn compare(texts: &[&str], entities: &EntityTable, quotes: &[Quote]) -> Comparison {
    let _ = (entities, quotes);
    // Placeholder: Jaccard similarity of word sets, no passages.
    use std::collections::HashSet;
    let sets: Vec<HashSet<String>> = texts
        .iter()
        .map(|t| {
            crate::text::tokens(t)
                .iter()
                .filter(|w| w.is_word())
                .map(|w| crate::text::fold(w.text))
                .collect()
        })
        .collect();
    let mut overlaps = Vec::new();
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            let inter = sets[a].intersection(&sets[b]).count() as f64;
            let union = sets[a].union(&sets[b]).count().max(1) as f64;
            let j = inter / union;
            overlaps.push(Overlap {
                a,
                b,
                score: j,
                similarity: j,
                passages: Vec::new(),
            });
        }
    }
    Comparison { overlaps }
}
