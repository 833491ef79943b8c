//! Date recognition on TempEval-3 (TimeBank + AQUAINT): strict span P/R/F1 of `date` mentions.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin tempeval -- /work/shared/corpus/tempeval3/*.jsonl
//! ```
//! Gold = timexes of type DATE (main figure) and DATE+TIME (second figure). Texts are analysed
//! raw, so the document creation time cannot be given as the publication date: relative dates
//! are found but their values are unanchored (only spans are scored here). `--errors` lists
//! every missed and extra date in its context.

use newslens_eval::corpus::{analyse_raw, json_lines};
use newslens_eval::score::Counts;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Deserialize)]
struct Doc {
    id: String,
    text: String,
    #[serde(default)]
    timexes: Vec<Timex>,
}

#[derive(Deserialize)]
struct Timex {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

fn count(gold: &HashSet<(usize, usize)>, pred: &HashSet<(usize, usize)>) -> Counts {
    let tp = gold.intersection(pred).count();
    Counts {
        true_positives: tp,
        false_positives: pred.len() - tp,
        false_negatives: gold.len() - tp,
    }
}

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    let errors = paths.iter().any(|p| p == "--errors");
    paths.retain(|p| p != "--errors");
    if paths.is_empty() || paths.iter().any(|p| p.starts_with('-')) {
        eprintln!("usage: tempeval TEMPEVAL_JSONL... [--errors]");
        std::process::exit(2);
    }
    let (mut date, mut date_time) = (Counts::default(), Counts::default());
    let mut n = 0;
    for path in &paths {
        for doc in json_lines::<Doc>(path) {
            n += 1;
            let report = analyse_raw(&[(doc.id.as_str(), doc.text.as_str())]);
            let pred: HashSet<(usize, usize)> = report
                .entities
                .iter()
                .filter(|e| e.kind == "date")
                .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
                .collect();
            let gold = |types: &[&str]| -> HashSet<(usize, usize)> {
                doc.timexes
                    .iter()
                    .filter(|t| types.contains(&t.kind.as_str()))
                    .map(|t| (t.start, t.end))
                    .collect()
            };
            if errors {
                let chars: Vec<char> = doc.text.chars().collect();
                let show = |(s, e): (usize, usize)| {
                    let from = s.saturating_sub(30);
                    let to = (e + 20).min(chars.len());
                    let at = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
                    format!("{}[{}]{}", at(from, s), at(s, e), at(e, to)).replace('\n', " ")
                };
                let g = gold(&["DATE"]);
                for &x in g.difference(&pred) {
                    println!("MISS  {}", show(x));
                }
                for &x in pred.difference(&g) {
                    println!("EXTRA {}", show(x));
                }
            }
            date.add(count(&gold(&["DATE"]), &pred));
            date_time.add(count(&gold(&["DATE", "TIME"]), &pred));
        }
    }
    println!("TempEval-3: {n} documents, strict span match of `date` mentions (raw, no DCT)");
    println!("DATE       {date}");
    println!("DATE+TIME  {date_time}");
}
