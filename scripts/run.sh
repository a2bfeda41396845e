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
export Keys__Default=dev

# A development API key, made once and kept 0600 under .dev/; only its SHA-256 is configured,
# and a dev policy grants it everything.
if [[ ! -s .dev/api-key ]]; then
  (umask 077; printf 'ss_%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" > .dev/api-key)
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
# Development HSM: a SoftHSM token of our own (own softhsm2.conf, random PINs in 0600 files).
hsm_env=()
setup_dev_hsm() {
  local module="" dir="$root/.dev/softhsm"
  for m in /usr/lib/softhsm/libsofthsm2.so /usr/lib/*-linux-gnu/softhsm/libsofthsm2.so; do [[ -f "$m" ]] && { module="$m"; break; }; done
  if ! command -v softhsm2-util >/dev/null || [[ -z "$module" ]]; then
    say "softhsm2 is not installed: no development HSM key (scripts/ensure-tools.sh installs it)"
    return
  fi
  # SoftHSM reads SOFTHSM2_CONF when the service loads the module; it must be in the process environment.
  export SOFTHSM2_CONF="$dir/softhsm2.conf"
  export Hsm__Tokens__dev__ModulePath="$module"
  export Hsm__Tokens__dev__TokenLabel="signingservice-dev"
  export Hsm__Tokens__dev__PinFile="$dir/pin"
  if [[ -s "$dir/hsm-demo.pub" ]]; then
    say "ok: development SoftHSM token in .dev/softhsm with demo key hsm-demo"
  else
    say "creating a development SoftHSM token 'signingservice-dev' in .dev/softhsm (PINs in 0600 files there)"
    rm -rf "$dir"
    mkdir -p "$dir/tokens"
    chmod 700 "$dir"
    printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$dir/tokens" > "$SOFTHSM2_CONF"
    (umask 077; for f in pin so-pin; do head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$dir/$f"; done)
    # softhsm2-util reads PINs only from a terminal (never pass them in argv): give it one with script(1).
    { for f in so-pin so-pin pin pin; do sleep 0.5; cat "$dir/$f"; done; sleep 1; } \
      | script -qec "softhsm2-util --init-token --free --label signingservice-dev" /dev/null >/dev/null
    say "generating the demo key hsm-demo (ECDSA P-256) in the token"
    dotnet run --project src/SigningService -c Release -- keys generate --hsm dev --label hsm-demo --id 01 --type ec-p256 \
      > "$dir/hsm-demo.pub.tmp"
    mv "$dir/hsm-demo.pub.tmp" "$dir/hsm-demo.pub"
  fi
  # A key name with '-' is not a shell identifier: these go to the service through env(1).
  hsm_env=("Keys__Hsm__hsm-demo__Token=dev" "Keys__Hsm__hsm-demo__Uri=pkcs11:token=signingservice-dev;object=hsm-demo;id=%01")
  say "HSM key hsm-demo: sign with key=hsm-demo; public key in .dev/softhsm/hsm-demo.pub"
}
setup_dev_hsm

say "starting SigningService on http://127.0.0.1:8080 (Swagger UI: http://127.0.0.1:8080/swagger)"
exec env "${hsm_env[@]}" dotnet run --project src/SigningService -c Release -- --urls http://127.0.0.1:8080
