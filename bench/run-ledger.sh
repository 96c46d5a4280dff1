#!/usr/bin/env bash
# The finance reports benchmark (issue 6): a Kovan on its own PostgreSQL database, 1,000,000 posted
# journal lines seeded into it, the trial balance and the income statement timed over REST. Needs
# PostgreSQL at 127.0.0.1:5432 (trust).  bench/run-ledger.sh [lines]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-1000000}"
DB="kovan_ledger_$(date +%s)"
PGHOST=127.0.0.1 PGUSER=postgres psql -qc "CREATE DATABASE $DB"
export KOVAN_VAR="$ROOT/bench/target/var-$DB" KOVAN_HTTP_PORT="${KOVAN_HTTP_PORT:-8395}" KOVAN_SSH_PORT="${KOVAN_SSH_PORT:-8396}"
export KOVAN_ADMIN_PASSWORD=bench-Secret-1 KOVAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KOVAN_DB_USER=postgres KOVAN_DB_PASSWORD=
cleanup() {
    "$ROOT/kovan" stop >/dev/null 2>&1 || true
    PGHOST=127.0.0.1 PGUSER=postgres psql -qc "DROP DATABASE IF EXISTS $DB" || true
    rm -rf "$KOVAN_VAR"
}
trap cleanup EXIT
[ -f "$ROOT"/bench/target/kovan-bench-*.jar ] 2>/dev/null || (cd "$ROOT" && mvn -B -q install -DskipTests)
"$ROOT/kovan" start
"$ROOT/kovan" client feature:install kovan-finance
until curl -s -o /dev/null -w '%{http_code}' -u "admin:$KOVAN_ADMIN_PASSWORD" "http://localhost:$KOVAN_HTTP_PORT/api/finance/accounts" | grep -q 200; do
    sleep 1
done
java -cp "$(ls "$ROOT"/bench/target/kovan-bench-*.jar):$ROOT/bench/target/lib/*" io.kovan.bench.LedgerBench \
    --api "http://localhost:$KOVAN_HTTP_PORT/api" --user admin --password "$KOVAN_ADMIN_PASSWORD" \
    --jdbc "$KOVAN_DB_URL" --db-user postgres --lines "$COUNT"
