#!/usr/bin/env bash
# Runs the server with SQLite under ./data: http://localhost:8080 and https://localhost:8443.
# HTTPS is for the Bitwarden apps, which refuse plain http. A self-signed certificate is made on first run;
# point the CLI at it with NODE_EXTRA_CA_CERTS=$PWD/data/tls/custodian.crt. Extra arguments go to the server.
set -euo pipefail
cd "$(dirname "$0")"
tls=data/tls
if [[ ! -f $tls/custodian.crt ]]; then
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$tls/custodian.key" -out "$tls/custodian.crt" 2>/dev/null
  chmod 600 "$tls/custodian.key"
  echo "created a self-signed certificate: $tls/custodian.crt"
fi
if [[ -f web/package.json ]]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build)
fi
export Kestrel__Certificates__Default__Path=$PWD/$tls/custodian.crt
export Kestrel__Certificates__Default__KeyPath=$PWD/$tls/custodian.key
# Links in invitation mail point here (never at whatever Host a request names).
export Server__PublicUrl=${Server__PublicUrl:-https://localhost:8443}
exec dotnet run --project src/Custodian.Server -c Release -- --urls "http://localhost:8080;https://localhost:8443" "$@"
