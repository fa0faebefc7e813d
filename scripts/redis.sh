#!/usr/bin/env bash
# Starts or stops a throwaway Redis server for the tests (the live-sync backplane across instances).
#   scripts/redis.sh start DIR   -> starts redis-server in DIR on a free loopback port, without persistence, and
#                                   prints its StackExchange.Redis connection string (host:port)
#   scripts/redis.sh stop DIR    -> stops it and removes DIR
set -euo pipefail
cmd=${1:?usage: redis.sh start|stop DIR}
dir=${2:?usage: redis.sh start|stop DIR}
server=$(command -v redis-server || echo /usr/bin/redis-server)

case $cmd in
  start)
    [[ -x $server ]] || { echo "redis-server is not installed: apt-get install redis-server" >&2; exit 1; }
    rm -rf "$dir" && mkdir -p "$dir"
    # Loopback on a random free port (StackExchange.Redis does not take a Unix socket path); a taken port is retried.
    for _ in $(seq 20); do
      port=$(( 20000 + RANDOM % 40000 ))
      : >"$dir/redis.log"
      "$server" --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" || continue
      for _ in $(seq 100); do
        grep -q "Ready to accept connections" "$dir/redis.log" && { echo "127.0.0.1:$port"; exit 0; }
        grep -q "Address already in use\|# Failed" "$dir/redis.log" && break
        sleep 0.05
      done
    done
    cat "$dir/redis.log" >&2; exit 1
    ;;
  stop)
    if [[ -f $dir/redis.pid ]]; then
      pid=$(cat "$dir/redis.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    fi
    rm -rf "$dir"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
