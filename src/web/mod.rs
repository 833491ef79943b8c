//! The page: a thin Yew layer that sends inputs to the analysis worker and renders its report.
//!
//! * [`worker`] runs in a Web Worker: it receives files, runs the analysis (with helper workers
//!   sharing the reading and the comparison) and posts the report back in binary form
//!   ([`protocol`]; the page writes the report-v1 JSON itself when it is exported).
//! * [`app`] owns the page state (inputs, report, status) in one place and passes it down.
//! * [`read`] reads the files a person dropped, a chunk at a time.
//! * [`components`] render a report; they hold no state of their own beyond UI toggles.
//! * [`store`] keeps every input in IndexedDB as it arrives, so a reload or crash loses nothing.

pub mod app;
pub mod components;
mod download;
pub mod protocol;
mod read;
pub mod store;
pub mod worker;
