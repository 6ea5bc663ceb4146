# shellcheck shell=dash
# The set-up every guest /init shares, and its way of reporting to the host. Sourced, never
# run: stage_guest_init (initramfs.sh) puts it at /usr/lib/ipiptools/guest-setup.sh beside
# the /init it is given, and that /init decides what the guest runs after the set-up. The
# kernel tests' /init is guest-init.sh; bench/kernel/guest-init.sh is another. An /init:
#
#   . /usr/lib/ipiptools/guest-setup.sh
#   guest_setup                     # file systems, lo, kernel modules, environment
#   ...run something, writing its results to a file; rc=$?...
#   report_results /tmp/results     # that file, to the host
#   report_results /tmp/more more   # a second file, under its own name
#   guest_exit "$rc"                # its exit code, to the host; then power off
#
# The host (vm.sh) reads these markers off the serial console:
#   @@IPIPTOOLS-RESULTS-BEGIN@@ / @@IPIPTOOLS-RESULTS-END@@  the results file, gzip + base64
#   @@IPIPTOOLS-RESULTS-BEGIN name@@ / ...-END@@             another results file, named
#   @@IPIPTOOLS-EXIT <code>@@                               the exit code; 125: the modules
#                                                           did not load
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

guest_exit() {
  echo "@@IPIPTOOLS-EXIT $1@@"
  finish
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

# Everything a payload needs before it starts; when a module does not load, reports exit
# code 125 and powers off instead.
guest_setup() {
  mount_filesystems
  $BB hostname ipiptools-vm
  /usr/sbin/ip link set lo up
  say "init started"
  if ! load_modules; then
    guest_exit 125
  fi
  say "modules loaded"

  export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TMPDIR=/tmp
  export IPIPTOOLS_IN_KERNEL_VM=1
  export DOTNET_ROOT=/usr/share/dotnet
  export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
  # W^X double-maps every JIT'd page; under emulation that costs seconds of start-up.
  export DOTNET_EnableWriteXorExecute=0
  export DOTNET_NOLOGO=1
  # For pwsh, where a payload carries it (tests/kernel/powershell.sh): Pester on the module
  # path, no telemetry or update check (no network), plain text on the serial console.
  export PSModulePath=/usr/lib/ipiptools/psmodules
  export POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off TERM=dumb
  # The serial console reports no size (0 x 0), so pwsh would format tables for 80 columns;
  # .NET takes the size only when both are set.
  $BB stty cols 160 rows 50 2>/dev/null
}

# The published module's manifest, where tests/kernel/powershell.sh stages it.
GUEST_MODULE_MANIFEST=/ipiptools/out/IpipTools/IpipTools.psd1

# Sends results file $1, when it is there and not empty, under name $2 (none: the results).
report_results() {
  if [ -s "$1" ]; then
    echo "@@IPIPTOOLS-RESULTS-BEGIN${2:+ $2}@@"
    $BB gzip -c "$1" | $BB base64
    echo "@@IPIPTOOLS-RESULTS-END@@"
  fi
}
