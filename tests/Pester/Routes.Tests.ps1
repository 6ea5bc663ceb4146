# Add/Get/Remove-OnlinkRoute on a veth end (tunl0 needs ipip; the route logic is the
# same), with ip -j route as the oracle both ways, and traffic over an onlink route.
Describe 'Route cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        $Fixture | New-VethPair va vb -Up | Out-Null
        $Fixture | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName va | Out-Null
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds an onlink route to a gateway no prefix covers, as ip sees it' {
        $route = Get-NetLink va -NetNamespace $Ns | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -Metric 7 -Mtu 1440
        $route.OnLink | Should -BeTrue
        $route.Device | Should -Be 'va'
        $oracle = Get-IpRoute $Ns | Where-Object dst -eq '10.42.2.0/24'
        $oracle.gateway | Should -Be '172.16.165.244'
        $oracle.dev | Should -Be 'va'
        $oracle.flags | Should -Contain 'onlink'
        $oracle.metric | Should -Be 7
        $oracle.metrics.mtu | Should -Be 1440
    }

    It 'adds a route in another table' {
        $Fixture | Add-OnlinkRoute 10.42.3.0/24 -Gateway 172.16.168.113 -InterfaceName va -Table 100 | Out-Null
        (Get-IpRoute $Ns -Table 100).dst | Should -Be @('10.42.3.0/24')
        Get-IpRoute $Ns | Where-Object dst -eq '10.42.3.0/24' | Should -BeNullOrEmpty
    }

    It 'adds a gateway-checked route without onlink' {
        ($Fixture | Add-OnlinkRoute 10.10.20.0/24 -Gateway 10.10.10.1 -InterfaceName va -CheckGateway).OnLink | Should -BeFalse
        $oracle = Get-IpRoute $Ns | Where-Object dst -eq '10.10.20.0/24'
        $oracle.gateway | Should -Be '10.10.10.1'
        $oracle.flags | Should -Not -Contain 'onlink'
    }

    It 'explains a rejected gateway without onlink and adds nothing' {
        $before = Get-IpState $Ns
        $Fixture | Add-OnlinkRoute 10.42.3.0/24 -Gateway 172.16.168.113 -InterfaceName va -CheckGateway -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RouteGatewayRejected*'
        $failure[0].Exception.Message | Should -BeLike '*172.16.168.113*'
        Get-IpState $Ns | Should -Be $before
    }

    It 'replaces a route with -Replace' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.1 dev va onlink
        $Fixture | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -InterfaceName va -Replace | Out-Null
        (Get-IpRoute $Ns | Where-Object dst -eq '10.42.2.0/24').gateway | Should -Be '172.16.165.244'
    }

    It 'reports the onlink routes ip added, and every route with -All' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.244 dev va onlink
        ip -n $Ns route add 10.42.4.0/24 via 10.10.10.1 dev va
        $onlink = $Fixture | Get-OnlinkRoute
        $onlink.Destination.ToString() | Should -Be '10.42.2.0/24'
        $onlink.Gateway | Should -Be ([ipaddress]'172.16.165.244')
        $all = $Fixture | Get-OnlinkRoute -All
        @($all | ForEach-Object { $_.Destination.ToString() } | Sort-Object) | Should -Be @((Get-IpRoute $Ns).dst | Sort-Object)
        ($Fixture | Get-OnlinkRoute -All -Destination 10.42.4.0/24).Gateway | Should -Be ([ipaddress]'10.10.10.1')
    }

    It 'removes an onlink route ip added, through the pipeline, and no other' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.244 dev va onlink
        ip -n $Ns route add 10.42.4.0/24 via 10.10.10.1 dev va
        $Fixture | Get-OnlinkRoute va | Remove-OnlinkRoute -Confirm:$false
        (Get-IpRoute $Ns).dst | Should -Not -Contain '10.42.2.0/24'
        (Get-IpRoute $Ns).dst | Should -Contain '10.42.4.0/24'
    }

    It 'removes a route by destination and gateway' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.244 dev va onlink
        Remove-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -InterfaceName va -NetNamespace $Ns -Confirm:$false
        (Get-IpRoute $Ns).dst | Should -Not -Contain '10.42.2.0/24'
    }

    It 'carries traffic to a gateway that no prefix covers' {
        # A second namespace answers on 172.16.165.244 with no prefix in common with va.
        $far = New-NetNamespaceFixture
        try {
            $Fixture | Remove-VethPair va -Confirm:$false
            $Fixture | New-VethPair va vb -PeerNamespace $far.Namespace -Up | Out-Null
            $Fixture | Add-TunnelPeerAddress 10.42.1.1 -PrefixLength 32 -InterfaceName va | Out-Null
            $far | Add-TunnelPeerAddress 172.16.165.244 -PrefixLength 32 -InterfaceName vb | Out-Null
            $far | Add-TunnelPeerAddress 10.42.2.1 -PrefixLength 24 -InterfaceName lo | Out-Null
            $far | Add-OnlinkRoute 10.42.1.1/32 -InterfaceName vb | Out-Null
            $Fixture | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -InterfaceName va | Out-Null
            Test-Ping $Ns 10.42.2.1 | Should -BeTrue
        }
        finally {
            Remove-NetNamespaceFixture $far -Confirm:$false
        }
    }
}
