# Get/Enable/Disable-IpForwarding, with /proc/sys/net/ipv4/ip_forward in the namespace as
# the oracle both ways.
Describe 'Forwarding cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
        $script:Other = New-NetNamespaceFixture
    }

    AfterEach {
        $Fixture, $Other | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'reports what the kernel holds, off in a new namespace and on once sysctl sets it' {
        ($Fixture | Get-IpForwarding).Enabled | Should -BeFalse
        Get-IpForwardingOracle $Fixture.Namespace | Should -BeFalse
        ip netns exec $Fixture.Namespace sysctl -qw net.ipv4.ip_forward=1
        ($Fixture | Get-IpForwarding).Enabled | Should -BeTrue
    }

    It 'turns on in that namespace only' {
        ($Fixture | Enable-IpForwarding -PassThru).Enabled | Should -BeTrue
        Get-IpForwardingOracle $Fixture.Namespace | Should -BeTrue
        Get-IpForwardingOracle $Other.Namespace | Should -BeFalse
    }

    It 'turns off what sysctl turned on' {
        ip netns exec $Fixture.Namespace sysctl -qw net.ipv4.ip_forward=1
        $Fixture | Disable-IpForwarding
        Get-IpForwardingOracle $Fixture.Namespace | Should -BeFalse
    }

    It 'names the change under -WhatIf and changes nothing' {
        $run = Invoke-HostCaptured { Enable-IpForwarding -WhatIf -NetNamespace $ns } @{ ns = $Fixture.Namespace }
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -BeLike "What if:*ip_forward*$($Fixture.Namespace)*"
        Get-IpForwardingOracle $Fixture.Namespace | Should -BeFalse
    }
}
