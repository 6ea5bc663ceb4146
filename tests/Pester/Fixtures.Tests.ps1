# New-NetNamespaceFixture, New-IpipLabFixture, Remove-NetNamespaceFixture, with ip netns
# and ip -n as the oracle and ping through what they build.
Describe 'Fixture cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    It 'makes a namespace with loopback up and removes it twice without complaint' {
        $fixture = New-NetNamespaceFixture pester
        try {
            $fixture.Namespace | Should -BeLike 'pester-*'
            (ip -j netns list | ConvertFrom-Json).name | Should -Contain $fixture.Namespace
            (Get-IpLink $fixture.Namespace lo).flags | Should -Contain 'UP'
            Test-Ping $fixture.Namespace 127.0.0.1 | Should -BeTrue
        }
        finally {
            $fixture | Remove-NetNamespaceFixture -Confirm:$false
        }

        $fixture | Remove-NetNamespaceFixture -Confirm:$false
        $fixture.IsRemoved | Should -BeTrue
        (ip -j netns list | ConvertFrom-Json).name | Should -Not -Contain $fixture.Namespace
    }

    It 'builds the S1 underlay through a router namespace, and removes all of it' {
        $lab = New-IpipLabFixture
        try {
            $lab.Namespaces | Should -HaveCount 3
            Get-IpForwardingOracle $lab.Router | Should -BeTrue
            (Get-IpJsonAddress $lab.Left).local | Should -Contain "$($lab.LeftUnderlay)"
            Test-Ping $lab.Left $lab.RightUnderlay | Should -BeTrue
        }
        finally {
            Remove-NetNamespaceFixture $lab -Confirm:$false
        }

        $names = @((ip -j netns list | ConvertFrom-Json).name)
        $lab.Namespaces | Where-Object { $_ -in $names } | Should -BeNullOrEmpty
    }
}

Describe 'Fixture cmdlets with tunnels' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Lab = New-IpipLabFixture -WithTunnels
    }

    AfterEach {
        # New-IpipLabFixture removes what it made when it fails; then there is no $Lab.
        $Lab | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'builds S1 with its ipip tunnels, which ip sees and ping crosses' {
        $tunnels = @(Get-IpJson $Lab.Left link show type ipip | Where-Object ifname -ne 'tunl0')
        $tunnels | Should -HaveCount 1
        $tunnels[0].linkinfo.info_data.remote | Should -Be "$($Lab.RightUnderlay)"
        Test-Ping $Lab.Left $Lab.RightInner | Should -BeTrue
    }
}
