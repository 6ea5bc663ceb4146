# Add-IpRule, Get-IpRule and Remove-IpRule: policy routing rules, IPv4 and IPv6, with
# `ip -d -j rule` as the oracle both ways, and traffic: a rule that sends a source's (or a
# mark's) packets to another table is proven by ping leaving through that table's route, seen
# by a capture on the far end of the veth the table's route uses, and a rule that refuses is
# proven by ping's own error.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # The rules of one family as ip -d -j prints them.
    function script:Get-OracleRule([string] $Namespace, [ValidateSet('4', '6')] [string] $Family = '4') {
        Get-IpJson $Namespace "-$Family" rule show
    }
}

Describe 'Add-IpRule writes what ip rule reads' {
    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It '<Case>' -ForEach @(
        @{ Case = 'from a prefix to a table by number'; Arguments = @{ Priority = 1000; From = '10.1.0.0/24'; Table = 100 }
            Expected = @{ src = '10.1.0.0'; srclen = 24; table = '100'; protocol = '73' }; Object = @{ Table = 100; Action = 'ToTable'; Protocol = 'IpipTools'; Family = 'IPv4' } }
        @{ Case = 'to a prefix, blackhole, the kernel choosing the priority'; Arguments = @{ To = '10.2.0.0/16'; Action = 'Blackhole' }
            Expected = @{ dst = '10.2.0.0'; dstlen = 16; action = 'blackhole'; priority = 32765 }; Object = @{ Action = 'Blackhole'; Table = 'Unspecified'; Priority = 32765 } }
        @{ Case = 'fwmark with mask, iif, suppress_prefixlength, table by name'; Arguments = @{ Priority = 1001; FwMark = 0x10; FwMask = 0xff; InputInterface = 'lo'; Table = 'main'; SuppressPrefixLength = 0 }
            Expected = @{ fwmark = '0x10'; fwmask = '0xff'; iif = 'lo'; table = 'main'; suppress_prefixlen = 0 }; Object = @{ FwMark = 16; FwMask = 255; InputInterface = 'lo'; Table = 'Main'; SuppressPrefixLength = 0 } }
        @{ Case = 'a mark alone compares every bit'; Arguments = @{ Priority = 1002; FwMark = 7; Table = 200 }
            Expected = @{ fwmark = '0x7'; table = '200' }; Object = @{ FwMark = 7; FwMask = $null } }
        @{ Case = 'not from, oif, unreachable, protocol by name'; Arguments = @{ Priority = 1003; Not = $true; From = '10.3.0.0/24'; OutputInterface = 'lo'; Action = 'Unreachable'; Protocol = 'static' }
            Expected = @{ src = '10.3.0.0'; oif = 'lo'; action = 'unreachable'; protocol = 'static' }; Object = @{ Not = $true; OutputInterface = 'lo'; Protocol = 'Static' } }
        @{ Case = 'IPv6 from a prefix, prohibit'; Arguments = @{ Priority = 1004; From = '2001:db8:1::/48'; Action = 'Prohibit' }
            Expected = @{ src = '2001:db8:1::'; srclen = 48; action = 'prohibit' }; Object = @{ Family = 'IPv6'; Action = 'Prohibit' } }
        @{ Case = 'IPv6 by family alone, table 300'; Arguments = @{ Priority = 1005; Family = 'IPv6'; Table = 300 }
            Expected = @{ src = 'all'; table = '300' }; Object = @{ Family = 'IPv6'; From = $null; Table = 300 } }
    ) {
        $rule = Add-IpRule @Arguments -NetNamespace $Ns
        $rule | Should -HaveCount 1
        $rule.Namespace | Should -Be $Ns
        $family = if ("$($rule.Family)" -eq 'IPv6') { '6' } else { '4' }
        $oracle = @(Get-OracleRule $Ns $family | Where-Object priority -eq $rule.Priority)
        $oracle | Should -HaveCount 1 -Because "ip lists the rule at priority $($rule.Priority) once"
        foreach ($key in $Expected.Keys) {
            "$($oracle[0].$key)" | Should -Be "$($Expected[$key])" -Because "ip's $key"
        }
        if ($Arguments.Not) { $oracle[0].PSObject.Properties.Name | Should -Contain 'not' -Because 'ip marks a negated rule with "not"' }
        foreach ($key in $Object.Keys) {
            "$($rule.$key)" | Should -Be "$($Object[$key])" -Because "the rule written out says its $key"
        }
        $read = Get-IpRule $rule.Priority -Family $rule.Family -NetNamespace $Ns
        $read | Should -HaveCount 1
        "$read" | Should -Be "$rule"
    }

    It 'refuses a duplicate with RuleExists, leaving one rule' {
        Add-IpRule -Priority 1100 -From 10.4.0.0/24 -Table 100 -NetNamespace $Ns | Out-Null
        Add-IpRule -Priority 1100 -From 10.4.0.0/24 -Table 100 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RuleExists,*'
        @(Get-OracleRule $Ns | Where-Object priority -eq 1100) | Should -HaveCount 1
    }

    It 'adds piped rules in one pipeline, each answered' {
        $rules = 1..20 | ForEach-Object { [pscustomobject]@{ Priority = 2000 + $_; From = "10.5.$_.0/24"; Table = 100 + $_ } } | Add-IpRule -NetNamespace $Ns
        $rules | Should -HaveCount 20
        @(Get-OracleRule $Ns | Where-Object { $_.priority -gt 2000 -and $_.priority -le 2020 }) | Should -HaveCount 20
    }
}

Describe 'Get-IpRule reads what ip rule writes' {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        ip -n $Ns rule add priority 500 from 10.6.0.0/24 to 10.7.0.0/16 fwmark 0x5/0xf iif lo lookup 123 proto static
        ip -n $Ns rule add priority 501 not to 10.8.0.0/24 prohibit
        ip -n $Ns rule add priority 502 lookup main suppress_prefixlength 0
        ip -n $Ns -6 rule add priority 503 from 2001:db8:6::/64 oif lo lookup 456
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'lists every rule ip lists, in its order, IPv4 then IPv6' {
        $rules = Get-IpRule -NetNamespace $Ns
        $oracle = @(Get-OracleRule $Ns '4') + @(Get-OracleRule $Ns '6')
        @($rules.Priority) | Should -Be @($oracle.priority)
        @($rules | Where-Object Protocol -eq 'Kernel') | Should -HaveCount 5 -Because 'the kernel keeps local, main and default rules for IPv4, local and main for IPv6'
    }

    It 'reads each selector and action as ip prints them' {
        $r = Get-IpRule 500 -NetNamespace $Ns
        "$($r.From)", "$($r.To)", $r.FwMark, $r.FwMask, $r.InputInterface, [uint32]$r.Table, "$($r.Protocol)" |
            Should -Be '10.6.0.0/24', '10.7.0.0/16', 5, 15, 'lo', 123, 'Static'
        $p = Get-IpRule 501 -NetNamespace $Ns
        $p.Not | Should -BeTrue
        "$($p.Action)" | Should -Be 'Prohibit'
        (Get-IpRule 502 -NetNamespace $Ns).SuppressPrefixLength | Should -Be 0
        $v6 = Get-IpRule 503 -Family IPv6 -NetNamespace $Ns
        "$($v6.From)", $v6.OutputInterface, [uint32]$v6.Table | Should -Be '2001:db8:6::/64', 'lo', 456
    }

    It 'narrows by table and protocol' {
        @(Get-IpRule -Table 123 -NetNamespace $Ns).Priority | Should -Be @(500)
        @(Get-IpRule -Protocol Static -NetNamespace $Ns).Priority | Should -Be @(500)
    }
}

Describe 'Remove-IpRule removes what it is given, and only that' {
    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        ip -n $Ns rule add priority 600 from 10.9.0.0/24 lookup 100
        ip -n $Ns rule add priority 601 from 10.9.1.0/24 lookup 100
        ip -n $Ns rule add priority 602 fwmark 0x9 lookup 200
        ip -n $Ns -6 rule add priority 603 to 2001:db8:9::/48 blackhole
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'removes by priority alone' {
        Remove-IpRule -Priority 602 -Confirm:$false -NetNamespace $Ns
        @(Get-OracleRule $Ns).priority | Should -Not -Contain 602
        @(Get-OracleRule $Ns).priority | Should -Contain 600
    }

    It 'removes exactly the rules piped from Get-IpRule, IPv6 too' {
        Get-IpRule -Table 100 -NetNamespace $Ns | Remove-IpRule -Confirm:$false
        Get-IpRule 603 -Family IPv6 -NetNamespace $Ns | Remove-IpRule -Confirm:$false
        @(Get-OracleRule $Ns).priority | Should -Be @(0, 602, 32766, 32767)
        @(Get-OracleRule $Ns '6').priority | Should -Be @(0, 32766)
    }

    It 'refuses a removal that matches nothing with RuleNotFound, and one with nothing to match' {
        Remove-IpRule -Priority 600 -Table 999 -Confirm:$false -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RuleNotFound,*'
        Remove-IpRule -Confirm:$false -NetNamespace $Ns -ErrorVariable nothing -ErrorAction SilentlyContinue
        $nothing[0].FullyQualifiedErrorId | Should -BeLike 'RuleSelectorMissing,*'
        @(Get-OracleRule $Ns).priority | Should -Be @(0, 600, 601, 602, 32766, 32767)
    }

    It 'removes nothing with -WhatIf' {
        Get-IpRule 600 -NetNamespace $Ns | Remove-IpRule -WhatIf -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
        @(Get-OracleRule $Ns).priority | Should -Contain 600
    }
}

Describe 'Rules proven by traffic' {
    BeforeAll {
        # A reaches B over two veths: 10.80.0.0/24 (a0-b0) and 10.80.1.0/24 (a1-b1). B holds
        # 10.88.0.1 on its loopback. A's main table reaches it through a0, table 100 through a1.
        $script:A = New-NetNamespaceFixture
        $script:B = New-NetNamespaceFixture
        $A | New-VethPair a0 b0 -PeerNamespace $B.Namespace -Up | Out-Null
        $A | New-VethPair a1 b1 -PeerNamespace $B.Namespace -Up | Out-Null
        Add-IpAddress 10.80.0.1/24 -InterfaceName a0 -NetNamespace $A.Namespace | Out-Null
        Add-IpAddress 10.80.1.1/24 -InterfaceName a1 -NetNamespace $A.Namespace | Out-Null
        Add-IpAddress 10.80.0.2/24 -InterfaceName b0 -NetNamespace $B.Namespace | Out-Null
        Add-IpAddress 10.80.1.2/24 -InterfaceName b1 -NetNamespace $B.Namespace | Out-Null
        ip -n $A.Namespace link set lo up
        ip -n $B.Namespace link set lo up
        Add-IpAddress 10.81.0.1/32 -InterfaceName lo -NetNamespace $A.Namespace | Out-Null
        Add-IpAddress 10.88.0.1/32 -InterfaceName lo -NetNamespace $B.Namespace | Out-Null
        Add-IpRoute 10.88.0.0/24 -Gateway 10.80.0.2 -NetNamespace $A.Namespace | Out-Null
        Add-IpRoute 10.88.0.0/24 -Gateway 10.80.1.2 -Table 100 -NetNamespace $A.Namespace | Out-Null
        Add-IpRoute 10.81.0.0/24 -Gateway 10.80.0.1 -NetNamespace $B.Namespace | Out-Null

        # Which of B's ends a ping from A to 10.88.0.1 arrives on.
        function script:Get-ArrivalDevice([string[]] $PingArguments) {
            $captures = 'b0', 'b1' | ForEach-Object { Start-PacketCapture $B.Namespace $_ -Filter 'icmp[icmptype] = icmp-echo' }
            Invoke-NetNamespaceCommand -NetNamespace $A.Namespace ping (@('-n', '-c', '1', '-W', '2') + $PingArguments + '10.88.0.1') -ErrorAction SilentlyContinue | Out-Null
            $pinged = $LASTEXITCODE
            # Each capture takes the first echo request it sees: the one that did not carry the
            # ping to 10.88.0.1 takes a ping to B's own address on its veth instead.
            Invoke-NetNamespaceCommand -NetNamespace $A.Namespace ping @('-n', '-c', '1', '-W', '1', '-I', '10.80.0.1', '10.80.0.2') -ErrorAction SilentlyContinue | Out-Null
            Invoke-NetNamespaceCommand -NetNamespace $A.Namespace ping @('-n', '-c', '1', '-W', '1', '-I', '10.80.1.1', '10.80.1.2') -ErrorAction SilentlyContinue | Out-Null
            $seen = foreach ($capture in $captures) { if (($capture | Receive-PacketCapture).Text -match '10\.88\.0\.1') { $capture.Interface } }
            [pscustomobject]@{ Answered = $pinged -eq 0; Devices = @($seen) }
        }
    }

    AfterAll {
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
    }

    AfterEach {
        Get-IpRule -Protocol IpipTools -NetNamespace $A.Namespace | Remove-IpRule -Confirm:$false
    }

    It 'sends a source''s traffic through the table its rule names' {
        $before = Get-ArrivalDevice @('-I', '10.81.0.1')
        $before.Devices | Should -Be @('b0') -Because 'without a rule the main table routes through a0'
        Add-IpRule -From 10.81.0.1/32 -Table 100 -Priority 100 -NetNamespace $A.Namespace | Out-Null
        (ip -n $A.Namespace -j route get 10.88.0.1 from 10.81.0.1 | ConvertFrom-Json).dev | Should -Be 'a1'
        $after = Get-ArrivalDevice @('-I', '10.81.0.1')
        $after.Devices | Should -Be @('b1') -Because 'the rule sends 10.81.0.1''s packets to table 100, whose route goes through a1'
        $after.Answered | Should -BeTrue
        (Get-ArrivalDevice @('-I', '10.80.0.1')).Devices | Should -Be @('b0') -Because 'another source still takes the main table'
    }

    It 'sends marked traffic through the table its fwmark rule names' {
        Add-IpRule -FwMark 0x10 -FwMask 0xf0 -Table 100 -Priority 101 -NetNamespace $A.Namespace | Out-Null
        (Get-ArrivalDevice @('-m', '19')).Devices | Should -Be @('b1') -Because 'mark 0x13 under mask 0xf0 is 0x10'
        (Get-ArrivalDevice @('-m', '32')).Devices | Should -Be @('b0') -Because 'mark 0x20 under mask 0xf0 is not'
    }

    It 'refuses traffic by an unreachable rule, and lets it through once the rule is removed' {
        Add-IpRule -To 10.88.0.0/24 -Action Unreachable -Priority 102 -NetNamespace $A.Namespace | Out-Null
        $text = Invoke-NetNamespaceCommand -NetNamespace $A.Namespace ping @('-n', '-c', '1', '-W', '2', '10.88.0.1') -ErrorAction Continue 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Not -Be 0
        "$text" | Should -Match 'Network is unreachable'
        Remove-IpRule -Priority 102 -Confirm:$false -NetNamespace $A.Namespace
        Test-Ping $A.Namespace 10.88.0.1 | Should -BeTrue
    }
}
