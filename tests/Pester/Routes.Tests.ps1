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

    It 'reports the onlink routes ip added, and every route of both families with -All' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.244 dev va onlink
        ip -n $Ns route add 10.42.4.0/24 via 10.10.10.1 dev va
        $onlink = $Fixture | Get-OnlinkRoute
        $onlink.Destination.ToString() | Should -Be '10.42.2.0/24'
        $onlink.Gateway | Should -Be ([ipaddress]'172.16.165.244')
        $all = $Fixture | Get-OnlinkRoute -All
        @($all | ForEach-Object { $_.Destination.ToString() } | Sort-Object) | Should -Be @(@((Get-IpRoute $Ns).dst) + @((Get-IpRoute $Ns -Family 6).dst) | Sort-Object)
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

# The read-back after an add asked for IPv4 only, so an IPv6 route was reported as
# RouteVanished and left in the kernel; Get-OnlinkRoute -All never listed IPv6 routes; and
# in a namespace with no IPv4 route yet (no main table) every listing failed with ENOENT.
Describe 'IPv6 routes and a namespace without an IPv4 route' {
    BeforeEach {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair d0 d1 -Up | Out-Null
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds an IPv6 onlink route, returns it and leaves no error' {
        $route = $Fixture | Add-OnlinkRoute 2001:db8:1::/64 -Gateway fe80::1 -InterfaceName d0 -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
        $route.Destination.ToString() | Should -Be '2001:db8:1::/64'
        $route.Gateway.ToString() | Should -Be 'fe80::1'
        $kernel = ip -n $Fixture.Namespace -6 -j route show 2001:db8:1::/64 | ConvertFrom-Json
        $kernel.gateway | Should -Be 'fe80::1'
        $kernel.flags | Should -Contain 'onlink'
    }

    It 'lists IPv6 routes, onlink ones by default and all with -All' {
        ip -n $Fixture.Namespace -6 route add 2001:db8:2::/64 via fe80::2 dev d0 onlink
        ($Fixture | Get-OnlinkRoute).Destination.ToString() | Should -Be '2001:db8:2::/64'
        $all = $Fixture | Get-OnlinkRoute -All | ForEach-Object { "$($_.Destination)" }
        $expected = (ip -n $Fixture.Namespace -6 -j route show | ConvertFrom-Json).dst | ForEach-Object { if ($_ -eq 'default') { '::/0' } elseif ($_ -notlike '*/*') { "$_/128" } else { $_ } }
        $all | Sort-Object | Should -Be ($expected | Sort-Object)
    }

    It 'lists and adds IPv4 routes where the main table does not exist yet' {
        # A bare namespace (loopback down) has no IPv4 main table until its first route.
        $bare = 'ipt-bare-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        New-NetNamespace $bare | Out-Null
        try {
            New-VethPair e0 e1 -Up -NetNamespace $bare | Out-Null
            $listed = Get-OnlinkRoute -All -NetNamespace $bare -ErrorVariable failure
            $failure | Should -BeNullOrEmpty
            $listed | Where-Object { $_.Destination.BaseAddress.AddressFamily -eq 'InterNetwork' } | Should -BeNullOrEmpty
            $route = Add-OnlinkRoute 10.9.0.0/24 -InterfaceName e0 -NetNamespace $bare -ErrorVariable failure
            $failure | Should -BeNullOrEmpty
            $route.Destination.ToString() | Should -Be '10.9.0.0/24'
            (ip -n $bare -j route show 10.9.0.0/24 | ConvertFrom-Json).dev | Should -Be 'e0'
        }
        finally {
            Remove-NetNamespace $bare -Confirm:$false
        }
    }
}

# What IpipTools creates carries its mark (protocol 73 on routes), so that
# Set-IpipTopology -Prune can tell its routes from everyone else's. Add-OnlinkRoute used to
# leave iproute2's default (proto boot), which -Prune then never removed.
Describe 'Routes made by Add-OnlinkRoute carry the IpipTools mark' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair m0 m1 -Up | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds the route with protocol 73' {
        $route = $Fixture | Add-OnlinkRoute 10.61.0.0/24 -Gateway 172.16.61.1 -InterfaceName m0
        $route.Protocol | Should -Be 73
        (ip -n $Fixture.Namespace -j route show 10.61.0.0/24 | ConvertFrom-Json).protocol | Should -Be '73'
    }

    It 'is pruned by Set-IpipTopology -Prune, while a route made by ip stays' {
        $Fixture | Add-OnlinkRoute 10.62.0.0/24 -Gateway 172.16.62.1 -InterfaceName m0 | Out-Null
        ip -n $Fixture.Namespace route add 10.63.0.0/24 via 172.16.63.1 dev m0 onlink
        $topology = @{ Namespaces = @(@{ Name = ''; Veths = @(@{ Name = 'm0'; Peer = 'm1' }) }) }
        Set-IpipTopology -InputObject $topology -Prune -NetNamespace $Fixture.Namespace -Confirm:$false | Out-Null
        $left = (ip -n $Fixture.Namespace -j route show | ConvertFrom-Json).dst
        $left | Should -Not -Contain '10.62.0.0/24'
        $left | Should -Contain '10.63.0.0/24'
    }
}

Describe 'Get-OnlinkRoute from a piped namespace object' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        ip -n $Ns link add ra type veth peer name rb
        ip -n $Ns link set ra up
        ip -n $Ns route add 10.65.0.0/24 via 172.16.65.1 dev ra onlink
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'lists the onlink routes of that namespace, as ip does' {
        # The namespace's Name once bound -InterfaceName (alias Name): "No link named '<ns>'".
        $routes = @(Get-NetNamespace $Ns | Get-OnlinkRoute -ErrorAction Stop)
        $expected = @(Get-IpJson $Ns route show | Where-Object { $_.flags -contains 'onlink' })
        $expected.Count | Should -Be 1
        @($routes | ForEach-Object { "$($_.Destination) $($_.Gateway) $($_.Device)" }) |
            Should -Be @($expected | ForEach-Object { "$($_.dst) $($_.gateway) $($_.dev)" })
    }

    It 'still takes the device from a piped link, and its namespace' {
        $routes = @(Get-NetLink ra -NetNamespace $Ns | Get-OnlinkRoute -ErrorAction Stop)
        "$($routes.Destination)" | Should -Be '10.65.0.0/24'
        $routes.Namespace | Should -Be $Ns
    }
}
