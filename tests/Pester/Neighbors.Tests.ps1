# Add-, Get-, Set- and Remove-IpNeighbor (ARP and NDP entries) and the bridge FDB cmdlets,
# with `ip -j neigh` and `bridge -j fdb` as the oracles both ways, and traffic: permanent
# entries carry ping between two namespaces whose peer answers no ARP, and a vxlan without a
# remote of its own carries ping only through the flood entries Add-BridgeFdbEntry adds.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    function script:Get-OracleNeighbor([string] $Namespace, [string] $Address) {
        Get-IpJson $Namespace neigh show nud all | Where-Object dst -eq $Address
    }

    function script:Get-OracleFdb([string] $Namespace, [string] $Device) {
        $text = bridge -n $Namespace -j fdb show dev $Device
        if ($LASTEXITCODE -ne 0) { throw "bridge -n $Namespace -j fdb show dev $Device failed" }
        "$text" | ConvertFrom-Json
    }
}

Describe 'Neighbour entries against ip neigh' {
    BeforeEach {
        $script:Fixture = New-VethLab n0 n1
        $script:Ns = $Fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds <Case>' -ForEach @(
        @{ Case = 'a permanent ARP entry'; Arguments = @{ Address = '10.60.0.2'; LinkLayerAddress = '02:00:00:00:00:02' }
            Expected = @{ lladdr = '02:00:00:00:00:02'; state = 'PERMANENT' }; Object = @{ State = 'Permanent'; Family = 'IPv4' } }
        @{ Case = 'a stale entry, hex with dashes'; Arguments = @{ Address = '10.60.0.3'; LinkLayerAddress = '02-00-00-00-00-03'; State = 'Stale' }
            Expected = @{ lladdr = '02:00:00:00:00:03'; state = 'STALE' }; Object = @{ State = 'Stale'; LinkLayerAddress = '02:00:00:00:00:03' } }
        @{ Case = 'a noarp entry'; Arguments = @{ Address = '10.60.0.4'; LinkLayerAddress = '02:00:00:00:00:04'; State = 'NoArp' }
            Expected = @{ state = 'NOARP' }; Object = @{ State = 'NoArp' } }
        @{ Case = 'an IPv6 router entry'; Arguments = @{ Address = '2001:db8:60::2'; LinkLayerAddress = '02:00:00:00:00:05'; Router = $true }
            Expected = @{ lladdr = '02:00:00:00:00:05'; state = 'PERMANENT'; router = '' }; Object = @{ IsRouter = $true; Family = 'IPv6' } }
    ) {
        $entry = Add-IpNeighbor @Arguments -InterfaceName n0 -NetNamespace $Ns
        $entry | Should -HaveCount 1
        $entry.Namespace | Should -Be $Ns
        $oracle = @(Get-OracleNeighbor $Ns $Arguments.Address)
        $oracle | Should -HaveCount 1
        $oracle[0].dev | Should -Be 'n0'
        foreach ($key in $Expected.Keys) {
            if ($key -eq 'router') { $oracle[0].PSObject.Properties.Name | Should -Contain 'router'; continue }
            "$($oracle[0].$key)" | Should -Be $Expected[$key] -Because "ip's $key"
        }
        foreach ($key in $Object.Keys) {
            "$($entry.$key)" | Should -Be "$($Object[$key])" -Because "the entry written out says its $key"
        }
        "$(Get-IpNeighbor n0 -Address $Arguments.Address -NetNamespace $Ns)" | Should -Be "$entry"
    }

    It 'adds and lists a proxy entry apart from the others' {
        $proxy = Add-IpNeighbor 10.60.0.9 -InterfaceName n0 -Proxy -NetNamespace $Ns
        $proxy.Proxy | Should -BeTrue
        (Get-IpJson $Ns neigh show proxy).dst | Should -Be '10.60.0.9'
        @(Get-IpNeighbor -Proxy -NetNamespace $Ns | ForEach-Object { "$($_.Address)" }) | Should -Be @('10.60.0.9')
        @(Get-IpNeighbor -Address 10.60.0.9 -NetNamespace $Ns) | Should -BeNullOrEmpty -Because 'proxy entries are listed with -Proxy only'
        $proxy | Remove-IpNeighbor -Confirm:$false
        Get-IpJson $Ns neigh show proxy | Should -BeNullOrEmpty
    }

    It 'reads what ip neigh adds, each state and address' {
        ip -n $Ns neigh add 10.60.1.2 lladdr 02:00:00:00:01:02 dev n0 nud permanent
        ip -n $Ns neigh add 10.60.1.3 lladdr 02:00:00:00:01:03 dev n0 nud stale
        ip -n $Ns -6 neigh add 2001:db8:61::3 lladdr 02:00:00:00:01:04 dev n1 nud reachable router
        # ip first: the kernel adds multicast entries of its own as the veth comes up, never fewer.
        $oracles = Get-IpJson $Ns neigh show nud all
        $all = Get-IpNeighbor -NetNamespace $Ns
        foreach ($oracle in $oracles) {
            $read = @($all | Where-Object { "$($_.Address)" -eq $oracle.dst -and $_.Device -eq $oracle.dev })
            $read | Should -HaveCount 1 -Because "ip lists $($oracle.dst) on $($oracle.dev)"
            "$($read[0].LinkLayerAddress)" | Should -Be "$($oracle.lladdr)"
            $read[0].State.ToString().ToUpperInvariant() -replace ', ', ' ' | Should -Be ($oracle.state -join ' ')
        }
        @(Get-IpNeighbor n0 -State Stale -NetNamespace $Ns | ForEach-Object { "$($_.Address)" }) | Should -Be @('10.60.1.3')
        (Get-IpNeighbor n1 -Family IPv6 -Address 2001:db8:61::3 -NetNamespace $Ns).IsRouter | Should -BeTrue
    }

    It 'changes an entry with Set-IpNeighbor, and refuses to change one that is not there' {
        Add-IpNeighbor 10.60.2.2 02:00:00:00:02:02 -InterfaceName n0 -State Stale -NetNamespace $Ns | Out-Null
        $changed = Set-IpNeighbor 10.60.2.2 02:00:00:00:02:99 -InterfaceName n0 -NetNamespace $Ns -PassThru
        "$($changed.LinkLayerAddress)", "$($changed.State)" | Should -Be '02:00:00:00:02:99', 'Permanent'
        $oracle = Get-OracleNeighbor $Ns 10.60.2.2
        "$($oracle.lladdr)", "$($oracle.state)" | Should -Be '02:00:00:00:02:99', 'PERMANENT'
        Set-IpNeighbor 10.60.2.3 02:00:00:00:02:03 -InterfaceName n0 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NeighborNotFound,*'
        Get-OracleNeighbor $Ns 10.60.2.3 | Should -BeNullOrEmpty -Because 'a change makes no entry'
    }

    It 'removes exactly the entries piped from Get-IpNeighbor' {
        '10.60.3.2', '10.60.3.3' | Add-IpNeighbor -LinkLayerAddress 02:00:00:00:03:02 -InterfaceName n0 -NetNamespace $Ns | Out-Null
        Add-IpNeighbor 10.60.3.4 02:00:00:00:03:04 -InterfaceName n0 -State Stale -NetNamespace $Ns | Out-Null
        Get-IpNeighbor n0 -State Permanent -NetNamespace $Ns | Remove-IpNeighbor -Confirm:$false
        Get-OracleNeighbor $Ns 10.60.3.2 | Should -BeNullOrEmpty
        Get-OracleNeighbor $Ns 10.60.3.3 | Should -BeNullOrEmpty
        Get-OracleNeighbor $Ns 10.60.3.4 | Should -Not -BeNullOrEmpty
        Remove-IpNeighbor 10.60.3.4 -InterfaceName n0 -Confirm:$false -NetNamespace $Ns
        Get-OracleNeighbor $Ns 10.60.3.4 | Should -BeNullOrEmpty
    }

    It 'refuses a link-layer address of the wrong length, naming the device''s, and adds nothing' {
        Add-IpNeighbor 10.60.4.2 192.0.2.2 -InterfaceName n0 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NeighborLinkLayerAddressLength,*'
        $failure[0].Exception.Message | Should -Match '4 bytes long, and n0''s link-layer addresses are 6'
        Get-OracleNeighbor $Ns 10.60.4.2 | Should -BeNullOrEmpty
    }
}

Describe 'Neighbour entries proven by traffic' {
    BeforeAll {
        # A and B joined by a veth; B's end answers no ARP (and B resolves no address on it),
        # so nothing crosses until each side holds a permanent entry for the other.
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
        $A | New-VethPair pa pb -PeerNamespace $B.Namespace -Up | Out-Null
        Add-IpAddress 10.61.0.1/24 -InterfaceName pa -NetNamespace $A.Namespace | Out-Null
        Add-IpAddress 10.61.0.2/24 -InterfaceName pb -NetNamespace $B.Namespace | Out-Null
        ip -n $B.Namespace link set pb arp off
        $script:MacA = (Get-NetLink pa -NetNamespace $A.Namespace).HardwareAddress
        $script:MacB = (Get-NetLink pb -NetNamespace $B.Namespace).HardwareAddress
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'carries ping only once both sides hold permanent entries, and stops when one points elsewhere' {
        Test-Ping $A.Namespace 10.61.0.2 | Should -BeFalse -Because 'B answers no ARP request'
        # A's unanswered request left an entry (FAILED) that an add would collide with.
        Get-IpNeighbor pa -Address 10.61.0.2 -NetNamespace $A.Namespace | Remove-IpNeighbor -Confirm:$false
        Add-IpNeighbor 10.61.0.2 $MacB -InterfaceName pa -NetNamespace $A.Namespace | Out-Null
        Add-IpNeighbor 10.61.0.1 $MacA -InterfaceName pb -NetNamespace $B.Namespace | Out-Null
        Test-Ping $A.Namespace 10.61.0.2 | Should -BeTrue -Because 'each side sends to the MAC address its entry gives'
        (Get-IpJson $A.Namespace neigh show dev pa | Where-Object dst -eq 10.61.0.2).state | Should -Be 'PERMANENT' -Because 'a permanent entry is never probed'
        Set-IpNeighbor 10.61.0.2 02:00:00:00:00:99 -InterfaceName pa -NetNamespace $A.Namespace
        Test-Ping $A.Namespace 10.61.0.2 | Should -BeFalse -Because 'frames to a MAC address pb does not have are not taken in'
    }
}

Describe 'Bridge FDB entries against bridge fdb, and by traffic across a vxlan' {
    BeforeAll {
        # A and B joined by a veth (the underlay); each has a vxlan with VNI 42, no remote and
        # no group: it floods only to the remotes its all-zeros FDB entries name.
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
        $A | New-VethPair ua ub -PeerNamespace $B.Namespace -Up | Out-Null
        Add-IpAddress 192.0.2.1/24 -InterfaceName ua -NetNamespace $A.Namespace | Out-Null
        Add-IpAddress 192.0.2.2/24 -InterfaceName ub -NetNamespace $B.Namespace | Out-Null
        foreach ($side in @{ Ns = $A.Namespace; Local = '192.0.2.1'; Dev = 'ua'; Overlay = '10.62.0.1/24' }, @{ Ns = $B.Namespace; Local = '192.0.2.2'; Dev = 'ub'; Overlay = '10.62.0.2/24' }) {
            ip -n $side.Ns link add vx0 type vxlan id 42 dstport 4789 local $side.Local dev $side.Dev nolearning
            ip -n $side.Ns link set vx0 up
            Add-IpAddress $side.Overlay -InterfaceName vx0 -NetNamespace $side.Ns | Out-Null
        }
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'carries ping across the vxlan only once each side floods to the other' {
        Test-Ping $A.Namespace 10.62.0.2 | Should -BeFalse -Because 'a vxlan without remotes sends nothing'
        $a = Add-BridgeFdbEntry 00:00:00:00:00:00 -InterfaceName vx0 -Destination 192.0.2.2 -NetNamespace $A.Namespace
        Add-BridgeFdbEntry 00:00:00:00:00:00 -InterfaceName vx0 -Destination 192.0.2.1 -NetNamespace $B.Namespace | Out-Null
        "$($a.Destination)", $a.Self, "$($a.State)" | Should -Be '192.0.2.2', $true, 'Permanent'
        $oracle = @(Get-OracleFdb $A.Namespace vx0 | Where-Object dst -eq 192.0.2.2)
        $oracle | Should -HaveCount 1
        $oracle[0].mac, $oracle[0].state, ($oracle[0].flags -join ',') | Should -Be '00:00:00:00:00:00', 'permanent', 'self'
        Test-Ping $A.Namespace 10.62.0.2 | Should -BeTrue -Because 'ARP and ping are flooded to the remote each entry names'
    }

    It 'appends a second remote, reads both as bridge fdb does, and removes one remote only' {
        Add-BridgeFdbEntry 00:00:00:00:00:00 -InterfaceName vx0 -Destination 192.0.2.9 -NetNamespace $A.Namespace -ErrorVariable exists -ErrorAction SilentlyContinue | Out-Null
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'FdbEntryExists,*' -Because 'a second remote for one MAC needs -Append'
        Add-BridgeFdbEntry 00:00:00:00:00:00 -InterfaceName vx0 -Destination 192.0.2.9 -Vni 43 -Append -NetNamespace $A.Namespace | Out-Null
        $read = @(Get-BridgeFdbEntry vx0 -MacAddress 00:00:00:00:00:00 -NetNamespace $A.Namespace)
        $oracle = @(Get-OracleFdb $A.Namespace vx0 | Where-Object mac -eq 00:00:00:00:00:00)
        @($read | ForEach-Object { "$($_.Destination)" } | Sort-Object) | Should -Be @($oracle.dst | Sort-Object)
        ($read | Where-Object { "$($_.Destination)" -eq '192.0.2.9' }).Vni | Should -Be 43
        # Piped whole: its VNI (43) names the remote as much as its address does.
        $read | Where-Object { "$($_.Destination)" -eq '192.0.2.9' } | Remove-BridgeFdbEntry -Confirm:$false
        @(Get-OracleFdb $A.Namespace vx0 | Where-Object mac -eq 00:00:00:00:00:00).dst | Should -Be @('192.0.2.2')
        Test-Ping $A.Namespace 10.62.0.2 | Should -BeTrue -Because 'the remote that stayed still floods'
    }

    It 'adds a static entry behind a bridge port (master), and removes what Get-BridgeFdbEntry lists' {
        New-NetBridge br0 -Up -NetNamespace $B.Namespace | Out-Null
        $B | New-VethPair pv pw -Up | Out-Null
        Set-NetLink pv -Master br0 -NetNamespace $B.Namespace | Out-Null
        $entry = Add-BridgeFdbEntry 02:00:00:00:00:42 -InterfaceName pv -Master -State Static -NetNamespace $B.Namespace
        $entry.Master, $entry.Bridge, "$($entry.State)" | Should -Be $true, 'br0', 'Static'
        $oracle = @(Get-OracleFdb $B.Namespace pv | Where-Object mac -eq 02:00:00:00:00:42)
        $oracle | Should -HaveCount 1
        $oracle[0].master, $oracle[0].state | Should -Be 'br0', 'static'
        @(Get-BridgeFdbEntry -Bridge br0 -MacAddress 02:00:00:00:00:42 -NetNamespace $B.Namespace) | Should -HaveCount 1
        Get-BridgeFdbEntry pv -MacAddress 02:00:00:00:00:42 -NetNamespace $B.Namespace | Remove-BridgeFdbEntry -Confirm:$false
        Get-OracleFdb $B.Namespace pv | Where-Object mac -eq 02:00:00:00:00:42 | Should -BeNullOrEmpty
    }

    It 'refuses a MAC address that is not six bytes and a VNI over 24 bits, adding nothing' {
        # Five bytes in plain hex: PowerShell reads it (colons it reads only in sixes), IpipTools refuses it.
        Add-BridgeFdbEntry 0000000000 -InterfaceName vx0 -Destination 192.0.2.7 -NetNamespace $A.Namespace -ErrorVariable mac -ErrorAction SilentlyContinue | Out-Null
        $mac[0].FullyQualifiedErrorId | Should -BeLike 'FdbMacAddressInvalid,*'
        Add-BridgeFdbEntry 02:00:00:00:00:07 -InterfaceName vx0 -Destination 192.0.2.7 -Vni 16777216 -NetNamespace $A.Namespace -ErrorVariable vni -ErrorAction SilentlyContinue | Out-Null
        $vni[0].FullyQualifiedErrorId | Should -BeLike 'FdbVniOutOfRange,*'
        Get-OracleFdb $A.Namespace vx0 | Where-Object dst -eq 192.0.2.7 | Should -BeNullOrEmpty
    }
}

# Needs the gre driver: runs in the qemu guest (tag Tunnel), never on this host.
Describe 'NBMA gre: each peer reached at the underlay address its neighbour entry gives' -Tag Tunnel {
    BeforeAll {
        # S1's lab without its tunnels: Left 10.10.10.2 and Right 10.10.20.2 behind a router.
        $script:Lab = New-IpipLabFixture tnb
    }

    AfterAll {
        $Lab | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'carries ping over gre tunnels without a remote once each side names the other''s underlay address' {
        New-IpTunnel nb0 -Mode gre -Local 10.10.10.2 -Key 7 -Up -NetNamespace $Lab.Left | Out-Null
        New-IpTunnel nb0 -Mode gre -Local 10.10.20.2 -Key 7 -Up -NetNamespace $Lab.Right | Out-Null
        Add-IpAddress 10.72.0.1/24 -InterfaceName nb0 -NetNamespace $Lab.Left | Out-Null
        Add-IpAddress 10.72.0.2/24 -InterfaceName nb0 -NetNamespace $Lab.Right | Out-Null
        Test-Ping $Lab.Left 10.72.0.2 | Should -BeFalse -Because 'a gre tunnel without a remote knows no peer until a neighbour entry names one'
        # The attempt left the kernel's own entry (NOARP, pointing at the tunnel's own address), which an add would collide with.
        Get-IpNeighbor nb0 -Address 10.72.0.2 -NetNamespace $Lab.Left | Remove-IpNeighbor -Confirm:$false

        $entry = Add-IpNeighbor 10.72.0.2 10.10.20.2 -InterfaceName nb0 -NetNamespace $Lab.Left
        Add-IpNeighbor 10.72.0.1 10.10.10.2 -InterfaceName nb0 -NetNamespace $Lab.Right | Out-Null
        $entry.LinkLayerAddress | Should -Be '10.10.20.2'
        $oracle = Get-IpJson $Lab.Left neigh show dev nb0 | Where-Object dst -eq 10.72.0.2
        "$($oracle.lladdr)", "$($oracle.state)" | Should -Be '10.10.20.2', 'PERMANENT'
        Test-Ping $Lab.Left 10.72.0.2 | Should -BeTrue -Because 'each side sends its gre packets to the underlay address its entry gives'

        Add-IpNeighbor 10.72.0.3 02:00:00:00:00:03 -InterfaceName nb0 -NetNamespace $Lab.Left -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NeighborLinkLayerAddressLength,*' -Because 'nb0''s link-layer addresses are IPv4 addresses, four bytes'
    }
}
