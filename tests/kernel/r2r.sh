# shellcheck shell=bash
# Precompiles the test executable's assemblies to native code (ReadyToRun) before they go
# into the VM. Sourced by run.sh.
#
# Under emulation the JIT is most of the test executable's start-up: compiling xunit, the
# testing platform, the core library and the tests costs many seconds of emulated CPU, while
# crossgen2 on the host compiles an assembly in about a second. Each precompiled assembly is
# cached under a hash of its bytes, so the third-party ones are compiled once and a run
# recompiles only what changed.
#
# Correctness never depends on this step: the runtime checks precompiled code against the
# assemblies it actually loads and JIT-compiles any method whose code no longer fits, and an
# assembly crossgen2 cannot compile is used as it was. So every failure here costs speed only.
# IPIPTOOLS_R2R=0 turns it off.

CROSSGEN2_PACKAGE=Microsoft.NETCore.App.Crossgen2.linux-x64

# NuGet's global packages folder.
nuget_packages_dir() {
  if [[ -n ${NUGET_PACKAGES:-} ]]; then
    echo "$NUGET_PACKAGES"
  else
    dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p'
  fi
}

# Sets CROSSGEN2 to the crossgen2 of runtime version $1, downloading its NuGet package through
# a throwaway project (outside the repository) when the package folder lacks it.
find_crossgen2() {
  local version=$1 packages project
  packages=$(nuget_packages_dir)
  CROSSGEN2="${packages%/}/${CROSSGEN2_PACKAGE,,}/$version/tools/crossgen2"
  [[ -x $CROSSGEN2 ]] && return 0
  project="$CACHE/crossgen2-restore"
  mkdir -p "$project"
  cat >"$project/restore.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net${version%%.*}.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="$CROSSGEN2_PACKAGE" Version="[$version]" /></ItemGroup>
</Project>
EOF
  log "restoring $CROSSGEN2_PACKAGE $version"
  dotnet restore "$project/restore.csproj" -nologo -v q >/dev/null 2>&1 || return 1
  [[ -x $CROSSGEN2 ]]
}

# Replaces each IL assembly in directory $1 by its ReadyToRun image, compiled against the
# runtime in $2 (the one the guest runs), the other assemblies of $1 and those of any further
# directories given (e.g. pwsh's, for a PowerShell module).
precompile_assemblies() {
  local dir=$1 runtime_dir=$2 dll key cached compiled=0 reused=0 r2r_cache="$CACHE/r2r" ref refs=()
  shift 2
  for ref in "$@"; do refs+=(-r "$ref/*.dll"); done
  mkdir -p "$r2r_cache"
  for dll in "$dir"/*.dll; do
    key=$({ sha256sum <"$dll"; echo "$CROSSGEN2 $runtime_dir"; } | short_hash)
    cached="$r2r_cache/$key"
    if [[ ! -e $cached.dll && ! -e $cached.il-only ]]; then
      if "$CROSSGEN2" "$dll" -o "$cached.tmp" -O --targetos:linux --targetarch:x64 \
        -r "$runtime_dir/*.dll" -r "$dir/*.dll" "${refs[@]}" >/dev/null 2>&1; then
        mv "$cached.tmp" "$cached.dll"
        compiled=$((compiled + 1))
      else
        # Already precompiled, or beyond crossgen2: remember, and ship it as it is.
        rm -f "$cached.tmp"
        touch "$cached.il-only"
      fi
    else
      reused=$((reused + 1))
    fi
    if [[ -e $cached.dll ]]; then
      cp "$cached.dll" "$dll"
      touch "$cached.dll"
    fi
  done
  # Images of assemblies that have not been used for a week are stale builds of the tests.
  find "$r2r_cache" -type f -mtime +7 -delete 2>/dev/null || true
  log "ReadyToRun ($(basename "$dir")): $compiled assemblies compiled, $reused from the cache"
}

# Precompiles the test assemblies in staged directory $1 for the guest's runtime $2.
precompile_tests() {
  local dir=$1 runtime_version=$2
  [[ ${IPIPTOOLS_R2R:-1} == 1 ]] || return 0
  if ! find_crossgen2 "$runtime_version"; then
    log "crossgen2 $runtime_version unavailable: the guest will JIT the tests (slower)"
    return 0
  fi
  precompile_assemblies "$dir" "$(host_dotnet_root)/shared/Microsoft.NETCore.App/$runtime_version"
}
