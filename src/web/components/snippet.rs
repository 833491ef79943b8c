//! Slicing report text by character offsets (the report's unit) for display.

use newslens_core::report::{Document, Report};
use newslens_core::text::word_diff;
use newslens_core::text::CharOffsets;
use yew::prelude::*;

/// A passage with up to `context` characters either side, for showing a span in its sentence
/// (`offsets`: the text's).
pub fn in_context<'t>(
    offsets: &CharOffsets,
    text: &'t str,
    start: usize,
    end: usize,
    context: usize,
) -> (&'t str, &'t str, &'t str) {
    let before_start = start.saturating_sub(context);
    (
        offsets.slice(text, before_start, start),
        offsets.slice(text, start, end),
        offsets.slice(text, end, end + context),
    )
}

pub fn document<'a>(report: &'a Report, id: &str) -> Option<&'a Document> {
    report.document(id)
}

/// A short label for a document: its title, else its file name.
pub fn label(report: &Report, id: &str) -> String {
    document(report, id)
        .map(|d| {
            d.title
                .clone()
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| d.name.clone())
        })
        .unwrap_or_else(|| id.to_string())
}

/// `text` with the words that `other` words differently marked.
pub fn diff_marked(text: &str, other: &str) -> Html {
    html! {
        <>{ for word_diff(text, other).into_iter().map(|p| if p.shared {
            html! { <>{ p.text }</> }
        } else {
            html! { <mark class="diff" title="worded differently in the other source">{ p.text }</mark> }
        }) }</>
    }
}
