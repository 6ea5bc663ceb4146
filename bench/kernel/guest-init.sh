#!/bin/busybox sh
# shellcheck shell=dash
# /init of the benchmark VM (bench/kernel/run.sh). After the kernel-test harness's shared
# set-up (tests/kernel/guest-setup.sh), runs IpipTools.Bench with the arguments in
# /bench/.bench-args, then, when the host staged pwsh, the cmdlet benchmark
# (/bench/cmdlets/Invoke-CmdletBench.ps1) with those in /bench/.cmdlet-args, one after the
# other so that neither runs in the other's time. Reports their markdown (the cmdlets' under
# the name `cmdlets`) and the first failing exit code through the harness's console markers.

# shellcheck source=../../tests/kernel/guest-setup.sh
. /usr/lib/ipiptools/guest-setup.sh

guest_setup
set --
while IFS= read -r arg; do set -- "$@" "$arg"; done </bench/.bench-args
/usr/share/dotnet/dotnet /bench/IpipTools.Bench.dll "$@" --output /tmp/results.md 2>&1
rc=$?

if [ -f /bench/.cmdlet-args ]; then
  set --
  while IFS= read -r arg; do set -- "$@" "$arg"; done </bench/.cmdlet-args
  say "starting the cmdlet benchmark"
  /usr/bin/pwsh -NoLogo -NoProfile -NonInteractive -File /bench/cmdlets/Invoke-CmdletBench.ps1 \
    -ModulePath "$GUEST_MODULE_MANIFEST" -Output /tmp/cmdlets.md "$@" 2>&1
  cmdlets_rc=$?
  say "the cmdlet benchmark finished"
  [ "$rc" -eq 0 ] && rc=$cmdlets_rc
fi

report_results /tmp/results.md
report_results /tmp/cmdlets.md cmdlets
guest_exit "$rc"
