#!/usr/bin/env bash
# Regenerates the compiled EF Core models (src/Custodian.Server/Infrastructure/Data/CompiledModels) from the code's
# model, for both database providers. Run after any change to an entity or its configuration;
# scripts/add-migration.sh runs it. CompiledModelTests fails while they are stale.
# Usage: scripts/optimize-model.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/../src/Custodian.Server"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef --version '10.0.*'
build=${1:-}
fresh=$(mktemp -d /tmp/custodian-model.XXXXXX)
trap 'rm -rf "$fresh"' EXIT
for provider in Sqlite Postgres; do
  # Into an empty folder, then swapped in whole: an entity removed from the code leaves no file behind.
  dotnet ef dbcontext optimize $build --context "${provider}AppDbContext" --output-dir "$fresh/$provider" \
    --namespace "Custodian.Server.Infrastructure.Data.CompiledModels.$provider"
  build=--no-build   # the model is the code's; one build serves both
done
for provider in Sqlite Postgres; do
  rm -rf "Infrastructure/Data/CompiledModels/$provider"
  mv "$fresh/$provider" "Infrastructure/Data/CompiledModels/$provider"
done
