//! Segmentation on any string: tokens and sentences are in order, inside the text, on char
//! boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens_core::text;

fuzz_target!(|s: &str| {
    let mut last = 0;
    for t in text::tokens(s) {
        assert!(t.start >= last && t.start < t.end && s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        last = t.end;
    }
    let mut last = 0;
    for r in text::sentences(s) {
        assert!(r.start >= last && r.start < r.end && r.end <= s.len());
        assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        last = r.end;
    }
    let _ = text::fold(s);
});
