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
use yew::{
    function_component, hook, html, use_effect_with, use_state, Callback, Html, Properties,
    TargetCast, UseStateHandle,
};

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

/// How many rows a long list shows: `first` in the pane's first paint, `all` from the task after
/// that paint. The first screenful appears without waiting for the DOM of the whole list.
#[hook]
fn use_rows_after_paint(first: usize, all: usize) -> usize {
    let shown = use_state(|| first);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            // The frame callback runs just before the paint; the timeout it sets, after it.
            let frame = gloo::render::request_animation_frame(move |_| {
                gloo::timers::callback::Timeout::new(0, move || shown.set(all)).forget();
            });
            move || drop(frame)
        });
    }
    *shown
}

/// Renders each pane once for `report` (the worker's warm-up report) into an element outside the
/// page, then removes them. The browser compiles the interface's wasm functions as they first
/// run, which cost a person's first report tens of milliseconds; this way the warm-up pays it.
/// `done` is called once they are removed.
pub fn warm_up(report: SharedReport, done: Callback<()>) {
    let Ok(root) = gloo::utils::document().create_element("div") else {
        return done.emit(());
    };
    let panes =
        yew::Renderer::<AllPanes>::with_root_and_props(root, PanesProps { report }).render();
    gloo::timers::callback::Timeout::new(0, move || {
        panes.destroy();
        done.emit(());
    })
    .forget();
}

#[derive(Properties, PartialEq)]
struct PanesProps {
    report: SharedReport,
}

#[function_component(AllPanes)]
fn all_panes(props: &PanesProps) -> Html {
    let report = &props.report;
    html! {
        <>
            <ReadingView report={report.clone()} />
            <EntityTable report={report.clone()} />
            <QuoteList report={report.clone()} />
            <OverlapList report={report.clone()} />
        </>
    }
}
