#!/bin/busybox sh
# /init of the benchmark VM (bench/kernel/run.sh). The kernel-test VM's init runs the test
# executable; this one runs IpipTools.Bench with the arguments in /bench/.bench-args and
# reports its markdown through the same console markers the harness already decodes:
#   @@IPIPTOOLS-RESULTS-BEGIN@@ ... @@IPIPTOOLS-RESULTS-END@@  the results file, gzip + base64
#   @@IPIPTOOLS-EXIT <code>@@                                 the benchmark's exit code
# Busybox's shell runs its own applets before anything on PATH, so tools go by full path.

BB=/bin/busybox

for fs in proc:/proc sysfs:/sys devtmpfs:/dev tmpfs:/run tmpfs:/tmp; do
  $BB mount -t "${fs%%:*}" "${fs%%:*}" "${fs#*:}"
done
$BB mkdir -p /dev/pts /dev/shm
$BB mount -t devpts devpts /dev/pts
/usr/sbin/ip link set lo up

rc=125
modules_ok=1
while read -r ko; do
  $BB insmod "$ko" || modules_ok=0
done </etc/ipiptools/modules

if [ $modules_ok = 1 ]; then
  export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TMPDIR=/tmp
  export DOTNET_ROOT=/usr/share/dotnet DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  # W^X double-maps every JIT'd page; under emulation that costs seconds of start-up.
  export DOTNET_EnableWriteXorExecute=0
  set --
  while IFS= read -r arg; do set -- "$@" "$arg"; done </bench/.bench-args
  /usr/share/dotnet/dotnet /bench/IpipTools.Bench.dll "$@" --output /tmp/results.md 2>&1
  rc=$?
  if [ -s /tmp/results.md ]; then
    echo "@@IPIPTOOLS-RESULTS-BEGIN@@"
    $BB gzip -c /tmp/results.md | $BB base64
    echo "@@IPIPTOOLS-RESULTS-END@@"
  fi
fi

echo "@@IPIPTOOLS-EXIT $rc@@"
$BB sync
$BB poweroff -f
$BB sleep 5
