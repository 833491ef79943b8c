//! Rust side of the IndexedDB store (`store.js`).

use super::protocol::{get, get_string, string_array, strings, PageInput};
use js_sys::{Array, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/store.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = putInput)]
    async fn put_input(
        seq: f64,
        name: &str,
        bytes: Option<Uint8Array>,
        error: Option<String>,
    ) -> Result<JsValue, JsValue>;
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

/// Stores an input and returns its key.
pub async fn put(
    seq: f64,
    name: &str,
    content: &Result<Rc<Vec<u8>>, String>,
) -> Result<u32, String> {
    let (bytes, error) = match content {
        Ok(b) => (Some(Uint8Array::from(b.as_slice())), None),
        Err(e) => (None, Some(e.clone())),
    };
    let key = put_input(seq, name, bytes, error).await.map_err(describe)?;
    key.as_f64()
        .map(|k| k as u32)
        .ok_or_else(|| "storage returned no key".into())
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
