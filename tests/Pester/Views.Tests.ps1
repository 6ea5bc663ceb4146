# What links, addresses and routes look like: the default views as a user sees them
# (Out-String -Width 120, and 80 for routes), and the properties behind them, with
# ip -d -j as the oracle. The same views apply to the deserialized objects
# Invoke-NetNamespaceCommand -ScriptBlock returns.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # The lines of $Text that start with $Start (after blanks), for asserting one row of a table.
    function script:Get-Row([string] $Text, [string] $Start) {
        $Text -split "`n" | Where-Object { $_.TrimStart().StartsWith("$Start ") }
    }
}

Describe 'The views of links, addresses and routes' {
    BeforeAll {
        # A: a veth pair whose peer is in B, a pair beside each other with one end a port of
        # br0, a plain and a point-to-point address, a route via a gateway, a blackhole in
        # table 100; made with ip, so that what is shown is what the kernel holds.
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
        $script:Ns = $A.Namespace
        ip -n $Ns link add xa type veth peer name xb netns $B.Namespace
        ip -n $Ns link add pa type veth peer name pb
        ip -n $Ns link add br0 type bridge
        ip -n $Ns link set pa master br0
        ip -n $Ns link set xa up
        ip -n $Ns link set pa up
        ip -n $Ns addr add 10.10.10.2/24 dev xa
        ip -n $Ns addr add 10.10.100.10 peer 10.10.200.10 dev pa
        ip -n $Ns route add 10.99.0.0/16 via 10.10.10.1 proto static
        ip -n $Ns route add blackhole 10.98.0.0/16 table 100
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'shows addresses as ip -br addr does: the interface, ADDRESS/LENGTH, and a peer with its length' {
        $text = Get-IpAddress -NetNamespace $Ns | Out-String -Width 120
        $text | Should -Match "Namespace: $Ns"
        $header = Get-Row $text 'Interface' | Select-Object -First 1
        $header | Should -Match '^Interface +Address +Peer +Scope +Protocol'
        $plain = Get-IpJsonAddress $Ns xa
        Get-Row $text 'xa' | Where-Object { $_ -match '\d+\.\d+' } | Should -Match "^xa +$([regex]::Escape("$($plain.local)/$($plain.prefixlen)")) +Global"
        $peer = Get-IpJsonAddress $Ns pa
        Get-Row $text 'pa' | Where-Object { $_ -match '\d+\.\d+' } |
            Should -Match "^pa +$([regex]::Escape($peer.local)) +$([regex]::Escape("$($peer.address)/$($peer.prefixlen)")) +Global"
        $text | Should -Not -Match '(?m)^Name\b' -Because 'an address has an interface, not a name'
    }

    It 'names an address''s interface InterfaceName, which binds Remove-IpAddress' {
        ip -n $Ns addr add 10.10.11.2/24 dev xa
        $address = Get-IpAddress xa -NetNamespace $Ns | Where-Object { "$($_.Address)" -eq '10.10.11.2' }
        $address.InterfaceName | Should -Be 'xa'
        $address.PSObject.Properties['Name'] | Should -BeNullOrEmpty
        $address | Remove-IpAddress -Confirm:$false
        (Get-IpJsonAddress $Ns xa).local | Should -Be @('10.10.10.2')
    }

    It 'shows a veth end''s peer and where it is, from New-VethPair and Get-VethPair alike' {
        $C = New-NetNamespaceFixture
        try {
            $made = New-VethPair na nb -PeerNamespace $B.Namespace -NetNamespace $C.Namespace
            $made.PeerName | Should -Be 'nb'
            $made.PeerNamespace | Should -Be $B.Namespace
            $made.KindParameters.PeerIndex | Should -Be (Get-IpLink $B.Namespace nb).ifindex
            $made.LinkedIndex | Should -Be (Get-IpLink $C.Namespace na).link_index
            Get-Row ($made | Out-String -Width 120) 'na' | Should -Match "^na +Down +nb +$([regex]::Escape($B.Namespace))"
        }
        finally {
            $C | Remove-NetNamespaceFixture -Confirm:$false
        }

        $text = Get-VethPair -NetNamespace $Ns | Out-String -Width 120
        Get-Row $text 'Name' | Select-Object -First 1 | Should -Match '^Name +State +Peer +PeerNamespace +Mtu +Master'
        Get-Row $text 'xa' | Should -Match "^xa +\w+ +xb +$([regex]::Escape($B.Namespace)) "
        # Beside each other, ip names the peer by name ("link"); the master is ip's too.
        $port = Get-IpLink $Ns pa
        Get-Row $text 'pa' | Should -Match "^pa +\w+ +$($port.link) +$([regex]::Escape($Ns)) +\d+ +$($port.master) "
        (Get-VethPair pa -NetNamespace $Ns).Master | Should -Be $port.master
    }

    It 'names the device type as ip does, and the master of a port' {
        foreach ($link in Get-NetLink -NetNamespace $Ns) {
            $oracle = Get-IpLink $Ns $link.Name
            "$($link.DeviceType)".ToLowerInvariant() | Should -Be $oracle.link_type -Because "$($link.Name) is link/$($oracle.link_type) to ip"
            $link.Master | Should -Be $oracle.master
        }

        $list = Get-NetLink xa -NetNamespace $Ns | Format-List | Out-String -Width 120
        $list | Should -Match 'DeviceType +: Ether'
        $list | Should -Match 'PeerName +: xb'
        $list | Should -Not -Match 'ParentNamespaceId|MasterIndex'
        (Set-NetLink pa -NoMaster -PassThru -NetNamespace $Ns).Master | Should -BeNullOrEmpty
        (Set-NetLink pa -Master br0 -PassThru -NetNamespace $Ns).Master | Should -Be 'br0'
    }

    It 'shows routes with source, scope, protocol and metric, and type and table only when they say something' {
        $text = Get-IpRoute -NetNamespace $Ns | Out-String -Width 120
        $text | Should -Match "Namespace: $Ns"
        Get-Row $text 'Destination' | Select-Object -First 1 | Should -Match '^Destination +Gateway +Device +Source +Scope +Protocol +Metric +Table +Flags'
        $text | Should -Not -Match 'Unicast|False' -Because 'a unicast route that is not onlink has nothing to say there'
        # xa's peer is down: ip flags the route linkdown, and so does the view.
        $connected = Get-IpJson $Ns -4 route show 10.10.10.0/24
        $connected.flags | Should -Be @('linkdown')
        Get-Row $text '10.10.10.0/24' |
            Should -Match "^10\.10\.10\.0/24 +$($connected.dev) +$([regex]::Escape($connected.prefsrc)) +$($connected.scope) +$($connected.protocol) +0 +LinkDown *$"
        Get-Row $text '10.99.0.0/16' | Should -Match '^10\.99\.0\.0/16 +10\.10\.10\.1 +xa +Global +Static +0 +LinkDown *$'

        $all = Get-IpRoute -Table all -NetNamespace $Ns | Out-String -Width 120
        Get-Row $all '10.98.0.0/16' | Should -Match '^10\.98\.0\.0/16 +Global +Boot +0 +100 +Blackhole *$'
        Get-Row $all '10.10.10.2/32' | Should -Match ' Host +Kernel +0 +Local +Local *$'
    }

    It 'names the namespace once above the table at 80 columns, where it wrapped in a column of its own' {
        $lines = @((Get-IpRoute -NetNamespace $Ns | Out-String -Width 80) -split "`n" | Where-Object { $_.Trim() })
        @($lines | Where-Object { $_ -match 'Namespace' }) | Should -Be @("   Namespace: $Ns")
        $lines[1] | Should -Match '^Destination +Gateway +Device +Source +Scope +Protocol +Metric'
    }

    It 'lists every table with -Table all or 0, as ip route show table all does, and one table by name' {
        $expected = @(foreach ($family in '-4', '-6') { Get-IpJson $Ns $family route show table all | ForEach-Object { "$($_.dst) $($_.table ?? 'main')" } }) | Sort-Object
        foreach ($table in 'all', 'ALL', 0) {
            # ip leaves a host route's length unsaid (10.10.10.2, not 10.10.10.2/32).
            @(Get-IpRoute -Table $table -NetNamespace $Ns | ForEach-Object {
                $whole = if ($_.Destination.BaseAddress.AddressFamily -eq 'InterNetwork') { 32 } else { 128 }
                "$(if ($_.Destination.PrefixLength -eq $whole) { $_.Destination.BaseAddress } else { $_.Destination }) $("$($_.Table)".ToLowerInvariant())"
            } | Sort-Object) |
                Should -Be $expected -Because "-Table $table"
        }

        @(Get-IpRoute -Table local -NetNamespace $Ns).Count | Should -Be (@(Get-IpJson $Ns -4 route show table local).Count + @(Get-IpJson $Ns -6 route show table local).Count)
        (Get-IpRoute -Table 100 -NetNamespace $Ns).Type | Should -Be 'Blackhole'
        { Add-IpRoute 10.97.0.0/16 -Type Blackhole -Table all -NetNamespace $Ns -ErrorAction Stop } | Should -Throw -Because '"all" names no table a route can go into'
    }

    It 'shows <Kind> returned from Invoke-NetNamespaceCommand -ScriptBlock in the same table' -ForEach @(
        @{ Kind = 'routes'; Command = 'Get-IpRoute'; Header = '^Destination +Gateway +Device +Source +Scope' }
        @{ Kind = 'addresses'; Command = 'Get-IpAddress'; Header = '^Interface +Address +Peer +Scope' }
        @{ Kind = 'links'; Command = 'Get-NetLink'; Header = '^Name +State +HardwareAddress +Kind +Mtu +Master' }
        @{ Kind = 'veth ends'; Command = 'Get-VethPair'; Header = '^Name +State +Peer +PeerNamespace' }
    ) {
        $returned = @(Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock ([scriptblock]::Create($Command)))
        $returned[0].pstypenames[0] | Should -BeLike 'Deserialized.IpipTools.*'
        $text = $returned | Out-String -Width 120
        $text | Should -Match "Namespace: $Ns"
        ($text -split "`n" | Where-Object { $_ -match '\S' })[1] | Should -Match $Header
        $local = & $Command -NetNamespace $Ns | Out-String -Width 120
        # The same rows as here (a remoting column aside).
        @($text -split "`n" | Where-Object { $_ -match '^(xa|pa|10\.)' } | ForEach-Object { ($_ -replace '\s+localhost\s*$').TrimEnd() }) |
            Should -Be @($local -split "`n" | Where-Object { $_ -match '^(xa|pa|10\.)' } | ForEach-Object { $_.TrimEnd() })
    }
}

# In the qemu guest, whose kernel has ipip, gre and sit: a tunnel's device type by the name ip
# gives it after "link/", and the fallback devices' too. Written to be right without running
# here (the host kernel has none of these drivers).
Describe 'The device types of tunnels' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        ip -n $Ns link add dti type ipip local 192.0.2.1 remote 192.0.2.2
        ip -n $Ns link add dtg type gre local 192.0.2.1 remote 192.0.2.3
        ip -n $Ns link add dts type sit local 192.0.2.1 remote 192.0.2.4
    }

    AfterAll {
        $Fixture | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'names <Name> link/<Expected>, as ip does' -ForEach @(
        @{ Name = 'dti'; Expected = 'ipip' }
        @{ Name = 'dtg'; Expected = 'gre' }
        @{ Name = 'dts'; Expected = 'sit' }
        @{ Name = 'tunl0'; Expected = 'ipip' }
    ) {
        (Get-IpLink $Ns $Name).link_type | Should -Be $Expected
        "$((Get-NetLink $Name -NetNamespace $Ns).DeviceType)".ToLowerInvariant() | Should -Be $Expected
        Get-NetLink $Name -NetNamespace $Ns | Format-List | Out-String | Should -Match "DeviceType +: $Expected"
    }
}
