//! The whole analysis on a batch cut from the input at 0xFF bytes: every span stays inside its
//! document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens_core::{analyse, Input, Options};

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<Input> =
        data.split(|&b| b == 0xFF).take(6).enumerate().map(|(i, part)| Input::new(format!("d{i}.txt"), part)).collect();
    let report = analyse(&inputs, &Options::default());
    for e in &report.entities {
        for m in &e.mentions {
            let doc = report.documents.iter().find(|d| d.id == m.doc).expect("mention in a known document");
            assert!(m.start < m.end && m.end <= doc.text.chars().count());
        }
    }
    for q in &report.quotes {
        let doc = report.documents.iter().find(|d| d.id == q.doc).expect("quote in a known document");
        assert!(q.start <= q.end && q.end <= doc.text.chars().count());
    }
});
