#!/usr/bin/env bash
# Run every benchmark on a fresh SQLite file and on a fresh PostgreSQL database; print the figures.
#
#   bench/run_all.sh [generate.py options, e.g. --towns 10 for a quicker run]
#
# PostgreSQL: the database regrow_bench at 127.0.0.1:5432 (user postgres) is dropped and made
# again; set BENCH_POSTGRES_URL to use another. The SQLite file lives in a temporary directory
# that is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBUG=0 SECRET_KEY=bench-only-not-a-secret ALLOWED_HOSTS=testserver,localhost
python=.venv/bin/python
postgres_url=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/regrow_bench}

run_benchmarks() {
    .venv/bin/regrow migrate --noinput >/dev/null
    "$python" bench/generate.py "$@"
    "$python" bench/import_units.py
    "$python" bench/register_pages.py
    "$python" bench/report_documents.py
    "$python" bench/publishing.py
    "$python" bench/public_pages.py
    "$python" bench/allocation_pages.py
    "$python" bench/round_report.py
    "$python" bench/indicators_import.py
    "$python" bench/indicators_pages.py
    "$python" bench/transfer_plan_documents.py
    "$python" bench/transfer_plans.py
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$python" -c 'import django, sqlite3, sys; print(f"Python {sys.version.split()[0]}, Django {django.get_version()}, SQLite {sqlite3.sqlite_version}")'

echo "== SQLite"
sqlite_dir=$(mktemp -d)
trap 'rm -rf "$sqlite_dir"' EXIT
(
    unset DATABASE_URL
    export REGROW_VAR_DIR=$sqlite_dir
    run_benchmarks "$@"
)

echo "== PostgreSQL ($(psql "${postgres_url%/*}/postgres" -Atc 'show server_version'))"
PGOPTIONS="-c client_min_messages=warning" psql "${postgres_url%/*}/postgres" -q \
    -c "drop database if exists ${postgres_url##*/}" \
    -c "create database ${postgres_url##*/}"
(
    export DATABASE_URL=$postgres_url
    run_benchmarks "$@"
)
