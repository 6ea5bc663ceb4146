#!/bin/busybox sh
# shellcheck shell=dash
# /init of the kernel-test VM (PID 1, from the initramfs that tests/kernel/run.sh builds).
#
# Mounts the pseudo file systems, loads the tunnel modules, runs the xunit.v3 test
# executable with its output on the serial console, then reports to the host through
# markers on that console and powers off:
#   @@IPIPTOOLS-RESULTS-BEGIN@@ / @@IPIPTOOLS-RESULTS-END@@  the CTRF results, gzip + base64
#   @@IPIPTOOLS-EXIT <code>@@                               the test executable's exit code
#
# Busybox's shell runs its own applets before anything on PATH (it would run busybox's
# `ip`), so every tool here is called by full path.

BB=/bin/busybox

say() { echo "ipiptools-guest: $* (t=$($BB cut -d' ' -f1 /proc/uptime)s)"; }

# Powering off is the only way out: if /init returned, the kernel would panic.
finish() {
  $BB sync
  $BB poweroff -f
  $BB sleep 5
}

mount_filesystems() {
  $BB mount -t proc proc /proc
  $BB mount -t sysfs sysfs /sys
  $BB mount -t devtmpfs devtmpfs /dev
  $BB mkdir -p /dev/pts /dev/shm
  $BB mount -t devpts devpts /dev/pts
  $BB mount -t tmpfs -o mode=1777 tmpfs /dev/shm
  $BB mount -t tmpfs -o mode=0755 tmpfs /run
  $BB mount -t tmpfs -o mode=1777 tmpfs /tmp
}

# /etc/ipiptools/modules lists the .ko files in dependency order (resolved on the host from
# modules.dep), so plain insmod suffices.
load_modules() {
  failed=0
  while read -r ko; do
    if ! $BB insmod "$ko"; then
      echo "ipiptools-guest: insmod $ko failed"
      failed=1
    fi
  done </etc/ipiptools/modules
  return $failed
}

report_results() {
  if [ -s /tmp/results.json ]; then
    echo "@@IPIPTOOLS-RESULTS-BEGIN@@"
    $BB gzip -c /tmp/results.json | $BB base64
    echo "@@IPIPTOOLS-RESULTS-END@@"
  fi
}

main() {
  mount_filesystems
  $BB hostname ipiptools-vm
  /usr/sbin/ip link set lo up
  say "init started"
  if ! load_modules; then
    echo "@@IPIPTOOLS-EXIT 125@@"
    finish
  fi
  say "modules loaded"

  export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TMPDIR=/tmp
  export IPIPTOOLS_IN_KERNEL_VM=1
  export DOTNET_ROOT=/usr/share/dotnet
  export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
  # W^X double-maps every JIT'd page; under emulation that costs seconds of start-up.
  export DOTNET_EnableWriteXorExecute=0
  export DOTNET_NOLOGO=1

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
  report_results
  echo "@@IPIPTOOLS-EXIT $rc@@"
  finish
}

main
