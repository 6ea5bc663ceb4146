# What a person reads: route protocols, tables and scopes and address flags come out as the
# names `ip` prints (kernel, main, link, permanent ...), not as the kernel's numbers, and still
# filter by either. iproute2's JSON (which prints names) is the oracle.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # ip -j leaves out what is the default: no "table" is main, no "protocol" is boot, no
    # "scope" is global. With "table all" it names the table of every route outside main.
    function script:Get-OracleRoute([string] $Namespace, [string] $Table) {
        foreach ($route in ip -n $Namespace -4 -j route show table all | ConvertFrom-Json) {
            $fact = [pscustomobject]@{ Destination = $route.dst; Protocol = 'boot'; Table = 'main'; Scope = 'global' }
            if ($route.dst -eq 'default') { $fact.Destination = '0.0.0.0/0' }
            elseif ($route.dst -notlike '*/*') { $fact.Destination = "$($route.dst)/32" }
            if ($route.protocol) { $fact.Protocol = $route.protocol }
            if ($route.table) { $fact.Table = $route.table }
            if ($route.scope) { $fact.Scope = $route.scope }
            if ($fact.Table -eq $Table) { $fact }
        }
    }

    # ip -j addr shows each IFA_F_* flag as a boolean named the way `ip addr` prints it, and
    # shows "dynamic" where the permanent bit is missing.
    $script:OracleFlagNames = @{
        secondary = 'Secondary'; temporary = 'Secondary'; nodad = 'NoDad'; optimistic = 'Optimistic'
        dadfailed = 'DadFailed'; home = 'Home'; deprecated = 'Deprecated'; tentative = 'Tentative'
        mngtmpaddr = 'MngTmpAddr'; noprefixroute = 'NoPrefixRoute'; autojoin = 'AutoJoin'
        'stable-privacy' = 'StablePrivacy'
    }
    function script:Get-OracleAddressFlag($AddressInfo) {
        $names = foreach ($property in $AddressInfo.PSObject.Properties) {
            if ($property.Value -eq $true -and $OracleFlagNames.ContainsKey($property.Name)) { $OracleFlagNames[$property.Name] }
        }
        if (-not $AddressInfo.dynamic) { 'Permanent' }
        $names
    }
}

Describe 'Route protocol, table and scope by name' {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture
        $ns = $Fixture.Namespace
        $Fixture | New-VethPair na nb -Up | Out-Null
        ip -n $ns addr add 10.31.0.1/24 dev na
        ip -n $ns route add 10.32.0.0/24 via 10.31.0.9 proto static
        ip -n $ns route add 10.33.0.0/24 via 10.31.0.9 proto 73
        ip -n $ns route add 10.34.0.0/24 via 10.31.0.9
        ip -n $ns route add 10.35.0.0/24 dev na table 100
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'names every route of table <Table> as ip -j route does' -ForEach @(
        @{ Table = 'main'; Number = 254 }, @{ Table = 'local'; Number = 255 }, @{ Table = '100'; Number = 100 }
    ) {
        $ours = @(Get-OnlinkRoute -All -Table $Number -NetNamespace $Fixture.Namespace | Where-Object { $_.Destination.BaseAddress.AddressFamily -eq 'InterNetwork' })
        $oracle = @(Get-OracleRoute $Fixture.Namespace $Table)
        $ours.Count | Should -Be $oracle.Count
        foreach ($expected in $oracle) {
            $route = $ours | Where-Object { $_.Destination.ToString() -eq $expected.Destination }
            $route | Should -HaveCount 1 -Because $expected.Destination
            "$($route.Table)" | Should -Be $expected.Table -Because "the table of $($expected.Destination)"
            "$($route.Scope)" | Should -Be $expected.Scope -Because "the scope of $($expected.Destination)"
            # iproute2 has no name for 73, IpipTools' own protocol: it prints the number.
            $protocol = if ($expected.Protocol -eq '73') { 'IpipTools' } else { $expected.Protocol }
            "$($route.Protocol)" | Should -Be $protocol -Because "the protocol of $($expected.Destination)"
        }
    }

    It 'keeps the numbers: [byte] Protocol, [uint] Table, [byte] Scope' {
        $route = Get-OnlinkRoute -All -Destination 10.33.0.0/24 -NetNamespace $Fixture.Namespace
        [byte] $route.Protocol | Should -Be 73
        [uint] $route.Table | Should -Be 254
        [byte] $route.Scope | Should -Be 0
        [uint] (Get-OnlinkRoute -All -Table 100 -NetNamespace $Fixture.Namespace).Table | Should -Be 100
    }

    It 'filters with Where-Object by name or by number' {
        $all = Get-OnlinkRoute -All -NetNamespace $Fixture.Namespace
        ($all | Where-Object Protocol -eq 'static').Destination.ToString() | Should -Be '10.32.0.0/24'
        ($all | Where-Object Protocol -eq 'ipiptools').Destination.ToString() | Should -Be '10.33.0.0/24'
        ($all | Where-Object Protocol -eq 'boot').Destination.ToString() | Should -Be '10.34.0.0/24'
        ($all | Where-Object Protocol -eq 4).Destination.ToString() | Should -Be '10.32.0.0/24'
        ($all | Where-Object Scope -eq 'link').Destination.ToString() | Should -Be '10.31.0.0/24'
        @($all | Where-Object Table -eq 'main').Count | Should -Be $all.Count
        (Get-OnlinkRoute -All -Table 100 -NetNamespace $Fixture.Namespace | Where-Object Table -eq 100).Destination.ToString() | Should -Be '10.35.0.0/24'
    }

    It 'prints names in the default table view' {
        $view = Get-OnlinkRoute -All -NetNamespace $Fixture.Namespace | Out-String
        $line = ($view -split "`n") | Where-Object { $_ -like '10.32.0.0/24 *' }
        $line | Should -Match '\bStatic\b'
        ($view -split "`n") | Where-Object { $_ -like '10.31.0.0/24 *' } | Should -Match '\bKernel\b'
        ($view -split "`n") | Where-Object { $_ -like '10.33.0.0/24 *' } | Should -Match '\bIpipTools\b'
    }

    It 'prints what ip route prints from ToString() for <Selector>' -ForEach @(
        @{ Selector = '10.31.0.0/24' }, @{ Selector = '10.32.0.0/24' }, @{ Selector = '10.33.0.0/24' }, @{ Selector = '10.31.0.1' }
    ) {
        # "table all" makes ip print the table of every route that is not in main.
        $expected = (ip -n $Fixture.Namespace route show table all $Selector | Select-Object -First 1).Trim()
        $route = foreach ($table in 254, 255) {
            Get-OnlinkRoute -All -Table $table -NetNamespace $Fixture.Namespace | Where-Object { $_.Destination.ToString() -in $Selector, "$Selector/32" }
        }
        # iproute2 has no name for 73 and prints the number; so does the text (tables show IpipTools).
        $route.ToString() | Should -Be $expected
        $route.ToString() | Should -Not -Match 'proto (?!73\b)\d|table \d|scope \d'
    }
}

Describe 'Address flags and scope by name' {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture
        $ns = $Fixture.Namespace
        $Fixture | New-VethPair fa fb -Up | Out-Null
        ip -n $ns addr add 10.36.0.1/24 dev fa
        ip -n $ns addr add 10.36.0.2/24 dev fa
        ip -n $ns addr add 10.37.0.1/24 dev fa noprefixroute
        ip -n $ns -6 addr add 2001:db8:36::1/64 dev fa nodad
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'names every flag and scope as ip -j addr does' {
        $oracle = (ip -n $Fixture.Namespace -j addr show dev fa | ConvertFrom-Json).addr_info
        $ours = @(Get-TunnelPeerAddress -InterfaceName fa -NetNamespace $Fixture.Namespace)
        $ours.Count | Should -Be $oracle.Count
        foreach ($expected in $oracle) {
            $address = $ours | Where-Object { $_.Address.ToString() -eq $expected.local }
            $address | Should -HaveCount 1 -Because $expected.local
            "$($address.Scope)" | Should -Be $expected.scope -Because "the scope of $($expected.local)"
            @($address.Flags.ToString() -split ', ' | Sort-Object) |
                Should -Be @(Get-OracleAddressFlag $expected | Sort-Object) -Because "the flags of $($expected.local)"
        }
    }

    It 'has the secondary, noprefixroute and nodad addresses the test set out to make' {
        $ours = Get-TunnelPeerAddress -InterfaceName fa -NetNamespace $Fixture.Namespace
        ($ours | Where-Object { $_.Flags.HasFlag([IpipTools.Core.Rtnl.Addresses.AddressFlags]::Secondary) }).Address.ToString() | Should -Be '10.36.0.2'
        ($ours | Where-Object { $_.Flags -band 0x200 }).Address.ToString() | Should -Be '10.37.0.1'
        ($ours | Where-Object Flags -match 'NoDad').Address.ToString() | Should -Be '2001:db8:36::1'
        [uint] ($ours | Where-Object { $_.Address.ToString() -eq '10.36.0.2' }).Flags | Should -Be 0x81
    }

    It 'prints names in the default list view' {
        $view = Get-TunnelPeerAddress -InterfaceName fa -NetNamespace $Fixture.Namespace |
            Where-Object { $_.Address.ToString() -eq '10.36.0.2' } | Format-List | Out-String
        $view | Should -Match 'Flags\s+:\s+Secondary, Permanent'
        $view | Should -Match 'Scope\s+:\s+Global'
    }
}
