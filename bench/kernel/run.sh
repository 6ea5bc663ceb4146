#!/usr/bin/env bash
# Runs the tunnel benchmarks (ipip tunnel creation against `ip -batch`) in a kernel that has
# the ipip driver: the kernel-test harness's qemu guest (tests/kernel), with the benchmarks in
# place of the tests. The host kernel here has no ipip, so this is the only way to run them.
# In one boot, the guest runs
#   - the core API's benchmark 3 (IpipTools.Bench --only tunnels), then
#   - the cmdlets' (bench/cmdlets/Invoke-CmdletBench.ps1 -Only tunnels: tunnels piped into
#     New-IpipTunnel), in the pinned pwsh with the published module, staged as for the
#     guest's Pester run (tests/kernel/powershell.sh).
#
#   bash bench/kernel/run.sh [--tunnels N] [--repeat R] [--quick] [--core-only]
#                                       (default: --tunnels 1000 --repeat 3, both benchmarks)
#
# The guest's results replace the "cmdlets-qemu" and "qemu" sections of bench/RESULTS.md
# (bench/results.sh), so the host runs and the guest run share one results file; --quick
# writes none. Environment: IPIPTOOLS_VM_TIMEOUT (default 1200 s here), IPIPTOOLS_MODULE_DIR
# (an already published module folder) and the harness's own variables.
set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$BENCH_ROOT/.." && pwd)
# The harness's functions: the kernel, the cached base initramfs, the VM and its console markers.
# shellcheck source=../../tests/kernel/run.sh
source "$REPO/tests/kernel/run.sh"
VM_TIMEOUT=${IPIPTOOLS_VM_TIMEOUT:-1200}

# shellcheck source=../results.sh
source "$BENCH_ROOT/results.sh"
RESULTS="$BENCH_ROOT/RESULTS.md"

TUNNELS=1000 REPEAT=3 QUICK=0 CMDLETS=1
while (($#)); do
  case $1 in
    --tunnels) TUNNELS=$2; shift ;;
    --repeat) REPEAT=$2; shift ;;
    --quick) QUICK=1 TUNNELS=100 REPEAT=1 ;;
    --core-only) CMDLETS=0 ;;
    *) die "unknown argument $1 (usage: run.sh [--tunnels N] [--repeat R] [--quick] [--core-only])" ;;
  esac
  shift
done
COMMAND="bash bench/kernel/run.sh --tunnels $TUNNELS --repeat $REPEAT$( ((CMDLETS)) || echo ' --core-only')"

# Splices guest report $2 into section $1 of RESULTS.md under heading $3: from its "- date:"
# line on (the report's own titles give way to the heading).
splice_guest_report() {
  local name=$1 report=$2 heading=$3 section="$WORK_DIR/$1.section"
  { echo "$heading"; echo; sed -n '/^- date:/,$p' "$report"; } >"$section"
  splice_section "$RESULTS" "$name" "$section"
}

# Stages the cmdlet benchmark into stage $1: pwsh and the published module where the
# kernel tests' Pester run has them (tests/kernel/powershell.sh), the scripts in /bench/cmdlets.
stage_cmdlet_bench() {
  local stage=$1 module_dir=${IPIPTOOLS_MODULE_DIR:-$REPO/out/IpipTools}
  ensure_powershell >&2 || die "pwsh cannot be had from the repository's pins (tests/tools/powershell.sh)"
  if [[ -z ${IPIPTOOLS_MODULE_DIR:-} ]]; then
    log "publishing the module to $module_dir"
    dotnet publish "$REPO/src/IpipTools/IpipTools.csproj" -c Release -o "$module_dir" -nologo -v q -clp:ErrorsOnly >&2 ||
      die "the module does not build"
  fi
  stage_powershell "$stage" "$module_dir"
  mkdir -p "$stage/bench/cmdlets"
  cp "$BENCH_ROOT"/cmdlets/*.ps1 "$stage/bench/cmdlets/"
  # stage_powershell precompiles the guest's pwsh (unless IPIPTOOLS_R2R=0), as PowerShell's packages ship it.
  local build="precompiled (ReadyToRun), as PowerShell's packages ship it"
  [[ ${IPIPTOOLS_R2R:-1} == 1 ]] || build="the dotnet tool, IL only"
  printf '%s\n' -Only tunnels -Tunnels "$TUNNELS" -Repeat "$REPEAT" -CommandLine "$COMMAND" -PowerShellBuild "$build" >"$stage/bench/.cmdlet-args"
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
  printf '%s\n' --only tunnels --tunnels "$TUNNELS" --repeat "$REPEAT" >"$stage/bench/.bench-args"
  ((CMDLETS)) && stage_cmdlet_bench "$stage"
  cpio_of "$stage" >"$WORK_DIR/bench.cpio"
  cat "$WORK_DIR/bench.cpio" "$BASE_ARCHIVE" >"$WORK_DIR/initrd"

  run_vm "$WORK_DIR/initrd"
  [[ -f $WORK_DIR/guest-exit ]] || die "the VM stopped without reporting a result (qemu status $VM_STATUS)"
  local rc
  rc=$(cat "$WORK_DIR/guest-exit")
  ((rc == 125)) && die "the guest could not load the kernel modules"
  decode_guest_results || die "the benchmark (exit $rc) wrote no results"
  ((CMDLETS)) && { decode_guest_results cmdlets "$WORK_DIR/cmdlets.md" || die "the cmdlet benchmark wrote no results"; }
  ((rc == 0)) || die "a benchmark failed in the guest (exit $rc)"
  ((QUICK)) && { log "quick run: no results written"; return 0; }
  local where="in the qemu guest (kernel $KERNEL_RELEASE, TCG emulation, 2 vCPUs): \`$COMMAND\`"
  ((CMDLETS)) && splice_guest_report cmdlets-qemu "$WORK_DIR/cmdlets.md" "# Cmdlets $where"
  splice_guest_report qemu "$WORK_DIR/results.json" "# Core API $where"
  log "results written to $RESULTS"
}

# Exit in the same command: bash reads a script as it runs it, so a run must not go on to read
# whatever an edit made during the VM's run puts at its old end of file.
{
  bench_main
  exit
}
