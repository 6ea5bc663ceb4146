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
        $pair.LinkedIndex | Should -Be (Get-IpLink $A.Namespace vb).ifindex -Because 'a veth end links to its peer'
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

    # The MTUs of a pair's two ends, with ip link add as the oracle: ip gives the local end the
    # MTU before 'type veth' and the peer only the one after 'peer name PEER' (the kernel's 1500
    # otherwise), and New-VethPair -Mtu / -PeerMtu do the same, also with the peer in another
    # namespace. The min_mtu and max_mtu ip reports are the range -Mtu is checked against.
    Context 'New-VethPair -Mtu and -PeerMtu give each end its MTU as ip link add does' {
        It '-Mtu alone sets the local end and leaves the peer where ip leaves it' {
            ip -n $A.Namespace link add ia mtu 1400 type veth peer name ib
            $A | New-VethPair ma mb -Mtu 1400 | Out-Null
            (Get-IpLink $A.Namespace ma).mtu | Should -Be (Get-IpLink $A.Namespace ia).mtu
            (Get-IpLink $A.Namespace mb).mtu | Should -Be (Get-IpLink $A.Namespace ib).mtu
            (Get-IpLink $A.Namespace ia).mtu | Should -Be 1400
            (Get-IpLink $A.Namespace ib).mtu | Should -Be 1500 -Because 'ip link add NAME mtu N type veth gives the peer no MTU of its own'
        }

        It '-Mtu and -PeerMtu set both ends, as ip link add ... peer name PEER mtu N does, with the peer in another namespace' {
            ip -n $A.Namespace link add ia mtu 1400 type veth peer name ib mtu 1380 netns $B.Namespace
            $A | New-VethPair ma mb -Mtu 1400 -PeerMtu 1380 -PeerNamespace $B.Namespace | Out-Null
            (Get-IpLink $A.Namespace ma).mtu | Should -Be (Get-IpLink $A.Namespace ia).mtu
            (Get-IpLink $B.Namespace mb).mtu | Should -Be (Get-IpLink $B.Namespace ib).mtu
            (Get-IpLink $B.Namespace mb).mtu | Should -Be 1380
        }

        It 'accepts exactly the range ip reports for a veth (<Mtu>)' -ForEach @(@{ Mtu = 'min_mtu' }, @{ Mtu = 'max_mtu' }) {
            ip -n $A.Namespace link add ia type veth peer name ib
            $limit = (Get-IpLink $A.Namespace ia).$Mtu
            $limit | Should -BeIn 68, 65535
            $A | New-VethPair ma mb -Mtu $limit -PeerMtu $limit | Out-Null
            (Get-IpLink $A.Namespace ma).mtu | Should -Be $limit
            (Get-IpLink $A.Namespace mb).mtu | Should -Be $limit
            $beyond = if ($Mtu -eq 'min_mtu') { $limit - 1 } else { $limit + 1 }
            { $A | New-VethPair na nb -Mtu $beyond -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidMtu,*'
            Get-IpLink $A.Namespace na | Should -BeNullOrEmpty
        }
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

    It 'names a peer in another namespace while a namespace file there is no live namespace' {
        # What another process deleting a namespace leaves for a moment (seen under load): a
        # file under /run/netns the kernel refuses ("Peer netns reference is invalid").
        $dead = Join-Path '/run/netns' "0-ipiptools-dead-$PID"
        New-Item -ItemType File -Path $dead | Out-Null
        try {
            $end = Get-VethPair pa -NetNamespace $A.Namespace
            $end.KindParameters.PeerName | Should -Be 'pb'
            $end.KindParameters.PeerNamespace.Name | Should -Be $B.Namespace
        } finally {
            Remove-Item $dead
        }
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

Describe 'New-VethPair -PeerNamespace with a bad name and -WhatIf' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'writes no "What if" and fails as without -WhatIf, creating nothing' {
        $vars = @{ ns = $Fixture.Namespace }
        $whatIf = Invoke-HostCaptured { New-VethPair wv0 wv1 -NetNamespace $ns -PeerNamespace '..' -WhatIf } $vars
        $real = Invoke-HostCaptured { New-VethPair wv0 wv1 -NetNamespace $ns -PeerNamespace '..' } $vars

        $whatIf.HostLines | Should -BeNullOrEmpty
        $whatIf.Output | Should -BeNullOrEmpty
        $whatIf.Errors.Count | Should -Be 1
        $whatIf.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidNamespaceName,*'
        $whatIf.Errors[0].FullyQualifiedErrorId | Should -Be $real.Errors[0].FullyQualifiedErrorId
        "$($whatIf.Errors[0])" | Should -Be "$($real.Errors[0])"
        (Get-IpJson $Fixture.Namespace link show).ifname | Should -Not -Contain 'wv0'
    }
}

# New-NetBridge, Set-NetLink, Remove-NetLink and Remove-NetBridge, with ip -d -j link as the
# oracle both ways (what the cmdlets do, ip sees; what ip does, the cmdlets report) and with
# traffic (the host kernel has no dummy driver, so veth ends stand for 'any link'): two namespaces' veths on one bridge pass ping, and no longer once detached.
Describe 'Bridge and link cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Hub = New-NetNamespaceFixture lbhub
        $script:A = New-NetNamespaceFixture lba
        $script:B = New-NetNamespaceFixture lbb
        $script:H = $Hub.Namespace
    }

    AfterEach {
        $Hub, $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'creates a bridge as ip sees it, up, with its MTU and IpipTools'' mark' {
        $bridge = New-NetBridge br0 -Up -Mtu 1400 -NetNamespace $H
        $oracle = Get-IpLink $H br0
        $oracle.linkinfo.info_kind | Should -Be 'bridge'
        $oracle.flags | Should -Contain 'UP'
        $oracle.mtu | Should -Be 1400
        $oracle.ifalias | Should -Be 'ipiptools:managed'
        $bridge.Index | Should -Be $oracle.ifindex
        $bridge.Kind | Should -Be 'bridge'
        $bridge.Namespace | Should -Be $H
    }

    It 'makes a bridge with the spanning tree protocol, and Set-NetBridge changes only the option given, as ip sees it' {
        $bridge = New-NetBridge br0 -SpanningTree -NetNamespace $H
        $bridge.KindParameters.SpanningTree | Should -BeTrue
        (Get-IpLink $H br0).linkinfo.info_data.stp_state | Should -Not -Be 0
        (Get-IpLink $H br0).linkinfo.info_data.vlan_filtering | Should -Be 0

        Get-NetLink br0 -NetNamespace $H | Set-NetBridge -SpanningTree:$false -WhatIf
        (Get-IpLink $H br0).linkinfo.info_data.stp_state | Should -Not -Be 0 -Because '-WhatIf changes nothing'
        $changed = Get-NetLink br0 -NetNamespace $H | Set-NetBridge -SpanningTree:$false -PassThru
        $changed.KindParameters.SpanningTree | Should -BeFalse
        (Get-IpLink $H br0).linkinfo.info_data.stp_state | Should -Be 0
        (Get-IpLink $H br0).linkinfo.info_data.forward_delay | Should -Be 1500 -Because 'an option not given stays as the kernel made it'
    }

    It 'refuses Set-NetBridge without an option, and on a link that is not a bridge, changing nothing' {
        New-NetBridge br0 -NetNamespace $H | Out-Null
        ip -n $H link add va type veth peer name vb
        { Set-NetBridge br0 -NetNamespace $H -ErrorAction Stop } | Should -Throw -ErrorId 'NothingToChange,*'
        { Set-NetBridge va -SpanningTree -NetNamespace $H -ErrorAction Stop } | Should -Throw '*not a bridge*'
        (Get-IpLink $H va).linkinfo.info_kind | Should -Be 'veth'
    }

    It 'refuses -VlanFiltering where the kernel has none, saying so, and leaves no bridge; where it has it, ip sees it on' {
        # This host's kernel is built without CONFIG_BRIDGE_VLAN_FILTERING; the oracle decides which case this is.
        $probe = "vfprobe$PID"
        ip -n $H link add $probe type bridge vlan_filtering 1 2>$null
        $kernelHasIt = $LASTEXITCODE -eq 0
        if ($kernelHasIt) { ip -n $H link del $probe }
        $made = New-NetBridge br1 -VlanFiltering -NetNamespace $H -ErrorVariable failures -ErrorAction SilentlyContinue
        if ($kernelHasIt) {
            $failures | Should -BeNullOrEmpty
            $made.KindParameters.VlanFiltering | Should -BeTrue
            (Get-IpLink $H br1).linkinfo.info_data.vlan_filtering | Should -Be 1
        } else {
            $failures | Should -HaveCount 1
            "$($failures[0])" | Should -BeLike '*have no VLAN filtering*CONFIG_BRIDGE_VLAN_FILTERING*'
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'KernelLacksLinkOption,*'
            Get-IpLink $H br1 | Should -BeNullOrEmpty
        }
    }

    It 'attaches piped links to a bridge and detaches them, as ip sees it; Get-NetLink names the master' {
        New-NetBridge br0 -Up -NetNamespace $H | Out-Null
        ip -n $H link add va type veth peer name vb
        $attached = Get-NetLink v* -NetNamespace $H | Set-NetLink -Master br0 -PassThru
        $attached.Name | Sort-Object | Should -Be @('va', 'vb')
        $attached.Master | Should -Be @('br0', 'br0')
        $bridgeIndex = (Get-IpLink $H br0).ifindex
        foreach ($name in 'va', 'vb') {
            (Get-IpLink $H $name).master | Should -Be 'br0'
            (Get-IpLink $H $name).linkinfo.info_slave_kind | Should -Be 'bridge'
        }
        (Get-NetLink va -NetNamespace $H).MasterIndex | Should -Be $bridgeIndex

        'va', 'vb' | Set-NetLink -NoMaster -NetNamespace $H
        foreach ($name in 'va', 'vb') {
            (Get-IpLink $H $name).master | Should -BeNullOrEmpty
        }
        (Get-NetLink va -NetNamespace $H).Master | Should -BeNullOrEmpty
    }

    It 'reports the master, state, MTU and alias that ip set' {
        ip -n $H link add br1 type bridge
        ip -n $H link add d0 type veth peer name e0
        ip -n $H link set d0 master br1 mtu 1300 alias 'made by ip' up
        $link = Get-NetLink d0 -NetNamespace $H
        $link.Master | Should -Be 'br1'
        $link.MasterIndex | Should -Be (Get-IpLink $H br1).ifindex
        $link.Mtu | Should -Be 1300
        $link.Alias | Should -Be 'made by ip'
        $link.IsUp | Should -BeTrue
        (Get-NetLink -Kind bridge -NetNamespace $H).Name | Should -Be @('br1')
    }

    It 'sets up and down, MTU, name and alias of a link in one call, as ip sees it' {
        ip -n $H link add d0 type veth peer name e0
        $changed = Set-NetLink d0 -Up -Mtu 1280 -NewName d1 -Alias 'dummy one' -NetNamespace $H -PassThru
        Get-IpLink $H d0 | Should -BeNullOrEmpty
        $oracle = Get-IpLink $H d1
        $oracle.flags | Should -Contain 'UP'
        $oracle.mtu | Should -Be 1280
        $oracle.ifalias | Should -Be 'dummy one'
        $changed.Name | Should -Be 'd1'
        $changed.Index | Should -Be $oracle.ifindex
        Set-NetLink d1 -Down -Alias '' -NetNamespace $H
        $oracle = Get-IpLink $H d1
        $oracle.flags | Should -Not -Contain 'UP'
        $oracle.ifalias | Should -BeNullOrEmpty
    }

    It 'moves a link into another namespace, renamed and up there' {
        ip -n $H link add va type veth peer name vb
        $moved = Set-NetLink va -NewNetNamespace $A.Namespace -NewName eth0 -Up -NetNamespace $H -PassThru
        Get-IpLink $H va | Should -BeNullOrEmpty
        $oracle = Get-IpLink $A.Namespace eth0
        $oracle.linkinfo.info_kind | Should -Be 'veth'
        $oracle.flags | Should -Contain 'UP'
        $moved.Namespace | Should -Be $A.Namespace
        $moved.Index | Should -Be $oracle.ifindex
    }

    It '-WhatIf changes nothing' {
        New-NetBridge br0 -NetNamespace $H -WhatIf
        Get-IpLink $H br0 | Should -BeNullOrEmpty
        ip -n $H link add br0 type bridge
        ip -n $H link add d0 type veth peer name e0
        Set-NetLink d0 -Master br0 -Up -NetNamespace $H -WhatIf
        (Get-IpLink $H d0).master | Should -BeNullOrEmpty
        Remove-NetLink d0 -NetNamespace $H -WhatIf
        Remove-NetBridge br0 -NetNamespace $H -WhatIf
        Get-IpLink $H d0 | Should -Not -BeNullOrEmpty
        Get-IpLink $H br0 | Should -Not -BeNullOrEmpty
    }

    It 'removes any link: piped names, a piped bridge (its ports stay), a veth with its peer' {
        ip -n $H link add d0 type veth peer name e0
        ip -n $H link add d1 type veth peer name e1
        ip -n $H link add br0 type bridge
        ip -n $H link set d1 master br0
        ip -n $H link add va type veth peer name vb netns $A.Namespace
        'd0' | Remove-NetLink -NetNamespace $H -Confirm:$false
        Get-IpLink $H d0 | Should -BeNullOrEmpty
        Get-NetLink br0 -NetNamespace $H | Remove-NetBridge -Confirm:$false
        Get-IpLink $H br0 | Should -BeNullOrEmpty
        (Get-IpLink $H d1).master | Should -BeNullOrEmpty -Because 'a removed bridge frees its ports'
        Remove-NetLink va -NetNamespace $H -Confirm:$false
        Get-IpLink $H va | Should -BeNullOrEmpty
        Get-IpLink $A.Namespace vb | Should -BeNullOrEmpty -Because 'the kernel removes a veth''s peer with it'
    }

    It 'removes both ends of a piped pair without an error for the end that went with the other, but not a missing link' {
        ip -n $H link add va type veth peer name vb
        Get-NetLink v* -NetNamespace $H | Remove-NetLink -Confirm:$false -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        Get-IpJson $H link show type veth | Should -BeNullOrEmpty
        'va' | Remove-NetLink -NetNamespace $H -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinkNotFound,*'
    }

    It 'two veths on one bridge pass ping; detached, they do not' {
        New-NetBridge br0 -Up -NetNamespace $H | Out-Null
        $A | New-VethPair a0 pa -PeerNamespace $H -Up | Add-TunnelPeerAddress 10.78.0.1 -PrefixLength 24 | Out-Null
        $B | New-VethPair b0 pb -PeerNamespace $H -Up | Add-TunnelPeerAddress 10.78.0.2 -PrefixLength 24 | Out-Null
        Test-Ping $A.Namespace 10.78.0.2 | Should -BeFalse -Because 'the hub''s ends are on no bridge yet'
        Get-NetLink p* -NetNamespace $H | Set-NetLink -Master br0
        Test-Ping $A.Namespace 10.78.0.2 | Should -BeTrue
        Set-NetLink pb -NoMaster -NetNamespace $H
        Test-Ping $A.Namespace 10.78.0.2 | Should -BeFalse
    }
}
