//! Any bytes, under any file name, through format sniffing, decoding, extraction and cleaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens_core::{ingest, Input};

const NAMES: [&str; 6] = ["a.txt", "a.html", "a.md", "a.docx", "a.pdf", "a"];

fuzz_target!(|data: &[u8]| {
    let name = NAMES[data.first().copied().unwrap_or(0) as usize % NAMES.len()];
    for raw in [false, true] {
        for result in ingest::ingest_batch(&[Input::new(name, data)], raw) {
            if let Ok(article) = result {
                assert!(article.text.len() <= data.len() * 4 + 1024, "text grew out of proportion");
            }
        }
    }
});
