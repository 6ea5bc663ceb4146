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
