#!/usr/bin/env bash
# Generates the MSP data set and measures it, on SQLite and on PostgreSQL (a throwaway cluster).
#   bench/run.sh [scale] [duration-seconds] [workers]     e.g. bench/run.sh 1 8 4  (the published figures)
# Results are appended to bench/results.md; data goes to $BENCH_DATA (default /tmp/custodian-bench, ~6 GB at scale 1).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1} duration=${2:-10} workers=${3:-4}
data=${BENCH_DATA:-/tmp/custodian-bench}
out=$PWD/bench/results.md
# The native floor (bench/floor/floor.c) needs a C compiler and the SQLite and libpq headers.
if ! command -v gcc >/dev/null || [[ ! -f /usr/include/sqlite3.h || ! -f /usr/include/postgresql/libpq-fe.h ]]; then
  apt-get install -y --no-install-recommends gcc libc6-dev libsqlite3-dev libpq-dev
fi
gcc -O2 -Wall -Wextra -o bench/floor/floor bench/floor/floor.c -I/usr/include/postgresql -lsqlite3 -lpq
dotnet build Custodian.slnx -c Release -warnaserror -v q >/dev/null
bench="dotnet bench/Custodian.Bench/bin/Release/net10.0/Custodian.Bench.dll"
server=src/Custodian.Server/bin/Release/net10.0/Custodian.Server.dll
rm -rf "$data" && mkdir -p "$data"
echo "## $(date -u +%F) · $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/Model name: *//p' | head -1)" >> "$out"

$bench generate --db sqlite --data "$data" --scale "$scale"
$bench run --db sqlite --data "$data" --server "$server" --floor bench/floor/floor --duration "$duration" --concurrency "$workers" --label SQLite --out "$out"

pg_dir=$(mktemp -d /tmp/custodian-bench-pg.XXXXXX)
trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
conn="$(scripts/postgres.sh start "$pg_dir");Database=custodian_bench"
$bench generate --db postgres --conn "$conn" --data "$data" --scale "$scale"
$bench run --db postgres --conn "$conn" --data "$data" --server "$server" --floor bench/floor/floor --duration "$duration" --concurrency "$workers" --label PostgreSQL --out "$out"
