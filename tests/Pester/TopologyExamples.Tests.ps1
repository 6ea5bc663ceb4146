# The data files in examples/ (S1 and S6), converged by Set-IpipTopology -Path in the qemu
# guest (they hold ipip tunnels): ip -d -j shows what they declare, ping crosses, a second
# Set sends nothing, drift in a tunnel is named and repaired.
Describe 'examples/S1-point-to-point.psd1' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        # The file's current namespace ('') is the router: a fixture, never the machine's own.
        $script:Router = New-NetNamespaceFixture s1r
        $script:Ns1 = New-NamespaceName s1a
        $script:Ns2 = New-NamespaceName s1b
        $script:File = Copy-ExampleTopology S1-point-to-point.psd1 @{ ns1 = $Ns1; ns2 = $Ns2 }
    }

    AfterEach {
        $Ns1, $Ns2 | Remove-NamespaceIfPresent
        Remove-NetNamespaceFixture $Router -Confirm:$false
    }

    It 'converges: the tunnels ip sees, and ping 10.10.200.10 from ns1 answers' {
        Set-IpipTopology -Path $File -NetNamespace $Router.Namespace | Out-Null
        $tunl = Get-IpLink $Ns1 tunl
        $tunl.linkinfo.info_kind | Should -Be 'ipip'
        $tunl.linkinfo.info_data.local | Should -Be '10.10.10.2'
        $tunl.linkinfo.info_data.remote | Should -Be '10.10.20.2'
        $tunl.ifalias | Should -Be 'ipiptools:managed'
        (Get-IpJsonAddress $Ns2 tunr).address | Should -Be '10.10.100.10'
        Test-Ping $Ns1 10.10.200.10 | Should -BeTrue
    }

    It 'tests true once converged, and a second Set sends no change request' {
        Test-IpipTopology -Path $File -NetNamespace $Router.Namespace | Should -BeFalse
        Set-IpipTopology -Path $File -NetNamespace $Router.Namespace | Out-Null
        Test-IpipTopology -Path $File -NetNamespace $Router.Namespace | Should -BeTrue
        $before = Get-IpState $Router.Namespace, $Ns1, $Ns2
        (Set-IpipTopology -Path $File -NetNamespace $Router.Namespace).ChangeRequests | Should -Be 0
        Get-IpState $Router.Namespace, $Ns1, $Ns2 | Should -Be $before
    }

    It 'names a ttl that ip changed, and Set puts it back' {
        Set-IpipTopology -Path $File -NetNamespace $Router.Namespace | Out-Null
        ip -n $Ns1 link set tunl type ipip ttl 10
        $drift = @(Test-IpipTopology -Path $File -NetNamespace $Router.Namespace -Detailed)
        $drift | Should -HaveCount 1
        $drift[0].Target | Should -BeLike '*tunl*'
        $drift[0].Reason | Should -BeLike '*ttl*10*'
        Set-IpipTopology -Path $File -NetNamespace $Router.Namespace | Out-Null
        [int](Get-IpLink $Ns1 tunl).linkinfo.info_data.ttl | Should -Be 0
        Test-Ping $Ns1 10.10.200.10 | Should -BeTrue
    }

    It 'shows the plan under -WhatIf and creates nothing' {
        $run = Invoke-HostCaptured { Set-IpipTopology -Path $file -NetNamespace $ns -WhatIf } @{ file = $File; ns = $Router.Namespace }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -BeLike 'What if:*'
        $run.Output[0].Steps.Target | Should -Contain 'ipip tunl'
        (ip -j netns list | ConvertFrom-Json).name | Should -Not -Contain $Ns1
    }
}

Describe 'examples/S6-calico-mesh.psd1' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Names = @{
            'underlay' = New-NamespaceName s6u
            'node-a'   = New-NamespaceName s6a
            'node-b'   = New-NamespaceName s6b
            'node-c'   = New-NamespaceName s6c
        }
        $script:File = Copy-ExampleTopology S6-calico-mesh.psd1 $Names
    }

    AfterEach {
        $Names.Values | Remove-NamespaceIfPresent
    }

    It 'converges the mesh: A reaches B and C through tunl0, and B sees the inner source 10.42.1.0' {
        Set-IpipTopology -Path $File | Out-Null
        $a = $Names['node-a']
        $route = Get-IpJsonRoute $a | Where-Object dst -eq '10.42.3.0/24'
        $route.gateway | Should -Be '172.16.168.113'
        $route.dev | Should -Be 'tunl0'
        $route.flags | Should -Contain 'onlink'
        (Get-IpJsonAddress $a tunl0).local | Should -Be '10.42.1.0'
        $capture = Start-PacketCapture $Names['node-b'] tunl0
        Test-Ping $a 10.42.2.1 | Should -BeTrue
        ($capture | Receive-PacketCapture).Text | Should -BeLike '*10.42.1.0 > 10.42.2.1: ICMP echo request*'
        Test-Ping $a 10.42.3.1 | Should -BeTrue
    }

    It 'tests true once converged, and a second Set sends no change request' {
        Set-IpipTopology -Path $File | Out-Null
        Test-IpipTopology -Path $File | Should -BeTrue
        (Set-IpipTopology -Path $File).ChangeRequests | Should -Be 0
    }

    It 'removes a route to a departed node from tunl0 (Exclusive), and keeps routes of others' {
        Set-IpipTopology -Path $File | Out-Null
        $a = $Names['node-a']
        ip -n $a route add 10.42.9.0/24 via 172.16.165.62 dev tunl0 onlink proto 73
        ip -n $a route add 10.43.0.0/24 via 172.16.165.62 dev tunl0 onlink
        $drift = @(Test-IpipTopology -Path $File -Detailed)
        $drift.Target | Should -BeLike '10.42.9.0/24*'
        Set-IpipTopology -Path $File | Out-Null
        (Get-IpJsonRoute $a).dst | Should -Not -Contain '10.42.9.0/24'
        (Get-IpJsonRoute $a).dst | Should -Contain '10.43.0.0/24'
    }
}
