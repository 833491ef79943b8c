#!/usr/bin/env python3
"""The page's download budget (issue 8): all wasm and JavaScript in dist/, gzipped, at most
800 KB. Prints each file and fails when the total is over. Usage: download_size.py [DIST]"""
import gzip
import pathlib
import sys

BUDGET = 800_000

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
# With the wasm-bindgen snippets in dist/snippets/ (before session 29 they were left out).
files = sorted(p for p in dist.rglob("*") if p.suffix in (".wasm", ".js"))
if not files:
    sys.exit(f"download_size: no wasm or JavaScript in {dist}: build the page first")
total = 0
for p in files:
    size = len(gzip.compress(p.read_bytes(), compresslevel=9))
    total += size
    print(f"{size / 1000:8.1f} KB  {p.relative_to(dist)}")
print(f"{total / 1000:8.1f} KB  in all, gzipped (budget {BUDGET / 1000:.0f} KB)")
if total > BUDGET:
    sys.exit(f"download_size: {total / 1000:.1f} KB is over the {BUDGET / 1000:.0f} KB budget")
