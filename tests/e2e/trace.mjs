// Records a Chromium performance trace of one drop of N articles on the built page (dist/), from
// the drop to the rendered report, and lists the page's main-thread tasks over 25 ms with what
// they spent their time on. Open the trace in Chromium's DevTools (Performance, "Load profile")
// or https://ui.perfetto.dev for the whole picture. Where BENCHMARKS.md says what a trace showed,
// this is how it was taken.
//
// usage (from the repository root, after scripts/build.sh):
//   node tests/e2e/trace.mjs PATH/bbc.jsonl [--articles 5] [--from-disk] [--out tests/e2e/artifacts/trace.json]
// (--from-disk: the articles are written to files and dropped as files on disk, as in bench.mjs.)
import fs from "node:fs";
import path from "node:path";
import { articleFiles, freePort, launch, pageReady, serve, writeFiles } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const corpus = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!corpus) {
  console.error("usage: node tests/e2e/trace.mjs PATH.jsonl [--articles 5] [--from-disk] [--out tests/e2e/artifacts/trace.json]");
  process.exit(2);
}
const n = Number(option("--articles", 5));
const out = path.resolve(option("--out", "tests/e2e/artifacts/trace.json"));
fs.mkdirSync(path.dirname(out), { recursive: true });
const articles = articleFiles(corpus).slice(0, n);
const files = args.includes("--from-disk") ? writeFiles(articles, "newslens-trace-") : articles;

process.chdir(ROOT);
const port = await freePort();
const server = await serve("dist", port);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await pageReady(page);
  await page.waitForTimeout(1000); // as the bench does (--settle)
  await browser.startTracing(page, {
    path: out,
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "v8.wasm"],
  });
  await page.setInputFiles("#file-input", files);
  await page.waitForFunction(() => /Analysed/.test(document.getElementById("status").textContent)
    && document.querySelector("#entities tbody tr"), null, { timeout: 600_000, polling: 50 });
  await page.waitForTimeout(300);
  await browser.stopTracing();
  console.log(await page.textContent("#status"));
} finally {
  await browser.close();
  server.stop();
}

// The main thread's long tasks, from the drop (the file input's change event) on.
const events = JSON.parse(fs.readFileSync(out, "utf8")).traceEvents;
const threads = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const main = events.filter((e) => e.ph === "X" && threads.get(`${e.pid}:${e.tid}`) === "CrRendererMain");
const drop = main.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "change")?.ts ?? 0;
console.log(`main-thread tasks over 25 ms after the drop (ms from the drop, duration, parts over 5 ms):`);
for (const task of main.filter((e) => e.name === "RunTask" && e.ts >= drop && e.dur >= 25_000)) {
  const parts = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e.dur >= 5_000)
    .map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)}`);
  console.log(`${((task.ts - drop) / 1000).toFixed(0).padStart(7)} ${(task.dur / 1000).toFixed(0).padStart(5)}  ${parts.slice(0, 8).join(", ")}`);
}
console.log(`trace written to ${out}`);
