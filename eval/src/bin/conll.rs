//! Entity recognition on CoNLL-2003 (PER, ORG, LOC), strict entity-level P/R/F1.
//!
//! ```text
//! cargo run --release -p newslens-eval --bin conll -- /work/shared/corpus/conll2003/valid.txt [--limit N] [--errors]
//! ```
//! Each document (split at `-DOCSTART-`) is rebuilt as tokens joined by single spaces and
//! sentences by newlines, analysed raw; `person`/`organization`/`place` mentions map to
//! PER/ORG/LOC; predicted and gold spans are trimmed of surrounding punctuation and must match
//! in span and type exactly. `--errors` lists every miss and extra.

use newslens_eval::conll::parse;
use newslens_eval::corpus::{analyse_raw, read_or_exit, trim_punct};
use newslens_eval::score::Counts;
use std::collections::HashSet;

const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut limit = usize::MAX;
    let mut errors = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--errors" => errors = true,
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
        // Gold spans are trimmed the same way ("U.S." → "U.S"), as the judging convention says.
        let text: Vec<char> = doc.text.chars().collect();
        let gold: HashSet<(usize, usize, String)> = doc
            .gold
            .iter()
            .map(|(s, e, t)| {
                let (s, e) = trim_punct(&text, (*s, *e));
                (s, e, t.clone())
            })
            .collect();
        if errors {
            let show = |x: &(usize, usize, String)| text[x.0..x.1].iter().collect::<String>();
            let typed = |x: &&(usize, usize, String)| TYPES.contains(&x.2.as_str());
            for g in gold.iter().filter(typed).filter(|g| !pred.contains(*g)) {
                println!("MISS {} {}", g.2, show(g));
            }
            for p in pred.iter().filter(|p| !gold.contains(*p)) {
                println!("EXTRA {} {}", p.2, show(p));
            }
        }
        for (k, ty) in TYPES.iter().enumerate() {
            let g: HashSet<_> = gold.iter().filter(|x| x.2 == *ty).collect();
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
    eprintln!("usage: conll CONLL_FILE [--limit N] [--errors]");
    std::process::exit(2);
}
