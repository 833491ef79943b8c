// Browser benchmark of the built page (dist/) in headless Chromium: files dropped through the
// real file input, timed in the page from the drop to the rendered report, for batches of 5,
// 100 and all articles of a JSON-lines corpus ({title, text} per line); and compromise
// (people, places, organizations, quotations) on the same texts in the same browser, as a ratio.
//
// usage (from the repository root, after scripts/build.sh):
//   node tests/e2e/bench.mjs PATH/bbc.jsonl [--sizes 5,100,2225] [--settle MS] [--helpers N] [--from-disk] [--dist DIR] [--remove-one] [--params K=V&...]
// (--remove-one: after each report, the first file is removed and the new report timed.)
// (--dist: the built page to serve, dist/ by default: a copy of another build's dist/ lets two
// builds alternate on this noisy machine. --helpers: how many helper workers the analysis worker starts, as `?helpers=N` in the page's
// address; by default one per core beyond the first, up to 3. --from-disk: the articles are
// written to files and dropped as files on disk, as a person drops them; by default they are
// files in memory, which Chromium reads several times faster.)
// Prints a Markdown table; BENCHMARKS.md records the figures.
import fs from "node:fs";
import path from "node:path";
import { articleFiles, expectLog, freePort, launch, pageReady, serve, writeFiles } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const args = process.argv.slice(2);
const corpus = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!corpus) {
  console.error("usage: node tests/e2e/bench.mjs PATH.jsonl [--sizes 5,100,2225] [--settle MS]");
  process.exit(2);
}
const sizesArg = args[args.indexOf("--sizes") + 1];
const settleMs = args.includes("--settle") ? Number(args[args.indexOf("--settle") + 1]) : 1000;
const helpers = args.includes("--helpers") ? Number(args[args.indexOf("--helpers") + 1]) : undefined;
// More of the page's address parameters, for an experiment: --params warm_rounds=6.
const params = args.includes("--params") ? args[args.indexOf("--params") + 1] : "";
const dist = args.includes("--dist") ? args[args.indexOf("--dist") + 1] : "dist";
const removeOne = args.includes("--remove-one");
const files = articleFiles(corpus);
// What is dropped: the files in memory, or their paths once written to disk.
const dropped = args.includes("--from-disk") ? writeFiles(files, "newslens-bench-") : files;
const sizes = (args.includes("--sizes") ? sizesArg.split(",").map(Number) : [5, 100, files.length])
  .map((n) => Math.min(n, files.length));
const mb = (n) => files.slice(0, n).reduce((s, f) => s + f.buffer.length, 0) / 1e6;

/** Resident memory of each of Chromium's renderer processes, in MB, read from /proc (spawning
 * `ps` ten times a second took a share of this machine's two cores from the page it measures):
 * `rss` all of it, `own` its private memory footprint (anonymous resident memory and swap, as
 * Chromium's task manager counts a tab's memory on Linux: without the code and data it shares with
 * other processes, which make about:blank's renderer ~110 MB resident here). */
function rendererProcesses() {
  const sizes = [];
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, "latin1");
      if (!/chrom/.test(args) || !args.includes("--type=renderer")) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, "latin1");
      const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
      sizes.push({ rss: kb("VmRSS") / 1024, own: (kb("RssAnon") + kb("VmSwap")) / 1024 });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return sizes;
}
/** All renderer processes together (the page, its worker, and Chromium's own renderers). */
const rendererMemory = () => rendererProcesses().reduce((s, x) => s + x.rss, 0);
/** The largest renderer process (the one running the page and its worker): resident, own. */
function pageMemory() {
  const page = rendererProcesses().reduce((a, b) => (b.rss > a.rss ? b : a), { rss: 0, own: 0 });
  return [page.rss, page.own];
}

process.chdir(ROOT);
const port = await freePort();
const server = await serve(dist, port);
const browser = await launch();
const rows = [];
try {
  for (const n of sizes) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const stages = [];
    page.on("console", (m) => { if (/^(analysis stages|report read|analysis helpers|analysis warmed)/.test(m.text())) stages.push(m.text()); });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
      document.addEventListener("change", () => { window.__t0 = performance.now(); window.__first = undefined; window.__started = undefined; window.__rendered = undefined; }, true);
      new MutationObserver(() => {
        if (window.__t0 !== undefined && window.__started === undefined && /^\s*Analysing/.test(document.getElementById("status")?.textContent ?? "")) {
          window.__started = performance.now();
        }
        if (window.__t0 !== undefined && window.__first === undefined && document.querySelector("#entities tbody tr")) {
          window.__first = performance.now();
        }
        // Seen as the page changes, not when the benchmark next looks (it looks every 50 ms).
        if (window.__t0 !== undefined && window.__rendered === undefined && document.querySelector("#entities tbody tr")
          && /Analysed/.test(document.getElementById("status")?.textContent ?? "")) {
          window.__rendered = performance.now();
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const query = [helpers === undefined ? "" : `helpers=${helpers}`, params].filter(Boolean).join("&");
    await page.goto(query ? `${server.url}?${query}` : server.url);
    await pageReady(page);
    // Helpers start once the page is ready and warm up before they take a share.
    await expectLog(stages, /helpers ready: (\d+) of \1/);
    // And the worker has warmed up on a made-up large batch (the helpers too, about as long).
    await expectLog(stages, /analysis warmed up/);
    // A person takes a moment between the page saying it is ready and dropping files; in that
    // moment the browser finishes optimising the code the warm-up ran (--settle 0 drops at once).
    await page.waitForTimeout(settleMs);
    let peak = 0;
    const [pageBefore, ownBefore] = pageMemory();
    let [pagePeak, ownPeak] = [pageBefore, ownBefore];
    const sample = () => {
      peak = Math.max(peak, rendererMemory());
      const [rss, own] = pageMemory();
      pagePeak = Math.max(pagePeak, rss);
      ownPeak = Math.max(ownPeak, own);
    };
    const sampler = setInterval(sample, 100);
    await page.setInputFiles("#file-input", dropped.slice(0, n));
    await page.waitForFunction(() => /Analysed/.test(document.getElementById("status").textContent)
      && document.querySelector("#entities tbody tr"), null, { timeout: 600_000, polling: 50 });
    const m = await page.evaluate(() => {
      // The page's long tasks from the drop on. The task that delivers the drop also holds the
      // browser setting the input's files before the change event (under Playwright ~0.5 s for
      // 2,225 files on disk; not the page's doing): only its part from the change event counts.
      const pageTasks = () => window.__longTasks
        .filter(([t, d]) => t + d >= window.__t0)
        .map(([t, d]) => t + d - Math.max(t, window.__t0));
      return {
        rendered: window.__rendered - window.__t0,
        first: window.__first - window.__t0,
        started: window.__started - window.__t0,
        status: document.getElementById("status").textContent,
        longest: Math.max(0, ...pageTasks()),
        over100: pageTasks().filter((d) => d > 100).length,
      };
    });
    clearInterval(sampler);
    sample();
    const analysisMs = Number(/in (\d+) ms/.exec(m.status)?.[1]);
    // The wasm instances' memories (they only grow): the worker's after its analysis, the
    // interface's once it has parsed the report.
    const wasm = (re) => stages.map((s) => re.exec(s)?.[1]).filter(Boolean).pop() ?? "?";
    const wasmMb = `${wasm(/worker memory (\d+) MB/)} / ${wasm(/page memory (\d+) MB/)}`;
    const workers = wasm(/(\d+) workers;/).replace("?", "1");
    rows.push({ n, mb: mb(n), ...m, analysisMs, peak, pagePeak, pageBefore, ownPeak, ownBefore, wasmMb, workers });
    console.error(`${n} articles: ${stages.slice(-2).join("; ") || "no stage timings"}`);
    if (removeOne) {
      // The person removes the first file: the report again, without it.
      await page.waitForTimeout(settleMs);
      const t0 = Date.now();
      await page.click(`button[aria-label="Remove ${files[0].name}"]`);
      await page.waitForFunction(() => /Analysed/.test(document.getElementById("status").textContent), null, { timeout: 600_000, polling: 20 });
      const again = stages.filter((s) => s.startsWith("analysis stages")).pop() ?? "";
      console.error(`${n} articles, the first removed: rendered again in ${Date.now() - t0} ms; ${again.slice(0, 160)}`);
    }
    await context.close();
  }

  // compromise on the same texts, in the same browser, on a blank page (no CSP there).
  const n = Math.min(100, files.length);
  const page = await browser.newPage();
  await page.addScriptTag({ path: path.join(ROOT, "tests/e2e/node_modules/compromise/builds/compromise.js") });
  const texts = files.slice(0, n).map((f) => f.buffer.toString());
  const compromiseMs = await page.evaluate((texts) => {
    const t0 = performance.now();
    for (const text of texts) {
      const doc = window.nlp(text);
      doc.people().out("array");
      doc.places().out("array");
      doc.organizations().out("array");
      doc.quotations().out("array");
    }
    return performance.now() - t0;
  }, texts);
  const ours = rows.find((r) => r.n === n);

  console.log(`| articles | MB | workers | drop → analysis starts (ms) | analysis in worker (ms) | MB/s | drop → first results (ms) | drop → report rendered (ms) | longest main-thread task (ms) | tasks > 100 ms | peak renderer memory, all (MB) | page's renderer: peak (before the drop) (MB) | page's renderer, private footprint: peak (before) (MB) | wasm memory: worker / interface (MB) |`);
  console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of rows) {
    console.log(`| ${r.n} | ${r.mb.toFixed(2)} | ${r.workers} | ${r.started.toFixed(0)} | ${r.analysisMs} | ${(r.mb / (r.analysisMs / 1000)).toFixed(1)} | ${r.first.toFixed(0)} | ${r.rendered.toFixed(0)} | ${r.longest.toFixed(0)} | ${r.over100} | ${r.peak.toFixed(0)} | ${r.pagePeak.toFixed(0)} (${r.pageBefore.toFixed(0)}) | ${r.ownPeak.toFixed(0)} (${r.ownBefore.toFixed(0)}) | ${r.wasmMb} |`);
  }
  const compromiseMbs = mb(n) / (compromiseMs / 1000);
  console.log(`\ncompromise 14 (people, places, organizations, quotations) on the same ${n} articles: ${compromiseMs.toFixed(0)} ms, ${compromiseMbs.toFixed(3)} MB/s`);
  if (ours) {
    const oursMbs = ours.mb / (ours.analysisMs / 1000);
    console.log(`News Lens full analysis on the same ${n} articles: ${ours.analysisMs} ms, ${oursMbs.toFixed(2)} MB/s: ${(oursMbs / compromiseMbs).toFixed(0)} × compromise`);
  }
} finally {
  await browser.close();
  server.stop();
}
