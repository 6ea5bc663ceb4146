# Test-IpipSupport.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Test-IpipSupport' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Checks = $Fixture | Test-IpipSupport
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'answers every check' {
        $Checks.Check | Should -Contain 'IpipModule'
        $Checks.Check | Should -Contain 'FallbackDevice'
        $Checks.Check | Should -Contain 'ReversePathFilter'
    }

    It 'says what to do about a failure' {
        $Checks | Where-Object Status -eq 'Fail' | ForEach-Object { $_.RecommendedAction | Should -Not -BeNullOrEmpty }
    }

    It 'agrees with the kernel about ipip' {
        $module = $Checks | Where-Object Check -eq 'IpipModule'
        ($module.Status -eq 'Pass') | Should -Be $HasIpip
    }

    It 'leaves no probe namespace behind' {
        Get-NetNamespace 'ipt-probe-*' | Should -BeNullOrEmpty
    }
}
