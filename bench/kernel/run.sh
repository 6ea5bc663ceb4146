#!/usr/bin/env bash
# Runs benchmark 3 (ipip tunnel creation: IpipTools against `ip -batch`) in a kernel that has
# the ipip driver: the kernel-test harness's qemu guest (tests/kernel), with the benchmark in
# place of the tests. The host kernel here has no ipip, so this is the only way to run it.
#
#   bash bench/kernel/run.sh [BENCH ARGS...]      (default: --tunnels 1000 --repeat 3)
#
# The guest's results replace the "qemu guest" section of bench/RESULTS.md (between the
# <!-- qemu --> markers), so the host run and the guest run share one results file.
# Environment: IPIPTOOLS_VM_TIMEOUT (default 1200 s here) and the harness's own variables.
set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$BENCH_ROOT/.." && pwd)
# The harness's functions: the kernel, the cached base initramfs, the VM and its console markers.
# shellcheck source=../../tests/kernel/run.sh
source "$REPO/tests/kernel/run.sh"
VM_TIMEOUT=${IPIPTOOLS_VM_TIMEOUT:-1200}

BENCH_ARGS=("$@")
((${#BENCH_ARGS[@]})) || BENCH_ARGS=(--tunnels 1000 --repeat 3)
RESULTS="$BENCH_ROOT/RESULTS.md"

# Replaces the marked qemu section of RESULTS.md (or appends one) with file $1.
splice_results() {
  local section=$1 tmp
  tmp=$(mktemp)
  {
    [[ -f $RESULTS ]] && awk '/^<!-- qemu -->$/ { skip = 1 } !skip { print } /^<!-- \/qemu -->$/ { skip = 0 }' "$RESULTS"
    echo "<!-- qemu -->"
    echo "# In the qemu guest (kernel $KERNEL_RELEASE, TCG emulation, 2 vCPUs): \`bash bench/kernel/run.sh ${BENCH_ARGS[*]}\`"
    echo
    tail -n +2 "$section" # everything but the guest report's own title
    echo "<!-- /qemu -->"
  } >"$tmp"
  mv "$tmp" "$RESULTS"
}

bench_main() {
  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ipiptools-bench.XXXXXX")
  trap 'rm -rf "$WORK_DIR"' EXIT
  log "building bench/IpipTools.Bench"
  dotnet build "$BENCH_ROOT/IpipTools.Bench" -c Release -nologo -v q -clp:ErrorsOnly >&2 || die "the benchmark does not build"
  local out="$BENCH_ROOT/IpipTools.Bench/bin/Release/net10.0"

  ensure_vm_tools
  lock_cache
  fetch_kernel
  ensure_base_archive "$out/IpipTools.Bench.runtimeconfig.json"

  local stage="$WORK_DIR/stage" arg
  mkdir -p "$stage/bench"
  stage_guest_init "$stage" "$BENCH_ROOT/kernel/guest-init.sh"
  cp -a "$out/." "$stage/bench/"
  : >"$stage/bench/.bench-args"
  for arg in --only tunnels "${BENCH_ARGS[@]}"; do printf '%s\n' "$arg" >>"$stage/bench/.bench-args"; done
  cpio_of "$stage" >"$WORK_DIR/bench.cpio"
  cat "$WORK_DIR/bench.cpio" "$BASE_ARCHIVE" >"$WORK_DIR/initrd"

  run_vm "$WORK_DIR/initrd"
  [[ -f $WORK_DIR/guest-exit ]] || die "the VM stopped without reporting a result (qemu status $VM_STATUS)"
  local rc
  rc=$(cat "$WORK_DIR/guest-exit")
  ((rc == 125)) && die "the guest could not load the kernel modules"
  decode_guest_results || die "the benchmark (exit $rc) wrote no results"
  ((rc == 0)) || die "the benchmark failed in the guest (exit $rc)"
  splice_results "$WORK_DIR/results.json"
  log "results written to $RESULTS"
}

# Exit in the same command: bash reads a script as it runs it, so a run must not go on to read
# whatever an edit made during the VM's run puts at its old end of file.
{
  bench_main
  exit
}
