#!/bin/sh
# Installs Debian's Chromium for the end-to-end tests, only when it is missing (`npm run test:setup`,
# and `npm test` through `pretest`). Idempotent: with Chromium present it returns at once.
# Never downloads a browser of its own (no `npx playwright install`): apt-get only.
set -eu

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0

HINT='apt-get update && apt-get install -y chromium'
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "test:setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; the end-to-end tests will fail." >&2
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test:setup: Chromium is missing and cannot be installed from here (needs root and apt-get)." >&2
  echo "test:setup: run as root: $HINT  (or set CHROMIUM_PATH); the end-to-end tests fail without it." >&2
  exit 0
fi

echo "test:setup: installing Debian's Chromium for the end-to-end tests (apt-get, about 30 s)…" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; then
  echo "test:setup: apt-get could not install Chromium; run: $HINT" >&2
  exit 1
fi
echo "test:setup: $(/usr/bin/chromium --version 2>/dev/null)" >&2
