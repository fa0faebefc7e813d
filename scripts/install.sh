#!/usr/bin/env bash
# Installs a self-contained Custodian release (no .NET needed on the target) under PREFIX:
#   PREFIX/lib/custodian/           the server (dotnet publish, self-contained, ReadyToRun) and the web UI (web/)
#   PREFIX/etc/custodian/custodian.env   settings, kept if already there
#   PREFIX/var/lib/custodian/       data: SQLite file, attachments, secret.key
#   PREFIX/lib/systemd/system/custodian.service
#   PREFIX/bin/custodian            starts the server with the settings file (what the unit runs, for a shell)
# Usage: scripts/install.sh PREFIX [--user NAME]     e.g. sudo scripts/install.sh /opt/custodian --user custodian
# CUSTODIAN_PUBLISHED=DIR installs an already published folder instead of publishing (tests publish once).
# Under root with --user, the account is created if missing and owns the data directory; then:
#   systemctl link PREFIX/lib/systemd/system/custodian.service && systemctl enable --now custodian
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:?usage: scripts/install.sh PREFIX [--user NAME]}
shift
user=$(id -un)
while [[ $# -gt 0 ]]; do
  case $1 in
    --user) user=${2:?--user NAME}; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

case $(uname -m) in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
published=${CUSTODIAN_PUBLISHED:-}
if [[ -z $published ]]; then
  published=$(mktemp -d /tmp/custodian-publish.XXXXXX)
  trap 'rm -rf "$published"' EXIT
  dotnet publish src/Custodian.Server -c Release -r "$rid" --self-contained -p:PublishReadyToRun=true -o "$published" -v q
  if [[ -f web/dist/index.html ]]; then cp -r web/dist "$published/web"; fi
fi

app=$prefix/lib/custodian
rm -rf "$app.new" && mkdir -p "$app.new"
cp -r "$published/." "$app.new/"
rm -rf "$app.old"
if [[ -d $app ]]; then mv "$app" "$app.old"; fi
mv "$app.new" "$app" && rm -rf "$app.old"

if [[ $(id -u) -eq 0 && $user != root ]] && ! id "$user" >/dev/null 2>&1; then
  useradd --system --home-dir "$prefix/var/lib/custodian" --shell /usr/sbin/nologin "$user"
fi
mkdir -p "$prefix/etc/custodian" "$prefix/var/lib/custodian" "$prefix/lib/systemd/system" "$prefix/bin"
chmod 700 "$prefix/var/lib/custodian"
if [[ $(id -u) -eq 0 ]]; then chown "$user:" "$prefix/var/lib/custodian"; fi
settings=$prefix/etc/custodian/custodian.env
if [[ ! -f $settings ]]; then
  (umask 077 && sed "s|@PREFIX@|$prefix|g" deploy/custodian.env > "$settings")
  if [[ $(id -u) -eq 0 && $user != root ]]; then chgrp "$(id -gn "$user")" "$settings" && chmod 640 "$settings"; fi
fi
sed -e "s|@PREFIX@|$prefix|g" -e "s|@USER@|$user|g" deploy/custodian.service > "$prefix/lib/systemd/system/custodian.service"
cat > "$prefix/bin/custodian" <<LAUNCHER
#!/usr/bin/env bash
# Runs the server (or "custodian admin …") with the installed settings, as the systemd unit does.
set -euo pipefail
# Read as systemd reads an EnvironmentFile (NAME=value lines, no shell: a connection string keeps its semicolons).
while IFS= read -r line; do
  [[ \$line =~ ^[[:space:]]*(#|\$) ]] || export "\$line"
done < "$settings"
cd "$prefix/var/lib/custodian"
exec "$app/Custodian.Server" "\$@"
LAUNCHER
chmod 755 "$prefix/bin/custodian"
echo "installed under $prefix; settings: $settings"
