//! Messages between the page and the analysis worker.
//!
//! Page → worker: `{type: "analyse", id, names: string[], files: (Uint8Array | null)[], keeps:
//! string[][], ids: number[], rejected: [{name, error}]}` (`keeps[i]`: the lines the person
//! restored in file `i`; `ids[i]`: the page's id of it); the files' buffers are transferred, not
//! copied. `{type: "read", …}`, the same fields, while a large drop is still being read: the
//! worker reads and recognises those files ahead of the analysis. The worker holds every input
//! it read (ahead, or in the last analysis) until an analysis without it ends; a file it holds
//! with the same restored lines is sent as `null`. Worker → page: `{type: "ready", format,
//! data}` (`newslens_core::wire::FORMAT`, which the page checks is its own before it reads
//! anything the worker sends, and the warm-up's report, for the page to warm up its panes),
//! `{type: "helpers", ready, wanted}` (how
//! many helpers are warm, of how many), `{type: "warmed", elapsed_ms}` (the warm-up's second
//! part done, `newslens_core::Warming`), `{type: "progress", id, stage}`, and `{type: "report",
//! id, data: Uint8Array[], elapsed_ms, timings}`: the report in `newslens_core::wire` form
//! (`wire::encode_report`), cut between items into pieces each copied out of the worker's
//! memory as it is made; joined, the page reads them back as the report exactly
//! (`wire::decode_report`), in a fraction of the time its JSON took to parse, and writes the
//! JSON (report-v1) itself when the person exports it. The pieces' buffers are transferred, so
//! the report crosses the boundary once and never as JS strings.
//!
//! Worker → helper (see `worker.rs`): `{type: "recognise", id, names, files, keeps, rejected}`,
//! a part of an analyse request (its files copied: the worker keeps them, to read them itself if
//! the helper fails); helper → worker: `{type: "ready"}` once warm, and `{type: "recognised", id,
//! data: Uint8Array, elapsed_ms}`, the part's documents in `newslens_core::wire` form
//! (transferred). Then worker → helper `{type: "compare", id, data: Uint8Array}`, the batch's
//! texts (`wire::encode_texts`, transferred), and helper → worker `{type: "compared", id, data,
//! elapsed_ms}`, their comparison (`wire::encode_comparison`).

use js_sys::{Array, Object, Reflect, Uint8Array};
use std::ops::Range;
use wasm_bindgen::{JsCast, JsValue};

/// The value of `key` in `params` (`key=value&key=value`: the page's address after its `?`, or
/// a worker's name; `""` for a bare `key`).
pub fn param<'a>(params: &'a str, key: &str) -> Option<&'a str> {
    params.split('&').find_map(|p| match p.split_once('=') {
        Some((k, v)) if k == key => Some(v),
        None if p == key => Some(""),
        _ => None,
    })
}

pub fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The bytes of a field that is a list of `Uint8Array`s, joined in wasm memory; `None` when it
/// is not one.
pub fn joined_bytes(obj: &JsValue, key: &str) -> Option<Vec<u8>> {
    let pieces: Array = get(obj, key).dyn_into().ok()?;
    let pieces: Vec<Uint8Array> = pieces
        .iter()
        .map(|p| p.dyn_into().ok())
        .collect::<Option<_>>()?;
    let mut bytes = vec![0; pieces.iter().map(|p| p.length() as usize).sum()];
    let mut at = 0;
    for piece in pieces {
        let n = piece.length() as usize;
        piece.copy_to(&mut bytes[at..at + n]);
        at += n;
    }
    Some(bytes)
}

pub fn get_string(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

pub fn message(kind: &str, id: u32) -> Object {
    let obj = Object::new();
    set(&obj, "type", kind);
    set(&obj, "id", id);
    obj
}

/// The size of this wasm instance's memory in MB, for the console's timings: it only grows, so
/// after an analysis it is the most the analysis needed.
pub fn wasm_memory_mb() -> u32 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0, |m| {
            let bytes = m
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length();
            (f64::from(bytes) / 1048576.0).round() as u32
        })
}

pub use newslens_core::report::PIECE_BYTES;

/// An input as the page holds it: a name and either the file's bytes or why they were not read.
#[derive(Clone, Debug, PartialEq)]
pub struct PageInput {
    /// Unique on the page; stands for the input in messages and keyed lists.
    pub id: u32,
    /// The IndexedDB key, once stored.
    pub key: Option<u32>,
    /// Orders inputs as the person added them, across visits (files finish reading in any order).
    pub seq: f64,
    pub name: String,
    /// `None` while the file is being read.
    pub content: Option<Result<std::rc::Rc<Vec<u8>>, String>>,
    /// Removed lines the person restored (see `newslens_core::Input::keep`).
    pub keep: Vec<String>,
    /// The restored lines with which the worker holds the input read (see `worker.rs`), if it
    /// does: a request then sends it without its bytes.
    pub held: Option<Vec<String>>,
}

/// Builds a request of `kind` ("analyse", or "read" for inputs read ahead of an analysis) and
/// the list of buffers to transfer. An input the worker holds read with the same restored lines
/// goes without its bytes (`null` in `files`).
pub fn request(kind: &str, id: u32, inputs: &[PageInput]) -> (Object, Array) {
    let msg = message(kind, id);
    let names = Array::new();
    let files = Array::new();
    let keeps = Array::new();
    let ids = Array::new();
    let rejected = Array::new();
    let transfer = Array::new();
    for input in inputs {
        match &input.content {
            None => {}
            Some(Ok(bytes)) => {
                names.push(&JsValue::from_str(&input.name));
                if input.held.as_ref() == Some(&input.keep) {
                    files.push(&JsValue::NULL);
                } else {
                    let array = Uint8Array::from(bytes.as_slice());
                    transfer.push(&array.buffer());
                    files.push(&array);
                }
                keeps.push(&string_array(&input.keep));
                ids.push(&JsValue::from(input.id));
            }
            Some(Err(error)) => {
                let e = Object::new();
                set(&e, "name", input.name.as_str());
                set(&e, "error", error.as_str());
                rejected.push(&e);
            }
        }
    }
    set(&msg, "names", names);
    set(&msg, "files", files);
    set(&msg, "keeps", keeps);
    set(&msg, "ids", ids);
    set(&msg, "rejected", rejected);
    (msg, transfer)
}

/// An analyse request as the worker reads it.
pub struct Request {
    pub id: u32,
    /// How many inputs the request has.
    pub len: usize,
    names: Array,
    files: Array,
    keeps: Array,
    /// The page's ids of the inputs (none in a helper's part).
    pub ids: Vec<u32>,
    /// Files the page could not read: name and why.
    pub rejected: Vec<(String, String)>,
}

impl Request {
    /// Whether a file of the batch has this name.
    pub fn has_name(&self, name: &str) -> bool {
        self.names
            .iter()
            .any(|n| n.as_string().as_deref() == Some(name))
    }

    /// The inputs in `range`, each copied into wasm memory only as the analysis asks for it (and
    /// let go once read), so the worker never holds every file of a batch at once; the request
    /// lets go of each file's buffer once copied, for the garbage collector to take during the
    /// analysis.
    pub fn inputs_in(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = newslens_core::Input> + '_ {
        range.map(|i| {
            let i = i as u32;
            let bytes = self
                .files
                .get(i)
                .dyn_into::<Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            self.files.set(i, JsValue::UNDEFINED);
            let mut input = newslens_core::Input::new(self.name(i as usize), bytes);
            input.keep = self.keep(i as usize);
            input
        })
    }

    /// Lets go of the files in `range` (read elsewhere), for the garbage collector.
    pub fn let_go(&self, range: Range<usize>) {
        for i in range {
            self.files.set(i as u32, JsValue::UNDEFINED);
        }
    }

    /// Input `i`'s name.
    pub fn name(&self, i: usize) -> String {
        self.names.get(i as u32).as_string().unwrap_or_default()
    }

    /// Whether input `i` came without its bytes: the worker holds it read.
    pub fn held(&self, i: usize) -> bool {
        self.files.get(i as u32).is_null()
    }

    /// Input `i`'s restored lines.
    pub fn keep(&self, i: usize) -> Vec<String> {
        strings(&self.keeps.get(i as u32))
    }

    /// The request for these of its inputs only (their files shared, not copied).
    pub fn select(&self, chosen: &[usize]) -> Request {
        let pick = |all: &Array| chosen.iter().map(|&i| all.get(i as u32)).collect::<Array>();
        Request {
            id: self.id,
            len: chosen.len(),
            names: pick(&self.names),
            files: pick(&self.files),
            keeps: pick(&self.keeps),
            ids: chosen
                .iter()
                .filter_map(|&i| self.ids.get(i).copied())
                .collect(),
            rejected: Vec::new(),
        }
    }

    /// The size of each file in bytes.
    pub fn sizes(&self) -> Vec<usize> {
        self.files
            .iter()
            .map(|f| f.dyn_ref::<Uint8Array>().map_or(0, |a| a.length() as usize))
            .collect()
    }

    /// A request of `kind` for `range` of the inputs (the files shared, not transferred: this
    /// request keeps them), for a helper worker; it reads it with [`read_request`].
    pub fn part(&self, kind: &str, range: Range<usize>) -> Object {
        let msg = message(kind, self.id);
        let (start, end) = (range.start as u32, range.end as u32);
        set(&msg, "names", self.names.slice(start, end));
        set(&msg, "files", self.files.slice(start, end));
        set(&msg, "keeps", self.keeps.slice(start, end));
        set(&msg, "rejected", Array::new());
        msg
    }
}

/// Reads an analyse request in the worker.
pub fn read_request(data: &JsValue) -> Request {
    let names = Array::from(&get(data, "names"));
    let rejected = Array::from(&get(data, "rejected"))
        .iter()
        .map(|e| {
            (
                get_string(&e, "name").unwrap_or_default(),
                get_string(&e, "error").unwrap_or_default(),
            )
        })
        .collect();
    Request {
        id: get(data, "id").as_f64().unwrap_or(0.0) as u32,
        len: names.length() as usize,
        names,
        // The message's own array (`Array::from` would copy it), so that letting go of a file
        // here lets go of it in the message too.
        files: get(data, "files").dyn_into::<Array>().unwrap_or_default(),
        keeps: Array::from(&get(data, "keeps")),
        ids: get(data, "ids")
            .dyn_into::<Array>()
            .map(|ids| {
                ids.iter()
                    .map(|id| id.as_f64().unwrap_or(0.0) as u32)
                    .collect()
            })
            .unwrap_or_default(),
        rejected,
    }
}

/// A JS array of strings; [`strings`] reads it back.
pub fn string_array(items: &[String]) -> Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

/// The strings of a JS array (none when it is not one).
pub fn strings(value: &JsValue) -> Vec<String> {
    if !Array::is_array(value) {
        return Vec::new();
    }
    Array::from(value)
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}
