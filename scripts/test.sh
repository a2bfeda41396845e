#!/usr/bin/env bash
# The README's test command: installs what the tests need (cosign, SoftHSM2, OpenSC, the CNCF
# registry), builds, runs every test project, and ends with one line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '[test] %s\n' "$*"; }

if ! command -v dotnet >/dev/null; then
  say "error: the .NET 10 SDK (dotnet) is not installed; install it first (https://dot.net)"
  echo "0 passed, 1 failed"
  exit 1
fi

bash scripts/ensure-tools.sh --test || { say "error: tool setup failed"; echo "0 passed, 1 failed"; exit 1; }
export SIGNINGSERVICE_COSIGN="$(cat .tools/cosign-path)"
say "using cosign at $SIGNINGSERVICE_COSIGN"

results="$root/.test-results"
rm -rf "$results"
say "building"
if ! dotnet build SigningService.sln -nologo -v quiet; then
  say "error: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

say "running tests"
dotnet test SigningService.sln --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1  # the runner failed without counting a failed test (crash, build error): never report green
fi
echo "$passed passed, $failed failed"
exit $status
