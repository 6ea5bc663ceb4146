# shellcheck shell=bash
# PowerShell in the VM: a trimmed, precompiled pwsh, Pester and the published module, staged
# into a per-run archive. Sourced by run.sh; needs ensure_powershell (tests/tools/powershell.sh)
# for PWSH_DIR and PESTER_MODULE_PATH, and ensure_base_archive for GUEST_RUNTIME_VERSION.
#
# The guest gets:
#   /usr/lib/ipiptools/pwsh/        pwsh, flattened: the assemblies below, libpsl-native.so and
#                                   the core modules' manifests, without pwsh.deps.json (the
#                                   host then takes every assembly beside pwsh.dll, and finds
#                                   native libraries there too)
#   /usr/bin/pwsh                   `dotnet /usr/lib/ipiptools/pwsh/pwsh.dll "$@"`
#   /usr/lib/ipiptools/psmodules/   Pester (guest_setup puts it on PSModulePath)
#   /ipiptools/out/IpipTools/       the published module (GUEST_MODULE_MANIFEST in guest-setup.sh)
#
# The whole tool is 61 MB of IL; under emulation the JIT is most of pwsh's start-up, so what
# goes in is what a non-interactive pwsh running Pester and the module loads (listed from
# [AppDomain]::CurrentDomain.GetAssemblies() after a host run of every suite), precompiled to
# ReadyToRun (r2r.sh). An assembly missing from the list fails loudly in the guest
# ("Could not load file or assembly"): add it here.

GUEST_PWSH_DIR=/usr/lib/ipiptools/pwsh
GUEST_PSMODULES_DIR=/usr/lib/ipiptools/psmodules
GUEST_MODULE_DIR=/ipiptools/out/IpipTools

PWSH_ASSEMBLIES=(pwsh System.Management.Automation Microsoft.PowerShell.ConsoleHost
  Microsoft.PowerShell.Commands.Utility Microsoft.PowerShell.Commands.Management
  Microsoft.PowerShell.Security Microsoft.PowerShell.MarkdownRender Microsoft.ApplicationInsights
  Newtonsoft.Json)
# Beside the assemblies above, from the tool's runtimes/ folder (what pwsh.deps.json would
# have pointed the host at).
PWSH_RUNTIME_FILES=(runtimes/unix/lib/netstandard1.6/Microsoft.Management.Infrastructure.dll
  runtimes/linux-x64/native/libpsl-native.so)
# The modules whose cmdlets live in the assemblies above (only manifests), and ThreadJob (its
# own assembly), which tests use to run tcpdump beside ping.
PWSH_CORE_MODULES=(Microsoft.PowerShell.Utility Microsoft.PowerShell.Management
  Microsoft.PowerShell.Security Microsoft.PowerShell.Host Microsoft.PowerShell.ThreadJob)

# Stages pwsh, Pester and the module from $2 (a `dotnet publish` folder) into stage $1.
stage_powershell() {
  local stage=$1 module_dir=$2 f
  [[ -n ${PWSH_DIR:-} && -f $PWSH_DIR/pwsh.dll ]] || die "stage_powershell needs ensure_powershell first"
  local pwsh="$stage$GUEST_PWSH_DIR"
  mkdir -p "$pwsh/Modules"
  for f in "${PWSH_ASSEMBLIES[@]}"; do
    cp "$PWSH_DIR/$f.dll" "$pwsh/"
  done
  for f in "${PWSH_RUNTIME_FILES[@]}"; do
    cp "$PWSH_DIR/$f" "$pwsh/"
  done
  cp "$PWSH_DIR/pwsh.runtimeconfig.json" "$pwsh/"
  for f in "${PWSH_CORE_MODULES[@]}"; do
    cp -a "$PWSH_DIR/Modules/$f" "$pwsh/Modules/"
  done
  mkdir -p "$stage/usr/bin"
  printf '#!/bin/sh\nexec %s/dotnet %s/pwsh.dll "$@"\n' "$GUEST_DOTNET_ROOT" "$GUEST_PWSH_DIR" >"$stage/usr/bin/pwsh"
  chmod 0755 "$stage/usr/bin/pwsh"

  # Pester: its .NET Framework build is dead weight on Linux.
  local pester="$stage$GUEST_PSMODULES_DIR/Pester/$(pester_version)"
  mkdir -p "$pester"
  cp -a "$PESTER_MODULE_PATH/Pester/$(pester_version)/." "$pester/"
  rm -rf "$pester/bin/net462"

  mkdir -p "$stage$GUEST_MODULE_DIR"
  cp -a "$module_dir/." "$stage$GUEST_MODULE_DIR/"

  precompile_powershell "$pwsh" "$pester/bin/net8.0" "$stage$GUEST_MODULE_DIR"
}

# Precompiles the staged pwsh, Pester and module assemblies for the guest's runtime.
precompile_powershell() {
  local pwsh=$1 pester_bin=$2 module=$3 runtime_dir
  [[ ${IPIPTOOLS_R2R:-1} == 1 ]] || return 0
  if ! find_crossgen2 "$GUEST_RUNTIME_VERSION"; then
    log "crossgen2 $GUEST_RUNTIME_VERSION unavailable: the guest will JIT pwsh (much slower)"
    return 0
  fi
  runtime_dir="$(host_dotnet_root)/shared/Microsoft.NETCore.App/$GUEST_RUNTIME_VERSION"
  precompile_assemblies "$pwsh" "$runtime_dir"
  precompile_assemblies "$pwsh/Modules/Microsoft.PowerShell.ThreadJob" "$runtime_dir" "$pwsh"
  precompile_assemblies "$pester_bin" "$runtime_dir" "$pwsh"
  precompile_assemblies "$module" "$runtime_dir" "$pwsh"
}

# --- the Pester run in the kernel-test VM ---------------------------------------------------

# Set by prepare_guest_pester: 1 when the tests archive carries pwsh and the Pester suites,
# else the reason it does not.
GUEST_PESTER=0
PESTER_SKIP_REASON=""

# Pester cannot run in the guest for reason $*: in CI (IPIPTOOLS_REQUIRE_KERNEL=1) that is a
# failure; locally the xunit tests still run, and the closing lines say why Pester did not.
pester_unavailable() {
  if [[ "${IPIPTOOLS_REQUIRE_KERNEL:-0}" == 1 ]]; then
    die "Pester cannot run in the guest: $* (IPIPTOOLS_REQUIRE_KERNEL=1, so this is a failure)"
  fi
  PESTER_SKIP_REASON=$*
  log "Pester will not run in the guest: $*"
}

# The Pester files the guest runs, as paths under tests/Pester, in GUEST_PESTER_FILES.
# Discovery runs every file it is given (each imports the module and probes the kernel),
# seconds per file under emulation: the guest gets only the files whose -Tag names Tunnel.
# Scenarios live in a subfolder (tests/Pester/Scenarios), so the whole tree is searched.
# IPIPTOOLS_GUEST_PESTER_FILTER (an extended regular expression on the file's path) narrows
# them while working on a few files; CI leaves it unset and runs them all. A filter that
# matches none of them stops the run: with no file given, run.ps1 would run every suite.
GUEST_PESTER_FILES=()
select_guest_pester_files() {
  local file
  GUEST_PESTER_FILES=()
  while IFS= read -r file; do
    GUEST_PESTER_FILES+=("${file#"$REPO_ROOT/tests/Pester/"}")
  done < <(grep -rlE --include='*.Tests.ps1' -- '-Tag[^#]*Tunnel' "$REPO_ROOT/tests/Pester" | sort |
    grep -E -- "${IPIPTOOLS_GUEST_PESTER_FILTER:-.}" || true)
  if [[ -n ${IPIPTOOLS_GUEST_PESTER_FILTER:-} ]] && ((${#GUEST_PESTER_FILES[@]} == 0)); then
    die "IPIPTOOLS_GUEST_PESTER_FILTER: the filter '$IPIPTOOLS_GUEST_PESTER_FILTER' matches no Pester file (of the files under tests/Pester whose -Tag names Tunnel); leave it unset to run them all"
  fi
  return 0
}

# Gets pwsh and Pester from the repository's pins and the published module: the folder in
# IPIPTOOLS_MODULE_DIR (tests/run.sh publishes it first), or a fresh `dotnet publish` to
# out/IpipTools. Sets GUEST_PESTER and MODULE_DIR.
prepare_guest_pester() {
  if ! ensure_powershell >&2; then
    pester_unavailable "PowerShell or Pester cannot be had from the repository's pins (tests/tools/powershell.sh)"
    return 0
  fi
  if [[ -n ${IPIPTOOLS_MODULE_DIR:-} ]]; then
    MODULE_DIR=$IPIPTOOLS_MODULE_DIR
  else
    MODULE_DIR="$REPO_ROOT/out/IpipTools"
    log "publishing the module to $MODULE_DIR"
    dotnet publish "$REPO_ROOT/src/IpipTools/IpipTools.csproj" -c Release -o "$MODULE_DIR" \
      -nologo -v q -clp:ErrorsOnly >&2 || die "the module does not build"
  fi
  if [[ ! -f $MODULE_DIR/IpipTools.psd1 ]]; then
    pester_unavailable "no published module (IpipTools.psd1) in $MODULE_DIR"
    return 0
  fi
  GUEST_PESTER=1
}

# Stages into stage $1 what the guest's run_pester (guest-init.sh) needs: pwsh, Pester, the
# module, tests/Pester, and run.ps1's extra arguments one a line (-NoSkip in CI).
stage_guest_pester() {
  local stage=$1
  stage_powershell "$stage" "$MODULE_DIR"
  mkdir -p "$stage/ipiptools/tests"
  cp -a "$REPO_ROOT/tests/Pester" "$stage/ipiptools/tests/"
  # The suites converge the data files in examples/ (TopologyExamples.Tests.ps1), and
  # Examples.Tests.ps1 runs the README's examples that need tunnels.
  cp -a "$REPO_ROOT/examples" "$REPO_ROOT/README.md" "$stage/ipiptools/"
  # ...which import ./IpipTools.psd1 as the README says: the top-level manifest points into
  # out/IpipTools (staged above), and Get-Help finds the help beside it.
  cp "$REPO_ROOT/IpipTools.psd1" "$stage/ipiptools/"
  cp -a "$stage$GUEST_MODULE_DIR/en-US" "$stage/ipiptools/"
  : >"$stage/ipiptools/.pester-args"
  [[ ${IPIPTOOLS_REQUIRE_KERNEL:-0} == 1 ]] && echo -NoSkip >>"$stage/ipiptools/.pester-args"
  local file paths=()
  for file in "${GUEST_PESTER_FILES[@]}"; do
    paths+=("/ipiptools/tests/Pester/$file")
  done
  if ((${#paths[@]})); then
    (IFS=,; echo "-Path ${paths[*]}") >>"$stage/ipiptools/.pester-args"
  fi
  return 0
}

# Prints the closing line `pester (<where>): N passed, N failed, N skipped` from summary file
# $2 (run.ps1's closing line, then `exit N`; see guest-init.sh), or says why Pester did not
# run. False when a test failed, pwsh failed, or the run reported nothing.
conclude_pester() {
  local where=$1 summary=$2 line passed failed skipped rc
  if ((!GUEST_PESTER)); then
    echo "pester ($where): SKIPPED: $PESTER_SKIP_REASON"
    return 0
  fi
  line=$(grep -E '^pester: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$summary" 2>/dev/null | tail -n 1 || true)
  rc=$(sed -n 's/^exit \([0-9]*\)$/\1/p' "$summary" 2>/dev/null | tail -n 1 || true)
  if [[ ! $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
    echo "pester ($where): the run reported no results (pwsh exit ${rc:-unknown}): counted as one failure"
    echo "pester ($where): 0 passed, 1 failed, 0 skipped"
    return 1
  fi
  passed=${BASH_REMATCH[1]} failed=${BASH_REMATCH[2]} skipped=${BASH_REMATCH[3]}
  if [[ ${rc:-1} != 0 ]] && ((failed == 0)); then
    echo "pester ($where): pwsh exited ${rc:-without a code} with no failed test: counted as one failure"
    failed=1
  fi
  echo "pester ($where): $passed passed, $failed failed, $skipped skipped"
  ((failed == 0))
}
