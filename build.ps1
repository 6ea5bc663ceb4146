#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds IpipTools, publishes the module to out/IpipTools, and runs the host Pester suites;
    with -Package, makes the package users install; with -Demo, shows scenario S1 working
    with real ipip tunnels.

.DESCRIPTION
    The module's layout, decided here once:
      out/IpipTools/            the published module (dotnet publish of src/IpipTools):
        IpipTools.dll, IpipTools.Core.dll (IL, and on Linux x64/arm64 also code precompiled
        for the .NET of PowerShell 7.6: src/IpipTools/ReadyToRun.targets), IpipTools.format.ps1xml,
        en-US/IpipTools.dll-Help.xml, en-US/about_IpipTools*.help.txt,
        IpipTools.Topology.dsc.resource.json, IpipTools.Topology.dsc.ps1 (the DSC v3 resource),
        systemd/ipiptools-topology@.service (the unit that converges a topology at boot),
        LICENSE,
        IpipTools.psd1          a copy of the top-level manifest with the
                                'out/IpipTools/' prefix removed, written by publishing
                                (src/IpipTools/IpipTools.csproj): the folder is a module
                                of its own, the one the package holds.
      out/packages/IpipTools.<version>.nupkg
                                with -Package: that folder as a PSResourceGet package.
      IpipTools.psd1            the top-level manifest; RootModule and FormatsToProcess
                                point into out/IpipTools/, so 'Import-Module ./IpipTools.psd1'
                                works right after this build.
    Without pwsh the same output comes from:
      dotnet publish src/IpipTools/IpipTools.csproj -c Release -o out/IpipTools
    The release's version is ModuleVersion of the top-level manifest, and only there.

    Tests: after the build, the Pester suites that need no tunnel driver run on this machine's
    kernel (tests/Pester/run.ps1 -ExcludeTag Tunnel, with PowerShell and Pester from the
    repository's pins, tests/tools/powershell.sh). They make network namespaces, so they need
    root; without it they are skipped with a note. The tunnel tests (-Tag Tunnel), the xunit
    suites and CI's no-skip rule belong to the project's test command, tests/run.sh, which runs
    the tunnel tests in a qemu guest when this kernel lacks ipip.

.PARAMETER Package
    After publishing, packs out/IpipTools into out/packages/IpipTools.<version>.nupkg with
    PSResourceGet's Compress-PSResource (the package Publish-PSResource would upload, made
    without a repository), instead of running the tests. Install it as users do: register
    the folder with Register-PSResourceRepository, then Install-PSResource IpipTools.
    tests/Pester/Package.Tests.ps1 proves that path.

.PARAMETER Demo
    Instead of the tests, runs examples/Demo-S1.ps1: scenario S1 built with the cmdlets in
    throwaway namespaces, printed with the module's views, a ping through the ipip tunnel,
    everything removed again. On a kernel without the ipip driver (Test-IpipSupport tells) the
    demo runs in a Debian kernel under qemu instead (examples/kernel/run.sh; the first run
    installs qemu and downloads the kernel), with the guest's output streamed here. Needs root.
    The exit code says whether the tunnel answered.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Package
.EXAMPLE
    sudo env "PATH=$PATH" sh -c 'dotnet tool restore && dotnet pwsh ./build.ps1 -Demo'
#>
[CmdletBinding()]
param(
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Build and publish only.
    [switch] $SkipTests,

    [switch] $Package,

    [switch] $Demo
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/IpipTools'

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

Invoke-Native "dotnet build ($Configuration)" { dotnet build (Join-Path $root 'IpipTools.sln') -c $Configuration --nologo }
Invoke-Native "dotnet publish -> $moduleOut" {
    dotnet publish (Join-Path $root 'src/IpipTools/IpipTools.csproj') -c $Configuration -o $moduleOut --nologo
}
Write-Host "Module published to $moduleOut; import it with: Import-Module $(Join-Path $root 'IpipTools.psd1')"

if ($Package) {
    $packages = Join-Path $root 'out/packages'
    $version = (Import-PowerShellDataFile (Join-Path $moduleOut 'IpipTools.psd1')).ModuleVersion
    $nupkg = Join-Path $packages "IpipTools.$version.nupkg"
    $null = New-Item -ItemType Directory -Force $packages
    Remove-Item $nupkg -ErrorAction Ignore
    Write-Host "==> Compress-PSResource -> $nupkg" -ForegroundColor Cyan
    Compress-PSResource -Path $moduleOut -DestinationPath $packages
    if (-not (Test-Path $nupkg)) { throw "Compress-PSResource made no $nupkg." }
    Write-Host "Package: $nupkg"
    return
}

$isRoot = (id -u) -eq '0'

if ($Demo) {
    if (-not $isRoot) { throw '-Demo creates network namespaces: run it as root.' }
    Import-Module (Join-Path $root 'IpipTools.psd1') -Force
    $ipip = (Test-IpipSupport | Where-Object Check -eq 'IpipModule').Status -eq 'Pass'
    if ($ipip) {
        & (Join-Path $root 'examples/Demo-S1.ps1')
    }
    else {
        Write-Host ('This kernel has no ipip driver (Test-IpipSupport): the demo runs in a Debian kernel ' +
            'under qemu (examples/kernel/run.sh). A first run installs qemu and downloads the kernel.') -ForegroundColor Cyan
        $env:IPIPTOOLS_MODULE_DIR = $moduleOut
        bash (Join-Path $root 'examples/kernel/run.sh')
    }
    exit $LASTEXITCODE
}

if ($SkipTests) { return }
if (-not $isRoot) {
    Write-Warning 'The Pester suites create network namespaces and need root: skipped (or run: sudo bash tests/run.sh).'
    return
}
# PowerShell and Pester from the repository's pins, the same way tests/run.sh gets them.
Invoke-Native 'Pester suites on this kernel (tests/Pester/run.ps1 -ExcludeTag Tunnel)' {
    bash -c 'cd "$1" && source tests/tools/powershell.sh && ensure_powershell &&
        pwsh_run -File tests/Pester/run.ps1 -ExcludeTag Tunnel -ModulePath "$2"' build.ps1 $root (Join-Path $moduleOut 'IpipTools.psd1')
}
Write-Host 'The tunnel tests (-Tag Tunnel) need a kernel with ipip: sudo bash tests/run.sh --kernel runs them in a qemu guest.'
