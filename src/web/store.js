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
    // Relaxed durability: the write is done once the OS has it, without waiting for the disk.
    // That survives a crashed or killed tab or browser (not a power cut) and lets a batch of
    // thousands be stored nearly as fast as it is read.
    const tx = d.transaction(STORE, mode, { durability: "relaxed" });
    const req = action(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}

// Inputs waiting to be written. Files of a batch arrive one by one; writing each in its own
// transaction managed about 60 a second, far behind reading, so a crash lost most of a large
// batch. They are written together, one transaction per turn of the event loop.
let pending = [];

function flush() {
  const batch = pending;
  pending = [];
  db().then((d) => {
    const tx = d.transaction(STORE, "readwrite", { durability: "relaxed" });
    const store = tx.objectStore(STORE);
    const requests = batch.map(({ record }) => store.add(record));
    tx.oncomplete = () => batch.forEach(({ resolve }, i) => resolve(requests[i].result));
    const fail = () => batch.forEach(({ reject }) => reject(tx.error));
    tx.onerror = fail;
    tx.onabort = fail;
  }, (e) => batch.forEach(({ reject }) => reject(e)));
}

/** Stores inputs, each `{seq, name, bytes}` or `{seq, name, error}` (`bytes` a Uint8Array, `seq`
 *  ordering the inputs as they were added); resolves to their keys, in order. */
export function putInputs(records) {
  return Promise.all(records.map((record) => new Promise((resolve, reject) => {
    if (pending.length === 0) setTimeout(flush, 0);
    pending.push({ record, resolve, reject });
  })));
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
