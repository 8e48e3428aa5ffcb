#!/usr/bin/env bash
# The test suite: installs what the tests need (Debian packages when run as root), sets up
# .venv, runs pytest. Extra arguments go to pytest (e.g. `-m slow` for the long tests).
set -euo pipefail
cd "$(dirname "$0")/.."
DEBIAN_PACKAGES=(chromium kcat)  # Debian packages the tests use (the live page's browser, a librdkafka consumer)
missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
