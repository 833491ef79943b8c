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

/// How much of the shorter statement the other one covers, from 0 to 1.
fn containment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count() as f64;
    shared / a.len().min(b.len()).max(1) as f64
}

pub fn group(texts: &[&str], quotes: &mut [Quote]) {
    let words: Vec<BTreeSet<String>> = quotes
        .iter()
        .map(|q| {
            if q.kind == QuoteKind::Scare {
                BTreeSet::new()
            } else {
                content(&q.words(texts[q.doc]))
            }
        })
        .collect();
    // Candidate pairs share a word that few quotes use: no all-pairs comparison.
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, ws) in words.iter().enumerate() {
        for w in ws {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    // Words in more quotes than this are too common to suggest the same statement.
    let limit = 30;
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in index.values().filter(|l| l.len() <= limit) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if quotes[a].doc != quotes[b].doc {
                    pairs.insert((a, b));
                }
            }
        }
    }
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
    let mut ids: FxHashMap<usize, usize> = FxHashMap::default();
    let roots: Vec<usize> = (0..quotes.len()).map(|i| find(&mut parent, i)).collect();
    let mut sizes: FxHashMap<usize, usize> = FxHashMap::default();
    for r in &roots {
        *sizes.entry(*r).or_default() += 1;
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        let root = roots[i];
        q.group = (sizes[&root] > 1).then(|| {
            let next = ids.len();
            *ids.entry(root).or_insert(next)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_of_one_statement_meet() {
        let a = content("As the commander in chief, I will ask the government to consider the decision to resume joint exercises with NATO");
        let b = content("As Commander-in-Chief, I will send a request to the government to consider the decision to resume the joint exercises with NATO that we conducted previously");
        assert!(containment(&a, &b) >= 0.75, "{a:?} {b:?}");
        let c = content("Tensions in the region were the result of pressure on the minority by the government there");
        assert!(containment(&a, &c) < 0.5);
    }
}
