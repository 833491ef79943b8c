//! Shared passages between two documents: exact runs of at least [`K`] words, and sentences
//! that say the same thing in other words.

use super::words::Word;
use super::Passage;
use crate::tally::Tally;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Every shared run of this many words or more is found.
pub const K: usize = 8;

/// Hashes of every K-word window of a document (position = first word), in order. Rolling: a
/// window's hash is a polynomial in its words' hashes, made from the last window's in three
/// steps (a batch's 8-grams are hashed five times over: once to see which may be said twice,
/// then in each round of their sort; hashing each window word by word cost as much as the
/// sort).
pub fn shingles(words: &[Word]) -> impl Iterator<Item = u64> + '_ {
    const P: u64 = 0x100_0000_01b3;
    // The first word's factor in a window, to take it out when the window moves on.
    let first = P.wrapping_pow(K as u32 - 1);
    let mut h = words
        .iter()
        .take(K)
        .fold(0u64, |h, w| h.wrapping_mul(P).wrapping_add(w.exact));
    (0..(words.len() + 1).saturating_sub(K)).map(move |i| {
        let window = h;
        if let Some(next) = words.get(i + K) {
            h = h
                .wrapping_sub(words[i].exact.wrapping_mul(first))
                .wrapping_mul(P)
                .wrapping_add(next.exact);
        }
        window
    })
}

/// Merges seed matches (word positions in a and b, in order) into maximal aligned runs of
/// words.
pub fn exact_runs(
    seeds: impl IntoIterator<Item = (usize, usize)>,
    a: &[Word],
    b: &[Word],
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut runs: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    // Per diagonal (position in b less position in a), where the last run along it ended:
    // seeds come in order, so one before that end lies in that run.
    let mut reached: FxHashMap<isize, usize> = FxHashMap::default();
    for (i, j) in seeds {
        let diagonal = j as isize - i as isize;
        if reached.get(&diagonal).is_some_and(|&end| i < end) {
            continue;
        }
        // Extend forward word by word while the words agree (hash collisions are checked away).
        let (mut ei, mut ej) = (i, j);
        while ei < a.len() && ej < b.len() && a[ei].exact == b[ej].exact {
            ei += 1;
            ej += 1;
        }
        reached.insert(diagonal, ei);
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

/// Sentences of one text a word may be in and still find alike sentences (news texts have a
/// few hundred sentences in all).
const MAX_SENTENCES_WITH_WORD: usize = 500;

pub struct Sentence {
    pub span: Range<usize>,
    /// The distinct content words' numbers in the batch's vocabulary, sorted.
    pub content: Vec<u32>,
}

/// The sentences of a text from their `spans` (`text::sentences`) and its `words`;
/// `content_of`: each word's number in the batch's vocabulary.
pub fn sentences(spans: Vec<Range<usize>>, words: &[Word], content_of: &[u32]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(spans.len());
    let mut w = 0;
    // Gathered in one buffer, each sentence's copied out at its size (one allocation instead
    // of a list grown word by word).
    let mut content = Vec::new();
    for span in spans {
        content.clear();
        while w < words.len() && words[w].start < span.end {
            if words[w].start >= span.start && content_of[w] != 0 {
                content.push(content_of[w]);
            }
            w += 1;
        }
        content.sort_unstable();
        content.dedup();
        out.push(Sentence {
            span,
            content: content.clone(),
        });
    }
    out
}

/// A document's sentences by content word: the sentences (in order) each word is in. Made for
/// one document after another (a document is compared with many, and its index is made once
/// for them), in vectors over the batch's vocabulary kept from one to the next.
pub struct SentenceIndex {
    /// By word number: where its sentences start in `sentences`, and how many.
    lists: Vec<(u32, u32)>,
    /// The words of the document indexed (their lists are cleared before the next).
    words: Vec<u32>,
    sentences: Vec<u32>,
}

impl SentenceIndex {
    /// An index over a vocabulary of `words` numbers, of no document yet.
    pub fn new(words: usize) -> SentenceIndex {
        SentenceIndex {
            lists: vec![(0, 0); words],
            words: Vec::new(),
            sentences: Vec::new(),
        }
    }

    /// Indexes these sentences (one document's) instead of the last.
    pub fn fill(&mut self, sentences: &[Sentence]) {
        for w in self.words.drain(..) {
            self.lists[w as usize] = (0, 0);
        }
        // Each word's count; then its list placed after the last word's, and filled (the
        // count going up again from 0).
        for s in sentences {
            for &w in &s.content {
                let list = &mut self.lists[w as usize];
                if list.1 == 0 {
                    self.words.push(w);
                }
                list.1 += 1;
            }
        }
        let mut end = 0;
        for &w in &self.words {
            let list = &mut self.lists[w as usize];
            let count = list.1;
            *list = (end, 0);
            end += count;
        }
        self.sentences.clear();
        self.sentences.resize(end as usize, 0);
        for (i, s) in sentences.iter().enumerate() {
            for &w in &s.content {
                let list = &mut self.lists[w as usize];
                self.sentences[(list.0 + list.1) as usize] = i as u32;
                list.1 += 1;
            }
        }
    }

    /// The sentences `word` is in, in order.
    fn of(&self, word: u32) -> &[u32] {
        let (start, len) = self.lists[word as usize];
        &self.sentences[start as usize..(start + len) as usize]
    }
}

/// Best-matching sentence pairs of two documents; `index` is `a`'s (a document is compared with
/// many, and its index is made once for them).
pub fn near_sentences(
    a: &[Sentence],
    index: &SentenceIndex,
    b: &[Sentence],
) -> Vec<(usize, usize)> {
    // Each sentence of `b` takes its best match (the first of the most alike); a sentence of `a`
    // may be reused (a source sentence quoted twice, once in part and once reworded).
    let better = |x: &(f64, usize, usize), y: &(f64, usize, usize)| {
        y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2)))
    };
    let mut best: Vec<(f64, usize, usize)> = Vec::new();
    let mut counts = Tally::new(a.len());
    for (j, s) in b.iter().enumerate() {
        for &w in &s.content {
            let with_it = index.of(w);
            // A word in most sentences of a text of thousands of them (a log, a table) says
            // nothing of which are alike; counted, its pairs are the square of its count.
            if with_it.len() <= MAX_SENTENCES_WITH_WORD {
                for &i in with_it {
                    counts.add(i as usize, 1usize);
                }
            }
        }
        let mut mine: Option<(f64, usize, usize)> = None;
        for (i, shared) in counts.drain() {
            if shared < MIN_SHARED {
                continue;
            }
            let c = shared as f64 / a[i].content.len().min(s.content.len()).max(1) as f64;
            let this = (c, i, j);
            if c >= MIN_CONTAINMENT && mine.is_none_or(|m| better(&this, &m).is_lt()) {
                mine = Some(this);
            }
        }
        best.extend(mine);
    }
    best.sort_unstable_by(better);
    best.into_iter().map(|(_, i, j)| (i, j)).collect()
}

pub fn passage(a: Range<usize>, b: Range<usize>) -> Passage {
    Passage {
        a_start: a.start,
        a_end: a.end,
        b_start: b.start,
        b_end: b.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ids: &[u64]) -> Vec<Word> {
        let at = |k: usize, &exact: &u64| Word {
            exact,
            start: k,
            end: k + 1,
        };
        ids.iter().enumerate().map(|(k, id)| at(k, id)).collect()
    }

    /// Every pair of positions where K words agree, in order (what the 8-grams give).
    fn seeds(a: &[Word], b: &[Word]) -> Vec<(usize, usize)> {
        let same = |i: usize, j: usize| (0..K).all(|k| a[i + k].exact == b[j + k].exact);
        (0..=a.len() - K)
            .flat_map(|i| (0..=b.len() - K).map(move |j| (i, j)))
            .filter(|&(i, j)| same(i, j))
            .collect()
    }

    #[test]
    fn near_sentences_pair_each_sentence_of_b_with_its_best_match() {
        let sentence = |content: &[u32]| Sentence {
            span: 0..0,
            content: content.to_vec(),
        };
        let a = [
            sentence(&[1, 2, 3, 4, 5, 6]),
            sentence(&[10, 11, 12, 13, 14]),
        ];
        let b = [
            // Five words of six in common.
            sentence(&[1, 2, 3, 4, 5, 99]),
            // All of the shorter one's five.
            sentence(&[10, 11, 12, 13, 14, 15, 16, 17, 18]),
            // Four: too few.
            sentence(&[1, 2, 3, 4]),
            // The same words as the first of `a`, which is matched twice.
            sentence(&[1, 2, 3, 4, 5, 6]),
        ];
        let mut index = SentenceIndex::new(100);
        // Filled for another document first: nothing of it may be left.
        index.fill(&[sentence(&[99, 1, 2, 3, 4, 5, 6]), sentence(&[15, 16])]);
        index.fill(&a);
        assert_eq!(near_sentences(&a, &index, &b), [(0, 3), (1, 1), (0, 0)]);
    }

    #[test]
    fn words_in_most_of_thousands_of_sentences_pair_none() {
        // A log of 600 lines alike: every pair of lines would be alike (360,000 of them, each
        // counted word by word), and none says what the texts share.
        let line = |k: u32| Sentence {
            span: 0..0,
            content: vec![1, 2, 3, 4, 5, 6, 1000 + k],
        };
        let a: Vec<Sentence> = (0..600).map(line).collect();
        let b: Vec<Sentence> = (600..1200).map(line).collect();
        let mut index = SentenceIndex::new(3000);
        index.fill(&a);
        assert_eq!(near_sentences(&a, &index, &b), []);
        // Under the limit, each line of one finds the first of the other.
        let mut index = SentenceIndex::new(3000);
        index.fill(&a[..400]);
        let pairs = near_sentences(&a[..400], &index, &b[..400]);
        assert_eq!(pairs.len(), 400);
        assert!(pairs.iter().all(|&(i, _)| i == 0));
    }

    #[test]
    fn shingles_hash_each_window_by_its_words() {
        // Words 1..=12, then the first ten again.
        let ids: Vec<u64> = (1..=12).chain(1..=10).collect();
        let ws = words(&ids);
        let hashes: Vec<u64> = shingles(&ws).collect();
        assert_eq!(hashes.len(), ids.len() - K + 1);
        for (i, h) in hashes.iter().enumerate() {
            for (j, g) in hashes.iter().enumerate() {
                let same = ids[i..i + K] == ids[j..j + K];
                assert_eq!(h == g, same, "windows {i} and {j}");
            }
        }
        // The same window hashes the same wherever it stands.
        assert_eq!(shingles(&ws[12..12 + K]).collect::<Vec<_>>(), [hashes[0]]);
        assert_eq!(shingles(&ws[..K - 1]).count(), 0);
    }

    #[test]
    fn exact_runs_are_maximal_and_found_once_each() {
        let a = words(&(1..=12).collect::<Vec<_>>());
        // Ten words of `a`, then eight of them again (another diagonal), and a seed that the
        // words do not bear out (a hash collision).
        let b = words(&[
            0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, 4, 5, 6, 7, 8, 9, 10, 11,
        ]);
        let mut found = seeds(&a, &b);
        assert_eq!(found.len(), 3 + 1);
        found.insert(0, (0, 0));
        assert_eq!(exact_runs(found, &a, &b), [(0..10, 2..12), (3..11, 13..21)]);
    }
}
