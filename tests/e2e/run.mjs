// End-to-end tests of the built page (dist/) in headless Chromium, through the real page:
// files go in through the real <input type=file>, results are read from the DOM, the JSON
// export is compared with the native `analyse` command, and the page is reloaded online and
// offline. Run from the repository root after `scripts/build.sh` and
// `cargo build --release --bin analyse`: `node tests/e2e/run.mjs`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectLog, freePort, launch, pageReady, run, serve, test, writeFiles } from "./harness.mjs";
import { validateReport, normaliseReport } from "./report.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const DIST = process.env.DIST || path.join(ROOT, "dist");
const ANALYSE = process.env.ANALYSE || path.join(ROOT, "target/release/analyse");
const ARTIFACTS = path.join(ROOT, "tests/e2e/artifacts");
const FIXTURES = path.join(ROOT, "tests/fixtures");
fs.mkdirSync(ARTIFACTS, { recursive: true });
process.chdir(ROOT);

// What a person drops: three articles, a page full of hostile markup, and an image.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const files = [
  "harbour-strike-wire.txt",
  "harbour-strike-daily.html",
  "harbour-strike-gazette.md",
  "hostile.html",
].map((name) => ({ name, mimeType: "application/octet-stream", buffer: fs.readFileSync(path.join(FIXTURES, name)) }));
files.push({ name: "photo.png", mimeType: "image/png", buffer: PNG });
const PASTED = "Harbour strike ends after two days\n\nThe strike at the Port of Rotterdam ended on Saturday after the Harbour Workers Union accepted a mediator's proposal. “This is a fair deal for every worker,” Maria Keller said.";

const port = await freePort();
let server = await serve(DIST, port);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
const external = [];
context.on("request", (r) => {
  const url = new URL(r.url());
  if (!["blob:", "data:"].includes(url.protocol) && url.host !== `127.0.0.1:${port}`) external.push(r.url());
});
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));

/** Runs `run(context, url)` in a browser context of its own (nothing another test stored is
 *  restored into it; another test may still be clearing the shared one's files) with the page
 *  on a server of its own (the offline test stops the shared one), and closes both after. */
async function isolated(contextOptions, run) {
  const own = await browser.newContext(contextOptions);
  const fresh = await serve(DIST, await freePort());
  try {
    return await run(own, fresh.url);
  } finally {
    await own.close();
    fresh.stop();
  }
}
page.on("console", (m) => {
  if (m.type() === "error" && !/favicon|integrity/.test(m.text())) problems.push(`console: ${m.text()}`);
});
await page.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
});

async function waitIdle() {
  await page.waitForFunction(() => {
    const s = document.getElementById("status");
    return s && !s.querySelector(".spinner") && !/Loading|Reading|Analysing/.test(s.textContent);
  }, null, { timeout: 60_000 });
}
const count = (selector) => page.locator(selector).count();

/** Clicks "Export JSON" on `p` and reads the report it downloads. */
async function exportReport(p) {
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#export-json")]);
  return JSON.parse(fs.readFileSync(await download.path(), "utf8"));
}

test("the page loads with a drop zone, a file picker and a paste box", async () => {
  await page.goto(server.url);
  await page.waitForSelector("#file-input", { state: "attached" });
  assert.equal(await page.getAttribute("#file-input", "type"), "file");
  assert.notEqual(await page.getAttribute("#file-input", "multiple"), null);
  await page.waitForSelector("#paste-box");
  await waitIdle();
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|TRUNK_INLINE_HASHES/);
});

test("dropped files are analysed: entities, quotes and overlaps appear", async () => {
  await page.setInputFiles("#file-input", files);
  await waitIdle();
  await page.waitForSelector("#entities tbody tr");
  assert.equal(await count("#documents > li"), files.length);
  assert.match(await page.textContent("#documents"), /photo\.png[\s\S]*not a text document|photo\.png[\s\S]*(image|binary|PNG)/i);
  assert.ok((await count("#entities tbody tr.entity")) >= 5, "entities listed");
  assert.match(await page.textContent("#entities"), /Maria Keller/);
  await page.screenshot({ path: path.join(ARTIFACTS, "entities.png"), fullPage: true });
  // Sorted by each column, filtered by the number of sources.
  const column = (i) => page.$$eval(`#entities tbody tr.entity td:nth-child(${i})`, (cells) => cells.map((c) => c.textContent.trim()));
  const sourcesBefore = (await column(3)).map(Number);
  assert.deepEqual(sourcesBefore, [...sourcesBefore].sort((a, b) => b - a), "most sources first");
  await page.click("button[aria-label='Sort by name']");
  const names = await column(1);
  assert.deepEqual(names, [...names].sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0), "A to Z");
  assert.equal(await page.getAttribute("#entities th:nth-child(1)", "aria-sort"), "ascending");
  await page.click("button[aria-label='Sort by mentions']");
  const mentions = (await column(4)).map(Number);
  assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a), "most mentions first");
  const all = await count("#entities tbody tr.entity");
  await page.selectOption("#min-sources", "2");
  const shared = (await column(3)).map(Number);
  assert.ok(shared.length > 0 && shared.length < all, "some entities are in one source only");
  assert.ok(shared.every((n) => n >= 2), "only entities in two sources or more");
  await page.selectOption("#min-sources", "1");
  await page.click("button[aria-label='Sort by sources']");
  // "the future" (in the shared quote) is a time expression naming no date: listed on request.
  const listed = async () => (await column(1)).some((n) => /^the future$/i.test(n));
  assert.equal(await listed(), false, "vague dates left out");
  await page.check("#show-vague");
  assert.equal(await listed(), true, "vague dates listed on request");
  await page.uncheck("#show-vague");
  await page.click("#tab-quotes");
  await page.waitForSelector("#quotes");
  assert.ok((await count("#quotes blockquote")) >= 3, "quotes listed");
  assert.match(await page.textContent("#quotes"), /not against the future/);
  // The statement the three harbour articles share is one group, its wordings compared.
  assert.ok((await count("#quotes .quote-group.shared")) >= 1, "a statement shared across sources");
  assert.ok((await count("#quotes .quote-group.shared mark.diff")) >= 1, "differing words marked");
  await page.screenshot({ path: path.join(ARTIFACTS, "quotes.png"), fullPage: true });
  await page.click("#quotes-by-speaker");
  await page.waitForSelector("#quotes .speaker-name");
  assert.match(await page.textContent("#quotes .speaker-name >> nth=0"), /Maria Keller \(\d+\)/);
  await page.screenshot({ path: path.join(ARTIFACTS, "quotes-by-speaker.png"), fullPage: true });
  await page.click("#quotes-by-statement");
  await page.click("#tab-overlaps");
  await page.waitForSelector("#overlaps");
  assert.equal(await count("#overlaps > li"), 6, "one overlap entry per pair of the four readable documents");
  assert.equal(await count("#overlap-matrix tbody tr"), 4, "a matrix row per readable document");
  assert.equal(await count("#overlap-matrix td.cell button"), 12, "every pair, both ways");
  assert.ok((await count("#only-here > li")) === 4, "what each source alone says");
  assert.match(await page.textContent("#facts"), /jobs[\s\S]*disagree|disagree[\s\S]*jobs/, "800 vs 1,200 jobs");
  await page.screenshot({ path: path.join(ARTIFACTS, "overlaps.png"), fullPage: true });
  // The pair that shares most: a cell opens its passages side by side.
  const cells = page.locator("#overlap-matrix td.cell button");
  let best = 0, bestScore = -1;
  for (let i = 0; i < (await cells.count()); i++) {
    const v = Number(await cells.nth(i).textContent());
    if (v > bestScore) [best, bestScore] = [i, v];
  }
  await cells.nth(best).click();
  await page.waitForSelector("#selected-pair .passage");
  assert.ok((await count("#selected-pair .passage .side-a")) >= 1);
  await page.screenshot({ path: path.join(ARTIFACTS, "overlaps-pair.png"), fullPage: true });
  await page.click("#selected-pair > button");
  await page.waitForSelector("#overlaps");
});

test("the reading view highlights entities and quotes and opens an entity card", async () => {
  await page.click("#tab-read");
  await page.waitForSelector("#reading-text .ent");
  assert.ok((await count("#reading-text q.quoted")) >= 1, "quotes marked");
  await page.focus("#reading-text .ent.kind-person");
  await page.waitForSelector(".entity-card h3");
  assert.ok((await page.textContent(".entity-card h3")).length > 0);
  await page.screenshot({ path: path.join(ARTIFACTS, "reading.png"), fullPage: true });
  await page.click("#tab-entities");
});

test("nothing from a dropped document runs or loads", async () => {
  assert.equal(await page.evaluate(() => window.__hostileRan), undefined);
  assert.equal(await page.evaluate(() => window.__fixtureScriptRan), undefined);
  assert.deepEqual(external, [], "requests to other origins");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
});

test("pasted text becomes a document", async () => {
  await page.fill("#paste-box", PASTED);
  await page.click("#paste-add");
  await waitIdle();
  assert.equal(await count("#documents > li"), files.length + 1);
  assert.match(await page.textContent("#documents"), /pasted-1/);
});

let exported;
test("Export JSON downloads a valid report equal to the command line's", async () => {
  exported = await exportReport(page);
  validateReport(exported);
  assert.equal(exported.documents.length, 5);
  assert.deepEqual(exported.errors.map((e) => e.name), ["photo.png"]);

  const paths = writeFiles([...files, { name: "pasted-1", buffer: Buffer.from(PASTED) }], "newslens-e2e-");
  const cli = JSON.parse(execFileSync(ANALYSE, ["--json", ...paths], { maxBuffer: 1 << 28 }).toString());
  validateReport(cli);
  assert.deepEqual(normaliseReport(exported), normaliseReport(cli));
});

test("CSV and HTML exports open and match the analysis", async () => {
  const save = async (id) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(id)]);
    return fs.readFileSync(await download.path(), "utf8");
  };
  const entities = (await save("#export-entities-csv")).trim().split("\r\n");
  assert.equal(entities[0], "id,name,kind,value,aliases,sources,mentions,documents");
  assert.equal(entities.length - 1, exported.entities.length);
  const quotes = await save("#export-quotes-csv");
  assert.ok(quotes.startsWith("id,document,speaker,cue,kind,group,start,end,text\r\n"));
  assert.match(quotes, /not against the future/);
  const overlaps = (await save("#export-overlaps-csv")).trim().split("\r\n");
  assert.equal(overlaps.length - 1, exported.overlaps.length);
  const html = await save("#export-html");
  assert.match(html, /<h1>News Lens report<\/h1>/);
  assert.doesNotMatch(html, /<script/);
  // The HTML report opens on its own, with no app and no network.
  const standalone = await context.newPage();
  await standalone.setContent(html);
  assert.match(await standalone.textContent("body"), /Maria Keller/);
  await standalone.close();
});

test("documents survive a reload", async () => {
  await page.reload();
  await waitIdle();
  await page.waitForSelector("#entities tbody tr");
  assert.equal(await count("#documents > li"), files.length + 1);
  const names = await page.locator("#documents .doc-name").allTextContents();
  assert.deepEqual(names, [...files.map((f) => f.name), "pasted-1"], "same documents in the same order");
});

test("a removed document stays removed after a reload", async () => {
  await page.click('button[aria-label="Remove pasted-1"]');
  await waitIdle();
  assert.equal(await count("#documents > li"), files.length);
  await page.waitForTimeout(200); // let IndexedDB commit the delete
  await page.reload();
  await waitIdle();
  assert.equal(await count("#documents > li"), files.length);
});

test("a removed line can be restored, survives a reload, and can be removed again", async () => {
  const line = "Sign up for our morning newsletter and never miss a story";
  const report = () => exportReport(page);
  const wire = (r) => r.documents.find((d) => d.name === "harbour-strike-wire.txt");
  assert.ok(wire(await report()).removed.some((r) => r.text === line), "the prompt starts out removed");
  const item = page.locator("#documents > li", { hasText: "harbour-strike-wire.txt" });
  await item.locator("details.removed summary").click();
  await item.locator(`button[aria-label="Restore to the text: ${line}"]`).click();
  await waitIdle();
  let doc = wire(await report());
  assert.ok(doc.text.includes(line), "restored into the body");
  assert.ok(!doc.removed.some((r) => r.text === line));
  await page.waitForTimeout(200); // let IndexedDB commit
  await page.reload();
  await waitIdle();
  await page.waitForSelector("#entities tbody tr");
  assert.ok(wire(await report()).text.includes(line), "still restored after a reload");
  await item.locator("details.removed summary").click();
  assert.match(await item.locator("details.removed summary").textContent(), /restored 1 line/);
  await item.locator(`button[aria-label="Remove again: ${line}"]`).click();
  await waitIdle();
  doc = wire(await report());
  assert.ok(!doc.text.includes(line) && doc.removed.some((r) => r.text === line), "removed again");
});

test("after one visit the page works with the network cut", async () => {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await context.setOffline(true);
  server.stop();
  await page.reload();
  await waitIdle();
  await page.waitForSelector("#entities tbody tr");
  assert.equal(await count("#documents > li"), files.length);
  assert.match(await page.textContent("#entities"), /Maria Keller/);
  await page.screenshot({ path: path.join(ARTIFACTS, "offline.png"), fullPage: true });
});

test("usable at phone width", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: path.join(ARTIFACTS, "phone.png"), fullPage: true });
  // Every view, at phone width: nothing wider than the screen.
  for (const tab of ["read", "entities", "quotes", "overlaps"]) {
    await page.click(`#tab-${tab}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `the ${tab} view is ${wide}px wider than the screen`);
    await page.screenshot({ path: path.join(ARTIFACTS, `phone-${tab}.png`), fullPage: true });
  }
});

test("every control can be reached by keyboard and has a name for screen readers", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const tab of ["read", "entities", "quotes", "overlaps"]) {
    await page.click(`#tab-${tab}`);
    const nameless = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll("button, input, select, textarea, a[href], [tabindex], [role=button]")) {
        if (el.closest("[hidden]") || el.getClientRects().length === 0) continue;
        const labelled = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")
          || el.textContent.trim() || (el.labels && [...el.labels].some((l) => l.textContent.trim()))
          || el.getAttribute("title") || el.getAttribute("placeholder");
        if (!labelled) out.push(el.outerHTML.slice(0, 80));
        // Tabs use roving focus: only the selected one is in the Tab order (arrows reach the rest).
        const rovingTab = el.getAttribute("role") === "tab" && el.closest("[role=tablist]")?.querySelector("[role=tab][tabindex='0']");
        if (el.tabIndex < 0 && !el.disabled && el.type !== "file" && !rovingTab) out.push(`not focusable: ${el.outerHTML.slice(0, 80)}`);
      }
      return out;
    });
    assert.deepEqual(nameless, [], `${tab} view`);
  }
  // The tabs answer the keyboard: Enter, arrows (wrapping), Home and End, with focus following.
  await page.focus("#tab-entities");
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute("#tab-entities", "aria-selected"), "true");
  const selected = () => page.evaluate(() => [document.querySelector("[role=tab][aria-selected=true]")?.id, document.activeElement?.id]);
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await selected(), ["tab-quotes", "tab-quotes"]);
  await page.keyboard.press("End");
  assert.deepEqual(await selected(), ["tab-overlaps", "tab-overlaps"]);
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await selected(), ["tab-read", "tab-read"]);
  await page.keyboard.press("ArrowLeft");
  assert.deepEqual(await selected(), ["tab-overlaps", "tab-overlaps"]);
  await page.keyboard.press("Home");
  assert.deepEqual(await selected(), ["tab-read", "tab-read"]);
  assert.equal(await page.getAttribute("#tab-entities", "tabindex"), "-1");
});

test("Clear all empties the page and the store", async () => {
  await page.click("#clear-all");
  await waitIdle();
  assert.equal(await count("#documents > li"), 0);
  await page.waitForTimeout(200);
  await page.reload();
  await waitIdle();
  assert.equal(await count("#documents > li"), 0);
  assert.match(await page.textContent("main"), /Drop a few articles/);
});

test("a chosen folder's articles are read, named by their path, its hidden files left out", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "newslens-folder-"));
  const dir = path.join(root, "harbour-desk");
  for (const sub of ["sub", "sub/.hidden", ".git"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(path.join(dir, "b-wire.txt"), fs.readFileSync(path.join(FIXTURES, "harbour-strike-wire.txt")));
  fs.writeFileSync(path.join(dir, "sub", "a-gazette.md"), fs.readFileSync(path.join(FIXTURES, "harbour-strike-gazette.md")));
  fs.writeFileSync(path.join(dir, ".DS_Store"), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  fs.writeFileSync(path.join(dir, ".git", "config"), "[core]\n");
  fs.writeFileSync(path.join(dir, "sub", ".hidden", "note.txt"), "A hidden note about Maria Keller.");
  await page.setInputFiles("#folder-input", dir);
  await waitIdle();
  await page.waitForSelector("#entities tbody tr");
  const names = await page.$$eval("#documents > li", (items) => items.map((li) => li.querySelector(".doc-name").textContent.trim()));
  assert.equal(names.length, 2, JSON.stringify(names));
  assert.match(names.join(" "), /harbour-desk\/b-wire\.txt/);
  assert.match(names.join(" "), /harbour-desk\/sub\/a-gazette\.md/);
  assert.match(await page.textContent("#entities"), /Maria Keller/);
  await page.click("#clear-all");
  await waitIdle();
  fs.rmSync(root, { recursive: true });
});

test("a folder dropped on the page is opened and its articles read, named by their path", async () => {
  // A headless browser cannot drop a real folder: the drop's untyped item answers with a folder
  // entry of our own holding files made in the page; the rest is the page's own path.
  await page.evaluate(([wire, gazette]) => {
    const entry = (fullPath, children) => ({
      name: fullPath.split("/").pop(), fullPath, isDirectory: Boolean(children), isFile: !children,
      file: (resolve) => resolve(new File([children ? "" : fullPath.endsWith(".md") ? gazette : wire], fullPath.split("/").pop())),
      createReader: () => { const batches = [children, []]; return { readEntries: (resolve) => resolve(batches.shift()) }; },
    });
    const locked = { ...entry("/desk/locked", []), createReader: () => ({ readEntries: (resolve, reject) => reject(new Error("denied")) }) };
    const desk = entry("/desk", [entry("/desk/wire.txt"), entry("/desk/.DS_Store"), locked, entry("/desk/sub", [entry("/desk/sub/gazette.md")])]);
    const original = DataTransferItem.prototype.webkitGetAsEntry;
    DataTransferItem.prototype.webkitGetAsEntry = function () { return this.type === "" ? desk : original.call(this); };
    const dt = new DataTransfer();
    dt.items.add(new File(["x"], "desk"));
    dt.items.add(new File(["Ferry note\n\nThe ferry to Vlieland sails on Friday, Anouk de Wit said."], "note.txt", { type: "text/plain" }));
    document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    DataTransferItem.prototype.webkitGetAsEntry = original;
  }, [fs.readFileSync(path.join(FIXTURES, "harbour-strike-wire.txt"), "utf8"), fs.readFileSync(path.join(FIXTURES, "harbour-strike-gazette.md"), "utf8")]);
  await waitIdle();
  await page.waitForSelector("#entities tbody tr");
  const names = await page.$$eval("#documents > li", (items) => items.map((li) => li.querySelector(".doc-name").textContent.trim()));
  assert.deepEqual(names, ["desk/locked", "desk/sub/gazette.md", "desk/wire.txt", "note.txt"]);
  assert.match(await page.textContent("#documents"), /desk\/locked\s*cannot read it: the folder could not be opened/);
  assert.match(await page.textContent("#entities"), /Maria Keller/);
  await page.click("#clear-all");
  await waitIdle();
});

test("Clear all while a dropped folder is still being walked: its files do not come after it", async () => {
  await page.setInputFiles("#file-input", path.join(FIXTURES, "harbour-strike-wire.txt"));
  await waitIdle();
  assert.equal(await count("#documents > li"), 1);
  // A folder of our own whose listing waits until the test lets it go.
  await page.evaluate(() => {
    let release;
    const walked = new Promise((resolve) => { release = resolve; });
    window.__releaseWalk = () => release();
    const note = { name: "a.txt", fullPath: "/late/a.txt", isDirectory: false, isFile: true,
      file: (resolve) => resolve(new File(["Late note\n\nThe ferry to Texel sails on Monday, Joris Bakker said."], "a.txt")) };
    const late = { name: "late", fullPath: "/late", isDirectory: true, isFile: false,
      createReader: () => { const batches = [[note], []]; return { readEntries: (resolve) => walked.then(() => resolve(batches.shift())) }; } };
    const original = DataTransferItem.prototype.webkitGetAsEntry;
    DataTransferItem.prototype.webkitGetAsEntry = function () { return this.type === "" ? late : original.call(this); };
    const dt = new DataTransfer();
    dt.items.add(new File(["x"], "late"));
    document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    DataTransferItem.prototype.webkitGetAsEntry = original;
  });
  await page.waitForFunction(() => /Opening the dropped folders/.test(document.getElementById("status").textContent));
  await page.click("#clear-all");
  assert.doesNotMatch(await page.textContent("#status"), /Opening/);
  await page.evaluate(() => window.__releaseWalk());
  // The walk's files would be added in the tasks right after it ends.
  await page.waitForTimeout(300);
  await waitIdle();
  assert.equal(await count("#documents > li"), 0);
  assert.doesNotMatch(await page.textContent("main"), /Joris Bakker|a\.txt/);
});

test("a dropped folder is walked: files sorted and named by their path, hidden ones left out, failures kept", async () => {
  // The walk over the File and Directory Entries API, with entries of our own (a real folder
  // cannot be dropped in a headless browser): folders list their entries in batches.
  const { droppedFolders, filesOf } = await import(path.join(ROOT, "src/web/read.js"));
  const file = (fullPath, ok = true) => ({
    name: path.basename(fullPath), fullPath, isDirectory: false,
    file: (resolve, reject) => (ok ? resolve({ file: fullPath }) : reject(new Error("gone"))),
  });
  const folder = (fullPath, children, ok = true) => ({
    name: path.basename(fullPath), fullPath, isDirectory: true,
    createReader: () => {
      const batches = [children.slice(0, 2), children.slice(2), []];
      return { readEntries: (resolve, reject) => (ok ? resolve(batches.shift()) : reject(new Error("denied"))) };
    },
  });
  // A typed item (a file named with a known extension) is never asked for its entry, which
  // costs the browser a look at the file on the page's thread.
  const item = (entry, type = entry.isDirectory ? "" : "text/plain") => ({
    kind: "file", type,
    getAsFile: () => ({ name: entry.name, file: entry.fullPath }),
    webkitGetAsEntry: () => { if (type) throw new Error(`entry asked of ${entry.name}`); return entry; },
  });
  assert.equal(droppedFolders({ items: [item(file("/a.txt")), item(file("/notes"), "")] }), null, "no folder: the drop's files are all");
  const drop = {
    items: [
      item(file("/z-first.txt")),
      item(folder("/desk", [
        file("/desk/c.txt"), file("/desk/.DS_Store"), folder("/desk/.git", [file("/desk/.git/config")]),
        file("/desk/a.txt"), folder("/desk/sub", [file("/desk/sub/b.html"), file("/desk/sub/gone.txt", false)]),
        folder("/desk/locked", [file("/desk/locked/x.txt")], false),
      ])),
      { kind: "string", type: "text/uri-list", webkitGetAsEntry: () => { throw new Error("asked"); } },
      item(file("/.env")),
    ],
  };
  const found = await droppedFolders(drop);
  assert.deepEqual(found, [
    ["z-first.txt", { name: "z-first.txt", file: "/z-first.txt" }],
    ["desk/a.txt", { file: "/desk/a.txt" }],
    ["desk/c.txt", { file: "/desk/c.txt" }],
    ["desk/locked", null, "the folder could not be opened"],
    ["desk/sub/b.html", { file: "/desk/sub/b.html" }],
    ["desk/sub/gone.txt", null, "the file could not be opened"],
    [".env", { name: ".env", file: "/.env" }],
  ]);
  assert.deepEqual(await filesOf([]), []);
  // A folder that holds a link to itself is walked to a depth, not forever.
  const loop = {
    name: "loop", fullPath: "/loop", isDirectory: true,
    createReader() {
      const batches = [[file(`${this.fullPath}/a.txt`), { ...loop, fullPath: `${this.fullPath}/loop` }], []];
      return { readEntries: (resolve) => resolve(batches.shift()) };
    },
  };
  const looped = await filesOf([loop]);
  assert.equal(looped.length, 17);
  assert.deepEqual(looped.at(-1), [`${"loop/".repeat(16)}loop`, null, "a folder nested deeper than 16 levels"]);
});

test("the sample articles load from the empty state", async () => {
  await page.click("#try-sample");
  await waitIdle();
  await page.waitForSelector("#entities tbody tr");
  assert.equal(await count("#documents > li"), 3);
  await page.click("#clear-all");
  await waitIdle();
});

test("a long entity table shows a screenful first, then 100 rows, then all on request", async () => {
  // 120 people of our own invention, each quoted once, over three documents.
  const first = ["Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Lukas"];
  const last = ["Albers", "Brandt", "Castell", "Dorn", "Eckert", "Falk", "Gruber", "Hartmann", "Imhof", "Jansen"];
  const names = first.flatMap((f) => last.map((l) => `${f} ${l}`));
  const docs = [0, 1, 2].map((d) => ({
    name: `council-${d}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(`Council hears residents\n\n${names.filter((_, i) => i % 3 === d)
      .map((n, i) => `${n} told the council on Monday that the plan for the ${i + 1}th district needs more time.`).join("\n\n")}`),
  }));
  await page.evaluate(() => {
    window.__firstRows = 0;
    new MutationObserver((_, observer) => {
      window.__firstRows = document.querySelectorAll("#entities tbody tr.entity").length;
      if (window.__firstRows > 0) observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.setInputFiles("#file-input", docs);
  await waitIdle();
  // The first paint has a screenful of rows; the rest of the first 100 follow.
  await page.waitForFunction(() => document.querySelectorAll("#entities tbody tr.entity").length === 100);
  const firstRows = await page.evaluate(() => window.__firstRows);
  assert.ok(firstRows > 0 && firstRows <= 40, `${firstRows} rows in the first paint`);
  const more = page.locator("section.entities button.more");
  const total = Number(/Show all (\d+)/.exec(await more.textContent())?.[1]);
  assert.ok(total >= 120, `all people listed on request (${total} entities)`);
  await more.click();
  assert.equal(await count("#entities tbody tr.entity"), total);
  await page.click("#clear-all");
  await waitIdle();
});

test("a line removed many times is listed once with its count, and at most 100 lines per document", async () => {
  // Two stories of our own, each with 150 "Read also" links and a newsletter prompt after every
  // paragraph: 300 removed lines, 151 different.
  const docs = [0, 1].map((d) => ({
    name: `gazette-${d}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(Array.from({ length: 150 }, (_, k) => [
      `The harbour board met on Tuesday about the quay; paragraph ${k} of story ${d} adds a detail of its own.`,
      `Read also: harbour notes number ${k}`,
      "Subscribe to the Harbour Gazette for more.",
    ].join("\n\n")).join("\n\n")),
  }));
  await page.setInputFiles("#file-input", docs);
  await waitIdle();
  const item = page.locator("#documents > li", { hasText: "gazette-0.txt" });
  await item.locator("details.removed summary").click();
  assert.match(await item.locator("details.removed summary").textContent(), /removed 300 lines/);
  assert.equal(await item.locator("details.removed li").count(), 101);
  const prompt = item.locator("details.removed li", { hasText: "Subscribe to the Harbour Gazette" });
  assert.equal(await prompt.count(), 1);
  assert.match(await prompt.textContent(), /×150/);
  assert.match(await item.locator("details.removed li.more-removed").textContent(), /and 51 more lines/);
  await page.click("#clear-all");
  await waitIdle();
});

test("the reading view shows a long text's first 50,000 characters, then more on request", async () => {
  // Minutes of our own invention, 1,300 paragraphs (about 130,000 characters), a name in each.
  const paragraphs = Array.from({ length: 1300 }, (_, k) =>
    `In session ${k} the harbour board heard Mayor Lena Okafor, who said berth ${k} would reopen soon.`);
  paragraphs.push("The final note of the harbour minutes closes the record.");
  await page.setInputFiles("#file-input", [
    { name: "minutes.txt", mimeType: "text/plain", buffer: Buffer.from(`Harbour minutes\n\n${paragraphs.join("\n\n")}`) },
  ]);
  await waitIdle();
  await page.click("#tab-read");
  await page.waitForSelector("#reading-text .ent");
  const shown = async () => (await page.textContent("#reading-text .body")).length;
  const left = async () => Number(/goes on for (\d+) more characters/.exec(await page.textContent("#reading-text .more-text"))?.[1]);
  const first = await shown();
  assert.ok(first >= 50000 && first < 50300, `${first} characters at first`);
  assert.ok(!(await page.textContent("#reading-text")).includes("The final note"));
  const before = await left();
  assert.ok(before > 70000, `${before} characters left`);
  const mentions = await count("#reading-text .ent");
  await page.click("#reading-text .more-text button.more");
  await page.waitForFunction((n) => document.querySelector("#reading-text .body").textContent.length > n, first);
  assert.equal(await left(), before - ((await shown()) - first));
  assert.ok((await count("#reading-text .ent")) > mentions, "mentions further on are marked too");
  await page.click("#reading-text .more-text button.more-all");
  await page.waitForFunction(() => !document.querySelector("#reading-text .more-text"));
  assert.match(await page.textContent("#reading-text .body"), /The final note of the harbour minutes closes the record\.$/);
  await page.click("#tab-entities");
  await page.click("#clear-all");
  await waitIdle();
});

test("a large batch dropped from disk is shared with helper workers (reading, then comparing), its report read over many tasks, and gives the command line's report", async () => {
  // 60 reports of our own invention (over 100 KB, so the worker shares the reading), one a web
  // page, most ending in the same short line (which the batch removes after each document's
  // mentions were found in a helper), and an image.
  const towns = ["Split", "Zadar", "Pula", "Rijeka", "Sibenik", "Dubrovnik"];
  const people = ["Ana Petrović", "Marko Horvat", "Ivana Kovač", "Luka Babić", "Maja Novak"];
  const docs = Array.from({ length: 60 }, (_, i) => {
    const town = towns[i % towns.length], who = people[i % people.length];
    const paragraphs = [
      `${town} council approves harbour plan number ${i + 1}`,
      ...Array.from({ length: 16 }, (_, k) => `The ${town} council voted ${10 + k} to ${i % 9} on ${["Monday", "Tuesday", "Friday"][k % 3]} to spend ${(i + 1) * (k + 2)} million euros on the pier, the breakwater and ${k + 3} new cranes for the port of ${town}.`),
      `“We waited long enough for this,” said ${who}, who chairs the ${town} Harbour Committee, after the vote on ${i + 1} March 2025.`,
      ...(i % 4 ? ["Follow the Harbour Authority of Rijeka for updates."] : []),
    ];
    const text = paragraphs.join("\n\n");
    return i === 7
      ? { name: `report-${i}.html`, mimeType: "text/html", buffer: Buffer.from(`<html><head><title>${paragraphs[0]}</title></head><body><nav>Home | Ports</nav><article>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`) }
      : { name: `report-${i}.txt`, mimeType: "text/plain", buffer: Buffer.from(text) };
  });
  docs.push({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  assert.ok(docs.reduce((n, d) => n + d.buffer.length, 0) > 100_000);

  const shared = await context.newPage();
  const log = [];
  shared.on("console", (m) => log.push(m.text()));
  shared.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // (read_slice_ms=0: the page reads the report 100 items a task, as it does a large one's.)
  await shared.goto(`${server.url}?helpers=2&read_slice_ms=0`);
  await pageReady(shared);
  // Helpers start once the worker is ready, and warm up before they take a part.
  await expectLog(log, /analysis helpers ready: 2 of 2/);
  // Dropped as files on disk, as a person drops them: read each on its own (not as blobs, whose
  // sizes the browser would look up one at a time), and read right, or the report would differ.
  const paths = writeFiles(docs, "newslens-e2e-");
  await shared.setInputFiles("#file-input", paths);
  await expectLog(log, /^61 files on disk: each read on its own$/);
  await expectLog(log, /analysis stages: ingest\+recognise \(61 documents, 3 workers;/);
  // The texts were compared by a helper while the worker found the entities and quotes.
  assert.match(log.find((l) => l.startsWith("analysis stages:")), /compare \(by a helper in \d+ ms; waited\)/);
  await shared.waitForSelector("#entities tbody tr");
  await expectLog(log, /^report read in/);
  const tasks = Number(/^report read in \d+ ms over (\d+) tasks/.exec(log.find((l) => l.startsWith("report read in")))?.[1]);
  const report = await exportReport(shared);
  validateReport(report);
  assert.equal(report.documents.length, 60);
  const items = report.documents.length + report.entities.length + report.quotes.length;
  assert.ok(tasks >= items / 100, `read over ${tasks} tasks`);
  assert.ok(report.documents.some((d) => d.removed.some((r) => r.reason === "repeated_across_batch")));
  assert.ok(report.overlaps.some((o) => o.passages.length > 0) && report.facts.length > 0);

  const cli = JSON.parse(execFileSync(ANALYSE, ["--json", ...paths], { maxBuffer: 1 << 28 }).toString());
  assert.deepEqual(normaliseReport(report), normaliseReport(cli));
  await shared.click("#clear-all");
  await shared.waitForFunction(() => document.querySelectorAll("#documents > li").length === 0);
  await shared.close();
});

test("a drop of several chunks is read ahead of its analysis, and the files read are not read again when one is removed or has a line restored", async () => {
  // 300 short reports of our own invention, dropped from disk: the page reads them 128 at a
  // time, and hands the worker each chunk while it reads the next. One has a newsletter prompt.
  const prompt = "Sign up for our morning newsletter and never miss a story";
  const docs = Array.from({ length: 300 }, (_, i) => ({
    name: `notice-${String(i).padStart(3, "0")}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from([
      `Ferry timetable notice ${i + 1}`,
      `The ferry from Split to the island of ${["Brac", "Hvar", "Vis", "Solta"][i % 4]} leaves at ${6 + (i % 12)}:15 on ${["Monday", "Thursday"][i % 2]}, port captain Ivo Barić said.`,
      ...(i === 5 ? [prompt] : []),
      `“Passengers should arrive ${10 + (i % 20)} minutes early,” Barić told reporters on ${i % 28 + 1} May 2025.`,
    ].join("\n\n")),
  }));
  const paths = writeFiles(docs, "newslens-ahead-");
  const cli = (chosen) => JSON.parse(execFileSync(ANALYSE, ["--json", ...chosen], { maxBuffer: 1 << 28 }).toString());
  await isolated({ acceptDownloads: true }, async (own, url) => {
    const ahead = await own.newPage();
    const log = [];
    ahead.on("console", (m) => log.push(m.text()));
    ahead.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await ahead.goto(`${url}?helpers=1`);
    await pageReady(ahead);
    await expectLog(log, /analysis helpers ready: 1 of 1/);
    const exported = () => exportReport(ahead);
    const analysed = async (re) => {
      await expectLog(log, re);
      await ahead.waitForFunction(() => /^\s*Analysed/.test(document.getElementById("status").textContent));
      return log.filter((l) => re.test(l)).at(-1);
    };
    await ahead.setInputFiles("#file-input", paths);
    const first = await analysed(/^analysis stages: ingest\+recognise \(300 documents, \d+ read before;/);
    const before = Number(/(\d+) read before/.exec(first)[1]);
    assert.ok(before >= 128 && before < 300, `read ahead: ${first}`);
    assert.deepEqual(normaliseReport(await exported()), normaliseReport(cli(paths)));

    // Removing one file reads none again.
    await ahead.click('button[aria-label="Remove notice-000.txt"]');
    await analysed(/^analysis stages: ingest\+recognise \(299 documents, 299 read before; 0 documents\)/);
    assert.deepEqual(normaliseReport(await exported()), normaliseReport(cli(paths.slice(1))));

    // A line restored in one file reads that one again, with the line.
    const item = ahead.locator("#documents > li", { hasText: "notice-005.txt" });
    await item.locator("details.removed summary").click();
    await item.locator(`button[aria-label="Restore to the text: ${prompt}"]`).click();
    await analysed(/^analysis stages: ingest\+recognise \(299 documents, 298 read before; 1 documents\)/);
    const report = await exported();
    assert.ok(report.documents.find((d) => d.name === "notice-005.txt").text.includes(prompt));
    assert.equal(report.documents.length, 299);
  });
});

test("a batch dropped while the worker warms up on its made-up large batch is analysed at once; the warm-up ends after", async () => {
  // In the shared context the test before could still be deleting its files (Clear all), and
  // they would be restored into this page, which would then not be ready but analysing.
  await isolated({}, async (own, url) => {
    const early = await own.newPage();
    const log = [];
    early.on("console", (m) => log.push(m.text()));
    early.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // Twenty rounds of the warm-up's second part (three by default) take seconds: the batch
    // comes in the middle of it, and waits for one small step of it at most.
    await early.goto(`${url}?warm_rounds=20`);
    await pageReady(early);
    await early.setInputFiles("#file-input", files.slice(0, 3));
    await early.waitForSelector("#entities tbody tr");
    await expectLog(log, /^analysis warmed up on a large batch \d+ ms after ready$/);
    const analysed = log.findIndex((l) => l.startsWith("analysis stages:"));
    const warmed = log.findIndex((l) => l.startsWith("analysis warmed up"));
    assert.ok(analysed >= 0 && analysed < warmed, `the batch waited for the warm-up: ${JSON.stringify(log)}`);
  });
});

test("a file the analysis stops on is found and left out with a message; the other files are analysed", async () => {
  // `?crash_on=NAME` makes the worker stop on a batch with that file, as a fault in the analysis
  // (a panic) would: the page starts a worker again and halves the batch until it has the file.
  await isolated({}, async (own, url) => {
    const crashing = await own.newPage();
    const log = [];
    crashing.on("console", (m) => log.push(m.text()));
    await crashing.goto(`${url}?crash_on=minutes-3.txt`);
    await pageReady(crashing);
    const docs = Array.from({ length: 6 }, (_, d) => ({
      name: `minutes-${d}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`Harbour minutes ${d}\n\nMayor Lena Okafor told the board on Monday that berth ${d} reopens in March.`),
    }));
    await crashing.setInputFiles("#file-input", docs);
    const left = crashing.locator("#documents > li", { hasText: "minutes-3.txt" }).locator(".error");
    await left.waitFor({ timeout: 120_000 });
    assert.match(await left.textContent(), /stopped on an error of its own while analysing this file/);
    await crashing.waitForFunction(() => /Analysed 5 documents/.test(document.getElementById("status").textContent));
    for (const d of [0, 1, 2, 4, 5]) {
      assert.equal(await crashing.locator("#documents > li", { hasText: `minutes-${d}.txt` }).locator(".doc-id").count(), 1, `minutes-${d}.txt analysed`);
    }
    assert.ok(await crashing.locator("#entities tbody tr", { hasText: "Lena Okafor" }).count() >= 1);
    assert.ok(log.filter((l) => /^the analysis stopped/.test(l)).length >= 2, "the batch, then the halves with the file");
  });
});

test("a worker of another build than the page is refused with a message", async () => {
  // The real worker, loaded after a change to what it says of its build: as if a stale copy had
  // been served beside this page.
  const loader = fs.readFileSync(path.join(DIST, "worker_loader.js"), "utf8");
  await isolated({ serviceWorkers: "block" }, async (other, url) => {
    await other.route("**/worker_loader.js", (route) => route.fulfill({
      contentType: "text/javascript",
      body: "const post = self.postMessage.bind(self);\n"
        + "self.postMessage = (m, t) => post(m && m.type === 'ready' ? { ...m, format: (m.format + 1) >>> 0 } : m, t);\n"
        + loader,
    }));
    const stale = await other.newPage();
    await stale.goto(url);
    await stale.waitForFunction(() => /different versions of News Lens: reload/.test(document.getElementById("status")?.textContent ?? ""));
  });
});

test("no page errors", async () => {
  assert.deepEqual(problems, []);
});

const ok = await run().finally(async () => {
  await browser.close();
  server.stop();
});
process.exit(ok ? 0 : 1);
