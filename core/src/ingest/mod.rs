//! Ingest: from the bytes of a file to a clean article body with its metadata.

use crate::pipeline::Input;
use serde::Serialize;

/// Why a line or block was removed from the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    SocialPrompt,
    Newsletter,
    RelatedLinks,
    CommentForm,
    AuthorBio,
    TrackingId,
    ShareHint,
    Navigation,
    RepeatedAcrossBatch,
    Metadata,
    Other,
}

/// A piece of the input left out of the body, kept so a person can see and restore it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovalReason,
}

/// An article as the analysis sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub name: String,
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// ISO date (`2023-11-22`).
    pub published: Option<String>,
    /// The cleaned body: every report offset points into it.
    pub text: String,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
}

/// Inputs larger than this are refused with a message (the page and `analyse` both apply it).
pub const MAX_INPUT_BYTES: usize = 50_000_000;

/// Reads every input. An input that cannot be read gives an error message for that input alone.
/// With `raw`, each input's decoded text is the body as it is.
pub fn ingest_batch(inputs: &[Input], raw: bool) -> Vec<Result<Article, String>> {
    inputs
        .iter()
        .map(|input| {
            let text = String::from_utf8_lossy(&input.bytes).into_owned();
            let text = if raw { text } else { text.trim().to_string() };
            Ok(Article {
                name: input.name.clone(),
                text,
                ..Article::default()
            })
        })
        .collect()
}
