// Hostile and broken inputs through the real page in headless Chromium: every file gets a
// document or a clear error, nothing from a file runs, no request leaves the page, and the
// tab keeps answering while it works; a browser killed mid-batch reopens with what it had stored. Run from the repository root after scripts/build.sh:
// `node tests/e2e/hostile.mjs`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { expectLog, freePort, launch, launchPersistent, run, serve, test } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
process.chdir(ROOT);

/** A zip archive of stored-or-deflated entries (enough for DOCX-shaped test files). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, deflate } of entries) {
    const body = deflate ? zlib.deflateRawSync(data, { level: 9 }) : data;
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(deflate ? 8 : 0, 8);
    header.writeUInt32LE(zlib.crc32(data), 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(zlib.crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const contentTypes = { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') };
const docxBomb = zip([contentTypes, { name: "word/document.xml", data: Buffer.alloc(200_000_000, "<w:t>a</w:t>"), deflate: true }]);
const goodDocx = zip([contentTypes, {
  name: "word/document.xml",
  data: Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Mayor Lotte Brand opened the new harbour bridge in Delft on Friday.</w:t></w:r></w:p></w:body></w:document>'),
  deflate: true,
}]);
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const files = [
  ["bomb.docx", docxBomb],
  ["letter.docx", goodDocx],
  ["truncated.docx", goodDocx.subarray(0, 60)],
  ["picture.docx", PNG],
  ["renamed-image.txt", PNG],
  ["archive.zip", zip([{ name: "a.txt", data: Buffer.from("hello") }])],
  ["empty.txt", Buffer.alloc(0)],
  ["invalid-utf8.txt", Buffer.concat([Buffer.from("Valid start. "), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]), Buffer.from(" The council met in Leiden.")])],
  ["utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("The minister Karin Vos visited Gouda on Monday.", "utf16le")])],
  ["latin1.txt", Buffer.from("Le maire de Li\xe8ge, Andr\xe9 Dubois, a inaugur\xe9 le pont.", "latin1")],
  // Declared legacy charsets: the worker decodes them with the browser's TextDecoder.
  ["latin2.html", Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-2"><title>Talks</title></head><body><p>President Aleksandar Vu'), Buffer.from([0xe8, 0x69, 0xe6]), Buffer.from(" met envoys in Belgrade on Monday.</p></body></html>")])],
  ["shift-jis.html", Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>Tokyo ('), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from(") hosted the summit.</p></body></html>")])],
  ["deep.html", Buffer.from("<html><body>" + "<div>".repeat(100_000) + "<p>Deep text about Arnhem.</p>" + "</div>".repeat(100_000) + "</body></html>")],
  ["long-line.txt", Buffer.from("The port of Rotterdam handled more containers. ".repeat(220_000))],
  ["unclosed.html", Buffer.from("<html><head><title>Broken</title><body><p>Unclosed <b>bold <i>and <table><tr><td>cell text about Breda")],
  ["hostile.html", fs.readFileSync(path.join(ROOT, "tests/fixtures/hostile.html"))],
  ["nul-bytes.txt", Buffer.concat([Buffer.from("Text"), Buffer.alloc(4000, 0), Buffer.from("more text")])],
].map(([name, buffer]) => ({ name, mimeType: "application/octet-stream", buffer }));
const SMALL_FILES = 5000;

const port = await freePort();
const server = await serve("dist", port);
const browser = await launch();
const context = await browser.newContext({ acceptDownloads: true });
const page = await context.newPage();
const external = [];
context.on("request", (r) => {
  const url = new URL(r.url());
  if (!["blob:", "data:"].includes(url.protocol) && url.host !== `127.0.0.1:${port}`) external.push(r.url());
});
const pageErrors = [];
page.on("pageerror", (e) => pageErrors.push(e.message));
await page.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
  window.__longTasks = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
});

async function settled(timeout = 300_000, on = page) {
  await on.waitForFunction(() => {
    const s = document.getElementById("status");
    return s && !s.querySelector(".spinner") && !/Loading|Reading|Analysing|documents:/.test(s.textContent);
  }, null, { timeout, polling: 250 });
}

/** Waits until the page has settled, checking meanwhile that it keeps answering. */
async function settledResponsive() {
  const done = settled();
  let slowest = 0;
  let finished = false;
  done.finally(() => { finished = true; });
  while (!finished) {
    const t0 = Date.now();
    await page.evaluate(() => 1);
    slowest = Math.max(slowest, Date.now() - t0);
    await new Promise((r) => setTimeout(r, 200));
  }
  await done;
  return slowest;
}

async function exportReport() {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  return JSON.parse(fs.readFileSync(await download.path(), "utf8"));
}

test("broken and hostile files each get a document or a clear error", async () => {
  await page.goto(server.url);
  await settled();
  await page.setInputFiles("#file-input", files);
  const slowest = await settledResponsive();
  assert.ok(slowest < 2000, `the page took ${slowest} ms to answer`);
  const report = await exportReport();
  const names = [...report.documents.map((d) => d.name), ...report.errors.map((e) => e.name)].sort();
  assert.deepEqual(names, files.map((f) => f.name).sort());
  for (const e of report.errors) assert.ok(e.error.length > 8, `${e.name}: ${e.error}`);
  const errorOf = (name) => report.errors.find((e) => e.name === name)?.error;
  for (const name of ["picture.docx", "renamed-image.txt", "archive.zip", "truncated.docx", "empty.txt"]) {
    assert.ok(errorOf(name), `${name} should be refused`);
  }
  const doc = (name) => report.documents.find((d) => d.name === name);
  assert.match(doc("letter.docx")?.text ?? "", /Lotte Brand opened the new harbour bridge/);
  assert.match(doc("utf16.txt")?.text ?? "", /Karin Vos visited Gouda/);
  assert.match(doc("latin1.txt")?.text ?? "", /Liège, André Dubois, a inauguré/);
  assert.match(doc("latin2.html")?.text ?? "", /Aleksandar Vučić met envoys/);
  assert.match(doc("shift-jis.html")?.text ?? "", /Tokyo \(日本\) hosted/);
  assert.match(doc("invalid-utf8.txt")?.text ?? "", /The council met in Leiden/);
  assert.match(doc("deep.html")?.text ?? "", /Deep text about Arnhem/);
  assert.ok(!doc("hostile.html") || !/__hostileRan|<script/.test(doc("hostile.html").text), "script text kept out of the body");
  const bomb = doc("bomb.docx");
  assert.ok(errorOf("bomb.docx") || (bomb && bomb.text.length < 60_000_000), "the zip bomb is refused or cut short");
});

test("a file of hundreds of megabytes is refused with a message", async () => {
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new ArrayBuffer(300_000_000)], "huge.log"));
    document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await settled();
  const report = await exportReport();
  assert.match(report.errors.find((e) => e.name === "huge.log")?.error ?? "", /too large/);
});

test("a file of gigabytes on disk is refused with a message, its neighbours read", async () => {
  // Files on disk are read each on its own, their sizes unasked: the reading stops at the limit
  // (read whole, this sparse file would not fit in the page's memory).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newslens-huge-"));
  const huge = path.join(dir, "huge-on-disk.log");
  fs.writeFileSync(huge, "");
  fs.truncateSync(huge, 6_000_000_000);
  const note = path.join(dir, "ferry-note.txt");
  fs.writeFileSync(note, "Ferry note\n\nThe ferry to Vlieland sails again on Friday, Anouk de Wit said.");
  const log = [];
  const listen = (m) => log.push(m.text());
  page.on("console", listen);
  await page.setInputFiles("#file-input", [huge, note]);
  await settled();
  page.off("console", listen);
  assert.ok(log.includes("2 files on disk: each read on its own"), JSON.stringify(log));
  const report = await exportReport();
  assert.equal(report.errors.find((e) => e.name === "huge-on-disk.log")?.error, "file too large (6000 MB; the limit is 50 MB)");
  assert.match(report.documents.find((d) => d.name === "ferry-note.txt")?.text ?? "", /Anouk de Wit/);
  fs.rmSync(dir, { recursive: true });
});

test(`${SMALL_FILES} small files are all read, and the page keeps answering`, async () => {
  await page.click("#clear-all");
  await settled();
  await page.evaluate((n) => {
    const dt = new DataTransfer();
    for (let i = 0; i < n; i++) {
      dt.items.add(new File([`Note ${i}\n\nCouncillor Sara Jansen of Zwolle said on Tuesday that the ferry line ${i} will reopen in May.`], `note-${i}.txt`));
    }
    document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, SMALL_FILES);
  const slowest = await settledResponsive();
  assert.ok(slowest < 2000, `the page took ${slowest} ms to answer`);
  const report = await exportReport();
  assert.equal(report.documents.length + report.errors.length, SMALL_FILES);
  assert.match(await page.textContent("section.documents h2"), new RegExp(`Documents \\(${SMALL_FILES}\\)`));
  await page.click("#clear-all");
  await settled();
});

test("nothing ran and nothing left the page", async () => {
  assert.equal(await page.evaluate(() => window.__hostileRan), undefined);
  assert.deepEqual(external, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(pageErrors, []);
});

test("a browser killed in the middle of a large batch reopens with every file it had stored", async () => {
  // Enough files that storing them all takes a fast machine well past the page's first progress
  // (every 250 ms), when the browser is killed: with 3,000, this machine had at times read them
  // all by then and stored up to 2,560; with 10,000 it had read 2,176–2,432.
  const CRASH_FILES = 10_000;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "newslens-crash-"));
  let browser = await launchPersistent(profile);
  let tab = browser.pages()[0] ?? await browser.newPage();
  const log = [];
  tab.on("console", (m) => log.push(m.text()));
  await tab.goto(server.url);
  await settled(300_000, tab);
  // The analysis' helpers warm up once the page is ready; storing is what this test measures, so
  // the drop waits for them (on two cores their warm-up takes the core the page stores with).
  await expectLog(log, /helpers ready: (\d+) of \1/);
  await tab.evaluate((n) => {
    const dt = new DataTransfer();
    for (let i = 0; i < n; i++) {
      const line = `The ferry line ${i} to Texel reopens in May, the operator said.\n`;
      dt.items.add(new File([`Crash note ${i}\n\n${line.repeat(20)}`], `crash-${i}.txt`));
    }
    document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, CRASH_FILES);
  // Once 200 files have been read (each is stored as soon as it is), while the rest are still
  // being read: kill every process of that browser, as a crash or the task manager would.
  // (How many were read is taken as the wait ends: by the next look, reading may be over. The
  // page shows its progress four times a second, so on a fast machine the next thing it shows
  // may be the analysis: all read, and still being stored. "Analysing 3000 documents…" lasts
  // only until the worker's first progress ("3000 documents: reading and cleaning…"), which a
  // look every 20 ms can miss: any of the analysis' statuses ends the wait.)
  const reading = await tab.waitForFunction((n) => {
    const status = document.getElementById("status")?.textContent ?? "";
    const m = /Reading files… (\d+) to go/.exec(status);
    if (m) return Number(m[1]) <= n - 200 && { toGo: Number(m[1]) };
    return /Analysing|^\s*\d+ documents: |Analysed/.test(status) && { toGo: 0 };
  }, CRASH_FILES, { timeout: 120_000, polling: 20 });
  const read = CRASH_FILES - (await reading.jsonValue()).toGo;
  try { execFileSync("pkill", ["-KILL", "-f", profile]); } catch { /* already gone */ }
  await browser.close().catch(() => {});
  browser = await launchPersistent(profile);
  tab = browser.pages()[0] ?? await browser.newPage();
  await tab.goto(server.url);
  await settled(300_000, tab);
  const heading = await tab.textContent("section.documents h2");
  const kept = Number(/Documents \((\d+)\)/.exec(heading)?.[1] ?? 0);
  console.log(`     (${kept} of ${CRASH_FILES} files had been stored when the browser was killed, ${read} read)`);
  // Storing keeps up with reading (one transaction per turn of the event loop: one per file
  // managed about 60 files a second and lost most of the batch). Files are stored 128 at a time
  // and the count read is sampled, so on a loaded machine the two can be ~1,400 apart (1,280
  // stored of 2,688 read in one CI run; 1,280–1,664 of 2,176–2,304 otherwise): a quarter of what
  // was read still tells the two designs apart, without a race.
  assert.ok(kept >= read / 4 && kept < CRASH_FILES, `stored ${kept} of ${read} read`);
  const [download] = await Promise.all([tab.waitForEvent("download"), tab.click("#export-json")]);
  const report = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.deepEqual(report.errors, []);
  assert.equal(report.documents.length, kept, "every stored file comes back and is analysed");
  for (const d of report.documents) {
    assert.match(d.name, /^crash-\d+\.txt$/);
    assert.equal(d.text.split("Texel reopens").length - 1, 20, `${d.name} is whole`);
  }
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

const ok = await run().finally(async () => {
  await browser.close();
  server.stop();
});
process.exit(ok ? 0 : 1);
