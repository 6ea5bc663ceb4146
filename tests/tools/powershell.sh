# shellcheck shell=bash
# PowerShell and Pester for the tests, from the repository's own pins. Sourced by
# tests/run.sh and the kernel harness; never installs anything by hand:
#   - PowerShell: the dotnet local tool pinned in .config/dotnet-tools.json
#     (`dotnet tool restore`, then `dotnet pwsh`).
#   - Pester: the NuGet package pinned in tests/tools/PowerShellModules.csproj
#     (`dotnet restore`), copied into a module folder that goes first on PSModulePath.
#
# After ensure_powershell:
#   PWSH_DIR             the folder holding pwsh.dll (what the guest VM carries)
#   PESTER_MODULE_PATH   a folder holding Pester/<version>/ (put it on PSModulePath)
#   pwsh_run ARGS...     runs the pinned pwsh with -NoProfile -NonInteractive and Pester found

POWERSHELL_TOOLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
POWERSHELL_REPO_ROOT=$(cd "$POWERSHELL_TOOLS_DIR/../.." && pwd)

# The version pinned in PowerShellModules.csproj, e.g. 6.2.0.
pester_version() {
  sed -n 's/.*Include="Pester" Version="\[\([0-9.]*\)\]".*/\1/p' "$POWERSHELL_TOOLS_DIR/PowerShellModules.csproj"
}

powershell_version() {
  sed -n '/"powershell"/,/}/s/.*"version": *"\([^"]*\)".*/\1/p' "$POWERSHELL_REPO_ROOT/.config/dotnet-tools.json"
}

ensure_powershell() {
  local packages version pester
  (cd "$POWERSHELL_REPO_ROOT" && dotnet tool restore >/dev/null) ||
    { echo "powershell.sh: dotnet tool restore failed (PowerShell $(powershell_version))" >&2; return 1; }
  packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
  version=$(powershell_version)
  PWSH_DIR="$packages/powershell/$version/tools/net10.0/any/unix"
  [[ -f $PWSH_DIR/pwsh.dll ]] || { echo "powershell.sh: no pwsh.dll in $PWSH_DIR" >&2; return 1; }

  pester=$(pester_version)
  PESTER_MODULE_PATH="${IPIPTOOLS_CACHE:-$HOME/.cache/ipiptools}/psmodules"
  if [[ ! -f $PESTER_MODULE_PATH/Pester/$pester/Pester.psd1 ]]; then
    dotnet restore "$POWERSHELL_TOOLS_DIR/PowerShellModules.csproj" -nologo -v q >/dev/null ||
      { echo "powershell.sh: cannot restore Pester $pester" >&2; return 1; }
    rm -rf "$PESTER_MODULE_PATH/Pester/$pester"
    mkdir -p "$PESTER_MODULE_PATH/Pester"
    cp -a "$packages/pester/$pester/tools" "$PESTER_MODULE_PATH/Pester/$pester"
  fi
  export PWSH_DIR PESTER_MODULE_PATH
}

pwsh_run() {
  PSModulePath="$PESTER_MODULE_PATH${PSModulePath:+:$PSModulePath}" POWERSHELL_TELEMETRY_OPTOUT=1 \
    POWERSHELL_UPDATECHECK=Off dotnet "$PWSH_DIR/pwsh.dll" -NoLogo -NoProfile -NonInteractive "$@"
}
