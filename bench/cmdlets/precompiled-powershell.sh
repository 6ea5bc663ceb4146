# shellcheck shell=bash
# PowerShell as users install it, for the cmdlet benchmarks. Sourced by bench/cmdlets/run.sh
# after ensure_powershell (tests/tools/powershell.sh).
#
# The repository pins pwsh as the PowerShell dotnet tool, whose assemblies are IL only, so
# its first thousands of pipeline items run as the JIT's unoptimised first-tier code.
# PowerShell's released packages (deb, rpm, tar.gz, the container images) ship their
# assemblies precompiled (ReadyToRun). A 10,000-item pipeline lasts a fifth of a second,
# well inside the JIT's warm-up, so the difference shows in every 10,000-route figure.
# precompiled_powershell makes a copy of the pinned tool with its assemblies precompiled
# the same way, with the kernel harness's crossgen2 step (tests/kernel/r2r.sh, which does
# this for the guest's pwsh), once per pwsh and runtime version, in the cache.
# IPIPTOOLS_BENCH_PWSH=tool measures the tool as it is instead.

# shellcheck source=../../tests/kernel/common.sh
source "$REPO/tests/kernel/common.sh"
# shellcheck source=../../tests/kernel/r2r.sh
source "$REPO/tests/kernel/r2r.sh"
CACHE=${IPIPTOOLS_CACHE:-$HOME/.cache/ipiptools}

# The newest installed .NET runtime of the major version pwsh.runtimeconfig.json names (the
# one `dotnet pwsh.dll` rolls forward to).
pwsh_runtime_dir() {
  local major root
  major=$(sed -n 's/.*"version": *"\([0-9]*\)\..*/\1/p' "$PWSH_DIR/pwsh.runtimeconfig.json" | head -n 1)
  root="$(dirname "$(readlink -f "$(command -v dotnet)")")/shared/Microsoft.NETCore.App"
  find "$root" -mindepth 1 -maxdepth 1 -name "$major.*" | sort -V | tail -n 1
}

# Points PWSH_DIR (what pwsh_run runs) at the precompiled copy, making it first if needed.
# On any failure PWSH_DIR stays the tool, and the benchmark says so in its log.
precompiled_powershell() {
  [[ ${IPIPTOOLS_BENCH_PWSH:-precompiled} == tool ]] && return 0
  local runtime_dir version copy
  runtime_dir=$(pwsh_runtime_dir)
  version=$(basename "$runtime_dir")
  [[ -n $version ]] && find_crossgen2 "$version" ||
    { log "no crossgen2 for the runtime pwsh uses: measuring the IL-only tool"; return 0; }
  copy="$CACHE/pwsh-readytorun/$(powershell_version)-$version"
  if [[ ! -f $copy/.complete ]]; then
    log "precompiling a copy of pwsh $(powershell_version) for .NET $version (once)"
    rm -rf "$copy" && mkdir -p "$(dirname "$copy")" && cp -a "$PWSH_DIR" "$copy" &&
      precompile_assemblies "$copy" "$runtime_dir" && touch "$copy/.complete" ||
      { log "precompiling pwsh failed: measuring the IL-only tool"; return 0; }
  fi
  PWSH_DIR=$copy
}
