#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds IpipTools, publishes the module to out/IpipTools, runs the Pester suites, and
    on request shows scenario S1 working.

.DESCRIPTION
    The module's layout, decided here once:
      out/IpipTools/            the published module (dotnet publish of src/IpipTools):
        IpipTools.dll, IpipTools.Core.dll, IpipTools.format.ps1xml,
        en-US/IpipTools.dll-Help.xml, en-US/about_IpipTools.help.txt,
        IpipTools.psd1          a copy of the top-level manifest with the
                                'out/IpipTools/' prefix removed: copy the folder onto
                                $env:PSModulePath to install the module.
      IpipTools.psd1            the top-level manifest; RootModule and FormatsToProcess
                                point into out/IpipTools/, so 'Import-Module ./IpipTools.psd1'
                                works right after this build.
    Without pwsh the same output comes from:
      dotnet publish src/IpipTools/IpipTools.csproj -c Release -o out/IpipTools

    The Pester suites (tests/Pester) need Pester 5 and root (they make network
    namespaces); they run when both are there and are skipped, with a note, otherwise.

.PARAMETER Demo
    After the build, imports the module and builds scenario S1 in throwaway namespaces
    (a router namespace stands in for the host), pings through the tunnel when the
    kernel has ipip, prints what it made, and removes everything again. Needs root.

.EXAMPLE
    ./build.ps1
.EXAMPLE
    sudo pwsh ./build.ps1 -Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Build and publish only.
    [switch] $SkipTests,

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

# The published folder gets its own manifest, with paths relative to itself.
$manifest = Get-Content -Raw (Join-Path $root 'IpipTools.psd1')
Set-Content -Path (Join-Path $moduleOut 'IpipTools.psd1') -Value ($manifest -replace 'out/IpipTools/', '') -NoNewline
Write-Host "Module published to $moduleOut; import it with: Import-Module $(Join-Path $root 'IpipTools.psd1')"

$isRoot = (id -u) -eq '0'
if (-not $SkipTests) {
    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed (Install-Module Pester -MinimumVersion 5.0): Pester suites skipped.'
    }
    elseif (-not $isRoot) {
        Write-Warning 'The Pester suites create network namespaces and need root: skipped.'
    }
    else {
        Import-Module $pester
        $config = New-PesterConfiguration
        $config.Run.Path = Join-Path $root 'tests/Pester'
        $config.Run.Exit = $false
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $config
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
    }
}

if ($Demo) {
    if (-not $isRoot) { throw '-Demo creates network namespaces: run it as root.' }
    Import-Module (Join-Path $root 'IpipTools.psd1') -Force

    # S1 of docs/SCENARIOS.md, with a router namespace in place of the host's own.
    $stem = 'demo-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $ns1, $ns2, $router = "$stem-ns1", "$stem-ns2", "$stem-rt"
    try {
        $checks = Test-IpipSupport
        $checks | Format-Table -AutoSize
        $ipip = ($checks | Where-Object Check -eq 'IpipModule').Status -eq 'Pass'

        foreach ($name in $ns1, $ns2, $router) { New-NetNamespace $name }
        New-VethPair v1-P v1 -PeerNamespace $ns1 -NetNamespace $router -Up | Out-Null
        New-VethPair v2-P v2 -PeerNamespace $ns2 -NetNamespace $router -Up | Out-Null
        Add-TunnelPeerAddress 10.10.10.1 -PrefixLength 24 -InterfaceName v1-P -NetNamespace $router | Out-Null
        Add-TunnelPeerAddress 10.10.20.1 -PrefixLength 24 -InterfaceName v2-P -NetNamespace $router | Out-Null
        Enable-IpForwarding -NetNamespace $router

        Enter-NetNamespace $ns1
        Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName v1 | Out-Null
        Add-OnlinkRoute 10.10.20.0/24 -Gateway 10.10.10.1 -InterfaceName v1 -CheckGateway | Out-Null
        Exit-NetNamespace
        Enter-NetNamespace $ns2
        Add-TunnelPeerAddress 10.10.20.2 -PrefixLength 24 -InterfaceName v2 | Out-Null
        Add-OnlinkRoute 10.10.10.0/24 -Gateway 10.10.20.1 -InterfaceName v2 -CheckGateway | Out-Null
        Exit-NetNamespace

        Invoke-NetNamespaceCommand -NetNamespace $ns1 ping '-c' 1 '-W' 2 10.10.20.2

        if ($ipip) {
            New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up -NetNamespace $ns1 |
                Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10 | Format-Table
            New-IpipTunnel tunr -Remote 10.10.10.2 -Local 10.10.20.2 -Up -NetNamespace $ns2 |
                Add-TunnelPeerAddress 10.10.200.10 -Peer 10.10.100.10 | Format-Table
            Get-IpipTunnel -NetNamespace $ns1 -IncludeFallback | Format-Table
            Get-OnlinkRoute -NetNamespace $ns1 -All | Format-Table
            Invoke-NetNamespaceCommand -NetNamespace $ns1 ping '-c' 3 10.10.200.10
        }
        else {
            Write-Warning 'This kernel has no ipip (see Test-IpipSupport above): the underlay is built, the tunnels are not.'
        }
        Get-NetLink -NetNamespace $ns1 | Format-Table
    }
    finally {
        Get-NetNamespace "$stem-*" | Remove-NetNamespace -Confirm:$false
    }
}
