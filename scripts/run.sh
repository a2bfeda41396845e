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

# A development API key, made once and kept 0600 under .dev/; only its SHA-256 is configured,
# and a dev policy grants it everything.
if [[ ! -s .dev/api-key ]]; then
  (umask 077; printf 'ss_%s' "$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')" > .dev/api-key)
fi
chmod 600 .dev/api-key
dev_key="$(cat .dev/api-key)"
export Auth__ApiKeys__Keys__0__Name=dev
export Auth__ApiKeys__Keys__0__Sha256="$(printf '%s' "$dev_key" | sha256sum | cut -d' ' -f1)"
export Auth__Policies__0__Name=dev-all
export Auth__Policies__0__ApiKey=dev
export Auth__Policies__0__Operations__0=admin
export Audit__Path="$root/.dev/audit.jsonl"
say "development API key (stored in .dev/api-key): $dev_key"
say "  e.g. curl -H \"Authorization: Bearer \$(cat .dev/api-key)\" http://127.0.0.1:8080/v1/keys"

say "starting SigningService on http://127.0.0.1:8080 (Swagger UI: http://127.0.0.1:8080/swagger)"
exec dotnet run --project src/SigningService -c Release -- --urls http://127.0.0.1:8080
