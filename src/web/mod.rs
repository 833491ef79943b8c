//! The page: a thin Yew layer that sends inputs to the analysis worker and renders its report.
//!
//! * [`worker`] runs in a Web Worker: it receives files, runs `newslens_core::analyse` and posts
//!   the report back as report-v1 JSON (the very bytes "Export JSON" downloads).
//! * [`app`] owns the page state (inputs, report, status) in one place and passes it down.
//! * [`components`] render a report; they hold no state of their own beyond UI toggles.
//! * [`store`] keeps every input in IndexedDB as it arrives, so a reload or crash loses nothing.

pub mod app;
pub mod components;
mod download;
pub mod protocol;
pub mod store;
pub mod worker;
