# New/Get/Set/Remove-IpipTunnel, with ip -d -j link as the oracle both ways. Tunnels need a
# kernel with ipip: those tests carry -Tag Tunnel and run in the qemu guest. On any kernel,
# the cmdlet agrees with ip about whether an ipip tunnel can be made at all.
Describe 'Tunnel cmdlets on any kernel' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'fails with NotInstalled and modprobe advice exactly where ip cannot make ipip either' {
        $probe = New-NetNamespaceFixture
        try {
            ip -n $probe.Namespace link add ipt-probe type ipip remote 192.0.2.9 2>$null
            $kernelHasIpip = $LASTEXITCODE -eq 0
        }
        finally {
            Remove-NetNamespaceFixture $probe -Confirm:$false
        }

        $before = Get-IpState $Ns
        $tunnel = $Fixture | New-IpipTunnel tunl -Remote 10.10.20.2 -ErrorVariable failure -ErrorAction SilentlyContinue
        if ($kernelHasIpip) {
            $tunnel.Name | Should -Be 'tunl'
            (Get-IpLink $Ns tunl).linkinfo.info_kind | Should -Be 'ipip'
        }
        else {
            $failure[0].CategoryInfo.Category | Should -Be 'NotInstalled'
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'KernelLacksLinkKind,*'
            $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*modprobe ipip*'
            Get-IpState $Ns | Should -Be $before
        }
    }

    It 'names the change under -WhatIf and creates nothing' {
        $run = Invoke-HostCaptured { New-IpipTunnel tunw -Remote 192.0.2.1 -NetNamespace $ns -WhatIf } @{ ns = $Ns }
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -Be "What if: Performing the operation `"Create ipip tunnel 'tunw' remote 192.0.2.1`" on target `"tunnel 'tunw' in namespace '$Ns'`"."
        $run.Errors | Should -BeNullOrEmpty
        Get-IpLink $Ns tunw | Should -BeNullOrEmpty
    }

    It 'takes tunnel names from the pipeline, by value and by property name' {
        $run = Invoke-HostCaptured { 'tp1', 'tp2' | New-IpipTunnel -Remote 192.0.2.1 -NetNamespace $ns -WhatIf } @{ ns = $Ns }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be @(
            "What if: Performing the operation `"Create ipip tunnel 'tp1' remote 192.0.2.1`" on target `"tunnel 'tp1' in namespace '$Ns'`"."
            "What if: Performing the operation `"Create ipip tunnel 'tp2' remote 192.0.2.1`" on target `"tunnel 'tp2' in namespace '$Ns'`"."
        )
        $rows = "Name,Remote,Ttl`ntc1,192.0.2.11,64`ntc2,192.0.2.12,32" | ConvertFrom-Csv
        $run = Invoke-HostCaptured { $rows | New-IpipTunnel -NetNamespace $ns -WhatIf } @{ ns = $Ns; rows = $rows }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 2
        $run.HostLines[0] | Should -BeLike "*`"Create ipip tunnel 'tc1' remote 192.0.2.11 ttl 64`"*"
        $run.HostLines[1] | Should -BeLike "*`"Create ipip tunnel 'tc2' remote 192.0.2.12 ttl 32`"*"
        Get-IpLink $Ns tp1 | Should -BeNullOrEmpty
        Get-IpLink $Ns tc1 | Should -BeNullOrEmpty
    }
}

Describe 'Tunnel cmdlets' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        # An underlay for the tunnels to be bound to: a veth end of MTU 1500.
        $Fixture | New-VethPair under under-p -Up | Add-TunnelPeerAddress 10.10.10.2 -PrefixLength 24 | Out-Null
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'creates a tunnel as ip tunnel add does' {
        $tunnel = $Fixture | New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Ttl 64 -Tos 0x10 -UnderlayDevice under -Up
        $tunnel.Remote | Should -Be ([ipaddress]'10.10.20.2')
        $tunnel.Namespace | Should -Be $Ns
        $link = Get-IpLink $Ns tunl
        $link.linkinfo.info_kind | Should -Be 'ipip'
        $link.linkinfo.info_data.remote | Should -Be '10.10.20.2'
        $link.linkinfo.info_data.local | Should -Be '10.10.10.2'
        $link.linkinfo.info_data.ttl | Should -Be 64
        $link.linkinfo.info_data.tos | Should -Be '0x10'
        $link.linkinfo.info_data.pmtudisc | Should -BeTrue
        $link.linkinfo.info_data.link | Should -Be 'under'
        $link.mtu | Should -Be 1480 -Because 'an ipip tunnel is the underlay MTU minus the 20-byte outer header'
        $link.flags | Should -Contain 'POINTOPOINT'
        $link.flags | Should -Contain 'NOARP'
        $link.flags | Should -Contain 'UP'
        $tunnel.Mtu | Should -Be $link.mtu
        Get-IpLink $Ns tunl0 | Should -Not -BeNullOrEmpty -Because 'the ipip module puts its fallback device tunl0 in every namespace'
    }

    It 'creates one tunnel per name piped in and per CSV row' {
        $byValue = 'tv1' | New-IpipTunnel -Remote 10.10.20.21 -NetNamespace $Ns
        $byValue.Name | Should -Be 'tv1'
        (Get-IpLink $Ns tv1).linkinfo.info_data.remote | Should -Be '10.10.20.21'
        $rows = "Name,Remote,Ttl,UnderlayDevice`ntc1,10.10.20.11,64,under`ntc2,10.10.20.12,32,under" | ConvertFrom-Csv
        $made = $rows | New-IpipTunnel -Local 10.10.10.2 -NetNamespace $Ns
        $made.Name | Should -Be @('tc1', 'tc2')
        foreach ($row in $rows) {
            $link = Get-IpLink $Ns $row.Name
            $link.linkinfo.info_data.remote | Should -Be $row.Remote
            $link.linkinfo.info_data.local | Should -Be '10.10.10.2'
            $link.linkinfo.info_data.ttl | Should -Be ([int]$row.Ttl)
            $link.linkinfo.info_data.link | Should -Be 'under'
        }
    }

    It 'creates 100 piped tunnels in batches, in order, and takes back what a Select-Object -First after it did not take' {
        # Batches of 32 go to the kernel on a worker thread while the pipeline binds the next.
        $rows = 1..100 | ForEach-Object { [pscustomobject]@{ Name = "tb$_"; Remote = "10.10.21.$_" } }
        $made = @($rows | New-IpipTunnel -Local 10.10.10.2 -NetNamespace $Ns)
        @($made.Name) | Should -Be @($rows.Name)
        @(Get-IpJson $Ns link show type ipip | Where-Object ifname -like 'tb*').Count | Should -Be 100
        Get-IpipTunnel 'tb*' -NetNamespace $Ns | Remove-IpipTunnel -Confirm:$false

        $taken = @($rows | New-IpipTunnel -Local 10.10.10.2 -NetNamespace $Ns | Select-Object -First 5)
        @($taken.Name) | Should -Be @('tb1', 'tb2', 'tb3', 'tb4', 'tb5')
        @((Get-IpJson $Ns link show type ipip | Where-Object ifname -like 'tb*').ifname | Sort-Object) | Should -Be @('tb1', 'tb2', 'tb3', 'tb4', 'tb5')
    }

    It 'takes back tunnels still in flight when the pipeline fails upstream, so the kernel holds what was written' {
        $written = [Collections.Generic.List[object]]::new()
        {
            1..60 | ForEach-Object { if ($_ -eq 50) { throw 'upstream failure' }; [pscustomobject]@{ Name = "tw$_"; Remote = "10.10.22.$_" } } |
                New-IpipTunnel -Local 10.10.10.2 -NetNamespace $Ns | ForEach-Object { $written.Add($_) }
        } | Should -Throw 'upstream failure'
        @((Get-IpJson $Ns link show type ipip | Where-Object ifname -like 'tw*').ifname | Sort-Object) | Should -Be @($written.Name | Sort-Object)
    }

    It 'reports a tunnel ip tunnel add made' {
        ip -n $Ns tunnel add tuny mode ipip remote 10.10.20.3 local 10.10.10.2 ttl 40 tos inherit
        $tuny = $Fixture | Get-IpipTunnel tuny
        $tuny.Local | Should -Be ([ipaddress]'10.10.10.2')
        $tuny.Remote | Should -Be ([ipaddress]'10.10.20.3')
        $tuny.Ttl | Should -Be 40
        $tuny.Tos | Should -Be 1 -Because 'tos inherit is 1 on the wire'
        $tuny.PathMtuDiscovery | Should -BeTrue
        $tuny.Mtu | Should -Be (Get-IpLink $Ns tuny).mtu
        $tuny.IsUp | Should -BeFalse
    }

    It 'lists what ip lists and leaves tunl0 out unless asked' {
        ip -n $Ns tunnel add tunx mode ipip remote 10.10.20.2 local 10.10.10.2
        ip -n $Ns tunnel add tuny mode ipip remote 10.10.20.3 local 10.10.10.2
        $oracle = @((Get-IpJson $Ns link show type ipip).ifname)
        ($Fixture | Get-IpipTunnel).Name | Sort-Object | Should -Be @($oracle | Where-Object { $_ -ne 'tunl0' } | Sort-Object)
        ($Fixture | Get-IpipTunnel -IncludeFallback).Name | Sort-Object | Should -Be @($oracle | Sort-Object)
        ($Fixture | Get-IpipTunnel tunl0).IsFallback | Should -BeTrue
    }

    It 'changes ttl, tos, endpoint and state of a tunnel ip made' {
        ip -n $Ns tunnel add tunx mode ipip remote 10.10.20.2 local 10.10.10.2 ttl 30
        ip -n $Ns link set tunx up
        $changed = $Fixture | Set-IpipTunnel tunx -Ttl 64 -Tos inherit -Remote 10.10.30.2 -Down -PassThru
        $changed.Ttl | Should -Be 64
        $changed.IsUp | Should -BeFalse
        $link = Get-IpLink $Ns tunx
        $link.linkinfo.info_data.ttl | Should -Be 64
        $link.linkinfo.info_data.remote | Should -Be '10.10.30.2'
        $link.linkinfo.info_data.local | Should -Be '10.10.10.2' -Because 'what Set-IpipTunnel was not told stays'
        $link.flags | Should -Not -Contain 'UP'
    }

    It 'refuses a second tunnel with no endpoints, naming tunl0, and creates nothing' {
        $before = Get-IpState $Ns
        $Fixture | New-IpipTunnel ipipx -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failure[0].Exception.Message | Should -BeLike '*tunl0*'
        Get-IpState $Ns | Should -Be $before
    }

    It 'refuses to remove tunl0' {
        $Fixture | Remove-IpipTunnel tunl0 -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'FallbackTunnelImmutable*'
        Get-IpLink $Ns tunl0 | Should -Not -BeNullOrEmpty
    }

    It 'removes the tunnels ip made through the pipeline, and leaves tunl0' {
        ip -n $Ns tunnel add tunx mode ipip remote 10.10.20.2 local 10.10.10.2
        ip -n $Ns tunnel add tuny mode ipip remote 10.10.20.3 local 10.10.10.2
        $Fixture | Get-IpipTunnel | Remove-IpipTunnel -Confirm:$false
        (Get-IpJson $Ns link show type ipip).ifname | Should -Be @('tunl0')
    }
}

Describe 'Traffic through an ipip tunnel' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        # Scenario S1's lab: two namespaces behind a router namespace, tunl/tunr between them.
        $script:Lab = New-IpipLabFixture tnl -WithTunnels
    }

    AfterEach {
        $Lab | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'answers ping through the tunnel, carried as IP protocol 4 on the underlay' {
        # The router's side of the left underlay sees the outer packets only.
        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'ip proto 4' -Count 2
        Test-Ping $Lab.Left $Lab.RightInner | Should -BeTrue
        $packets = ($capture | Receive-PacketCapture).Lines
        $packets[0] | Should -Match '^IP 10\.10\.10\.2 > 10\.10\.20\.2: IP 10\.10\.100\.10 > 10\.10\.200\.10: ICMP echo request'
        $packets[1] | Should -Match '^IP 10\.10\.20\.2 > 10\.10\.10\.2: IP 10\.10\.200\.10 > 10\.10\.100\.10: ICMP echo reply'
    }
}

# What IpipTools creates carries its mark: a tunnel made by New-IpipTunnel the alias
# ipiptools:managed, which Set-IpipTopology -Prune goes by.
Describe 'Tunnels made by New-IpipTunnel carry the IpipTools mark' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'sets the alias' {
        $Fixture | New-IpipTunnel mk -Remote 10.65.0.2 -Local 10.65.0.1 | Out-Null
        (ip -n $Fixture.Namespace -j -d link show mk | ConvertFrom-Json).ifalias | Should -Be 'ipiptools:managed'
    }
}

# Set-IpipTunnel on a gre tunnel answered "... not IpipParameters" (a C# type name).
Describe 'Set-IpipTunnel on a tunnel of another kind' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        ip -n $Fixture.Namespace link add g1 type gre remote 192.0.2.2 local 192.0.2.1
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'says in words what the tunnel is and what to do' {
        Set-IpipTunnel g1 -Ttl 32 -NetNamespace $Fixture.Namespace -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TunnelKindMismatch*'
        $failure[0].ErrorDetails.Message | Should -Match "'g1' .* is a gre tunnel"
        $failure[0].ErrorDetails.Message | Should -Not -Match 'Parameters'
        $failure[0].ErrorDetails.RecommendedAction | Should -Match 'Set-IpTunnel g1'
        (ip -n $Fixture.Namespace -d -j link show g1 | ConvertFrom-Json).linkinfo.info_data.ttl | Should -Not -Be 32
    }
}
