# Get-NetLink and New/Get/Remove-VethPair.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Link cmdlets' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'creates a veth pair with its peer in another namespace, both up' {
        $link = $A | New-VethPair va vb -PeerNamespace $B.Namespace -Up
        $link.Kind | Should -Be 'veth'
        $link.Namespace | Should -Be $A.Namespace
        (Get-VethPair vb -NetNamespace $B.Namespace).IsUp | Should -BeTrue
    }

    It 'lists links by kind' {
        (Get-NetLink -Kind veth -NetNamespace $A.Namespace).Name | Should -Be @('va')
        (Get-NetLink lo -NetNamespace $A.Namespace).Kind | Should -BeNullOrEmpty
    }

    It 'refuses to remove a link that is not a veth' {
        Remove-VethPair lo -NetNamespace $A.Namespace -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'LinkKindMismatch*'
    }

    It 'removes both ends through the pipeline' {
        Get-VethPair -NetNamespace $A.Namespace | Remove-VethPair -Confirm:$false
        Get-VethPair -NetNamespace $B.Namespace | Should -BeNullOrEmpty
    }
}

# What IpipTools creates carries its mark: links the alias ipiptools:managed, on both ends
# of a veth pair wherever the peer is.
Describe 'Veth pairs made by New-VethPair carry the IpipTools mark' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'marks both ends' {
        ($A | New-VethPair ma mb -PeerNamespace $B.Namespace).Alias | Should -Be 'ipiptools:managed'
        (ip -n $A.Namespace -j -d link show ma | ConvertFrom-Json).ifalias | Should -Be 'ipiptools:managed'
        (ip -n $B.Namespace -j -d link show mb | ConvertFrom-Json).ifalias | Should -Be 'ipiptools:managed'
    }
}

# Get-VethPair reported an empty peer name and namespace: the kernel names a veth's peer only
# by index, and by a namespace id when the peer lives elsewhere.
Describe 'Get-VethPair names each peer and its namespace' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
        $A | New-VethPair pa pb -PeerNamespace $B.Namespace | Out-Null
        $A | New-VethPair qa qb | Out-Null
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'names a peer in another namespace' {
        $end = Get-VethPair pa -NetNamespace $A.Namespace
        $end.KindParameters.PeerName | Should -Be 'pb'
        $end.KindParameters.PeerNamespace.Name | Should -Be $B.Namespace
        # The oracle: ip reports the peer's index and a namespace id; the link of that index in B is the peer.
        $kernel = ip -n $A.Namespace -j link show pa | ConvertFrom-Json
        $kernel.link_netnsid | Should -Not -BeNullOrEmpty
        (ip -n $B.Namespace -j link show | ConvertFrom-Json | Where-Object ifindex -eq $kernel.link_index).ifname | Should -Be 'pb'
    }

    It 'names a peer beside it' {
        $ends = Get-VethPair -NetNamespace $A.Namespace | Where-Object Name -in 'qa', 'qb'
        ($ends | Where-Object Name -eq 'qa').KindParameters.PeerName | Should -Be 'qb'
        ($ends | Where-Object Name -eq 'qb').KindParameters.PeerName | Should -Be 'qa'
        ($ends | Where-Object Name -eq 'qa').KindParameters.PeerNamespace.Name | Should -Be $A.Namespace
        (ip -n $A.Namespace -j link show qa | ConvertFrom-Json).link | Should -Be 'qb'
    }
}

# -PeerNamespace '' meant the caller's namespace (the host's): a typo put the peer there.
Describe 'New-VethPair -PeerNamespace $null or empty is a binding error' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Peer = 'ipe' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    }

    AfterAll {
        ip link delete $Peer 2>$null
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'refuses <Shown>' -ForEach @(@{ Value = ''; Shown = "''" }, @{ Value = $null; Shown = '$null' }) {
        { $Fixture | New-VethPair ve0 $Peer -PeerNamespace $Value -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        (ip -n $Fixture.Namespace -j link show | ConvertFrom-Json).ifname | Should -Not -Contain 've0'
        (ip -j link show | ConvertFrom-Json).ifname | Should -Not -Contain $Peer
    }
}
