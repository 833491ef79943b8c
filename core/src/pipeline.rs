//! Runs the stages in order over a batch of inputs.

use crate::entities::Mention;
use crate::ingest::{self, Article, Fate};
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

/// [`analyse`], calling `on_stage` as each stage starts (for progress and per-stage timing:
/// the core itself keeps no clock, which wasm32 lacks). Inputs may be given by value, one at a
/// time: each one's bytes go once it is read. Documents are read, then their mentions found, then
/// put together as a batch ([`Batch::new`]), as the page's workers do.
pub fn analyse_observed<I: Borrow<Input>>(
    inputs: impl IntoIterator<Item = I>,
    options: &Options,
    mut on_stage: impl FnMut(Stage),
) -> Report {
    on_stage(Stage::Ingest);
    let read: Vec<(String, Vec<String>, Result<Article, String>)> = inputs
        .into_iter()
        .map(|input| {
            let input = input.borrow();
            let article = ingest::ingest_one(input, options.raw);
            (input.name.clone(), input.keep.clone(), article)
        })
        .collect();
    on_stage(Stage::Recognise);
    let docs = read
        .into_iter()
        .map(|(name, keep, article)| Recognised {
            name,
            keep,
            result: article.map(|a| {
                let mentions = recognise(&a);
                (a, mentions)
            }),
        })
        .collect();
    let (batch, mentions) = Batch::new(docs, options);
    batch.analyse(mentions, &mut on_stage)
}

/// Analyses articles that are already extracted (the second half of [`analyse`]).
pub fn analyse_articles(articles: Vec<Article>) -> Report {
    let mentions = articles.iter().map(recognise).collect();
    let batch = Batch {
        articles,
        errors: Vec::new(),
    };
    batch.analyse(mentions, &mut |_| {})
}

fn recognise(article: &Article) -> Vec<Mention> {
    entities::recognise(&article.text, article.published.as_deref())
}

/// One input read and its mentions found: all that the analysis does with a document alone
/// ([`recognise_input`]), so that the page can spread it over several workers before one of them
/// puts the batch together ([`analyse_recognised`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Recognised {
    pub name: String,
    /// The input's [`Input::keep`].
    pub keep: Vec<String>,
    /// The article and its mentions, or why the input could not be read.
    pub result: Result<(Article, Vec<Mention>), String>,
}

/// What a report says of an input the analysis stopped on (a panic, a fault of News Lens) when a
/// front end left it out and analysed the rest (`analyse`, the page).
pub const LEFT_OUT: &str = "News Lens stopped on an error of its own while analysing this file, \
                            so it is left out; the other files are analysed.";

/// Reads one input and finds its mentions.
pub fn recognise_input(input: &Input, options: &Options) -> Recognised {
    let result = ingest::ingest_one(input, options.raw).map(|article| {
        let mentions = recognise(&article);
        (article, mentions)
    });
    Recognised {
        name: input.name.clone(),
        keep: input.keep.clone(),
        result,
    }
}

/// Splits a batch of inputs of these `sizes` (bytes) into at most `parts` runs of neighbours, of
/// as near the same number of bytes as whole inputs allow, for as many workers to run
/// [`recognise_input`] over; none is empty. Each run ends at the input that takes it past its
/// share of the bytes left, which balances even when one input outweighs the rest.
pub fn shares(sizes: &[usize], parts: usize) -> Vec<std::ops::Range<usize>> {
    shares_weighted(sizes, &vec![1; parts.max(1)])
}

/// [`shares`], run `i` taking bytes in proportion to `weights[i]` (one run per weight at most):
/// for workers that do other work besides.
pub fn shares_weighted(sizes: &[usize], weights: &[u32]) -> Vec<std::ops::Range<usize>> {
    let weights = if weights.is_empty() {
        &[1][..]
    } else {
        weights
    };
    let mut runs = Vec::new();
    let mut start = 0;
    let mut left: usize = sizes.iter().sum();
    while start < sizes.len() {
        let i = runs.len().min(weights.len() - 1);
        let parts_left = weights.len() - i;
        let weight_left: u64 = weights[i..].iter().map(|&w| u64::from(w)).sum();
        let share = (left as u64 * u64::from(weights[i])).div_ceil(weight_left.max(1)) as usize;
        let (mut end, mut bytes) = (start, 0);
        // Keep one input for each later part while there are inputs enough; the last part takes
        // what is left.
        let last = match parts_left {
            1 => sizes.len(),
            _ => sizes.len() - (parts_left - 1).min(sizes.len() - start - 1),
        };
        while end < last && (bytes < share || end == start || parts_left == 1) {
            bytes += sizes[end];
            end += 1;
        }
        left -= bytes;
        runs.push(start..end);
        start = end;
    }
    runs
}

/// The rest of the analysis of documents that [`recognise_input`] read, in input order: the same
/// report as [`analyse_observed`] gives for those inputs (see [`Batch`] for its steps, which a
/// caller with several threads can run side by side). `on_stage` is called from
/// [`Stage::Resolve`] on.
pub fn analyse_recognised(
    docs: Vec<Recognised>,
    options: &Options,
    mut on_stage: impl FnMut(Stage),
) -> Report {
    let (batch, mentions) = Batch::new(docs, options);
    batch.analyse(mentions, &mut on_stage)
}

/// Documents that [`recognise_input`] read, put together as a batch (the batch's own steps
/// done), for the rest of the analysis. Of that rest, [`compare::compare_texts`] over
/// [`Batch::texts`] needs only the texts and is the larger part; [`Batch::statements`] (entities
/// across documents, quotes and their speakers, the same statements across sources) is the
/// other. Neither needs the other, so they may run at once (in two threads, or two workers);
/// [`Batch::report`] then puts them together.
pub struct Batch {
    articles: Vec<Article>,
    errors: Vec<report::InputError>,
}

/// What [`Batch::statements`] finds.
pub struct Statements {
    table: entities::EntityTable,
    quotes: Vec<quotes::Quote>,
}

impl Batch {
    /// The documents in input order, and the mentions of each article (to give
    /// [`Batch::statements`]). Lines repeated across documents go (see `ingest::ingest_batch`),
    /// and the mentions found in a document before follow its text, but for those in the lines
    /// it lost: finding them again took the worker alone, for a batch of one outlet's articles
    /// that all lose a line, longer than all the workers' recognition together.
    pub fn new(docs: Vec<Recognised>, options: &Options) -> (Batch, Vec<Vec<Mention>>) {
        let (mut names, mut keeps) = (Vec::new(), Vec::new());
        let (mut results, mut mentions) = (Vec::new(), Vec::new());
        for doc in docs {
            names.push(doc.name);
            keeps.push(doc.keep);
            match doc.result {
                Ok((article, found)) => {
                    results.push(Ok(article));
                    mentions.push(found);
                }
                Err(e) => {
                    results.push(Err(e));
                    mentions.push(Vec::new());
                }
            }
        }
        if !options.raw {
            // Each article's mentions follow its text; those in the lines removed go with them.
            // One that ran into a removed line ("Tuesday, 1 March" over "2000 GMT") would have
            // been another mention without it: that article's mentions are found again.
            ingest::remove_repeated(&mut results, &keeps, |i, article, moved| {
                let mut cut = false;
                mentions[i].retain_mut(|m| match moved.span(m.start, m.end) {
                    Fate::Moved(span) => {
                        (m.start, m.end) = (span.start, span.end);
                        true
                    }
                    Fate::Removed => false,
                    Fate::Cut => {
                        cut = true;
                        false
                    }
                });
                if cut {
                    mentions[i] = recognise(article);
                }
            });
        }
        let (mut articles, mut kept, mut errors) = (Vec::new(), Vec::new(), Vec::new());
        for ((name, result), found) in names.into_iter().zip(results).zip(mentions) {
            match result {
                Ok(article) => {
                    articles.push(article);
                    kept.push(found);
                }
                Err(error) => errors.push(report::InputError { name, error }),
            }
        }
        (Batch { articles, errors }, kept)
    }

    /// The articles' texts, in order (what [`compare::compare_texts`] takes).
    pub fn texts(&self) -> Vec<&str> {
        self.articles.iter().map(|a| a.text.as_str()).collect()
    }

    /// Total bytes of the articles' texts.
    pub fn text_bytes(&self) -> usize {
        self.articles.iter().map(|a| a.text.len()).sum()
    }

    /// Resolves the `mentions` ([`Batch::new`]'s) into entities, finds the quotes and groups
    /// the same statements: [`Stage::Resolve`], [`Stage::Quotes`] and [`Stage::Group`].
    pub fn statements(
        &self,
        mentions: Vec<Vec<Mention>>,
        on_stage: &mut dyn FnMut(Stage),
    ) -> Statements {
        // The stages' work is in functions of its own (see [`find_quotes`]).
        let texts = self.texts();
        on_stage(Stage::Resolve);
        let table = resolve_entities(&texts, mentions);
        on_stage(Stage::Quotes);
        let mut found = find_quotes(&texts, &table);
        on_stage(Stage::Group);
        group_quotes(&texts, &mut found);
        Statements {
            table,
            quotes: found,
        }
    }

    /// The parts of the report that need no comparison of the texts (see [`report::Draft`]),
    /// from the batch's `statements`: made while the texts are compared elsewhere (no stage of
    /// its own; [`Batch::report`] finishes it).
    pub fn draft(&self, statements: &Statements) -> report::Draft {
        report::draft(&self.articles, &statements.table, &statements.quotes)
    }

    /// The report: its `draft` ([`Batch::draft`], made here if not given), finished with the
    /// [`compare::compare_texts`] of the batch's texts (to which it adds the facts of the
    /// `statements`): [`Stage::Report`] (the facts compared across sources, then the report),
    /// then [`Stage::Done`]. The statements and comparison are only borrowed: a caller in a
    /// hurry (the page's worker) lets go of them after it has sent the report on.
    pub fn report(
        &self,
        draft: Option<report::Draft>,
        statements: &Statements,
        comparison: &mut compare::Comparison,
        on_stage: &mut dyn FnMut(Stage),
    ) -> Report {
        on_stage(Stage::Report);
        let report = self.finish(draft, statements, comparison);
        on_stage(Stage::Done);
        report
    }

    /// [`Batch::report`]'s work, in a function of its own (see [`find_quotes`]).
    #[inline(never)]
    fn finish(
        &self,
        draft: Option<report::Draft>,
        statements: &Statements,
        comparison: &mut compare::Comparison,
    ) -> Report {
        let draft = draft.unwrap_or_else(|| self.draft(statements));
        let texts = self.texts();
        compare::compare_facts(comparison, &texts, &statements.table);
        let mut report = report::finish(draft, &self.articles, comparison);
        report.errors = self.errors.clone();
        report
    }

    /// All of it, one step after the other.
    fn analyse(self, mentions: Vec<Vec<Mention>>, on_stage: &mut dyn FnMut(Stage)) -> Report {
        let statements = self.statements(mentions, on_stage);
        on_stage(Stage::Compare);
        let mut comparison = compare::compare_texts(&self.texts());
        self.report(None, &statements, &mut comparison, on_stage)
    }
}

/// [`Stage::Resolve`]'s work (see [`find_quotes`]).
#[inline(never)]
fn resolve_entities(texts: &[&str], mentions: Vec<Vec<Mention>>) -> entities::EntityTable {
    entities::resolve(texts, mentions)
}

/// [`Stage::Quotes`]' work, in a function of its own, not in the one that reports the stages:
/// reporting a stage is an indirect call (`on_stage`), which the browser's optimising compiler
/// inlines for the callers it has seen (the warm-up's) and, when another comes (the page's
/// worker's), drops the optimised code of the whole function for its first compiler's. With the
/// stages' work inside it, a first large batch was resolved, its quotes found and grouped at
/// half speed (Chromium: 236–335 ms to resolve 2,225 articles, against 144 ms with that
/// inlining off; BENCHMARKS.md, session 28).
#[inline(never)]
fn find_quotes(texts: &[&str], table: &entities::EntityTable) -> Vec<quotes::Quote> {
    texts
        .iter()
        .enumerate()
        .flat_map(|(doc, text)| quotes::extract(doc, text, table))
        .collect()
}

/// [`Stage::Group`]'s work (see [`find_quotes`]).
#[inline(never)]
fn group_quotes(texts: &[&str], found: &mut [quotes::Quote]) {
    quotes::group(texts, found);
}

#[cfg(test)]
mod tests {
    use super::{shares, shares_weighted};

    #[test]
    fn weighted_shares_follow_their_weights() {
        assert_eq!(shares_weighted(&[10; 10], &[1, 4]), [0..2, 2..10]);
        assert_eq!(shares_weighted(&[10; 20], &[85, 100]), [0..10, 10..20]);
        assert_eq!(
            shares_weighted(&[10; 40], &[80, 100, 100]),
            [0..12, 12..26, 26..40]
        );
        assert_eq!(shares_weighted(&[10; 3], &[]), shares(&[10; 3], 1));
        // Equal weights are `shares`.
        let sizes: Vec<usize> = (0..37).map(|i| (i * 7919) % 101).collect();
        for parts in 1..6 {
            assert_eq!(
                shares_weighted(&sizes, &vec![7; parts]),
                shares(&sizes, parts)
            );
        }
    }

    #[test]
    fn shares_cover_the_batch_in_order_and_balance_its_bytes() {
        assert_eq!(shares(&[10; 8], 2), [0..4, 4..8]);
        assert_eq!(shares(&[10; 9], 3), [0..3, 3..6, 6..9]);
        // One big input: it goes alone, the rest share the other part.
        assert_eq!(shares(&[5, 100, 5, 5, 5], 2), [0..2, 2..5]);
        assert_eq!(shares(&[100, 1, 1, 1], 2), [0..1, 1..4]);
        // Fewer inputs than parts: one each.
        assert_eq!(shares(&[3, 4], 4), [0..1, 1..2]);
        let one = shares(&[7], 1);
        assert_eq!((one.len(), one[0].clone()), (1, 0..1));
        assert!(shares(&[], 3).is_empty());
        // Empty inputs still belong to some part.
        assert_eq!(shares(&[0, 0, 0, 0], 2), [0..1, 1..4]);
        for parts in 1..6 {
            let sizes: Vec<usize> = (0..37).map(|i| (i * 7919) % 101).collect();
            let runs = shares(&sizes, parts);
            assert_eq!(runs.len(), parts);
            assert_eq!(runs.first().unwrap().start, 0);
            assert_eq!(runs.last().unwrap().end, sizes.len());
            assert!(runs.windows(2).all(|w| w[0].end == w[1].start));
            let bytes: Vec<usize> = runs.iter().map(|r| sizes[r.clone()].iter().sum()).collect();
            let (most, least) = (bytes.iter().max().unwrap(), bytes.iter().min().unwrap());
            assert!(most - least <= 2 * 100, "{bytes:?}");
        }
    }
}
