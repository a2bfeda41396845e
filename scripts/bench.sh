#!/usr/bin/env bash
# Benchmarks (run on purpose, never in CI): service vs raw cosign in the same run, as ratios.
#   bash scripts/bench.sh [signatures=40] [concurrency=4] [large-file-MiB=256]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure-tools.sh
export SIGNINGSERVICE_COSIGN="$(cat .tools/cosign-path)"
dotnet build src/SigningService -c Release -nologo -v quiet
dotnet run --project bench/SigningService.Benchmarks -c Release -- "$@"
