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

# What IpipTools creates carries its mark: addresses protocol 73 (IFA_PROTO).
Describe 'Addresses made by Add-TunnelPeerAddress carry the IpipTools mark' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair a0 a1 -Up | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    # iproute2 6.1 neither shows nor sets an address's protocol, so the mark is checked by
    # what it is for: -Prune removes the marked address and leaves the one ip added.
    It 'adds the address with protocol 73, which -Prune goes by' {
        ($Fixture | Add-TunnelPeerAddress 10.64.0.1 -Peer 10.64.0.2 -InterfaceName a0).Protocol | Should -Be 73
        ip -n $Fixture.Namespace addr add 10.64.1.1/32 dev a0
        $topology = @{ Namespaces = @(@{ Name = ''; Veths = @(@{ Name = 'a0'; Peer = 'a1' }) }) }
        Set-IpipTopology -InputObject $topology -Prune -NetNamespace $Fixture.Namespace -Confirm:$false | Out-Null
        $left = ((ip -n $Fixture.Namespace -j addr show dev a0 | ConvertFrom-Json).addr_info | Where-Object family -eq 'inet').local
        $left | Should -Not -Contain '10.64.0.1'
        $left | Should -Contain '10.64.1.1'
    }
}
