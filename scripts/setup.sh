#!/usr/bin/env bash
# Installs what building and testing the page needs, skipping what is already there.
#
# Two ways to get a wasm32 standard library are supported:
#   * rustup with the wasm32-unknown-unknown target (an ordinary laptop): used when present or
#     when `rustup target add` succeeds;
#   * Debian's rustc-web + rust-web-src + lld-22, building std with -Z build-std (a machine that
#     cannot download rustup targets).
# Tools (trunk, wasm-bindgen, wasm-opt) go to $NEWSLENS_TOOLS (default ~/.cache/newslens/tools),
# outside the repository, so every clone and every CI run reuses them.
#
# Source it (`. scripts/setup.sh`) to get PATH and the build environment exported, or run it
# directly to install only. `NEWSLENS_SETUP_BROWSER=1` also installs Chromium for the tests.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
NEWSLENS_TOOLS=${NEWSLENS_TOOLS:-$HOME/.cache/newslens/tools}
mkdir -p "$NEWSLENS_TOOLS/bin"

say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "apt-get install ${missing[*]}"
    if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# --- Rust toolchain with a wasm32 std --------------------------------------------------------
# NEWSLENS_RUST=rustup|debian forces one way; otherwise rustup's wasm32 target is used when it is
# installed or can be added, and Debian's rustc-web with build-std when it cannot.
NEWSLENS_RUST_MODE="${NEWSLENS_RUST:-}"
if [ -z "$NEWSLENS_RUST_MODE" ] && command -v rustup >/dev/null 2>&1; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        NEWSLENS_RUST_MODE=rustup
    elif timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
        NEWSLENS_RUST_MODE=rustup
    fi
fi
if [ -z "$NEWSLENS_RUST_MODE" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        say "no wasm32 standard library: install rustup and run 'rustup target add wasm32-unknown-unknown'"
        exit 1
    fi
    NEWSLENS_RUST_MODE=debian
fi
if [ "$NEWSLENS_RUST_MODE" = debian ]; then
    apt_install rustc-web cargo-web rust-web-src lld-22
    # Debian's cargo and rustc first: rustup's proxies would pick a toolchain without wasm std.
    export PATH="$NEWSLENS_TOOLS/bin:$NEWSLENS_TOOLS/npm/node_modules/.bin:/usr/bin:$PATH"
    export RUSTC=/usr/bin/rustc
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
    # Only wasm builds get these (scripts/build.sh); native builds stay on stable cargo.
    NEWSLENS_WASM_ENV="RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
else
    export PATH="$NEWSLENS_TOOLS/bin:$NEWSLENS_TOOLS/npm/node_modules/.bin:$PATH"
    NEWSLENS_WASM_ENV=""
fi
export NEWSLENS_RUST_MODE NEWSLENS_WASM_ENV NEWSLENS_TOOLS

# --- Trunk, wasm-bindgen, wasm-opt -------------------------------------------------------------
have_version() { # have_version BINARY EXPECTED-SUBSTRING
    command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}
if ! have_version trunk "trunk $TRUNK_VERSION"; then
    say "cargo install trunk $TRUNK_VERSION (about 20 minutes on 2 cores)"
    # Without Trunk's fat LTO the install takes half as long; the binary is a little larger.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        cargo install --root "$NEWSLENS_TOOLS" trunk --version "$TRUNK_VERSION" --locked >&2
fi
if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 12 minutes)"
    # No --locked: its lock file names a webpki-roots release the registry here does not serve.
    cargo install --root "$NEWSLENS_TOOLS" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" >&2
fi
if ! have_version wasm-opt "version $BINARYEN_VERSION"; then
    say "npm install binaryen@$BINARYEN_VERSION (wasm-opt)"
    mkdir -p "$NEWSLENS_TOOLS/npm"
    (cd "$NEWSLENS_TOOLS/npm" && { [ -f package.json ] || npm init -y >/dev/null; } &&
        npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >&2)
fi

if [ -n "${NEWSLENS_SETUP_BROWSER:-}" ] && ! command -v chromium >/dev/null 2>&1 \
    && [ -z "${CHROMIUM:-}" ]; then
    if command -v apt-get >/dev/null 2>&1; then
        apt_install chromium chromium-driver
    else
        say "no chromium found: install Chromium or set CHROMIUM=/path/to/chrome"
        exit 1
    fi
fi
say "ready ($NEWSLENS_RUST_MODE toolchain, tools in $NEWSLENS_TOOLS)"
