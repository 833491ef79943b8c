//! Saving a file from the page: a Blob behind a temporary object URL and an anchor click.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub fn save(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    save_parts(file_name, mime, &js_sys::Array::of1(&content.into()))
}

/// Saves the concatenation of `parts` (JS strings or byte arrays), which the browser joins in
/// the Blob: a large file need not be copied into one string first.
pub fn save_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(parts, &options)
        .map_err(|_| "cannot create the file")?;
    let url =
        Url::create_object_url_with_blob(&blob).map_err(|_| "cannot create a download link")?;
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot create a download link")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}
