//! The analysis as the page's worker runs it (wasm32, the same core and profile),
//! timed per stage by the host: `scripts/wasm_bench.sh` builds this crate and runs
//! `bench.mjs` in Node, which hands it a JSON-lines corpus. One thread and no page, so two
//! builds can be compared more steadily than in the browser, where the page, the worker and its
//! helpers share the machine's cores.
//!
//! The host gives two functions (module `env`): `now()`, milliseconds, and `print(ptr, len)`,
//! a UTF-8 line to show. It calls [`buffer`] for room for the corpus, writes it there and calls
//! [`run`].

#[cfg(target_arch = "wasm32")]
mod host {
    #[link(wasm_import_module = "env")]
    extern "C" {
        fn now() -> f64;
        fn print(ptr: *const u8, len: usize);
    }

    pub fn time() -> f64 {
        // SAFETY: the host's clock takes nothing and returns a number.
        unsafe { now() }
    }

    pub fn say(line: &str) {
        // SAFETY: the host reads `len` bytes at `ptr` before this returns.
        unsafe { print(line.as_ptr(), line.len()) }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    pub fn time() -> f64 {
        use std::time::{SystemTime, UNIX_EPOCH};
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    }

    pub fn say(line: &str) {
        println!("{line}");
    }
}

use newslens_core::report::{json_pieces, PIECE_BYTES};
use newslens_core::{analyse_observed, Input, Options, Stage};

/// Room for `len` bytes, kept until [`run`] takes it.
#[no_mangle]
pub extern "C" fn buffer(len: usize) -> *mut u8 {
    let mut room = vec![0u8; len];
    let ptr = room.as_mut_ptr();
    std::mem::forget(room);
    ptr
}

/// Analyses the JSON-lines corpus (`{title, text}` per line) that [`buffer`] holds, after the
/// worker's warm-up, `runs` times as one batch; prints each run's total and the best run's
/// stages.
///
/// # Safety
/// `ptr` and `len` must be what [`buffer`] returned and was given.
#[no_mangle]
pub unsafe extern "C" fn run(ptr: *mut u8, len: usize, runs: usize) {
    // SAFETY: the caller's promise.
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let inputs = inputs(&String::from_utf8_lossy(&bytes));
    drop(bytes);
    for line in bench(&inputs, runs) {
        host::say(&line);
    }
}

/// The corpus' articles as the page would get them: title, blank line, text.
pub fn inputs(jsonl: &str) -> Vec<Input> {
    jsonl
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .enumerate()
        .map(|(i, v)| {
            let title = v["title"].as_str().unwrap_or("");
            let text = v["text"].as_str().unwrap_or("");
            Input::new(format!("{i}.txt"), format!("{title}\n\n{text}"))
        })
        .collect()
}

/// The lines [`run`] prints.
pub fn bench(inputs: &[Input], runs: usize) -> Vec<String> {
    let start = host::time();
    // The page's worker's warm-up, both parts (the second runs while the page waits for files).
    newslens_core::warm_up();
    let mut warming = newslens_core::Warming::new(true);
    while warming.step() {}
    let mut out = vec![format!("warm-up {:.0} ms", host::time() - start)];
    let mb = inputs.iter().map(|i| i.bytes.len()).sum::<usize>() as f64 / 1e6;
    let mut best: Option<(f64, Vec<(&str, f64)>)> = None;
    let mut totals = Vec::new();
    for _ in 0..runs.max(1) {
        let mut stages: Vec<(&str, f64)> = Vec::new();
        let mut last = host::time();
        let report = analyse_observed(inputs, &Options::default(), |stage: Stage| {
            let now = host::time();
            if let Some(previous) = stages.last_mut() {
                previous.1 = now - last;
            }
            stages.push((stage.name(), 0.0));
            last = now;
        });
        stages.pop();
        let pieces = json_pieces(&report, PIECE_BYTES).expect("a report serialises");
        stages.push(("json", host::time() - last));
        drop(pieces);
        // The analysis' time, as the native bench counts it: without the JSON pieces.
        let total: f64 = stages.iter().filter(|s| s.0 != "json").map(|s| s.1).sum();
        totals.push(format!("{total:.0}"));
        if best.as_ref().is_none_or(|b| total < b.0) {
            best = Some((total, stages));
        }
    }
    let (total, stages) = best.unwrap_or_default();
    out.push(format!(
        "{} documents, {mb:.2} MB; runs (ms): {}",
        inputs.len(),
        totals.join(", ")
    ));
    for (name, ms) in stages {
        out.push(format!("{name:<10} {ms:>8.1} ms"));
    }
    out.push(format!(
        "{:<10} {total:>8.1} ms  {:.2} MB/s",
        "total",
        mb / total * 1e3
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_is_read_and_timed_by_stage() {
        let jsonl = concat!(
            r#"{"title": "Port strike ends", "text": "Dockers in Harwich voted on Monday to end the strike, Maria Lopez said."}"#,
            "\nnot json\n",
            r#"{"text": "The union said 400 workers would return."}"#,
        );
        let inputs = inputs(jsonl);
        assert_eq!(inputs.len(), 2);
        assert!(
            String::from_utf8_lossy(&inputs[0].bytes).starts_with("Port strike ends\n\nDockers")
        );
        let lines = bench(&inputs, 2);
        assert!(lines[1].starts_with("2 documents"), "{lines:?}");
        for stage in [
            "ingest",
            "recognise",
            "resolve",
            "quotes",
            "group",
            "compare",
            "report",
            "json",
            "total",
        ] {
            assert!(
                lines.iter().any(|l| l.starts_with(stage)),
                "{stage}: {lines:?}"
            );
        }
        assert!(!lines.iter().any(|l| l.starts_with("done")), "{lines:?}");
    }
}
