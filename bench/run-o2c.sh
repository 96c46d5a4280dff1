#!/usr/bin/env bash
# The order-to-cash benchmark (issue 7): a Kovan of its own (embedded Derby, or PostgreSQL with
# --postgres) with inventory, sales and finance; 1, 2, 4 and 8 users running quote → order →
# confirm → ship → invoice → collect → list, against a raw-JDBC baseline on the same database.
# Also measured: cold start to REST-ready, finance's hot install to serving REST, RSS.
#   bench/run-o2c.sh [--postgres] [--quick] [more OrderToCashBench options, e.g. --users 1,2]
# With --postgres, a PostgreSQL of its own, configured as production runs it (autovacuum on,
# pg_stat_statements preloaded), started from the machine's initdb in a scratch directory and removed
# at the end; with PGPORT set, the server already at 127.0.0.1:$PGPORT instead (user postgres, trust).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
POSTGRES=false
QUICK=false
while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) POSTGRES=true; shift ;;
        --quick) QUICK=true; shift ;;
        *) break ;;
    esac
done
RUN="o2c_$(date +%s)"
export KOVAN_VAR="$ROOT/bench/target/var-$RUN" KOVAN_HTTP_PORT="${KOVAN_HTTP_PORT:-8395}" KOVAN_SSH_PORT="${KOVAN_SSH_PORT:-8396}"
export KOVAN_ADMIN_PASSWORD=bench-Secret-1
RAW_URL="jdbc:derby:$ROOT/bench/target/raw-$RUN;create=true"
RAW_USER=""
OWN_PG=""
POSTMASTER=0
# The server's own files belong to the postgres user, as initdb demands when run by root.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if $POSTGRES && [ -z "${PGPORT:-}" ]; then
    PG_BIN="$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")"
    OWN_PG="$(mktemp -d /tmp/kovan-bench-pg-XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres "$OWN_PG"
    PGPORT=5499
    while (echo >"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
    as_postgres "$PG_BIN/initdb" -D "$OWN_PG/data" -U postgres --auth=trust -E UTF8 >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$OWN_PG/data" -l "$OWN_PG/server.log" -w -o "-p $PGPORT -c listen_addresses=127.0.0.1 \
        -c unix_socket_directories=$OWN_PG -c autovacuum=on -c shared_preload_libraries=pg_stat_statements" start >/dev/null
    POSTMASTER="$(head -1 "$OWN_PG/data/postmaster.pid")"
fi
PGPORT="${PGPORT:-5432}"
pg() { PGHOST=127.0.0.1 PGPORT="$PGPORT" PGUSER=postgres psql "$@"; }
if $POSTGRES; then
    pg -qc "CREATE DATABASE kovan_bench_$RUN"
    pg -qc "CREATE DATABASE raw_bench_$RUN"
    export KOVAN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/kovan_bench_$RUN" KOVAN_DB_USER=postgres KOVAN_DB_PASSWORD=
    RAW_URL="jdbc:postgresql://127.0.0.1:$PGPORT/raw_bench_$RUN"
    # Without autovacuum the tables are never analysed and their updated rows never vacuumed: Kovan's
    # list queries read bloated tables without statistics (docs/performance.md, fifth session).
    echo "PostgreSQL at port $PGPORT: autovacuum $(pg -tAc 'SHOW autovacuum')"
    RAW_USER=postgres
fi
cleanup() {
    "$ROOT/kovan" stop >/dev/null 2>&1 || true
    if $POSTGRES; then
        pg -qc "DROP DATABASE IF EXISTS kovan_bench_$RUN" || true
        pg -qc "DROP DATABASE IF EXISTS raw_bench_$RUN" || true
    fi
    if [ -n "$OWN_PG" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$OWN_PG/data" -m fast -w stop >/dev/null || true
        rm -rf "$OWN_PG"
    fi
    rm -rf "$KOVAN_VAR" "$ROOT/bench/target/raw-$RUN"
}
trap cleanup EXIT
[ -f "$ROOT"/bench/target/kovan-bench-*.jar ] 2>/dev/null || (cd "$ROOT" && mvn -B -q install -DskipTests)
millis() { date +%s%3N; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }
ready() { until curl -s -o /dev/null -w '%{http_code}' -u "admin:$KOVAN_ADMIN_PASSWORD" "http://localhost:$KOVAN_HTTP_PORT/api/$1" | grep -q 200; do sleep 0.1; done; }

# Any build happens here, so that the cold start below measures the start alone.
"$ROOT/kovan" build --if-needed
t0=$(millis)
KOVAN_NO_BUILD=1 "$ROOT/kovan" start >/dev/null
t1=$(millis)
PID=$(pgrep -f -- "-Dkaraf.base=$KOVAN_VAR/kovan( |$)" | head -1)
echo "cold start to REST-ready: $((t1 - t0)) ms; RSS after boot: $(rss "$PID")"
"$ROOT/kovan" client feature:install kovan-inventory kovan-sales >/dev/null
ready sales/orders
t0=$(millis)
"$ROOT/kovan" client feature:install kovan-finance >/dev/null
ready finance/accounts
t1=$(millis)
echo "hot install of kovan-finance to serving REST: $((t1 - t0)) ms"

# The raw baseline's embedded Derby gets the settings Kovan's has (distribution etc/custom.system.properties):
# without them its automatic index statistics took CPU and replanned as its tables grew, and it slowed
# from about 700 to 200 line items per CPU-second within one round.
java -Dderby.stream.error.file="$ROOT/bench/target/derby-$RUN.log" -Dderby.language.statementCacheSize=2000 \
    -Dderby.language.identityGeneratorCacheSize=1000 -Dderby.storage.indexStats.auto=false -cp "$(ls "$ROOT"/bench/target/kovan-bench-*.jar):$ROOT/bench/target/lib/*" \
    io.kovan.bench.OrderToCashBench \
    --api "http://localhost:$KOVAN_HTTP_PORT/api" --user admin --password "$KOVAN_ADMIN_PASSWORD" --kovan-pid "$PID" \
    --raw-url "$RAW_URL" --raw-user "$RAW_USER" --postgres-pid "$POSTMASTER" --clk-tck "$(getconf CLK_TCK)" --quick "$QUICK" "$@"
echo "RSS after the run: $(rss "$PID")"
if [ -n "$OWN_PG" ]; then
    # Where the database's time went (execution time, lock waits included), Kovan's and the baseline's.
    pg -d postgres -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
    echo "PostgreSQL's first statements by total execution time, per database (pg_stat_statements, the whole run):"
    pg -d postgres -P pager=off -c "SELECT db, calls, total_ms, pct, mean_ms, query FROM (SELECT split_part(d.datname, '_', 1) AS db,
        s.calls, round(s.total_exec_time::numeric, 0) AS total_ms, s.total_exec_time AS t,
        round((100 * s.total_exec_time / sum(s.total_exec_time) OVER (PARTITION BY d.datname))::numeric, 1) AS pct,
        round(s.mean_exec_time::numeric, 3) AS mean_ms, left(regexp_replace(s.query, '\s+', ' ', 'g'), 90) AS query,
        row_number() OVER (PARTITION BY d.datname ORDER BY s.total_exec_time DESC) AS rank
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE '%bench%') ranked
        WHERE rank <= 8 ORDER BY db, t DESC"
fi
