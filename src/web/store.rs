//! Rust side of the IndexedDB store (`store.js`).

use super::protocol::{get, get_string, set, string_array, strings, PageInput};
use js_sys::{Array, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/store.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = putInputs)]
    async fn put_inputs(records: Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = allInputs)]
    async fn all_inputs() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = setKeep)]
    async fn set_keep(key: u32, keep: Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = deleteInput)]
    async fn delete_input(key: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = clearInputs)]
    async fn clear_inputs() -> Result<JsValue, JsValue>;
}

fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| get_string(&e, "message"))
        .unwrap_or_else(|| "storage is not available".into())
}

/// An input as stored: its sequence number, name, and content or why it could not be read.
pub type Record = (f64, String, Result<Rc<Vec<u8>>, String>);

/// Stores inputs together and returns their keys, in order.
pub async fn put_all(records: &[Record]) -> Result<Vec<u32>, String> {
    let list: Array = records
        .iter()
        .map(|(seq, name, content)| {
            let record = js_sys::Object::new();
            set(&record, "seq", *seq);
            set(&record, "name", name.as_str());
            match content {
                Ok(bytes) => set(&record, "bytes", Uint8Array::from(bytes.as_slice())),
                Err(e) => set(&record, "error", e.as_str()),
            }
            record
        })
        .collect();
    let keys = put_inputs(list).await.map_err(describe)?;
    let keys: Vec<u32> = Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_f64().map(|k| k as u32))
        .collect();
    if keys.len() != records.len() {
        return Err("storage returned no key".into());
    }
    Ok(keys)
}

/// Every stored input, in the order they were added; `first_id` numbers them on the page.
pub async fn load_all(first_id: u32) -> Result<Vec<PageInput>, String> {
    let all = Array::from(&all_inputs().await.map_err(describe)?);
    Ok(all
        .iter()
        .zip(first_id..)
        .map(|(record, id)| {
            let key = get(&record, "key").as_f64().map(|k| k as u32);
            let seq = get(&record, "seq").as_f64().unwrap_or(0.0);
            let name = get_string(&record, "name").unwrap_or_default();
            let content = match get_string(&record, "error") {
                Some(error) => Err(error),
                None => Ok(Rc::new(Uint8Array::new(&get(&record, "bytes")).to_vec())),
            };
            PageInput {
                id,
                key,
                seq,
                name,
                content: Some(content),
                keep: strings(&get(&record, "keep")),
                held: None,
            }
        })
        .collect())
}

/// Records the lines a person restored in a stored input.
pub async fn keep(key: u32, lines: &[String]) -> Result<(), String> {
    set_keep(key, string_array(lines))
        .await
        .map(|_| ())
        .map_err(describe)
}

pub async fn delete(key: u32) -> Result<(), String> {
    delete_input(key).await.map(|_| ()).map_err(describe)
}

pub async fn clear() -> Result<(), String> {
    clear_inputs().await.map(|_| ()).map_err(describe)
}
