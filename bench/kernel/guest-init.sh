#!/bin/busybox sh
# shellcheck shell=dash
# /init of the benchmark VM (bench/kernel/run.sh). After the kernel-test harness's shared
# set-up (tests/kernel/guest-setup.sh), runs IpipTools.Bench with the arguments in
# /bench/.bench-args and reports its markdown and exit code through the harness's console
# markers.

# shellcheck source=../../tests/kernel/guest-setup.sh
. /usr/lib/ipiptools/guest-setup.sh

guest_setup
set --
while IFS= read -r arg; do set -- "$@" "$arg"; done </bench/.bench-args
/usr/share/dotnet/dotnet /bench/IpipTools.Bench.dll "$@" --output /tmp/results.md 2>&1
rc=$?
report_results /tmp/results.md
guest_exit "$rc"
