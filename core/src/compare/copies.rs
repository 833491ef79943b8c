//! Copies of one text that many documents of a batch print (a wire story carried by a hundred
//! outlets): their words and 8-grams are in too many documents for the inverted indexes, which
//! leave those out, so the pairs are found here, from the [`Popular`] 8-grams they share.

use super::Popular;
use crate::tally::Tally;

/// Two documents may be copies when popular 8-grams both print once make up at least this share
/// of the 8-grams of the shorter one (a copy cut short, or with paragraphs of its own, shares
/// less than all; a story quoting a paragraph of one many outlets carry, a tenth).
const COPIED_SHARE: f64 = 0.1;
/// The shares are judged on the 8-grams whose hash is a multiple of this power of two (a
/// sample the same in every document): a story a thousand outlets carry has half a million
/// pairs for each of its 8-grams.
const SAMPLE: u64 = 8;
/// Each document is paired with at most this many copies, those sharing most first (a batch of
/// one text dropped a thousand times would otherwise list half a million pairs).
const MAX_COPIES: usize = 100;

/// Whether an 8-gram's hash is in the sample.
pub fn sampled(hash: u64) -> bool {
    hash & (SAMPLE - 1) == 0
}

/// The pairs `(a, b)`, `a < b`, of documents that are copies, in order. `popular`: sorted (by
/// document, then hash); `windows[d]`: how many of document `d`'s 8-grams are [`sampled`].
///
/// An 8-gram a document prints more than once does not count for it: a line repeated in every
/// document of a batch is no text they share.
pub fn copies(popular: &[Popular], windows: &[u32]) -> Vec<(usize, usize)> {
    // Every list here is of the type of `Popular` and sorted in its plain order, so that one
    // piece of code sorts them all in the download.
    let n = windows.len();
    // The sampled popular 8-grams each document prints once, as (hash's halves, document), by
    // hash.
    let mut prints: Vec<Popular> = popular
        .chunk_by(|x, y| (x.0, x.1, x.2) == (y.0, y.1, y.2))
        .filter(|run| run.len() == 1 && sampled(u64::from(run[0].2)))
        .map(|run| (run[0].1, run[0].2, run[0].0, 0))
        .collect();
    prints.sort_unstable();
    // Each 8-gram's documents (in order), and each document's 8-grams as (document, start and
    // end in that list).
    let docs: Vec<u32> = prints.iter().map(|x| x.2).collect();
    let mut lists: Vec<Popular> = Vec::new();
    let mut start = 0;
    for run in prints.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let end = start + run.len() as u32;
        if run.len() > 1 {
            lists.extend(run.iter().map(|x| (x.2, start, end, 0)));
        }
        start = end;
    }
    lists.sort_unstable();

    let mut shared = Tally::new(n);
    // (u32::MAX - shared 8-grams, ...): those sharing most first.
    let mut found: Vec<Popular> = Vec::new();
    let mut mine: Vec<Popular> = Vec::new();
    for run in lists.chunk_by(|x, y| x.0 == y.0) {
        let a = run[0].0;
        for &(_, start, end, _) in run {
            let list = &docs[start as usize..end as usize];
            // Later documents are a suffix of the list.
            let later = list.partition_point(|&d| d <= a);
            for &b in &list[later..] {
                shared.add(b as usize, 1u32);
            }
        }
        mine.clear();
        mine.extend(shared.drain_sorted().filter_map(|(b, count)| {
            let least = windows[a as usize].min(windows[b]);
            let copied = f64::from(count) >= COPIED_SHARE * f64::from(least);
            copied.then_some((u32::MAX - count, b as u32 - a, a, b as u32))
        }));
        // Those sharing most (then the nearest in the batch) first.
        mine.sort_unstable();
        found.extend(mine.iter().take(MAX_COPIES));
    }
    // At most MAX_COPIES per document on either side: those sharing most first, then those
    // nearest in the batch (so that copies sharing as much are shared out evenly).
    found.sort_unstable();
    let mut paired = vec![0usize; n];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (_, _, a, b) in found {
        let (a, b) = (a as usize, b as usize);
        if paired[a] < MAX_COPIES && paired[b] < MAX_COPIES {
            paired[a] += 1;
            paired[b] += 1;
            pairs.push((a, b));
        }
    }
    pairs.sort_unstable();
    pairs
}
