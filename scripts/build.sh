#!/usr/bin/env bash
# Builds the page into dist/ (release, offline), installing what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
# Trunk runs cargo with --offline: fetch the app's crates and (for build-std) std's own first.
cargo fetch --quiet
env $NEWSLENS_WASM_ENV cargo fetch --quiet --target wasm32-unknown-unknown
env $NEWSLENS_WASM_ENV TRUNK_SKIP_VERSION_CHECK=true trunk build --release "$@"
