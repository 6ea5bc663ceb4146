#!/bin/busybox sh
# shellcheck shell=dash
# /init of the kernel-test VM (PID 1, from the initramfs that tests/kernel/run.sh builds).
#
# After the shared set-up (guest-setup.sh: file systems, modules, environment), runs the
# xunit.v3 test executable and then, in the same boot, the Pester suites' `-Tag Tunnel` tests
# in real pwsh (when the host staged pwsh), each with its output on the serial console. Reports
# the xunit CTRF results, the Pester summary (named `pester`) and the xunit exit code to the
# host through the console markers guest-setup.sh describes, and powers off.

# shellcheck source=guest-setup.sh
. /usr/lib/ipiptools/guest-setup.sh

run_xunit() {
  # The host writes extra xunit arguments one a line: rebuild them as positional parameters.
  set --
  while IFS= read -r arg; do [ -n "$arg" ] && set -- "$@" "$arg"; done </tests/.xunit-args

  cd /tests || return 1
  say "starting tests"
  /usr/share/dotnet/dotnet /tests/IpipTools.KernelTests.dll -noColor -noLogo \
    -ctrf /tmp/results.json "$@" 2>&1
  xunit_rc=$?
  say "tests finished"
  cd / || return 1
  return $xunit_rc
}

# Runs tests/Pester/run.ps1 -Tag Tunnel (plus the host's arguments in /ipiptools/.pester-args,
# e.g. -NoSkip) and leaves in /tmp/pester.summary its closing line and pwsh's exit code:
#   pester: N passed, N failed, N skipped
#   exit N
# Nothing at all when the host staged no pwsh (it says why on its side).
run_pester() {
  [ -x /usr/bin/pwsh ] || return 0
  pester_args=""
  while IFS= read -r arg; do pester_args="$pester_args $arg"; done </ipiptools/.pester-args
  say "starting pester"
  # The first line times pwsh's start-up, the next ones Pester's and the module's imports
  # (run.ps1 then finds Pester loaded, and Common.ps1 re-imports the module from the
  # assemblies already loaded).
  {
    /usr/bin/pwsh -NoLogo -NoProfile -NonInteractive -Command "
      Write-Host \"pwsh: PowerShell \$(\$PSVersionTable.PSVersion) running (t=\$((Get-Content /proc/uptime).Split(' ')[0])s)\"
      \$import = Measure-Command { Import-Module Pester }
      Write-Host ('pwsh: Import-Module Pester took {0:N2} s' -f \$import.TotalSeconds)
      \$import = Measure-Command { Import-Module $GUEST_MODULE_MANIFEST }
      Write-Host ('pwsh: Import-Module IpipTools took {0:N2} s' -f \$import.TotalSeconds)
      & /ipiptools/tests/Pester/run.ps1 -Tag Tunnel -ModulePath $GUEST_MODULE_MANIFEST $pester_args
      exit \$LASTEXITCODE" 2>&1
    echo "exit $?" >/tmp/pester.exit
  } | $BB tee /tmp/pester.log
  say "pester finished"
  { $BB grep '^pester: [0-9]* passed' /tmp/pester.log | $BB tail -n 1; $BB cat /tmp/pester.exit; } >/tmp/pester.summary
}

main() {
  guest_setup
  run_xunit
  rc=$?
  if [ "$rc" -ne 0 ]; then
    # `quiet` keeps the kernel's warnings off the console; a failing run may want them.
    echo "ipiptools-guest: last kernel messages:"
    $BB dmesg | $BB tail -n 40
  fi
  run_pester
  report_results /tmp/results.json
  report_results /tmp/pester.summary pester
  guest_exit "$rc"
}

main
