# Add/Get/Remove-TunnelPeerAddress, on a veth end (any interface takes addresses).
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Address cmdlets' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair va vb -Up | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds a point-to-point address with its peer' {
        $address = Get-NetLink va -NetNamespace $Fixture.Namespace | Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10
        $address.Peer | Should -Be ([ipaddress]'10.10.200.10')
        $address.PrefixLength | Should -Be 32
        $address.Namespace | Should -Be $Fixture.Namespace
    }

    It 'adds a plain address' {
        ($Fixture | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName vb).ToString() | Should -Be '10.10.10.2/24'
    }

    It 'refuses a duplicate with ResourceExists' {
        $Fixture | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName vb -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'lists peer addresses only' {
        ($Fixture | Get-TunnelPeerAddress -PeerOnly).Address | Should -Be @([ipaddress]'10.10.100.10')
    }

    It 'removes what Get-TunnelPeerAddress writes' {
        $Fixture | Get-TunnelPeerAddress va -PeerOnly | Remove-TunnelPeerAddress -Confirm:$false
        $Fixture | Get-TunnelPeerAddress -PeerOnly | Should -BeNullOrEmpty
    }
}
