//! The root component: owns the inputs, the report and the worker, and wires the panes.

use super::components::{
    DocumentList, EntityTable, InputPanel, OverlapList, QuoteList, ReadingView, SharedReport,
};
use super::protocol::{self, PageInput};
use super::read::{read_files, Chosen, FilesRead};
use super::{download, store};
use newslens_core::report::Report;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

/// Registers the offline service worker and mounts the app on the page body.
pub fn start() {
    // Without a service worker (a private window, an old browser) the page still works online.
    let _ = gloo::utils::window()
        .navigator()
        .service_worker()
        .register("./sw.js");
    yew::Renderer::<App>::new().render();
}

pub enum Msg {
    /// Dropped folders are being walked for their files (which come as `Files`).
    Opening,
    /// Files chosen in the picker or dropped on the page, with the count of "Clear all"s when
    /// they were (a folder's files come once it has been walked).
    Files(u32, Chosen),
    /// A chunk of files has been read (each, or why it could not be), by input id.
    FilesRead(FilesRead),
    /// Text pasted into the paste box and added.
    Paste(String),
    /// An input has been stored (or storing failed).
    Stored {
        id: u32,
        key: Result<u32, String>,
    },
    /// The inputs saved by an earlier visit.
    Restored(Result<Vec<PageInput>, String>),
    Remove(u32),
    StoreFailed(String),
    /// Keep (`true`) or again remove (`false`) a line cleaning took out of an input.
    Restore(u32, String, bool),
    ClearAll,
    /// The worker is warm; its warm-up report comes along, in binary form (see
    /// [`super::components::warm_up`]).
    WorkerReady(Option<Vec<u8>>),
    /// The interface has warmed up too: the page is ready.
    Warm,
    /// The worker is of another build than the page (what it sends could not be read).
    WorkerStale,
    /// The worker of this generation stopped on a fault in the analysis (a panic), and why.
    WorkerCrashed(u32, String),
    WorkerProgress(String),
    /// A report, in binary form (`newslens_core::wire::encode_report`), or why there is none.
    WorkerReport {
        id: u32,
        report: Result<Vec<u8>, String>,
        elapsed_ms: f64,
    },
    /// Show the report that has been read.
    Show,
    Export(Export),
    Tab(Tab),
    /// Load the sample articles (written for this project) to try the page.
    Sample,
}

/// What "Export" can save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Json,
    EntitiesCsv,
    QuotesCsv,
    OverlapsCsv,
    Html,
}

/// The views of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Read,
    Entities,
    Quotes,
    Overlaps,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Read, Tab::Entities, Tab::Quotes, Tab::Overlaps];
    fn label(self) -> &'static str {
        match self {
            Tab::Read => "Read",
            Tab::Entities => "Entities",
            Tab::Quotes => "Quotes",
            Tab::Overlaps => "Overlaps",
        }
    }
    fn id(self) -> &'static str {
        match self {
            Tab::Read => "tab-read",
            Tab::Entities => "tab-entities",
            Tab::Quotes => "tab-quotes",
            Tab::Overlaps => "tab-overlaps",
        }
    }

    /// The tab a key moves to from this one (arrows wrap; Home and End go to the ends), as the
    /// WAI-ARIA tabs pattern has it.
    fn after_key(self, key: &str) -> Option<Tab> {
        let n = Tab::ALL.len();
        let i = Tab::ALL.iter().position(|t| *t == self)?;
        let next = match key {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return None,
        };
        Some(Tab::ALL[next])
    }
}

/// Three short articles on one made-up story, written for this project's tests.
const SAMPLES: [(&str, &[u8]); 3] = [
    (
        "harbour-strike-wire.txt",
        include_bytes!("../../tests/fixtures/harbour-strike-wire.txt"),
    ),
    (
        "harbour-strike-daily.html",
        include_bytes!("../../tests/fixtures/harbour-strike-daily.html"),
    ),
    (
        "harbour-strike-gazette.md",
        include_bytes!("../../tests/fixtures/harbour-strike-gazette.md"),
    ),
];

pub struct App {
    /// Ordered by `seq`: the order in which the person added them.
    inputs: Vec<PageInput>,
    report: Option<SharedReport>,
    status: String,
    /// Inputs whose files are still being read.
    reading: HashSet<u32>,
    /// Dropped folders are being walked for their files.
    opening: bool,
    /// How many times "Clear all" was pressed: files dropped before the last one (folders still
    /// being walked then) are not added when they come.
    clears: u32,
    next_id: u32,
    last_seq: f64,
    /// When reading files last re-rendered the page: a drop of thousands of files re-renders a
    /// few times a second, not once per file.
    last_progress: f64,
    next_paste: u32,
    worker: Worker,
    _on_worker: (OnWorkerMessage, OnWorkerError),
    /// How many times the worker was started again after a fault.
    worker_generation: u32,
    worker_ready: bool,
    /// Looking for the inputs a fault of the analysis came from, and those found.
    probe: Probe,
    /// Id of the newest analysis request; replies to older ones are ignored.
    request: u32,
    analysing: bool,
    /// The inputs changed while the worker was busy: analyse again when it is done.
    dirty: bool,
    tab: Tab,
    /// A report being read over several tasks, or read and waiting for its first render (in a
    /// task of its own), and how long the worker took.
    to_show: Option<(Shown, f64)>,
    /// How long a task reads a report for ([`READ_SLICE_MS`] unless the address says).
    read_slice_ms: f64,
}

/// A report on its way to being shown.
enum Shown {
    Reading(Pending),
    Read(Report),
}

/// A report being read: its reader, and the time and tasks its reading took so far.
struct Pending {
    reader: newslens_core::wire::ReportReader,
    read_ms: f64,
    tasks: u32,
}

impl Pending {
    fn new(reader: newslens_core::wire::ReportReader) -> Pending {
        Pending {
            reader,
            read_ms: 0.0,
            tasks: 0,
        }
    }
}

/// Ids of restored inputs start here, far above those given to new inputs.
const RESTORED_IDS: u32 = 1 << 30;

/// A report read in less than this is shown in the same task (a few articles' report is);
/// otherwise its first render has a task of its own.
const SHOW_IN_SAME_TASK_MS: f64 = 10.0;

/// The longest a task reads a report for (2,225 articles' report is read in 31–53 ms, one of
/// 8,900 took 156 ms in one go), and the items it reads between looks at the clock.
const READ_SLICE_MS: f64 = 40.0;
const READ_ITEMS: usize = 100;

/// Least time between re-renders while files are being read.
const PROGRESS_INTERVAL_MS: f64 = 250.0;

/// The status until the worker is ready (warmed up); files dropped meanwhile wait for it.
const LOADING: &str = "Loading the analyser…";

/// Why an analysis failed when its report arrived but could not be read.
const UNREADABLE: &str = "its report could not be read";

/// The status while dropped folders are walked.
const OPENING: &str = "Opening the dropped folders…";

/// The report's JSON (what `analyse --json` writes for the same files), as byte arrays of
/// whole items copied out of wasm memory as they are written: never one string there.
fn json_parts(report: &Report) -> Result<js_sys::Array, String> {
    let parts = js_sys::Array::new();
    newslens_core::report::json_pieces_each(report, protocol::PIECE_BYTES, &mut |piece| {
        parts.push(&js_sys::Uint8Array::from(piece.json.as_bytes()));
    })
    .map_err(|e| format!("The report cannot be written as JSON: {e}"))?;
    Ok(parts)
}

/// Finding the files a fault in the analysis came from. A fault (a panic) stops the worker's
/// wasm, so the page starts another worker; the batch is then halved, each half analysed alone,
/// a half that fails halved again, down to single files, which are left out; then the rest is
/// analysed.
#[derive(Default)]
struct Probe {
    /// Inputs (ids) that stopped the analysis alone.
    left_out: HashSet<u32>,
    /// Sets of inputs still to analyse alone.
    sets: Vec<Vec<u32>>,
    /// The set being analysed, when the request under way is a probe.
    current: Option<Vec<u32>>,
    /// How many inputs were left out when a whole batch last failed.
    failed_with: Option<usize>,
    /// The inputs (ids and restored lines) of a batch that failed again with no more files
    /// left out: the fault comes from files together, and the page does not try that batch again.
    given_up: Option<Vec<(u32, usize)>>,
}

/// What tells one batch from another for [`Probe::given_up`]: its inputs and their restored
/// lines.
fn batch_key(inputs: &[PageInput]) -> Vec<(u32, usize)> {
    inputs.iter().map(|i| (i.id, i.keep.len())).collect()
}

impl App {
    /// Starts an analysis of the current inputs if the worker is free and every file has been
    /// read, or marks one as due.
    fn analyse(&mut self) {
        if !self.worker_ready || self.analysing || !self.reading.is_empty() {
            self.dirty = true;
            return;
        }
        self.dirty = false;
        if self.inputs.is_empty() {
            self.report = None;
            self.status = String::new();
            return;
        }
        if self.probe.given_up.as_ref() == Some(&batch_key(&self.inputs)) {
            return;
        }
        self.probe.given_up = None;
        self.request += 1;
        self.analysing = true;
        self.probe.current = self.probe.sets.pop();
        self.status = match &self.probe.current {
            Some(set) => format!(
                "The analysis stopped on an error in News Lens: looking for the file it came \
                 from ({} files)…",
                set.len()
            ),
            None => format!("Analysing {} documents…", self.inputs.len()),
        };
        // A probe's files alone; otherwise every file, those left out as errors.
        let chosen: Vec<PageInput>;
        let inputs = match &self.probe.current {
            Some(set) => {
                let set: HashSet<u32> = set.iter().copied().collect();
                chosen = self
                    .inputs
                    .iter()
                    .filter(|i| set.contains(&i.id))
                    .cloned()
                    .collect();
                &chosen[..]
            }
            None if self.probe.left_out.is_empty() => &self.inputs[..],
            None => {
                let left_out = &self.probe.left_out;
                chosen = self
                    .inputs
                    .iter()
                    .map(|i| match left_out.contains(&i.id) {
                        true => PageInput {
                            content: Some(Err(newslens_core::LEFT_OUT.into())),
                            ..i.clone()
                        },
                        false => i.clone(),
                    })
                    .collect();
                &chosen[..]
            }
        };
        let (msg, transfer) = protocol::request("analyse", self.request, inputs);
        if let Err(e) = self.worker.post_message_with_transfer(&msg, &transfer) {
            self.analysing = false;
            self.status = format!("The analysis worker failed: {e:?}");
            return;
        }
        // The worker keeps the same account: after an analysis it holds the files it was sent,
        // with bytes or without (not the errors), and nothing else.
        let sent: HashSet<u32> = inputs
            .iter()
            .filter(|i| matches!(i.content, Some(Ok(_))))
            .map(|i| i.id)
            .collect();
        for input in &mut self.inputs {
            input.held = sent.contains(&input.id).then(|| input.keep.clone());
        }
    }

    /// Hands the worker the files read so far that it does not hold, while more of a drop are
    /// being read: it reads and recognises them meanwhile (about half the analysis), and the
    /// analysis finds them done. Not while looking for a file that stops the analysis.
    fn read_ahead(&mut self) {
        let probing = self.probe.current.is_some() || !self.probe.sets.is_empty();
        if !self.worker_ready || self.reading.is_empty() || probing {
            return;
        }
        let left_out = &self.probe.left_out;
        let mut fresh: Vec<&mut PageInput> = self
            .inputs
            .iter_mut()
            .filter(|i| matches!(i.content, Some(Ok(_))) && !left_out.contains(&i.id))
            .filter(|i| i.held.as_ref() != Some(&i.keep))
            .collect();
        if fresh.is_empty() {
            return;
        }
        let sent: Vec<PageInput> = fresh.iter().map(|i| (**i).clone()).collect();
        let (msg, transfer) = protocol::request("read", self.request, &sent);
        if self
            .worker
            .post_message_with_transfer(&msg, &transfer)
            .is_ok()
        {
            for input in &mut fresh {
                input.held = Some(input.keep.clone());
            }
        }
    }

    /// The worker stopped on a fault: another one is started, and the batch that failed is
    /// halved to find the files it came from (see [`Probe`]).
    fn crashed(&mut self, ctx: &Context<Self>, generation: u32, why: &str) -> bool {
        if generation != self.worker_generation {
            return false;
        }
        gloo::console::error!(format!("the analysis stopped: {why}"));
        self.worker.terminate();
        // Files read ahead may be what it stopped on: as for a batch that stops the analysis.
        if !self.analysing && !self.inputs.iter().any(|i| i.held.is_some()) {
            // Stopped while starting or warming up: another would stop the same way.
            self.worker_ready = false;
            self.status = "The analyser stopped on an error of its own while starting: reload \
                           the page to start it again."
                .into();
            return true;
        }
        self.worker_generation += 1;
        let (worker, on_message, on_error) = start_worker(ctx, self.worker_generation);
        (self.worker, self._on_worker) = (worker, (on_message, on_error));
        self.worker_ready = false;
        self.analysing = false;
        self.dirty = true;
        self.inputs.iter_mut().for_each(|i| i.held = None);
        let probe = &mut self.probe;
        let failed = match probe.current.take() {
            Some(set) => set,
            None => {
                let left = probe.left_out.len();
                if probe.failed_with.replace(left) == Some(left) {
                    probe.given_up = Some(batch_key(&self.inputs));
                    self.status = "The analysis stopped on an error in News Lens with these files \
                                   together. Your files are kept; adding or removing one analyses \
                                   them again."
                        .into();
                    return true;
                }
                self.inputs
                    .iter()
                    .filter(|i| matches!(i.content, Some(Ok(_))) && !probe.left_out.contains(&i.id))
                    .map(|i| i.id)
                    .collect()
            }
        };
        match failed.as_slice() {
            [] => {}
            [one] => {
                probe.left_out.insert(*one);
            }
            _ => {
                let (first, second) = failed.split_at(failed.len() / 2);
                probe.sets.push(second.to_vec());
                probe.sets.push(first.to_vec());
            }
        }
        self.status = "The analysis stopped on an error in News Lens: starting it again…".into();
        true
    }

    /// The worker's reply has been dealt with: it is free for the next analysis.
    fn analysed(&mut self) {
        self.analysing = false;
        if self.dirty {
            self.analyse();
        }
    }

    /// Reads a report the worker sent in binary form and shows it: in this task when that was
    /// quick (a few articles' report is), else reading it over tasks of at most about
    /// [`READ_SLICE_MS`] and showing it in one of its own. Returns whether the page must render.
    fn report_arrived(&mut self, ctx: &Context<Self>, bytes: Vec<u8>, elapsed_ms: f64) -> bool {
        match newslens_core::wire::ReportReader::new(bytes) {
            Some(reader) => self.read_report(ctx, Pending::new(reader), elapsed_ms),
            None => self.failed(UNREADABLE),
        }
    }

    /// Reads on in a report until it is read or this task has read for `read_slice_ms`.
    fn read_report(&mut self, ctx: &Context<Self>, mut pending: Pending, elapsed_ms: f64) -> bool {
        let started = js_sys::Date::now();
        let done = loop {
            match pending.reader.read(READ_ITEMS) {
                None => return self.failed(UNREADABLE),
                Some(true) => break true,
                Some(false) if js_sys::Date::now() - started >= self.read_slice_ms => break false,
                Some(false) => {}
            }
        };
        let now = js_sys::Date::now();
        pending.read_ms += now - started;
        pending.tasks += 1;
        let shown = if done {
            let (read_ms, tasks, size) = (pending.read_ms, pending.tasks, pending.reader.size());
            let Some(report) = pending.reader.finish() else {
                return self.failed(UNREADABLE);
            };
            gloo::console::log!(format!(
                "report read in {read_ms:.0} ms over {tasks} tasks ({} KB); page memory {} MB",
                size / 1024,
                protocol::wasm_memory_mb()
            ));
            if tasks == 1 && now - started < SHOW_IN_SAME_TASK_MS {
                return self.show(report, elapsed_ms);
            }
            Shown::Read(report)
        } else {
            Shown::Reading(pending)
        };
        self.to_show = Some((shown, elapsed_ms));
        self.status = "Preparing the report…".to_string();
        let link = ctx.link().clone();
        gloo::timers::callback::Timeout::new(0, move || link.send_message(Msg::Show)).forget();
        true
    }

    /// The analysis failed, for this reason: the page says so, and the worker is free.
    fn failed(&mut self, why: &str) -> bool {
        self.status = format!("The analysis failed: {why}");
        self.analysed();
        true
    }

    /// Shows a report: the analysis is done.
    fn show(&mut self, report: Report, elapsed_ms: f64) -> bool {
        self.status = format!(
            "Analysed {} documents in {:.0} ms.",
            report.documents.len(),
            elapsed_ms
        );
        self.report = Some(SharedReport(Rc::new(report)));
        self.analysed();
        true
    }

    fn next_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// A sequence number after every earlier one, also across visits.
    fn next_seq(&mut self) -> f64 {
        self.last_seq = (self.last_seq + 1.0).max(js_sys::Date::now() * 1000.0);
        self.last_seq
    }

    /// Stores inputs that now have their content, together; each key comes back as
    /// [`Msg::Stored`].
    fn store(&self, ctx: &Context<Self>, ids: &[u32]) {
        let ids: HashSet<u32> = ids.iter().copied().collect();
        let (ids, records): (Vec<u32>, Vec<store::Record>) = self
            .inputs
            .iter()
            .filter(|i| ids.contains(&i.id))
            .filter_map(|i| {
                let content = i.content.clone()?;
                Some((i.id, (i.seq, i.name.clone(), content)))
            })
            .unzip();
        if ids.is_empty() {
            return;
        }
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            let keys = store::put_all(&records).await;
            link.send_message_batch(
                ids.into_iter()
                    .enumerate()
                    .map(|(i, id)| Msg::Stored {
                        id,
                        key: keys.as_ref().map(|k| k[i]).map_err(String::clone),
                    })
                    .collect(),
            );
        });
    }

    /// Stores the lines restored in an input (once it has a key: see [`Msg::Stored`]).
    fn store_keep(&self, ctx: &Context<Self>, id: u32) {
        let Some(input) = self.inputs.iter().find(|i| i.id == id) else {
            return;
        };
        let Some(key) = input.key else {
            return;
        };
        let lines = input.keep.clone();
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = store::keep(key, &lines).await {
                link.send_message(Msg::StoreFailed(e));
            }
        });
    }

    fn add(&mut self, name: String, content: Option<Result<Vec<u8>, String>>) -> u32 {
        let (id, seq) = (self.next_id(), self.next_seq());
        let content = content.map(|c| c.map(Rc::new));
        self.inputs.push(PageInput {
            id,
            key: None,
            seq,
            name,
            content,
            keep: Vec::new(),
            held: None,
        });
        id
    }
}

type OnWorkerMessage = Closure<dyn FnMut(MessageEvent)>;
type OnWorkerError = Closure<dyn FnMut(Event)>;

/// The parameters in the page's address (`helpers=2&read_slice_ms=0`), for tests and benchmarks.
fn address_params() -> String {
    let search = gloo::utils::window().location().search();
    search
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string()
}

/// Starts the analysis worker (again after a fault: `generation` tells its messages from those
/// of a worker let go) with the parameters of the page's address it takes, and its handlers.
fn start_worker(ctx: &Context<App>, generation: u32) -> (Worker, OnWorkerMessage, OnWorkerError) {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    // `?helpers=N` in the page's address: how many helpers the worker starts (benchmarks
    // compare); the worker reads its name (`helpers=N&warm_rounds=M`).
    let params = address_params();
    // `?warm_rounds=N`: how many times the worker and its helpers analyse the made-up large
    // batch while they wait (`newslens_core::Warming`; tests lengthen it, benchmarks compare).
    let worker_params: Vec<String> = ["helpers", "warm_rounds", "crash_on"]
        .into_iter()
        .filter_map(|key| protocol::param(&params, key).map(|value| format!("{key}={value}")))
        .collect();
    options.set_name(&worker_params.join("&"));
    let worker = Worker::new_with_options("./worker_loader.js", &options)
        .expect("the page can start a worker");
    let link = ctx.link().clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = protocol::get(&data, "id").as_f64().unwrap_or(0.0) as u32;
        match protocol::get_string(&data, "type").as_deref() {
            Some("ready") => {
                let format = protocol::get(&data, "format").as_f64();
                if format != Some(f64::from(newslens_core::wire::FORMAT)) {
                    return link.send_message(Msg::WorkerStale);
                }
                link.send_message(Msg::WorkerReady(protocol::joined_bytes(&data, "data")))
            }
            Some("helpers") => {
                let count = |key| protocol::get(&data, key).as_f64().unwrap_or(0.0) as u32;
                let (ready, wanted) = (count("ready"), count("wanted"));
                gloo::console::log!(format!("analysis helpers ready: {ready} of {wanted}"));
            }
            Some("warmed") => {
                let ms = protocol::get(&data, "elapsed_ms").as_f64().unwrap_or(0.0) as u64;
                gloo::console::log!(format!(
                    "analysis warmed up on a large batch {ms} ms after ready"
                ));
            }
            Some("crashed") => link.send_message(Msg::WorkerCrashed(
                generation,
                protocol::get_string(&data, "error").unwrap_or_default(),
            )),
            Some("progress") => link.send_message(Msg::WorkerProgress(
                protocol::get_string(&data, "stage").unwrap_or_default(),
            )),
            Some("report") => {
                let report = protocol::joined_bytes(&data, "data")
                    .ok_or_else(|| "the worker sent no report".to_string());
                let elapsed_ms = protocol::get(&data, "elapsed_ms").as_f64().unwrap_or(0.0);
                if let Some(timings) = protocol::get_string(&data, "timings") {
                    gloo::console::log!(format!("analysis stages: {timings}"));
                }
                link.send_message(Msg::WorkerReport {
                    id,
                    report,
                    elapsed_ms,
                });
            }
            _ => {}
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A fault in the analysis (a panic: the worker's wasm stops) comes as an error event,
    // or as a "crashed" message when it happened in a promise's callback.
    let link = ctx.link().clone();
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        event.prevent_default();
        let why = event
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .unwrap_or_default();
        link.send_message(Msg::WorkerCrashed(generation, why));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    (worker, on_message, on_error)
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let params = address_params();
        // `?read_slice_ms=N`: how long a task reads a report for (the tests read one over many).
        // (Whole milliseconds: parsing a float took 13 KB more of the download.)
        let read_slice_ms = protocol::param(&params, "read_slice_ms")
            .and_then(|value| value.parse::<u32>().ok())
            .map_or(READ_SLICE_MS, f64::from);
        let (worker, on_message, on_error) = start_worker(ctx, 0);
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            link.send_message(Msg::Restored(store::load_all(RESTORED_IDS).await));
        });
        App {
            inputs: Vec::new(),
            report: None,
            status: LOADING.into(),
            reading: HashSet::new(),
            opening: false,
            clears: 0,
            next_id: 0,
            last_seq: 0.0,
            last_progress: 0.0,
            next_paste: 1,
            worker,
            _on_worker: (on_message, on_error),
            worker_generation: 0,
            worker_ready: false,
            probe: Probe::default(),
            request: 0,
            analysing: false,
            dirty: false,
            tab: Tab::Entities,
            to_show: None,
            read_slice_ms,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Opening => {
                self.opening = true;
                self.status = OPENING.into();
                true
            }
            Msg::Files(clears, _) if clears != self.clears => false,
            Msg::Files(_, files) => {
                if std::mem::take(&mut self.opening) && files.is_empty() {
                    self.status = "The dropped folders hold no files.".into();
                }
                let mut unopened = Vec::new();
                let to_read: Vec<(u32, web_sys::File)> = files
                    .into_iter()
                    .filter_map(|(name, file)| {
                        let file = match file {
                            Ok(file) => file,
                            Err(why) => {
                                let why = format!("cannot read it: {why}");
                                unopened.push(self.add(name, Some(Err(why))));
                                return None;
                            }
                        };
                        let id = self.add(name, None);
                        self.reading.insert(id);
                        Some((id, file))
                    })
                    .collect();
                self.store(ctx, &unopened);
                if !self.reading.is_empty() {
                    self.status = format!("Reading {} files…", self.reading.len());
                }
                read_files(to_read, ctx.link().callback(Msg::FilesRead));
                self.analyse();
                true
            }
            Msg::FilesRead(read) => {
                let mut contents: HashMap<u32, _> = read
                    .into_iter()
                    // Not those removed while they were being read.
                    .filter(|(id, _)| self.reading.remove(id))
                    .collect();
                let ids: Vec<u32> = contents.keys().copied().collect();
                for input in &mut self.inputs {
                    if let Some(content) = contents.remove(&input.id) {
                        input.content = Some(content.map(Rc::new));
                    }
                }
                self.store(ctx, &ids);
                if self.reading.is_empty() {
                    self.analyse();
                    return true;
                }
                self.read_ahead();
                self.status = format!("Reading files… {} to go", self.reading.len());
                let now = js_sys::Date::now();
                if now - self.last_progress < PROGRESS_INTERVAL_MS {
                    return false;
                }
                self.last_progress = now;
                true
            }
            Msg::Paste(text) => {
                if text.trim().is_empty() {
                    return false;
                }
                let name = format!("pasted-{}", self.next_paste);
                self.next_paste += 1;
                let id = self.add(name, Some(Ok(text.into_bytes())));
                self.store(ctx, &[id]);
                self.analyse();
                true
            }
            Msg::Stored { id, key } => {
                match key {
                    Ok(key) => match self.inputs.iter_mut().find(|i| i.id == id) {
                        Some(input) => {
                            input.key = Some(key);
                            // Lines restored while it was being stored.
                            if !input.keep.is_empty() {
                                self.store_keep(ctx, id);
                            }
                        }
                        // Removed before it was stored.
                        None => wasm_bindgen_futures::spawn_local(async move {
                            let _ = store::delete(key).await;
                        }),
                    },
                    Err(e) => {
                        self.status =
                            format!("This document will not be kept for your next visit: {e}");
                        return true;
                    }
                }
                false
            }
            Msg::Restored(result) => {
                match result {
                    Ok(restored) => {
                        for input in &restored {
                            self.last_seq = self.last_seq.max(input.seq);
                            if let Some(n) = input
                                .name
                                .strip_prefix("pasted-")
                                .and_then(|n| n.parse::<u32>().ok())
                            {
                                self.next_paste = self.next_paste.max(n + 1);
                            }
                        }
                        self.inputs.extend(restored);
                        self.inputs.sort_by(|a, b| a.seq.total_cmp(&b.seq));
                        if self.worker_ready {
                            self.status = String::new();
                        }
                    }
                    Err(e) => self.status = format!("Saved documents could not be loaded: {e}"),
                }
                self.analyse();
                true
            }
            Msg::StoreFailed(e) => {
                self.status = format!("Restored lines will not be kept for your next visit: {e}");
                true
            }
            Msg::Restore(id, line, keep) => {
                let Some(input) = self.inputs.iter_mut().find(|i| i.id == id) else {
                    return false;
                };
                input.keep.retain(|k| *k != line);
                if keep {
                    input.keep.push(line);
                }
                self.store_keep(ctx, id);
                self.analyse();
                true
            }
            Msg::Remove(id) => {
                self.reading.remove(&id);
                if let Some(key) = self.inputs.iter().find(|i| i.id == id).and_then(|i| i.key) {
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = store::delete(key).await;
                    });
                }
                self.inputs.retain(|i| i.id != id);
                self.analyse();
                true
            }
            Msg::ClearAll => {
                self.inputs.clear();
                self.probe = Probe::default();
                self.reading.clear();
                self.clears += 1;
                if std::mem::take(&mut self.opening) && self.status == OPENING {
                    self.status.clear();
                }
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = store::clear().await;
                });
                self.analyse();
                true
            }
            Msg::WorkerReady(warm) => {
                self.worker_ready = true;
                if !self.inputs.is_empty() {
                    self.read_ahead();
                    self.analyse();
                }
                // Nothing to show yet: the interface warms up while the person picks files, and
                // says it is ready once warm.
                let warm = warm.and_then(|bytes| newslens_core::wire::decode_report(&bytes));
                if let (Some(report), false) = (warm, self.analysing) {
                    let report = SharedReport(Rc::new(report));
                    super::components::warm_up(report, ctx.link().callback(|()| Msg::Warm));
                    return false;
                }
                ctx.link().send_message(Msg::Warm);
                false
            }
            Msg::WorkerCrashed(generation, why) => self.crashed(ctx, generation, &why),
            Msg::WorkerStale => {
                self.status = "This page and its analyser come from different versions of News \
                               Lens: reload the page."
                    .into();
                true
            }
            Msg::Warm => {
                if self.status == LOADING {
                    self.status = String::new();
                }
                true
            }
            Msg::WorkerProgress(stage) => {
                self.status = stage;
                true
            }
            Msg::WorkerReport {
                id,
                report,
                elapsed_ms,
            } => {
                // (A reply to an older request: the worker is free all the same.)
                if id != self.request {
                    self.analysed();
                    return true;
                }
                // A probe's files were analysed without a fault: on to the next set, or the batch.
                if self.probe.current.take().is_some() {
                    self.dirty = true;
                    self.analysed();
                    return true;
                }
                // The batch was analysed: a later fault is looked for afresh.
                self.probe.failed_with = None;
                match report {
                    Ok(bytes) => self.report_arrived(ctx, bytes, elapsed_ms),
                    Err(e) => self.failed(&e),
                }
            }
            Msg::Show => match self.to_show.take() {
                Some((Shown::Reading(pending), elapsed_ms)) => {
                    self.read_report(ctx, pending, elapsed_ms)
                }
                Some((Shown::Read(report), elapsed_ms)) => self.show(report, elapsed_ms),
                None => false,
            },
            Msg::Tab(tab) => {
                self.tab = tab;
                true
            }
            Msg::Sample => {
                for (name, bytes) in SAMPLES {
                    let id = self.add(name.to_string(), Some(Ok(bytes.to_vec())));
                    self.store(ctx, &[id]);
                }
                self.analyse();
                true
            }
            Msg::Export(format) => {
                let Some(report) = &self.report else {
                    return false;
                };
                use newslens_core::export;
                let (name, mime, content) = match format {
                    Export::Json => {
                        let saved = json_parts(report).and_then(|parts| {
                            download::save_parts("newslens-report.json", "application/json", &parts)
                        });
                        if let Err(e) = saved {
                            self.status = e;
                            return true;
                        }
                        return false;
                    }
                    Export::EntitiesCsv => (
                        "newslens-entities.csv",
                        "text/csv",
                        export::entities_csv(report),
                    ),
                    Export::QuotesCsv => (
                        "newslens-quotes.csv",
                        "text/csv",
                        export::quotes_csv(report),
                    ),
                    Export::OverlapsCsv => (
                        "newslens-overlaps.csv",
                        "text/csv",
                        export::overlaps_csv(report),
                    ),
                    Export::Html => (
                        "newslens-report.html",
                        "text/html",
                        export::html_report(report),
                    ),
                };
                if let Err(e) = download::save(name, mime, &content) {
                    self.status = e;
                    return true;
                }
                false
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let busy = self.analysing || self.opening || !self.reading.is_empty();
        let clears = self.clears;
        let on_files = link.callback(move |files| Msg::Files(clears, files));
        let on_tab_key = {
            let (link, current) = (link.clone(), self.tab);
            Callback::from(move |e: KeyboardEvent| {
                let Some(tab) = current.after_key(&e.key()) else {
                    return;
                };
                e.prevent_default();
                link.send_message(Msg::Tab(tab));
                if let Some(button) = gloo::utils::document()
                    .get_element_by_id(tab.id())
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = button.focus();
                }
            })
        };
        html! {
            <main class="app">
                <header class="top">
                    <h1>{ "News Lens" }</h1>
                    <p class="tagline">{ "Compare news articles: entities, quotes and what sources share. Everything stays in your browser." }</p>
                </header>
                <InputPanel
                    on_files={on_files}
                    on_opening={link.callback(|()| Msg::Opening)}
                    on_paste={link.callback(Msg::Paste)}
                />
                <section class="status" aria-live="polite" id="status">
                    if busy { <span class="spinner" aria-hidden="true"></span> }
                    { &self.status }
                </section>
                <div class="toolbar">
                    { for [
                        ("export-json", "Export JSON", Export::Json),
                        ("export-entities-csv", "Entities CSV", Export::EntitiesCsv),
                        ("export-quotes-csv", "Quotes CSV", Export::QuotesCsv),
                        ("export-overlaps-csv", "Overlaps CSV", Export::OverlapsCsv),
                        ("export-html", "HTML report", Export::Html),
                    ].into_iter().map(|(id, label, format)| html! {
                        <button {id} onclick={link.callback(move |_| Msg::Export(format))}
                            disabled={self.report.is_none() || busy}>{ label }</button>
                    }) }
                    <button id="clear-all" class="danger" onclick={link.callback(|_| Msg::ClearAll)}
                        disabled={self.inputs.is_empty()}>{ "Clear all" }</button>
                </div>
                <DocumentList
                    inputs={self.inputs.clone()}
                    report={self.report.clone()}
                    on_remove={link.callback(Msg::Remove)}
                    on_restore={link.callback(|(id, line, keep)| Msg::Restore(id, line, keep))}
                />
                if let Some(report) = &self.report {
                    <nav class="tabs" role="tablist" aria-label="Views of the analysis" onkeydown={on_tab_key}>
                        // Roving focus: the selected tab is in the Tab order, arrows move between them.
                        { for Tab::ALL.iter().map(|&tab| html! {
                            <button id={tab.id()} role="tab" aria-selected={(self.tab == tab).to_string()}
                                tabindex={if self.tab == tab { "0" } else { "-1" }}
                                onclick={link.callback(move |_| Msg::Tab(tab))}>{ tab.label() }</button>
                        }) }
                    </nav>
                    <div role="tabpanel" aria-labelledby={self.tab.id()}>
                    { match self.tab {
                        Tab::Read => html! { <ReadingView report={report.clone()} /> },
                        Tab::Entities => html! { <EntityTable report={report.clone()} /> },
                        Tab::Quotes => html! { <QuoteList report={report.clone()} /> },
                        Tab::Overlaps => html! { <OverlapList report={report.clone()} /> },
                    } }
                    </div>
                } else if self.inputs.is_empty() {
                    <section class="empty">
                        <h2>{ "Start here" }</h2>
                        <p>{ "Drop a few articles on one story (saved web pages, text, Markdown or Word files) or paste their text. The people, organisations and places they name, who said what, and which passages the sources share appear below. Nothing leaves your browser." }</p>
                        <button id="try-sample" onclick={link.callback(|_| Msg::Sample)}>{ "Try three sample articles" }</button>
                    </section>
                }
            </main>
        }
    }
}
