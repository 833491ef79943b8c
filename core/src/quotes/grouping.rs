//! The same statement across sources: quotes from different documents whose content words
//! mostly coincide (so reworded and differently translated renderings still meet), more easily
//! when they are attributed to the same speaker.

use super::{Quote, QuoteKind};
use crate::tally::Tally;
use crate::text::{fold_into, tokens, WordList};
use rustc_hash::FxHashMap;

const STOPWORDS: &[&str] = &[
    "about", "after", "all", "also", "and", "any", "are", "because", "been", "before", "being",
    "but", "can", "could", "did", "does", "doing", "done", "for", "from", "had", "has", "have",
    "her", "here", "his", "how", "into", "its", "just", "more", "most", "not", "one", "only",
    "our", "over", "she", "should", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "they", "this", "two", "under", "very", "was", "were", "what", "when", "where",
    "which", "while", "who", "why", "will", "with", "would", "you", "your",
];

/// The content words of `text` (folded and crudely stemmed, so "exercises" meets "exercise")
/// as sorted ids, numbering words not seen before in `ids`. `folded`: a buffer to reuse.
fn word_ids(text: &str, ids: &mut FxHashMap<String, u32>, folded: &mut String) -> Vec<u32> {
    static STOP: WordList = WordList::new(STOPWORDS);
    let mut v = Vec::new();
    for t in tokens(text).iter().filter(|t| t.is_word()) {
        folded.clear();
        fold_into(t.text, folded);
        for w in folded.split(['-', '\'']) {
            if w.chars().count() < 3 || STOP.contains(w) {
                continue;
            }
            let w = stem(w);
            let id = match ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = ids.len() as u32;
                    ids.insert(w.to_string(), id);
                    id
                }
            };
            v.push(id);
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.chars().count() >= 4 {
                return s;
            }
        }
    }
    w
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
    let mut folded = String::new();
    let words: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| {
            if q.kind == QuoteKind::Scare {
                Vec::new()
            } else {
                word_ids(&q.words(texts[q.doc]), &mut ids, &mut folded)
            }
        })
        .collect();
    // Candidate pairs share a word that few quotes use: no all-pairs comparison.
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
    for (i, ws) in words.iter().enumerate() {
        for &w in ws {
            index[w as usize].push(i as u32);
        }
    }
    // Words in more quotes than this are too common to suggest the same statement.
    let limit = 30;
    let rare = |w: u32| index[w as usize].len() <= limit;
    // Per quote, how many of its words are common: with the rare words two quotes share, a
    // bound on all they share, which settles most candidate pairs without comparing them.
    let common: Vec<usize> = words
        .iter()
        .map(|ws| ws.iter().filter(|&&w| !rare(w)).count())
        .collect();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    let mut shared_rare = Tally::new(quotes.len());
    for (a, wa) in words.iter().enumerate() {
        if wa.len() < 4 {
            continue;
        }
        for &w in wa.iter().filter(|&&w| rare(w)) {
            // Lists are in quote order: the later quotes are a suffix.
            let list = &index[w as usize];
            let later = list.partition_point(|&b| b as usize <= a);
            for &b in &list[later..] {
                shared_rare.add(b as usize, 1u32);
            }
        }
        for (b, rare_shared) in shared_rare.drain() {
            let wb = &words[b];
            let least = wa.len().min(wb.len());
            if quotes[a].doc == quotes[b].doc || least < 4 {
                continue;
            }
            let same_speaker =
                quotes[a].speaker.is_some() && quotes[a].speaker == quotes[b].speaker;
            let threshold = if same_speaker { 0.5 } else { 0.75 };
            let most = rare_shared as usize + common[a].min(common[b]);
            if (most as f64 / least as f64) < threshold {
                continue;
            }
            if containment(wa, wb) >= threshold {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
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
        .map(|t| word_ids(t, &mut ids, &mut String::new()))
        .collect();
        assert!(containment(&w[0], &w[1]) >= 0.75, "{w:?}");
        assert!(containment(&w[0], &w[2]) < 0.5);
    }

    /// Words in more than 30 quotes do not make two quotes candidates, but they count in what
    /// the two share.
    #[test]
    fn common_words_count_in_what_candidates_share() {
        // Each text is a document of its own, wholly quoted.
        let mut texts: Vec<String> = vec![
            "harbour crane workers strike".into(),
            "harbour crane workers strike".into(),
        ];
        // "harbour" and "crane" in 33 quotes: common. Two of their six words: too few to meet.
        texts.extend(
            (0..31).map(|i| format!("harbour crane filler{i}a filler{i}b filler{i}c filler{i}d")),
        );
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut quotes: Vec<Quote> = texts
            .iter()
            .enumerate()
            .map(|(doc, t)| Quote {
                doc,
                start: 0,
                end: t.len(),
                parts: vec![(0, t.len())],
                kind: QuoteKind::Direct,
                speaker: None,
                speaker_mention: None,
                cue: None,
                group: None,
            })
            .collect();
        group(&texts, &mut quotes);
        let groups: Vec<Option<usize>> = quotes.iter().map(|q| q.group).collect();
        // The first two share all four words, two of them common.
        assert_eq!(groups[..3], [Some(0), Some(0), None]);
        assert!(groups[2..].iter().all(Option::is_none));
    }
}
