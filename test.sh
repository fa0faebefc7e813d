#!/usr/bin/env bash
# Runs every test: builds, installs what the tests need (the pinned Bitwarden CLI; Debian's PostgreSQL, nginx,
# Redis, Chromium and openssl when missing), starts a throwaway PostgreSQL cluster, runs the whole suite on SQLite and
# on PostgreSQL (the official CLI's journeys once, beside the PostgreSQL pass), names every failing test, and prints
# one closing line: "N passed, N failed".
#   CUSTODIAN_TEST_DB=sqlite|postgres|both (default both)   extra arguments go to the test runner
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
run_dir=$root/.test-run
mkdir -p "$run_dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== installing the Bitwarden CLI (tests/compat)"
(cd tests/compat && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
export BW_CLI=$root/tests/compat/node_modules/.bin/bw

# Debian packages the tests drive: nginx in front of two instances (tests/Custodian.Tests/Scale) and Chromium for
# the web UI's end-to-end tests (web/e2e, through playwright-core).
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() { # binary, package
  [[ -x $1 ]] && return 0
  echo "== installing $2 (apt)"
  if [[ $apt_updated -eq 0 ]]; then as_root apt-get update -qq >/dev/null; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null \
    || { echo "could not install $2"; echo "0 passed, 1 failed"; exit 1; }
}
apt_install /usr/sbin/nginx nginx-light
apt_install /usr/bin/chromium chromium
apt_install /usr/bin/openssl openssl
# The live-sync backplane across instances (tests/Custodian.Tests/Scale/LiveSyncInstancesTests, through scripts/redis.sh).
apt_install /usr/bin/redis-server redis-server
# scripts/postgres.sh starts a throwaway cluster with Debian's server binaries (any version, 15 preferred).
apt_install "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | head -1)" postgresql

echo "== building"
dotnet build Custodian.slnx -c Release -warnaserror 2>&1 | tail -3
if [[ ${PIPESTATUS[0]} -ne 0 ]]; then echo "0 passed, 1 failed"; exit 1; fi

pg_dir=""
cleanup() { [[ -n $pg_dir ]] && scripts/postgres.sh stop "$pg_dir"; }
trap cleanup EXIT

passed=0 failed=0
failures=()   # "suite: test name" of every failing test, listed before the closing line
note_failures() { # suite, log, extended-regex whose first capture group is a failing test's name
  local name
  while IFS= read -r name; do [[ -n $name ]] && failures+=("$1: $name"); done < <(sed -nE "s/$3/\1/p" "$2" | sort -u)
}
suite() { # name, arguments for the test runner: runs the C# suite into its own log
  dotnet test --project tests/Custodian.Tests -c Release --no-build -- "${@:2}" >"$run_dir/$1.log" 2>&1
}
tally() { # name: prints a suite's summary and counts its tests
  local name=$1 log=$run_dir/$1.log p f
  echo "== tests: $name"
  # Not every line with "error" in it: after a failure the runner prints the test process's whole log, whose
  # expected errors (tests of failure paths) would bury the summary that CI shows.
  grep -E '^(failed|  (total|failed|succeeded|skipped):)|Test run summary|^(error|Unhandled)' "$log" || true
  p=$(awk '/^  succeeded:/ {print $2}' "$log" | tail -1)
  f=$(awk '/^  failed:/ {print $2}' "$log" | tail -1)
  if [[ -z $p ]]; then p=0; f=$(( ${f:-0} + 1 )); echo "   (the $name run did not report a summary: counted as a failure; see $log)"; fi
  passed=$((passed + p)); failed=$((failed + ${f:-0}))
  # Microsoft.Testing.Platform prints "failed Namespace.Class.Method(args) (12ms)" for each failure.
  note_failures "$name" "$log" '^failed (.*) \([0-9][0-9hms .]*\)$'
}

run_web() { # name, title, shell command run in web/ (its vitest summary line is counted)
  local log=$run_dir/$1.log line p f ok=1
  echo "== $2"
  (cd web && eval "$3") >"$log" 2>&1 || ok=0
  line=$(grep -E '^ +Tests +' "$log" | tail -1)
  echo "  ${line:-no vitest summary (see $log)}"
  p=$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$line"); f=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [[ $ok -eq 0 && -z $f ]]; then failed=$((failed + 1)); echo "   ($1 did not finish: counted as a failure; see $log)"; fi
  # vitest prints " FAIL  file > describe > test" for each failing test.
  note_failures "$1" "$log" '^ *FAIL +(.* > .*)$'
}
export NO_COLOR=1 FORCE_COLOR=0
run_web web "web UI unit tests (vitest)" "npm ci --no-audit --no-fund --loglevel=error && npx vitest run"
# A real server process (the Release build above) with SQLite in a temporary directory, and Debian's Chromium.
run_web e2e "web UI end-to-end tests (Chromium)" "npm run build && npx vitest run -c vitest.e2e.config.ts"

# The official CLI's journeys (Custodian.Tests.Compat) prove client compatibility, which the database does not
# change: they run once, against SQLite. They run one at a time and mostly wait on Node start-ups, so they run
# beside the PostgreSQL pass instead of after the SQLite one; the live-sync tests among them assert delivery within
# a second and run alone first.
compat=Custodian.Tests.Compat
live=(--filter-class "$compat.LiveSyncTests" --filter-class "$compat.AuthRequestLiveTests")
journeys=(--filter-namespace "$compat" --filter-not-class "$compat.LiveSyncTests" --filter-not-class "$compat.AuthRequestLiveTests")
db=${CUSTODIAN_TEST_DB:-both}
split=1
[[ $# -gt 0 ]] && split=0   # a filter given: the SQLite pass runs what it selects, the CLI journeys included
if [[ $db == sqlite || $db == both ]]; then
  echo "== C# suite on SQLite"
  if [[ $split -eq 1 ]]; then
    TEST_POSTGRES= suite sqlite --filter-not-namespace "$compat"; tally sqlite
    echo "== live sync with the JavaScript SignalR client (SQLite)"
    TEST_POSTGRES= suite live "${live[@]}"; tally live
  else
    TEST_POSTGRES= suite sqlite "$@"; tally sqlite
  fi
fi
journeys_pid=""
if [[ $split -eq 1 && ($db == sqlite || $db == both) ]]; then
  echo "== Bitwarden CLI journeys (SQLite), in the background"
  TEST_POSTGRES= suite cli "${journeys[@]}" &
  journeys_pid=$!
fi
if [[ $db == postgres || $db == both ]]; then
  pg_dir=$(mktemp -d /tmp/custodian-pg.XXXXXX)
  if conn=$(scripts/postgres.sh start "$pg_dir"); then
    echo "== C# suite on PostgreSQL"
    TEST_POSTGRES=$conn suite postgres --filter-not-namespace "$compat" "$@"; tally postgres
  else
    echo "could not start PostgreSQL"; failed=$((failed + 1))
  fi
fi
if [[ -n $journeys_pid ]]; then
  wait "$journeys_pid"; tally cli
fi

failure_details() { # log: each failing C# test's message and the top of its stack, as the runner printed them
  awk '/^failed / {n = 16} n > 0 && /^(  Standard output|Exit code|\/)/ {n = 0} n > 0 {print "    " $0; n--}' "$1"
}
if [[ ${#failures[@]} -gt 0 ]]; then
  echo "== failing tests"
  printf '  %s\n' "${failures[@]}"
  for log in "$run_dir"/{sqlite,live,cli,postgres}.log; do [[ -f $log ]] && failure_details "$log"; done
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
