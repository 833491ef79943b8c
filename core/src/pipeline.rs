//! Runs the stages in order over a batch of inputs.

use crate::ingest::{self, Article};
use crate::report::Report;
use crate::{compare, entities, quotes, report};

/// One file (or pasted text) as the user gave it.
#[derive(Clone, Debug)]
pub struct Input {
    /// The file name as given, or `pasted-N` for pasted text.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input {
            name: name.into(),
            bytes: bytes.into(),
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

/// Analyses a batch of inputs. Inputs that cannot be read become `errors` entries; the rest go on.
/// The result depends only on the inputs and their order (documents keep the input order).
pub fn analyse(inputs: &[Input], options: &Options) -> Report {
    let ingested = ingest::ingest_batch(inputs, options.raw);
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (input, result) in inputs.iter().zip(ingested) {
        match result {
            Ok(article) => articles.push(article),
            Err(error) => errors.push(report::InputError {
                name: input.name.clone(),
                error,
            }),
        }
    }
    let mut report = analyse_articles(articles);
    report.errors = errors;
    report
}

/// Analyses articles that are already extracted (the second half of [`analyse`]).
pub fn analyse_articles(articles: Vec<Article>) -> Report {
    let mentions: Vec<_> = articles
        .iter()
        .map(|a| entities::recognise(&a.text, a.published.as_deref()))
        .collect();
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let table = entities::resolve(&texts, mentions);
    let mut found_quotes: Vec<quotes::Quote> = texts
        .iter()
        .enumerate()
        .flat_map(|(doc, text)| quotes::extract(doc, text, &table))
        .collect();
    quotes::group(&texts, &mut found_quotes);
    let comparison = compare::compare(&texts, &table, &found_quotes);
    report::build(&articles, &table, &found_quotes, &comparison)
}
