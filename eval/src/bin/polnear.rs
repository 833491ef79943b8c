//! Quotations and speakers on PolNeAR.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin polnear -- /work/shared/corpus/polnear/dev.jsonl [MORE.jsonl]
//! ```
//! Gold = attributions with quote marks in the first annotation set (span = the content spans,
//! first start to last end). Predicted = quotes of kind `direct` or `partial`. A match needs an
//! overlap of at least half the shorter span, one to one (greedy by overlap); the speaker is right
//! when the predicted `speaker_mention` overlaps any gold `source` span.

use newslens_core::report::Quote;
use newslens_eval::corpus::{analyse_raw, greedy_match, json_lines, overlap};
use newslens_eval::score::Counts;
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    id: String,
    text: String,
    #[serde(default)]
    annotations: Vec<Annotation>,
}

#[derive(Deserialize)]
struct Annotation {
    #[serde(default)]
    attributions: Vec<Attribution>,
}

#[derive(Deserialize)]
struct Attribution {
    #[serde(default)]
    source: Vec<Piece>,
    #[serde(default)]
    content: Vec<Piece>,
    #[serde(default)]
    has_quote_marks: bool,
}

#[derive(Deserialize)]
struct Piece {
    start: usize,
    end: usize,
}

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    // `--errors` lists every missed quote and wrong speaker, for error analysis; `--context`
    // also shows the words around each wrong speaker, gold source in [[…]], predicted in {{…}}.
    let show_context = paths.iter().any(|p| p == "--context");
    let show_errors = show_context || paths.iter().any(|p| p == "--errors");
    paths.retain(|p| p != "--errors" && p != "--context");
    if paths.is_empty() || paths.iter().any(|p| p.starts_with('-')) {
        eprintln!("usage: polnear [--errors | --context] POLNEAR_JSONL...");
        std::process::exit(2);
    }
    for path in &paths {
        let (mut quotes, mut speakers) = (Counts::default(), Counts::default());
        let mut n = 0;
        for doc in json_lines::<Doc>(path) {
            n += 1;
            let gold: Vec<&Attribution> = doc
                .annotations
                .first()
                .map(|a| {
                    a.attributions
                        .iter()
                        .filter(|x| x.has_quote_marks)
                        .collect()
                })
                .unwrap_or_default();
            let gold_spans: Vec<(usize, usize)> = gold
                .iter()
                .map(|a| {
                    let s = a.content.iter().map(|p| p.start).min().unwrap_or(0);
                    let e = a.content.iter().map(|p| p.end).max().unwrap_or(0);
                    (s, e.max(s))
                })
                .collect();
            let report = analyse_raw(&[(doc.id.as_str(), doc.text.as_str())]);
            let pred: Vec<_> = report
                .quotes
                .iter()
                .filter(|q| q.kind == "direct" || q.kind == "partial")
                .collect();
            let pred_spans: Vec<(usize, usize)> = pred.iter().map(|q| (q.start, q.end)).collect();
            let matches = greedy_match(&gold_spans, &pred_spans);
            let right = matches
                .iter()
                .filter(|&&(i, j)| speaker_right(gold[i], pred[j]))
                .count();
            if show_errors {
                print_errors(&doc, &gold, &gold_spans, &pred, &matches, show_context);
            }
            let tally = |tp: usize| Counts {
                true_positives: tp,
                false_positives: pred.len() - tp,
                false_negatives: gold.len() - tp,
            };
            quotes.add(tally(matches.len()));
            speakers.add(tally(right));
        }
        println!("PolNeAR {path}: {n} documents");
        println!("quote          {quotes}");
        println!("quote+speaker  {speakers}");
    }
}

/// Whether a matched quote names its speaker: its `speaker_mention` overlaps a gold source.
fn speaker_right(gold: &Attribution, q: &Quote) -> bool {
    q.speaker_mention.as_ref().is_some_and(|m| {
        gold.source
            .iter()
            .any(|s| overlap((m.start, m.end), (s.start, s.end)) > 0)
    })
}

/// Prints, for one document, gold quotes not found, predictions matching no gold quote, and
/// matched quotes whose speaker is wrong or missing. Spans are shown as text.
fn print_errors(
    doc: &Doc,
    gold: &[&Attribution],
    gold_spans: &[(usize, usize)],
    pred: &[&Quote],
    matches: &[(usize, usize)],
    context: bool,
) {
    let chars: Vec<char> = doc.text.chars().collect();
    let show = |(s, e): (usize, usize)| -> String {
        let t: String = chars[s.min(chars.len())..e.min(chars.len())]
            .iter()
            .collect();
        let t = t.replace('\n', " / ");
        if t.chars().count() > 90 {
            let head: String = t.chars().take(60).collect();
            let tail: String = t
                .chars()
                .rev()
                .take(25)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            format!("{head} … {tail}")
        } else {
            t
        }
    };
    let sources = |a: &Attribution| -> String {
        a.source
            .iter()
            .map(|p| show((p.start, p.end)))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    for (i, g) in gold_spans.iter().enumerate() {
        if !matches.iter().any(|m| m.0 == i) {
            println!("MISS  {} [{}] «{}»", doc.id, sources(gold[i]), show(*g));
        }
    }
    for (j, q) in pred.iter().enumerate() {
        if !matches.iter().any(|m| m.1 == j) {
            // A piece of a gold quote matched by another prediction (a split quote's half).
            let inside = gold_spans
                .iter()
                .any(|&g| overlap(g, (q.start, q.end)) * 2 >= q.end - q.start);
            let what = if inside { "EXTRA-PART" } else { "EXTRA" };
            println!(
                "{what} {} ({}) «{}»",
                doc.id,
                q.kind,
                show((q.start, q.end))
            );
        }
    }
    for &(i, j) in matches {
        if !speaker_right(gold[i], pred[j]) {
            let got = pred[j]
                .speaker_mention
                .as_ref()
                .map_or("-".to_string(), |m| show((m.start, m.end)));
            println!(
                "SPKR  {} gold [{}] got [{}] cue {:?} «{}»",
                doc.id,
                sources(gold[i]),
                got,
                pred[j].cue,
                show(gold_spans[i])
            );
            if context {
                let q = pred[j];
                let m = q.speaker_mention.as_ref().map(|m| (m.start, m.end));
                let from = gold_spans[i].0.min(q.start).saturating_sub(200);
                let to = (gold_spans[i].1.max(q.end) + 150).min(chars.len());
                let mut line = String::new();
                for (k, c) in chars.iter().enumerate().take(to).skip(from) {
                    if gold[i].source.iter().any(|s| s.start == k) {
                        line.push_str("[[");
                    }
                    if m.is_some_and(|m| m.0 == k) {
                        line.push_str("{{");
                    }
                    line.push(if *c == '\n' { '/' } else { *c });
                    if m.is_some_and(|m| m.1 == k + 1) {
                        line.push_str("}}");
                    }
                    if gold[i].source.iter().any(|s| s.end == k + 1) {
                        line.push_str("]]");
                    }
                }
                let src = gold[i].source.first().map(|s| (s.start, s.end));
                println!(
                    "      {:?} {:?} {:?} {:?} …{line}…",
                    src,
                    m,
                    (q.start, q.end),
                    gold_spans[i]
                );
            }
        }
    }
}
