# New/Get/Set/Remove-IpipTunnel. Tunnels need a kernel with ipip; without one, the
# suite checks that the failure is reported as NotInstalled.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Tunnel cmdlets' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    Context 'on a kernel without ipip' -Skip:$HasIpip {
        It 'reports NotInstalled with what to do' {
            $Fixture | New-IpipTunnel tunl -Remote 10.10.20.2 -ErrorVariable failure -ErrorAction SilentlyContinue
            $failure[0].CategoryInfo.Category | Should -Be 'NotInstalled'
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'KernelLacksLinkKind*'
            $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*modprobe ipip*'
        }
    }

    Context 'on a kernel with ipip' -Skip:(-not $HasIpip) {
        It 'creates a tunnel as ip tunnel add does' {
            $tunnel = $Fixture | New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up
            $tunnel.Remote | Should -Be ([ipaddress]'10.10.20.2')
            $tunnel.Mtu | Should -Be 1480
            $tunnel.PathMtuDiscovery | Should -BeTrue
            $tunnel.Namespace | Should -Be $Fixture.Namespace
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
        }

        It 'refuses a second tunnel with no endpoints, naming tunl0' {
            $Fixture | New-IpipTunnel ipipx -ErrorVariable failure -ErrorAction SilentlyContinue
            $failure[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $failure[0].Exception.Message | Should -BeLike '*tunl0*'
        }

        It 'refuses to remove tunl0' {
            $Fixture | Remove-IpipTunnel tunl0 -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'FallbackTunnelImmutable*'
        }

        It 'removes every tunnel through the pipeline' {
            $Fixture | Get-IpipTunnel | Remove-IpipTunnel -Confirm:$false
            $Fixture | Get-IpipTunnel | Should -BeNullOrEmpty
        }
    }

    It 'describes the exact change under -WhatIf' {
        $Fixture | New-IpipTunnel tunw -Remote 192.0.2.1 -WhatIf
        $Fixture | Get-NetLink tunw -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
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
