//! Trains the name tagger's weights (`core/src/entities/ner.bin`) on a CoNLL-2003 file.
//!
//! ```text
//! cargo run --profile fast -p newslens-eval --bin train_ner -- PATH/train.txt \
//!     [--dev PATH/valid.txt] [--epochs N] [--scale S] [--keep Q] > core/src/entities/ner.bin
//! ```
//! Documents are rebuilt as text (see `conll`), tokenised by the core's own tokeniser and each
//! token labelled with the gold span it starts or lies in, so training sees exactly what the
//! tagger sees at run time. With `--dev`, token-span F1 (PER, ORG, LOC) on that file is printed after each pass
//! (on stderr). The weights are averaged, quantised to 1/`--scale` (default 2) and features
//! whose weights all round below `--keep` steps (default 7: below 3.5) are dropped. The output
//! holds hashed features and numbers, no text. On CoNLL valid, pruning is what costs accuracy
//! and coarse steps compress best: keep/scale 16/8 gave 0.875 in 129 KB gzipped, 7/3 0.874 in
//! 107 KB, 5/2 0.872 in 99 KB, 8/3 0.869 in 93 KB, 6/2 0.866 in 79 KB, 24/8 0.864 in 86 KB.
//! (With the name tagger, 6/2 leaves room in the page's 800 KB download budget.) Measured
//! again with the recogniser and resolver of 2026-12-06: 6/2 0.870 in 79 KB, 3/1 0.873 in 80 KB,
//! 7/2 0.868 in 65 KB (the default since: the rules of that session had taken the page 1.4 KB
//! over its budget), 4/1 0.866 in 54 KB, 8/2 0.866 in 54 KB.

use newslens_core::entities::tagger::{spans, Model, Sequence, Trainer, TAGS};
use newslens_eval::conll::{parse, Doc};
use newslens_eval::corpus::read_or_exit;
use newslens_eval::score::Counts;
use std::collections::HashSet;
use std::io::Write;

/// Gold tag indices of a document's tokens.
fn gold_tags(doc: &Doc, seq: &Sequence) -> Vec<usize> {
    // Character offsets to byte offsets.
    let bytes: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain([doc.text.len()])
        .collect();
    let spans: Vec<(usize, usize, &str)> = doc
        .gold
        .iter()
        .map(|(s, e, t)| (bytes[*s], bytes[*e], t.as_str()))
        .collect();
    seq.tokens
        .iter()
        .map(|t| {
            spans
                .iter()
                .find(|(s, e, _)| *s <= t.start && t.start < *e)
                .map_or(0, |(s, _, ty)| {
                    let bio = if *s == t.start { "B" } else { "I" };
                    TAGS.iter()
                        .position(|x| *x == format!("{bio}-{ty}"))
                        .unwrap_or(0)
                })
        })
        .collect()
}

/// Entity spans as (first token, last token, type).
/// MISC is not scored (the judged figure is PER/ORG/LOC).
fn token_spans(tags: &[usize]) -> HashSet<(usize, usize, &'static str)> {
    spans(tags).into_iter().filter(|s| s.2 != "MISC").collect()
}

fn score(model: &Model, dev: &[(Sequence, Vec<usize>)]) -> Counts {
    let mut c = Counts::default();
    for (seq, gold) in dev {
        let g = token_spans(gold);
        let p = token_spans(&model.tag(seq));
        let tp = g.intersection(&p).count();
        c.add(Counts {
            true_positives: tp,
            false_positives: p.len() - tp,
            false_negatives: g.len() - tp,
        });
    }
    c
}

/// Each document's token sequence with its gold tags.
fn labelled(docs: &[Doc]) -> Vec<(Sequence<'_>, Vec<usize>)> {
    docs.iter()
        .map(|d| {
            let seq = Sequence::new(&d.text);
            let gold = gold_tags(d, &seq);
            (seq, gold)
        })
        .collect()
}

/// The number after an option, or the usage message.
fn number<'a, T: std::str::FromStr>(it: &mut impl Iterator<Item = &'a String>) -> T {
    it.next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| usage())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut train = None;
    let mut dev = None;
    let mut epochs = 10;
    let mut keep = 7;
    let mut scale = 2.0;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dev" => dev = it.next().cloned(),
            "--epochs" => epochs = number(&mut it),
            "--scale" => scale = number(&mut it),
            "--keep" => keep = number(&mut it),
            _ if train.is_none() && !a.starts_with('-') => train = Some(a.clone()),
            _ => usage(),
        }
    }
    let Some(train) = train else { usage() };
    let train_docs = parse(&read_or_exit(&train));
    let dev_docs = dev.map(|d| parse(&read_or_exit(&d))).unwrap_or_default();
    let train_set = labelled(&train_docs);
    let dev_set = labelled(&dev_docs);
    eprintln!(
        "{} training documents, {} tokens",
        train_set.len(),
        train_set.iter().map(|(seq, _)| seq.len()).sum::<usize>()
    );
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..train_set.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for epoch in 1..=epochs {
        // A fixed shuffle per pass (xorshift), so the weights are reproducible.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for &i in &order {
            let (seq, gold) = &train_set[i];
            wrong += trainer.learn(seq, gold);
        }
        eprint!("pass {epoch}: {wrong} mistakes");
        if !dev_set.is_empty() {
            eprint!("; dev {}", score(&trainer.average(), &dev_set));
        }
        eprintln!();
    }
    let model = trainer.average();
    let bytes = model.write(scale, keep);
    if let Some(kept) = Model::read(&bytes) {
        eprint!(
            "{} features, {} kept, {} bytes",
            model.features(),
            kept.features(),
            bytes.len()
        );
        if !dev_set.is_empty() {
            eprint!("; dev after quantising {}", score(&kept, &dev_set));
        }
        eprintln!();
    }
    if std::io::stdout().write_all(&bytes).is_err() {
        std::process::exit(1);
    }
}

fn usage() -> ! {
    eprintln!("usage: train_ner CONLL_TRAIN [--dev CONLL_DEV] [--epochs N] [--keep Q] > ner.bin");
    std::process::exit(2);
}
