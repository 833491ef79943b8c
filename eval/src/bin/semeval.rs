//! Cross-source similarity on SemEval-2022 Task 8 (English pairs).
//!
//! ```text
//! cargo run --release -p newslens-eval --bin semeval -- /work/shared/corpus/semeval2022/en_en_train.jsonl [-v]
//! ```
//! Each pair's two texts are analysed together raw; the figure is the Pearson correlation between
//! `overlaps[0].similarity` (0 when there is no overlap) and the negated `scores.overall`
//! (1 = very similar … 4 = very dissimilar). Also prints the correlation of `overlaps[0].score`;
//! `-v` lists the pairs farthest from a linear fit of the rating. `--batch` analyses all the
//! texts as one batch instead (over `ALL_PAIRS_LIMIT` documents, where only the pairs found
//! related are listed: a pair not listed counts as similarity 0).

use newslens_eval::corpus::{analyse_raw, json_lines, pearson};
use serde::Deserialize;

#[derive(Deserialize)]
struct Pair {
    pair_id: String,
    id1: String,
    id2: String,
    text1: String,
    text2: String,
    scores: Scores,
}

#[derive(Deserialize)]
struct Scores {
    overall: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let batch = args.iter().any(|a| a == "--batch");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if paths.len() != 1 {
        eprintln!("usage: semeval SEMEVAL_JSONL [-v] [--batch]");
        std::process::exit(2);
    }
    let pairs: Vec<Pair> = json_lines(paths[0]);
    let gold: Vec<f64> = pairs.iter().map(|p| -p.scores.overall).collect();
    let (mut sim, mut score) = (Vec::new(), Vec::new());
    if batch {
        // Each text once, by its id.
        let mut ids: Vec<&str> = Vec::new();
        let mut texts: Vec<(&str, &str)> = Vec::new();
        for p in &pairs {
            for (id, text) in [(&p.id1, &p.text1), (&p.id2, &p.text2)] {
                if !ids.contains(&id.as_str()) {
                    ids.push(id);
                    texts.push((id, text));
                }
            }
        }
        let r = analyse_raw(&texts);
        // A text's document, by its name (a text that could not be read has none).
        let doc = |id: &str| r.documents.iter().find(|d| d.name == id).map(|d| &d.id);
        for p in &pairs {
            let (a, b) = (doc(&p.id1), doc(&p.id2));
            let o = r.overlaps.iter().find(|o| {
                let pair = (Some(&o.a), Some(&o.b));
                pair == (a, b) || pair == (b, a)
            });
            sim.push(o.map_or(0.0, |o| o.similarity));
            score.push(o.map_or(0.0, |o| o.score));
        }
        println!("one batch of {} texts", texts.len());
        // How many of the pairs rated the same story (overall 2 or less) are listed.
        let same: Vec<usize> = (0..pairs.len()).filter(|&k| gold[k] >= -2.0).collect();
        let listed = same.iter().filter(|&&k| sim[k] > 0.0).count();
        println!(
            "pairs rated the same story listed: {listed} of {}",
            same.len()
        );
    } else {
        for p in &pairs {
            let r = analyse_raw(&[("text1", &p.text1), ("text2", &p.text2)]);
            let first = r.overlaps.first();
            sim.push(first.map_or(0.0, |o| o.similarity));
            score.push(first.map_or(0.0, |o| o.score));
        }
    }
    println!("SemEval-2022 {}: {} pairs", paths[0], pairs.len());
    println!("Pearson(similarity, -overall) {:.3}", pearson(&sim, &gold));
    println!(
        "Pearson(score, -overall)      {:.3}",
        pearson(&score, &gold)
    );
    if verbose {
        // Map the similarity onto the rating scale by rank-free min/max scaling and show the
        // pairs with the largest disagreement.
        let (lo, hi) = sim
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
        let span = if hi > lo { hi - lo } else { 1.0 };
        let mut errs: Vec<(f64, usize)> = sim
            .iter()
            .zip(&gold)
            .enumerate()
            .map(|(k, (s, g))| {
                let predicted = -4.0 + 3.0 * (s - lo) / span;
                ((predicted - g).abs(), k)
            })
            .collect();
        errs.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!("worst pairs (overall rating, similarity):");
        for &(_, k) in errs.iter().take(8) {
            println!(
                "  {}  overall {:.2}  similarity {:.3}",
                pairs[k].pair_id, -gold[k], sim[k]
            );
        }
    }
}
