#!/usr/bin/env bash
# The project's test command: builds everything, runs every host test project on this
# machine's kernel (in throwaway network namespaces, so it needs root), then the kernel
# tests (tunnels and the reference scenarios) in a qemu guest via tests/kernel/run.sh.
#
#   sudo bash tests/run.sh            # everything
#   sudo bash tests/run.sh --host     # host tests only (no qemu)
#   sudo bash tests/run.sh --kernel   # kernel tests only
#
# The Pester suites (tests/Pester) run in real PowerShell: on the host for everything that
# needs no tunnel (-ExcludeTag Tunnel), and in the guest for the rest (-Tag Tunnel, in the
# same boot as the xunit kernel tests: tests/kernel/run.sh).
# PowerShell and Pester come from the repository's pins (tests/tools/powershell.sh).
#
# Ends with one line `N passed, N failed[, N skipped]` over all suites, and exits non-zero
# if any test failed or any suite did not run to its end.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
CONFIGURATION=Release
RUN_HOST=1
RUN_KERNEL=1
case ${1:-} in
  --host) RUN_KERNEL=0 ;;
  --kernel) RUN_HOST=0 ;;
  "") ;;
  *) echo "usage: tests/run.sh [--host|--kernel]" >&2; exit 2 ;;
esac

if [[ $(id -u) -ne 0 ]]; then
  echo "tests/run.sh: the tests create network namespaces and links, which needs root (run with sudo)." >&2
  exit 2
fi

passed=0 failed=0 skipped=0 broken=()

# Adds the counts from an xunit.v3 summary line ("Total: 9, Errors: 0, Failed: 1, Skipped: 0, Not Run: 0, ...").
count_xunit() {
  local suite=$1 log=$2 line total errors fails skips notrun
  line=$(grep -E 'Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+, Skipped: [0-9]+' "$log" | tail -n 1 || true)
  if [[ -z $line ]]; then
    broken+=("$suite (no summary)")
    return
  fi
  total=$(sed -E 's/.*Total: ([0-9]+).*/\1/' <<<"$line")
  errors=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$line")
  fails=$(sed -E 's/.*Failed: ([0-9]+).*/\1/' <<<"$line")
  skips=$(sed -E 's/.*Skipped: ([0-9]+).*/\1/' <<<"$line")
  notrun=$(sed -E 's/.*Not Run: ([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + total - fails - skips - notrun))
  failed=$((failed + fails + errors))
  skipped=$((skipped + skips))
}

# Adds the counts from run.ps1's closing line ("pester: 3 passed, 0 failed, 0 skipped"), or
# from the line that starts with label $3 instead (the kernel harness's "pester (guest)").
count_pester() {
  local suite=$1 log=$2 label=${3:-pester} line
  line=$(grep -E "^$label: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped" "$log" | tail -n 1 || true)
  if [[ -z $line ]]; then
    broken+=("$suite (no summary)")
    return
  fi
  [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
  skipped=$((skipped + BASH_REMATCH[3]))
}

# CI (IPIPTOOLS_REQUIRE_KERNEL=1) allows no skipped test anywhere.
PESTER_ARGS=()
[[ ${IPIPTOOLS_REQUIRE_KERNEL:-0} == 1 ]] && PESTER_ARGS+=(-NoSkip)

# shellcheck source=tools/powershell.sh
source "$REPO_ROOT/tests/tools/powershell.sh"

echo "== build ($CONFIGURATION)"
dotnet build IpipTools.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly
# The module folder the Pester suites import, in the host and in the guest.
dotnet publish src/IpipTools/IpipTools.csproj -c "$CONFIGURATION" -o out/IpipTools -nologo -v q -clp:ErrorsOnly
ensure_powershell

if ((RUN_HOST)); then
  for project in tests/*.Tests/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    [[ $name == IpipTools.KernelTests ]] && continue
    exe="$(dirname "$project")/bin/$CONFIGURATION/net10.0/$name"
    echo "== $name"
    log=$(mktemp)
    status=0
    "$exe" -noColor -noLogo 2>&1 | tee "$log" || status=$?
    count_xunit "$name" "$log"
    ((status == 0)) || broken+=("$name (exit $status)")
    rm -f "$log"
  done
fi

if ((RUN_HOST)); then
  echo "== Pester (host kernel, -ExcludeTag Tunnel)"
  log=$(mktemp)
  status=0
  pwsh_run -File tests/Pester/run.ps1 -ExcludeTag Tunnel "${PESTER_ARGS[@]}" 2>&1 | tee "$log" || status=$?
  count_pester "Pester (host)" "$log"
  ((status == 0)) || broken+=("Pester host (exit $status)")
  rm -f "$log"
fi

if ((RUN_HOST)); then
  # Benchmarks are run on demand (bench/README.md); CI only proves they build and that a
  # tiny run (N = 100) completes against iproute2.
  echo "== bench --quick"
  if dotnet run -c "$CONFIGURATION" --project bench/IpipTools.Bench -- --quick >/tmp/ipiptools-bench-quick.log 2>&1; then
    echo "bench --quick completed"
  else
    tail -n 30 /tmp/ipiptools-bench-quick.log
    broken+=("bench --quick")
  fi
  # The cmdlet benchmark (bench/cmdlets), likewise N = 100 against iproute2, in the pinned
  # pwsh with the module published above. Its guest part (tunnels, bench/kernel/run.sh) needs
  # a VM boot of its own and is not run here.
  echo "== bench cmdlets -Quick"
  if IPIPTOOLS_MODULE_DIR="$REPO_ROOT/out/IpipTools" bash bench/cmdlets/run.sh -Quick >/tmp/ipiptools-bench-cmdlets-quick.log 2>&1; then
    echo "bench cmdlets -Quick completed"
  else
    tail -n 30 /tmp/ipiptools-bench-cmdlets-quick.log
    broken+=("bench cmdlets -Quick")
  fi
fi

if ((RUN_KERNEL)); then
  echo "== kernel tests (qemu)"
  log=$(mktemp)
  status=0
  IPIPTOOLS_KERNEL_TESTS_DIR="$REPO_ROOT/tests/IpipTools.KernelTests/bin/$CONFIGURATION/net10.0" \
    IPIPTOOLS_MODULE_DIR="$REPO_ROOT/out/IpipTools" \
    bash tests/kernel/run.sh 2>&1 | tee "$log" || status=$?
  line=$(grep -E '^kernel: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
  if [[ -n $line ]]; then
    passed=$((passed + $(sed -E 's/^kernel: ([0-9]+) passed.*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
    if [[ $line =~ ([0-9]+)\ skipped ]]; then skipped=$((skipped + BASH_REMATCH[1])); fi
  elif ! grep -q 'SKIPPED' "$log"; then
    broken+=("kernel tests (no result line)")
  fi
  # The Pester -Tag Tunnel tests, run by the harness in the same guest boot (or on this
  # kernel when it has ipip): "pester (guest): N passed, ..." or "pester (host kernel): ...".
  # A skip (outside CI) says why on its own line; no line at all is a broken suite.
  if [[ -n $line ]] && ! grep -qE '^pester \([a-z ]+\): SKIPPED' "$log"; then
    count_pester "Pester (tunnel tests)" "$log" 'pester \((guest|host kernel)\)'
  fi
  ((status == 0)) || broken+=("kernel tests (exit $status)")
  rm -f "$log"
fi

echo
echo "tests/run.sh: finished in $SECONDS s"
for problem in "${broken[@]}"; do echo "suite problem: $problem"; done
if ((skipped > 0)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
((failed == 0 && ${#broken[@]} == 0))
