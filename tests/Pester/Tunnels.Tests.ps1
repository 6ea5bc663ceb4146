# New/Get/Set/Remove-IpipTunnel. The tunnel tests carry -Tag Tunnel: they need a kernel with
# ipip and run in the qemu guest (tests/kernel/run.sh). On the host kernel, which lacks ipip,
# the suite checks that the failure is reported as NotInstalled.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

# Only a kernel without ipip can show this; a developer machine whose kernel has it skips it
# (CI's host kernel lacks ipip, so there it runs).
Describe 'Tunnel cmdlets on a kernel without ipip' -Skip:($HasIpip -or -not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'reports NotInstalled with what to do' {
        $Fixture | New-IpipTunnel tunl -Remote 10.10.20.2 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'NotInstalled'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'KernelLacksLinkKind*'
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*modprobe ipip*'
    }

    It 'describes the exact change under -WhatIf' {
        $Fixture | New-IpipTunnel tunw -Remote 192.0.2.1 -WhatIf
        $Fixture | Get-NetLink tunw -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Tunnel cmdlets' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        # iproute2, as the independent oracle: the link as `ip -d -j link show` reports it.
        function script:Get-IpLink([string] $Name) {
            ip -n $Fixture.Namespace -d -j link show dev $Name | ConvertFrom-Json
        }
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'creates a tunnel as ip tunnel add does' {
        $tunnel = $Fixture | New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up
        $tunnel.Remote | Should -Be ([ipaddress]'10.10.20.2')
        $tunnel.Mtu | Should -Be 1480
        $tunnel.PathMtuDiscovery | Should -BeTrue
        $tunnel.Namespace | Should -Be $Fixture.Namespace

        $link = Get-IpLink tunl
        $link.linkinfo.info_kind | Should -Be 'ipip'
        $link.linkinfo.info_data.remote | Should -Be '10.10.20.2'
        $link.linkinfo.info_data.local | Should -Be '10.10.10.2'
        $link.mtu | Should -Be 1480
        $link.flags | Should -Contain 'UP'
    }

    It 'lists it and leaves tunl0 out unless asked' {
        ($Fixture | Get-IpipTunnel).Name | Should -Be @('tunl')
        ($Fixture | Get-IpipTunnel -IncludeFallback).Name | Should -Contain 'tunl0'
    }

    It 'changes ttl, tos and state' {
        $changed = $Fixture | Set-IpipTunnel tunl -Ttl 64 -Tos inherit -Down -PassThru
        $changed.Ttl | Should -Be 64
        $changed.Tos | Should -Be 1
        $changed.IsUp | Should -BeFalse

        $link = Get-IpLink tunl
        $link.linkinfo.info_data.ttl | Should -Be 64
        $link.flags | Should -Not -Contain 'UP'
    }

    It 'refuses a second tunnel with no endpoints, naming tunl0' {
        $Fixture | New-IpipTunnel ipipx -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failure[0].Exception.Message | Should -BeLike '*tunl0*'
        ip -n $Fixture.Namespace -j link show dev ipipx 2>$null | Should -BeNullOrEmpty
    }

    It 'refuses to remove tunl0' {
        $Fixture | Remove-IpipTunnel tunl0 -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'FallbackTunnelImmutable*'
        (Get-IpLink tunl0).ifname | Should -Be 'tunl0'
    }

    It 'removes every tunnel through the pipeline' {
        $Fixture | Get-IpipTunnel | Remove-IpipTunnel -Confirm:$false
        $Fixture | Get-IpipTunnel | Should -BeNullOrEmpty
        ip -n $Fixture.Namespace -j link show type ipip | ConvertFrom-Json |
            Where-Object ifname -ne 'tunl0' | Should -BeNullOrEmpty
    }
}

Describe 'Traffic through an ipip tunnel' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        # Scenario S1's lab: two namespaces behind a router namespace, tunl/tunr between them.
        $script:Lab = New-IpipLabFixture tnl -WithTunnels
    }

    AfterAll {
        if ($Lab) { Remove-NetNamespaceFixture $Lab -Confirm:$false }
    }

    It 'answers ping through the tunnel, carried as IP protocol 4 on the underlay' {
        # tcpdump on the router's side of the left underlay sees the outer packets only. It runs
        # in a thread job (a runspace of its own: the module is imported there too) while this
        # one pings. It creates the capture file once it has the interface open and its filter
        # set, so the file's existence says it is listening (its stderr goes to the console).
        $capture = Join-Path ([IO.Path]::GetTempPath()) "tnl-$([guid]::NewGuid().ToString('N')).pcap"
        $tcpdump = Start-ThreadJob {
            param($Module, $Ns, $File)
            Import-Module $Module
            Invoke-NetNamespaceCommand -NetNamespace $Ns -- tcpdump -Z root -U -i v1-P -c 2 -w $File 'ip proto 4'
        } -ArgumentList (Get-Module IpipTools).Path, $Lab.Router, $capture
        try {
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            while (-not (Test-Path $capture)) {
                if ($tcpdump.State -notin 'NotStarted', 'Running' -or [datetime]::UtcNow -gt $deadline) {
                    throw "tcpdump did not start capturing (job $($tcpdump.State)): $($tcpdump | Receive-Job -Keep 2>&1)"
                }
                Start-Sleep -Milliseconds 100
            }
            Invoke-NetNamespaceCommand -NetNamespace $Lab.Left -- ping -c 2 -W 3 $Lab.RightInner | Out-Null
            $LASTEXITCODE | Should -Be 0
            $tcpdump | Wait-Job -Timeout 20 | Out-Null
            $packets = tcpdump -Z root -nn -r $capture 2>$null
            $packets | Should -HaveCount 2
            $packets[0] | Should -Match '10\.10\.10\.2 > 10\.10\.20\.2: .*10\.10\.100\.10 > 10\.10\.200\.10: ICMP echo request'
            $packets[1] | Should -Match '10\.10\.20\.2 > 10\.10\.10\.2: .*10\.10\.200\.10 > 10\.10\.100\.10: ICMP echo reply'
        }
        finally {
            $tcpdump | Remove-Job -Force
            Remove-Item $capture -ErrorAction SilentlyContinue
        }
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
        $failure[0].ErrorDetails.RecommendedAction | Should -Match 'ip tunnel change g1'
        (ip -n $Fixture.Namespace -d -j link show g1 | ConvertFrom-Json).linkinfo.info_data.ttl | Should -Not -Be 32
    }
}
