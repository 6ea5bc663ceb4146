# Test-IpipSupport, against what the kernel itself says: whether ip can make an ipip link,
# whether tunl0 exists, what rp_filter holds. Runs on any kernel (host or guest).
Describe 'Test-IpipSupport' {
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

    It 'answers every check, and says what to do about each failure' {
        $checks = $Fixture | Test-IpipSupport
        $checks.Check | Should -Contain 'IpipModule'
        $checks.Check | Should -Contain 'FallbackDevice'
        $checks.Check | Should -Contain 'ReversePathFilter'
        $checks | Where-Object Status -eq 'Fail' | ForEach-Object { $_.RecommendedAction | Should -Not -BeNullOrEmpty }
    }

    It 'shows what to do about each check in its table, not only in the list view' {
        # Strict reverse-path filtering: a check that is not passed, with a recommended action, on any kernel.
        ip netns exec $Ns sysctl -qw net.ipv4.conf.all.rp_filter=1
        $checks = $Fixture | Test-IpipSupport -NoProbe
        $advised = @($checks | Where-Object RecommendedAction)
        $advised.Check | Should -Contain 'ReversePathFilter'

        $wide = $checks | Out-String -Width 400
        $wide | Should -Match '(?m)^Check\s+Status\s+Subject\s+Detail and RecommendedAction'
        foreach ($check in $advised) {
            $wide | Should -Match ('(?m)^\s+→ {0}\s*$' -f [regex]::Escape($check.RecommendedAction))
        }
        # At a usual width it is wrapped, never cut off.
        $narrow = ($checks | Out-String -Width 100) -replace '\s', ''
        foreach ($check in $advised) {
            $narrow | Should -BeLike "*$($check.RecommendedAction -replace '\s', '')*"
        }
    }

    It 'agrees with ip about the ipip driver and tunl0' {
        $checks = $Fixture | Test-IpipSupport
        ip -n $Ns link add ipt-probe type ipip remote 192.0.2.1 2>$null
        $kernelHasIpip = $LASTEXITCODE -eq 0
        (($checks | Where-Object Check -eq 'IpipModule').Status -eq 'Pass') | Should -Be $kernelHasIpip
        $fallbackExists = [bool](Get-IpLink $Ns tunl0)
        (($checks | Where-Object Check -eq 'FallbackDevice').Status -eq 'Pass') | Should -Be $fallbackExists
    }

    It 'flags strict reverse-path filtering that sysctl set' {
        ip netns exec $Ns sysctl -qw net.ipv4.conf.all.rp_filter=1
        $check = $Fixture | Test-IpipSupport -NoProbe | Where-Object Check -eq 'ReversePathFilter'
        $check.Status | Should -Not -Be 'Pass'
        ip netns exec $Ns sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.lo.rp_filter=0
        ($Fixture | Test-IpipSupport -NoProbe | Where-Object Check -eq 'ReversePathFilter').Status | Should -Be 'Pass'
    }

    It 'leaves no probe namespace behind' {
        $before = @((ip -j netns list | ConvertFrom-Json).name)
        $Fixture | Test-IpipSupport | Out-Null
        @((ip -j netns list | ConvertFrom-Json).name | Where-Object { $_ -notin $before }) | Should -BeNullOrEmpty
        Get-IpJson $Ns link show | Where-Object ifname -ne 'lo' | Where-Object ifname -notin 'tunl0' | Should -BeNullOrEmpty
    }
}
