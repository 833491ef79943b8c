// The page's side of reading what a person drops (see read.rs): files on disk read each on its
// own, without asking their sizes first (for a file on disk the browser looks its size up on the
// page's thread, one file at a time, ~0.2 ms each here, while the reads themselves run side by
// side in the browser), and dropped folders walked for their files.

/** Reads each of `files` (all at once), at most `limit` bytes of each. Resolves to one entry
 *  per file, in order: its bytes (a Uint8Array), `{ tooLarge: size }` for a file over the
 *  limit (left unread past it), or `{ error }` when it cannot be read. */
export function readEach(files, limit) {
  return Promise.all(files.map((file) => readOne(file, limit).catch((e) => ({ error: String(e?.message ?? e) }))));
}

async function readOne(file, limit) {
  const reader = file.stream().getReader();
  const parts = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      reader.cancel().catch(() => {});
      return { tooLarge: file.size };
    }
    parts.push(value);
  }
  if (parts.length === 1) return parts[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** The files of a drop that holds folders, or `null` when it holds none (its `files` are then
 *  all there is). Resolves to `[name, file]` pairs in the order dropped, a folder's files sorted
 *  and named by their path ("reports/2024/a.txt"); for a folder or file that could not be
 *  opened, `[name, null, why]`. Hidden files and folders inside a folder (".DS_Store", ".git") are left
 *  out. The drop's items are read at once: they are readable only during its event. */
export function droppedFolders(dataTransfer) {
  // Asking an item for its entry makes the browser look at the file, on the page's thread (~0.2
  // ms each: a second for thousands of files). A folder has no type, and most files have one
  // from their name: only the untyped are asked.
  const dropped = [...(dataTransfer?.items ?? [])].filter((item) => item.kind === "file").map((item) => {
    const entry = item.type === "" ? item.webkitGetAsEntry?.() : null;
    return entry?.isDirectory ? { entry } : { file: item.getAsFile() };
  });
  if (!dropped.some((d) => d.entry)) return null;
  return (async () => {
    const found = [];
    for (const { entry, file } of dropped) {
      if (entry) found.push(...(await filesOf([entry])));
      else if (file) found.push([file.name, file]);
    }
    return found;
  })();
}

/** `[name, file]` for every file under `entries` (file system entries), as `droppedFolders`. */
export async function filesOf(entries) {
  const found = [];
  for (const entry of entries) await walk(entry, found, 0);
  return Promise.all(found.map(async ([name, entry, why]) => {
    const file = entry && await new Promise((resolve) => entry.file(resolve, () => resolve(null)));
    return file ? [name, file] : [name, null, why ?? "the file could not be opened"];
  }));
}

/** Folders nested deeper than this are listed as unopened: a link from a folder to one above
 *  it would otherwise be walked forever. */
const MAX_DEPTH = 16;

async function walk(entry, found, depth) {
  if (depth > 0 && entry.name.startsWith(".")) return;
  const name = entry.fullPath.replace(/^\//, "");
  if (!entry.isDirectory) {
    found.push([name, entry]);
    return;
  }
  if (depth >= MAX_DEPTH) {
    found.push([name, null, `a folder nested deeper than ${MAX_DEPTH} levels`]);
    return;
  }
  const children = [];
  try {
    const reader = entry.createReader();
    // Each call gives the next batch of a folder's entries (100 in Chromium), then none.
    for (let batch; (batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject))).length;) {
      children.push(...batch);
    }
  } catch {
    found.push([name, null, "the folder could not be opened"]);
    return;
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) await walk(child, found, depth + 1);
}
