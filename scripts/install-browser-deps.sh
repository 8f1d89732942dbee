#!/usr/bin/env bash
# Install what the browser tests need when it is missing: Debian's chromium (Playwright
# cannot download its own browser here) and the npm packages (into node_modules/: axe-core,
# and the Pyodide runtime that every build also needs; `make node-deps` installs those).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium from Debian's packages..."
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }; then
    echo "Could not install chromium. Run as root: apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/pyodide/pyodide.asm.wasm ]; then
  if ! command -v npm >/dev/null; then
    echo "npm is missing. Run as root: apt-get install -y npm   (then: make test)" >&2
    exit 1
  fi
  echo "Installing axe-core and pyodide from npm..."
  npm ci --silent --no-audit --no-fund
fi
