//! Runs the stages in order over a batch of inputs.

use crate::ingest::{self, Article};
use crate::report::Report;
use crate::{compare, entities, quotes, report};
use std::borrow::Borrow;

/// One file (or pasted text) as the user gave it.
#[derive(Clone, Debug)]
pub struct Input {
    /// The file name as given, or `pasted-N` for pasted text.
    pub name: String,
    pub bytes: Vec<u8>,
    /// Lines the person restored: cleaning keeps them in the body although it would remove them
    /// (each as its `removed` entry shows it).
    pub keep: Vec<String>,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input {
            name: name.into(),
            bytes: bytes.into(),
            keep: Vec::new(),
        }
    }
}

/// How to analyse a batch.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Treat every input as clean body text: no extraction and no boilerplate removal, so that
    /// report offsets index the file's own characters (after decoding).
    pub raw: bool,
}

/// A stage of the pipeline, announced to an observer as it starts (see [`analyse_observed`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Ingest,
    Recognise,
    Resolve,
    Quotes,
    Group,
    Compare,
    Report,
    Done,
}

impl Stage {
    /// A short name for timings.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Ingest => "ingest",
            Stage::Recognise => "recognise",
            Stage::Resolve => "resolve",
            Stage::Quotes => "quotes",
            Stage::Group => "group",
            Stage::Compare => "compare",
            Stage::Report => "report",
            Stage::Done => "done",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Stage::Ingest => "reading and cleaning the documents",
            Stage::Recognise => "finding names, places, dates and numbers",
            Stage::Resolve => "merging spellings across sources",
            Stage::Quotes => "finding quotes and speakers",
            Stage::Group => "matching statements across sources",
            Stage::Compare => "comparing the sources",
            Stage::Report => "writing the report",
            Stage::Done => "done",
        }
    }
}

/// Analyses a batch of inputs. Inputs that cannot be read become `errors` entries; the rest go on.
/// The result depends only on the inputs and their order (documents keep the input order).
pub fn analyse(inputs: &[Input], options: &Options) -> Report {
    analyse_observed(inputs, options, |_| {})
}

/// Builds everything the analysis builds once per process (gazetteer, tagger weights, patterns,
/// word statistics) by analysing a made-up article (`warm_up.txt`), as text and as a web page,
/// so that the first real batch does not wait for it. The page's worker calls this while the
/// person is still choosing files. The article is long and varied on purpose: the regex engine
/// builds its automata's states as text needs them, and a browser optimises the wasm functions
/// whose loops have run long enough. Returns the warm-up's report, for the page to warm up its
/// own reading and rendering of reports.
pub fn warm_up() -> Report {
    let text = include_str!("warm_up.txt");
    let paragraphs: String = text.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<html><head><title>Harbour strike ends</title></head><body><nav>Home | World</nav>\
         <article>{paragraphs}</article><footer>Contact us</footer></body></html>"
    );
    let inputs = [Input::new("a.txt", text), Input::new("b.html", html)];
    let mut report = analyse(&inputs, &Options::default());
    for _ in 1..WARM_UP_ROUNDS {
        report = analyse(&inputs, &Options::default());
    }
    report
}

/// In the browser, 8 rounds against 4 took five articles' analysis from 20–54 to 15–29 ms (the
/// browser optimises more of the code before the first batch) for ~100 ms more before the page
/// is ready (0.6–0.9 s after it opens).
const WARM_UP_ROUNDS: usize = 8;

/// [`analyse`], calling `on_stage` as each stage starts (for progress and per-stage timing:
/// the core itself keeps no clock, which wasm32 lacks). Inputs may be given by value, one at a
/// time: each one's bytes go once it is read (see [`ingest::ingest_each`]).
pub fn analyse_observed<I: Borrow<Input>>(
    inputs: impl IntoIterator<Item = I>,
    options: &Options,
    mut on_stage: impl FnMut(Stage),
) -> Report {
    on_stage(Stage::Ingest);
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (name, result) in ingest::ingest_each(inputs, options.raw) {
        match result {
            Ok(article) => articles.push(article),
            Err(error) => errors.push(report::InputError { name, error }),
        }
    }
    let mut report = analyse_articles_observed(articles, &mut on_stage);
    report.errors = errors;
    report
}

/// Analyses articles that are already extracted (the second half of [`analyse`]).
pub fn analyse_articles(articles: Vec<Article>) -> Report {
    analyse_articles_observed(articles, &mut |_| {})
}

fn analyse_articles_observed(articles: Vec<Article>, on_stage: &mut impl FnMut(Stage)) -> Report {
    on_stage(Stage::Recognise);
    let mentions: Vec<_> = articles
        .iter()
        .map(|a| entities::recognise(&a.text, a.published.as_deref()))
        .collect();
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    on_stage(Stage::Resolve);
    let table = entities::resolve(&texts, mentions);
    on_stage(Stage::Quotes);
    let mut found_quotes: Vec<quotes::Quote> = texts
        .iter()
        .enumerate()
        .flat_map(|(doc, text)| quotes::extract(doc, text, &table))
        .collect();
    on_stage(Stage::Group);
    quotes::group(&texts, &mut found_quotes);
    on_stage(Stage::Compare);
    let comparison = compare::compare(&texts, &table, &found_quotes);
    on_stage(Stage::Report);
    let report = report::build(&articles, &table, &found_quotes, &comparison);
    on_stage(Stage::Done);
    report
}
