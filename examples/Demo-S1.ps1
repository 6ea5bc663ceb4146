#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Scenario S1 with IpipTools cmdlets only: two namespaces joined by a point-to-point ipip
    tunnel, a ping through it, and everything removed again.

.DESCRIPTION
    Builds S1 of the reference scenarios in throwaway network namespaces (a router namespace
    stands in for S1's host, so the machine's own network is never touched), prints what it
    made with the module's table views, pings the far end of the tunnel, and removes every
    namespace it made, also when a step fails.

    Needs root and a kernel with the ipip driver (Test-IpipSupport tells). `build.ps1 -Demo`
    runs this script directly on such a kernel, and otherwise in a qemu guest that has one
    (examples/kernel/run.sh).

    Exit code: 0 when the far tunnel address answered, 1 otherwise.

.PARAMETER ModulePath
    The module manifest to import: the repository's top-level IpipTools.psd1 by default
    (build.ps1 publishes the module it points at).

.EXAMPLE
    sudo dotnet pwsh ./examples/Demo-S1.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../IpipTools.psd1')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModulePath

function Write-Step([string] $Text) { Write-Host "`n== $Text" }

# Unique names: other people's namespaces may exist beside these.
$stem = 'demo-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
$ns1, $ns2, $router = "$stem-ns1", "$stem-ns2", "$stem-rt"

try {
    Write-Step 'Can this kernel make ipip tunnels? (Test-IpipSupport)'
    Test-IpipSupport | Format-Table -AutoSize | Out-Host

    Write-Step "The underlay: $ns1 and $ns2, each joined to $router by a veth pair; $router forwards"
    foreach ($name in $ns1, $ns2, $router) { New-NetNamespace $name | Out-Null }
    New-VethPair v1-P v1 -PeerNamespace $ns1 -NetNamespace $router -Up | Out-Null
    New-VethPair v2-P v2 -PeerNamespace $ns2 -NetNamespace $router -Up | Out-Null
    Add-IpAddress 10.10.10.1/24 -InterfaceName v1-P -NetNamespace $router | Out-Null
    Add-IpAddress 10.10.20.1/24 -InterfaceName v2-P -NetNamespace $router | Out-Null
    Enable-IpForwarding -NetNamespace $router
    Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace $ns1 | Out-Null
    Add-IpRoute 10.10.20.0/24 -Gateway 10.10.10.1 -NetNamespace $ns1 | Out-Null
    Add-IpAddress 10.10.20.2/24 -InterfaceName v2 -NetNamespace $ns2 | Out-Null
    Add-IpRoute 10.10.10.0/24 -Gateway 10.10.20.1 -NetNamespace $ns2 | Out-Null
    Get-NetNamespace "$stem-*" | Format-Table | Out-Host

    Write-Step "The tunnel: tunl in $ns1 and tunr in $ns2, with peer addresses 10.10.100.10 <-> 10.10.200.10"
    New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up -NetNamespace $ns1 |
        Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10 | Format-Table | Out-Host
    New-IpipTunnel tunr -Remote 10.10.10.2 -Local 10.10.20.2 -Up -NetNamespace $ns2 |
        Add-TunnelPeerAddress 10.10.200.10 -Peer 10.10.100.10 | Format-Table | Out-Host

    Write-Step "$ns1's tunnels (tunl0 is the kernel's fallback device) and routes"
    Get-IpipTunnel -NetNamespace $ns1 -IncludeFallback | Format-Table | Out-Host
    Get-IpRoute -NetNamespace $ns1 | Format-Table | Out-Host

    Write-Step "Ping through the tunnel: $ns1 -> 10.10.200.10 (tunr's address in $ns2)"
    Invoke-NetNamespaceCommand -NetNamespace $ns1 -- ping -c 3 -W 3 10.10.200.10 | Out-Host
    Write-Host "`nThe tunnel works: 10.10.200.10 answered through tunl."
}
catch {
    Write-Host "`nThe demo failed: $_"
    exit 1
}
finally {
    Write-Step 'Removing the demo namespaces (their links and tunnels go with them)'
    Get-NetNamespace "$stem-*" | Remove-NetNamespace -Confirm:$false
}
exit 0
