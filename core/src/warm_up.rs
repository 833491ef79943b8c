//! Warming up: what the analysis builds once per process, and the code a browser optimises only
//! once it has run long enough, done before the person's first batch.
//!
//! In two parts. [`warm_up`] ([`warm_up_parts`] for a helper) analyses a made-up article before
//! the page's worker says it is ready. [`Warming`] then analyses a made-up batch of many
//! documents, in small steps that a worker runs while it has nothing else to do. A browser runs
//! a wasm function first as its baseline compiler made it, and swaps in the optimising
//! compiler's code once the function has run long enough — at its next call, never inside a
//! call under way. So a step the analysis calls once per batch (resolving entities, comparing the
//! texts, writing the report) ran on the slower code all through the first large batch, unless
//! a batch had made it run long enough before; and what only a batch of over 60 documents does
//! (see `compare`) never ran before one came.

use crate::compare::compare_texts;
use crate::pipeline::{analyse_recognised, recognise_input, Batch, Input, Options, Recognised};
use crate::report::{Report, PIECE_BYTES};
use crate::wire;

/// Builds everything the analysis builds once per process (gazetteer, tagger weights, patterns,
/// word statistics) by analysing a made-up article (`warm_up.txt`), as text and as a web page,
/// so that the first real batch does not wait for it, the way the page's worker analyses one
/// ([`recognise_input`], then [`analyse_recognised`]). The worker calls this while the person
/// is still choosing files. The article is long and varied on purpose: the regex engine
/// builds its automata's states as text needs them, and a browser optimises the wasm functions
/// whose loops have run long enough. Returns the warm-up's report, for the page to warm up its
/// own reading and rendering of reports.
pub fn warm_up() -> Report {
    let inputs = article();
    let options = Options::default();
    let round = || {
        let docs = inputs
            .iter()
            .map(|i| recognise_input(i, &options))
            .collect();
        analyse_recognised(docs, &options, |_| {})
    };
    let mut report = round();
    for _ in 1..ROUNDS {
        report = round();
    }
    report
}

/// [`warm_up`] for a worker that only runs the parts of an analysis that can be done apart:
/// [`recognise_input`] and [`compare_texts`].
pub fn warm_up_parts() {
    let inputs = article();
    for _ in 0..ROUNDS {
        let docs: Vec<Recognised> = inputs
            .iter()
            .map(|input| recognise_input(input, &Options::default()))
            .collect();
        compare_texts(&texts(&docs));
    }
}

/// In the browser, 8 rounds against 4 took five articles' analysis from 20–54 to 15–29 ms (the
/// browser optimises more of the code before the first batch) for ~100 ms more before the page
/// is ready (0.6–0.9 s after it opens).
const ROUNDS: usize = 8;

/// The made-up article, as text and as a web page.
fn article() -> [Input; 2] {
    let text = include_str!("warm_up.txt");
    let paragraphs: String = text.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<html><head><title>Harbour strike ends</title></head><body><nav>Home | World</nav>\
         <article>{paragraphs}</article><footer>Contact us</footer></body></html>"
    );
    [Input::new("a.txt", text), Input::new("b.html", html)]
}

/// The texts of the documents read.
fn texts(docs: &[Recognised]) -> Vec<&str> {
    docs.iter()
        .flat_map(|d| &d.result)
        .map(|r| r.0.text.as_str())
        .collect()
}

/// The second part of the warm-up: [`BATCH_ROUNDS`] analyses of [`batch`], the way the page
/// analyses a large batch (its documents handed between workers in wire form), one small step at
/// a time ([`Warming::step`]), for a worker to run between messages. In wasm in Node, the
/// first analysis of the 2,225 BBC articles after the warm-up took a median 1,886 ms without
/// it and 1,532 with it (later ones ~1,400 either way; BENCHMARKS.md, session 21).
pub struct Warming {
    inputs: Vec<Input>,
    /// The page's worker (the whole analysis) or a helper ([`recognise_input`] and
    /// [`compare_texts`]).
    whole: bool,
    rounds_left: usize,
    /// The documents of this round read so far.
    docs: Vec<Recognised>,
}

/// 8 rounds instead of 3 did not render a first large batch sooner in the page (2,225 BBC articles:
/// 1,405–1,579 ms against 1,443–1,585 over five alternations; BENCHMARKS.md, session 29).
const BATCH_ROUNDS: usize = 3;

/// Documents read in one step: a few milliseconds, which is as long as a message that comes
/// meanwhile waits.
const STEP_DOCUMENTS: usize = 6;

impl Warming {
    /// The warm-up of the worker that analyses whole batches (`whole`) or of a helper.
    pub fn new(whole: bool) -> Warming {
        Warming {
            inputs: batch(),
            whole,
            rounds_left: BATCH_ROUNDS,
            docs: Vec::new(),
        }
    }

    /// With `rounds` analyses of the batch instead of [`BATCH_ROUNDS`] (given: the page's
    /// `?warm_rounds=N`, for tests and benchmarks).
    pub fn rounds(mut self, rounds: Option<usize>) -> Warming {
        self.rounds_left = rounds.unwrap_or(BATCH_ROUNDS);
        self
    }

    /// Runs the next step (a few documents read, or the batch of them analysed); `false` once
    /// none is left.
    pub fn step(&mut self) -> bool {
        if self.rounds_left == 0 {
            return false;
        }
        let read = self.docs.len();
        if read < self.inputs.len() {
            let options = Options::default();
            let next = &self.inputs[read..(read + STEP_DOCUMENTS).min(self.inputs.len())];
            self.docs
                .extend(next.iter().map(|input| recognise_input(input, &options)));
            return true;
        }
        let docs = wire::decode(&wire::encode(&std::mem::take(&mut self.docs))).unwrap_or_default();
        if self.whole {
            let (batch, mentions) = Batch::new(docs, &Options::default());
            let texts = wire::decode_texts(&wire::encode_texts(&batch.texts())).unwrap_or_default();
            let statements = batch.statements(mentions, &mut |_| {});
            let draft = batch.draft(&statements);
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let compared = wire::encode_comparison(&compare_texts(&texts));
            if let Some(mut comparison) = wire::decode_comparison(&compared) {
                let report = batch.report(Some(draft), &statements, &mut comparison, &mut |_| {});
                wire::encode_report(&report, PIECE_BYTES, &mut |_| {});
            }
        } else {
            wire::encode_comparison(&compare_texts(&texts(&docs)));
        }
        self.rounds_left -= 1;
        self.rounds_left > 0
    }
}

/// A made-up batch of 72 documents from the warm-up article: past 60 documents, where the
/// comparison changes its ways. Each has the article's first paragraph (in more than 50
/// documents, so a copy's passage, not a seed), two in five of the others (seeds, shared by
/// fewer), and a line of its own; every third is a web page.
fn batch() -> Vec<Input> {
    let paragraphs: Vec<&str> = include_str!("warm_up.txt").split("\n\n").collect();
    (0..72)
        .map(|k| {
            let mut body = String::new();
            for (j, p) in paragraphs.iter().enumerate() {
                if j == 0 || (j + k) % 5 < 2 {
                    body.push_str(p);
                    body.push_str("\n\n");
                }
            }
            body.push_str(&format!(
                "Reporting by desk {k}; edited by Sam Doe in Leiden.\n"
            ));
            if k % 3 == 0 {
                let html: String = body.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
                let page = format!("<html><body><article>{html}</article></body></html>");
                Input::new(format!("{k}.html"), page)
            } else {
                Input::new(format!("{k}.txt"), body)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_batch_takes_the_ways_of_a_large_one() {
        let inputs = batch();
        assert!(
            inputs.len() > 60,
            "past 60 documents the comparison changes its ways"
        );
        let report = crate::analyse(&inputs, &Options::default());
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        // Documents five apart tell the same paragraphs: copies, listed as such.
        let listed = |a: usize, b: usize| {
            let (a, b) = (format!("d{a}"), format!("d{b}"));
            report
                .overlaps
                .iter()
                .any(|o| o.a == a && o.b == b && o.similarity > 0.9)
        };
        assert!((0..inputs.len() - 5).all(|k| listed(k, k + 5)));
    }

    #[test]
    fn warming_ends_after_its_rounds_of_small_steps() {
        for whole in [true, false] {
            let mut warming = Warming::new(whole);
            let per_round = batch().len().div_ceil(STEP_DOCUMENTS) + 1;
            let mut steps = 1;
            while warming.step() {
                steps += 1;
                assert!(steps <= 2 * BATCH_ROUNDS * per_round, "no end");
            }
            assert_eq!(steps, BATCH_ROUNDS * per_round);
            assert!(!warming.step(), "nothing after the end");
        }
    }
}
