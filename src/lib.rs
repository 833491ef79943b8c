//! The web layer: a Yew page that renders reports, and the Web Worker that runs the analysis.
//! Both exist only on wasm32; natively this crate is just the `analyse` command.

#[cfg(target_arch = "wasm32")]
pub mod web;
