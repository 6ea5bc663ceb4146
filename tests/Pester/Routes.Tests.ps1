# Add/Get/Remove-OnlinkRoute on a veth end (tunl0 needs ipip; the route logic is the
# same), with ip -j route as the oracle both ways, and traffic over an onlink route.
Describe 'Route cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Fixture = New-RouteLab va vb 10.10.10.2
        $script:Ns = $Fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds an onlink route to a gateway no prefix covers, as ip sees it' {
        $route = Get-NetLink va -NetNamespace $Ns | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -Metric 7 -Mtu 1440
        $route.OnLink | Should -BeTrue
        $route.Device | Should -Be 'va'
        $oracle = Get-IpJsonRoute $Ns | Where-Object dst -eq '10.42.2.0/24'
        $oracle.gateway | Should -Be '172.16.165.244'
        $oracle.dev | Should -Be 'va'
        $oracle.flags | Should -Contain 'onlink'
        $oracle.metric | Should -Be 7
        $oracle.metrics.mtu | Should -Be 1440
    }

    It 'adds a route in another table' {
        $Fixture | Add-OnlinkRoute 10.42.3.0/24 -Gateway 172.16.168.113 -InterfaceName va -Table 100 | Out-Null
        (Get-IpJsonRoute $Ns -Table 100).dst | Should -Be @('10.42.3.0/24')
        Get-IpJsonRoute $Ns | Where-Object dst -eq '10.42.3.0/24' | Should -BeNullOrEmpty
    }

    It 'adds a gateway-checked route without onlink' {
        ($Fixture | Add-OnlinkRoute 10.10.20.0/24 -Gateway 10.10.10.1 -InterfaceName va -CheckGateway).OnLink | Should -BeFalse
        $oracle = Get-IpJsonRoute $Ns | Where-Object dst -eq '10.10.20.0/24'
        $oracle.gateway | Should -Be '10.10.10.1'
        $oracle.flags | Should -Not -Contain 'onlink'
    }

    It 'explains a rejected gateway without onlink and adds nothing' {
        $before = Get-IpState $Ns
        $Fixture | Add-OnlinkRoute 10.42.3.0/24 -Gateway 172.16.168.113 -InterfaceName va -CheckGateway -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RouteGatewayRejected*'
        $failure[0].Exception.Message | Should -BeLike '*172.16.168.113*'
        Get-IpState $Ns | Should -Be $before
    }

    It 'replaces a route with -Replace' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.1 dev va onlink
        $Fixture | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -InterfaceName va -Replace | Out-Null
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.42.2.0/24').gateway | Should -Be '172.16.165.244'
    }

    It 'reports the onlink routes ip added, and every route of both families with -All' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.244 dev va onlink
        ip -n $Ns route add 10.42.4.0/24 via 10.10.10.1 dev va
        $onlink = $Fixture | Get-OnlinkRoute
        $onlink.Destination.ToString() | Should -Be '10.42.2.0/24'
        $onlink.Gateway | Should -Be ([ipaddress]'172.16.165.244')
        $all = $Fixture | Get-OnlinkRoute -All
        @($all | ForEach-Object { $_.Destination.ToString() } | Sort-Object) | Should -Be @(@((Get-IpJsonRoute $Ns).dst) + @((Get-IpJsonRoute $Ns -Family 6).dst) | Sort-Object)
        ($Fixture | Get-OnlinkRoute -All -Destination 10.42.4.0/24).Gateway | Should -Be ([ipaddress]'10.10.10.1')
    }

    It 'removes an onlink route ip added, through the pipeline, and no other' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.244 dev va onlink
        ip -n $Ns route add 10.42.4.0/24 via 10.10.10.1 dev va
        $Fixture | Get-OnlinkRoute va | Remove-OnlinkRoute -Confirm:$false
        (Get-IpJsonRoute $Ns).dst | Should -Not -Contain '10.42.2.0/24'
        (Get-IpJsonRoute $Ns).dst | Should -Contain '10.42.4.0/24'
    }

    It 'removes a route by destination and gateway' {
        ip -n $Ns route add 10.42.2.0/24 via 172.16.165.244 dev va onlink
        Remove-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -InterfaceName va -NetNamespace $Ns -Confirm:$false
        (Get-IpJsonRoute $Ns).dst | Should -Not -Contain '10.42.2.0/24'
    }

    It 'carries traffic to a gateway that no prefix covers' {
        # A second namespace answers on 172.16.165.244 with no prefix in common with va.
        $far = New-NetNamespaceFixture
        try {
            $Fixture | Remove-VethPair va -Confirm:$false
            $Fixture | New-VethPair va vb -PeerNamespace $far.Namespace -Up | Out-Null
            $Fixture | Add-TunnelPeerAddress 10.42.1.1 -PrefixLength 32 -InterfaceName va | Out-Null
            $far | Add-TunnelPeerAddress 172.16.165.244 -PrefixLength 32 -InterfaceName vb | Out-Null
            $far | Add-TunnelPeerAddress 10.42.2.1 -PrefixLength 24 -InterfaceName lo | Out-Null
            $far | Add-OnlinkRoute 10.42.1.1/32 -InterfaceName vb | Out-Null
            $Fixture | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244 -InterfaceName va | Out-Null
            Test-Ping $Ns 10.42.2.1 | Should -BeTrue
        }
        finally {
            Remove-NetNamespaceFixture $far -Confirm:$false
        }
    }
}

# The read-back after an add asked for IPv4 only, so an IPv6 route was reported as
# RouteVanished and left in the kernel; Get-OnlinkRoute -All never listed IPv6 routes; and
# in a namespace with no IPv4 route yet (no main table) every listing failed with ENOENT.
Describe 'IPv6 routes and a namespace without an IPv4 route' {
    BeforeEach {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair d0 d1 -Up | Out-Null
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds an IPv6 onlink route, returns it and leaves no error' {
        $route = $Fixture | Add-OnlinkRoute 2001:db8:1::/64 -Gateway fe80::1 -InterfaceName d0 -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
        $route.Destination.ToString() | Should -Be '2001:db8:1::/64'
        $route.Gateway.ToString() | Should -Be 'fe80::1'
        $kernel = ip -n $Fixture.Namespace -6 -j route show 2001:db8:1::/64 | ConvertFrom-Json
        $kernel.gateway | Should -Be 'fe80::1'
        $kernel.flags | Should -Contain 'onlink'
    }

    It 'lists IPv6 routes, onlink ones by default and all with -All' {
        ip -n $Fixture.Namespace -6 route add 2001:db8:2::/64 via fe80::2 dev d0 onlink
        ($Fixture | Get-OnlinkRoute).Destination.ToString() | Should -Be '2001:db8:2::/64'
        $all = $Fixture | Get-OnlinkRoute -All | ForEach-Object { "$($_.Destination)" }
        $expected = (ip -n $Fixture.Namespace -6 -j route show | ConvertFrom-Json).dst | ForEach-Object { if ($_ -eq 'default') { '::/0' } elseif ($_ -notlike '*/*') { "$_/128" } else { $_ } }
        $all | Sort-Object | Should -Be ($expected | Sort-Object)
    }

    It 'lists and adds IPv4 routes where the main table does not exist yet' {
        # A bare namespace (loopback down) has no IPv4 main table until its first route.
        $bare = 'ipt-bare-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        New-NetNamespace $bare | Out-Null
        try {
            New-VethPair e0 e1 -Up -NetNamespace $bare | Out-Null
            $listed = Get-OnlinkRoute -All -NetNamespace $bare -ErrorVariable failure
            $failure | Should -BeNullOrEmpty
            $listed | Where-Object { $_.Destination.BaseAddress.AddressFamily -eq 'InterNetwork' } | Should -BeNullOrEmpty
            $route = Add-OnlinkRoute 10.9.0.0/24 -InterfaceName e0 -NetNamespace $bare -ErrorVariable failure
            $failure | Should -BeNullOrEmpty
            $route.Destination.ToString() | Should -Be '10.9.0.0/24'
            (ip -n $bare -j route show 10.9.0.0/24 | ConvertFrom-Json).dev | Should -Be 'e0'
        }
        finally {
            Remove-NetNamespace $bare -Confirm:$false
        }
    }
}

# What IpipTools creates carries its mark (protocol 73 on routes), so that
# Set-IpipTopology -Prune can tell its routes from everyone else's. Add-OnlinkRoute used to
# leave iproute2's default (proto boot), which -Prune then never removed.
Describe 'Routes made by Add-OnlinkRoute carry the IpipTools mark' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair m0 m1 -Up | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds the route with protocol 73' {
        $route = $Fixture | Add-OnlinkRoute 10.61.0.0/24 -Gateway 172.16.61.1 -InterfaceName m0
        $route.Protocol | Should -Be 73
        (ip -n $Fixture.Namespace -j route show 10.61.0.0/24 | ConvertFrom-Json).protocol | Should -Be '73'
    }

    It 'is pruned by Set-IpipTopology -Prune, while a route made by ip stays' {
        $Fixture | Add-OnlinkRoute 10.62.0.0/24 -Gateway 172.16.62.1 -InterfaceName m0 | Out-Null
        ip -n $Fixture.Namespace route add 10.63.0.0/24 via 172.16.63.1 dev m0 onlink
        $topology = @{ Namespaces = @(@{ Name = ''; Veths = @(@{ Name = 'm0'; Peer = 'm1' }) }) }
        Set-IpipTopology -InputObject $topology -Prune -NetNamespace $Fixture.Namespace -Confirm:$false | Out-Null
        $left = (ip -n $Fixture.Namespace -j route show | ConvertFrom-Json).dst
        $left | Should -Not -Contain '10.62.0.0/24'
        $left | Should -Contain '10.63.0.0/24'
    }
}

Describe 'Get-OnlinkRoute from a piped namespace object' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        ip -n $Ns link add ra type veth peer name rb
        ip -n $Ns link set ra up
        ip -n $Ns route add 10.65.0.0/24 via 172.16.65.1 dev ra onlink
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'lists the onlink routes of that namespace, as ip does' {
        # The namespace's Name once bound -InterfaceName (alias Name): "No link named '<ns>'".
        $routes = @(Get-NetNamespace $Ns | Get-OnlinkRoute -ErrorAction Stop)
        $expected = @(Get-IpJson $Ns route show | Where-Object { $_.flags -contains 'onlink' })
        $expected.Count | Should -Be 1
        @($routes | ForEach-Object { "$($_.Destination) $($_.Gateway) $($_.Device)" }) |
            Should -Be @($expected | ForEach-Object { "$($_.dst) $($_.gateway) $($_.dev)" })
    }

    It 'still takes the device from a piped link, and its namespace' {
        $routes = @(Get-NetLink ra -NetNamespace $Ns | Get-OnlinkRoute -ErrorAction Stop)
        "$($routes.Destination)" | Should -Be '10.65.0.0/24'
        $routes.Namespace | Should -Be $Ns
    }
}

# Add- and Remove-OnlinkRoute at pipeline scale (issue 11): prefixes, CSV rows and JSON
# objects bind from the pipeline; routes go to the kernel in batches of
# 512 (PipelineBatches.FlushSize in the module), so 600 routes cross a batch boundary, the first batch sent while the rest are queued;
# each failure is its own error naming its item; -WhatIf and -Confirm ask item by item.
Describe 'Route cmdlets in a pipeline' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        # 600 distinct /28 prefixes, more than one batch.
        $script:Prefixes = 0..599 | ForEach-Object { "10.70.$([math]::Floor($_ / 16)).$(($_ % 16) * 16)/28" }
    }

    BeforeEach {
        $script:Fixture = New-RouteLab
        $script:Ns = $Fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'adds piped prefix strings and writes each route as the kernel made it' {
        $written = @($Prefixes | Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $Ns -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $kernel = @(Get-IpJsonRoute $Ns | Where-Object gateway -eq '198.51.100.1')
        @($kernel.dst | Sort-Object) | Should -Be @($Prefixes | Sort-Object)
        $kernel | Where-Object { $_.flags -notcontains 'onlink' -or $_.protocol -ne '73' } | Should -BeNullOrEmpty
        @($written | ForEach-Object { "$($_.Destination)" }) | Should -Be @($Prefixes)
        $written | Where-Object { -not $_.OnLink -or $_.Device -ne 'cp0' -or $_.Namespace -ne $Ns } | Should -BeNullOrEmpty
    }

    It 'binds rows from Import-Csv, blank cells left out' {
        $csv = Join-Path $TestDrive 'routes.csv'
        @(
            'Destination,Gateway,Device,Metric,Table,Mtu'
            '10.71.1.0/24,198.51.100.7,cp0,5,,'
            '10.71.2.0/24,,cp0,,100,1400'
            '10.71.3.0/24,198.51.100.9,cp0,,,1300'
        ) | Set-Content $csv
        $written = @(Import-Csv $csv | Add-OnlinkRoute -NetNamespace $Ns -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $written.Count | Should -Be 3
        $first = Get-IpJsonRoute $Ns | Where-Object dst -eq '10.71.1.0/24'
        ($first.gateway, $first.metric, ($first.flags -contains 'onlink')) | Should -Be @('198.51.100.7', 5, $true)
        $second = Get-IpJsonRoute $Ns -Table 100 | Where-Object dst -eq '10.71.2.0/24'
        ($second.dev, $second.gateway, $second.metrics.mtu) | Should -Be @('cp0', $null, 1400)
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.71.3.0/24').metrics.mtu | Should -Be 1300
    }

    It 'binds objects from ConvertFrom-Json' {
        $json = '[{"Destination":"10.72.1.0/24","Gateway":"198.51.100.5","InterfaceName":"cp0","Metric":9},{"Destination":"10.72.2.0/24","Gateway":"198.51.100.6","InterfaceName":"cp0"}]'
        $written = @($json | ConvertFrom-Json | Add-OnlinkRoute -NetNamespace $Ns)
        @($written.Destination | ForEach-Object ToString) | Should -Be @('10.72.1.0/24', '10.72.2.0/24')
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.72.1.0/24').metric | Should -Be 9
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.72.2.0/24').gateway | Should -Be '198.51.100.6'
    }

    It 'reports each failure as its own error naming the piped item, with the kernel''s text, and adds the rest' {
        ip -n $Ns route add 10.73.2.0/24 via 198.51.100.77 dev cp0 onlink
        ip -n $Ns link add dn0 type veth peer name dn1
        $rows = @(
            [pscustomobject]@{ Destination = '10.73.1.0/24'; Gateway = '198.51.100.1'; Device = 'cp0' }
            [pscustomobject]@{ Destination = '10.73.2.0/24'; Gateway = '198.51.100.1'; Device = 'cp0' }   # exists
            [pscustomobject]@{ Destination = '10.73.3.0/24'; Gateway = '198.51.100.1'; Device = 'dn0' }   # device down
            [pscustomobject]@{ Destination = '10.73.4.0/24'; Gateway = '198.51.100.1'; Device = 'nosuch0' } # no device
            [pscustomobject]@{ Destination = '10.73.5.0/24'; Gateway = '198.51.100.1'; Device = 'cp0' }
        )
        $written = @($rows | Add-OnlinkRoute -NetNamespace $Ns -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($written.Destination | ForEach-Object ToString) | Should -Be @('10.73.1.0/24', '10.73.5.0/24')
        $failures.Count | Should -Be 3
        $byTarget = @{}
        foreach ($failure in $failures) { $byTarget[$failure.TargetObject.Destination] = $failure }
        [object]::ReferenceEquals($byTarget['10.73.2.0/24'].TargetObject, $rows[1]) | Should -BeTrue
        $byTarget['10.73.2.0/24'].FullyQualifiedErrorId | Should -BeLike 'RouteExists,*'
        $byTarget['10.73.3.0/24'].FullyQualifiedErrorId | Should -BeLike 'RouteDeviceDown,*'
        $byTarget['10.73.3.0/24'].Exception.Message | Should -BeLike '*Kernel says: "Nexthop device is not up"*'
        $byTarget['10.73.4.0/24'].FullyQualifiedErrorId | Should -BeLike 'LinkNotFound,*'
        # Nothing left behind by a failure; the route that was there is untouched.
        $kernel = @(Get-IpJsonRoute $Ns | Where-Object dst -like '10.73.*')
        @($kernel.dst | Sort-Object) | Should -Be @('10.73.1.0/24', '10.73.2.0/24', '10.73.5.0/24')
        ($kernel | Where-Object dst -eq '10.73.2.0/24').gateway | Should -Be '198.51.100.77'
    }

    It 'refuses a row whose gateway is no address, naming it, adds nothing for it and goes on' {
        # PowerShell alone dropped such a gateway without a word, and the route went in without it.
        $rows = [pscustomobject]@{ Destination = '10.78.1.0/24'; Gateway = '198.51.100.300'; Device = 'cp0' },
            [pscustomobject]@{ Destination = '10.78.2.0/24'; Gateway = '198.51.100.1'; Device = 'cp0' }
        $made = @($rows | Add-OnlinkRoute -NetNamespace $Ns -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -Match "'198\.51\.100\.300' is not an IP address"
        @($made.Destination | ForEach-Object { "$_" }) | Should -Be @('10.78.2.0/24')
        Get-IpJsonRoute $Ns | Where-Object dst -eq '10.78.1.0/24' | Should -BeNullOrEmpty
    }

    It 'names a piped string as the target of its error' {
        ip -n $Ns route add 10.74.2.0/24 via 198.51.100.77 dev cp0 onlink
        '10.74.1.0/24', '10.74.2.0/24' | Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $Ns -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -BeExactly '10.74.2.0/24'
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.74.1.0/24').gateway | Should -Be '198.51.100.1'
    }

    It 'removes piped prefix strings, and what Get-OnlinkRoute pipes' {
        $Prefixes | Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $Ns | Out-Null
        ip -n $Ns route add 10.75.0.0/24 via 198.51.100.1 dev cp0
        $Prefixes[0..9] | Remove-OnlinkRoute -NetNamespace $Ns -Confirm:$false -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        @(Get-IpJsonRoute $Ns | Where-Object gateway -eq '198.51.100.1' | Where-Object flags -contains 'onlink').Count | Should -Be 590
        Get-OnlinkRoute cp0 -NetNamespace $Ns | Remove-OnlinkRoute -Confirm:$false -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        @(Get-IpJsonRoute $Ns | Where-Object gateway -eq '198.51.100.1').dst | Should -Be @('10.75.0.0/24')
    }

    It 'removes a route piped whole (-InputObject): exactly it, of two that differ only in metric' {
        ip -n $Ns route add 10.76.0.0/24 via 198.51.100.1 dev cp0 onlink metric 10
        ip -n $Ns route add 10.76.0.0/24 via 198.51.100.1 dev cp0 onlink metric 20
        $second = Get-OnlinkRoute cp0 -NetNamespace $Ns | Where-Object Metric -eq 20
        $second | Should -HaveCount 1
        # Bound by property name, as before -InputObject, the removal named no metric and the
        # kernel took the first route it found (metric 10).
        $second | Remove-OnlinkRoute -Confirm:$false -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        @(Get-IpJsonRoute $Ns | Where-Object dst -eq '10.76.0.0/24').metric | Should -Be @(10)
        Remove-OnlinkRoute -InputObject (Get-OnlinkRoute cp0 -NetNamespace $Ns) -Confirm:$false
        Get-IpJsonRoute $Ns | Where-Object dst -eq '10.76.0.0/24' | Should -BeNullOrEmpty
    }

    It 'binds a piped route by property name when a setting is typed, as any object' {
        ip -n $Ns route add 10.77.0.0/24 via 198.51.100.1 dev cp0 onlink
        ip -n $Ns route add 10.77.1.0/24 via 198.51.100.3 dev cp0 onlink
        # -Gateway on the command line: each route binds its destination and device, and the
        # typed gateway narrows the match, so the route via .3 is not found.
        Get-OnlinkRoute cp0 -NetNamespace $Ns | Remove-OnlinkRoute -Gateway 198.51.100.1 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        "$($failures[0].TargetObject.Destination)" | Should -Be '10.77.1.0/24'
        @(Get-IpJsonRoute $Ns | Where-Object dst -like '10.77.*').dst | Should -Be @('10.77.1.0/24')
    }

    It 'leaves only the routes a Select-Object -First after it took' {
        # The batch of 600 was sent whole; the 597 routes never written out are taken back.
        $taken = @($Prefixes | Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $Ns | Select-Object -First 3)
        @($taken | ForEach-Object { "$($_.Destination)" }) | Should -Be @($Prefixes[0..2])
        @((Get-IpJsonRoute $Ns | Where-Object gateway -eq '198.51.100.1').dst | Sort-Object) | Should -Be @($Prefixes[0..2] | Sort-Object)
    }

    It 'takes back a batch still in flight when the pipeline fails upstream, so the kernel holds what was written' {
        # The first 512 routes go to the kernel on a worker thread while the pipeline goes on;
        # the command before Add-OnlinkRoute fails at the 550th before their answers are written.
        $written = [Collections.Generic.List[object]]::new()
        {
            $Prefixes | ForEach-Object { if ($_ -eq $Prefixes[549]) { throw 'upstream failure' }; $_ } |
                Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $Ns | ForEach-Object { $written.Add($_) }
        } | Should -Throw 'upstream failure'
        $kernel = @(Get-IpJsonRoute $Ns | Where-Object gateway -eq '198.51.100.1')
        $kernel.Count | Should -Be $written.Count
        @($kernel.dst | Sort-Object) | Should -Be @($written | ForEach-Object { "$($_.Destination)" } | Sort-Object)
    }

    It 'stops at the first failure under -ErrorAction Stop, leaving no route after it' {
        ip -n $Ns route add 10.76.2.0/24 via 198.51.100.77 dev cp0 onlink
        { '10.76.1.0/24', '10.76.2.0/24', '10.76.3.0/24' | Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $Ns -ErrorAction Stop } |
            Should -Throw -ErrorId 'RouteExists,*'
        @((Get-IpJsonRoute $Ns | Where-Object dst -like '10.76.*').dst | Sort-Object) | Should -Be @('10.76.1.0/24', '10.76.2.0/24')
    }

    It 'takes a piped namespace object as the namespace only, for adding and removing' {
        # The namespace's Name must not bind -InterfaceName (alias Name), nor the object -Destination.
        $route = Get-NetNamespace $Ns | Add-OnlinkRoute 10.77.0.0/24 -Gateway 198.51.100.1 -InterfaceName cp0
        $route.Namespace | Should -Be $Ns
        (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.77.0.0/24').dev | Should -Be 'cp0'
        Get-NetNamespace $Ns | Add-OnlinkRoute 10.77.1.0/24 -Gateway 198.51.100.1 -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NameNotGiven,*'
        Get-NetNamespace $Ns | Remove-OnlinkRoute 10.77.0.0/24 -Confirm:$false -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
        Get-IpJsonRoute $Ns | Where-Object dst -like '10.77.*' | Should -BeNullOrEmpty
    }

    It 'describes each piped route under -WhatIf and changes nothing' {
        $run = Invoke-HostCaptured { $Prefixes[0..2] | Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $ns -WhatIf } @{ ns = $Ns; Prefixes = $Prefixes }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 3
        $run.HostLines[1] | Should -BeLike "What if:*Add route $($Prefixes[1]) via 198.51.100.1 dev cp0 proto 73 onlink*$Ns*"
        Get-IpJsonRoute $Ns | Where-Object gateway -eq '198.51.100.1' | Should -BeNullOrEmpty
    }

    It 'asks -Confirm item by item: Yes, No, then Yes to All' {
        $run = Invoke-HostCaptured { $Prefixes[0..4] | Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace $ns -Confirm } @{ ns = $Ns; Prefixes = $Prefixes } -Choices 0, 2, 1
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts | Should -HaveCount 3
        $run.Output | Should -HaveCount 4
        @((Get-IpJsonRoute $Ns | Where-Object gateway -eq '198.51.100.1').dst | Sort-Object) | Should -Be @($Prefixes[0, 2, 3, 4] | Sort-Object)
    }
}

# Ctrl+C in a long pipeline (issue 11): PowerShell.Stop from another thread, as the console
# does. The routes in the kernel must be exactly those written out, and the pipeline's
# sockets and threads must be gone with it.
Describe 'Stopping a 100,000-route pipeline' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-RouteLab
        $script:Ns = $Fixture.Namespace
        $script:ModulePath = (Get-Module IpipTools).Path

        function script:Get-OpenSocketCount { @(Get-ChildItem /proc/self/fd | Where-Object { $_.LinkTarget -like 'socket:*' }).Count }
        # The threads IpipTools starts are named (NamespaceThread: "IpipTools namespace worker",
        # which Linux shortens to 15 characters); the .NET thread pool grows and shrinks on its
        # own, so counting every thread of the process says nothing about a leak.
        function script:Get-NamespaceWorkerCount {
            @(Get-ChildItem /proc/self/task | Where-Object { (Get-Content (Join-Path $_.FullName comm) -ErrorAction Ignore) -like 'IpipTools*' }).Count
        }

        # One pipeline of 100,000 host routes into Add-OnlinkRoute, started on another thread.
        function script:Start-RoutePipeline {
            $shell = [powershell]::Create()
            $null = $shell.AddScript(@"
Import-Module '$ModulePath'
0..99999 | ForEach-Object { "10.{0}.{1}.{2}/32" -f (80 + (`$_ -shr 16)), ((`$_ -shr 8) -band 255), (`$_ -band 255) } |
    Add-OnlinkRoute -Gateway 198.51.100.1 -InterfaceName cp0 -NetNamespace '$Ns'
"@)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            [pscustomobject]@{ Shell = $shell; Output = $output; Handle = $handle }
        }

        function script:Wait-Written([object] $Run, [int] $Count) {
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while ($Run.Output.Count -lt $Count -and -not $Run.Handle.IsCompleted -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $Run.Output.Count | Should -BeGreaterOrEqual $Count
        }
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'stops within a second, with the kernel holding exactly the routes written, and leaks no socket or thread' {
        # A first run warms up what a runspace and the module load once per process.
        $warm = Start-RoutePipeline
        Wait-Written $warm 1
        $warm.Shell.Stop()
        $warm.Shell.Dispose()
        ip -n $Ns route flush proto 73
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        Start-Sleep -Milliseconds 200
        $sockets = Get-OpenSocketCount

        $run = Start-RoutePipeline
        try {
            Wait-Written $run 3000
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $run.Shell.Stop()
            $clock.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $run.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $written = @($run.Output | ForEach-Object { "$($_.Destination.BaseAddress)" })
            $written.Count | Should -BeLessThan 100000
            $kernel = @(Get-IpJsonRoute $Ns | Where-Object protocol -eq '73' | ForEach-Object dst)
            $kernel.Count | Should -Be $written.Count
            @($kernel | Sort-Object) | Should -Be @($written | Sort-Object)
        }
        finally {
            $run.Shell.Dispose()
        }

        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        Start-Sleep -Milliseconds 200
        Get-OpenSocketCount | Should -Be $sockets
        Get-NamespaceWorkerCount | Should -Be 0
    }
}

# ForEach-Object -Parallel (issue 11): eight runspaces at once, each adding routes in a
# namespace of its own through its own pipeline; every result right, nothing crossing over.
Describe 'Route pipelines in parallel runspaces' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixtures = 0..7 | ForEach-Object { New-RouteLab }
    }

    AfterAll {
        foreach ($fixture in $Fixtures) { Remove-NetNamespaceFixture $fixture -Confirm:$false }
    }

    It 'adds every route in its own namespace only' {
        $module = (Get-Module IpipTools).Path
        $jobs = for ($i = 0; $i -lt 8; $i++) { [pscustomobject]@{ Index = $i; Namespace = $Fixtures[$i].Namespace } }
        $results = $jobs | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            $job = $_
            $prefixes = 0..599 | ForEach-Object { "10.$(90 + $job.Index).$([math]::Floor($_ / 16)).$(($_ % 16) * 16)/28" }
            $written = @($prefixes | Add-OnlinkRoute -Gateway "198.51.100.$(10 + $job.Index)" -InterfaceName cp0 -NetNamespace $job.Namespace -ErrorVariable failures)
            [pscustomobject]@{ Job = $job; Prefixes = $prefixes; Written = $written; Failures = @($failures) }
        }
        $results | Should -HaveCount 8
        foreach ($result in $results) {
            $result.Failures | Should -BeNullOrEmpty
            $gateway = "198.51.100.$(10 + $result.Job.Index)"
            @($result.Written | ForEach-Object { "$($_.Destination)" }) | Should -Be $result.Prefixes
            @($result.Written.Namespace | Sort-Object -Unique) | Should -Be @($result.Job.Namespace)
            @($result.Written.Gateway | ForEach-Object ToString | Sort-Object -Unique) | Should -Be @($gateway)
            $kernel = @(Get-IpJsonRoute $result.Job.Namespace | Where-Object protocol -eq '73')
            @($kernel.dst | Sort-Object) | Should -Be @($result.Prefixes | Sort-Object)
            @($kernel.gateway | Sort-Object -Unique) | Should -Be @($gateway)
        }
    }
}
