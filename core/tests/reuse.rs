//! Synthetic reuse: passages copied between generated documents, verbatim and with small edits,
//! must all be found as shared passages with spans on both sides.

use newslens_core::{analyse, Input, Options};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Made-up content words: syllable pairs, never stopwords.
fn word(rng: &mut Rng) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ter", "van", "sul", "dor", "pe", "ris", "nal", "gu", "bel", "tor",
        "min", "sa", "ro",
    ];
    (0..3).map(|_| SYL[rng.below(SYL.len())]).collect()
}

/// A sentence of `min` to `min + spread - 1` made-up words.
fn sentence(rng: &mut Rng, min: usize, spread: usize) -> Vec<String> {
    let len = min + rng.below(spread);
    (0..len).map(|_| word(rng)).collect()
}

fn render(sentences: &[Vec<String>]) -> String {
    sentences
        .iter()
        .map(|s| {
            // Sentences start with a capital, as in any article.
            let text = format!("{}.", s.join(" "));
            let mut cs = text.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Byte span of `needle` in `hay`, ignoring case (the texts are ASCII: bytes are characters).
fn span(hay: &str, needle: &str) -> (usize, usize) {
    let start = hay
        .to_lowercase()
        .find(&needle.to_lowercase())
        .expect("inserted text is present");
    (start, start + needle.len())
}

#[test]
fn copied_passages_are_found_with_their_spans() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..20 {
        let source: Vec<Vec<String>> = (0..12).map(|_| sentence(&mut rng, 10, 8)).collect();
        let mut target: Vec<Vec<String>> = (0..12).map(|_| sentence(&mut rng, 10, 8)).collect();

        // A verbatim run of 8 to 20 words from inside a source sentence, as a sentence of the target.
        let from = &source[rng.below(source.len())];
        let len = 8 + rng
            .below(from.len().saturating_sub(8).min(12) + 1)
            .min(from.len() - 8);
        let at = rng.below(from.len() - len + 1);
        let run = from[at..at + len].to_vec();
        target.insert(3, run.clone());

        // A whole source sentence with one word changed.
        let k = rng.below(source.len());
        let mut edited = source[k].clone();
        let w = rng.below(edited.len());
        edited[w] = "changedword".into();
        target.insert(9, edited.clone());

        let (a, b) = (render(&source), render(&target));
        let report = analyse(
            &[
                Input::new("a.txt", a.clone()),
                Input::new("b.txt", b.clone()),
            ],
            &Options { raw: true },
        );
        let overlap = &report.overlaps[0];
        assert_eq!((overlap.a.as_str(), overlap.b.as_str()), ("d0", "d1"));

        let run_text = run.join(" ");
        let (ra, rb) = (span(&a, &run_text), span(&b, &run_text));
        assert!(
            overlap.passages.iter().any(|p| p.a_start <= ra.0
                && ra.1 <= p.a_end
                && p.b_start <= rb.0
                && rb.1 <= p.b_end),
            "round {round}: verbatim run {ra:?}/{rb:?} not covered by {:?}",
            overlap.passages
        );

        let (sa, sb) = (span(&a, &source[k].join(" ")), span(&b, &edited.join(" ")));
        assert!(
            overlap
                .passages
                .iter()
                .any(|p| p.a_start < sa.1 && sa.0 < p.a_end && p.b_start < sb.1 && sb.0 < p.b_end),
            "round {round}: edited sentence {sa:?}/{sb:?} not found in {:?}",
            overlap.passages
        );
        assert!(overlap.score > 0.0);
    }
}

#[test]
fn unrelated_documents_share_nothing() {
    let mut rng = Rng(42);
    let a = render(
        &(0..10)
            .map(|_| sentence(&mut rng, 12, 1))
            .collect::<Vec<_>>(),
    );
    let b = render(
        &(0..10)
            .map(|_| sentence(&mut rng, 12, 1))
            .collect::<Vec<_>>(),
    );
    let report = analyse(
        &[Input::new("a.txt", a), Input::new("b.txt", b)],
        &Options { raw: true },
    );
    assert!(report.overlaps[0].passages.is_empty());
    assert_eq!(report.overlaps[0].score, 0.0);
}
