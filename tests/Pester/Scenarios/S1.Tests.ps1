# Scenario S1: two namespaces, point-to-point ipip (reference documents 000 and 003).
# ns1 and ns2 hang off a router namespace (the documents' root namespace) through veth
# pairs; tunl (ns1) and tunr (ns2) carry 10.10.100.10 <-> 10.10.200.10.
Describe 'Scenario S1: two namespaces, point-to-point ipip' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Helpers.ps1')

        # Configures the namespaces of $s (made first, so AfterEach removes them even if this fails).
        function Build-S1($s) {
            $ns1 = $s.Ns1.Namespace
            $ns2 = $s.Ns2.Namespace
            Connect-RouterLink $s.Router.Namespace $ns1 v1-P v1 10.10.10.1 10.10.10.2 24 10.10.20.0/24
            Connect-RouterLink $s.Router.Namespace $ns2 v2-P v2 10.10.20.1 10.10.20.2 24 10.10.10.0/24
            $s.Router | Enable-IpForwarding
            New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up -NetNamespace $ns1 | Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10 | Out-Null
            New-IpipTunnel tunr -Remote 10.10.10.2 -Local 10.10.20.2 -Up -NetNamespace $ns2 | Add-TunnelPeerAddress 10.10.200.10 -Peer 10.10.100.10 | Out-Null
        }
    }

    BeforeEach {
        $script:S = [pscustomobject]@{ Ns1 = New-NetNamespaceFixture s1a; Ns2 = New-NetNamespaceFixture s1b; Router = New-NetNamespaceFixture s1r }
        Build-S1 $S
        $script:Ns1 = $S.Ns1.Namespace
        $script:Ns2 = $S.Ns2.Namespace
    }

    AfterEach {
        $S.Ns1, $S.Ns2, $S.Router | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'ping 10.10.200.10 from ns1 answers, and 10.10.100.10 from ns2' {
        Test-Ping $Ns1 10.10.200.10 | Should -BeTrue
        Test-Ping $Ns2 10.10.100.10 | Should -BeTrue
    }

    It 'ns1 has the kernel route 10.10.200.10 dev tunl scope link, and Get-IpRoute agrees' {
        $route = Get-IpJsonRoute $Ns1 | Where-Object dst -eq '10.10.200.10'
        $route.dev | Should -Be 'tunl'
        $route.scope | Should -Be 'link'
        $reported = Get-IpRoute -Destination 10.10.200.10/32 -NetNamespace $Ns1
        $reported.Device | Should -Be 'tunl'
        $reported.Scope | Should -Be 'Link'
    }

    It 'tunl is link/ipip 10.10.10.2 peer 10.10.20.2, POINTOPOINT,NOARP,UP,LOWER_UP, mtu 1480' {
        $tunl = Get-IpLink $Ns1 tunl
        $tunl.link_type | Should -Be 'ipip'
        $tunl.address | Should -Be '10.10.10.2'
        $tunl.broadcast | Should -Be '10.10.20.2'
        $tunl.flags | Should -Be @('POINTOPOINT', 'NOARP', 'UP', 'LOWER_UP')
        $tunl.mtu | Should -Be 1480
        $reported = Get-IpipTunnel tunl -NetNamespace $Ns1
        $reported.Local | Should -Be ([ipaddress]'10.10.10.2')
        $reported.Remote | Should -Be ([ipaddress]'10.10.20.2')
        $reported.Mtu | Should -Be 1480
    }

    It 'each namespace also shows the fallback device tunl0, down, link/ipip 0.0.0.0' {
        foreach ($ns in $Ns1, $Ns2) {
            $tunl0 = Get-IpLink $ns tunl0
            $tunl0.link_type | Should -Be 'ipip'
            $tunl0.address | Should -Be '0.0.0.0'
            $tunl0.flags | Should -Not -Contain 'UP'
            (Get-IpipTunnel tunl0 -NetNamespace $ns).IsFallback | Should -BeTrue
        }
    }
}
