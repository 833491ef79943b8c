//! The analysis worker: receives inputs, runs the core, posts the report back.
//!
//! Reading a document and finding its mentions needs no other document, and is about half the
//! analysis of a batch. So the worker starts helpers (the same wasm, in nested workers named
//! [`HELPER`]), one for each core the browser reports beyond the first, up to [`MAX_HELPERS`]
//! (`?helpers=N` in the page's address overrides that, for benchmarks): each reads and
//! recognises its part of a large batch (`newslens_core::recognise_input`) while the worker does
//! its own, and sends its documents back in `newslens_core::wire` form; the worker then analyses
//! the whole batch (`newslens_core::analyse_recognised`), which gives the report the worker alone
//! would have given. A helper that fails is let go, and the worker reads its part itself.

use super::protocol::{self, set, Request};
use js_sys::{Array, Function, Promise, Uint8Array};
use newslens_core::report::{json_pieces, InputError, Report};
use newslens_core::{analyse_recognised, recognise_input, wire, Options, Recognised, Stage};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, Event, MessageEvent, Worker, WorkerOptions};

/// The name a helper worker is started with.
const HELPER: &str = "helper";

/// The most helpers a worker starts: each is another copy of the analysis' memory (~30 MB after
/// a thousand articles), and past a few, handing out the parts costs more than it saves.
const MAX_HELPERS: usize = 3;

/// Batches with fewer bytes than this are read by the worker alone: for a handful of articles
/// the messages would cost more than they save.
const SHARED_BATCH_BYTES: usize = 100_000;

/// Installs the message handler and tells the page the worker is ready (messages posted before
/// the wasm module has loaded would be dropped, so the page waits for this).
pub fn start() {
    newslens_core::ingest::decode::set_charsets(text_decoder);
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    if scope.name() == HELPER {
        return start_helper(scope);
    }
    let helpers: Rc<RefCell<Vec<Helper>>> = Rc::default();
    let (reply_to, shared) = (scope.clone(), helpers.clone());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if protocol::get_string(&data, "type").as_deref() != Some("analyse") {
            return;
        }
        // The page sends the next request only after this one's report, so analyses never
        // overlap, though this one waits for the helpers.
        let (reply_to, helpers) = (reply_to.clone(), shared.clone());
        wasm_bindgen_futures::spawn_local(async move {
            analyse(protocol::read_request(&data), &helpers, &reply_to).await;
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Ready means warm: the first batch then pays for no start-up. Messages posted meanwhile wait
    // in the queue. The warm-up's report goes with it, for the page to warm up in turn.
    let warm = newslens_core::warm_up();
    let ready = protocol::message("ready", 0);
    let transfer = attach_report(&ready, &warm);
    let _ = scope.post_message_with_transfer(&ready, &transfer);
    // Helpers start after the worker is ready, so they never delay the page; until they are
    // warm themselves, batches are read here alone.
    let (wanted, warm) = (helpers_wanted(&scope), Rc::new(Cell::new(0)));
    let on_ready = Rc::new(move || {
        // The page logs how many are ready (the tests wait for it).
        warm.set(warm.get() + 1);
        let message = protocol::message("helpers", 0);
        set(&message, "ready", warm.get());
        let _ = scope.post_message(&message);
    });
    helpers
        .borrow_mut()
        .extend((0..wanted).filter_map(|_| Helper::start(on_ready.clone()).ok()));
}

/// How many helpers to start: `helpers=N` in the worker's name (the page passes its address'),
/// or one for each core beyond the first (the page's own thread is mostly idle while the worker
/// analyses).
fn helpers_wanted(scope: &DedicatedWorkerGlobalScope) -> usize {
    let name = scope.name();
    if let Some(n) = name.strip_prefix("helpers=").and_then(|n| n.parse().ok()) {
        return usize::min(n, MAX_HELPERS);
    }
    let cores = scope.navigator().hardware_concurrency() as usize;
    cores.saturating_sub(1).min(MAX_HELPERS)
}

/// Analyses one request, sharing the reading of a large batch with the helpers that are ready,
/// and posts the report (with the stages' timings for the console).
async fn analyse(
    request: Request,
    helpers: &RefCell<Vec<Helper>>,
    reply_to: &DedicatedWorkerGlobalScope,
) {
    let (id, total) = (request.id, request.len);
    let progress = |stage: Stage| {
        let progress = protocol::message("progress", id);
        let text = format!("{} documents: {}…", total, stage.describe());
        set(&progress, "stage", text);
        let _ = reply_to.post_message(&progress);
    };
    let started = js_sys::Date::now();
    progress(Stage::Ingest);
    let (docs, stage) = recognise_all(&request, helpers).await;
    let mut last = (started, stage);
    let mut timings = Vec::new();
    let options = Options::default();
    let mut report = analyse_recognised(docs, &options, |stage| {
        let now = js_sys::Date::now();
        // With the wasm memory after the stage: which stage makes the worker's peak.
        let memory = protocol::wasm_memory_mb();
        // Whole numbers: formatting floats would add its code to the download.
        let ms = (now - last.0) as u64;
        timings.push(format!("{} {ms} ms ({memory} MB)", last.1));
        last = (now, stage.name().to_string());
        if stage != Stage::Done {
            progress(stage);
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
    let timings = format!("{}; worker memory {memory} MB", timings.join(", "));
    set(&reply, "timings", timings);
    let _ = reply_to.post_message_with_transfer(&reply, &transfer);
}

/// Reads and recognises every input, sharing a large batch with the helpers that are ready;
/// returns the documents in input order and the stage's name for the timings (how many workers
/// took part, and how long this one worked on its own part and then waited for theirs).
async fn recognise_all(
    request: &Request,
    helpers: &RefCell<Vec<Helper>>,
) -> (Vec<Recognised>, String) {
    let options = Options::default();
    let sizes = request.sizes();
    helpers.borrow_mut().retain(|h| !h.failed.get());
    let ready: Vec<Helper> = helpers
        .borrow()
        .iter()
        .filter(|h| h.ready.get())
        .cloned()
        .collect();
    let workers = match sizes.iter().sum::<usize>() {
        n if n < SHARED_BATCH_BYTES => 1,
        _ => ready.len() + 1,
    };
    let parts = newslens_core::shares(&sizes, workers);
    let Some((mine, theirs)) = parts.split_first() else {
        return (Vec::new(), "ingest+recognise".into());
    };
    // Every helper gets its part before the worker starts on its own (the first), so all work
    // at once; their replies wait in this worker's queue until it is done.
    let jobs: Vec<_> = theirs
        .iter()
        .zip(&ready)
        .map(|(range, helper)| {
            (
                range.clone(),
                helper.recognise(request.part("recognise", range.clone())),
            )
        })
        .collect();
    let started = js_sys::Date::now();
    let mut docs: Vec<Recognised> = request
        .inputs_in(mine.clone())
        .map(|input| recognise_input(&input, &options))
        .collect();
    let own = js_sys::Date::now();
    let mut slowest = 0.0f64;
    for (range, job) in jobs {
        match job.await {
            Some((theirs, ms)) if theirs.len() == range.len() => {
                request.let_go(range);
                docs.extend(theirs);
                slowest = slowest.max(ms);
            }
            _ => docs.extend(
                request
                    .inputs_in(range)
                    .map(|input| recognise_input(&input, &options)),
            ),
        }
    }
    let name = match parts.len() {
        1 => "ingest+recognise".into(),
        n => {
            let (own, waited) = ((own - started) as u64, (js_sys::Date::now() - own) as u64);
            let slowest = slowest as u64;
            format!(
                "ingest+recognise ({n} workers; own part {own} ms, then {waited} ms for theirs, \
                 the slowest of which worked {slowest} ms)"
            )
        }
    };
    (docs, name)
}

/// A helper worker, as the worker sees it.
#[derive(Clone)]
struct Helper {
    worker: Worker,
    /// Set by the helper's "ready" message.
    ready: Rc<Cell<bool>>,
    /// Set when the helper failed: it is let go.
    failed: Rc<Cell<bool>>,
    /// Resolves the current job's promise with the helper's reply (`undefined` if it failed).
    reply: Rc<RefCell<Option<Function>>>,
}

impl Helper {
    /// Starts a helper; `on_ready` is called once it is warm.
    fn start(on_ready: Rc<dyn Fn()>) -> Result<Helper, JsValue> {
        let options = WorkerOptions::new();
        options.set_name(HELPER);
        let helper = Helper {
            worker: Worker::new_with_options("./worker_loader.js", &options)?,
            ready: Rc::default(),
            failed: Rc::default(),
            reply: Rc::default(),
        };
        let (ready, reply) = (helper.ready.clone(), helper.reply.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            match protocol::get_string(&data, "type").as_deref() {
                Some("ready") => {
                    ready.set(true);
                    on_ready();
                }
                Some("recognised") => {
                    if let Some(resolve) = reply.borrow_mut().take() {
                        let _ = resolve.call1(&JsValue::UNDEFINED, &data);
                    }
                }
                _ => {}
            }
        });
        let (failed, reply, worker) = (
            helper.failed.clone(),
            helper.reply.clone(),
            helper.worker.clone(),
        );
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            // Handled here: the page is not told of an error it need not know about.
            event.prevent_default();
            failed.set(true);
            worker.terminate();
            if let Some(resolve) = reply.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        });
        helper
            .worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        helper
            .worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The helper lives as long as the page.
        on_message.forget();
        on_error.forget();
        Ok(helper)
    }

    /// Sends `request` now; the future gives the helper's documents and how long it worked on
    /// them (ms), or `None` when it failed.
    fn recognise(
        &self,
        request: js_sys::Object,
    ) -> impl std::future::Future<Output = Option<(Vec<Recognised>, f64)>> {
        let reply = self.reply.clone();
        let promise = Promise::new(&mut |resolve, _| *reply.borrow_mut() = Some(resolve));
        let sent = self.worker.post_message(&request).is_ok();
        if !sent {
            self.reply.borrow_mut().take();
        }
        async move {
            let data = JsFuture::from(promise).await.ok().filter(|_| sent)?;
            let bytes = protocol::get(&data, "data")
                .dyn_into::<Uint8Array>()
                .ok()?
                .to_vec();
            let worked = protocol::get(&data, "elapsed_ms").as_f64().unwrap_or(0.0);
            Some((wire::decode(&bytes)?, worked))
        }
    }
}

/// A helper: reads and recognises the parts of batches the worker sends it.
fn start_helper(scope: DedicatedWorkerGlobalScope) {
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if protocol::get_string(&data, "type").as_deref() != Some("recognise") {
            return;
        }
        let request = protocol::read_request(&data);
        let started = js_sys::Date::now();
        let options = Options::default();
        let docs: Vec<Recognised> = request
            .inputs()
            .map(|input| recognise_input(&input, &options))
            .collect();
        let bytes = Uint8Array::from(wire::encode(&docs).as_slice());
        drop(docs);
        let reply = protocol::message("recognised", request.id);
        set(&reply, "data", &bytes);
        set(&reply, "elapsed_ms", js_sys::Date::now() - started);
        let transfer = Array::of1(&bytes.buffer());
        let _ = reply_to.post_message_with_transfer(&reply, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    newslens_core::warm_up_recognising();
    let _ = scope.post_message(&protocol::message("ready", 0));
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
