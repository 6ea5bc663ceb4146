#!/usr/bin/env bash
# Runs the cmdlet benchmarks (Invoke-CmdletBench.ps1) in the repository's pinned pwsh, with
# the module imported from its published folder, and writes their results into the cmdlets
# section of bench/RESULTS.md. Needs root (throwaway network namespaces).
#
#   sudo bash bench/cmdlets/run.sh [-Quick] [Invoke-CmdletBench.ps1 parameters...]
#
# -Quick: N = 100, one run, no results file (what CI runs). Other parameters, e.g.
# `-Only routes -Routes 10000 -Repeat 1`, measure less; every run writes RESULTS.md unless
# -Quick. Environment: IPIPTOOLS_MODULE_DIR, an already published module folder (otherwise
# the module is published to out/IpipTools first); IPIPTOOLS_BENCH_PWSH=tool to measure the
# pinned pwsh as it is rather than precompiled as PowerShell's packages ship it
# (precompiled-powershell.sh; -Quick always measures the tool, to stay quick).
set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$BENCH_ROOT/.." && pwd)
# shellcheck source=../../tests/tools/powershell.sh
source "$REPO/tests/tools/powershell.sh"
# shellcheck source=../results.sh
source "$BENCH_ROOT/results.sh"
# shellcheck source=precompiled-powershell.sh
source "$BENCH_ROOT/cmdlets/precompiled-powershell.sh"

PREFIX="ipiptools-cbench-$$"
WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ipiptools-cbench.XXXXXX")

# The script removes its namespaces itself, even when a benchmark fails; this catches a run
# that was killed outright.
cleanup() {
  local ns
  for ns in $(ip netns list | awk -v p="$PREFIX-" 'index($1, p) == 1 { print $1 }'); do
    ip netns delete "$ns" 2>/dev/null || true
  done
  # ...and its scratch folder (the workloads' files), named like its namespaces.
  rm -rf "$WORK_DIR" "${TMPDIR:-/tmp}/$PREFIX"
}
trap cleanup EXIT

[[ $(id -u) == 0 ]] || { echo "bench/cmdlets/run.sh: needs root (it makes network namespaces)" >&2; exit 2; }
ensure_powershell >&2
MODULE_DIR=${IPIPTOOLS_MODULE_DIR:-$REPO/out/IpipTools}
if [[ -z ${IPIPTOOLS_MODULE_DIR:-} ]]; then
  echo "bench/cmdlets/run.sh: publishing the module to $MODULE_DIR" >&2
  dotnet publish "$REPO/src/IpipTools/IpipTools.csproj" -c Release -o "$MODULE_DIR" -nologo -v q -clp:ErrorsOnly >&2
fi

quick=0
for arg in "$@"; do [[ ${arg,,} == -quick ]] && quick=1; done
((quick)) || precompiled_powershell
pwsh_kind=$([[ $PWSH_DIR == "$CACHE"/* ]] && echo "precompiled (ReadyToRun), as PowerShell's packages ship it" || echo "the dotnet tool, IL only")
args=(-ModulePath "$MODULE_DIR/IpipTools.psd1" -NamespacePrefix "$PREFIX" -CommandLine "bash bench/cmdlets/run.sh${*:+ $*}" -PowerShellBuild "$pwsh_kind")
((quick)) || args+=(-Output "$WORK_DIR/cmdlets.md")

pwsh_run -File "$BENCH_ROOT/cmdlets/Invoke-CmdletBench.ps1" "${args[@]}" "$@"
if ((!quick)); then
  splice_section "$BENCH_ROOT/RESULTS.md" cmdlets "$WORK_DIR/cmdlets.md" first
  echo "results written to $BENCH_ROOT/RESULTS.md"
fi
