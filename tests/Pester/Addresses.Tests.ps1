# Add/Get/Remove-TunnelPeerAddress, on a veth end (any interface takes addresses), with
# ip -j addr as the oracle both ways.
Describe 'Address cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Fixture = New-VethLab va vb
        $script:Ns = $Fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds a point-to-point address with its peer, as ip addr add A peer B does' {
        $address = Get-NetLink va -NetNamespace $Ns | Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10
        $address.Peer | Should -Be ([ipaddress]'10.10.200.10')
        $address.PrefixLength | Should -Be 32
        $address.Namespace | Should -Be $Ns
        $oracle = Get-IpJsonAddress $Ns va
        $oracle.local | Should -Be '10.10.100.10'
        $oracle.address | Should -Be '10.10.200.10'
        $oracle.prefixlen | Should -Be 32
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.10.200.10').dev | Should -Be 'va' -Because 'the kernel routes the peer through the device'
    }

    It 'adds a plain address with a prefix length' {
        ($Fixture | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName vb).ToString() | Should -Be '10.10.10.2/24'
        $oracle = Get-IpJsonAddress $Ns vb
        $oracle.local | Should -Be '10.10.10.2'
        $oracle.prefixlen | Should -Be 24
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.10.10.0/24').dev | Should -Be 'vb'
    }

    It 'refuses a duplicate with ResourceExists and keeps the one address' {
        ip -n $Ns addr add 10.10.10.2/24 dev vb
        $Fixture | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName vb -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        @(Get-IpJsonAddress $Ns vb) | Should -HaveCount 1
    }

    It 'reports the addresses ip added, and only peer ones with -PeerOnly' {
        ip -n $Ns addr add 10.10.100.10 peer 10.10.200.10 dev va
        ip -n $Ns addr add 10.10.10.2/24 dev vb
        $all = $Fixture | Get-TunnelPeerAddress
        @($all | Where-Object { $_.InterfaceName -ne 'lo' -and $_.Address.AddressFamily -eq 'InterNetwork' } | ForEach-Object { "$($_.InterfaceName) $($_.Address)" } | Sort-Object) | Should -Be @('va 10.10.100.10', 'vb 10.10.10.2')
        $peer = $Fixture | Get-TunnelPeerAddress -PeerOnly
        $peer.Address | Should -Be ([ipaddress]'10.10.100.10')
        $peer.Peer | Should -Be ([ipaddress]'10.10.200.10')
        ($Fixture | Get-TunnelPeerAddress vb -Address 10.10.10.2).PrefixLength | Should -Be 24
    }

    It 'removes an address ip added, through the pipeline' {
        ip -n $Ns addr add 10.10.100.10 peer 10.10.200.10 dev va
        ip -n $Ns addr add 10.10.10.2/24 dev va
        $Fixture | Get-TunnelPeerAddress va -PeerOnly | Remove-TunnelPeerAddress -Confirm:$false
        (Get-IpJsonAddress $Ns va).local | Should -Be @('10.10.10.2')
    }

    It 'removes a plain address by value' {
        ip -n $Ns addr add 10.10.10.2/24 dev vb
        Remove-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 -InterfaceName vb -NetNamespace $Ns -Confirm:$false
        Get-IpJsonAddress $Ns vb | Should -BeNullOrEmpty
    }
}

# What IpipTools creates carries its mark: addresses protocol 73 (IFA_PROTO).
Describe 'Addresses made by Add-TunnelPeerAddress carry the IpipTools mark' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-VethLab a0 a1
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    # iproute2 6.1 neither shows nor sets an address's protocol, so the mark is checked by
    # what it is for: -Prune removes the marked address and leaves the one ip added.
    It 'adds the address with protocol 73, which -Prune goes by' {
        $added = $Fixture | Add-TunnelPeerAddress 10.64.0.1 -Peer 10.64.0.2 -InterfaceName a0
        $added.Protocol | Should -Be 73
        "$($added.Protocol)" | Should -BeExactly 'IpipTools' -Because 'a protocol shows by name, as ip -d addr shows "proto kernel_lo"'
        ip -n $Fixture.Namespace addr add 10.64.1.1/32 dev a0
        $topology = @{ Namespaces = @(@{ Name = ''; Veths = @(@{ Name = 'a0'; Peer = 'a1' }) }) }
        Set-IpipTopology -InputObject $topology -Prune -NetNamespace $Fixture.Namespace -Confirm:$false | Out-Null
        $left = ((ip -n $Fixture.Namespace -j addr show dev a0 | ConvertFrom-Json).addr_info | Where-Object family -eq 'inet').local
        $left | Should -Not -Contain '10.64.0.1'
        $left | Should -Contain '10.64.1.1'
    }
}

Describe 'Get-TunnelPeerAddress from a piped namespace object' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        ip -n $Ns link add pa type veth peer name pb
        ip -n $Ns addr add 10.66.0.1 peer 10.66.0.2 dev pa
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'lists the addresses of every interface of that namespace, as ip does' {
        # The namespace's Name once bound -InterfaceName (alias Name): "No link named '<ns>'".
        $addresses = @(Get-NetNamespace $Ns | Get-TunnelPeerAddress -ErrorAction Stop)
        $expected = @(Get-IpJsonAddress $Ns)
        @($addresses | Where-Object { $_.Address.AddressFamily -eq 'InterNetwork' } | ForEach-Object { "$($_.InterfaceName) $($_.Address)" } | Sort-Object) |
            Should -Be @($expected | ForEach-Object { "$($_.ifname) $($_.local)" } | Sort-Object)
        ($addresses | Where-Object InterfaceName -eq 'pa').Peer | Should -Be ([ipaddress]'10.66.0.2')
        # The kernel marks the loopback address it adds (IFAPROT_KERNEL_LO), which ip -d addr shows as "proto kernel_lo".
        ($addresses | Where-Object Address -eq ([ipaddress]'::1')).Protocol | Should -Be 'KernelLo'
    }

    It 'still takes the interface from a piped link, and its namespace' {
        $addresses = @(Get-NetLink pa -NetNamespace $Ns | Get-TunnelPeerAddress -ErrorAction Stop)
        "$($addresses | ForEach-Object Address)" | Should -Be '10.66.0.1'
        $addresses.Namespace | Should -Be $Ns
    }
}
