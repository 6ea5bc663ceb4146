# New/Get/Set/Remove-IpTunnel: every mode of ip tunnel (ipip, gre, sit, isatap, vti) through
# one family, with ip -d -j link as the oracle and real traffic (ping6 over sit and isatap, a
# capture of a keyed gre tunnel, a vti tunnel through IPsec). The modes need tunnel drivers:
# those tests carry -Tag Tunnel and run in
# the qemu guest. What is decided before the kernel is asked (a setting of another mode, the
# words under -WhatIf, completion) is checked on any kernel.
Describe 'The tunnel family on any kernel' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture tfany
        $script:Ns = $Fixture.Namespace
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'is found by Get-Command *Tunnel*, one verb set for every mode and its ipip form' {
        $names = (Get-Command *Tunnel* -Module IpipTools).Name
        foreach ($name in 'New-IpTunnel', 'Get-IpTunnel', 'Set-IpTunnel', 'Remove-IpTunnel', 'New-IpipTunnel', 'Get-IpipTunnel', 'Set-IpipTunnel', 'Remove-IpipTunnel') {
            $names | Should -Contain $name
        }
    }

    It 'describes a <Mode> tunnel under -WhatIf in ip tunnel''s words and creates nothing' -ForEach @(
        @{ Mode = 'gre'; Arguments = @{ InputKey = 42; OutputKey = 7; InputSequence = $true; OutputChecksum = $true }; Words = 'gre tunnel ''wt'' remote 192.0.2.2 ikey 42 okey 7 iseq ocsum' }
        @{ Mode = 'sit'; Arguments = @{ SixRdPrefix = '2001:db8::/32' }; Words = 'sit tunnel ''wt'' remote 192.0.2.2 6rd-prefix 2001:db8::/32' }
        @{ Mode = 'isatap'; Arguments = @{}; Words = 'isatap tunnel ''wt'' remote 192.0.2.2' }
        @{ Mode = 'vti'; Arguments = @{ Key = 5 }; Words = 'vti tunnel ''wt'' remote 192.0.2.2 ikey 5 okey 5' }
    ) {
        $run = Invoke-HostCaptured { New-IpTunnel wt -Mode $mode -Remote 192.0.2.2 -NetNamespace $ns -WhatIf @a } @{ ns = $Ns; mode = $Mode; a = $Arguments }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -Be "What if: Performing the operation `"Create $Words`" on target `"tunnel 'wt' in namespace '$Ns'`"."
        ip -n $Ns -j link show | ConvertFrom-Json | Where-Object ifname -eq wt | Should -BeNullOrEmpty
    }

    It 'refuses a setting of another mode, naming the parameter, before the kernel is asked: <Mode> with -<Parameter>' -ForEach @(
        @{ Mode = 'sit'; Parameter = 'InputKey'; Value = 1; Kinds = 'gre and vti' }
        @{ Mode = 'ipip'; Parameter = 'InputSequence'; Value = $true; Kinds = 'gre' }
        @{ Mode = 'vti'; Parameter = 'OutputChecksum'; Value = $true; Kinds = 'gre' }
        @{ Mode = 'gre'; Parameter = 'SixRdPrefix'; Value = '2001:db8::/32'; Kinds = 'sit' }
    ) {
        $arguments = @{ $Parameter = $Value }
        New-IpTunnel wrong -Mode $Mode -Remote 192.0.2.2 -NetNamespace $Ns @arguments -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TunnelSettingNotOfKind*'
        $failure[0].ErrorDetails.Message | Should -Be "-$Parameter applies to $Kinds tunnels only; 'wrong' is a$(if ($Mode -match '^[aeiou]') { 'n' }) $Mode tunnel."
        ip -n $Ns -j link show | ConvertFrom-Json | Where-Object ifname -eq wrong | Should -BeNullOrEmpty
    }

    It 'refuses an unknown mode, listing the modes' {
        New-IpTunnel wrong -Mode gretap -Remote 192.0.2.2 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'UnknownTunnelMode*'
        $failure[0].ErrorDetails.RecommendedAction | Should -Be 'Give -Mode one of: ipip, gre, sit, isatap, vti.'
    }

    It 'completes -Mode with the modes' {
        $line = 'New-IpTunnel t1 -Mode '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('gre', 'ipip', 'isatap', 'sit', 'vti')
        $line = 'Get-IpTunnel -Mode i'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('ipip', 'isatap')
    }

    It 'refuses a piped row whose remote is no address, naming it, and goes on with the next' {
        $rows = @([pscustomobject]@{ Name = 'tfa1'; Remote = '10.0.0.300' }, [pscustomobject]@{ Name = 'tfa2'; Remote = '10.0.0.3' })
        $run = Invoke-HostCaptured { $rows | New-IpTunnel -Mode gre -NetNamespace $ns -WhatIf } @{ ns = $Ns; rows = $rows }
        $run.Errors | Should -HaveCount 1
        "$($run.Errors[0])" | Should -Match "'10\.0\.0\.300' is not an IP address"
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -BeLike "*`"Create gre tunnel 'tfa2' remote 10.0.0.3`"*"
    }

    It 'takes names from the pipeline by value and by property name under -WhatIf' {
        $rows = @([pscustomobject]@{ Name = 'tr1'; Mode = 'gre'; Remote = '192.0.2.1'; Key = 9 }, [pscustomobject]@{ Name = 'tr2'; Mode = 'vti'; Remote = '192.0.2.3'; Key = 9 })
        $run = Invoke-HostCaptured { $rows | New-IpTunnel -NetNamespace $ns -WhatIf } @{ ns = $Ns; rows = $rows }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines[0] | Should -BeLike "*`"Create gre tunnel 'tr1' remote 192.0.2.1 ikey 9 okey 9`"*"
        $run.HostLines[1] | Should -BeLike "*`"Create vti tunnel 'tr2' remote 192.0.2.3 ikey 9 okey 9`"*"
        $run = Invoke-HostCaptured { 'tv1', 'tv2' | New-IpTunnel -Mode sit -Remote 192.0.2.1 -NetNamespace $ns -WhatIf } @{ ns = $Ns }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 2
        $run.HostLines[1] | Should -BeLike "*`"Create sit tunnel 'tv2' remote 192.0.2.1`"*"
    }
}

Describe 'Every mode of ip tunnel, created, read, changed and removed' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture tfam
        $script:Ns = $Fixture.Namespace
        # The fallback devices appear in a namespace once their modules are loaded.
        foreach ($mode in 'ipip', 'gre', 'sit', 'vti') { Invoke-NetNamespaceCommand -NetNamespace $Ns modprobe $mode -ErrorAction Ignore | Out-Null }
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'creates an ipip tunnel as ip sees it' {
        $t = New-IpTunnel fi -Mode ipip -Local 10.71.0.1 -Remote 10.71.0.2 -Ttl 64 -NetNamespace $Ns
        $t.Mode | Should -Be 'ipip'
        $link = Get-IpLink $Ns fi
        $link.linkinfo.info_kind | Should -Be 'ipip'
        $link.linkinfo.info_data.remote | Should -Be '10.71.0.2'
        [int]$link.linkinfo.info_data.ttl | Should -Be 64
    }

    It 'creates a gre tunnel with keys, sequence numbers and checksums as ip sees it' {
        $t = New-IpTunnel fg -Mode gre -Local 10.71.0.1 -Remote 10.71.0.3 -InputKey 42 -OutputKey 16909060 -InputSequence -OutputSequence -InputChecksum -OutputChecksum -NetNamespace $Ns
        $t.Mode | Should -Be 'gre'
        $t.InputKey | Should -Be 42
        $t.OutputKey | Should -Be 16909060
        $data = (Get-IpLink $Ns fg).linkinfo.info_data
        $data.ikey | Should -Be '0.0.0.42'
        $data.okey | Should -Be '1.2.3.4'
        $data.PSObject.Properties.Name | Should -Contain 'iseq'
        $data.PSObject.Properties.Name | Should -Contain 'oseq'
        $data.PSObject.Properties.Name | Should -Contain 'icsum'
        $data.PSObject.Properties.Name | Should -Contain 'ocsum'
    }

    It 'creates a sit tunnel with a 6rd prefix as ip sees it' {
        $t = New-IpTunnel fs -Mode sit -Local 10.71.0.1 -Remote 10.71.0.4 -SixRdPrefix 2001:db8::/32 -SixRdRelayPrefix 10.71.0.0/16 -NetNamespace $Ns
        $t.Mode | Should -Be 'sit'
        $data = (Get-IpLink $Ns fs).linkinfo.info_data
        (Get-IpLink $Ns fs).linkinfo.info_kind | Should -Be 'sit'
        # ip -j names them prefix, prefixlen, relay_prefix and relay_prefixlen.
        $data.prefix | Should -Be '2001:db8::' -Because "ip -j shows $($data | ConvertTo-Json -Compress)"
        [int]$data.prefixlen | Should -Be 32
        $data.relay_prefix | Should -Be '10.71.0.0'
        [int]$data.relay_prefixlen | Should -Be 16
        $t.Parameters.SixRdPrefix | Should -Be ([System.Net.IPNetwork]::Parse('2001:db8::/32'))
    }

    It 'creates an isatap tunnel: sit with the ISATAP flag, as ip sees it' {
        $t = New-IpTunnel fa -Mode isatap -Local 10.71.0.1 -NetNamespace $Ns
        $t.Mode | Should -Be 'isatap'
        $t.Kind | Should -Be 'sit'
        $link = Get-IpLink $Ns fa
        $link.linkinfo.info_kind | Should -Be 'sit'
        $link.linkinfo.info_data.PSObject.Properties.Name | Should -Contain 'isatap'
    }

    It 'creates a vti tunnel with keys as ip sees it' {
        $t = New-IpTunnel fv -Mode vti -Local 10.71.0.1 -Remote 10.71.0.5 -InputKey 5 -OutputKey 6 -NetNamespace $Ns
        $t.Mode | Should -Be 'vti'
        $link = Get-IpLink $Ns fv
        $link.linkinfo.info_kind | Should -Be 'vti'
        $link.linkinfo.info_data.ikey | Should -Be '0.0.0.5'
        $link.linkinfo.info_data.okey | Should -Be '0.0.0.6'
        $link.linkinfo.info_data.remote | Should -Be '10.71.0.5'
    }

    It 'lists every mode, by wildcard too, with the fallback devices only when asked' {
        (Get-IpTunnel -NetNamespace $Ns).Name | Sort-Object | Should -Be @('fa', 'fg', 'fi', 'fs', 'fv')
        (Get-IpTunnel 'f*' -NetNamespace $Ns).Mode | Sort-Object | Should -Be @('gre', 'ipip', 'isatap', 'sit', 'vti')
        (Get-IpTunnel -Mode gre, vti -NetNamespace $Ns).Name | Sort-Object | Should -Be @('fg', 'fv')
        $fallback = Get-IpTunnel -IncludeFallback -NetNamespace $Ns | Where-Object IsFallback
        $fallback.Name | Sort-Object | Should -Be @('gre0', 'ip_vti0', 'sit0', 'tunl0')
        (Get-IpipTunnel -NetNamespace $Ns).Name | Should -Be 'fi' -Because 'Get-IpipTunnel is the ipip form'
        $table = Get-IpTunnel -NetNamespace $Ns | Out-String
        $table | Should -Match '(?m)^Name\s+Mode\s+OperationalState'
        $table | Should -Match '(?m)^fa\s+isatap\s'
        $table | Should -Match '(?m)^fv\s+vti\s'
        # ip agrees on which links are tunnels of these kinds.
        $oracle = (Get-IpJson $Ns -d link show | Where-Object { $_.linkinfo.info_kind -in 'ipip', 'gre', 'sit', 'vti' }).ifname
        (Get-IpTunnel -IncludeFallback -NetNamespace $Ns).Name | Sort-Object | Should -Be ($oracle | Sort-Object)
    }

    It 'reads a gretap link by name as a kind it does not manage, in words, and lists without failing' {
        Get-IpTunnel gretap0 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NotATunnel*'
        $failure[0].ErrorDetails.Message | Should -Match "'gretap0' .* is a gretap, not an IP tunnel of a mode IpipTools manages \(ipip, gre, sit, isatap, vti\)"
        $failure[0].ErrorDetails.RecommendedAction | Should -Match 'Get-NetLink gretap0'
        (Get-NetLink gretap0 -NetNamespace $Ns).Kind | Should -Be 'gretap'
        { Get-IpTunnel -IncludeFallback -NetNamespace $Ns -ErrorAction Stop } | Should -Not -Throw
    }

    It 'changes a gre tunnel''s keys and flags in place' {
        $index = (Get-IpLink $Ns fg).ifindex
        $t = Get-IpTunnel fg -NetNamespace $Ns | Set-IpTunnel -InputKey 7 -InputSequence:$false -Ttl 32 -PassThru
        $t.InputKey | Should -Be 7
        $data = (Get-IpLink $Ns fg).linkinfo.info_data
        $data.ikey | Should -Be '0.0.0.7'
        $data.okey | Should -Be '1.2.3.4' -Because 'what was not given stays'
        $data.PSObject.Properties.Name | Should -Not -Contain 'iseq'
        $data.PSObject.Properties.Name | Should -Contain 'oseq'
        [int]$data.ttl | Should -Be 32
        (Get-IpLink $Ns fg).ifindex | Should -Be $index
    }

    It 'changes a vti tunnel''s key, a sit tunnel''s TTL and an ipip tunnel''s remote' {
        Set-IpTunnel fv -OutputKey 9 -NetNamespace $Ns
        (Get-IpLink $Ns fv).linkinfo.info_data.okey | Should -Be '0.0.0.9'
        (Get-IpLink $Ns fv).linkinfo.info_data.ikey | Should -Be '0.0.0.5'
        Set-IpTunnel fs -Ttl 40 -Up -NetNamespace $Ns
        [int](Get-IpLink $Ns fs).linkinfo.info_data.ttl | Should -Be 40
        (Get-IpLink $Ns fs).flags | Should -Contain 'UP'
        Set-IpipTunnel fi -Remote 10.71.0.9 -NetNamespace $Ns
        (Get-IpLink $Ns fi).linkinfo.info_data.remote | Should -Be '10.71.0.9'
    }

    It 'refuses a key on a sit tunnel and changes nothing' {
        Set-IpTunnel fs -InputKey 3 -Ttl 50 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TunnelSettingNotOfKind*'
        [int](Get-IpLink $Ns fs).linkinfo.info_data.ttl | Should -Be 40
    }

    It 'changes nothing under -WhatIf' {
        Set-IpTunnel fg -OutputKey 1 -NetNamespace $Ns -WhatIf
        (Get-IpLink $Ns fg).linkinfo.info_data.okey | Should -Be '1.2.3.4'
    }

    It 'refuses to remove the fallback devices, and removes every tunnel of every mode through the pipeline' {
        Remove-IpTunnel ip_vti0 -NetNamespace $Ns -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'FallbackTunnelImmutable*'
        Get-IpTunnel -NetNamespace $Ns | Remove-IpTunnel -Confirm:$false
        Get-IpTunnel -NetNamespace $Ns | Should -BeNullOrEmpty
        $left = (Get-IpJson $Ns -d link show | Where-Object { $_.linkinfo.info_kind -in 'ipip', 'gre', 'sit', 'vti' }).ifname
        $left | Sort-Object | Should -Be @('gre0', 'ip_vti0', 'sit0', 'tunl0')
    }
}

Describe 'Traffic through sit, isatap, gre and vti tunnels' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        # S1's lab without its tunnels: Left 10.10.10.2 and Right 10.10.20.2 behind a router.
        $script:Lab = New-IpipLabFixture tft
    }

    AfterEach {
        $Lab | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'carries IPv6 over sit: ping6 answers, and an onlink IPv6 route via the sit tunnel is reported as made' {
        New-IpTunnel s6l -Mode sit -Local 10.10.10.2 -Remote 10.10.20.2 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress fd00:71::1 -PrefixLength 64 | Out-Null
        New-IpTunnel s6r -Mode sit -Local 10.10.20.2 -Remote 10.10.10.2 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress fd00:71::2 -PrefixLength 64 | Out-Null
        Add-TunnelPeerAddress fd00:72::2 -PrefixLength 128 -InterfaceName s6r -NetNamespace $Lab.Right | Out-Null
        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'ip proto 41' -Count 2
        Test-Ping $Lab.Left fd00:71::2 | Should -BeTrue
        $packets = ($capture | Receive-PacketCapture).Lines
        $packets[0] | Should -Match '^IP 10\.10\.10\.2 > 10\.10\.20\.2: IP6 fd00:71::1 > fd00:71::2: ICMP6, echo request'

        $route = Add-OnlinkRoute fd00:72::/64 -Gateway fd00:71::2 -InterfaceName s6l -NetNamespace $Lab.Left -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure | Should -BeNullOrEmpty -Because "the route is made ($($failure | Out-String))"
        $route.Device | Should -Be 's6l'
        (Get-IpJsonRoute $Lab.Left -Family 6 | Where-Object dst -eq 'fd00:72::/64').dev | Should -Be 's6l'
        Test-Ping $Lab.Left fd00:72::2 | Should -BeTrue
    }

    It 'routes IPv6 onlink via ::IPv4 on a point-to-multipoint sit tunnel, reported as made, and ping6 answers' {
        # The classic sit form: the gateway's IPv4-compatible address names the outer destination.
        New-IpTunnel s6m -Mode sit -Local 10.10.10.2 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress fd00:74::1 -PrefixLength 128 | Out-Null
        New-IpTunnel s6r -Mode sit -Local 10.10.20.2 -Remote 10.10.10.2 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress fd00:73::2 -PrefixLength 64 | Out-Null
        Add-OnlinkRoute fd00:74::/64 -InterfaceName s6r -CheckGateway -NetNamespace $Lab.Right -ErrorAction Stop | Out-Null
        $route = Get-IpTunnel s6m -NetNamespace $Lab.Left | Add-OnlinkRoute fd00:73::/64 -Gateway ::10.10.20.2 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure | Should -BeNullOrEmpty -Because "the route is made ($($failure | Out-String))"
        $route.Gateway | Should -Be ([ipaddress]'::10.10.20.2')
        (Get-IpJsonRoute $Lab.Left -Family 6 | Where-Object dst -eq 'fd00:73::/64').gateway | Should -Be '::10.10.20.2'
        Test-Ping $Lab.Left fd00:73::2 | Should -BeTrue
    }

    It 'carries IPv6 over isatap: the ISATAP addresses embed the IPv4 endpoints, ping6 answers, and the capture shows them inside protocol 41' {
        # ISATAP (RFC 5214): an address's interface identifier is ::5efe:a.b.c.d, the node's IPv4
        # address, which is where the tunnel sends; no remote is configured.
        New-IpTunnel ial -Mode isatap -Local 10.10.10.2 -Up -NetNamespace $Lab.Left | Out-Null
        Add-IpAddress fd00:75::5efe:10.10.10.2/64 -InterfaceName ial -NetNamespace $Lab.Left | Out-Null
        New-IpTunnel iar -Mode isatap -Local 10.10.20.2 -Up -NetNamespace $Lab.Right | Out-Null
        Add-IpAddress fd00:75::5efe:10.10.20.2/64 -InterfaceName iar -NetNamespace $Lab.Right | Out-Null
        # The kernel makes an isatap tunnel's link-local address from the ISATAP identifier
        # (a plain sit tunnel's would be fe80::a0a:a02).
        (Get-IpJson $Lab.Left -6 addr show dev ial).addr_info.local | Should -Contain 'fe80::5efe:a0a:a02'

        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'ip proto 41' -Count 2
        Test-Ping $Lab.Left fd00:75::5efe:10.10.20.2 | Should -BeTrue
        $lines = ($capture | Receive-PacketCapture).Lines
        $lines[0] | Should -Match '^IP 10\.10\.10\.2 > 10\.10\.20\.2: IP6 fd00:75::5efe:a0a:a02 > fd00:75::5efe:a0a:1402: ICMP6, echo request'
        $lines[1] | Should -Match '^IP 10\.10\.20\.2 > 10\.10\.10\.2: IP6 fd00:75::5efe:a0a:1402 > fd00:75::5efe:a0a:a02: ICMP6, echo reply'
        foreach ($line in $lines) {
            $line -match '^IP (?<outerSource>\S+) > (?<outerDestination>\S+): IP6 (?<innerSource>\S+) > (?<innerDestination>\S+): ICMP6' | Should -BeTrue
            foreach ($end in 'Source', 'Destination') {
                $inner = ([ipaddress]$Matches["inner$end"]).GetAddressBytes()
                ($inner[8..11] | ForEach-Object { '{0:x2}' -f $_ }) -join '' | Should -Be '00005efe' -Because "$line carries ISATAP addresses"
                [ipaddress]::new([byte[]]$inner[12..15]) | Should -Be ([ipaddress]$Matches["outer$end"]) -Because "the inner $end address of $line embeds the outer one"
            }
        }

        Test-Ping $Lab.Left 'fe80::5efe:10.10.20.2%ial' | Should -BeTrue -Because 'the link-local ISATAP addresses reach each other too'
    }

    It 'carries a ping over gre with keys: the capture shows the GRE header and the key' {
        New-IpTunnel gkl -Mode gre -Local 10.10.10.2 -Remote 10.10.20.2 -Key 4660 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress 10.71.1.1 -Peer 10.71.1.2 | Out-Null
        New-IpTunnel gkr -Mode gre -Local 10.10.20.2 -Remote 10.10.10.2 -Key 4660 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress 10.71.1.2 -Peer 10.71.1.1 | Out-Null
        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'ip proto 47' -Count 2 -Detailed
        Test-Ping $Lab.Left 10.71.1.2 | Should -BeTrue
        $text = ($capture | Receive-PacketCapture).Text
        $text | Should -Match 'proto GRE \(47\)'
        $text | Should -Match 'GREv0, Flags \[key present\], key=0x1234'
        $text | Should -Match '10\.71\.1\.1 > 10\.71\.1\.2: ICMP echo request'
    }

    It 'drops gre traffic whose key does not match' {
        New-IpTunnel gml -Mode gre -Local 10.10.10.2 -Remote 10.10.20.2 -Key 1 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress 10.71.2.1 -Peer 10.71.2.2 | Out-Null
        New-IpTunnel gmr -Mode gre -Local 10.10.20.2 -Remote 10.10.10.2 -Key 2 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress 10.71.2.2 -Peer 10.71.2.1 | Out-Null
        Test-Ping $Lab.Left 10.71.2.2 | Should -BeFalse
        Set-IpTunnel gmr -Key 1 -NetNamespace $Lab.Right
        Test-Ping $Lab.Left 10.71.2.2 | Should -BeTrue -Because 'Set-IpTunnel put the matching key in place'
    }

    It 'carries a ping over vti through IPsec: the capture shows ESP under the security associations of the key' {
        New-IpTunnel vkl -Mode vti -Local 10.10.10.2 -Remote 10.10.20.2 -Key 7 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress 10.71.3.1 -Peer 10.71.3.2 | Out-Null
        New-IpTunnel vkr -Mode vti -Local 10.10.20.2 -Remote 10.10.10.2 -Key 7 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress 10.71.3.2 -Peer 10.71.3.1 | Out-Null
        Add-VtiIpsec $Lab.Left -Local 10.10.10.2 -Remote 10.10.20.2 -Mark 7 -OutSpi 0x1001 -InSpi 0x1002
        Add-VtiIpsec $Lab.Right -Local 10.10.20.2 -Remote 10.10.10.2 -Mark 7 -OutSpi 0x1002 -InSpi 0x1001
        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'ip proto 50' -Count 2
        Test-Ping $Lab.Left 10.71.3.2 | Should -BeTrue
        $lines = ($capture | Receive-PacketCapture).Lines
        $lines[0] | Should -Match '^IP 10\.10\.10\.2 > 10\.10\.20\.2: ESP\(spi=0x00001001,seq=0x1\)'
        $lines[1] | Should -Match '^IP 10\.10\.20\.2 > 10\.10\.10\.2: ESP\(spi=0x00001002,seq=0x1\)'
    }

    It 'drops vti traffic whose key no IPsec policy matches, until Set-IpTunnel puts the matching key in place' {
        New-IpTunnel vml -Mode vti -Local 10.10.10.2 -Remote 10.10.20.2 -Key 8 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress 10.71.4.1 -Peer 10.71.4.2 | Out-Null
        New-IpTunnel vmr -Mode vti -Local 10.10.20.2 -Remote 10.10.10.2 -Key 9 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress 10.71.4.2 -Peer 10.71.4.1 | Out-Null
        Add-VtiIpsec $Lab.Left -Local 10.10.10.2 -Remote 10.10.20.2 -Mark 8 -OutSpi 0x2001 -InSpi 0x2002
        Add-VtiIpsec $Lab.Right -Local 10.10.20.2 -Remote 10.10.10.2 -Mark 8 -OutSpi 0x2002 -InSpi 0x2001
        Test-Ping $Lab.Left 10.71.4.2 | Should -BeFalse -Because 'the right end''s key 9 marks no security association or policy'
        Set-IpTunnel vmr -Key 8 -NetNamespace $Lab.Right
        Test-Ping $Lab.Left 10.71.4.2 | Should -BeTrue -Because 'Set-IpTunnel put the matching key in place'
    }
}
