#!/usr/bin/env bash
# Adds one EF Core migration for BOTH database providers (every schema change ships both).
# Usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfChange}
scripts=$(cd "$(dirname "$0")" && pwd)
cd "$scripts/../src/Custodian.Server"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef --version '10.0.*'
dotnet ef migrations add "$name" --context SqliteAppDbContext --output-dir Infrastructure/Data/Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresAppDbContext --output-dir Infrastructure/Data/Migrations/Postgres
# The compiled models follow the code's model (a migration means it changed); the build above serves.
"$scripts/optimize-model.sh" --no-build
