# Scenario S1 (docs/SCENARIOS.md): two namespaces, point-to-point ipip, built with the cmdlets
# alone. A router namespace stands in for S1's host so the suite never touches the
# machine's own network. Needs root and a kernel with ipip (the qemu kernel has it).
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Scenario S1: point-to-point ipip between two namespaces' -Skip:(-not $HasIpip) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Ns1 = New-NetNamespaceFixture s1a
        $script:Ns2 = New-NetNamespaceFixture s1b
        $script:Router = New-NetNamespaceFixture s1r

        $Router | New-VethPair v1-P v1 -PeerNamespace $Ns1.Namespace -Up | Out-Null
        $Router | New-VethPair v2-P v2 -PeerNamespace $Ns2.Namespace -Up | Out-Null
        $Router | Add-TunnelPeerAddress 10.10.10.1 -PrefixLength 24 -InterfaceName v1-P | Out-Null
        $Router | Add-TunnelPeerAddress 10.10.20.1 -PrefixLength 24 -InterfaceName v2-P | Out-Null
        $Router | Enable-IpForwarding

        $Ns1 | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName v1 | Out-Null
        $Ns1 | Add-OnlinkRoute 10.10.20.0/24 -Gateway 10.10.10.1 -InterfaceName v1 -CheckGateway | Out-Null
        $Ns2 | Add-TunnelPeerAddress 10.10.20.2 -PrefixLength 24 -InterfaceName v2 | Out-Null
        $Ns2 | Add-OnlinkRoute 10.10.10.0/24 -Gateway 10.10.20.1 -InterfaceName v2 -CheckGateway | Out-Null

        $script:Left = $Ns1 | New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up
        $script:LeftAddress = $Left | Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10
        $script:Right = $Ns2 | New-IpipTunnel tunr -Remote 10.10.10.2 -Local 10.10.20.2 -Up
        $Right | Add-TunnelPeerAddress 10.10.200.10 -Peer 10.10.100.10 | Out-Null
    }

    AfterAll {
        $Ns1, $Ns2, $Router | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'pings the far tunnel address from ns1' {
        Invoke-NetNamespaceCommand -NetNamespace $Ns1.Namespace ping '-c' 1 '-W' 3 10.10.200.10 | Out-Null
        $LASTEXITCODE | Should -Be 0
    }

    It 'has the kernel route to the peer' {
        $route = $Ns1 | Get-OnlinkRoute -All -Destination 10.10.200.10/32
        $route.Device | Should -Be 'tunl'
        $route.Scope | Should -Be 'Link'
    }

    It 'shows tunl as ip does: ipip, endpoints, mtu 1480, pointopoint' {
        $tunnel = $Ns1 | Get-IpipTunnel tunl
        $tunnel.Local | Should -Be ([ipaddress]'10.10.10.2')
        $tunnel.Remote | Should -Be ([ipaddress]'10.10.20.2')
        $tunnel.Mtu | Should -Be 1480
        $tunnel.Flags.ToString() | Should -BeLike '*PointToPoint*'
        $json = ip -n $Ns1.Namespace -d -j link show tunl | ConvertFrom-Json
        $json[0].linkinfo.info_kind | Should -Be 'ipip'
    }

    It 'has the fallback device tunl0, down, in each namespace' {
        foreach ($ns in $Ns1, $Ns2) {
            $fallback = $ns | Get-IpipTunnel tunl0
            $fallback.IsFallback | Should -BeTrue
            $fallback.IsUp | Should -BeFalse
        }
    }

    It 'passes the preflight for its tunnels' {
        $Ns1 | Test-IpipSupport -NoProbe | Where-Object Status -eq 'Fail' | Should -BeNullOrEmpty
    }
}

Describe 'Scenario S1 with the lab fixture' -Skip:(-not $HasIpip) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Lab = New-IpipLabFixture -WithTunnels
    }

    AfterAll {
        Remove-NetNamespaceFixture $Lab -Confirm:$false
    }

    It 'pings across the tunnel' {
        Invoke-NetNamespaceCommand -NetNamespace $Lab.Left ping '-c' 1 '-W' 3 $Lab.RightInner | Out-Null
        $LASTEXITCODE | Should -Be 0
    }
}
