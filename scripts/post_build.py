#!/usr/bin/env python3
"""Trunk post-build hook (see Trunk.toml).

1. Takes the comments and the indentation out of every JavaScript file built: it matters for
   those Trunk leaves as written (our snippets and sw.js, and wasm-bindgen's glue for the page,
   which its minifier fails on), where they were a fifth of the download's JavaScript; the
   files Trunk minified lose nothing. Only comments on lines of their own go (`// ...`, and
   `/* ... */` blocks that start a line and end one; code after a comment's end on the same
   line stops the build), and no line is joined to another, so no code changes (a template
   literal over several lines, whose text would change, stops the build too). The files'
   integrity hashes in index.html follow.
2. Puts the SHA-256 hashes of the inline <script> elements Trunk generated into the Content
   Security Policy (replacing TRUNK_INLINE_HASHES), so the policy needs no 'unsafe-inline'.
3. Writes the list of built files into sw.js, so the service worker precaches all of them,
   including the worker and the wasm-bindgen snippets that index.html does not name.
"""
import base64
import hashlib
import json
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("post_build.py: TRUNK_STAGING_DIR is not set (run through trunk)")


def without_comments(js, path):
    kept, block = [], False
    for line in js.splitlines():
        code = line.strip()
        if (block or code.startswith("/*")) and "*/" in code and not code.endswith("*/"):
            sys.exit(f"post_build.py: {path}: code after a comment's end on one line: {code}")
        if block or code.startswith("/*"):
            block = not code.endswith("*/")
        elif code and not code.startswith("//"):
            if code.count("`") % 2:
                sys.exit(f"post_build.py: {path}: a template literal over several lines: {code}")
            kept.append(code)
    return "\n".join(kept) + "\n"


def javascript():
    for root, _, names in os.walk(staging):
        yield from (os.path.join(root, n) for n in names if n.endswith(".js"))


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


# Each file's integrity hash before and after (Trunk preloads the page's scripts with them).
integrity = {}
for path in javascript():
    with open(path, "rb") as f:
        js = f.read()
    lean = without_comments(js.decode("utf-8"), path).encode("utf-8")
    with open(path, "wb") as f:
        f.write(lean)
    integrity[sri(js)] = sri(lean)

index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()
hashes = []
for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
    digest = base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode()
    hashes.append(f"'sha256-{digest}'")
if "TRUNK_INLINE_HASHES" not in html:
    sys.exit("post_build.py: index.html has no TRUNK_INLINE_HASHES placeholder")
html = html.replace("TRUNK_INLINE_HASHES", " ".join(hashes))
for old, new in integrity.items():
    html = html.replace(old, new)
with open(index_path, "w", encoding="utf-8") as f:
    f.write(html)

files = []
for root, _, names in os.walk(staging):
    for name in names:
        rel = os.path.relpath(os.path.join(root, name), staging).replace(os.sep, "/")
        if rel not in ("sw.js", "index.html"):
            files.append("./" + rel)
files.sort()
sw_path = os.path.join(staging, "sw.js")
with open(sw_path, encoding="utf-8") as f:
    sw = f.read()
marker = "const PRECACHE = [];"
if marker not in sw:
    sys.exit("post_build.py: sw.js has no PRECACHE placeholder")
with open(sw_path, "w", encoding="utf-8") as f:
    f.write(sw.replace(marker, "const PRECACHE = " + json.dumps(files) + ";"))
print(f"post_build: {len(hashes)} inline script hashes, {len(files)} files to precache")
