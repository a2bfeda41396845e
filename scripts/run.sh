#!/usr/bin/env bash
# The README's run command: installs cosign if missing and starts SigningService on
# http://127.0.0.1:8080 with embedded defaults (in-memory jobs, a development key made on first
# run under .dev/, Swagger UI at /swagger).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '[run] %s\n' "$*"; }
command -v dotnet >/dev/null || { say "error: the .NET 10 SDK (dotnet) is not installed; install it first"; exit 1; }

bash scripts/ensure-tools.sh
mkdir -p .dev
chmod 700 .dev

export Cosign__Path="$(cat .tools/cosign-path)"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Keys__DevelopmentKey__Directory="$root/.dev/keys"
export Storage__Root="$root/.dev/storage"

say "starting SigningService on http://127.0.0.1:8080 (Swagger UI: http://127.0.0.1:8080/swagger)"
exec dotnet run --project src/SigningService -c Release -- --urls http://127.0.0.1:8080
