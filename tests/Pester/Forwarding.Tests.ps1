# Get/Enable/Disable-IpForwarding.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Forwarding cmdlets' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'is off in a new namespace' {
        ($Fixture | Get-IpForwarding).Enabled | Should -BeFalse
    }

    It 'turns on and off, in that namespace only' {
        ($Fixture | Enable-IpForwarding -PassThru).Enabled | Should -BeTrue
        Invoke-NetNamespaceCommand -NetNamespace $Fixture.Namespace /usr/bin/cat /proc/sys/net/ipv4/ip_forward | Should -Be '1'
        ($Fixture | Disable-IpForwarding -PassThru).Enabled | Should -BeFalse
    }

    It 'changes nothing with -WhatIf' {
        $Fixture | Enable-IpForwarding -WhatIf
        ($Fixture | Get-IpForwarding).Enabled | Should -BeFalse
    }
}
