//! Native benchmark of the whole analysis, per stage, on a JSON-lines corpus of articles.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin bench -- PATH/bbc.jsonl [--docs N] [--runs R] [--warm-up]
//! ```
//! Each line needs a `text` field (and may have `title`). Articles are analysed together as one
//! batch, as the page does when they are dropped at once; the best of R runs is reported.
//! `--warm-up` first runs the page worker's warm-up (`newslens_core::warm_up`, then
//! `newslens_core::Warming` to its end), so that one run measures what the page's first batch
//! costs.
//!
//! Memory: the heap in use as each stage starts and the most any stage held at once (the
//! worker's wasm memory never shrinks, so the peak is what the page pays for), counted by this
//! binary's allocator; the last row is the report's JSON in pieces, as the worker sends it.

use newslens_core::report::{json_pieces, PIECE_BYTES};
use newslens_core::{analyse_observed, Input, Options, Stage};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now =
                IN_USE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(now, Relaxed);
        } else {
            IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Starts a new peak at the heap in use now; returns the bytes in use.
fn new_peak() -> usize {
    let now = IN_USE.load(Relaxed);
    PEAK.store(now, Relaxed);
    now
}

/// What one stage took: its time, the heap in use as it started and the most it held.
struct Row {
    name: &'static str,
    time: Duration,
    start: usize,
    peak: usize,
}

/// The row of the report's JSON pieces: after the analysis, not part of its time.
const JSON: &str = "json";

/// The analysis' time: its stages', without the JSON pieces.
fn analysis_time(rows: &[Row]) -> Duration {
    rows.iter().filter(|r| r.name != JSON).map(|r| r.time).sum()
}

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
        let mut warming = newslens_core::Warming::new(true);
        while warming.step() {}
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
    drop(content);
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let mb = bytes as f64 / 1e6;

    let mut best: Option<Vec<Row>> = None;
    let mut summary = String::new();
    for _ in 0..runs {
        let mut rows: Vec<Row> = Vec::new();
        let mut last = (Instant::now(), new_peak());
        let mut current: Option<Stage> = None;
        let report = analyse_observed(&inputs, &Options::default(), |stage| {
            let now = Instant::now();
            if let Some(previous) = current {
                rows.push(Row {
                    name: previous.name(),
                    time: now - last.0,
                    start: last.1,
                    peak: PEAK.load(Relaxed),
                });
            }
            current = Some(stage);
            last = (now, new_peak());
        });
        let pieces = json_pieces(&report, PIECE_BYTES).expect("a report serialises");
        rows.push(Row {
            name: JSON,
            time: last.0.elapsed(),
            start: last.1,
            peak: PEAK.load(Relaxed),
        });
        drop(pieces);
        summary = format!(
            "{} documents, {} entities, {} quotes, {} overlap pairs",
            report.documents.len(),
            report.entities.len(),
            report.quotes.len(),
            report.overlaps.len()
        );
        if best
            .as_ref()
            .is_none_or(|b| analysis_time(&rows) < analysis_time(b))
        {
            best = Some(rows);
        }
    }
    let best = best.unwrap_or_default();
    println!(
        "{} documents, {:.2} MB, best of {runs} runs; {summary}",
        inputs.len(),
        mb
    );
    println!(
        "{:<12} {:>10} {:>10} {:>14} {:>14}",
        "stage", "ms", "MB/s", "heap at start", "heap peak"
    );
    for row in &best {
        println!(
            "{:<12} {:>10.1} {:>10.1} {:>11.1} MB {:>11.1} MB",
            row.name,
            ms(row.time),
            mb / row.time.as_secs_f64(),
            megabytes(row.start),
            megabytes(row.peak)
        );
    }
    let (total, peak) = (
        analysis_time(&best),
        best.iter().map(|r| r.peak).max().unwrap_or(0),
    );
    println!(
        "{:<12} {:>10.1} {:>10.1} {:>14} {:>11.1} MB",
        "total",
        ms(total),
        mb / total.as_secs_f64(),
        "",
        megabytes(peak)
    );
}

fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
