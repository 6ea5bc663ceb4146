#!/bin/busybox sh
# shellcheck shell=dash
# /init of the kernel-test VM (PID 1, from the initramfs that tests/kernel/run.sh builds).
#
# After the shared set-up (guest-setup.sh: file systems, modules, environment), runs the
# xunit.v3 test executable with its output on the serial console, then reports its CTRF
# results and exit code to the host through the console markers guest-setup.sh describes,
# and powers off.

# shellcheck source=guest-setup.sh
. /usr/lib/ipiptools/guest-setup.sh

main() {
  guest_setup

  # The host writes extra xunit arguments one a line: rebuild them as positional parameters.
  set --
  while IFS= read -r arg; do [ -n "$arg" ] && set -- "$@" "$arg"; done </tests/.xunit-args

  cd /tests || exit 1
  say "starting tests"
  /usr/share/dotnet/dotnet /tests/IpipTools.KernelTests.dll -noColor -noLogo \
    -ctrf /tmp/results.json "$@" 2>&1
  rc=$?
  say "tests finished"
  if [ "$rc" -ne 0 ]; then
    # `quiet` keeps the kernel's warnings off the console; a failing run may want them.
    echo "ipiptools-guest: last kernel messages:"
    $BB dmesg | $BB tail -n 40
  fi
  report_results /tmp/results.json
  guest_exit "$rc"
}

main
