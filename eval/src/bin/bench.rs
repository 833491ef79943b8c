//! Native benchmark of the whole analysis, per stage, on a JSON-lines corpus of articles.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin bench -- PATH/bbc.jsonl [--docs N] [--runs R] [--warm-up]
//! ```
//! Each line needs a `text` field (and may have `title`). Articles are analysed together as one
//! batch, as the page does when they are dropped at once; the best of R runs is reported.
//! `--warm-up` first runs the page worker's warm-up (`newslens_core::warm_up`), so that one run
//! measures what the page's first batch costs.

use newslens_core::{analyse_observed, Input, Options, Stage};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args
        .iter()
        .find(|a| !a.starts_with("--") && !a.chars().all(|c| c.is_ascii_digit()))
    else {
        eprintln!("usage: bench PATH.jsonl [--docs N] [--runs R] [--warm-up]");
        std::process::exit(2);
    };
    let flag = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (docs, runs) = (flag("--docs", usize::MAX), flag("--runs", 3).max(1));
    if args.iter().any(|a| a == "--warm-up") {
        newslens_core::warm_up();
    }
    let content = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("bench: cannot read {path}: {e}");
        std::process::exit(1);
    });
    let inputs: Vec<Input> = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .take(docs)
        .enumerate()
        .map(|(i, v)| {
            let title = v["title"].as_str().unwrap_or("");
            let text = v["text"].as_str().unwrap_or("");
            Input::new(format!("{i}.txt"), format!("{title}\n\n{text}"))
        })
        .collect();
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let mb = bytes as f64 / 1e6;

    let mut best: Option<Vec<(Stage, Duration)>> = None;
    let mut summary = String::new();
    for _ in 0..runs {
        let mut times: Vec<(Stage, Duration)> = Vec::new();
        let mut last = Instant::now();
        let mut current = None;
        let report = analyse_observed(&inputs, &Options::default(), |stage| {
            let now = Instant::now();
            if let Some(previous) = current {
                times.push((previous, now - last));
            }
            current = Some(stage);
            last = now;
        });
        summary = format!(
            "{} documents, {} entities, {} quotes, {} overlap pairs",
            report.documents.len(),
            report.entities.len(),
            report.quotes.len(),
            report.overlaps.len()
        );
        let total = |t: &[(Stage, Duration)]| t.iter().map(|x| x.1).sum::<Duration>();
        if best.as_ref().is_none_or(|b| total(&times) < total(b)) {
            best = Some(times);
        }
    }
    let best = best.unwrap_or_default();
    println!(
        "{} documents, {:.2} MB, best of {runs} runs; {summary}",
        inputs.len(),
        mb
    );
    println!("{:<12} {:>10} {:>10}", "stage", "ms", "MB/s");
    let mut total = Duration::ZERO;
    for (stage, time) in &best {
        total += *time;
        println!(
            "{:<12} {:>10.1} {:>10.1}",
            format!("{stage:?}"),
            ms(*time),
            mb / time.as_secs_f64()
        );
    }
    println!(
        "{:<12} {:>10.1} {:>10.1}",
        "total",
        ms(total),
        mb / total.as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
