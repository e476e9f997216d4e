#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard browser tests (test/browser), if it is missing.
# playwright-core drives it at /usr/bin/chromium; no browser is downloaded by npm.
# Needs root (or sudo) and Debian's apt; does nothing when Chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" chromium
echo "chromium installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
