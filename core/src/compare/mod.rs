//! Cross-source comparison: pairwise overlap and shared passages, story similarity, facts,
//! and what only one source says.
//!
//! Candidate pairs come from inverted indexes (shared word 8-grams, shared content words, and
//! the 8-grams of text many documents print, `copies.rs`), so a batch is never compared all
//! against all: see [`ALL_PAIRS_LIMIT`].

mod copies;
mod facts;
mod idf;
mod passages;
mod words;

use crate::entities::EntityTable;
use crate::tally::Tally;
use rustc_hash::FxHashSet;
use std::collections::btree_map::{BTreeMap, Entry};
use std::ops::Range;
use words::Word;

pub use facts::{Fact, FactValue};
pub use words::{content_forms, is_stopword};

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
    /// Share of the two texts' words inside shared passages (exact or reworded), in [0, 1].
    pub score: f64,
    /// How surely the two cover the same story, in [0, 1].
    pub similarity: f64,
    /// Longest first.
    pub passages: Vec<Passage>,
}

#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// One entry per pair of documents up to [`ALL_PAIRS_LIMIT`] documents; beyond, only the
    /// pairs that share a passage or are at least [`LISTED_SIMILARITY`] similar (of copies of a
    /// text many documents print, each with the 100 it shares most with). Text many documents
    /// print (an outlet's standard paragraph) lists no pair by itself, and counts toward a
    /// pair's similarity only in a document it is most of (a copy of a story many carry).
    pub overlaps: Vec<Overlap>,
    /// Numbers and event dates compared across documents on the same story.
    pub facts: Vec<Fact>,
    /// Per document, the sentences (byte spans) no other document says.
    pub unique: Vec<Vec<Range<usize>>>,
}

/// Up to this many documents every pair is listed; a batch of thousands would otherwise give
/// millions of entries that say "unrelated".
pub const ALL_PAIRS_LIMIT: usize = 60;
pub const LISTED_SIMILARITY: f64 = 0.4;
/// An 8-gram found in more documents than this is [`Popular`]: its seeds are found only for the
/// pairs compared (a story many outlets carry, or boilerplate no rule removed).
const MAX_SHINGLE_DOCS: usize = 50;

/// The comparison of a batch's texts but its `facts` (left empty: they need the entity table,
/// see [`compare_facts`]): nearly all of the work, which the page's worker hands to a helper
/// while it finds the entities and quotes.
pub fn compare_texts(texts: &[&str]) -> Comparison {
    compare_prepared(texts.iter().map(|t| prepare(t)))
}

/// What the comparison needs of one text alone: its words, their content forms' hashes and
/// its sentences' spans, a third of the comparison's work. It can be made ahead, where a thread
/// has time (see [`Ahead`]); the rest needs the whole batch.
pub struct Prepared {
    words: Vec<Word>,
    content: Vec<u64>,
    sentences: Vec<Range<usize>>,
}

/// Prepares a text for the comparison (see [`Ahead`]).
pub fn prepare(text: &str) -> Prepared {
    let (words, content) = words::words(text);
    Prepared {
        words,
        content,
        sentences: crate::text::sentences(text),
    }
}

/// Texts prepared ahead of the comparison of a batch (the command line's threads prepare those
/// they read, each its own), found again by their text: a text that changed since (the batch's
/// repeated lines removed) is prepared again, and the comparison is the one [`compare_texts`]
/// gives.
#[derive(Default)]
pub struct Ahead {
    prepared: rustc_hash::FxHashMap<String, Prepared>,
}

impl Ahead {
    /// Prepares `text` and keeps it.
    pub fn add(&mut self, text: String) {
        let prepared = prepare(&text);
        self.prepared.insert(text, prepared);
    }

    /// Takes over what `other` prepared.
    pub fn join(&mut self, other: Ahead) {
        self.prepared.extend(other.prepared);
    }

    /// [`compare_texts`], with the texts prepared ahead taken as they are.
    pub fn compare(mut self, texts: &[&str]) -> Comparison {
        let prepared = texts
            .iter()
            .map(|t| self.prepared.remove(*t).unwrap_or_else(|| prepare(t)));
        compare_prepared(prepared)
    }
}

/// [`compare_texts`] of texts prepared (in order): their content words numbered as they come,
/// so the comparison does not depend on where or when a text was prepared.
fn compare_prepared(prepared: impl ExactSizeIterator<Item = Prepared>) -> Comparison {
    let n = prepared.len();
    let mut vocabulary = words::Vocabulary::default();
    // Each document's words, their numbers (kept through the 8-grams below, which say which
    // words the TF-IDF vectors leave out: a list of 4 bytes a word, where the vectors made
    // before them took 16 a distinct word) and its sentences.
    let mut words: Vec<Vec<Word>> = Vec::with_capacity(n);
    let mut contents: Vec<Vec<u32>> = Vec::with_capacity(n);
    let mut sentences: Vec<Vec<passages::Sentence>> = Vec::with_capacity(n);
    for p in prepared {
        let content: Vec<u32> = p.content.iter().map(|&h| vocabulary.number(h)).collect();
        sentences.push(passages::sentences(p.sentences, &p.words, &content));
        words.push(p.words);
        contents.push(content);
    }
    let all_pairs = n <= ALL_PAIRS_LIMIT;
    // Words in more documents than this carry little and cost much in a big batch: they are
    // left out of the products that find the pairs to compare.
    let max_df = if all_pairs {
        usize::MAX
    } else {
        (n / 50).max(30)
    };
    // Exact shared runs: every 8-gram as (hash, document, position), sorted so that equal
    // 8-grams are neighbours (16 bytes each: a hash map of lists cost several times that). The
    // list is made in rounds by the hash's top bits, a quarter of it at a time (it was the
    // comparison's peak of memory): the rounds in order are the sorted list in order. Only the
    // 8-grams that may be said twice are listed (see [`Repeated`]).
    let repeated = Repeated::new(&words);
    let mut seeds: Vec<Seed> = Vec::new();
    let mut popular: Vec<Popular> = Vec::new();
    let mut shingles: Vec<(u64, u32, u32)> = Vec::new();
    for round in 0..SHINGLE_ROUNDS {
        shingles.clear();
        for (doc, ws) in words.iter().enumerate() {
            let hashes = passages::shingles(ws).enumerate();
            shingles.extend(
                hashes
                    .filter(|&(_, h)| h >> 62 == round && repeated.may_be(h))
                    .map(|(pos, h)| (h, doc as u32, pos as u32)),
            );
        }
        add_seeds(&mut shingles, &mut seeds, &mut popular);
    }
    // Each document's popular 8-grams together, by hash.
    popular.sort_unstable();
    let popular_of = |doc: usize| {
        let start = popular.partition_point(|x| (x.0 as usize) < doc);
        let end = popular.partition_point(|x| (x.0 as usize) <= doc);
        &popular[start..end]
    };
    drop(repeated);
    // They go now, not at the end: comparing the pairs holds the batch's word lists and
    // sentences, and these would be held beside them.
    drop(shingles);
    // In order of document pair, then of positions; each pair's seeds together.
    seeds.sort_unstable();
    seeds.dedup();
    let mut start = 0;
    let seed_runs: Vec<((usize, usize), Range<usize>)> = seeds
        .chunk_by(|x, y| (x.0, x.1) == (y.0, y.1))
        .map(|run| {
            start += run.len();
            (
                (run[0].0 as usize, run[0].1 as usize),
                start - run.len()..start,
            )
        })
        .collect();
    // Text many documents print (an outlet's standard paragraph no rule removed, under stories
    // of their own) is no reason to list a pair, nor are the 8-grams that run into it ("... and
    // may be shared. The"): a seed lists its pair when none of its words are in a popular
    // 8-gram, in either document.
    let in_popular = InPopular::new(&popular, &words);
    let listing: Vec<(usize, usize)> = seed_runs
        .iter()
        .filter(|(_, run)| {
            seeds[run.clone()]
                .iter()
                .any(|s| !in_popular.any(s.0, s.2) && !in_popular.any(s.1, s.3))
        })
        .map(|x| x.0)
        .collect();

    // Each document's content words and how many times it says them, in order of word number,
    // and the number of documents each word is in. Nor does such a paragraph make stories
    // alike: a document's words in popular 8-grams are left out of its counts, unless they
    // are most of it (a copy of a story many outlets carry).
    let background = std::mem::take(&mut vocabulary.weights);
    let vocabulary = background.len();
    let mut tf = Tally::new(vocabulary);
    let mut copy_of_popular = vec![false; n];
    let counts: Vec<Vec<(u32, u32)>> = contents
        .into_iter()
        .enumerate()
        .map(|(doc, content)| {
            let in_popular = in_popular.of(doc);
            let popular_words = in_popular.iter().filter(|&&p| p).count();
            let most = popular_words > 0 && popular_words * 2 >= content.len();
            copy_of_popular[doc] = most;
            let own = |at: usize| most || !in_popular.get(at).is_some_and(|&p| p);
            for (_, c) in content
                .into_iter()
                .enumerate()
                .filter(|&(at, c)| c != 0 && own(at))
            {
                tf.add(c as usize, 1u32);
            }
            tf.drain_sorted().map(|(k, c)| (k as u32, c)).collect()
        })
        .collect();
    drop((tf, in_popular));
    let mut df = vec![0u32; vocabulary];
    for &(id, _) in counts.iter().flatten() {
        df[id as usize] += 1;
    }
    // TF-IDF vectors over content words (background IDF, see [`idf`]), for cosines through the
    // postings; each in order of word number.
    let in_batch = (!all_pairs).then(|| batch_weights(&df, n, &background, max_df));
    // Logarithms (computed in software in wasm) of the small counts most words have are worked
    // out once.
    let ln_small: Vec<f64> = (0..32).map(|c| f64::from(c).ln()).collect();
    let ln = |c: u32| match ln_small.get(c as usize) {
        Some(&l) => l,
        None => f64::from(c).ln(),
    };
    let vectors: Vec<Vec<(u32, f64)>> = counts
        .into_iter()
        .map(|counts| {
            let weights = match &in_batch {
                Some(in_batch) if !background_knows(&counts, &background) => in_batch,
                _ => &background,
            };
            let mut v: Vec<(u32, f64)> = counts
                .into_iter()
                .map(|(k, c)| (k, (1.0 + ln(c)) * weights[k as usize]))
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt().max(1e-12);
            v.iter_mut().for_each(|x| x.1 /= norm);
            v
        })
        .collect();
    drop((background, in_batch));

    // Beyond the limit, a pair is compared when it shares a passage or is similar enough: only
    // those pairs' products are kept (the products come in pair order, as the seed runs do).
    let mut seed_pairs = listing.iter().copied().peekable();
    let dots = Dots::new(&vectors, &df, max_df, |a, b, dot| {
        while seed_pairs.next_if(|&pair| pair < (a, b)).is_some() {}
        all_pairs || similarity(dot) >= LISTED_SIMILARITY || seed_pairs.peek() == Some(&(a, b))
    });

    // The pairs compared, each with its cosine. Beyond the limit the products left out the
    // words in many documents: a listed pair's cosine is worked out whole, once.
    let pairs: Vec<((usize, usize), f64)> = if all_pairs {
        (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .map(|(a, b)| ((a, b), dots.get(a, b)))
            .collect()
    } else {
        let whole = |(a, b): (usize, usize)| dot(&vectors[a], &vectors[b]);
        let mut p: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        let found = listing.iter().copied().chain(
            dots.pairs()
                .filter(|&(_, _, d)| similarity(d) >= LISTED_SIMILARITY)
                .map(|(a, b, _)| (a, b)),
        );
        for pair in found {
            p.entry(pair).or_insert_with(|| whole(pair));
        }
        if !popular.is_empty() {
            let windows: Vec<u32> = words
                .iter()
                .map(|ws| {
                    passages::shingles(ws)
                        .filter(|&h| copies::sampled(h))
                        .count() as u32
                })
                .collect();
            // Copies listed as the pairs the products found are: similar enough. Those of
            // which neither is mostly text many documents print share an outlet's standard
            // paragraph, or quote the same few: the products have judged them already.
            let copies = copies::copies(&popular, &windows);
            for pair in copies
                .into_iter()
                .filter(|&(a, b)| copy_of_popular[a] || copy_of_popular[b])
            {
                if let Entry::Vacant(entry) = p.entry(pair) {
                    let cosine = whole(pair);
                    if similarity(cosine) >= LISTED_SIMILARITY {
                        entry.insert(cosine);
                    }
                }
            }
        }
        p.into_iter().collect()
    };
    // The vectors go before the pairs are compared, which holds the batch's words and
    // sentences.
    drop((vectors, dots, df));

    let mut overlaps = Vec::with_capacity(pairs.len());
    // Pairs come in order of `a`: its sentence index is made once for all of them.
    let mut index = passages::SentenceIndex::new(vocabulary);
    let mut indexed = None;
    for ((a, b), cosine) in pairs {
        let cosine = cosine.min(1.0);
        let similarity = similarity(cosine);

        let mut found: Vec<Passage> = Vec::new();
        let mut positions: Vec<(usize, usize)> =
            match seed_runs.binary_search_by_key(&(a, b), |x| x.0) {
                Ok(at) => seeds[seed_runs[at].1.clone()]
                    .iter()
                    .map(|s| (s.2 as usize, s.3 as usize))
                    .collect(),
                Err(_) => Vec::new(),
            };
        if shared_popular(popular_of(a), popular_of(b), &mut positions) {
            positions.sort_unstable();
        }
        if !positions.is_empty() {
            for (ra, rb) in passages::exact_runs(positions, &words[a], &words[b]) {
                found.push(passages::passage(
                    words[a][ra.start].start..words[a][ra.end - 1].end,
                    words[b][rb.start].start..words[b][rb.end - 1].end,
                ));
            }
        }
        if cosine >= 0.2 || !found.is_empty() {
            let (sa, sb) = (&sentences[a], &sentences[b]);
            if indexed != Some(a) {
                index.fill(sa);
                indexed = Some(a);
            }
            for (i, j) in passages::near_sentences(sa, &index, sb) {
                let (pa, pb) = (sa[i].span.clone(), sb[j].span.clone());
                let covered = found.iter().any(|p| {
                    (p.a_start < pa.end && pa.start < p.a_end)
                        && (p.b_start < pb.end && pb.start < p.b_end)
                });
                if !covered {
                    found.push(passages::passage(pa, pb));
                }
            }
        }
        // (Unstable: the key is the whole passage.)
        found.sort_unstable_by_key(|p| {
            (
                std::cmp::Reverse(p.a_end - p.a_start),
                p.a_start,
                p.b_start,
                p.b_end,
            )
        });
        let score = coverage(
            &words[a],
            found.iter().map(|p| p.a_start..p.a_end),
            &words[b],
            found.iter().map(|p| p.b_start..p.b_end),
        );
        overlaps.push(Overlap {
            a,
            b,
            score,
            similarity,
            passages: found,
        });
    }

    let unique = unique_sentences(&sentences, vocabulary);
    Comparison {
        overlaps,
        facts: Vec::new(),
        unique,
    }
}

/// Adds the `facts` to a comparison of these texts ([`compare_texts`]).
pub fn compare_facts(comparison: &mut Comparison, texts: &[&str], entities: &EntityTable) {
    // Numbers and dates are compared between documents on the same story only: "15 years" in
    // two unrelated articles is no disagreement.
    let related: FxHashSet<(usize, usize)> = comparison
        .overlaps
        .iter()
        .filter(|o| o.similarity >= LISTED_SIMILARITY || !o.passages.is_empty())
        .map(|o| (o.a, o.b))
        .collect();
    comparison.facts = facts::compare(texts, entities, |a, b| {
        related.contains(&(a.min(b), a.max(b)))
    });
}

/// The 8-grams are sorted in this many rounds (by the top 2 bits of their hash).
const SHINGLE_ROUNDS: u64 = 4;

/// Which 8-grams may be said more than once in a batch: a bit per hash (by its top bits), set
/// when a hash is seen again. Most of a batch's 8-grams are said once, and sorting them all was
/// most of finding the shared runs; a few said once share a bit with another and are sorted
/// all the same.
struct Repeated {
    bits: Vec<u64>,
    /// How far a hash is shifted for its bit.
    shift: u32,
}

impl Repeated {
    fn new(words: &[Vec<Word>]) -> Repeated {
        // Sixteen bits or more per 8-gram (one said once shares its bit with another about one
        // time in sixteen), up to 2^24 bits (2 MB): a batch of a few articles takes a few KB.
        let windows: usize = words
            .iter()
            .map(|ws| (ws.len() + 1).saturating_sub(passages::K))
            .sum();
        let size = (windows * 16).next_power_of_two().clamp(1 << 12, 1 << 24);
        let shift = 64 - size.trailing_zeros();
        let mut once = vec![0u64; size / 64];
        let mut twice = vec![0u64; size / 64];
        for ws in words {
            for h in passages::shingles(ws) {
                let (at, bit) = Repeated::bit(h, shift);
                if once[at] & bit != 0 {
                    twice[at] |= bit;
                }
                once[at] |= bit;
            }
        }
        Repeated { bits: twice, shift }
    }

    fn bit(hash: u64, shift: u32) -> (usize, u64) {
        let b = (hash >> shift) as usize;
        (b >> 6, 1 << (b & 63))
    }

    /// Whether the 8-gram of this hash may be said twice (false: it is said once).
    fn may_be(&self, hash: u64) -> bool {
        let (at, bit) = Repeated::bit(hash, self.shift);
        self.bits[at] & bit != 0
    }
}

/// Where two documents share an 8-gram: (document a, document b, position in a, position in
/// b), a < b. Flat (one list for the batch, sorted): a map of lists per pair cost a lookup per
/// seed, and a story carried whole by many outlets has hundreds of seeds per pair.
type Seed = (u32, u32, u32, u32);

/// An 8-gram found in more than [`MAX_SHINGLE_DOCS`] documents, where one of them has it:
/// (document, the hash's high and low halves, position; the type of a [`Seed`], so that both
/// are sorted by one piece of code in the download). Its pairs are too many to list as seeds (a
/// story carried by a thousand outlets has half a million pairs for each of its 8-grams): the
/// pairs that are compared find those they share ([`shared_popular`]).
type Popular = (u32, u32, u32, u32);

/// Adds the positions in `a` and `b` of the popular 8-grams two documents share (each
/// document's list sorted by hash), after `positions`, paired as seeds are ([`pair_places`]);
/// whether there were any.
fn shared_popular(a: &[Popular], b: &[Popular], positions: &mut Vec<(usize, usize)>) -> bool {
    let before = positions.len();
    let hash = |x: &Popular| (x.1, x.2);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match hash(&a[i]).cmp(&hash(&b[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let h = hash(&a[i]);
                let run_a = a[i..].iter().take_while(|x| hash(x) == h).count();
                let run_b = b[j..].iter().take_while(|x| hash(x) == h).count();
                let (ra, rb) = (&a[i..i + run_a], &b[j..j + run_b]);
                pair_places(
                    ra,
                    rb,
                    |x| x.3,
                    |pa, pb| positions.push((pa as usize, pb as usize)),
                );
                (i, j) = (i + run_a, j + run_b);
            }
        }
    }
    positions.len() > before
}

/// Adds the seeds of a list of 8-grams, and the 8-grams in too many documents for their pairs
/// to be listed to `popular`.
fn add_seeds(shingles: &mut [(u64, u32, u32)], seeds: &mut Vec<Seed>, popular: &mut Vec<Popular>) {
    // By hash first (one integer comparison), then each run of equal hashes, which is short.
    shingles.sort_unstable_by_key(|x| x.0);
    for run in shingles.chunk_by_mut(|x, y| x.0 == y.0) {
        if run.len() > 1 {
            run.sort_unstable();
        }
    }
    for list in shingles.chunk_by(|x, y| x.0 == y.0).filter(|l| l.len() > 1) {
        // Sorted by document within the run: count the distinct ones.
        let docs = 1 + list.windows(2).filter(|w| w[0].1 != w[1].1).count();
        if docs > MAX_SHINGLE_DOCS {
            popular.extend(
                list.iter()
                    .map(|&(hash, doc, pos)| (doc, (hash >> 32) as u32, hash as u32, pos)),
            );
            continue;
        }
        if docs < 2 {
            continue;
        }
        // Each document's places together (in order), each pair of documents once.
        let mut rest = list;
        while let Some(first) = rest.first() {
            let (a, later) = rest.split_at(rest.partition_point(|x| x.1 == first.1));
            for b in later.chunk_by(|x, y| x.1 == y.1) {
                let (da, db) = (a[0].1, b[0].1);
                pair_places(a, b, |x| x.2, |pa, pb| seeds.push((da, db, pa, pb)));
            }
            rest = later;
        }
    }
}

/// The places `a` and `b` say an 8-gram at, paired: each place with the one place in the other,
/// or when both say it several times (a line repeated in each), the first with the first, the
/// second with the second...: every place with every place made each repetition a passage of
/// its own, hundreds per pair.
fn pair_places<T>(a: &[T], b: &[T], place: impl Fn(&T) -> u32, mut pair: impl FnMut(u32, u32)) {
    if a.len() > 1 && b.len() > 1 {
        a.iter().zip(b).for_each(|(x, y)| pair(place(x), place(y)));
    } else {
        for x in a {
            b.iter().for_each(|y| pair(place(x), place(y)));
        }
    }
}

/// Whether the background IDF table knows the language of a text (its content words by number,
/// each with how many times it says it; `background`: their weights): a fifth of its content
/// words are listed there. English
/// news has 28% or more (half of the BBC set's articles 65%), a French, German, Czech, Spanish or
/// Portuguese article of the Readability pages 2 to 6%.
fn background_knows(counts: &[(u32, u32)], background: &[f64]) -> bool {
    let unlisted = idf::unlisted();
    let words: u32 = counts.iter().map(|x| x.1).sum();
    let listed: u32 = counts
        .iter()
        .filter(|x| background[x.0 as usize] < unlisted)
        .map(|x| x.1)
        .sum();
    listed * 5 >= words
}

/// The weights of content words in the texts of a batch the background table does not know the
/// language of ([`background_knows`]), beyond [`ALL_PAIRS_LIMIT`]: a word in more than `max_df`
/// of the documents (left out of the products that find the pairs) weighs no more than its IDF
/// in the batch, for the language's common words are in many. (The BBC set's first 300
/// articles in Cyrillic letters list 86% of the pairs the English text lists, against 41% when
/// those words weighed as names do; in English, the background's weights were better on
/// SemEval-2022 as one batch, and a story a thousand outlets carry stays alike.)
fn batch_weights(df: &[u32], n: usize, background: &[f64], max_df: usize) -> Vec<f64> {
    let documents = n as f64 + 1.0;
    let idf = |df: u32| (documents / (f64::from(df) + 1.0)).ln() + 1.0;
    background
        .iter()
        .zip(df)
        .map(|(&w, &df)| match df as usize > max_df {
            true => w.min(idf(df)),
            false => w,
        })
        .collect()
}

/// Which words of each document of a batch are in a [`Popular`] 8-gram.
struct InPopular {
    /// Each document's first word in `words`.
    offsets: Vec<usize>,
    /// Per word of the batch, documents after each other.
    words: Vec<bool>,
}

impl InPopular {
    /// `popular`: the batch's, sorted; `words`: each document's.
    fn new(popular: &[Popular], words: &[Vec<Word>]) -> InPopular {
        let mut offsets = Vec::with_capacity(words.len());
        let mut total = 0;
        for ws in words {
            offsets.push(total);
            total += ws.len();
        }
        // Empty in the common case of no popular 8-gram: nothing is asked then.
        let mut in_popular = vec![false; if popular.is_empty() { 0 } else { total }];
        for &(doc, _, _, at) in popular {
            let start = offsets[doc as usize] + at as usize;
            in_popular[start..start + passages::K].fill(true);
        }
        InPopular {
            offsets,
            words: in_popular,
        }
    }

    /// Per word of `doc`, whether it is in a popular 8-gram (none: empty).
    fn of(&self, doc: usize) -> &[bool] {
        let end = self.offsets.get(doc + 1).copied().unwrap_or(usize::MAX);
        self.words
            .get(self.offsets[doc]..end.min(self.words.len()))
            .unwrap_or(&[])
    }

    /// Whether any word of the 8-gram at `at` in `doc` is in a popular 8-gram.
    fn any(&self, doc: u32, at: u32) -> bool {
        let start = self.offsets[doc as usize] + at as usize;
        self.words
            .get(start..start + passages::K)
            .is_some_and(|ws| ws.contains(&true))
    }
}

/// The dot product of two sparse vectors, each in order of word number.
fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                (i, j) = (i + 1, j + 1);
            }
        }
    }
    sum
}

/// Story similarity from topical overlap: the TF-IDF cosine over content words, with
/// background IDF so that names and specific terms count most. Ratings of "same story" grow
/// with the square root of the cosine (two news texts on one story have a cosine around
/// 0.2–0.5): on SemEval-2022 Task 8 this calibration correlates best, and blending in the
/// share of shared names made it worse, since the cosine already counts them.
fn similarity(cosine: f64) -> f64 {
    cosine.clamp(0.0, 1.0).sqrt()
}

/// Share of both texts' words inside the given spans.
fn coverage(
    a: &[Word],
    spans_a: impl Iterator<Item = Range<usize>>,
    b: &[Word],
    spans_b: impl Iterator<Item = Range<usize>>,
) -> f64 {
    // A word is inside a span when one starting at or before it ends at or after it: in one
    // sweep over the words (in order) and the spans by start, not each word against every span
    // (a text of thousands of alike lines has thousands of passages per pair).
    let covered = |ws: &[Word], mut spans: Vec<Range<usize>>| {
        spans.sort_unstable_by_key(|s| s.start);
        let (mut next, mut reach) = (0, 0);
        ws.iter()
            .filter(|w| {
                while let Some(s) = spans.get(next).filter(|s| s.start <= w.start) {
                    reach = reach.max(s.end);
                    next += 1;
                }
                w.end <= reach
            })
            .count()
    };
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    (covered(a, spans_a.collect()) + covered(b, spans_b.collect())) as f64 / total as f64
}

/// Sentences with at least four content words of which no sentence of another document
/// contains as much as 40%. `vocabulary`: how many word numbers the sentences use.
fn unique_sentences(
    sentences: &[Vec<passages::Sentence>],
    vocabulary: usize,
) -> Vec<Vec<Range<usize>>> {
    // Two sentences are the same when they share at least this many counted words (and 40% of
    // the words of one of them).
    const LEAST_SHARED: usize = 3;
    // Sentences are numbered across the batch, a document's together; `doc_end` gives the
    // number after each one's document's last.
    let all: Vec<&passages::Sentence> = sentences.iter().flatten().collect();
    let doc_end: Vec<u32> = sentences
        .iter()
        .scan(0, |end, ss| {
            *end += ss.len() as u32;
            Some(std::iter::repeat_n(*end, ss.len()))
        })
        .flatten()
        .collect();
    let counted = |s: &passages::Sentence| s.content.len() >= LEAST_SHARED;
    // Per word, how many sentences have it, and the list of those that have enough words to
    // share as many as `LEAST_SHARED` with another (the others are left out): counted, then
    // each list placed after the last word's (`list[w]` its end once filled), then filled.
    let mut count = vec![0u32; vocabulary];
    let mut list = vec![0u32; vocabulary + 1];
    for s in &all {
        for &w in &s.content {
            count[w as usize] += 1;
            list[w as usize + 1] += u32::from(counted(s));
        }
    }
    for w in 0..vocabulary {
        list[w + 1] += list[w];
    }
    let mut postings = vec![0u32; list[vocabulary] as usize];
    for (id, s) in all.iter().enumerate().filter(|(_, s)| counted(s)) {
        for &w in &s.content {
            postings[list[w as usize] as usize] = id as u32;
            list[w as usize] += 1;
        }
    }
    // Word `w`'s list now ends where the next one's starts.
    let list_of = |w: u32| {
        let start = if w == 0 { 0 } else { list[w as usize - 1] };
        &postings[start as usize..list[w as usize] as usize]
    };
    // Words in many sentences say nothing about sameness, and cost much.
    let common = 200;
    // A sentence is not unique when one of another document shares `least` of its counted
    // words (those in at most `common` sentences): at least 3, and 40% of its words.
    let least: Vec<u32> = all
        .iter()
        .map(|s| {
            let needed = 0.4 * s.content.len() as f64;
            (LEAST_SHARED as u32..)
                .find(|&c| c as f64 >= needed)
                .unwrap_or(u32::MAX)
        })
        .collect();
    // Each pair of sentences is counted once, from the earlier one (the count is the same from
    // either side), and settles both.
    let mut said_elsewhere = vec![false; all.len()];
    let mut shared = Tally::new(all.len());
    // Per word, how far into its list the sentences of the documents done so far go: lists are
    // in sentence order, so the later documents' sentences are the rest, and the sentences come
    // in order, so this only moves on.
    let mut done = vec![0u32; vocabulary];
    for (id, s) in all.iter().enumerate() {
        if !counted(s) {
            continue;
        }
        for &w in &s.content {
            if count[w as usize] > common {
                continue;
            }
            let list = list_of(w);
            let mut later = done[w as usize] as usize;
            while later < list.len() && list[later] < doc_end[id] {
                later += 1;
            }
            done[w as usize] = later as u32;
            for &other in &list[later..] {
                shared.add(other as usize, 1u32);
            }
        }
        for (other, c) in shared.drain() {
            said_elsewhere[id] |= c >= least[id];
            said_elsewhere[other] |= c >= least[other];
        }
    }
    let mut id = 0;
    sentences
        .iter()
        .map(|ss| {
            ss.iter()
                .filter(|s| {
                    id += 1;
                    s.content.len() >= 4 && !said_elsewhere[id - 1]
                })
                .map(|s| s.span.clone())
                .collect()
        })
        .collect()
}

/// Cosines of document pairs: sparse products of the normalised TF-IDF rows through the
/// postings of their words, accumulated per document in a dense row (no pair hash map: a batch
/// of thousands has millions of pairs sharing a word).
struct Dots {
    /// Per document `a`, the documents `b > a` it shares a word with and the dot product,
    /// ordered by `b`.
    rows: Vec<Vec<(usize, f64)>>,
}

impl Dots {
    /// `vectors`: each document's (word number, weight), in order of word number; `df`: the
    /// number of documents each word is in. `max_df`: words in more documents than this are
    /// left out. `keep(a, b, dot)`: whether to keep a pair's product (`get` gives 0 for the
    /// others), called in pair order.
    fn new(
        vectors: &[Vec<(u32, f64)>],
        df: &[u32],
        max_df: usize,
        mut keep: impl FnMut(usize, usize, f64) -> bool,
    ) -> Dots {
        let n = vectors.len();
        let counted = |id: u32| (2..=max_df).contains(&(df[id as usize] as usize));
        // Lists only for the words counted (in 2 to `max_df` documents), each sized once: most
        // words are in one document, and their lists were the comparison's peak of memory.
        let mut postings: Vec<Vec<(usize, f64)>> = (0..df.len() as u32)
            .map(|id| match counted(id) {
                true => Vec::with_capacity(df[id as usize] as usize),
                false => Vec::new(),
            })
            .collect();
        for (doc, v) in vectors.iter().enumerate() {
            for &(id, w) in v {
                if counted(id) {
                    postings[id as usize].push((doc, w));
                }
            }
        }
        let mut acc = Tally::new(n);
        let rows = vectors
            .iter()
            .enumerate()
            .map(|(a, v)| {
                for &(id, wa) in v {
                    if !counted(id) {
                        continue;
                    }
                    let list = &postings[id as usize];
                    // Postings are in document order: the later documents are a suffix.
                    let later = list.partition_point(|x| x.0 <= a);
                    for &(b, wb) in &list[later..] {
                        acc.add(b, wa * wb);
                    }
                }
                acc.drain_sorted()
                    .filter(|&(b, dot)| keep(a, b, dot))
                    .collect()
            })
            .collect();
        Dots { rows }
    }

    /// The dot product of documents `a < b` (0 when they share no counted word, or when `keep`
    /// left it out).
    fn get(&self, a: usize, b: usize) -> f64 {
        let row = &self.rows[a];
        row.binary_search_by_key(&b, |x| x.0)
            .map_or(0.0, |i| row[i].1)
    }

    /// Every kept pair `(a, b, dot)` with `a < b` that shares a counted word.
    fn pairs(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .flat_map(|(a, row)| row.iter().map(move |&(b, d)| (a, b, d)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keeps_every_8_gram_said_twice() {
        let doc = |ids: &[u64]| -> Vec<Word> {
            let at = |k: usize, &exact: &u64| Word {
                exact,
                start: k,
                end: k + 1,
            };
            ids.iter().enumerate().map(|(k, id)| at(k, id)).collect()
        };
        // Nine words shared by two documents (two 8-grams), one 8-gram said twice in one, and
        // 8-grams said once.
        let shared: Vec<u64> = (100..109).collect();
        let a: Vec<u64> = (1..20).chain(shared.clone()).collect();
        let b: Vec<u64> = shared.iter().copied().chain(50..60).collect();
        let c: Vec<u64> = (200..208).chain(300..305).chain(200..208).collect();
        let words = [doc(&a), doc(&b), doc(&c)];
        let repeated = Repeated::new(&words);
        let hashes = |ws: &[Word]| passages::shingles(ws).collect::<Vec<u64>>();
        let (ha, hb, hc) = (hashes(&words[0]), hashes(&words[1]), hashes(&words[2]));
        for h in hb.iter().filter(|h| ha.contains(h)) {
            assert!(repeated.may_be(*h));
        }
        assert_eq!(hb.iter().filter(|h| ha.contains(h)).count(), 2);
        assert!(repeated.may_be(hc[0]));
        // Said once (a bit shared by chance would keep one; these are few, and 2^12 bits).
        let once: Vec<&u64> = ha.iter().filter(|h| !hb.contains(h)).collect();
        assert!(once.iter().filter(|h| repeated.may_be(***h)).count() <= 1);
    }

    /// A made-up word (one of 10,000): texts made of different ones share few words.
    fn made_up_word(n: u64) -> String {
        let syllables = [
            "ka", "vo", "rin", "tel", "mu", "sa", "dro", "pe", "lix", "gor",
        ];
        let mut n = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20;
        (0..4)
            .map(|_| {
                let s = syllables[(n % 10) as usize];
                n /= 10;
                s
            })
            .collect()
    }

    fn made_up_words(numbers: Range<u64>) -> String {
        numbers.map(made_up_word).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_story_more_than_50_outlets_carry_is_one_exact_passage_in_each_pair() {
        // 55 outlets carry the story, each with a line of its own, beside 5 other stories: the
        // story's 8-grams are in more documents than are listed as seeds.
        let sentence = |r: Range<u64>| {
            let words = made_up_words(r);
            format!("{}{}.", words[..1].to_uppercase(), &words[1..])
        };
        let story = [0..30, 30..60, 60..80].map(sentence).join(" ");
        let mut texts: Vec<String> = (0..55)
            .map(|k| {
                let own = made_up_words(1000 + 2 * k..1002 + 2 * k);
                format!("{story} Reported by {own}.")
            })
            .collect();
        texts.extend((0..5).map(|k| made_up_words(10_000 + 100 * k..10_080 + 100 * k) + "."));
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let comparison = compare_texts(&texts);
        let copies: Vec<&Overlap> = comparison.overlaps.iter().filter(|o| o.b < 55).collect();
        assert_eq!(copies.len(), 55 * 54 / 2);
        assert!(
            copies.iter().all(|o| o.similarity > 0.9),
            "{}",
            copies[0].similarity
        );
        // Word for word: the whole story is one passage, not three sentences found alike.
        let whole = story.len() - 1;
        for o in &copies {
            let p = &o.passages[0];
            assert!(
                p.a_end - p.a_start >= whole && p.b_end - p.b_start >= whole,
                "{p:?}"
            );
        }
    }

    /// Common words the background table lists.
    const COMMON: [&str; 24] = [
        "minister", "council", "budget", "police", "river", "school", "market", "energy", "court",
        "hospital", "election", "village", "company", "prices", "workers", "report", "country",
        "family", "money", "season", "water", "house", "children", "business",
    ];

    /// A made-up word of five syllables spelling `n` (below 100,000): unlike [`made_up_word`]'s,
    /// no two are the same.
    fn distinct_word(n: u64) -> String {
        let syllables = [
            "ka", "vo", "rin", "tel", "mu", "sa", "dro", "pe", "lix", "gor",
        ];
        (0..5)
            .map(|d| syllables[(n / 10u64.pow(d) % 10) as usize])
            .collect()
    }

    /// The `k`th of a set of texts of `words` words in English: half of them common words the
    /// background table lists (all 24 in each text), half made up.
    fn english(k: u64, words: u64) -> String {
        (0..words)
            .map(|w| match w % 2 {
                0 => COMMON[((k * 5 + w / 2 * 7) % 24) as usize].to_string(),
                _ => made_up_word(k * 1000 + w),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn beyond_the_limit_a_listed_pair_is_as_alike_as_alone() {
        // 70 English texts (each common word in more than 30: left out of the products), the
        // first two sharing a sentence.
        let shared = made_up_words(5000..5012);
        let texts: Vec<String> = (0..70)
            .map(|k| match k {
                0 | 1 => format!("{}. {shared}.", english(k, 60)),
                _ => english(k, 60) + ".",
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let batch = compare_texts(&texts);
        let alone = compare_texts(&texts[..2]);
        let pair = batch
            .overlaps
            .iter()
            .find(|o| (o.a, o.b) == (0, 1))
            .unwrap();
        assert!((pair.similarity - alone.overlaps[0].similarity).abs() < 1e-9);
        assert!(pair.similarity > 0.4, "{}", pair.similarity);
    }

    #[test]
    fn beyond_the_limit_common_words_of_a_language_the_background_lacks_weigh_little() {
        // 70 texts in a made-up language whose 16 common words are in all of them; the first
        // two share a sentence of their own words and nothing else. Weighed as the background
        // weighs a word it does not list (as a name), the common words made them alike.
        let common = |k: u64, w: u64| made_up_word(90_000 + (k + w) % 16);
        let text = |k: u64| -> String {
            let words = (0..60).map(|w| match w % 3 {
                0 | 1 => common(k, w),
                _ => made_up_word(k * 1000 + w),
            });
            words.collect::<Vec<_>>().join(" ")
        };
        let shared = made_up_words(5000..5012);
        let texts: Vec<String> = (0..70)
            .map(|k| match k {
                0 | 1 => format!("{}. {shared}.", text(k)),
                _ => text(k) + ".",
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let alone = compare_texts(&texts[..2]).overlaps[0].similarity;
        let batch = compare_texts(&texts);
        let pair = batch
            .overlaps
            .iter()
            .find(|o| (o.a, o.b) == (0, 1))
            .unwrap();
        assert!(pair.similarity < alone - 0.2, "{} {alone}", pair.similarity);
    }

    /// A story of three sentences written for the tests, in English.
    const STORY: &str = "The river council voted on Monday to rebuild the old stone bridge \
        at Marlow before the winter floods, after engineers found cracks in two of its arches. \
        Shop owners on both banks said the closure had cost them half their trade since the \
        spring, and asked the council for help with their rents. Work on the new bridge will \
        start in March and is expected to last eighteen months, the council said.";

    #[test]
    fn beyond_the_limit_copies_of_a_story_many_outlets_carry_are_alike() {
        // 70 outlets carry the story, each with a line of its own, beside 30 other texts: its
        // words and 8-grams are in too many documents for the products and the seeds.
        let mut texts: Vec<String> = (0..70)
            .map(|k| {
                let own = made_up_words(1000 + 2 * k..1002 + 2 * k);
                format!("{STORY} Reported by {own}.")
            })
            .collect();
        texts.extend((70..100).map(|k| english(k, 60) + "."));
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let comparison = compare_texts(&texts);
        let copies: Vec<&Overlap> = comparison.overlaps.iter().filter(|o| o.b < 70).collect();
        assert_eq!(copies.len(), 70 * 69 / 2);
        assert!(copies.iter().all(|o| o.similarity > 0.9));
        for o in &copies {
            let p = &o.passages[0];
            assert!(p.a_end - p.a_start >= STORY.len() - 1, "{p:?}");
        }
        // The outlets' story is nothing like the others.
        assert!(comparison.overlaps.iter().all(|o| o.b < 70 || o.a >= 70));
    }

    #[test]
    fn beyond_the_limit_a_paragraph_stories_of_their_own_print_neither_pairs_nor_likens() {
        // 100 stories in English, each printing an outlet's standard paragraph (no full stop
        // at its end, as pasted text has it) between two parts of its own; the second part
        // starts with one of four words, so that the 8-grams running from the paragraph into
        // it are in 25 documents each. The paragraph is a third of each text; the stories'
        // own words are names and the common words all of them use, which make any two as
        // alike as the products (which leave out words in many documents) would list. The
        // first two stories share their first part.
        let paragraph = made_up_words(0..50);
        let stories = |paragraph: &str| -> Vec<String> {
            (0..100u64)
                .map(|k| {
                    let own = |k: u64, r: Range<u64>| {
                        let word = |w: u64| match w % 2 {
                            0 => COMMON[((k * 5 + w / 2 * 7) % 24) as usize].to_string(),
                            _ => distinct_word(100 * k + w),
                        };
                        r.map(word).collect::<Vec<_>>().join(" ")
                    };
                    let next = ["The", "But", "And", "Mr"][k as usize % 4];
                    let first = own(k.max(1) - 1, 0..45);
                    format!("{first}.\n\n{paragraph}\n\n{next} {}.", own(k, 45..90))
                })
                .collect()
        };
        let compare = |texts: Vec<String>| {
            compare_texts(&texts.iter().map(String::as_str).collect::<Vec<_>>()).overlaps
        };
        let overlaps = compare(stories(&paragraph));
        let pairs: Vec<(usize, usize)> = overlaps.iter().map(|o| (o.a, o.b)).collect();
        assert!(pairs == [(0, 1)], "{} pairs", pairs.len());
        // As alike as without the paragraph.
        let without = compare(stories(""));
        assert_eq!(without.len(), 1);
        let (with, without) = (overlaps[0].similarity, without[0].similarity);
        assert!((with - without).abs() < 1e-9, "{with} {without}");
    }

    #[test]
    fn beyond_the_limit_a_story_quoting_a_copied_lead_is_paired_with_its_copies() {
        // 70 outlets carry the story at length; one more quotes its first sentence and tells
        // the rest in its own words, at greater length: what it quotes is a sixth of the
        // copies' text, and the rest says what theirs do.
        let more = "Engineers who inspected the arches in the autumn said the cracks had \
            widened since the last survey and that heavy lorries could no longer cross safely. \
            Until the new bridge opens, people crossing the river at Marlow will take a ferry \
            the council is paying for, or drive eleven miles to the next crossing. The bakery \
            by the old bridge said it had lost most of its morning customers.";
        let mut texts: Vec<String> = (0..70)
            .map(|k| format!("{STORY} {more} Reported by {}.", made_up_word(1000 + k)))
            .collect();
        let lead = &STORY[..STORY.find(". ").unwrap() + 1];
        texts.push(format!(
            "{lead} Traders on both banks of the river told us the closure had halved their \
             trade since spring and that rents were now their worry. Rebuilding the bridge \
             starts in March and will take eighteen months, according to the council. Until \
             then a ferry will carry people across, and shops near the bridge fear the worst. \
             Councillors argued for two hours over whether to repair the old arches or pull \
             them down, and the vote to rebuild passed by a single voice. Stone from the old \
             bridge will be kept and some of it used again in the walls of the new one."
        ));
        texts.extend((71..100).map(|k| english(k, 60) + "."));
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let comparison = compare_texts(&texts);
        let paired = comparison.overlaps.iter().filter(|o| o.b == 70).count();
        assert_eq!(paired, 70);
    }

    #[test]
    fn beyond_the_limit_each_copy_is_paired_with_a_hundred_at_most() {
        let texts: Vec<String> = (0..150)
            .map(|k| format!("{STORY} Reported by {}.", made_up_word(1000 + k)))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let comparison = compare_texts(&texts);
        let mut pairs = vec![0; 150];
        for o in &comparison.overlaps {
            pairs[o.a] += 1;
            pairs[o.b] += 1;
        }
        assert_eq!(pairs.iter().max(), Some(&100));
        assert!(pairs.iter().all(|&p| p >= 50), "{pairs:?}");
        assert!(
            pairs.iter().filter(|&&p| p == 100).count() > 80,
            "{pairs:?}"
        );
    }

    #[test]
    fn beyond_the_limit_a_line_each_document_repeats_pairs_none() {
        // 100 documents, each a line it says twice: the line's 8-grams are in all of them, but
        // said again in each, as a template's are.
        let line = made_up_words(0..40);
        let texts: Vec<String> = (0..100)
            .map(|k| {
                let own = made_up_word(1000 + k);
                vec![format!("{line} {own}."); 2].join("\n")
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(compare_texts(&texts).overlaps, []);
    }

    #[test]
    fn shared_popular_8_grams_pair_their_places() {
        // (hash, position) in documents 0 and 1: hash 5 twice in a, hash 9 twice in b, hash 7
        // in a alone, hash 8 three times in a and twice in b.
        let list = |doc: u32, places: &[(u32, u32)]| -> Vec<Popular> {
            places
                .iter()
                .map(|&(h, p)| (doc, h / 100, h % 100, p))
                .collect()
        };
        let a = list(
            0,
            &[(5, 1), (5, 7), (7, 2), (8, 10), (8, 20), (8, 30), (109, 3)],
        );
        let b = list(1, &[(5, 2), (8, 11), (8, 21), (109, 4), (109, 8), (209, 9)]);
        let mut positions = vec![(0, 0)];
        assert!(shared_popular(&a, &b, &mut positions));
        positions.sort_unstable();
        assert_eq!(
            positions,
            [(0, 0), (1, 2), (3, 4), (3, 8), (7, 2), (10, 11), (20, 21)]
        );
        assert!(!shared_popular(&a[2..3], &b, &mut positions));
    }

    #[test]
    fn a_line_two_documents_repeat_pairs_its_places_in_order() {
        // A line said three times in each, between lines of their own.
        let line = made_up_words(0..12);
        let text = |own: u64| {
            let own = |k: u64| made_up_words(own + 10 * k..own + 10 * k + 6);
            format!("{line}. {}. {line}. {}. {line}.", own(0), own(1))
        };
        let (a, b) = (text(100), text(200));
        let comparison = compare_texts(&[&a, &b]);
        let places = |t: &str| t.match_indices(&line).map(|(at, _)| at).collect::<Vec<_>>();
        let mut pairs: Vec<(usize, usize)> = comparison.overlaps[0]
            .passages
            .iter()
            .map(|p| (p.a_start, p.b_start))
            .collect();
        pairs.sort_unstable();
        // The first with the first...: every place with every place gave nine.
        let in_order: Vec<(usize, usize)> = places(&a).into_iter().zip(places(&b)).collect();
        assert_eq!(pairs, in_order);
    }

    #[test]
    fn texts_prepared_ahead_compare_as_texts_do() {
        let shared = "The harbour board voted on Monday to close the old ferry terminal at Dover \
                      by the end of the year.";
        let texts = [
            format!("Dockers walked out in the morning. {shared} Unions said they would appeal."),
            format!("{shared} Ferry operators welcomed the decision."),
            format!("Fishermen protested. {shared}"),
            "Nothing in common here at all, only weather and tides.".to_string(),
        ];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let plain = compare_texts(&texts);
        assert!(!plain.overlaps.iter().all(|o| o.passages.is_empty()));
        // Two texts prepared by two threads, one of them in a form the batch changed since (a
        // line removed), and one the batch never had.
        let mut ahead = Ahead::default();
        ahead.add(texts[2].to_string());
        let mut other = Ahead::default();
        other.add(format!("{}\nShare this article", texts[0]));
        other.add(texts[3].to_string());
        other.add("A text of another batch.".to_string());
        ahead.join(other);
        let prepared = ahead.compare(&texts);
        assert_eq!(prepared.overlaps, plain.overlaps);
        assert_eq!(prepared.unique, plain.unique);
    }

    #[test]
    fn coverage_counts_the_words_inside_any_span() {
        // Ten words of three letters and a space; spans out of order, nested, overlapping, and
        // one ending inside a word.
        let words: Vec<Word> = (0..10)
            .map(|i| Word {
                exact: i,
                start: 4 * i as usize,
                end: 4 * i as usize + 3,
            })
            .collect();
        let spans = [20..31, 0..7, 2..3, 21..26, 28..40, 33..34];
        // Words 0, 1 (0..7), 5, 6, 7 (20..31), 7, 8, 9 (28..40): seven of ten.
        let score = coverage(
            &words,
            spans.iter().cloned(),
            &words[..0],
            std::iter::empty(),
        );
        assert!((score - 0.7).abs() < 1e-12, "{score}");
        let brute = words
            .iter()
            .filter(|w| spans.iter().any(|s| s.start <= w.start && w.end <= s.end))
            .count();
        assert_eq!(brute, 7);
    }

    #[test]
    fn unique_sentences_are_those_no_other_document_says() {
        let texts = [
            "Harbour workers approved the terminal plan yesterday. Engineers inspected seven \
             cranes near Dover. Workers approved the harbour terminal plan again.",
            // Three words of the cranes sentence (enough: 40% of its six), and one of its own.
            "Cranes inspected at Dover. Fishermen protested about quotas at Dover harbour.",
            // Two words are never enough.
            "Dover cranes. Terminal plan.",
        ];
        let unique: Vec<Vec<&str>> = compare_texts(&texts)
            .unique
            .iter()
            .zip(texts)
            .map(|(spans, t)| spans.iter().map(|s| &t[s.clone()]).collect())
            .collect();
        assert_eq!(
            unique,
            [
                // The first sentence's rewording in the same document does not count.
                vec![
                    "Harbour workers approved the terminal plan yesterday.",
                    "Workers approved the harbour terminal plan again."
                ],
                vec!["Fishermen protested about quotas at Dover harbour."],
                // Sentences of fewer than four words are not listed.
                vec![],
            ]
        );
    }
}
