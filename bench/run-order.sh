#!/usr/bin/env bash
# The 1,000-line order benchmark (issue 5): a Kovan of its own on embedded Derby (or on PostgreSQL
# with --postgres), sales and inventory installed, a 1,000-line order confirmed and shipped.
#   bench/run-order.sh [--postgres] [lines] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
POSTGRES=false
if [ "${1:-}" = "--postgres" ]; then POSTGRES=true; shift; fi
LINES="${1:-1000}"
ROUNDS="${2:-5}"
RUN="order_$(date +%s)"
export KOVAN_VAR="$ROOT/bench/target/var-$RUN" KOVAN_HTTP_PORT="${KOVAN_HTTP_PORT:-8393}" KOVAN_SSH_PORT="${KOVAN_SSH_PORT:-8394}"
export KOVAN_ADMIN_PASSWORD=bench-Secret-1
if $POSTGRES; then
    PGHOST=127.0.0.1 PGUSER=postgres psql -qc "CREATE DATABASE kovan_bench_$RUN"
    export KOVAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/kovan_bench_$RUN" KOVAN_DB_USER=postgres KOVAN_DB_PASSWORD=
fi
cleanup() {
    "$ROOT/kovan" stop >/dev/null 2>&1 || true
    if $POSTGRES; then PGHOST=127.0.0.1 PGUSER=postgres psql -qc "DROP DATABASE IF EXISTS kovan_bench_$RUN" || true; fi
    rm -rf "$KOVAN_VAR"
}
trap cleanup EXIT
[ -f "$ROOT"/bench/target/kovan-bench-*.jar ] 2>/dev/null || (cd "$ROOT" && mvn -B -q install -DskipTests)
"$ROOT/kovan" start
"$ROOT/kovan" client feature:install kovan-inventory kovan-sales
until curl -s -o /dev/null -w '%{http_code}' -u "admin:$KOVAN_ADMIN_PASSWORD" "http://localhost:$KOVAN_HTTP_PORT/api/sales/orders" | grep -q 200; do
    sleep 1
done
java -cp "$(ls "$ROOT"/bench/target/kovan-bench-*.jar):$ROOT/bench/target/lib/*" io.kovan.bench.OrderBench \
    --api "http://localhost:$KOVAN_HTTP_PORT/api" --user admin --password "$KOVAN_ADMIN_PASSWORD" --lines "$LINES" --rounds "$ROUNDS"
