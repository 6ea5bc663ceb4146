# Set-IpipMesh: one node of a Calico-style mesh in one call. On the host kernel the mesh
# device is a veth end (the cmdlet configures any existing device the same way); with
# -Tag Tunnel it is tunl0, as in scenario S6. ip -d -j is the oracle, ping the proof.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # Two nodes joined by a link: each node's underlay address sits on its loopback and is
    # reached over the link by a device route (what tunl0's outer packets need), and it
    # answers ARP on the link (what an onlink next hop on the link itself needs).
    function New-MeshPair {
        $pair = [pscustomobject]@{ A = New-NetNamespaceFixture mesha; B = New-NetNamespaceFixture meshb }
        $pair.A | New-VethPair va vb -PeerNamespace $pair.B.Namespace -Up | Out-Null
        $pair.A | Add-TunnelPeerAddress 172.16.165.33 -PrefixLength 32 -InterfaceName lo | Out-Null
        $pair.B | Add-TunnelPeerAddress 172.16.165.244 -PrefixLength 32 -InterfaceName lo | Out-Null
        $pair.A | Add-OnlinkRoute 172.16.165.244/32 -InterfaceName va | Out-Null
        $pair.B | Add-OnlinkRoute 172.16.165.33/32 -InterfaceName vb | Out-Null
        $pair
    }
}

Describe 'Set-IpipMesh' {
    BeforeEach {
        $script:Pair = New-MeshPair
        $script:A = $Pair.A.Namespace
        $script:B = $Pair.B.Namespace
    }

    AfterEach {
        $Pair.A, $Pair.B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'gives the device one /32 and one onlink route per peer block, as ip sees them, and traffic crosses' {
        $result = Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '172.16.165.244'; '10.42.3.0/24' = '172.16.168.113' } -Device va -RouteMtu 1440 -NetNamespace $A
        $result.StepsApplied | Should -BeGreaterThan 0
        Set-IpipMesh 10.42.2.0 @{ '10.42.1.0/24' = '172.16.165.33' } -Device vb -NetNamespace $B | Out-Null

        $address = @(Get-IpJsonAddress $A va)
        $address | Should -HaveCount 1
        $address[0].local | Should -Be '10.42.1.0'
        $address[0].prefixlen | Should -Be 32
        $route = Get-IpJsonRoute $A | Where-Object dst -eq '10.42.2.0/24'
        $route.gateway | Should -Be '172.16.165.244'
        $route.dev | Should -Be 'va'
        $route.flags | Should -Contain 'onlink'
        "$($route.protocol)" | Should -Be '73'
        $route.metrics.mtu | Should -Be 1440
        (Get-IpJsonRoute $A | Where-Object dst -eq '10.42.3.0/24').gateway | Should -Be '172.16.168.113'
        Test-Ping $A 10.42.2.0 | Should -BeTrue
    }

    It 'sends no change request when the node already is what the mesh says' {
        $peers = @{ '10.42.2.0/24' = '172.16.165.244' }
        Set-IpipMesh 10.42.1.0 $peers -Device va -NetNamespace $A | Out-Null
        $before = Get-IpState $A
        $again = Set-IpipMesh 10.42.1.0 $peers -Device va -NetNamespace $A
        $again.ChangeRequests | Should -Be 0
        Get-IpState $A | Should -Be $before
    }

    It 'drops a departed peer and a stray address, and leaves routes IpipTools did not make' {
        Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '172.16.165.244'; '10.42.3.0/24' = '172.16.168.113' } -Device va -NetNamespace $A | Out-Null
        ip -n $A addr add 10.42.9.9/32 dev va
        ip -n $A route add 10.77.0.0/24 via 172.16.165.244 dev va onlink
        Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '172.16.165.244' } -Device va -NetNamespace $A | Out-Null
        $destinations = (Get-IpJsonRoute $A).dst
        $destinations | Should -Contain '10.42.2.0/24'
        $destinations | Should -Not -Contain '10.42.3.0/24'
        $destinations | Should -Contain '10.77.0.0/24'
        (Get-IpJsonAddress $A va).local | Should -Be @('10.42.1.0')
    }

    It 'writes the plan under -WhatIf and changes nothing' {
        $before = Get-IpState $A
        $run = Invoke-HostCaptured { Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '172.16.165.244' } -Device va -NetNamespace $ns -WhatIf } @{ ns = $A }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -BeLike 'What if:*'
        @($run.Output[0].Steps.Target -like '10.42.2.0/24 via 172.16.165.244 dev va *onlink') | Should -HaveCount 1
        @($run.Output[0].Steps.Target -like '10.42.1.0/32 dev va') | Should -HaveCount 1
        Get-IpState $A | Should -Be $before
    }
}

Describe 'Set-IpipMesh on tunl0' -Tag Tunnel {
    BeforeEach {
        $script:Pair = New-MeshPair
        $script:A = $Pair.A.Namespace
        $script:B = $Pair.B.Namespace
    }

    AfterEach {
        $Pair.A, $Pair.B | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'brings tunl0 up with the node address and meshes two nodes through it' {
        Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '172.16.165.244' } -NetNamespace $A | Out-Null
        Set-IpipMesh 10.42.2.0 @{ '10.42.1.0/24' = '172.16.165.33' } -NetNamespace $B | Out-Null
        (Get-IpLink $A tunl0).flags | Should -Contain 'UP'
        (Get-IpJsonAddress $A tunl0).local | Should -Be '10.42.1.0'
        $route = Get-IpJsonRoute $A | Where-Object dst -eq '10.42.2.0/24'
        $route.dev | Should -Be 'tunl0'
        $route.flags | Should -Contain 'onlink'
        $capture = Start-PacketCapture $B tunl0
        Test-Ping $A 10.42.2.0 | Should -BeTrue
        ($capture | Receive-PacketCapture).Text | Should -BeLike '*10.42.1.0 > 10.42.2.0: ICMP echo request*'
    }
}
