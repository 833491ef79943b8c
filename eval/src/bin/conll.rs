//! Entity recognition on CoNLL-2003 (PER, ORG, LOC), strict entity-level P/R/F1.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin conll -- /work/shared/corpus/conll2003/valid.txt [--limit N]
//! ```
//! Each document (split at `-DOCSTART-`) is rebuilt as tokens joined by single spaces and
//! sentences by newlines, analysed raw; `person`/`organization`/`place` mentions map to
//! PER/ORG/LOC, are trimmed of surrounding punctuation, and must match gold spans and types exactly.

use newslens_eval::corpus::{analyse_raw, read_or_exit, trim_punct};
use newslens_eval::score::Counts;
use std::collections::HashSet;

const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// A document's text and its gold (start, end, type) character spans.
struct Doc {
    text: String,
    gold: HashSet<(usize, usize, String)>,
}

fn parse(data: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut gold = HashSet::new();
    let mut cur: Option<(usize, usize, String)> = None;
    let mut pos = 0usize; // char offset
    let mut at_line_start = true;
    let flush = |cur: &mut Option<(usize, usize, String)>, gold: &mut HashSet<_>| {
        if let Some(g) = cur.take() {
            gold.insert(g);
        }
    };
    for line in data.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") {
            flush(&mut cur, &mut gold);
            if !text.trim().is_empty() {
                docs.push(Doc {
                    text: std::mem::take(&mut text),
                    gold: std::mem::take(&mut gold),
                });
            }
            text.clear();
            gold.clear();
            pos = 0;
            at_line_start = true;
            continue;
        }
        if cols.is_empty() {
            flush(&mut cur, &mut gold);
            if !at_line_start {
                text.push('\n');
                pos += 1;
                at_line_start = true;
            }
            continue;
        }
        let (tok, tag) = (cols[0], cols[cols.len() - 1]);
        if !at_line_start {
            text.push(' ');
            pos += 1;
        }
        at_line_start = false;
        let (s, e) = (pos, pos + tok.chars().count());
        text.push_str(tok);
        pos = e;
        let (bio, ty) = tag.split_once('-').unwrap_or((tag, ""));
        match (bio, &mut cur) {
            ("I", Some(c)) if c.2 == ty => c.1 = e,
            ("B", _) | ("I", _) => {
                flush(&mut cur, &mut gold);
                cur = Some((s, e, ty.to_string()));
            }
            _ => flush(&mut cur, &mut gold),
        }
    }
    flush(&mut cur, &mut gold);
    if !text.trim().is_empty() {
        docs.push(Doc { text, gold });
    }
    docs
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut limit = usize::MAX;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--limit" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => limit = n,
                None => usage(),
            },
            _ if path.is_none() && !a.starts_with('-') => path = Some(a.clone()),
            _ => usage(),
        }
    }
    let Some(path) = path else { usage() };
    let docs = parse(&read_or_exit(&path));
    let mut per_type = [Counts::default(); 3];
    let mut n = 0;
    for doc in docs.iter().take(limit) {
        n += 1;
        let report = analyse_raw(&[("doc", &doc.text)]);
        let chars: Vec<char> = report
            .documents
            .first()
            .map(|d| d.text.chars().collect())
            .unwrap_or_default();
        let mut pred = HashSet::new();
        for ent in &report.entities {
            let ty = match ent.kind.as_str() {
                "person" => "PER",
                "organization" => "ORG",
                "place" => "LOC",
                _ => continue,
            };
            for m in &ent.mentions {
                let (s, e) = trim_punct(&chars, (m.start, m.end));
                if s < e {
                    pred.insert((s, e, ty.to_string()));
                }
            }
        }
        for (k, ty) in TYPES.iter().enumerate() {
            let g: HashSet<_> = doc.gold.iter().filter(|x| x.2 == *ty).collect();
            let p: HashSet<_> = pred.iter().filter(|x| x.2 == *ty).collect();
            let tp = g.intersection(&p).count();
            per_type[k].add(Counts {
                true_positives: tp,
                false_positives: p.len() - tp,
                false_negatives: g.len() - tp,
            });
        }
    }
    println!("CoNLL-2003 {path}: {n} documents, strict span+type match");
    let mut micro = Counts::default();
    for (k, ty) in TYPES.iter().enumerate() {
        println!("{ty:5} {}", per_type[k]);
        micro.add(per_type[k]);
    }
    println!("micro {micro}");
}

fn usage() -> ! {
    eprintln!("usage: conll CONLL_FILE [--limit N]");
    std::process::exit(2);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_text_and_iob_spans() {
        let data = "-DOCSTART- -X- O O\n\nNew NNP B-NP B-LOC\nYork NNP I-NP I-LOC\nwins VB O O\n\nAl NNP B-NP B-PER\n";
        let docs = parse(data);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "New York wins\nAl");
        assert!(docs[0].gold.contains(&(0, 8, "LOC".to_string())));
        assert!(docs[0].gold.contains(&(14, 16, "PER".to_string())));
    }
}
