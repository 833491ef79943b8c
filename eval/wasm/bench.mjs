// Runs the wasm benchmark (eval/wasm, built by scripts/wasm_bench.sh) in Node's V8.
// usage: node eval/wasm/bench.mjs MODULE.wasm PATH.jsonl [--docs N] [--runs R]
import fs from "node:fs";

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const [module, corpus] = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!module || !corpus) {
  console.error("usage: node eval/wasm/bench.mjs MODULE.wasm PATH.jsonl [--docs N] [--runs R]");
  process.exit(2);
}
const lines = fs.readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim());
const text = new TextEncoder().encode(lines.slice(0, flag("--docs", lines.length)).join("\n"));
let memory;
const { instance } = await WebAssembly.instantiate(fs.readFileSync(module), {
  env: {
    now: () => performance.now(),
    print: (ptr, len) => console.log(new TextDecoder().decode(new Uint8Array(memory.buffer, ptr, len))),
  },
});
memory = instance.exports.memory;
const ptr = instance.exports.buffer(text.length);
new Uint8Array(memory.buffer, ptr, text.length).set(text);
instance.exports.run(ptr, text.length, flag("--runs", 3));
