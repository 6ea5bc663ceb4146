#!/usr/bin/env bash
# Runs the kernel tests (tests/IpipTools.KernelTests) and the Pester suites' `-Tag Tunnel` tests
# in a kernel that has the IP tunnel drivers.
#
#   bash tests/kernel/run.sh [--build] [-- <extra xunit args>]
#
# The host kernel usually lacks ipip, so the tests run in Debian's cloud kernel under qemu
# (software emulation, no KVM): an initramfs carries busybox, the tunnel modules, the .NET
# runtime, iproute2/ping/tcpdump, the test executable, and pwsh with Pester, the published
# module and tests/Pester (powershell.sh); the guest's /init (guest-init.sh) runs the xunit
# tests, then `tests/Pester/run.ps1 -Tag Tunnel` in the same boot, after the shared set-up
# (guest-setup.sh), and reports back over the serial console. When the host kernel does have
# ipip, both run directly on the host instead. To run something else in the guest, source this
# file and stage your own /init with stage_guest_init (initramfs.sh), as bench/kernel/run.sh
# and examples/kernel/run.sh do.
#
# Options:
#   --build      build the test project first (otherwise an existing build is used, and it is
#                built only when missing or older than the sources under src/ and tests/)
#   -- ARGS      passed to the xunit.v3 executable, e.g. -- -method '*Smoke*'
#
# Environment:
#   IPIPTOOLS_CACHE                cache root (default ~/.cache/ipiptools): kernel, base initramfs
#   IPIPTOOLS_VM_TIMEOUT           seconds before the VM is killed (default 480, see vm.sh)
#   IPIPTOOLS_REQUIRE_KERNEL=1     missing qemu/kernel/module is a failure, not a skip (CI)
#   IPIPTOOLS_KERNEL_TESTS_DIR     use this already-built test output directory
#   IPIPTOOLS_MODULE_DIR           use this published module folder (default: publish to out/IpipTools)
#   IPIPTOOLS_FORCE_VM=1           use the VM even when the host kernel has ipip
#   IPIPTOOLS_GUEST_PESTER_FILTER  only the guest's Pester files whose path matches this regex
#                                  (e.g. 'Tunnels|S6'); with `-- -method ...` a quick partial run.
#                                  A filter that matches no Pester file stops the run at once
#                                  with an error saying so (it does not run them all). The host
#                                  path (a host kernel with ipip) runs every file regardless.
#   IPIPTOOLS_INITRD_COMPRESSION   none (default), gzip, lz4 or zstd
#   IPIPTOOLS_VM_MODULES           modules to load (default: the tunnel drivers, veth, bridge, dummy,
#                                  and xfrm_user, esp4, authenc, gcm, ghash_generic, ctr, seqiv,
#                                  echainiv, drbg for IPsec: vti, AES-GCM, cbc(aes) with hmac(sha256))
#   IPIPTOOLS_VM_DEBUG=1           boot without `quiet`
#   IPIPTOOLS_R2R=0                ship the test and pwsh assemblies as IL (the guest JITs them; slower)
#
# Output: the tests' own output, then the closing lines `kernel: N passed, N failed[, N skipped]`
# and `pester (guest): N passed, N failed, N skipped` (`pester (host kernel)` on the host path;
# `pester (guest): SKIPPED: why` when pwsh, Pester or the module cannot be had outside CI).
# Exit status: 0 when every test passed (or the run was skipped), non-zero otherwise.
#
# Measured on the 2-core development VM (no KVM), 54 kernel tests, while other builds ran:
#   - warm caches: harness to boot ~3 s; VM 25-55 s for the xunit tests alone, of which boot
#     to the first test 5-16 s (kernel to /init ~3 s, modules 0.5 s, .NET start-up and test
#     discovery the rest).
#   - with the Pester tunnel tests (7, Tunnels.Tests.ps1) in the same boot: VM 52-120 s
#     (52 s on a quiet machine). pwsh starts beside the xunit run: its first line 7-12 s after
#     it starts, Import-Module Pester 15-20 s (a 1.1 MB script; run.ps1 then finds it loaded),
#     Import-Module IpipTools 0.25-0.7 s; the Pester run itself ~25 s (discovery ~10 s).
#   - cold caches (kernel download, base initramfs, ReadyToRun of 17 test assemblies and 14
#     pwsh, Pester and module ones): +35 s.
#   - initramfs: base 95 MB (.NET runtime 73 MB, libraries 17 MB), tests part 37 MB (tests
#     ~10 MB; pwsh 11 MB of IL, ~25 MB precompiled, with Pester and the module).
#   - initramfs compression, time to /init: none 2.7 s, lz4 3.1-3.5 s, gzip 4.7-5.0 s,
#     zstd 6-7 s. Emulated decompression costs more than copying, so none is the default.
set -euo pipefail

HARNESS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$HARNESS_DIR/../.." && pwd)
TEST_PROJECT="$REPO_ROOT/tests/IpipTools.KernelTests"
TEST_ASSEMBLY=IpipTools.KernelTests.dll
# shellcheck disable=SC2034 # used by the sourced files
CACHE=${IPIPTOOLS_CACHE:-$HOME/.cache/ipiptools}

# shellcheck source=common.sh
source "$HARNESS_DIR/common.sh"
# shellcheck source=kernel.sh
source "$HARNESS_DIR/kernel.sh"
# shellcheck source=initramfs.sh
source "$HARNESS_DIR/initramfs.sh"
# shellcheck source=r2r.sh
source "$HARNESS_DIR/r2r.sh"
# shellcheck source=vm.sh
source "$HARNESS_DIR/vm.sh"
# shellcheck source=../tools/powershell.sh
source "$REPO_ROOT/tests/tools/powershell.sh"
# shellcheck source=powershell.sh
source "$HARNESS_DIR/powershell.sh"

BUILD=0
XUNIT_ARGS=()

parse_args() {
  while (($#)); do
    case $1 in
      --build) BUILD=1 ;;
      --) shift; XUNIT_ARGS=("$@"); return ;;
      -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument $1 (usage: run.sh [--build] [-- <xunit args>])" ;;
    esac
    shift
  done
}

# --- the test build -------------------------------------------------------------------------

# The project's output directory, as MSBuild evaluates it (no build).
test_output_dir() {
  local target
  target=$(dotnet msbuild "$TEST_PROJECT" -nologo -getProperty:TargetPath -p:Configuration=Release) ||
    die "cannot evaluate $TEST_PROJECT"
  dirname "$target"
}

# True when the build output is missing or older than any source file it may be built from
# (the tests reference the core and shared test projects: check all of src/ and tests/).
build_is_stale() {
  local dll=$1
  [[ -f $dll ]] || return 0
  [[ -n $(find "$REPO_ROOT/src" "$REPO_ROOT/tests" "$REPO_ROOT"/Directory.Build.* \
    \( -name bin -o -name obj -o -name node_modules -o -path "$HARNESS_DIR" \) -prune -o \
    -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \) \
    -newer "$dll" -print -quit 2>/dev/null) ]]
}

# Sets TEST_DIR to a built test output directory.
ensure_test_build() {
  if [[ -n ${IPIPTOOLS_KERNEL_TESTS_DIR:-} ]]; then
    TEST_DIR=$(cd "$IPIPTOOLS_KERNEL_TESTS_DIR" && pwd)
  else
    TEST_DIR=$(test_output_dir)
    if ((BUILD)) || build_is_stale "$TEST_DIR/$TEST_ASSEMBLY"; then
      log "building $TEST_PROJECT"
      dotnet build "$TEST_PROJECT" -c Release -nologo -v q -clp:ErrorsOnly >&2 ||
        die "the kernel test project does not build"
    fi
  fi
  [[ -f $TEST_DIR/$TEST_ASSEMBLY ]] || die "no $TEST_ASSEMBLY in $TEST_DIR"
}

# --- results --------------------------------------------------------------------------------

# Reads one number from the CTRF file's "summary" object.
ctrf_count() {
  { grep -o '"summary":{[^}]*}' "$1" || true; } | sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p"
}

# Prints the closing line from CTRF file $1 and returns non-zero if any test failed or the
# runner exited with $2 != 0.
conclude() {
  local results=$1 rc=$2 passed failed skipped other line
  passed=$(ctrf_count "$results" passed)
  failed=$(ctrf_count "$results" failed)
  skipped=$(ctrf_count "$results" skipped)
  other=$(ctrf_count "$results" other)
  [[ -n $passed && -n $failed ]] || die "cannot read the test summary from the results"
  # CTRF "other" holds outcomes that are neither pass, fail nor skip (e.g. not run): count
  # them as failures rather than lose them.
  failed=$((failed + ${other:-0}))
  if ((rc != 0 && failed == 0)); then
    printf 'kernel: the test executable exited %s with no failed test: a runner error, counted as one failure\n' "$rc"
    failed=1
  fi
  line="kernel: $passed passed, $failed failed"
  ((${skipped:-0} > 0)) && line+=", $skipped skipped"
  echo "$line"
  ((failed == 0))
}

# --- the host path --------------------------------------------------------------------------

# True when the host kernel can make an ipip device (probed in a throwaway namespace).
host_has_ipip() {
  [[ ${IPIPTOOLS_FORCE_VM:-0} == 1 ]] && return 1
  [[ -d /sys/module/ipip ]] && return 0
  [[ $(id -u) == 0 ]] || return 1
  local ns="ipiptools-probe-$$" ok=1
  ip netns add "$ns" 2>/dev/null || return 1
  ip -n "$ns" link add probe0 type ipip remote 192.0.2.2 local 192.0.2.1 2>/dev/null && ok=0
  ip netns delete "$ns" 2>/dev/null || true
  return $ok
}

run_on_host() {
  log "the host kernel has ipip: running the kernel tests on the host, not in a VM"
  local rc=0 ok=0
  IPIPTOOLS_KERNEL_HOST=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    dotnet "$TEST_DIR/$TEST_ASSEMBLY" -noColor -noLogo -ctrf "$WORK_DIR/results.json" \
    "${XUNIT_ARGS[@]}" || rc=$?
  [[ -s $WORK_DIR/results.json ]] || die "the test executable (exit $rc) wrote no results"
  if ((GUEST_PESTER)); then
    # The same run, and the same summary file, as the guest's (start_pester, guest-init.sh).
    local args=(-Tag Tunnel -ModulePath "$MODULE_DIR/IpipTools.psd1") status=0
    [[ ${IPIPTOOLS_REQUIRE_KERNEL:-0} == 1 ]] && args+=(-NoSkip)
    pwsh_run -File "$REPO_ROOT/tests/Pester/run.ps1" "${args[@]}" 2>&1 | tee "$WORK_DIR/pester.log" ||
      status=$?
    { grep -E '^pester: [0-9]+ passed' "$WORK_DIR/pester.log" | tail -n 1; echo "exit $status"; } \
      >"$WORK_DIR/pester.summary" || true
  fi
  conclude "$WORK_DIR/results.json" "$rc" || ok=1
  conclude_pester "host kernel" "$WORK_DIR/pester.summary" || ok=1
  return $ok
}

# --- the VM path ----------------------------------------------------------------------------

ensure_vm_tools() {
  local pkgs=(qemu-system-x86 busybox-static cpio iputils-ping tcpdump iproute2)
  case $INITRD_COMPRESSION in
    lz4) pkgs+=(lz4) ;;
    zstd) pkgs+=(zstd) ;;
  esac
  ensure_packages "${pkgs[@]}"
  command -v qemu-system-x86_64 >/dev/null || unavailable "qemu-system-x86_64 is not available"
}

run_in_vm() {
  ensure_vm_tools
  lock_cache
  fetch_kernel
  kernel_supports_compression "$INITRD_COMPRESSION" ||
    die "kernel $KERNEL_RELEASE cannot unpack a $INITRD_COMPRESSION initramfs"
  ensure_base_archive "$TEST_DIR/${TEST_ASSEMBLY%.dll}.runtimeconfig.json"
  build_tests_archive "$WORK_DIR/tests.cpio" "$TEST_DIR" "${XUNIT_ARGS[@]}"
  ((GUEST_PESTER)) && log "Pester in the guest: pwsh $(powershell_version), Pester $(pester_version), module $MODULE_DIR"
  cat "$WORK_DIR/tests.cpio" "$BASE_ARCHIVE" >"$WORK_DIR/initrd"
  log "initramfs: $(du -h "$WORK_DIR/initrd" | cut -f1) (tests part $(du -h "$WORK_DIR/tests.cpio" | cut -f1))"

  run_vm "$WORK_DIR/initrd"

  if [[ ! -f $WORK_DIR/guest-exit ]]; then
    ((VM_STATUS == 124)) && die "the VM timed out after ${VM_TIMEOUT}s (IPIPTOOLS_VM_TIMEOUT)"
    die "the VM stopped without reporting a result (qemu status $VM_STATUS)"
  fi
  local rc
  rc=$(cat "$WORK_DIR/guest-exit")
  ((rc == 125)) && die "the guest could not load the kernel modules"
  decode_guest_results || die "the guest's test executable (exit $rc) reported no results"
  local ok=0
  conclude "$WORK_DIR/results.json" "$rc" || ok=1
  decode_guest_results pester "$WORK_DIR/pester.summary" || true
  conclude_pester guest "$WORK_DIR/pester.summary" || ok=1
  return $ok
}

main() {
  parse_args "$@"
  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ipiptools-kernel.XXXXXX")
  trap 'rm -rf "$WORK_DIR"' EXIT
  # A Pester filter that matches nothing stops the run here, before anything is built.
  select_guest_pester_files
  ensure_test_build
  prepare_guest_pester
  if host_has_ipip; then
    run_on_host
  else
    run_in_vm
  fi
}

# Sourcing the file (to test its functions) must not run it. Bash reads a script as it runs
# it, so the exit comes in the same compound command as main: a run must not go on to read
# whatever an edit made during the VM's minute puts at its old end of file.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
  exit
fi
