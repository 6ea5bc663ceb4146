# Get-NetLink and New/Get/Remove-VethPair, with ip -d -j link as the oracle both ways:
# what the cmdlets make, ip sees; what ip makes, the cmdlets report.
Describe 'Link cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
    }

    AfterEach {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'creates a veth pair with its peer in another namespace, both up, as ip sees it' {
        $link = $A | New-VethPair va vb -PeerNamespace $B.Namespace -Up -Mtu 1400
        $link.Kind | Should -Be 'veth'
        $link.Namespace | Should -Be $A.Namespace
        $near = Get-IpLink $A.Namespace va
        $far = Get-IpLink $B.Namespace vb
        $near.linkinfo.info_kind | Should -Be 'veth'
        $near.flags | Should -Contain 'UP'
        $far.flags | Should -Contain 'UP'
        $near.mtu | Should -Be 1400 -Because '-Mtu is the MTU of the local end (as ip link add ... mtu)'
        $near.link_netnsid | Should -Not -BeNullOrEmpty -Because 'the peer lives in another namespace'
        $near.ifindex | Should -Be $link.Index
    }

    It 'reports a veth pair that ip made, with its peer' {
        ip -n $A.Namespace link add va mtu 1300 type veth peer name vb
        $pair = Get-VethPair va -NetNamespace $A.Namespace
        $pair.Name | Should -Be 'va'
        $pair.Mtu | Should -Be 1300
        $pair.IsUp | Should -BeFalse
        $pair.ParentIndex | Should -Be (Get-IpLink $A.Namespace vb).ifindex -Because 'a veth end links to its peer'
        (Get-VethPair -NetNamespace $A.Namespace).Name | Sort-Object | Should -Be @('va', 'vb')
    }

    It 'lists what ip lists, by name and by kind' {
        ip -n $A.Namespace link add va type veth peer name vb
        ip -n $A.Namespace link add br0 type bridge
        $oracle = Get-IpJson $A.Namespace link show
        (Get-NetLink -NetNamespace $A.Namespace).Name | Sort-Object | Should -Be @($oracle.ifname | Sort-Object)
        (Get-NetLink -Kind veth -NetNamespace $A.Namespace).Name | Sort-Object | Should -Be @('va', 'vb')
        (Get-NetLink -Kind bridge -NetNamespace $A.Namespace).Name | Should -Be @('br0')
        $bridge = Get-NetLink br0 -NetNamespace $A.Namespace
        $bridge.Index | Should -Be ($oracle | Where-Object ifname -eq br0).ifindex
        $bridge.Mtu | Should -Be ($oracle | Where-Object ifname -eq br0).mtu
        (Get-NetLink lo -NetNamespace $A.Namespace).Kind | Should -BeNullOrEmpty
    }

    It 'refuses to remove a link that is not a veth, and leaves it' {
        ip -n $A.Namespace link add br0 type bridge
        Remove-VethPair br0 -NetNamespace $A.Namespace -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'LinkKindMismatch*'
        Get-IpLink $A.Namespace br0 | Should -Not -BeNullOrEmpty
    }

    It 'removes both ends of a pair that ip made across namespaces, through the pipeline' {
        ip -n $A.Namespace link add va type veth peer name vb netns $B.Namespace
        Get-VethPair -NetNamespace $A.Namespace | Remove-VethPair -Confirm:$false
        Get-IpJson $A.Namespace link show type veth | Should -BeNullOrEmpty
        Get-IpJson $B.Namespace link show type veth | Should -BeNullOrEmpty
    }

    It 'carries traffic over the pair it made' {
        $A | New-VethPair va vb -PeerNamespace $B.Namespace -Up | Add-TunnelPeerAddress 10.77.0.1 -PrefixLength 24 | Out-Null
        $B | Add-TunnelPeerAddress 10.77.0.2 -PrefixLength 24 -InterfaceName vb | Out-Null
        Test-Ping $A.Namespace 10.77.0.2 | Should -BeTrue
    }
}
