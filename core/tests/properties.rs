//! Properties of the whole analysis on generated article-like text: every span is inside its
//! document and on character boundaries, quote texts are their spans, and the result depends
//! only on the inputs, not on their order or on the run.

use newslens_core::report::Report;
use newslens_core::{analyse, Input, Options};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Words that make the stages do something: names, places, cues, quote marks, numbers, dates,
/// boilerplate, and characters of several byte lengths.
const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "told",
    "reporters",
    "on",
    "Tuesday",
    "in",
    "Berlin",
    "Anna",
    "Novák",
    "Vučić",
    "Petrov",
    "NATO",
    "(NATO)",
    "North",
    "Atlantic",
    "Treaty",
    "Organization",
    "“",
    "”",
    "\"",
    "«",
    "»",
    "„",
    "’",
    "'",
    ",",
    ".",
    "!",
    "?",
    "1,000",
    "troops",
    "3%",
    "2023-11-22",
    "March",
    "14,",
    "Read",
    "more",
    "Share",
    "this",
    "article",
    "é",
    "ß",
    "中文",
    "🙂",
    "\u{301}",
    "\n",
    "\n\n",
    "-",
    "—",
    "according",
    "to",
    "he",
    "she",
    "added",
    // Digits of other scripts beside ASCII ones and letters, where dates and quantities are
    // read ("in 20২৩x" once panicked the date finder).
    "20২৩x",
    "١٩٩٠s",
    "2০২৩",
    "٣rd",
    "since",
    "years",
    "ago",
    "percent",
];

/// Words, most after a space, some straight after the word before ("20২৩" + "x") or a line break.
fn article() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(&[" ", " ", " ", " ", "", "\n"][..]);
    prop::collection::vec((separator, prop::sample::select(WORDS)), 0..120).prop_map(|words| {
        let mut text = String::new();
        for (i, (separator, word)) in words.into_iter().enumerate() {
            if i > 0 {
                text.push_str(separator);
            }
            text.push_str(word);
        }
        text
    })
}

fn inputs(texts: &[String]) -> Vec<Input> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Input::new(format!("doc{i}.txt"), t.clone()))
        .collect()
}

fn check_spans(report: &Report) {
    let len = |doc: &str| -> usize {
        report
            .documents
            .iter()
            .find(|d| d.id == doc)
            .map(|d| d.text.chars().count())
            .expect("known document")
    };
    for e in &report.entities {
        assert!(!e.mentions.is_empty(), "entity {} has no mention", e.name);
        for m in &e.mentions {
            assert!(
                m.start < m.end && m.end <= len(&m.doc),
                "{m:?} of {}",
                e.name
            );
        }
    }
    for q in &report.quotes {
        assert!(q.start <= q.end && q.end <= len(&q.doc));
        let text = &report
            .documents
            .iter()
            .find(|d| d.id == q.doc)
            .unwrap()
            .text;
        let slice = |s: usize, e: usize| -> String { text.chars().skip(s).take(e - s).collect() };
        if q.parts.is_empty() {
            assert_eq!(slice(q.start, q.end), q.text);
        } else {
            // A split quote: its pieces in order inside its span, and its text joins them.
            assert!(q.parts.len() >= 2);
            assert_eq!(
                (q.parts[0].start, q.parts.last().unwrap().end),
                (q.start, q.end)
            );
            assert!(q.parts.windows(2).all(|w| w[0].end <= w[1].start));
            let pieces: Vec<String> = q
                .parts
                .iter()
                .map(|p| slice(p.start, p.end).trim().to_string())
                .collect();
            assert_eq!(pieces.join(" "), q.text);
        }
        if let Some(m) = q.speaker_mention {
            assert!(m.start < m.end && m.end <= len(&q.doc));
        }
    }
    let n = report.documents.len();
    assert_eq!(report.overlaps.len(), n * n.saturating_sub(1) / 2);
    for o in &report.overlaps {
        assert!((0.0..=1.0).contains(&o.score) && (0.0..=1.0).contains(&o.similarity));
        for p in &o.passages {
            assert!(p.a_start < p.a_end && p.a_end <= len(&o.a));
            assert!(p.b_start < p.b_end && p.b_end <= len(&o.b));
        }
    }
}

/// What an entity is, independent of ids and input order: kind, name, and mentions by document
/// name.
/// (kind, name, mentions as (document name, start, end)).
type EntityFacts = BTreeSet<(String, String, Vec<(String, usize, usize)>)>;

fn entity_facts(report: &Report) -> EntityFacts {
    let name = |id: &str| {
        report
            .documents
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .name
            .clone()
    };
    report
        .entities
        .iter()
        .map(|e| {
            let mut mentions: Vec<_> = e
                .mentions
                .iter()
                .map(|m| (name(&m.doc), m.start, m.end))
                .collect();
            mentions.sort();
            (e.kind.clone(), e.name.clone(), mentions)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_inside_their_documents(texts in prop::collection::vec(article(), 1..5), raw: bool) {
        let report = analyse(&inputs(&texts), &Options { raw });
        prop_assert_eq!(report.documents.len() + report.errors.len(), texts.len());
        check_spans(&report);
    }

    #[test]
    fn deterministic_and_independent_of_input_order(texts in prop::collection::vec(article(), 2..5)) {
        let forward = inputs(&texts);
        let first = analyse(&forward, &Options::default());
        prop_assert_eq!(&first, &analyse(&forward, &Options::default()));
        let mut backward = forward.clone();
        backward.reverse();
        let reversed = analyse(&backward, &Options::default());
        prop_assert_eq!(entity_facts(&first), entity_facts(&reversed));
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..2000), |bytes| {
            let report = analyse(&[Input::new("blob.bin", bytes)], &Options::default());
            prop_assert_eq!(report.documents.len() + report.errors.len(), 1);
            check_spans(&report);
            Ok(())
        })
        .unwrap();
}
