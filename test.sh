#!/usr/bin/env bash
# Runs every test: builds, installs what the tests need (the pinned Bitwarden CLI; Debian's PostgreSQL, nginx,
# Redis, Chromium and openssl when missing), starts a throwaway PostgreSQL cluster, runs the whole suite on SQLite and then
# on PostgreSQL, names every failing test, and prints one closing line: "N passed, N failed".
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
run_suite() { # name, extra env assignment
  local name=$1 log=$run_dir/$1.log
  echo "== tests on $name"
  dotnet test --project tests/Custodian.Tests -c Release --no-build -- "${@:2}" 2>&1 | tee "$log" \
    | grep -E '^(failed|  (total|failed|succeeded|skipped):)|Test run summary|error' || true
  local p f
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

db=${CUSTODIAN_TEST_DB:-both}
if [[ $db == sqlite || $db == both ]]; then
  TEST_POSTGRES= run_suite sqlite "$@"
fi
if [[ $db == postgres || $db == both ]]; then
  pg_dir=$(mktemp -d /tmp/custodian-pg.XXXXXX)
  if conn=$(scripts/postgres.sh start "$pg_dir"); then
    # The official CLI's journeys prove client compatibility, which the database does not change: they run once,
    # in the SQLite pass.
    TEST_POSTGRES=$conn run_suite postgres --filter-not-namespace "Custodian.Tests.Compat" "$@"
  else
    echo "could not start PostgreSQL"; failed=$((failed + 1))
  fi
fi

if [[ ${#failures[@]} -gt 0 ]]; then
  echo "== failing tests"
  printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
