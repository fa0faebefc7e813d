#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster on loopback for the tests.
#   scripts/postgres.sh start DIR   -> creates the cluster in DIR (reachable only through its Unix socket there),
#                                      prints an Npgsql connection string (no Database)
#   scripts/postgres.sh stop DIR    -> stops it and removes DIR
# initdb refuses to run as root, so under root the cluster belongs to the `postgres` OS user.
set -euo pipefail
cmd=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}

bindir=/usr/lib/postgresql/15/bin
if [[ ! -x $bindir/initdb ]]; then   # another Debian version (test.sh installs the release's own), else the PATH's
  bindir=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -1 || true)
  [[ -x $bindir/initdb ]] || bindir=$(dirname "$(command -v initdb || true)")
fi
[[ -x $bindir/initdb ]] || { echo "PostgreSQL (initdb) is not installed: apt-get install postgresql" >&2; exit 1; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
  start)
    rm -rf "$dir" && mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U custodian --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    # Unix socket only, in the cluster's own directory: no TCP port to pick or to collide with.
    echo "Host=$dir;Username=custodian;Password=unused;Include Error Detail=true"
    ;;
  stop)
    if [[ -d $dir/data ]]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
