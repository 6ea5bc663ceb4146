# shellcheck shell=bash
# Shared helpers of the kernel-test harness. Sourced by run.sh, never run on its own.

# Seconds since the harness started, for the phase timings in the log.
HARNESS_T0=$(date +%s.%N)

elapsed() {
  awk -v t0="$HARNESS_T0" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - t0 }'
}

# Progress goes to stderr so that stdout carries only test output and the closing line.
log() { printf '[kernel %6ss] %s\n' "$(elapsed)" "$*" >&2; }

die() {
  printf 'kernel: ERROR: %s\n' "$*" >&2
  exit 1
}

# A prerequisite (qemu, the kernel package, a module) cannot be had. CI sets
# IPIPTOOLS_REQUIRE_KERNEL=1 so that a broken environment fails loudly there; a developer
# machine without it gets a clear skip instead of a red build.
unavailable() {
  if [[ "${IPIPTOOLS_REQUIRE_KERNEL:-0}" == 1 ]]; then
    die "$* (IPIPTOOLS_REQUIRE_KERNEL=1, so this is a failure)"
  fi
  printf 'kernel: SKIPPED: kernel tests not run: %s\n' "$*"
  exit 0
}

# apt's package lists may be missing or stale on a fresh machine; refresh them once per run.
APT_UPDATED=0
apt_update_once() {
  [[ $APT_UPDATED == 1 ]] && return 0
  APT_UPDATED=1
  log "apt-get update"
  apt-get update -qq >/dev/null 2>&1 || log "apt-get update failed (continuing with the lists we have)"
}

package_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# Installs those of the given Debian packages that are not installed yet.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) != 0 ]]; then
    unavailable "missing packages ${missing[*]} and not root to install them"
  fi
  apt_update_once
  log "installing ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    unavailable "cannot install ${missing[*]}"
  fi
}

# sha256 of stdin, as a short cache key.
short_hash() { sha256sum | cut -c1-16; }

# Serialises the runs that share one cache (the lead's test command, a developer, CI): the
# kernel fetch and the base archive build must not race, and two emulated VMs at once on
# two cores would each run at half speed towards their timeouts. Held until the harness exits.
lock_cache() {
  mkdir -p "$CACHE"
  exec {CACHE_LOCK_FD}>"$CACHE/.lock"
  if ! flock -n "$CACHE_LOCK_FD"; then
    log "waiting for another kernel-test run to release $CACHE"
    flock "$CACHE_LOCK_FD"
  fi
}
