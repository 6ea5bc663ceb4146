# Tab completion as PowerShell itself runs it (TabExpansion2): each name parameter offers the
# links it accepts, from the namespace given by -NetNamespace on the same command line, else
# from the session's namespace.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # What <Tab> offers where $Line has its '|' (at the end when it has none).
    function script:Get-Completion([string] $Line) {
        $cursor = $Line.IndexOf('|')
        if ($cursor -lt 0) { $cursor = $Line.Length }
        @((TabExpansion2 -inputScript $Line.Replace('|', '') -cursorColumn $cursor).CompletionMatches.CompletionText)
    }
}

Describe 'Tab completion of link and namespace names' {
    BeforeAll {
        # A veth pair and a bridge: links of three kinds (lo has none), none of them a tunnel,
        # since the host kernel has no ipip driver.
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        $Fixture | New-VethPair cva cvb -Up | Out-Null
        ip -n $Ns link add cbr type bridge
        $script:AllLinks = @((ip -n $Ns -j link show | ConvertFrom-Json).ifname | Sort-Object)
    }

    AfterAll {
        Exit-NetNamespace -ErrorAction SilentlyContinue
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'offers every link of the -NetNamespace namespace to <Command>' -ForEach @(
        @{ Command = 'Get-NetLink -Name' }
        @{ Command = 'Get-TunnelPeerAddress -InterfaceName' }
        @{ Command = 'Add-TunnelPeerAddress 10.1.1.1 -InterfaceName' }
        @{ Command = 'Remove-TunnelPeerAddress 10.1.1.1 -InterfaceName' }
        @{ Command = 'Get-IpAddress -InterfaceName' }
        @{ Command = 'Add-IpAddress 10.1.1.1/24 -InterfaceName' }
        @{ Command = 'Remove-IpAddress 10.1.1.1/24 -InterfaceName' }
        @{ Command = 'Get-IpRoute -InterfaceName' }
        @{ Command = 'Add-IpRoute 10.2.0.0/16 -Gateway 10.1.1.2 -InterfaceName' }
        @{ Command = 'Remove-IpRoute 10.2.0.0/16 -InterfaceName' }
        @{ Command = 'Get-OnlinkRoute -InterfaceName' }
        @{ Command = 'Add-OnlinkRoute 10.2.0.0/16 -Gateway 10.1.1.2 -InterfaceName' }
        @{ Command = 'Remove-OnlinkRoute 10.2.0.0/16 -InterfaceName' }
        @{ Command = 'Add-IpRule -InputInterface' }
        @{ Command = 'Remove-IpRule -OutputInterface' }
        @{ Command = 'Get-IpNeighbor -InterfaceName' }
        @{ Command = 'Add-IpNeighbor 10.1.1.9 02:00:00:00:00:09 -InterfaceName' }
        @{ Command = 'Remove-IpNeighbor 10.1.1.9 -InterfaceName' }
        @{ Command = 'Get-BridgeFdbEntry -InterfaceName' }
        @{ Command = 'Add-BridgeFdbEntry 02:00:00:00:00:09 -InterfaceName' }
        @{ Command = 'New-IpipTunnel t9 -UnderlayDevice' }
        @{ Command = 'Set-NetLink -Name' }
        @{ Command = 'Remove-NetLink -Name' }
    ) {
        $AllLinks | Should -Contain 'cbr'
        $line = $Command -replace '^(\S+)', "`$1 -NetNamespace $Ns"
        Get-Completion "$line " | Sort-Object | Should -Be $AllLinks
        Get-Completion "$line c" | Sort-Object | Should -Be @('cbr', 'cva', 'cvb')
    }

    It 'offers table names, route types, protocols and scopes to the Ip- cmdlets' {
        Get-Completion 'Add-IpRoute 10.2.0.0/16 -Table ' | Sort-Object | Should -Be @('default', 'main')
        Get-Completion 'Get-IpRoute -Table m' | Should -Be @('main')
        Get-Completion 'Get-IpRoute -Table ' | Sort-Object | Should -Be @('all', 'default', 'local', 'main')
        Get-Completion 'Get-OnlinkRoute -Table a' | Should -Be @('all')
        Get-Completion 'Add-IpRule -From 10.1.0.0/24 -Table ' | Sort-Object | Should -Be @('default', 'main')
        Get-Completion 'Get-IpRule -Table m' | Should -Be @('main')
        Get-Completion 'Add-IpRoute 10.2.0.0/16 -Type Bl' | Should -Be @('Blackhole')
        Get-Completion 'Get-IpRoute -Protocol Sta' | Should -Be @('Static')
        Get-Completion 'Add-IpAddress 10.1.1.1/24 -Scope Li' | Should -Be @('Link')
    }

    It 'offers no link that is not a tunnel to <Command>' -ForEach @(
        @{ Command = 'Get-IpipTunnel -Name' }
        @{ Command = 'Get-IpipTunnel' }
        @{ Command = 'Set-IpipTunnel -Name' }
        @{ Command = 'Set-IpipTunnel' }
        @{ Command = 'Remove-IpipTunnel -Name' }
        @{ Command = 'Set-IpipMesh 10.42.1.0 @{} -Device' }
    ) {
        # With nothing to offer, PowerShell falls back to file names; no link may be among them.
        $line = $Command -replace '^(\S+)', "`$1 -NetNamespace $Ns"
        foreach ($offered in (Get-Completion "$line "), (Get-Completion "$line c")) {
            $offered | Where-Object { $_ -in $AllLinks } | Should -BeNullOrEmpty
        }
        # ... while the same namespace does complete links for Get-NetLink.
        Get-Completion "Get-NetLink -NetNamespace $Ns -Name c" | Should -Not -BeNullOrEmpty
    }

    It 'offers no link, and writes no error, for a namespace that does not exist' {
        $Error.Clear()
        Get-Completion "Get-NetLink -NetNamespace ipt-no-such-ns-$(Get-Random) -Name " | Where-Object { $_ -in $AllLinks } | Should -BeNullOrEmpty
        $Error | Should -BeNullOrEmpty
    }

    It 'reads -NetNamespace after the name being completed too' {
        Get-Completion "Get-NetLink -Name c| -NetNamespace $Ns" | Sort-Object | Should -Be @('cbr', 'cva', 'cvb')
        Get-Completion "Get-VethPair c| -NetNamespace $Ns" | Sort-Object | Should -Be @('cva', 'cvb')
        Get-Completion "Get-IpipTunnel -Name c| -NetNamespace $Ns" | Where-Object { $_ -in $AllLinks } | Should -BeNullOrEmpty
    }

    It 'offers veth ends only to <Command>' -ForEach @(
        @{ Command = 'Get-VethPair -Name' }
        @{ Command = 'Remove-VethPair -Name' }
    ) {
        $line = $Command -replace '^(\S+)', "`$1 -NetNamespace $Ns"
        Get-Completion "$line " | Sort-Object | Should -Be @('cva', 'cvb')
    }

    It 'offers bridges only to <Command>' -ForEach @(
        @{ Command = 'Set-NetLink cva -Master' }
        @{ Command = 'Remove-NetBridge -Name' }
        @{ Command = 'Get-BridgeFdbEntry -Bridge' }
    ) {
        $line = $Command -replace '^(\S+)', "`$1 -NetNamespace $Ns"
        Get-Completion "$line " | Should -Be @('cbr')
        Get-Completion "$line c" | Should -Be @('cbr')
    }

    It 'has a completer on every parameter that names an existing link or namespace' {
        # New-* -Name, New-VethPair -PeerName and New-NetNamespaceFixture -Prefix name things yet to be made.
        $names = 'Name', 'InterfaceName', 'Device', 'UnderlayDevice', 'NetNamespace', 'PeerNamespace', 'Master', 'NewNetNamespace'
        $missing = foreach ($command in Get-Command -Module IpipTools -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values | Where-Object Name -in $names) {
                if ($command.Verb -eq 'New' -and $parameter.Name -eq 'Name') { continue }
                if ($parameter.ParameterType -notin [string], [string[]]) { continue }
                if (-not ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] })) {
                    "$($command.Name) -$($parameter.Name)"
                }
            }
        }
        $missing | Should -BeNullOrEmpty
    }

    It 'completes the namespace of -NetNamespace on <Command>' -ForEach @(
        @{ Command = 'Get-IpipTunnel' }
        @{ Command = 'Set-IpipMesh 10.42.1.0 @{}' }
        @{ Command = 'Get-NetLink' }
        @{ Command = 'Get-IpipTopology' }
        @{ Command = 'New-VethPair x y -PeerNamespace' }
        @{ Command = 'Set-NetLink x -NewNetNamespace' }
    ) {
        $parameter = if ($Command -like '*Namespace') { '' } else { ' -NetNamespace' }
        Get-Completion "$Command$parameter $($Ns.Substring(0, $Ns.Length - 1))" | Should -Contain $Ns
    }

    It 'completes namespace names for <Command>' -ForEach @(
        @{ Command = 'Get-NetNamespace -Name' }
        @{ Command = 'Enter-NetNamespace -Name' }
        @{ Command = 'Remove-NetNamespace -Name' }
    ) {
        Get-Completion "$Command $Ns" | Should -Be @($Ns)
    }

    It 'uses the session''s namespace when the command line names none' {
        Enter-NetNamespace $Ns
        try {
            Get-Completion 'Get-NetLink -Name c' | Sort-Object | Should -Be @('cbr', 'cva', 'cvb')
            Get-Completion 'Get-IpipTunnel -Name ' | Where-Object { $_ -in $AllLinks } | Should -BeNullOrEmpty
            Get-Completion 'Get-VethPair ' | Sort-Object | Should -Be @('cva', 'cvb')
        }
        finally {
            Exit-NetNamespace
        }
    }
}

Describe 'Tab completion of routes and addresses to remove' {
    BeforeAll {
        # Routes and addresses made with ip; ip -j lists them again as the oracle.
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        ip -n $Ns link add rva type veth peer name rvb
        ip -n $Ns link set rva up
        ip -n $Ns link set rvb up
        ip -n $Ns addr add 10.61.0.1/24 dev rva
        ip -n $Ns addr add 10.62.0.1 peer 10.62.0.2 dev rvb
        ip -n $Ns addr add 2001:db8:61::1/64 dev rva nodad
        ip -n $Ns route add 10.63.0.0/16 via 10.61.0.2
        ip -n $Ns route add blackhole 10.64.0.0/16 table 100
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'offers the destinations of the main table''s routes, IPv4 and IPv6, to Remove-IpRoute -Destination' {
        $expected = @(foreach ($family in '-4', '-6') {
            foreach ($route in ip -n $Ns -j $family route show | ConvertFrom-Json) {
                # ip leaves a host route's length unsaid.
                if ($route.dst -notmatch '/') { $route.dst += $(if ($family -eq '-4') { '/32' } else { '/128' }) }
                $route.dst
            }
        }) | Sort-Object -Unique
        $expected | Should -Contain '10.63.0.0/16'
        Get-Completion "Remove-IpRoute -NetNamespace $Ns -Destination " | Sort-Object | Should -Be $expected
        Get-Completion "Remove-IpRoute -NetNamespace $Ns 10.6" | Sort-Object | Should -Be @($expected | Where-Object { $_ -like '10.6*' })
        Get-Completion "Remove-OnlinkRoute -NetNamespace $Ns -Destination 10.63" | Should -Be @('10.63.0.0/16')
    }

    It 'narrows the destinations by the -Table and -InterfaceName on the line' {
        Get-Completion "Remove-IpRoute -NetNamespace $Ns -Table 100 -Destination " | Should -Be @('10.64.0.0/16')
        Get-Completion "Remove-IpRoute -NetNamespace $Ns -InterfaceName rvb -Destination 10." | Should -Be @('10.62.0.2/32')
    }

    It 'offers no destination to add, and no file name, to Add-IpRoute -Destination' {
        Get-Completion "Add-IpRoute -NetNamespace $Ns -Destination 10.63" | Should -BeNullOrEmpty
    }

    It 'offers the addresses there are to Remove-IpAddress -Address, as ADDRESS/LENGTH' {
        $expected = @(foreach ($link in ip -n $Ns -j addr show | ConvertFrom-Json) {
            foreach ($info in $link.addr_info) {
                if ($info.address) { $info.local } else { "$($info.local)/$($info.prefixlen)" }
            }
        }) | Sort-Object -Unique
        $expected | Should -Contain '10.61.0.1/24'
        $expected | Should -Contain '10.62.0.1'
        Get-Completion "Remove-IpAddress -NetNamespace $Ns -Address " | Sort-Object | Should -Be $expected
        $onRva = @(foreach ($info in (ip -n $Ns -j addr show dev rva | ConvertFrom-Json).addr_info) { "$($info.local)/$($info.prefixlen)" }) | Sort-Object
        $onRva | Should -Contain '2001:db8:61::1/64'
        Get-Completion "Remove-IpAddress -NetNamespace $Ns -InterfaceName rva -Address " | Sort-Object | Should -Be $onRva
        Get-Completion "Remove-IpAddress -NetNamespace $Ns 10.61" | Should -Be @('10.61.0.1/24')
    }
}

Describe 'Tab completion of tunnel names' -Tag Tunnel {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        $Fixture | New-VethPair tva tvb -Up | Out-Null
        New-IpipTunnel ttun -Local 10.77.0.1 -Remote 10.77.0.2 -NetNamespace $Ns | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'offers the tunnels of the -NetNamespace namespace, and nothing else, to <Command>' -ForEach @(
        @{ Command = 'Get-IpipTunnel -Name' }
        @{ Command = 'Set-IpipTunnel -Name' }
        @{ Command = 'Get-IpTunnel -Name' }
        @{ Command = 'Set-IpTunnel -Name' }
        @{ Command = 'Set-IpipMesh 10.42.1.0 @{} -Device' }
    ) {
        # tunl0 is the ipip driver's fallback device, in every namespace once the module is loaded.
        $tunnels = @((ip -n $Ns -d -j link show | ConvertFrom-Json | Where-Object { $_.linkinfo.info_kind -in 'ipip', 'gre', 'sit', 'vti' }).ifname | Sort-Object)
        $tunnels | Should -Contain 'ttun'
        $line = $Command -replace '^(\S+)', "`$1 -NetNamespace $Ns"
        Get-Completion "$line " | Sort-Object | Should -Be $tunnels
        Get-Completion "$line t" | Sort-Object | Should -Be @($tunnels | Where-Object { $_ -like 't*' })
        Get-Completion "$line t" | Should -Not -Contain 'tva'
    }
}

Describe 'Tab completion of tunnels that can be removed' -Tag Tunnel {
    BeforeAll {
        # The guest loads ipip, gre, sit and vti: each driver puts its fallback device (tunl0, gre0,
        # sit0, ip_vti0) in every namespace, and the kernel refuses to delete them.
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        New-IpipTunnel rtun -Local 10.78.0.1 -Remote 10.78.0.2 -NetNamespace $Ns | Out-Null
        # The oracle: every tunnel ip sees, and those of them that are fallback devices.
        $script:Tunnels = @((ip -n $Ns -d -j link show | ConvertFrom-Json | Where-Object { $_.linkinfo.info_kind -in 'ipip', 'gre', 'sit', 'vti' }).ifname | Sort-Object)
        $script:Fallbacks = @($Tunnels | Where-Object { $_ -in 'tunl0', 'gre0', 'sit0', 'ip_vti0' })
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'has fallback devices to leave out (the test could fail)' {
        $Fallbacks | Should -Contain 'tunl0'
        $Tunnels | Should -Contain 'rtun'
    }

    It 'Remove-IpipTunnel -Name offers the tunnels but no fallback device' {
        $offered = Get-Completion "Remove-IpipTunnel -NetNamespace $Ns -Name " | Sort-Object
        $offered | Should -Be @($Tunnels | Where-Object { $_ -notin $Fallbacks })
        Get-Completion "Remove-IpTunnel -NetNamespace $Ns -Name " | Sort-Object | Should -Be $offered
        Get-Completion "Remove-IpipTunnel -NetNamespace $Ns " | Should -Not -Contain 'tunl0'
        Get-Completion "Remove-IpipTunnel -NetNamespace $Ns -Name t" | Should -BeNullOrEmpty
    }

    It '<Command> still offers the fallback devices (they can be read, brought up and given routes)' -ForEach @(
        @{ Command = 'Get-IpipTunnel' }
        @{ Command = 'Set-IpipTunnel' }
        @{ Command = 'Get-IpTunnel' }
        @{ Command = 'Set-IpTunnel' }
    ) {
        Get-Completion "$Command -NetNamespace $Ns -Name " | Sort-Object | Should -Be $Tunnels
    }
}
