#!/usr/bin/env bash
# Runs the server with SQLite under ./data: http://localhost:8080 and https://localhost:8443.
# HTTPS is for the Bitwarden apps, which refuse plain http. A self-signed certificate is made on first run;
# point the CLI at it with NODE_EXTRA_CA_CERTS=$PWD/data/tls/custodian.crt. Extra arguments go to the server.
#   Admin__Token=… ./run.sh                                  switches /admin (the Admin page) on with that token
#   ./run.sh admin create-provider --name N --owner-email E   the admin command, on the same Release build and data
# Every setting of the README's table can be given the same way, as an environment variable.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if ! command -v openssl >/dev/null; then
  echo "installing openssl (apt), needed once for the self-signed certificate"
  as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
fi

tls=data/tls
if [[ ! -f $tls/custodian.crt ]]; then
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$tls/custodian.key" -out "$tls/custodian.crt" 2>/dev/null
  chmod 600 "$tls/custodian.key"
  echo "created a self-signed certificate: $tls/custodian.crt"
fi

# The web UI is installed and built only when what it is made from changed since the last time (a hash of the
# lock file for node_modules; of the sources and build settings for dist/), so a restart takes seconds.
if [[ -f web/package.json ]]; then
  hash_of() { (cd web && find "$@" -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }
  lock_hash=$(hash_of package-lock.json)
  if [[ ! -d web/node_modules || $(cat web/node_modules/.custodian-lock-hash 2>/dev/null) != "$lock_hash" ]]; then
    echo "installing the web UI's packages (npm ci)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error) && echo "$lock_hash" > web/node_modules/.custodian-lock-hash
  fi
  source_hash=$(hash_of src public index.html package-lock.json vite.config.ts tsconfig.json tsconfig.app.json tsconfig.node.json)
  if [[ ! -f web/dist/index.html || $(cat web/dist/.source-hash 2>/dev/null) != "$source_hash" ]]; then
    echo "building the web UI"
    (cd web && npm run build --silent) && echo "$source_hash" > web/dist/.source-hash
  fi
fi

# Links in invitation mail point here (never at whatever Host a request names); the admin command mails too.
export Server__PublicUrl=${Server__PublicUrl:-https://localhost:8443}
if [[ ${1:-} == admin ]]; then
  exec dotnet run --project src/Custodian.Server -c Release -- "$@"
fi
export Kestrel__Certificates__Default__Path=$PWD/$tls/custodian.crt
export Kestrel__Certificates__Default__KeyPath=$PWD/$tls/custodian.key
exec dotnet run --project src/Custodian.Server -c Release -- --urls "http://localhost:8080;https://localhost:8443" "$@"
