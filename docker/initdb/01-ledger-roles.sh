#!/usr/bin/env bash
# Run once by the postgres image when its data directory is new (docker-entrypoint-initdb.d), as the superuser:
# the three roles of docs/reliability.md. The owner migrates; the service cannot alter history; reporting reads
# the report views. The grants themselves come with the ledger's migrations.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_password="$LEDGER_DB_OWNER_PASSWORD" \
     -v service_password="$LEDGER_DB_PASSWORD" \
     -v reporting_password="$LEDGER_DB_REPORTING_PASSWORD" <<'SQL'
CREATE ROLE ledger_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE ledger_service LOGIN PASSWORD :'service_password';
CREATE ROLE ledger_reporting LOGIN PASSWORD :'reporting_password';
CREATE DATABASE ledger OWNER ledger_owner;
\connect ledger
ALTER SCHEMA public OWNER TO ledger_owner;
SQL
