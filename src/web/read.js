// Reading files on disk each on its own, without asking their sizes first: for a file on disk
// the browser looks its size up on the page's thread, one file at a time (~0.2 ms each here),
// while the reads themselves run side by side in the browser. See `read_files` in app.rs.

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
