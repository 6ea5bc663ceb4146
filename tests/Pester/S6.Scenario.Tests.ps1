# Scenario S6 (docs/SCENARIOS.md): a Calico-style one-to-many mesh through tunl0 on three
# nodes A, B and C, each a namespace. The routed underlay is a router namespace with a
# point-to-point link to each node (172.16.165.33, 172.16.165.244, 172.16.168.113); each
# node's subnet 10.42.N.0/24 sits on its loopback in place of the bridge mybr0.
# Needs root and a kernel with ipip.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Scenario S6: one-to-many mesh through tunl0' -Skip:(-not $HasIpip) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Router = New-NetNamespaceFixture s6r
        $script:Nodes = @(
            @{ Index = 1; Underlay = '172.16.165.33' }
            @{ Index = 2; Underlay = '172.16.165.244' }
            @{ Index = 3; Underlay = '172.16.168.113' }
        )
        $Router | Enable-IpForwarding
        $Router | Add-TunnelPeerAddress 172.16.0.1 -PrefixLength 32 -InterfaceName lo | Out-Null

        foreach ($node in $Nodes) {
            $node.Fixture = New-NetNamespaceFixture "s6n$($node.Index)"
            $ns = $node.Fixture.Namespace
            $Router | New-VethPair "r$($node.Index)" eth0 -PeerNamespace $ns -Up | Out-Null
            $Router | Add-OnlinkRoute "$($node.Underlay)/32" -InterfaceName "r$($node.Index)" | Out-Null
            Add-TunnelPeerAddress $node.Underlay -PrefixLength 32 -InterfaceName eth0 -NetNamespace $ns | Out-Null
            Add-OnlinkRoute 0.0.0.0/0 -Gateway 172.16.0.1 -InterfaceName eth0 -NetNamespace $ns | Out-Null
            Add-TunnelPeerAddress "10.42.$($node.Index).1" -PrefixLength 24 -InterfaceName lo -NetNamespace $ns | Out-Null
        }

        # What each node of S6 runs: tunl0 up with 10.42.N.0/32, a route per other node.
        foreach ($node in $Nodes) {
            $ns = $node.Fixture.Namespace
            Set-IpipTunnel tunl0 -Up -NetNamespace $ns
            Get-IpipTunnel tunl0 -NetNamespace $ns | Add-TunnelPeerAddress "10.42.$($node.Index).0" -PrefixLength 32 | Out-Null
            foreach ($other in $Nodes | Where-Object Index -ne $node.Index) {
                Get-IpipTunnel tunl0 -NetNamespace $ns |
                    Add-OnlinkRoute "10.42.$($other.Index).0/24" -Gateway $other.Underlay | Out-Null
            }
        }
        $script:A = $Nodes[0].Fixture.Namespace
    }

    AfterAll {
        @($Nodes.Fixture) + $Router | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'pings node B''s subnet from A' {
        Invoke-NetNamespaceCommand -NetNamespace $A ping '-c' 1 '-W' 3 10.42.2.1 | Out-Null
        $LASTEXITCODE | Should -Be 0
    }

    It 'pings node C''s subnet from A' {
        Invoke-NetNamespaceCommand -NetNamespace $A ping '-c' 1 '-W' 3 10.42.3.1 | Out-Null
        $LASTEXITCODE | Should -Be 0
    }

    It 'routes each other subnet via that node''s underlay, onlink on tunl0' {
        $routes = Get-OnlinkRoute tunl0 -NetNamespace $A
        $routes | Should -HaveCount 2
        ($routes | Where-Object { $_.Destination.ToString() -eq '10.42.3.0/24' }).Gateway | Should -Be ([ipaddress]'172.16.168.113')
    }

    It 'removes the mesh routes through the pipeline' {
        Get-OnlinkRoute tunl0 -NetNamespace $A | Remove-OnlinkRoute -Confirm:$false
        Get-OnlinkRoute tunl0 -NetNamespace $A | Should -BeNullOrEmpty
    }
}
