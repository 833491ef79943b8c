#!/usr/bin/env bash
# Installs what is missing, builds the page into dist/ and serves it at http://127.0.0.1:8080.
# dist/ is a plain static site: any static host can serve it as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec python3 scripts/serve_dist.py dist "${PORT:-8080}"
