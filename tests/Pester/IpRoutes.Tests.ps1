# Add-IpRoute, Get-IpRoute and Remove-IpRoute: any route, IPv4 and IPv6, with `ip -d -j route`
# as the oracle both ways, real traffic (a route via a gateway carries ping; an unreachable
# route answers it with an ICMP error; a blackhole drops it without a word), and pipelines.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # The route to DESTINATION as ip -d -j prints it, looked up in every table of its family.
    function script:Get-OracleRouteTo([string] $Namespace, [string] $Destination) {
        $family = if ($Destination.Contains(':')) { '6' } else { '4' }
        Get-IpJsonRoute $Namespace -Table all -Family $family | Where-Object dst -eq (ConvertTo-IpDestination $Destination)
    }

    # A prefix as ip prints it: "default" for /0, an address alone for a host route.
    function script:ConvertTo-IpDestination([string] $Prefix) {
        if ($Prefix -match '/0$') { 'default' } else { $Prefix -replace '/(32|128)$', '' }
    }
}

Describe 'Add-IpRoute writes what ip route reads' {
    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        $Fixture | New-VethPair r0 r1 -Up | Out-Null
        '10.70.0.1/24', '2001:db8:70::1/64' | Add-IpAddress -InterfaceName r0 -NetNamespace $Ns | Out-Null
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It '<Case>' -ForEach @(
        @{ Case = 'via a gateway, the kernel choosing the device'; Arguments = @{ Destination = '10.71.0.0/24'; Gateway = '10.70.0.2' }
            Expected = @{ gateway = '10.70.0.2'; dev = 'r0'; protocol = '73' }; Object = @{ Device = 'r0'; Type = 'Unicast'; Protocol = 'IpipTools'; Table = 'Main' } }
        @{ Case = 'out of a device, scope link'; Arguments = @{ Destination = '10.72.0.0/24'; InterfaceName = 'r0' }
            Expected = @{ dev = 'r0'; scope = 'link' }; Object = @{ Scope = 'Link'; Gateway = $null } }
        @{ Case = 'blackhole'; Arguments = @{ Destination = '10.73.0.0/24'; Type = 'Blackhole' }; Expected = @{ type = 'blackhole' }; Object = @{ Type = 'Blackhole'; Device = $null } }
        @{ Case = 'unreachable'; Arguments = @{ Destination = '10.73.1.0/24'; Type = 'Unreachable' }; Expected = @{ type = 'unreachable' }; Object = @{ Type = 'Unreachable' } }
        @{ Case = 'prohibit'; Arguments = @{ Destination = '10.73.2.0/24'; Type = 'Prohibit' }; Expected = @{ type = 'prohibit' }; Object = @{ Type = 'Prohibit' } }
        @{ Case = 'table by number, metric, protocol by name, source, mtu'
            Arguments = @{ Destination = '10.74.0.0/24'; Gateway = '10.70.0.2'; Table = 100; Metric = 50; Protocol = 'static'; Source = '10.70.0.1'; Mtu = 1400 }
            Expected = @{ table = '100'; metric = 50; protocol = 'static'; prefsrc = '10.70.0.1'; gateway = '10.70.0.2' }; Object = @{ Table = 100; Metric = 50; Protocol = 'Static'; PreferredSource = '10.70.0.1'; Mtu = 1400 } }
        @{ Case = 'table by name, protocol by number, scope host'; Arguments = @{ Destination = '10.74.1.0/24'; InterfaceName = 'r0'; Table = 'default'; Protocol = 200; Scope = 'Host' }
            Expected = @{ table = 'default'; protocol = '200'; scope = 'host' }; Object = @{ Table = 'Default'; Protocol = 200; Scope = 'Host' } }
        @{ Case = 'onlink, to a gateway no prefix covers'; Arguments = @{ Destination = '10.74.2.0/24'; Gateway = '192.0.2.1'; InterfaceName = 'r0'; OnLink = $true }
            Expected = @{ gateway = '192.0.2.1'; flags = @('onlink') }; Object = @{ OnLink = $true } }
        @{ Case = 'IPv6 via a gateway'; Arguments = @{ Destination = '2001:db8:71::/64'; Gateway = '2001:db8:70::2' }
            Expected = @{ gateway = '2001:db8:70::2'; dev = 'r0'; protocol = '73'; metric = 1024 }; Object = @{ Device = 'r0'; Metric = 1024 } }
        @{ Case = 'IPv6 unreachable, metric 7'; Arguments = @{ Destination = '2001:db8:72::/64'; Type = 'Unreachable'; Metric = 7 }
            Expected = @{ type = 'unreachable'; metric = 7 }; Object = @{ Type = 'Unreachable'; Metric = 7 } }
        @{ Case = 'IPv6 default route in table 200'; Arguments = @{ Destination = '::/0'; Gateway = '2001:db8:70::2'; Table = 200 }
            Expected = @{ gateway = '2001:db8:70::2'; table = '200' }; Object = @{ Table = 200 } }
        @{ Case = "IPv4 default route written 'default', as ip takes it, in table 201"; Arguments = @{ Destination = 'default'; Gateway = '10.70.0.2'; Table = 201 }
            Expected = @{ gateway = '10.70.0.2'; table = '201' }; Object = @{ Table = 201; Destination = '0.0.0.0/0' } }
    ) {
        $route = Add-IpRoute @Arguments -NetNamespace $Ns
        $route | Should -HaveCount 1
        $route.Namespace | Should -Be $Ns
        $dst = $Arguments.Destination
        $oracle = Get-OracleRouteTo $Ns $dst
        $oracle | Should -HaveCount 1 -Because "ip lists the route to $dst once"
        foreach ($key in $Expected.Keys) {
            "$($oracle.$key)" | Should -Be "$($Expected[$key])" -Because "ip's $key of $dst"
        }
        if ($Arguments.Mtu) { $oracle.metrics.mtu | Should -Be $Arguments.Mtu }
        foreach ($key in $Object.Keys) {
            "$($route.$key)" | Should -Be "$($Object[$key])" -Because "the route written out says its $key"
        }
        # What was written is what Get-IpRoute reads back.
        $read = Get-IpRoute -Destination $Arguments.Destination -Table $route.Table -NetNamespace $Ns
        $read | Should -HaveCount 1
        "$read" | Should -Be "$route"
    }
}

Describe 'Get-IpRoute reads what ip route writes' {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        $Fixture | New-VethPair g0 g1 -Up | Out-Null
        ip -n $Ns addr add 10.81.0.1/24 dev g0
        ip -n $Ns -6 addr add 2001:db8:81::1/64 dev g0 nodad
        ip -n $Ns route add 10.82.0.0/24 via 10.81.0.9 proto static metric 30
        ip -n $Ns route add blackhole 10.83.0.0/24 proto bird
        ip -n $Ns route add unreachable 10.84.0.0/24 table 300
        ip -n $Ns route add prohibit 10.85.0.0/24
        ip -n $Ns route add 10.86.0.0/24 dev g0 scope host src 10.81.0.1
        ip -n $Ns -6 route add 2001:db8:82::/64 via 2001:db8:81::9 metric 5 proto zebra
        ip -n $Ns -6 route add blackhole 2001:db8:83::/64
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'lists every route of table <Table> that ip lists, with the same facts' -ForEach @(
        @{ Table = 'main'; Family = '4' }, @{ Table = 'main'; Family = '6' }, @{ Table = '300'; Family = '4' }
    ) {
        $oracle = @(Get-IpJsonRoute $Ns -Table $Table -Family $Family)
        $ours = @(Get-IpRoute -Table $Table -NetNamespace $Ns | Where-Object { ($_.Destination.BaseAddress.AddressFamily -eq 'InterNetworkV6') -eq ($Family -eq '6') })
        $ours.Count | Should -Be $oracle.Count
        foreach ($expected in $oracle) {
            $route = @($ours | Where-Object { (ConvertTo-IpDestination $_.Destination) -eq $expected.dst -and ($null -eq $expected.dev -or $_.Device -eq $expected.dev) })
            $route | Should -HaveCount 1 -Because $expected.dst
            "$($route.Gateway)" | Should -Be "$($expected.gateway)"
            $type = if ($expected.type) { $expected.type } else { 'unicast' }
            "$($route.Type)" | Should -Be $type
            $protocol = if ($expected.protocol) { $expected.protocol } else { 'boot' }
            "$($route.Protocol)".ToLowerInvariant() | Should -Be $protocol
            if ($null -ne $expected.metric) { $route.Metric | Should -Be $expected.metric }
            if ($expected.prefsrc) { "$($route.PreferredSource)" | Should -Be $expected.prefsrc }
            $scope = if ($expected.scope) { $expected.scope } else { 'global' }
            "$($route.Scope)".ToLowerInvariant() | Should -Be $scope
        }
    }

    It 'narrows by protocol (in the kernel), type, destination and device' {
        (Get-IpRoute -Protocol static -NetNamespace $Ns).Destination | Should -Be ([System.Net.IPNetwork]::Parse('10.82.0.0/24'))
        (Get-IpRoute -Protocol bird -NetNamespace $Ns).Type | Should -Be 'Blackhole'
        @(Get-IpRoute -Type Blackhole -NetNamespace $Ns | ForEach-Object { "$($_.Destination)" } | Sort-Object) | Should -Be @('10.83.0.0/24', '2001:db8:83::/64')
        (Get-IpRoute -Destination 10.85.0.0/24 -NetNamespace $Ns).Type | Should -Be 'Prohibit'
        @(Get-IpRoute g0 -NetNamespace $Ns | Where-Object Device -ne 'g0') | Should -BeNullOrEmpty
    }

    It 'shows type, table and protocol by name in its table view (main and unicast unsaid), and scope in its list view' {
        $text = Get-IpRoute -Table 300 -NetNamespace $Ns | Out-String -Width 120
        $text | Should -Match 'Boot +0 +300 +Unreachable'
        $text = Get-IpRoute -Protocol static -NetNamespace $Ns | Out-String -Width 120
        $text | Should -Match '(?m)Static +30 *$'
        $text | Should -Not -Match 'Unicast|Main'
        $text = Get-IpRoute -Destination 10.86.0.0/24 -NetNamespace $Ns | Format-List | Out-String
        $text | Should -Match 'Scope +: Host'
    }
}

Describe 'Remove-IpRoute' {
    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        $Fixture | New-VethPair d0 d1 -Up | Out-Null
        ip -n $Ns addr add 10.91.0.1/24 dev d0
        ip -n $Ns -6 addr add 2001:db8:91::1/64 dev d0 nodad
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'removes a <Kind> route ip added, by its destination alone' -ForEach @(
        @{ Kind = 'gateway'; Add = 'route add 10.92.0.0/24 via 10.91.0.9'; Destination = '10.92.0.0/24' }
        @{ Kind = 'blackhole'; Add = 'route add blackhole 10.92.1.0/24'; Destination = '10.92.1.0/24' }
        @{ Kind = 'unreachable (table 100)'; Add = 'route add unreachable 10.92.2.0/24 table 100'; Destination = '10.92.2.0/24'; Table = 100 }
        @{ Kind = 'IPv6 prohibit'; Add = '-6 route add prohibit 2001:db8:92::/64'; Destination = '2001:db8:92::/64' }
    ) {
        Invoke-Expression "ip -n $Ns $Add"
        $arguments = @{ Destination = $Destination }
        if ($Table) { $arguments.Table = $Table }
        Remove-IpRoute @arguments -NetNamespace $Ns -Confirm:$false
        Get-OracleRouteTo $Ns $Destination | Should -BeNullOrEmpty
    }

    It 'removes exactly the routes Get-IpRoute lists, the one of two metrics and the kernel routes untouched' {
        ip -n $Ns route add 10.93.0.0/24 via 10.91.0.9 metric 10 proto static
        ip -n $Ns route add 10.93.0.0/24 via 10.91.0.8 metric 20
        ip -n $Ns -6 route add 2001:db8:93::/64 via 2001:db8:91::9 proto static
        Get-IpRoute -Protocol static -NetNamespace $Ns | Remove-IpRoute -Confirm:$false
        @(Get-OracleRouteTo $Ns '10.93.0.0/24').gateway | Should -Be @('10.91.0.8')
        Get-OracleRouteTo $Ns '2001:db8:93::/64' | Should -BeNullOrEmpty
        Get-OracleRouteTo $Ns '10.91.0.0/24' | Should -Not -BeNullOrEmpty
    }
}

Describe 'Route pipelines: strings, Import-Csv rows, -WhatIf, a stop' {
    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        $Fixture | New-VethPair p0 p1 -Up | Out-Null
        Add-IpAddress 10.95.0.1/24 -InterfaceName p0 -NetNamespace $Ns | Out-Null
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds prefix strings piped in, and Get-IpRoute | Remove-IpRoute takes them away' {
        $made = '10.96.1.0/24', '10.96.2.0/24', '2001:db8:96::/64' | Add-IpRoute -InterfaceName p0 -NetNamespace $Ns
        $made | Should -HaveCount 3
        foreach ($prefix in '10.96.1.0/24', '10.96.2.0/24', '2001:db8:96::/64') {
            (Get-OracleRouteTo $Ns $prefix).dev | Should -Be 'p0'
        }
        Get-IpRoute -Protocol IpipTools -NetNamespace $Ns | Remove-IpRoute -Confirm:$false
        Get-IpJsonRoute $Ns | Where-Object protocol -eq '73' | Should -BeNullOrEmpty
        Get-IpJsonRoute $Ns -Family 6 | Where-Object protocol -eq '73' | Should -BeNullOrEmpty
    }

    It 'adds Import-Csv rows of any type, blanks meaning not given, and names the bad row' {
        $csv = Join-Path $TestDrive 'routes.csv'
        @(
            'Destination,Gateway,InterfaceName,Type,Table,Metric,Protocol'
            '10.97.1.0/24,10.95.0.2,,,,,'
            '10.97.2.0/24,,p0,,100,5,static'
            '10.97.3.0/24,,,Blackhole,,,'
            '10.97.4.0/24,,,Unreachable,main,,'
            '10.97.5.0/24,,nosuch0,,,,'
        ) | Set-Content $csv
        $made = Import-Csv $csv | Add-IpRoute -NetNamespace $Ns -ErrorVariable failures -ErrorAction SilentlyContinue
        $made | Should -HaveCount 4
        $failures | Should -HaveCount 1
        $failures[0].TargetObject.Destination | Should -Be '10.97.5.0/24' -Because 'the error names the row that failed'
        (Get-OracleRouteTo $Ns '10.97.1.0/24').gateway | Should -Be '10.95.0.2'
        $second = Get-OracleRouteTo $Ns '10.97.2.0/24'
        $second.table, $second.metric, $second.protocol | Should -Be '100', 5, 'static'
        (Get-OracleRouteTo $Ns '10.97.3.0/24').type | Should -Be 'blackhole'
        (Get-OracleRouteTo $Ns '10.97.4.0/24').type | Should -Be 'unreachable'
        Get-OracleRouteTo $Ns '10.97.5.0/24' | Should -BeNullOrEmpty
    }

    It 'describes each piped route under -WhatIf and changes nothing' {
        $run = Invoke-HostCaptured { '10.98.1.0/24', '10.98.2.0/24' | Add-IpRoute -Type Blackhole -Table 100 -NetNamespace $ns -WhatIf } @{ ns = $Ns }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 2
        $run.HostLines[1] | Should -BeLike "What if:*Add route blackhole 10.98.2.0/24 table 100 proto 73*$Ns*"
        Get-IpJsonRoute $Ns -Table all | Where-Object dst -like '10.98.*' | Should -BeNullOrEmpty
    }

    It 'asks -Confirm route by route when removing: Yes, No, Yes' {
        '10.99.1.0/24', '10.99.2.0/24', '10.99.3.0/24' | Add-IpRoute -InterfaceName p0 -NetNamespace $Ns | Out-Null
        $run = Invoke-HostCaptured { Get-IpRoute p0 -Protocol IpipTools -NetNamespace $ns | Remove-IpRoute } @{ ns = $Ns } -Choices 0, 2, 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts | Should -HaveCount 3
        @((Get-IpJsonRoute $Ns | Where-Object protocol -eq '73').dst) | Should -Be @('10.99.2.0/24')
    }

    It 'leaves only the routes written when the next command has had enough (Select-Object -First)' {
        $prefixes = foreach ($i in 1..600) { "10.100.$([math]::Floor($i / 256)).$($i % 256)/32" }
        $taken = $prefixes | Add-IpRoute -InterfaceName p0 -NetNamespace $Ns | Select-Object -First 3
        $taken | Should -HaveCount 3
        @(Get-IpJsonRoute $Ns | Where-Object protocol -eq '73').Count | Should -Be 3
    }
}

Describe 'Routes proven by traffic' {
    BeforeAll {
        # A, and a router B beyond a veth; B forwards and holds 10.78.0.1 on its loopback.
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
        $A | New-VethPair ta tb -PeerNamespace $B.Namespace -Up | Out-Null
        Add-IpAddress 10.75.0.1/24 -InterfaceName ta -NetNamespace $A.Namespace | Out-Null
        Add-IpAddress 10.75.0.2/24 -InterfaceName tb -NetNamespace $B.Namespace | Out-Null
        ip -n $B.Namespace link set lo up
        Add-IpAddress 10.78.0.1/32 -InterfaceName lo -NetNamespace $B.Namespace | Out-Null
        Enable-IpForwarding -NetNamespace $B.Namespace | Out-Null

        # ping's own words, standard error included: what a user sees.
        function script:Invoke-Ping([string] $Namespace, [string] $Target) {
            $lines = Invoke-NetNamespaceCommand -NetNamespace $Namespace ping @('-n', '-c', '1', '-W', '2', $Target) -ErrorAction Continue 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $lines -join "`n" }
        }
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'carries ping across the veth to a plain address, and beyond it through a route via a gateway' {
        (Invoke-Ping $A.Namespace 10.75.0.2).ExitCode | Should -Be 0
        (Invoke-Ping $A.Namespace 10.78.0.1).ExitCode | Should -Not -Be 0 -Because 'A has no route to 10.78.0.0/16 yet'
        Add-IpRoute 10.78.0.0/16 -Gateway 10.75.0.2 -NetNamespace $A.Namespace | Out-Null
        $ping = Invoke-Ping $A.Namespace 10.78.0.1
        $ping.ExitCode | Should -Be 0 -Because $ping.Text
        $ping.Text | Should -Match '1 received'
    }

    It 'answers ping with No route to host through a local unreachable route' {
        Add-IpRoute 10.79.0.0/24 -Type Unreachable -NetNamespace $A.Namespace | Out-Null
        $ping = Invoke-Ping $A.Namespace 10.79.0.1
        $ping.ExitCode | Should -Not -Be 0
        $ping.Text | Should -Match 'No route to host'
    }

    It 'answers with Destination Host Unreachable from the router''s unreachable route, and with nothing from its blackhole' {
        Add-IpRoute 10.78.0.0/16 -Gateway 10.75.0.2 -NetNamespace $A.Namespace -Replace | Out-Null
        Add-IpRoute 10.78.1.0/24 -Type Unreachable -NetNamespace $B.Namespace | Out-Null
        Add-IpRoute 10.78.2.0/24 -Type Blackhole -NetNamespace $B.Namespace | Out-Null
        $unreachable = Invoke-Ping $A.Namespace 10.78.1.1
        $unreachable.ExitCode | Should -Not -Be 0
        $unreachable.Text | Should -Match 'From 10\.75\.0\.2 .*Destination Host Unreachable'

        $capture = Start-PacketCapture $B.Namespace tb -Filter 'icmp and host 10.78.2.1'
        $blackhole = Invoke-Ping $A.Namespace 10.78.2.1
        $blackhole.ExitCode | Should -Not -Be 0
        $blackhole.Text | Should -Match '100% packet loss'
        $blackhole.Text | Should -Not -Match 'Unreachable|From 10\.75'
        ($capture | Receive-PacketCapture).Text | Should -Match 'echo request' -Because 'the router received the ping and dropped it'
    }
}
