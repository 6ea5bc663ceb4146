#!/bin/busybox sh
# shellcheck shell=dash
# /init of the demo VM (examples/kernel/run.sh). After the kernel-test harness's shared set-up
# (tests/kernel/guest-setup.sh), runs examples/Demo-S1.ps1 in pwsh with its output on the
# console, and reports its exit code through the harness's console markers.

# shellcheck source=../../tests/kernel/guest-setup.sh
. /usr/lib/ipiptools/guest-setup.sh

guest_setup
say "starting pwsh"
# pwsh's first line (the harness times it) says when it came up; then the demo.
/usr/bin/pwsh -NoLogo -NoProfile -NonInteractive -Command "
  Write-Host \"pwsh: PowerShell \$(\$PSVersionTable.PSVersion) running (t=\$((Get-Content /proc/uptime).Split(' ')[0])s)\"
  & /ipiptools/examples/Demo-S1.ps1 -ModulePath $GUEST_MODULE_MANIFEST
  exit \$LASTEXITCODE" 2>&1
rc=$?
say "demo finished"
guest_exit "$rc"
