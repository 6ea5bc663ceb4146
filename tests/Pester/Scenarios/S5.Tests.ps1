# Scenario S5: host subnets behind a bridge, point-to-point (reference document 004). A
# (172.16.232.172) and B (172.16.232.194) share one segment (a veth pair); each has a bridge
# mybr0 with its subnet and an ipip tunnel to the other with a device route to its subnet,
# made one command at a time as the document does (ip link add mybr0 type bridge; ip addr add;
# ip link set mybr0 up), with New-NetBridge and the address cmdlet.
Describe 'Scenario S5: subnets behind bridges, point-to-point' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Helpers.ps1')

        # Configures the namespaces of $s (made first, so AfterEach removes them even if this fails).
        function Build-S5($s) {
            $a = $s.A.Namespace
            $b = $s.B.Namespace
            New-VethPair eth0 eth0 -PeerNamespace $b -Up -NetNamespace $a | Add-IpAddress 172.16.232.172 -PrefixLength 24 | Out-Null
            Add-IpAddress 172.16.232.194 -PrefixLength 24 -InterfaceName eth0 -NetNamespace $b | Out-Null
            New-NetBridge mybr0 -Up -NetNamespace $a | Add-IpAddress 10.42.1.1 -PrefixLength 24 | Out-Null
            New-NetBridge mybr0 -Up -NetNamespace $b | Add-IpAddress 10.42.2.1 -PrefixLength 24 | Out-Null
            New-IpipTunnel tun-ab -Local 172.16.232.172 -Remote 172.16.232.194 -Up -NetNamespace $a | Add-OnlinkRoute 10.42.2.0/24 | Out-Null
            New-IpipTunnel tun-ba -Local 172.16.232.194 -Remote 172.16.232.172 -Up -NetNamespace $b | Add-OnlinkRoute 10.42.1.0/24 | Out-Null
        }
    }

    BeforeEach {
        $script:S = [pscustomobject]@{ A = New-NetNamespaceFixture s5a; B = New-NetNamespaceFixture s5b }
        Build-S5 $S
        $script:A = $S.A.Namespace
        $script:B = $S.B.Namespace
    }

    AfterEach {
        $S.A, $S.B | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'ping 10.42.2.1 from A answers, and 10.42.1.1 from B' {
        Test-Ping $A 10.42.2.1 | Should -BeTrue
        Test-Ping $B 10.42.1.1 | Should -BeTrue
    }

    It 'the route to B''s subnet is a device route through the tunnel, and the echo crosses it' {
        $route = Get-IpJsonRoute $A | Where-Object dst -eq '10.42.2.0/24'
        $route.dev | Should -Be 'tun-ab'
        $route.scope | Should -Be 'link'
        $route.gateway | Should -BeNullOrEmpty
        $bridge = Get-IpLink $A mybr0
        $bridge.linkinfo.info_kind | Should -Be 'bridge'
        $bridge.flags | Should -Contain 'UP'
        (Get-IpJsonAddress $A mybr0 | Where-Object family -eq inet | ForEach-Object { "$($_.local)/$($_.prefixlen)" }) | Should -Be '10.42.1.1/24'
        $capture = Start-PacketCapture $B tun-ba -Count 1
        Test-Ping $A 10.42.2.1 -Source 10.42.1.1 | Should -BeTrue
        ($capture | Receive-PacketCapture).Lines[0] | Should -BeLike 'IP 10.42.1.1 > 10.42.2.1: ICMP echo request*'
    }
}
