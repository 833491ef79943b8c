#!/usr/bin/env bash
# The analysis in wasm, per stage, in Node's V8: built as the page's worker is (profile `web`,
# then wasm-opt -Oz as Trunk runs it), run on one thread with nothing else competing.
# usage: bash scripts/wasm_bench.sh PATH.jsonl [--docs N] [--runs R]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
out="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/web"
env $NEWSLENS_WASM_ENV cargo build --quiet --profile web --target wasm32-unknown-unknown -p newslens-wasm-bench
wasm-opt -Oz --converge --one-caller-inline-max-function-size=60 "$out/newslens_wasm_bench.wasm" -o "$out/newslens_wasm_bench.opt.wasm"
node eval/wasm/bench.mjs "$out/newslens_wasm_bench.opt.wasm" "$@"
