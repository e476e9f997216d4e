#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard browser tests (test/browser), if it is missing.
# playwright-core drives it at /usr/bin/chromium; no browser is downloaded by npm.
# Needs root (or sudo) and Debian's apt; does nothing when Chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
