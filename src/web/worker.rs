//! The analysis worker: receives inputs, runs the core, posts the report back.
//!
//! Reading a document and finding its mentions needs no other document, and is about half the
//! analysis of a batch. So the worker starts helpers (the same wasm, in nested workers named
//! [`HELPER`]), one for each core the browser reports beyond the first, up to [`MAX_HELPERS`]
//! (`?helpers=N` in the page's address overrides that, for benchmarks): each reads and
//! recognises its part of a large batch (`newslens_core::recognise_input`) while the worker does
//! its own, and sends its documents back in `newslens_core::wire` form; the worker then puts the
//! batch together (`newslens_core::Batch`). Of the rest, comparing the texts needs nothing but
//! the texts: a helper compares them (`newslens_core::compare::compare_texts`) while the worker
//! finds the entities and quotes (`Batch::statements`), and the worker then writes the report
//! (`Batch::report`), the one the worker alone would have written. A helper that fails is let
//! go, and the worker does its part itself.
//!
//! What was read and recognised of a file depends on that file alone, so the worker holds it,
//! by the page's id, for the analyses after: the page hands it the chunks of a large drop as they
//! are read ("read" messages, handled as the analyses are, with the helpers), and an analysis then
//! reads only the files it does not hold (removing one file of a large batch, or restoring a
//! line in one, reads none or one again). An analysis ends holding its own inputs only.

use super::protocol::{self, param, set, Request};
use js_sys::{Array, Function, Promise, Uint8Array};
use newslens_core::compare::{compare_texts, Comparison};
use newslens_core::report::{Draft, InputError, Report};
use newslens_core::{
    recognise_input, wire, Batch, Options, Recognised, Stage, Statements, Warming,
};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, Event, MessageEvent, Worker, WorkerOptions};

/// An input the page sent without its bytes that this worker does not hold (never met: the
/// page's account of what the worker holds is kept as the worker keeps its own).
const LOST: &str = "News Lens lost what it had read of this file: remove it and add it again.";

/// The name a helper worker is started with.
const HELPER: &str = "helper";

/// The most helpers a worker starts: each is another copy of the analysis' memory (~30 MB after
/// a thousand articles), and past a few, handing out the parts costs more than it saves.
const MAX_HELPERS: usize = 3;

/// Batches with fewer bytes than this are read and compared by the worker alone: for a handful
/// of articles the messages would cost more than they save.
const SHARED_BATCH_BYTES: usize = 100_000;

/// How much of a shared batch the worker reads itself, against each helper: it also hands the
/// helpers their parts first and puts the batch together after. With equal parts, on 2 cores,
/// its own part of the 2,225 BBC articles took 693 ms and the helper's 585 ms; with 85 against
/// 100, 505–584 ms and 618–643 ms (the helper also writes its part for the wire, and the worker
/// waited 60–162 ms for it to arrive); with 93, the wait was 19–88 ms.
const OWN_SHARE: u32 = 93;
const HELPER_SHARE: u32 = 100;

/// What the worker keeps between messages.
struct State {
    scope: DedicatedWorkerGlobalScope,
    helpers: RefCell<Vec<Helper>>,
    /// Messages not yet handled, in order. One is handled at a time: an analysis waits for its
    /// helpers, and the messages after it wait for the analysis.
    queue: RefCell<VecDeque<JsValue>>,
    busy: Cell<bool>,
    /// The inputs read and recognised before, by the page's id: those read ahead of an analysis
    /// (while the page was still reading a large drop), and those of the last analysis, for the
    /// next (a file removed or added to a large batch, or a line restored in one, then costs no
    /// reading of the others). An analysis ends holding its own inputs only; the page keeps the
    /// same account and sends the files held without their bytes.
    /// (A list, in the order the page sends them, which is mostly the order asked for next.)
    held: RefCell<Vec<(u32, Recognised)>>,
    /// `crash_on=NAME` (tests): a batch with a file of that name stops the worker as a fault in
    /// the analysis would.
    crash_on: Option<String>,
}

/// Installs the message handler and tells the page the worker is ready (messages posted before
/// the wasm module has loaded would be dropped, so the page waits for this).
pub fn start() {
    newslens_core::ingest::decode::set_charsets(text_decoder);
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let name = scope.name();
    let warm_rounds = param(&name, "warm_rounds").and_then(|n| n.parse().ok());
    if param(&name, HELPER).is_some() {
        return start_helper(scope, warm_rounds);
    }
    let state = Rc::new(State {
        scope: scope.clone(),
        helpers: RefCell::default(),
        queue: RefCell::default(),
        busy: Cell::new(false),
        held: RefCell::default(),
        crash_on: param(&name, "crash_on").map(String::from),
    });
    // A fault (a panic stops the wasm) in a promise's callback, where analyses go on, is no
    // error event for the page: the worker tells it.
    let crashed = {
        let scope = scope.clone();
        Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let reason = js_sys::Reflect::get(&event, &JsValue::from_str("reason"));
            let message = protocol::message("crashed", 0);
            set(
                &message,
                "error",
                format!("{:?}", reason.unwrap_or_default()),
            );
            let _ = scope.post_message(&message);
        })
    };
    let _ = scope
        .add_event_listener_with_callback("unhandledrejection", crashed.as_ref().unchecked_ref());
    crashed.forget();
    let shared = state.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        shared.queue.borrow_mut().push_back(event.data());
        if !shared.busy.replace(true) {
            handle_queue(shared.clone());
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Ready means warm: the first batch then pays for no start-up. Messages posted meanwhile wait
    // in the queue. The warm-up's report goes with it, for the page to warm up in turn.
    let warm = newslens_core::warm_up();
    let ready = protocol::message("ready", 0);
    set(&ready, "format", wire::FORMAT);
    let transfer = attach_binary(&ready, &warm);
    let _ = scope.post_message_with_transfer(&ready, &transfer);
    // Helpers start after the worker is ready, so they never delay the page; until they are
    // warm themselves, batches are read here alone.
    let (wanted, warm) = (helpers_wanted(&scope), Rc::new(Cell::new(0)));
    // The page logs how many are ready, of how many (the tests and benchmarks wait for all).
    let tell = move |ready: usize| {
        let message = protocol::message("helpers", 0);
        set(&message, "ready", ready);
        set(&message, "wanted", wanted);
        let _ = scope.post_message(&message);
    };
    if wanted == 0 {
        tell(0);
    }
    let on_ready = Rc::new(move || {
        warm.set(warm.get() + 1);
        tell(warm.get());
    });
    state
        .helpers
        .borrow_mut()
        .extend((0..wanted).filter_map(|_| Helper::start(on_ready.clone(), warm_rounds).ok()));
    let since = js_sys::Date::now();
    let warming = Warming::new(true).rounds(warm_rounds);
    later(0, move || warm_step(state, warming, since));
}

/// Runs the warm-up's second part ([`Warming`]) a step at a time, as tasks of their own: a
/// message that comes meanwhile waits for one step at most, and while one is handled (an analysis
/// may wait for its helpers over several tasks) the steps wait. Tells the page when done.
fn warm_step(state: Rc<State>, mut warming: Warming, since: f64) {
    if state.busy.get() {
        return later(50, move || warm_step(state, warming, since));
    }
    if warming.step() {
        return later(0, move || warm_step(state, warming, since));
    }
    let warmed = protocol::message("warmed", 0);
    set(&warmed, "elapsed_ms", js_sys::Date::now() - since);
    let _ = state.scope.post_message(&warmed);
}

#[wasm_bindgen]
extern "C" {
    /// The worker's `setTimeout`: a step then waits behind the messages already come.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32) -> JsValue;
}

/// Runs `step` as a task of its own, `ms` milliseconds from now at the soonest (after the
/// messages already waiting).
fn later(ms: i32, step: impl FnOnce() + 'static) {
    let step = Closure::once_into_js(step);
    set_timeout(step.unchecked_ref(), ms);
}

/// Handles the queued messages in order, until there are none. An analysis that waits for
/// helpers (their parts of its batch) goes on when they have all replied, and only then the
/// next message.
fn handle_queue(state: Rc<State>) {
    loop {
        let Some(data) = state.queue.borrow_mut().pop_front() else {
            state.busy.set(false);
            return;
        };
        let ahead = match protocol::get_string(&data, "type").as_deref() {
            Some("analyse") => false,
            Some("read") => true,
            _ => continue,
        };
        let started = js_sys::Date::now();
        let request = protocol::read_request(&data);
        if !ahead {
            state.progress(request.id, request.len, Stage::Ingest);
        }
        // The inputs held read already are not read again.
        let unread: Vec<usize> = (0..request.len).filter(|&i| !request.held(i)).collect();
        let unread = request.select(&unread);
        let reading = Reading::start(&unread, &state.ready_helpers());
        let replies = reading.replies();
        let go_on = Closure::once(move |replies: JsValue| {
            let read = reading.finish(&unread, &replies);
            if ahead {
                let docs = unread.ids.iter().copied().zip(read.docs);
                state.held.borrow_mut().extend(docs);
                return handle_queue(state);
            }
            let read = state.gather(&request, read);
            // (The files read were let go in `unread`, but this request shares them.)
            request.let_go(0..request.len);
            analyse(state, request, read, started);
        });
        // A callback rather than a future: the worker's download then carries no async
        // runtime. (Forgotten: a few bytes per message, once it has run.)
        let _ = replies.then(&go_on);
        go_on.forget();
        return;
    }
}

impl State {
    /// The helpers that are ready (those that failed are let go).
    fn ready_helpers(&self) -> Vec<Helper> {
        let mut helpers = self.helpers.borrow_mut();
        helpers.retain(|h| !h.failed.get());
        helpers.iter().filter(|h| h.ready.get()).cloned().collect()
    }

    /// All the documents of an analyse `request`, in order: those held, and those just `read`
    /// (the request's others). The worker then holds this request's inputs, and no others.
    fn gather(&self, request: &Request, read: Read) -> Read {
        let mut held: Vec<Option<(u32, Recognised)>> =
            self.held.take().into_iter().map(Some).collect();
        let (mut now_held, mut docs) = (Vec::new(), Vec::with_capacity(request.len));
        // Where the last one held was found: the next is most often right after it.
        let mut at = 0;
        let mut fresh = read.docs.into_iter();
        let mut were_held = 0;
        for i in 0..request.len {
            let id = request.ids.get(i).copied();
            let doc = match request.held(i) {
                true => {
                    were_held += 1;
                    let keep = request.keep(i);
                    // (An input read again with other restored lines is held twice: the one
                    // with these lines is wanted.)
                    let wanted = |entry: &Option<(u32, Recognised)>| {
                        let is = |(held_id, doc): &(u32, Recognised)| {
                            Some(*held_id) == id && doc.keep == keep
                        };
                        entry.as_ref().is_some_and(is)
                    };
                    let n = held.len();
                    let found = (at..n).chain(0..at).find(|&k| wanted(&held[k]));
                    let doc = found.and_then(|k| {
                        at = k + 1;
                        held[k].take().map(|(_, doc)| doc)
                    });
                    doc.unwrap_or_else(|| {
                        // The page sends a file without its bytes only when this worker holds
                        // it read: never met.
                        let name = request.name(i);
                        let result = Err(LOST.to_string());
                        Recognised { name, keep, result }
                    })
                }
                false => fresh
                    .next()
                    .expect("a document read for each input not held"),
            };
            if let Some(id) = id {
                now_held.push((id, doc.clone()));
            }
            docs.push(doc);
        }
        *self.held.borrow_mut() = now_held;
        let description = match were_held {
            0 => read.description,
            n => format!(
                "{} documents, {n} read before; {}",
                request.len, read.description
            ),
        };
        Read { docs, description }
    }

    fn progress(&self, id: u32, total: usize, stage: Stage) {
        let progress = protocol::message("progress", id);
        let text = format!("{} documents: {}…", total, stage.describe());
        set(&progress, "stage", text);
        let _ = self.scope.post_message(&progress);
    }
}

/// Analyses a batch whose documents are all `read`, posts the report (with the stages' timings
/// for the console), then handles the next message. The texts are compared by a helper when
/// one is ready and the batch is large enough, while this worker finds the statements; it
/// waits for the helper's comparison (or, if the helper fails, compares them itself) before
/// it writes the report.
fn analyse(state: Rc<State>, request: Request, read: Read, started: f64) {
    if let Some(name) = state.crash_on.as_deref().filter(|n| request.has_name(n)) {
        panic!("stopped on {name}, as the page's address asks (crash_on)");
    }
    let mut clock = Clock {
        id: request.id,
        total: request.len,
        started,
        last: (started, format!("ingest+recognise ({})", read.description)),
        timings: Vec::new(),
    };
    clock.lap("batch");
    let (batch, mentions) = Batch::new(read.docs, &Options::default());
    let helper = match batch.text_bytes() {
        n if n < SHARED_BATCH_BYTES => None,
        _ => state.ready_helpers().into_iter().next(),
    };
    let comparing = helper.map(|helper| {
        let texts = Uint8Array::from(wire::encode_texts(&batch.texts()).as_slice());
        let message = protocol::message("compare", request.id);
        set(&message, "data", &texts);
        helper.ask(&message, &Array::of1(&texts.buffer()))
    });
    let statements = batch.statements(mentions, &mut |stage| clock.stage(&state, stage));
    let Some(comparing) = comparing else {
        clock.stage(&state, Stage::Compare);
        let comparison = compare_texts(&batch.texts());
        let drafted = Drafted::new(batch, statements, &mut clock);
        return post_report(state, request, drafted, comparison, clock);
    };
    // What of the report needs no comparison is made while the helper compares: for 2,225
    // articles 38 ms the worker used to spend waiting, and the report after the comparison
    // went from 46 ms to 13–21.
    let drafted = Drafted::new(batch, statements, &mut clock);
    clock.stage(&state, Stage::Compare);
    let go_on = Closure::once(move |reply: JsValue| {
        let comparison = match helper_reply(&reply, wire::decode_comparison) {
            Some((comparison, worked)) => {
                clock.last.1 = format!("compare (by a helper in {} ms; waited)", worked as u64);
                comparison
            }
            None => compare_texts(&drafted.batch.texts()),
        };
        post_report(state, request, drafted, comparison, clock);
    });
    let _ = comparing.then(&go_on);
    go_on.forget();
}

/// A batch analysed but for the comparison of its texts, and its report's draft.
struct Drafted {
    batch: Batch,
    statements: Statements,
    draft: Draft,
}

impl Drafted {
    /// Drafts the report, timed as the worker's "report draft" step.
    fn new(batch: Batch, statements: Statements, clock: &mut Clock) -> Drafted {
        clock.lap("report draft");
        let draft = batch.draft(&statements);
        Drafted {
            batch,
            statements,
            draft,
        }
    }
}

/// Writes and posts the report, then handles the next message.
fn post_report(
    state: Rc<State>,
    request: Request,
    drafted: Drafted,
    mut comparison: Comparison,
    mut clock: Clock,
) {
    let Drafted {
        batch,
        statements,
        draft,
    } = drafted;
    let mut report = batch.report(Some(draft), &statements, &mut comparison, &mut |stage| {
        clock.stage(&state, stage)
    });
    report.errors.extend(
        request
            .rejected
            .into_iter()
            .map(|(name, error)| InputError { name, error }),
    );
    let reply = protocol::message("report", request.id);
    set(&reply, "elapsed_ms", js_sys::Date::now() - clock.started);
    clock.last.1 = "wire form".into();
    let transfer = attach_binary(&reply, &report);
    clock.lap("sent");
    let memory = protocol::wasm_memory_mb();
    let timings = format!("{}; worker memory {memory} MB", clock.timings.join(", "));
    set(&reply, "timings", timings);
    let _ = state.scope.post_message_with_transfer(&reply, &transfer);
    // Let go only now (the batch's entity table alone took ~7 ms), and before the next message,
    // which may start reading another batch here at once.
    drop((report, batch, statements, comparison));
    handle_queue(state);
}

/// Puts a report in its binary form (`wire::encode_report`: the page reads it several times
/// faster than it parsed the JSON) on `message` as `data`, a list of byte arrays each copied
/// out of the wasm memory as it is made; returns their buffers, to transfer.
fn attach_binary(message: &js_sys::Object, report: &Report) -> Array {
    let (pieces, buffers) = (Array::new(), Array::new());
    wire::encode_report(report, protocol::PIECE_BYTES, &mut |piece| {
        let piece = Uint8Array::from(piece);
        buffers.push(&piece.buffer());
        pieces.push(&piece);
    });
    set(message, "data", pieces);
    buffers
}

/// The stages of an analysis as they start: progress for the page, timings for the console.
struct Clock {
    id: u32,
    total: usize,
    started: f64,
    /// When the stage under way started, and its name.
    last: (f64, String),
    timings: Vec<String>,
}

impl Clock {
    fn stage(&mut self, state: &State, stage: Stage) {
        self.lap(stage.name());
        if stage != Stage::Done {
            state.progress(self.id, self.total, stage);
        }
    }

    /// Ends the step under way and starts `name` (a step of the worker's own: no progress).
    fn lap(&mut self, name: &str) {
        let now = js_sys::Date::now();
        // With the wasm memory after the step: which step makes the worker's peak.
        let memory = protocol::wasm_memory_mb();
        // Whole numbers: formatting floats would add its code to the download.
        let ms = (now - self.last.0) as u64;
        self.timings
            .push(format!("{} {ms} ms ({memory} MB)", self.last.1));
        self.last = (now, name.to_string());
    }
}

/// How many helpers to start: `helpers=N` in the worker's name (the page passes its address'),
/// or one for each core beyond the first (the page's own thread is mostly idle while the worker
/// analyses).
fn helpers_wanted(scope: &DedicatedWorkerGlobalScope) -> usize {
    if let Some(n) = param(&scope.name(), "helpers").and_then(|n| n.parse().ok()) {
        return usize::min(n, MAX_HELPERS);
    }
    let cores = scope.navigator().hardware_concurrency() as usize;
    cores.saturating_sub(1).min(MAX_HELPERS)
}

/// A request's inputs being read and recognised: this worker's part is done, the helpers'
/// parts are on their way.
struct Reading {
    own: Vec<Recognised>,
    /// Each helper's part and the promise of its reply.
    theirs: Vec<(Range<usize>, Promise)>,
    started: f64,
    own_done: f64,
}

/// What [`Reading`] gives: the documents in order, and a description for the timings (how
/// many workers took part, how long this one worked on its own part and then waited for
/// theirs).
struct Read {
    docs: Vec<Recognised>,
    description: String,
}

impl Reading {
    /// Hands the helpers that are ready their parts of the request's inputs (when they weigh
    /// enough to share) and reads this worker's part meanwhile.
    fn start(request: &Request, ready: &[Helper]) -> Reading {
        let sizes = request.sizes();
        let workers = match sizes.iter().sum::<usize>() {
            n if n < SHARED_BATCH_BYTES => 1,
            _ => ready.len() + 1,
        };
        let mut weights = vec![HELPER_SHARE; workers];
        weights[0] = OWN_SHARE;
        let parts = newslens_core::shares_weighted(&sizes, &weights);
        // Every helper gets its part before this worker starts on its own (the first), so all
        // work at once; their replies wait in this worker's queue until it is done.
        let theirs: Vec<(Range<usize>, Promise)> = parts
            .iter()
            .skip(1)
            .zip(ready)
            .map(|(part, helper)| {
                let message = request.part("recognise", part.clone());
                let reply = helper.ask(&message, &Array::new());
                (part.clone(), reply)
            })
            .collect();
        let started = js_sys::Date::now();
        let own = recognise(request, parts.first().cloned().unwrap_or_default());
        Reading {
            own,
            theirs,
            started,
            own_done: js_sys::Date::now(),
        }
    }

    /// The helpers' replies, all together.
    fn replies(&self) -> Promise {
        Promise::all(&self.theirs.iter().map(|(_, p)| p).collect::<Array>())
    }

    /// The documents, the helpers' from their `replies` (or read here if a helper failed).
    fn finish(self, request: &Request, replies: &JsValue) -> Read {
        let replies: Array = replies.clone().dyn_into().unwrap_or_default();
        let mut docs = self.own;
        let mut slowest = 0.0f64;
        for (i, (part, _)) in self.theirs.iter().enumerate() {
            match helper_reply(&replies.get(i as u32), wire::decode) {
                Some((theirs, worked)) if theirs.len() == part.len() => {
                    request.let_go(part.clone());
                    docs.extend(theirs);
                    slowest = slowest.max(worked);
                }
                _ => docs.extend(recognise(request, part.clone())),
            }
        }
        let description = match self.theirs.len() + 1 {
            1 => format!("{} documents", request.len),
            n => format!(
                "{} documents, {n} workers; own part {} ms, then {} ms for theirs, the slowest \
                 of which worked {} ms",
                request.len,
                (self.own_done - self.started) as u64,
                (js_sys::Date::now() - self.own_done) as u64,
                slowest as u64
            ),
        };
        Read { docs, description }
    }
}

/// A helper's reply: its `data` decoded, and how long the helper worked on it (ms); `None` when
/// the helper failed (the reply is `undefined`) or sent what `decode` refuses.
fn helper_reply<T>(reply: &JsValue, decode: impl FnOnce(&[u8]) -> Option<T>) -> Option<(T, f64)> {
    let bytes = protocol::get(reply, "data").dyn_into::<Uint8Array>().ok()?;
    let value = decode(&bytes.to_vec())?;
    let worked = protocol::get(reply, "elapsed_ms").as_f64().unwrap_or(0.0);
    Some((value, worked))
}

/// Reads and recognises these inputs, here.
fn recognise(request: &Request, part: Range<usize>) -> Vec<Recognised> {
    let options = Options::default();
    let docs = request.inputs_in(part);
    docs.map(|input| recognise_input(&input, &options))
        .collect()
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
    /// Starts a helper; `on_ready` is called once it is warm (`warm_rounds`: see
    /// [`Warming::rounds`]).
    fn start(on_ready: Rc<dyn Fn()>, warm_rounds: Option<usize>) -> Result<Helper, JsValue> {
        let options = WorkerOptions::new();
        match warm_rounds {
            Some(n) => options.set_name(&format!("{HELPER}&warm_rounds={n}")),
            None => options.set_name(HELPER),
        }
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
                Some("recognised" | "compared") => {
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

    /// Sends `message` now (with the buffers in `transfer`); the promise resolves with the
    /// helper's reply, or with `undefined` when the helper fails.
    fn ask(&self, message: &js_sys::Object, transfer: &Array) -> Promise {
        let reply = self.reply.clone();
        let promise = Promise::new(&mut |resolve, _| *reply.borrow_mut() = Some(resolve));
        if self
            .worker
            .post_message_with_transfer(message, transfer)
            .is_err()
        {
            self.reply.borrow_mut().take();
            return Promise::resolve(&JsValue::UNDEFINED);
        }
        promise
    }
}

/// A helper: reads and recognises the parts of batches the worker sends it, and compares the
/// texts of batches.
fn start_helper(scope: DedicatedWorkerGlobalScope, warm_rounds: Option<usize>) {
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let started = js_sys::Date::now();
        let (kind, bytes) = match protocol::get_string(&data, "type").as_deref() {
            Some("recognise") => {
                let request = protocol::read_request(&data);
                let docs = recognise(&request, 0..request.len);
                ("recognised", wire::encode(&docs))
            }
            Some("compare") => {
                let texts = protocol::get(&data, "data").dyn_into::<Uint8Array>();
                let texts = texts.ok().and_then(|t| wire::decode_texts(&t.to_vec()));
                // The worker only sends texts in wire form. Were they not, returning without a
                // reply would leave it waiting for ever: the helper fails instead, and the worker
                // compares the texts itself.
                let texts = texts.expect("texts in wire form");
                let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                ("compared", wire::encode_comparison(&compare_texts(&texts)))
            }
            _ => return,
        };
        let bytes = Uint8Array::from(bytes.as_slice());
        let id = protocol::get(&data, "id").as_f64().unwrap_or(0.0) as u32;
        let reply = protocol::message(kind, id);
        set(&reply, "data", &bytes);
        set(&reply, "elapsed_ms", js_sys::Date::now() - started);
        let transfer = Array::of1(&bytes.buffer());
        let _ = reply_to.post_message_with_transfer(&reply, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    newslens_core::warm_up_parts();
    let _ = scope.post_message(&protocol::message("ready", 0));
    // Its messages are handled as they come, each to its end: a step of the warm-up's second
    // part runs between two of them.
    fn step(mut warming: Warming) {
        if warming.step() {
            later(0, move || step(warming));
        }
    }
    later(0, move || step(Warming::new(false).rounds(warm_rounds)));
}

/// Legacy charsets through the browser's own decoder (the Encoding Standard, as encoding_rs
/// implements it natively), so the download carries no charset tables.
fn text_decoder(label: &str, bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
