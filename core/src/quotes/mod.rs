//! Quotations: find them, attribute them to a speaker, and group the same statement across
//! documents.

use crate::entities::EntityTable;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole statement.
    Direct,
    /// A few quoted words inside the reporter's sentence.
    Partial,
    /// Quote marks that attribute nothing: irony, a title, a term.
    Scare,
}

/// One quotation in one document. Spans are byte offsets into the document text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub doc: usize,
    /// The quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Index into [`EntityTable::entities`].
    pub speaker: Option<usize>,
    /// The span that names the speaker for this quote ("he", "the Serbian president").
    pub speaker_mention: Option<(usize, usize)>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// Quotes with the same group render the same statement.
    pub group: Option<usize>,
}

/// Finds the quotations of one document.
pub fn extract(doc: usize, text: &str, entities: &EntityTable) -> Vec<Quote> {
    let _ = entities;
    // Placeholder: text between typographic double quotes.
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i + c.len_utf8()),
            ('”', Some(s)) => {
                out.push(Quote {
                    doc,
                    start: s,
                    end: i,
                    kind: QuoteKind::Direct,
                    speaker: None,
                    speaker_mention: None,
                    cue: None,
                    group: None,
                });
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Gives quotes that render the same statement in different documents the same `group`.
pub fn group(texts: &[&str], quotes: &mut [Quote]) {
    let _ = (texts, quotes);
}
