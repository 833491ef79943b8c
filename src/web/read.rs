//! Reading the files a person dropped or chose, a chunk at a time, without holding the page's
//! thread. A dropped folder is walked first ([`dropped`]); a folder's files are named by their
//! path in it, its hidden files left out.
//!
//! Files in memory (made by another page, or by a test) are read as one blob per chunk: one
//! read, one message and one page update per chunk (a read per file cost the page a quarter of
//! a millisecond each, over half a second for 2,225 files). For a file on disk, though, the
//! browser looks its size up on the page's thread, one file at a time (~0.2 ms each here,
//! 0.45 s for 2,225 files), and a blob of files needs their sizes; reading each file on its own
//! needs none, and the browser reads them side by side: 2,225 files on disk in 0.42–0.51 s
//! against 0.62–0.70 s as blobs. So the first files' sizes tell which way to read
//! ([`on_disk`]). See BENCHMARKS.md (sessions 10, 11, 13 and 16).

use newslens_core::ingest::{too_large, MAX_INPUT_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileList};
use yew::Callback;

#[wasm_bindgen(module = "/src/web/read.js")]
extern "C" {
    #[wasm_bindgen(js_name = readEach)]
    fn read_each_js(files: &js_sys::Array, limit: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = droppedFolders)]
    fn dropped_folders(data: &DataTransfer) -> JsValue;
}

/// Files chosen or dropped, each with its name (a folder's files by their path in it), or why
/// a folder or file could not be opened.
pub type Chosen = Vec<(String, Result<File, String>)>;

/// The files a drop holds, sent to `done`: at once, or once the folders it holds have been
/// walked (`read.js`; `opening` hears of it first).
pub fn dropped(data: &DataTransfer, opening: &Callback<()>, done: Callback<Chosen>) {
    let walking = dropped_folders(data);
    if walking.is_null() {
        done.emit(chosen(data.files()));
        return;
    }
    opening.emit(());
    let walking = JsFuture::from(js_sys::Promise::from(walking));
    wasm_bindgen_futures::spawn_local(async move {
        let found = walking.await.map(|v| js_sys::Array::from(&v));
        let found = found.unwrap_or_default().into_iter().map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let name = pair.get(0).as_string().unwrap_or_default();
            let why = || pair.get(2).as_string().unwrap_or_default();
            (name, pair.get(1).dyn_into::<File>().map_err(|_| why()))
        });
        done.emit(found.collect());
    });
}

/// The files of a file picker, named by their path in the folder when a folder was chosen
/// (hidden files and folders in it left out, as from a dropped folder).
pub fn chosen(list: Option<FileList>) -> Chosen {
    let Some(list) = list else {
        return Vec::new();
    };
    let files = (0..list.length()).filter_map(|i| list.get(i));
    files
        .filter_map(|file| {
            let path = super::protocol::get_string(&file, "webkitRelativePath").unwrap_or_default();
            if path.is_empty() {
                return Some((file.name(), Ok(file)));
            }
            let hidden = path.split('/').skip(1).any(|part| part.starts_with('.'));
            (!hidden).then_some((path, Ok(file)))
        })
        .collect()
}

/// Files read, by input id: each one's bytes, or why it could not be read.
pub type FilesRead = Vec<(u32, Result<Vec<u8>, String>)>;

/// Longest stretch of work the page does in one task when a job grows with the batch (asking
/// files' sizes): a frame at 60 Hz is 16 ms; a task over 50 ms is a "long task".
const SLICE_MS: f64 = 30.0;

/// Files read at a time. Each chunk is stored as it arrives, so a chunk is also what a crash in
/// the middle of a drop can lose.
const READ_CHUNK_FILES: usize = 128;
/// Most bytes in a chunk (for files on disk, expected: see [`files_per_chunk`]).
const READ_CHUNK_BYTES: usize = 16 << 20;
const MIN_CHUNK_FILES: usize = 4;

/// How many of the first files' sizes are asked to tell whether the files are on disk, and the
/// time a size may take for files in memory: there it is known (under a microsecond for 2,225
/// files together), while on disk each is a look at the file through the browser's process
/// (~200 µs here; such a round trip takes tens of microseconds on the fastest machines).
const PROBE_FILES: usize = 32;
const PROBE_MS_PER_FILE: f64 = 0.02;

/// A file to read as part of a blob: its input's id, and its size, asked once.
struct ToRead {
    id: u32,
    file: File,
    size: usize,
}

/// Reads `files` a chunk at a time, sending each chunk's contents (or errors) to `done`. The
/// next chunk's reading starts before the one before is sent.
pub fn read_files(files: Vec<(u32, File)>, done: Callback<FilesRead>) {
    wasm_bindgen_futures::spawn_local(async move {
        if files.is_empty() {
            return;
        }
        // Not in the drop's own task, which has added every file to the list.
        later().await;
        if let Some(largest) = on_disk(&files) {
            gloo::console::log!(format!(
                "{} files on disk: each read on its own",
                files.len()
            ));
            read_each_in_chunks(&files, largest, &done).await;
        } else {
            read_as_blobs(files, &done).await;
        }
    });
}

/// If asking the first files' sizes took as long as for files on disk, the largest of them.
fn on_disk(files: &[(u32, File)]) -> Option<usize> {
    let probe = &files[..files.len().min(PROBE_FILES)];
    let start = now();
    let largest = probe
        .iter()
        .map(|(_, file)| file.size())
        .fold(0.0, f64::max);
    (now() - start > PROBE_MS_PER_FILE * probe.len() as f64).then_some(largest as usize)
}

/// How many files on disk to read at once. Their sizes are not known before they are read, so
/// a chunk is sized by the largest file seen so far to hold about [`READ_CHUNK_BYTES`]: 128
/// articles of text, a few dozen saved web pages, a handful of large PDFs.
fn files_per_chunk(largest: usize) -> usize {
    (READ_CHUNK_BYTES / largest.max(1)).clamp(MIN_CHUNK_FILES, READ_CHUNK_FILES)
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Reads files each on its own, a chunk at a time, asking no sizes (files on disk); `largest`
/// is the largest file seen so far.
async fn read_each_in_chunks(
    files: &[(u32, File)],
    mut largest: usize,
    done: &Callback<FilesRead>,
) {
    let mut rest = files;
    let mut reading: Option<(&[(u32, File)], JsFuture)> = None;
    loop {
        let started = (!rest.is_empty()).then(|| {
            let (chunk, after) = rest.split_at(files_per_chunk(largest).min(rest.len()));
            rest = after;
            (chunk, start_each(chunk))
        });
        if let Some((chunk, read)) = reading.take() {
            let read = each_read(chunk, read).await;
            let sizes = read.iter().filter_map(|(_, content)| content.as_ref().ok());
            largest = sizes.map(Vec::len).fold(largest, usize::max);
            done.emit(read);
        }
        match started {
            Some(next) => reading = Some(next),
            None => break,
        }
    }
}

/// Reads files in memory as one blob per chunk, a chunk's sizes asked while the browser reads
/// the chunk before.
async fn read_as_blobs(files: Vec<(u32, File)>, done: &Callback<FilesRead>) {
    let mut files = files.into_iter().peekable();
    let mut reading: Option<(Vec<ToRead>, Option<JsFuture>)> = None;
    loop {
        let (chunk, refused) = next_chunk(&mut files).await;
        if !refused.is_empty() {
            done.emit(refused);
        }
        let started = (!chunk.is_empty()).then(|| {
            let read = start_reading(&chunk);
            (chunk, read)
        });
        if let Some((chunk, read)) = reading.take() {
            done.emit(finish_reading(&chunk, read).await);
        }
        match started {
            Some(next) => reading = Some(next),
            None => break,
        }
    }
}

/// Resolves in a later task (a zero timeout): the page has its turn first.
async fn later() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let timeout = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        if !matches!(timeout, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The next chunk of files to read, their sizes asked (in slices of [`SLICE_MS`], each in a
/// task of its own: a chunk's 128 files on disk held the page's thread for 60–100 ms), and the
/// files too large to read with why. An empty chunk when no files are left.
async fn next_chunk(
    files: &mut std::iter::Peekable<impl Iterator<Item = (u32, File)>>,
) -> (Vec<ToRead>, FilesRead) {
    let (mut chunk, mut refused, mut bytes) = (Vec::new(), Vec::new(), 0);
    let mut slice = now();
    while chunk.len() < READ_CHUNK_FILES {
        if now() - slice > SLICE_MS {
            later().await;
            slice = now();
        }
        let Some((id, file)) = files.peek() else {
            break;
        };
        let size = file.size();
        if size > MAX_INPUT_BYTES as f64 {
            refused.push((*id, Err(too_large(size as u64))));
            files.next();
            continue;
        }
        let size = size as usize;
        if !chunk.is_empty() && bytes + size > READ_CHUNK_BYTES {
            break;
        }
        bytes += size;
        let (id, file) = files.next().expect("peeked");
        chunk.push(ToRead { id, file, size });
    }
    (chunk, refused)
}

/// Starts reading the files as one blob made of them all (`None` if it cannot be made).
fn start_reading(files: &[ToRead]) -> Option<JsFuture> {
    let parts: js_sys::Array = files.iter().map(|f| f.file.clone()).collect();
    let blob = web_sys::Blob::new_with_blob_sequence(&parts).ok()?;
    Some(JsFuture::from(blob.array_buffer()))
}

/// The files' contents from their read together ([`start_reading`]), or if that failed (a file
/// moved or changed since it was chosen) from reading each on its own, to find out which.
async fn finish_reading(files: &[ToRead], read: Option<JsFuture>) -> FilesRead {
    match together(files, read).await {
        Some(contents) => files
            .iter()
            .map(|f| f.id)
            .zip(contents.into_iter().map(Ok))
            .collect(),
        None => {
            let files: Vec<(u32, File)> = files.iter().map(|f| (f.id, f.file.clone())).collect();
            each_read(&files, start_each(&files)).await
        }
    }
}

/// Each file's content cut from the blob's; `None` if its read failed or its length is not the
/// files' sizes together.
async fn together(files: &[ToRead], read: Option<JsFuture>) -> Option<Vec<Vec<u8>>> {
    let buffer: js_sys::ArrayBuffer = read?.await.ok()?.dyn_into().ok()?;
    let sizes: Vec<u32> = files.iter().map(|f| f.size as u32).collect();
    if sizes.iter().map(|&n| n as u64).sum::<u64>() != buffer.byte_length() as u64 {
        return None;
    }
    let mut start = 0;
    let contents = sizes.iter().map(|&n| {
        let content =
            js_sys::Uint8Array::new_with_byte_offset_and_length(&buffer, start, n).to_vec();
        start += n;
        content
    });
    Some(contents.collect())
}

/// Starts reading each file on its own, none past [`MAX_INPUT_BYTES`] (`read.js`).
fn start_each(files: &[(u32, File)]) -> JsFuture {
    let list: js_sys::Array = files.iter().map(|(_, file)| file.clone()).collect();
    JsFuture::from(read_each_js(&list, MAX_INPUT_BYTES as f64))
}

/// Each file's content from [`start_each`]'s reading, or why it could not be read.
async fn each_read(files: &[(u32, File)], read: JsFuture) -> FilesRead {
    let outcomes = read.await.map(|v| js_sys::Array::from(&v));
    files
        .iter()
        .enumerate()
        .map(|(i, (id, _))| {
            let outcome = outcomes.as_ref().map(|all| all.get(i as u32));
            let content = match outcome {
                Ok(bytes) if bytes.is_instance_of::<js_sys::Uint8Array>() => {
                    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
                }
                Ok(other) => Err(match super::protocol::get(&other, "tooLarge").as_f64() {
                    Some(size) => too_large(size as u64),
                    None => format!(
                        "cannot read the file: {}",
                        super::protocol::get_string(&other, "error").unwrap_or_default()
                    ),
                }),
                Err(e) => Err(format!("cannot read the file: {e:?}")),
            };
            (*id, content)
        })
        .collect()
}
