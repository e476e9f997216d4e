#!/usr/bin/env bash
# Installs the Debian packages the tests drive, when missing: each argument is PACKAGE:PROGRAM, and the
# package is installed only if no file matches PROGRAM (a glob, for versioned paths). Chromium (browser tests,
# driven by playwright-core at /usr/bin/chromium; npm downloads no browser), poppler-utils (the certificate
# PDF's text and page image) and postgresql (the PostgreSQL store's tests start throwaway clusters of their own).
# Needs root (or sudo) and apt; a test whose program is still missing says so and is skipped.
set -euo pipefail
missing=()
for spec in "$@"; do
  package="${spec%%:*}" program="${spec#*:}"
  # shellcheck disable=SC2086 # the glob must expand
  if compgen -G "$program" >/dev/null; then echo "$package already installed ($(compgen -G "$program" | head -1))"; else missing+=("$package"); fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
