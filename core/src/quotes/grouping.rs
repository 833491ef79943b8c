//! The same statement across sources: quotes from different documents whose content words
//! mostly coincide (so reworded and differently translated renderings still meet), more easily
//! when they are attributed to the same speaker.

use super::{Quote, QuoteKind};
use crate::text::{fold, tokens};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "are", "was", "were", "will", "would", "have",
    "has", "had", "not", "but", "our", "their", "they", "them", "you", "your", "its", "his", "her",
    "she", "who", "which", "what", "from", "been", "being", "can", "could", "should", "there",
    "here", "than", "then", "also", "all", "any", "some", "such", "into", "about", "over", "under",
    "very", "more", "most", "just", "only", "because", "before", "after", "when", "while", "where",
    "how", "why", "did", "does", "doing", "done", "one", "two",
];

/// Content words, folded and crudely stemmed, so "exercises" meets "exercise".
fn content(text: &str) -> BTreeSet<String> {
    tokens(text)
        .iter()
        .filter(|t| t.is_word())
        .flat_map(|t| {
            fold(t.text)
                .split(['-', '\''])
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() >= 3 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// [`content`] words as sorted ids, numbering words not seen before in `ids`.
fn word_ids(text: &str, ids: &mut FxHashMap<String, u32>) -> Vec<u32> {
    let mut v: Vec<u32> = content(text)
        .into_iter()
        .map(|w| {
            let next = ids.len() as u32;
            *ids.entry(w).or_insert(next)
        })
        .collect();
    v.sort_unstable();
    v
}

fn stem(w: &str) -> String {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.chars().count() >= 4 {
                return s.to_string();
            }
        }
    }
    w.to_string()
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut x = x;
    while parent[x] != r {
        let next = parent[x];
        parent[x] = r;
        x = next;
    }
    r
}

/// How much of the shorter statement the other one covers, from 0 to 1 (word ids, sorted).
fn containment(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / a.len().min(b.len()).max(1) as f64
}

pub fn group(texts: &[&str], quotes: &mut [Quote]) {
    // Each quote's content words as sorted ids, one per distinct word of the batch.
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let words: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| {
            if q.kind == QuoteKind::Scare {
                Vec::new()
            } else {
                word_ids(&q.words(texts[q.doc]), &mut ids)
            }
        })
        .collect();
    // Candidate pairs share a word that few quotes use: no all-pairs comparison.
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    for (i, ws) in words.iter().enumerate() {
        for &w in ws {
            index[w as usize].push(i);
        }
    }
    // Words in more quotes than this are too common to suggest the same statement.
    let limit = 30;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in index.iter().filter(|l| l.len() <= limit) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if quotes[a].doc != quotes[b].doc {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    for (a, b) in pairs {
        let (wa, wb) = (&words[a], &words[b]);
        if wa.len().min(wb.len()) < 4 {
            continue;
        }
        let same_speaker = quotes[a].speaker.is_some() && quotes[a].speaker == quotes[b].speaker;
        let threshold = if same_speaker { 0.5 } else { 0.75 };
        if containment(wa, wb) >= threshold {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: FxHashMap<usize, usize> = FxHashMap::default();
    let roots: Vec<usize> = (0..quotes.len()).map(|i| find(&mut parent, i)).collect();
    let mut sizes: FxHashMap<usize, usize> = FxHashMap::default();
    for r in &roots {
        *sizes.entry(*r).or_default() += 1;
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        let root = roots[i];
        q.group = (sizes[&root] > 1).then(|| {
            let next = groups.len();
            *groups.entry(root).or_insert(next)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_of_one_statement_meet() {
        let mut ids = FxHashMap::default();
        let w: Vec<Vec<u32>> = [
            "As the commander in chief, I will ask the government to consider the decision to resume joint exercises with NATO",
            "As Commander-in-Chief, I will send a request to the government to consider the decision to resume the joint exercises with NATO that we conducted previously",
            "Tensions in the region were the result of pressure on the minority by the government there",
        ]
        .iter()
        .map(|t| word_ids(t, &mut ids))
        .collect();
        assert!(containment(&w[0], &w[1]) >= 0.75, "{w:?}");
        assert!(containment(&w[0], &w[2]) < 0.5);
    }
}
