// A tiny test runner: named async tests run in order; the summary line is the one CI reads.
import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const tests = [];
/** Registers a test; `ONLY=words` in the environment runs only the tests whose name has them. */
export function test(name, fn) {
  if (process.env.ONLY && !name.includes(process.env.ONLY)) return;
  tests.push({ name, fn });
}

export async function run() {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(error?.stack || error).split("\n").join("\n     ")}`);
    }
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

export async function freePort() {
  const server = net.createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  return port;
}

/** Serves `dir` on 127.0.0.1 with the project's static server; resolves once it answers. */
export async function serve(dir, port) {
  const child = spawn("python3", ["scripts/serve_dist.py", dir, String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url);
      return { url, stop: () => child.kill() };
    } catch {
      if (i > 100) throw new Error(`the static server did not start on ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const LAUNCH = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // As root Chromium needs --no-sandbox; the rest stop it from calling home on a closed network.
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
         // More, for a benchmark's experiment: CHROMIUM_ARGS="--js-flags=--no-wasm-dynamic-tiering".
         ...(process.env.CHROMIUM_ARGS?.split(" ").filter(Boolean) ?? [])],
};

export function launch() {
  return chromium.launch(LAUNCH);
}

/** A browser whose profile (IndexedDB included) lives in `dir`, so it survives a relaunch. */
export function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, { ...LAUNCH, acceptDownloads: true });
}

/** The articles of a JSON-lines corpus ({title, text} per line) as files to drop: a title line,
 *  a blank line, the text. */
export function articleFiles(corpus) {
  return fs.readFileSync(corpus, "utf8").split("\n").filter(Boolean).map((line, i) => {
    const a = JSON.parse(line);
    return {
      name: `${String(i).padStart(4, "0")}.txt`, mimeType: "text/plain", buffer: Buffer.from(`${a.title}\n\n${a.text}`),
    };
  });
}

/** Writes files (`{ name, buffer }`, as `articleFiles` gives them) into a new folder under the
 *  system's temporary one, to be dropped as a person's files on disk are; returns their paths. */
export function writeFiles(files, prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return files.map((f) => {
    const file = path.join(dir, f.name);
    fs.writeFileSync(file, f.buffer);
    return file;
  });
}

/** Waits until the page says it is ready: the analyser and the interface warmed up. */
export function pageReady(page) {
  return page.waitForFunction(() => /^\s*$/.test(document.getElementById("status")?.textContent ?? "x"));
}

/** Waits (up to 30 s) for a console line matching `re` among those `log` collects. */
export async function expectLog(log, re) {
  for (let waited = 0; !log.some((line) => re.test(line)); waited += 100) {
    if (waited >= 30_000) throw new Error(`no console line matches ${re}: ${JSON.stringify(log.slice(-5))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
