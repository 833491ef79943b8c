#!/usr/bin/env python3
"""Trunk post-build hook (see Trunk.toml).

1. Puts the SHA-256 hashes of the inline <script> elements Trunk generated into the Content
   Security Policy (replacing TRUNK_INLINE_HASHES), so the policy needs no 'unsafe-inline'.
2. Writes the list of built files into sw.js, so the service worker precaches all of them,
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
