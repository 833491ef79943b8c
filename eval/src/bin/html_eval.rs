//! Scores HTML article extraction on saved pages with a reference extraction.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin html_eval -- /work/shared/corpus/html [-v] [--all]
//! ```
//! Reads `evalset.jsonl` (fields `html_path`, `expected_path`, `metadata_path`, `synthetic`), runs
//! ingest on each `source.html`, and compares the body's words with the words of the reference
//! `expected.html` as bags (token-level precision/recall/F1, as in extraction benchmarks), plus
//! whether the title matches the reference title (one containing the other, and exactly) and the
//! date the reference's published time (same day). Synthetic fixtures are skipped unless `--all`.
//! Prints micro totals (all tokens pooled) and the mean per-page F1.

use newslens_core::ingest::{self, dom};
use newslens_core::text::fold;
use newslens_core::Input;
use newslens_eval::score::Counts;
use std::collections::HashMap;
use std::path::Path;

fn bag(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

fn compare(ours: &str, expected: &str) -> Counts {
    let (a, b) = (bag(ours), bag(expected));
    let na: usize = a.values().sum();
    let nb: usize = b.values().sum();
    let tp: usize = a.iter().map(|(w, &c)| c.min(*b.get(w).unwrap_or(&0))).sum();
    Counts {
        true_positives: tp,
        false_positives: na - tp,
        false_negatives: nb - tp,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let all = args.iter().any(|a| a == "--all");
    let Some(root) = args.iter().find(|a| !a.starts_with('-')) else {
        eprintln!("usage: html_eval CORPUS_DIR [-v] [--all]");
        std::process::exit(2);
    };
    let root = Path::new(root);
    let index = std::fs::read_to_string(root.join("evalset.jsonl")).unwrap_or_else(|e| {
        eprintln!("html_eval: cannot read evalset.jsonl: {e}");
        std::process::exit(2);
    });
    let mut total = Counts::default();
    let mut f1_sum = 0.0;
    let (mut pages, mut titles_ok, mut titles_n) = (0usize, 0usize, 0usize);
    let (mut titles_exact, mut dates_ok, mut dates_n) = (0usize, 0usize, 0usize);
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(entry) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if entry["synthetic"].as_bool() == Some(true) && !all {
            continue;
        }
        let get = |k: &str| entry[k].as_str().map(|p| root.join(p));
        let (Some(src), Some(exp)) = (get("html_path"), get("expected_path")) else {
            continue;
        };
        let (Ok(bytes), Ok(expected)) = (std::fs::read(&src), std::fs::read_to_string(&exp)) else {
            eprintln!("html_eval: cannot read {}", src.display());
            continue;
        };
        let expected_text = dom::parse(&expected).text_of(0);
        let article =
            match ingest::ingest_batch(&[Input::new("source.html", bytes)], false).remove(0) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("{}: error {e}", entry["file"]);
                    continue;
                }
            };
        let c = compare(&article.text, &expected_text);
        total.add(c);
        f1_sum += c.f1();
        pages += 1;
        let metadata = get("metadata_path")
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
            .unwrap_or_default();
        let want_title = metadata["title"]
            .as_str()
            .map(str::to_string)
            .filter(|t| !t.trim().is_empty());
        // The day of the reference's published time ("2015-06-12T10:00:00Z" → "2015-06-12").
        let want_date = metadata["publishedTime"]
            .as_str()
            .or(entry["publishedTime"].as_str())
            .and_then(|t| t.get(..10))
            .filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-');
        let mut date_mark = "-";
        if let Some(want) = want_date {
            dates_n += 1;
            if article.published.as_deref() == Some(want) {
                dates_ok += 1;
                date_mark = "ok";
            } else {
                date_mark = "MISS";
            }
        }
        let mut title_mark = "-";
        if let Some(want) = want_title {
            titles_n += 1;
            let (w, g) = (
                fold(dom::collapse(&dom::decode_entities(&want)).as_str()),
                fold(article.title.as_deref().unwrap_or("")),
            );
            if !g.is_empty() && w == g {
                titles_exact += 1;
            }
            if !g.is_empty() && (w == g || w.contains(&g) || g.contains(&w)) {
                titles_ok += 1;
                title_mark = "ok";
            } else {
                title_mark = "MISS";
            }
        }
        if verbose {
            println!(
                "{:<40} F1 {:.3}  P {:.3}  R {:.3}  title {title_mark}  date {date_mark} {:?}  {:?}",
                entry["file"].as_str().unwrap_or("?"),
                c.f1(),
                c.precision(),
                c.recall(),
                article.published.as_deref().unwrap_or(""),
                article.title.as_deref().unwrap_or("")
            );
        }
    }
    println!("pages {pages}  tokens: {total}");
    println!(
        "mean per-page F1 {:.3}",
        if pages > 0 {
            f1_sum / pages as f64
        } else {
            0.0
        }
    );
    println!(
        "titles {titles_ok}/{titles_n} (one contains the other), {titles_exact}/{titles_n} exact"
    );
    println!("dates {dates_ok}/{dates_n} exact (the day of the reference's published time)");
}
