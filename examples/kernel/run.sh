#!/usr/bin/env bash
# Runs examples/Demo-S1.ps1 in a kernel that has the ipip driver: the kernel-test harness's
# qemu guest (tests/kernel), with pwsh, the published module and the demo as its payload.
# `build.ps1 -Demo` runs this when the machine's own kernel lacks ipip.
#
#   sudo bash examples/kernel/run.sh
#
# Streams the guest's console (the demo's output) and exits with the demo's exit code: 0 when
# the far end of the tunnel answered ping. Needs what the kernel tests need (root to install
# qemu and friends on first use; the cached kernel and base initramfs make later runs quick).
# Environment: IPIPTOOLS_MODULE_DIR (a published module folder; default: publish to
# out/IpipTools), IPIPTOOLS_VM_TIMEOUT (default 300 s here) and the harness's own variables.
set -euo pipefail

EXAMPLES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$EXAMPLES_DIR/.." && pwd)
# The harness's functions: the kernel, the cached base initramfs, pwsh staging, the VM.
# shellcheck source=../../tests/kernel/run.sh
source "$REPO/tests/kernel/run.sh"
VM_TIMEOUT=${IPIPTOOLS_VM_TIMEOUT:-300}

# The harness skips quietly when something is missing; a demo that did not run has failed.
unavailable() { die "the demo cannot run: $*"; }

demo_main() {
  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ipiptools-demo.XXXXXX")
  trap 'rm -rf "$WORK_DIR"' EXIT
  ensure_powershell >&2 || die "PowerShell cannot be had from the repository's pins (tests/tools/powershell.sh)"
  local module=${IPIPTOOLS_MODULE_DIR:-$REPO/out/IpipTools}
  if [[ -z ${IPIPTOOLS_MODULE_DIR:-} ]]; then
    log "publishing the module to $module"
    dotnet publish "$REPO/src/IpipTools/IpipTools.csproj" -c Release -o "$module" -nologo -v q \
      -clp:ErrorsOnly >&2 || die "the module does not build"
  fi

  ensure_vm_tools
  lock_cache
  fetch_kernel
  # pwsh's runtimeconfig picks the .NET runtime the guest carries.
  ensure_base_archive "$PWSH_DIR/pwsh.runtimeconfig.json"

  local stage="$WORK_DIR/stage"
  mkdir -p "$stage/ipiptools/examples"
  stage_guest_init "$stage" "$EXAMPLES_DIR/kernel/guest-init.sh"
  stage_powershell "$stage" "$module"
  cp "$EXAMPLES_DIR/Demo-S1.ps1" "$stage/ipiptools/examples/"
  cpio_of "$stage" >"$WORK_DIR/demo.cpio"
  cat "$WORK_DIR/demo.cpio" "$BASE_ARCHIVE" >"$WORK_DIR/initrd"
  log "initramfs: $(du -h "$WORK_DIR/initrd" | cut -f1) (demo part $(du -h "$WORK_DIR/demo.cpio" | cut -f1))"

  run_vm "$WORK_DIR/initrd"
  [[ -f $WORK_DIR/guest-exit ]] || die "the VM stopped without reporting a result (qemu status $VM_STATUS)"
  local rc
  rc=$(cat "$WORK_DIR/guest-exit")
  ((rc == 125)) && die "the guest could not load the kernel modules"
  return "$rc"
}

# Exit in the same command: bash reads a script as it runs it, so a run must not go on to read
# whatever an edit made during the VM's run puts at its old end of file.
{
  demo_main
  exit
}
