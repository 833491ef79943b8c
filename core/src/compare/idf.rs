//! Background inverse document frequencies, so that a pair of texts analysed alone still weighs
//! everyday words ("government", "people") below names and specific terms. Within a batch of
//! two, in-batch frequencies cannot tell the two apart.
//!
//! `idf.tsv` holds the document frequency of the most common content forms (folded, stemmed:
//! see [`super::words::content_form`]) over a reference set of news articles; a form not listed
//! is rarer than all of them. It holds counts only, no text. Regenerate it with
//! `cargo run --release -p newslens-eval --bin idf_table -- PATH/bbc.jsonl > core/src/compare/idf.tsv`.

use super::words::hash as content_hash;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("idf.tsv");

struct Table {
    documents: f64,
    /// Content hash → document frequency.
    df: FxHashMap<u64, f64>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut documents = 1.0;
        let mut df = FxHashMap::default();
        for line in TABLE.lines() {
            if let Some(n) = line.strip_prefix("# documents ") {
                documents = n.trim().parse().unwrap_or(1.0);
            } else if let Some((form, count)) = line.split_once('\t') {
                if let Ok(c) = count.trim().parse::<f64>() {
                    df.insert(content_hash(form), c);
                }
            }
        }
        Table { documents, df }
    })
}

/// The inverse document frequency of a content word, by its content hash.
pub fn weight(content: u64) -> f64 {
    let t = table();
    let df = t.df.get(&content).copied().unwrap_or(0.0);
    ((t.documents + 1.0) / (df + 1.0)).ln() + 1.0
}

/// The weight of a word the table does not list ([`weight`] of every other is below it).
pub fn unlisted() -> f64 {
    (table().documents + 1.0).ln() + 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let w = |s: &str| weight(content_hash(s));
        assert!(
            w("government") < w("zvornik"),
            "a listed word is commoner than an unlisted one"
        );
        assert!(w("minister") < w("harbour"));
        assert!(table().df.len() >= 1000);
    }
}
