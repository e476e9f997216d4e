#!/usr/bin/env bash
# Runs once, when the PostgreSQL container initialises an empty data directory: creates the role
# the API replicas connect as. The log's tables are created by `ledger-cli setup-postgres`
# (service ledger-setup) as the owner, which grants this role SELECT and INSERT only.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -v api_password="$LEDGER_API_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE ledger_api LOGIN PASSWORD :'api_password';
SQL
