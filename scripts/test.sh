#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, the native unit and
# integration tests of every crate, then the page built for release and driven in headless
# Chromium (tests/e2e). Prints one "N passed, M failed" line per suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEWSLENS_SETUP_BROWSER=1
. scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

# rustfmt and clippy come with rustup; Debian's web toolchain has neither. They check the native
# crates in their own target dir, so the two compilers never rebuild each other's output.
RUSTUP_CARGO=""
if command -v rustup >/dev/null 2>&1; then RUSTUP_CARGO="$(rustup which cargo 2>/dev/null || true)"; fi
if [ -n "$RUSTUP_CARGO" ] && "$RUSTUP_CARGO" fmt --version >/dev/null 2>&1; then
    step "cargo fmt --check"
    "$RUSTUP_CARGO" fmt --all -- --check
fi
if [ -n "$RUSTUP_CARGO" ] && "$RUSTUP_CARGO" clippy --version >/dev/null 2>&1; then
    step "cargo clippy"
    env -u RUSTC CARGO_TARGET_DIR=target/rustup PATH="$(dirname "$RUSTUP_CARGO"):$PATH" \
        "$RUSTUP_CARGO" clippy --quiet --workspace --all-targets -- -D warnings
    # The page's code (src/web) and the wasm benchmark's host calls compile for wasm32 only:
    # lint them there too when rustup has that target.
    if rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
        env -u RUSTC CARGO_TARGET_DIR=target/rustup PATH="$(dirname "$RUSTUP_CARGO"):$PATH" \
            "$RUSTUP_CARGO" clippy --quiet --target wasm32-unknown-unknown -p newslens --lib --bins \
            -p newslens-wasm-bench -- -D warnings
    fi
fi

step "native tests"
cargo test --workspace --release

# A short fuzzing run of every target (fuzz/README.md), where a nightly toolchain is installed.
if command -v rustup >/dev/null 2>&1 && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    if ! command -v cargo-fuzz >/dev/null 2>&1; then
        say "cargo install cargo-fuzz"
        env -u RUSTC rustup run nightly cargo install --quiet --root "$NEWSLENS_TOOLS" cargo-fuzz --locked
    fi
    seconds=${NEWSLENS_FUZZ_SECONDS:-20}
    for target in ingest analyse text; do
        step "fuzz $target for $seconds s"
        mkdir -p "fuzz/corpus/$target"
        cp tests/fixtures/*.* "fuzz/corpus/$target/"
        log="target/fuzz-$target.log"
        mkdir -p target
        if ! (cd fuzz && env -u RUSTC -u CARGO_TARGET_DIR rustup run nightly cargo fuzz run "$target" -- \
            -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -dict=news.dict) >"$log" 2>&1; then
            tail -n 60 "$log"
            echo "fuzz target $target failed: the input is in fuzz/artifacts/$target/"
            exit 1
        fi
        grep -E '^Done [0-9]+ runs' "$log" || tail -n 1 "$log"
    done
else
    say "no nightly toolchain: fuzzing skipped (see fuzz/README.md)"
fi

step "build the page and the analyse command"
bash scripts/build.sh
cargo build --release --bin analyse

step "download size"
python3 scripts/download_size.py dist

step "end-to-end tests in headless Chromium"
(cd tests/e2e && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent; })
node tests/e2e/run.mjs

step "hostile inputs in headless Chromium"
node tests/e2e/hostile.mjs
