#!/usr/bin/env bash
# Installs Debian's PostgreSQL server for the PostgreSQL store's tests and benchmark, if it is missing.
# The tests start throwaway clusters of their own (libs/event-store/src/testing/postgres-cluster.ts);
# the cluster Debian's package may create is not used. Needs root (or sudo) and Debian's apt.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgresql already installed: $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
echo "postgresql installed: $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
