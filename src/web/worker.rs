//! The analysis worker: receives inputs, runs the core, posts the report back.

use super::protocol::{self, set};
use newslens_core::report::{json_pieces, InputError, Report};
use newslens_core::{analyse_observed, Options, Stage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Installs the message handler and tells the page the worker is ready (messages posted before
/// the wasm module has loaded would be dropped, so the page waits for this).
pub fn start() {
    newslens_core::ingest::decode::set_charsets(text_decoder);
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if protocol::get_string(&data, "type").as_deref() != Some("analyse") {
            return;
        }
        let request = protocol::read_request(&data);
        let (id, total) = (request.id, request.len);
        let started = js_sys::Date::now();
        let mut timings = Vec::new();
        let mut last = (started, "");
        let mut report = analyse_observed(request.inputs(), &Options::default(), |stage| {
            let now = js_sys::Date::now();
            if !last.1.is_empty() {
                // With the wasm memory after the stage: which stage makes the worker's peak.
                let memory = protocol::wasm_memory_mb();
                timings.push(format!(
                    "{} {:.0} ms ({memory:.0} MB)",
                    last.1,
                    now - last.0
                ));
            }
            last = (now, stage.name());
            if stage != Stage::Done {
                let progress = protocol::message("progress", id);
                set(
                    &progress,
                    "stage",
                    format!("{} documents: {}…", total, stage.describe()),
                );
                let _ = reply_to.post_message(&progress);
            }
        });
        report.errors.extend(
            request
                .rejected
                .into_iter()
                .map(|(name, error)| InputError { name, error }),
        );
        let reply = protocol::message("report", id);
        set(&reply, "elapsed_ms", js_sys::Date::now() - started);
        let transfer = attach_report(&reply, &report);
        let memory = protocol::wasm_memory_mb();
        set(
            &reply,
            "timings",
            format!("{}; worker memory {memory:.0} MB", timings.join(", ")),
        );
        let _ = reply_to.post_message_with_transfer(&reply, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Ready means warm: the first batch then pays for no start-up. Messages posted meanwhile wait
    // in the queue. The warm-up's report goes with it, for the page to warm up in turn.
    let warm = newslens_core::warm_up();
    let ready = protocol::message("ready", 0);
    let transfer = attach_report(&ready, &warm);
    let _ = scope.post_message_with_transfer(&ready, &transfer);
}

/// Puts a report's JSON pieces on `message` (or, when they cannot be made, why); returns the
/// buffers to transfer with it.
fn attach_report(message: &js_sys::Object, report: &Report) -> js_sys::Array {
    match json_pieces(report, protocol::PIECE_BYTES) {
        Ok(pieces) => protocol::ReportPieces::write(message, &pieces),
        Err(e) => {
            set(
                message,
                "error",
                format!("could not encode the report: {e}"),
            );
            js_sys::Array::new()
        }
    }
}

/// Legacy charsets through the browser's own decoder (the Encoding Standard, as encoding_rs
/// implements it natively), so the download carries no charset tables.
fn text_decoder(label: &str, bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
