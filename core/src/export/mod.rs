//! Other renderings of a report, for people who keep or share the analysis: CSV tables for
//! spreadsheets and a self-contained HTML page that opens anywhere without the app.
//! Pure functions of a [`Report`](crate::report::Report): the page and the tests use the same code.

mod csv;
mod html;

pub use csv::{entities_csv, overlaps_csv, quotes_csv};
pub use html::html_report;

use crate::report::Report;

/// A document's label for people: its title, else its file name.
fn doc_label<'a>(report: &'a Report, id: &'a str) -> &'a str {
    report
        .document(id)
        .map(|d| {
            d.title
                .as_deref()
                .filter(|t| !t.is_empty())
                .unwrap_or(&d.name)
        })
        .unwrap_or(id)
}
