# At home for NetTCPIP users: the names Windows' Get-NetRoute and Get-NetIPAddress give routes
# and addresses (DestinationPrefix, NextHop, RouteMetric, InterfaceAlias; IPAddress) bind the
# route and address cmdlets, typed as parameters or piped as rows (a CSV exported on Windows,
# custom objects), and the objects read here carry them as alias properties. ip -j is the
# oracle of what the kernel holds.
Describe 'NetTCPIP names' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')

        function Get-OracleRoute([string] $Namespace, [string] $Destination) {
            Get-IpJsonRoute $Namespace | Where-Object dst -eq $Destination
        }
    }

    BeforeEach {
        $fixture = New-NetNamespaceFixture tcpip
        $ns = $fixture.Namespace
        $fixture | New-VethPair r0 r1 -Up | Out-Null
        Add-IpAddress 10.70.0.1/24 -InterfaceName r0 -NetNamespace $ns | Out-Null
    }

    AfterEach {
        Remove-NetNamespaceFixture $fixture -Confirm:$false
    }

    It 'adds and removes the routes of a CSV with Get-NetRoute''s columns' {
        $csv = Join-Path $TestDrive 'routes.csv'
        @(
            '"DestinationPrefix","NextHop","RouteMetric","InterfaceAlias"'
            '"10.81.0.0/24","10.70.0.2","50","r0"'
            '"10.82.0.0/24","10.70.0.3","60","r0"'
            '"10.88.0.0/24","0.0.0.0","70","r1"'
        ) | Set-Content -LiteralPath $csv
        $added = Import-Csv $csv | Add-IpRoute -NetNamespace $ns -ErrorAction Stop
        $added | Should -HaveCount 3
        # NextHop 0.0.0.0 is Windows' on-link route: out of the interface, no gateway, as ip's "via 0.0.0.0" makes it.
        $onLink = Get-OracleRoute $ns '10.88.0.0/24'
        $onLink.dev | Should -Be 'r1'
        $onLink.gateway | Should -BeNullOrEmpty
        $onLink.metric | Should -Be 70
        foreach ($expected in @{ Dst = '10.81.0.0/24'; Gateway = '10.70.0.2'; Metric = 50 }, @{ Dst = '10.82.0.0/24'; Gateway = '10.70.0.3'; Metric = 60 }) {
            $route = Get-OracleRoute $ns $expected.Dst
            $route.gateway | Should -Be $expected.Gateway
            $route.metric | Should -Be $expected.Metric
            $route.dev | Should -Be 'r0'
        }

        Import-Csv $csv | Remove-IpRoute -NetNamespace $ns -Confirm:$false -ErrorAction Stop
        Get-OracleRoute $ns '10.81.0.0/24' | Should -BeNullOrEmpty
        Get-OracleRoute $ns '10.82.0.0/24' | Should -BeNullOrEmpty
        Get-OracleRoute $ns '10.88.0.0/24' | Should -BeNullOrEmpty
    }

    It 'removes only the route a row''s NextHop and RouteMetric name' {
        Add-IpRoute 10.83.0.0/24 -Gateway 10.70.0.2 -Metric 10 -NetNamespace $ns | Out-Null
        Add-IpRoute 10.83.0.0/24 -Gateway 10.70.0.3 -Metric 20 -NetNamespace $ns | Out-Null
        [pscustomobject]@{ DestinationPrefix = '10.83.0.0/24'; NextHop = '10.70.0.3'; RouteMetric = 20; InterfaceAlias = 'r0' } |
            Remove-IpRoute -NetNamespace $ns -Confirm:$false -ErrorAction Stop
        $left = @(Get-OracleRoute $ns '10.83.0.0/24')
        $left | Should -HaveCount 1
        $left[0].gateway | Should -Be '10.70.0.2'
        $left[0].metric | Should -Be 10
    }

    It 'adds and removes the addresses of rows with Get-NetIPAddress''s properties' {
        $rows = @(
            [pscustomobject]@{ IPAddress = '10.70.1.1'; PrefixLength = 24; InterfaceAlias = 'r0'; AddressFamily = 'IPv4' }
            [pscustomobject]@{ IPAddress = '10.70.2.1'; PrefixLength = 28; InterfaceAlias = 'r1'; AddressFamily = 'IPv4' }
        )
        $rows | Add-IpAddress -NetNamespace $ns -ErrorAction Stop | Should -HaveCount 2
        (Get-IpJsonAddress $ns r0 | Where-Object local -eq '10.70.1.1').prefixlen | Should -Be 24
        (Get-IpJsonAddress $ns r1 | Where-Object local -eq '10.70.2.1').prefixlen | Should -Be 28

        $rows | Remove-IpAddress -NetNamespace $ns -Confirm:$false -ErrorAction Stop
        Get-IpJsonAddress $ns r0 | Where-Object local -eq '10.70.1.1' | Should -BeNullOrEmpty
        Get-IpJsonAddress $ns r1 | Where-Object local -eq '10.70.2.1' | Should -BeNullOrEmpty
        (Get-IpJsonAddress $ns r0).local | Should -Be '10.70.0.1' -Because 'only the rows'' addresses go'
    }

    It 'takes the NetTCPIP names typed as parameters' {
        Add-IpRoute -DestinationPrefix 10.84.0.0/24 -NextHop 10.70.0.2 -RouteMetric 70 -InterfaceAlias r0 -NetNamespace $ns | Out-Null
        $route = Get-OracleRoute $ns '10.84.0.0/24'
        $route.gateway | Should -Be '10.70.0.2'
        $route.metric | Should -Be 70
        (Get-IpRoute -InterfaceAlias r0 -DestinationPrefix 10.84.0.0/24 -NetNamespace $ns).Gateway | Should -Be ([ipaddress] '10.70.0.2')
        Remove-IpRoute -DestinationPrefix 10.84.0.0/24 -NextHop 10.70.0.2 -RouteMetric 70 -InterfaceAlias r0 -NetNamespace $ns -Confirm:$false
        Get-OracleRoute $ns '10.84.0.0/24' | Should -BeNullOrEmpty

        Add-IpAddress -IPAddress 10.70.5.1/24 -InterfaceAlias r1 -NetNamespace $ns | Out-Null
        (Get-IpJsonAddress $ns r1 | Where-Object local -eq '10.70.5.1').prefixlen | Should -Be 24
        (Get-IpAddress -InterfaceAlias r1 -IPAddress 10.70.5.1 -NetNamespace $ns).PrefixLength | Should -Be 24
        Remove-IpAddress -IPAddress 10.70.5.1/24 -InterfaceAlias r1 -NetNamespace $ns -Confirm:$false
        Get-IpJsonAddress $ns r1 | Where-Object local -eq '10.70.5.1' | Should -BeNullOrEmpty
    }

    It 'shows the NetTCPIP names on routes, addresses and links' {
        Add-IpRoute 10.85.0.0/24 -Gateway 10.70.0.2 -Metric 30 -NetNamespace $ns | Out-Null
        $index = (Get-IpLink $ns r0).ifindex
        $route = Get-IpRoute -DestinationPrefix 10.85.0.0/24 -NetNamespace $ns
        "$($route.DestinationPrefix)" | Should -Be '10.85.0.0/24'
        "$($route.NextHop)" | Should -Be '10.70.0.2'
        $route.RouteMetric | Should -Be 30
        $route.InterfaceAlias | Should -Be 'r0'
        $route.ifIndex | Should -Be $index

        $address = Get-IpAddress r0 -Address 10.70.0.1 -NetNamespace $ns
        "$($address.IPAddress)" | Should -Be '10.70.0.1'
        $address.InterfaceAlias | Should -Be 'r0'
        $address.ifIndex | Should -Be $index

        $link = Get-NetLink r0 -NetNamespace $ns
        $link.InterfaceAlias | Should -Be 'r0'
        $link.ifIndex | Should -Be $index
        $link.MacAddress | Should -Be (Get-IpLink $ns r0).address
    }

    It 'binds the objects read here, and their CSV rows, which carry both names, as before' {
        Add-IpRoute 10.86.0.0/24 -Gateway 10.70.0.2 -NetNamespace $ns | Out-Null
        $csv = Join-Path $TestDrive 'exported.csv'
        Get-IpRoute -Destination 10.86.0.0/24 -NetNamespace $ns | Export-Csv -LiteralPath $csv
        (Import-Csv $csv)[0].PSObject.Properties.Name | Should -Contain 'DestinationPrefix'
        Import-Csv $csv | Remove-IpRoute -NetNamespace $ns -Confirm:$false -ErrorAction Stop
        Get-OracleRoute $ns '10.86.0.0/24' | Should -BeNullOrEmpty

        Get-IpAddress r0 -NetNamespace $ns | Remove-IpAddress -Confirm:$false -ErrorAction Stop
        Get-IpJsonAddress $ns r0 | Should -BeNullOrEmpty
    }

    It 'refuses a NetTCPIP route row piped into a cmdlet for links, as it refuses a route' {
        [pscustomobject]@{ DestinationPrefix = '10.87.0.0/24'; NextHop = '10.70.0.2'; InterfaceAlias = 'r0'; Name = 'r0' } |
            Remove-NetLink -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PipedObjectNotAccepted*'
        Get-IpLink $ns r0 | Should -Not -BeNullOrEmpty
        [pscustomobject]@{ IPAddress = '10.70.0.1'; PrefixLength = 24; Name = 'r0' } |
            Remove-NetLink -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PipedObjectNotAccepted*'
        Get-IpLink $ns r0 | Should -Not -BeNullOrEmpty
    }
}

# A new alias may not take a prefix someone types from the parameter it used to mean alone,
# except the two about_IpipTools names: -Ne (now -NetNamespace or -NextHop) and -R on the
# route adds (now -Replace or -RouteMetric).
Describe 'The NetTCPIP aliases and parameter prefixes' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
    }

    It 'make no prefix ambiguous but the documented ones' {
        $new = 'DestinationPrefix', 'NextHop', 'RouteMetric', 'InterfaceAlias', 'IPAddress'
        # How many parameters PREFIX names, by their names and the aliases in WORDS (parameter → words).
        function Measure-Match([hashtable] $Words, [string] $Prefix) {
            $count = 0
            foreach ($entry in $Words.GetEnumerator()) {
                foreach ($word in $entry.Value) { if ($word.StartsWith($Prefix, 'OrdinalIgnoreCase')) { $count++; break } }
            }
            $count
        }

        $ambiguous = foreach ($command in Get-Command -Module IpipTools) {
            $before = @{}
            $after = @{}
            foreach ($parameter in $command.Parameters.Values) {
                $after[$parameter.Name] = @($parameter.Name) + @($parameter.Aliases)
                $before[$parameter.Name] = @($after[$parameter.Name] | Where-Object { $_ -notin $new })
            }
            $prefixes = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
            foreach ($words in $before.Values) { foreach ($word in $words) { for ($n = 1; $n -le $word.Length; $n++) { $null = $prefixes.Add($word.Substring(0, $n)) } } }
            foreach ($prefix in $prefixes) {
                if ((Measure-Match $before $prefix) -eq 1 -and (Measure-Match $after $prefix) -gt 1) { "$($command.Name) -$prefix" }
            }
        }
        $ambiguous | Sort-Object | Should -Be @(
            'Add-IpRoute -Ne', 'Add-IpRoute -R', 'Add-OnlinkRoute -Ne', 'Add-OnlinkRoute -R', 'Remove-IpRoute -Ne', 'Remove-OnlinkRoute -Ne')
    }

    It 'leave -Interface naming the interface, as before' {
        (Get-Command Add-IpRoute).ResolveParameter('Interface').Name | Should -Be 'InterfaceName'
        (Get-Command Get-IpAddress).ResolveParameter('InterfaceA').Name | Should -Be 'InterfaceName'
        (Get-Command Remove-IpAddress).ResolveParameter('IP').Name | Should -Be 'Address'
        (Get-Command Get-IpRoute).ResolveParameter('DestinationP').Name | Should -Be 'Destination'
    }
}
