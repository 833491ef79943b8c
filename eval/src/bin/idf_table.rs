//! Writes the background document-frequency table of the comparison stage
//! (`core/src/compare/idf.tsv`) from a JSON-lines news corpus with `title` and `text` fields.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin idf_table -- /work/shared/corpus/bbc/bbc.jsonl [--top N] > core/src/compare/idf.tsv
//! ```
//! Only counts of the N (default 1,500) most common content forms are written: no text.

use newslens_core::compare::content_forms;
use newslens_eval::corpus::json_lines;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Article {
    #[serde(default)]
    title: String,
    text: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let top = args
        .iter()
        .position(|a| a == "--top")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500usize);
    let paths: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--top"))
        .map(|(_, a)| a)
        .collect();
    if paths.len() != 1 {
        eprintln!("usage: idf_table CORPUS_JSONL [--top N] > core/src/compare/idf.tsv");
        std::process::exit(2);
    }
    let articles: Vec<Article> = json_lines(paths[0]);
    let mut df: HashMap<String, usize> = HashMap::new();
    for a in &articles {
        for form in content_forms(&format!("{}\n{}", a.title, a.text)) {
            *df.entry(form).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, usize)> = df.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("# documents {}", articles.len());
    for (form, count) in rows.into_iter().take(top) {
        println!("{form}\t{count}");
    }
}
