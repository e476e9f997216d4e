#!/usr/bin/env bash
# Installs Debian's PostgreSQL server for the PostgreSQL store's tests and benchmark, if it is missing.
# The tests start throwaway clusters of their own (libs/event-store/src/postgres/throwaway-cluster.ts);
# the cluster Debian's package may create is not used. Needs root (or sudo) and Debian's apt.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgresql already installed: $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" postgresql
echo "postgresql installed: $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
