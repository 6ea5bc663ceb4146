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
