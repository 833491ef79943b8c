//! Panes that render the report. Each takes the report (or inputs) as properties and keeps no
//! state beyond its own UI toggles.

mod documents;
mod entities;
mod input_panel;
mod overlaps;
mod quotes;
mod reading;
mod snippet;

pub use documents::DocumentList;
pub use entities::EntityTable;
pub use input_panel::InputPanel;
use newslens_core::report::Report;
pub use overlaps::OverlapList;
pub use quotes::QuoteList;
pub use reading::ReadingView;
use std::ops::Deref;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::{Callback, TargetCast, UseStateHandle};

/// A callback that sets `state` to what `read` reads from the form control the event came from.
fn set_from<E: TargetCast + 'static, T: 'static>(
    state: &UseStateHandle<T>,
    read: fn(&HtmlInputElement) -> T,
) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |e: E| state.set(read(&e.target_unchecked_into())))
}

/// The report as the panes take it: shared, and equal only to itself. Yew compares properties on
/// every render of the page, and comparing two reports field by field (a report has floats, so
/// `Rc`'s pointer shortcut does not apply) took tens of milliseconds for thousands of documents.
#[derive(Clone)]
pub struct SharedReport(pub Rc<Report>);

impl PartialEq for SharedReport {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedReport {
    type Target = Report;

    fn deref(&self) -> &Report {
        &self.0
    }
}
