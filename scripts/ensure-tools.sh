#!/usr/bin/env bash
# Installs what SigningService and its tests need, only where it is missing, and says what it does.
# Idempotent: a second run prints "ok" lines and changes nothing.
#   ensure-tools.sh            -> cosign >= 3 and SoftHSM2 (for running the service with a dev HSM token)
#   ensure-tools.sh --test     -> also SoftHSM2, OpenSC (pkcs11-tool) and the CNCF registry
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${SIGNINGSERVICE_TOOLS:-$root/.tools}"
want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

say() { printf '[setup] %s\n' "$*"; }
sudo_() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    say "apt-get update"
    sudo_ apt-get update -qq >/dev/null
    apt_updated=true
  fi
  say "installing Debian packages: $*"
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# cosign >= 3? Distribution builds print "GitVersion: devel"; for those, cosign 3 is recognised by
# sign-blob's --use-signing-config defaulting to true (the service's startup probe does the same).
cosign_ok() {
  local v
  v="$("$1" version 2>/dev/null | sed -n 's/^GitVersion:[[:space:]]*//p' | head -n1)"
  if [[ "$v" =~ ^v?([0-9]+)\. ]]; then
    [[ ${BASH_REMATCH[1]} -ge 3 ]]
  elif [[ "$v" == devel ]]; then
    "$1" sign-blob --help 2>/dev/null | grep -q -- '--use-signing-config=true'
  else
    return 1
  fi
}

ensure_cosign() {
  local onpath
  onpath="$(command -v cosign || true)"
  if [[ -n "$onpath" ]] && cosign_ok "$onpath"; then
    say "ok: cosign $("$onpath" version 2>/dev/null | sed -n 's/^GitVersion:[[:space:]]*//p') at $onpath"
    echo "$onpath" > "$tools/cosign-path"
    return
  fi
  if [[ -x "$tools/cosign/usr/bin/cosign" ]] && cosign_ok "$tools/cosign/usr/bin/cosign"; then
    say "ok: cosign $("$tools/cosign/usr/bin/cosign" version 2>/dev/null | sed -n 's/^GitVersion:[[:space:]]*//p') at $tools/cosign/usr/bin/cosign"
    echo "$tools/cosign/usr/bin/cosign" > "$tools/cosign-path"
    return
  fi
  # cosign v3 is only in Debian unstable: fetch the .deb from sid using this machine's own mirror.
  local uri
  uri="$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v -- '-security' | head -n1 || true)"
  if [[ -z "$uri" ]]; then
    uri="$(awk '$1=="deb" && $0 !~ /security/ {for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list 2>/dev/null || true)"
  fi
  [[ -n "$uri" ]] || { say "error: no Debian source URI found in /etc/apt; cannot fetch cosign"; exit 1; }
  say "cosign >= 3 not found: downloading Debian unstable's cosign package from $uri"
  local work; work="$(mktemp -d)"
  mkdir -p "$work/lists" "$work/cache/archives/partial" "$work/state"
  echo "deb [trusted=yes] $uri sid main" > "$work/sid.list"
  local -a opts=(-o "Dir::Etc::SourceList=$work/sid.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o Acquire::Check-Valid-Until=false
    -o APT::Get::List-Cleanup=false -o Debug::NoLocking=true)
  apt-get "${opts[@]}" update -qq >/dev/null 2>&1
  (cd "$work" && apt-get "${opts[@]}" download cosign >/dev/null 2>&1)
  mkdir -p "$tools/cosign"
  dpkg-deb -x "$work"/cosign_*.deb "$tools/cosign"
  rm -rf "$work"
  say "installed cosign $("$tools/cosign/usr/bin/cosign" version 2>/dev/null | sed -n 's/^GitVersion:[[:space:]]*//p') into $tools/cosign"
  echo "$tools/cosign/usr/bin/cosign" > "$tools/cosign-path"
}

ensure_packages() {
  local -a missing=()
  command -v softhsm2-util >/dev/null || missing+=(softhsm2)
  command -v pkcs11-tool >/dev/null || missing+=(opensc)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v openssl >/dev/null || missing+=(openssl)
  if ((${#missing[@]})); then apt_install "${missing[@]}"; else say "ok: softhsm2, opensc, docker-registry, htpasswd, openssl"; fi
}

ensure_softhsm() {
  if command -v softhsm2-util >/dev/null; then say "ok: softhsm2"; else apt_install softhsm2; fi
}

mkdir -p "$tools"
ensure_cosign
ensure_softhsm
$want_test && ensure_packages
exit 0
