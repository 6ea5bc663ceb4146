# Add/Get/Remove-OnlinkRoute, on a veth end (tunl0 needs ipip; the route logic is the same).
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Route cmdlets' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair va vb -Up | Out-Null
        $Fixture | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName va | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds an onlink route to a gateway no prefix covers' {
        $route = Get-NetLink va -NetNamespace $Fixture.Namespace | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244
        $route.OnLink | Should -BeTrue
        $route.Device | Should -Be 'va'
        (ip -n $Fixture.Namespace route show 10.42.2.0/24) | Should -BeLike '*onlink*'
    }

    It 'adds a gateway-checked route without onlink' {
        ($Fixture | Add-OnlinkRoute 10.10.20.0/24 -Gateway 10.10.10.1 -InterfaceName va -CheckGateway).OnLink | Should -BeFalse
    }

    It 'explains a rejected gateway without onlink' {
        $Fixture | Add-OnlinkRoute 10.42.3.0/24 -Gateway 172.16.168.113 -InterfaceName va -CheckGateway -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*onlink*'
    }

    It 'lists onlink routes only unless -All' {
        ($Fixture | Get-OnlinkRoute).Destination.ToString() | Should -Be '10.42.2.0/24'
        ($Fixture | Get-OnlinkRoute -All).Count | Should -BeGreaterThan 1
    }

    It 'removes what Get-OnlinkRoute writes' {
        $Fixture | Get-OnlinkRoute va | Remove-OnlinkRoute -Confirm:$false
        $Fixture | Get-OnlinkRoute | Should -BeNullOrEmpty
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
