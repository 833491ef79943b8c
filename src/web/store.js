// IndexedDB persistence of the inputs a person dropped or pasted. Each input is stored as it
// arrives, so a reload, a closed tab or a crash in the middle of a batch loses nothing.
const DB_NAME = "newslens";
const STORE = "inputs";

let opening = null;
function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "key", autoIncrement: true });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return opening;
}

function run(mode, action) {
  return db().then((d) => new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const req = action(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}

/** Stores one input; resolves to its key. `bytes` is a Uint8Array or null when `error` is set;
 *  `seq` orders the inputs as they were added. */
export function putInput(seq, name, bytes, error) {
  return run("readwrite", (s) => s.add({ seq, name, bytes, error }));
}

/** Resolves to every stored input, in the order they were added. */
export function allInputs() {
  return run("readonly", (s) => s.getAll()).then((all) => all.sort((a, b) => a.seq - b.seq));
}

/** Replaces the list of restored lines of one stored input. */
export function setKeep(key, keep) {
  return run("readwrite", (s) => {
    const req = s.get(key);
    req.onsuccess = () => { if (req.result) s.put({ ...req.result, keep }); };
    return req;
  });
}

export function deleteInput(key) {
  return run("readwrite", (s) => s.delete(key));
}

export function clearInputs() {
  return run("readwrite", (s) => s.clear());
}
