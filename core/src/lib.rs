//! The news-article analysis pipeline, with no web dependencies.
//!
//! Bytes go in, a [`report::Report`] comes out. The stages, each in its own module, are:
//!
//! 1. [`ingest`]: sniff the format, decode the bytes, extract the article body and its metadata,
//!    and remove boilerplate (keeping what was removed, and why).
//! 2. [`text`]: shared segmentation (words, sentences) and offset helpers every later stage uses.
//! 3. [`entities`]: recognise mentions in each document, then resolve them into entities across
//!    all documents.
//! 4. [`quotes`]: find quotations, attribute them to entities, group the same statement across
//!    documents.
//! 5. [`compare`]: pairwise overlap, shared passages, similarity, facts, what only one source says.
//!
//! Every stage works on byte offsets into the cleaned text of a document; [`report`] converts them
//! to the character offsets of the public format at the very end. Nothing here panics on user
//! input: a file that cannot be read becomes an entry in `errors`.

pub mod compare;
pub mod entities;
pub mod export;
pub mod ingest;
mod pipeline;
pub mod quotes;
pub mod report;
mod tally;
pub mod text;
mod unicode_tables;
mod warm_up;
pub mod wire;

pub use pipeline::{
    analyse, analyse_articles, analyse_observed, analyse_recognised, recognise_input, shares,
    shares_weighted, Batch, Input, Options, Recognised, Stage, Statements, LEFT_OUT,
};
pub use warm_up::{warm_up, warm_up_parts, Warming};
