# Scenario S2: two hosts, point-to-point (reference document 001). Host-01 (10.90.6.238) and
# Host-02 (192.168.1.129) are namespaces on two subnets that a router namespace joins;
# tun01 and tun02 carry 172.66.1.101 <-> 172.66.2.101.
Describe 'Scenario S2: two hosts, point-to-point' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Helpers.ps1')

        # Configures the namespaces of $s (made first, so AfterEach removes them even if this fails).
        function Build-S2($s) {
            $h1 = $s.Host01.Namespace
            $h2 = $s.Host02.Namespace
            Connect-RouterLink $s.Router.Namespace $h1 host01-p eth0 10.90.6.1 10.90.6.238 24 0.0.0.0/0
            Connect-RouterLink $s.Router.Namespace $h2 host02-p eth0 192.168.1.1 192.168.1.129 24 0.0.0.0/0
            $s.Router | Enable-IpForwarding
            New-IpipTunnel tun01 -Remote 192.168.1.129 -Local 10.90.6.238 -Up -NetNamespace $h1 | Add-TunnelPeerAddress 172.66.1.101 -Peer 172.66.2.101 | Out-Null
            New-IpipTunnel tun02 -Remote 10.90.6.238 -Local 192.168.1.129 -Up -NetNamespace $h2 | Add-TunnelPeerAddress 172.66.2.101 -Peer 172.66.1.101 | Out-Null
        }
    }

    BeforeEach {
        $script:S = [pscustomobject]@{ Host01 = New-NetNamespaceFixture s2h1; Host02 = New-NetNamespaceFixture s2h2; Router = New-NetNamespaceFixture s2r }
        Build-S2 $S
        $script:H1 = $S.Host01.Namespace
        $script:H2 = $S.Host02.Namespace
    }

    AfterEach {
        $S.Host01, $S.Host02, $S.Router | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'pings both ways' {
        Test-Ping $H1 172.66.2.101 | Should -BeTrue
        Test-Ping $H2 172.66.1.101 | Should -BeTrue
    }

    It 'a capture on the tunnel shows only the inner ICMP (link-type RAW)' {
        $capture = Start-PacketCapture $H1 tun01 -Filter '' -Count 2
        Test-Ping $H1 172.66.2.101 | Should -BeTrue
        $seen = $capture | Receive-PacketCapture
        $seen.Banner | Should -BeLike '*link-type RAW*'
        $seen.Lines | Should -HaveCount 2
        $seen.Lines[0] | Should -BeLike 'IP 172.66.1.101 > 172.66.2.101: ICMP echo request*'
        $seen.Lines[1] | Should -BeLike 'IP 172.66.2.101 > 172.66.1.101: ICMP echo reply*'
        $seen.Lines | Should -Not -BeLike '*: IP *' -Because 'no outer header reaches the tunnel device'
    }

    It 'a capture on the underlay shows outer 10.90.6.238 > 192.168.1.129 carrying protocol 4' {
        $capture = Start-PacketCapture $H1 eth0 -Filter 'ip proto 4' -Count 1 -Detailed
        Test-Ping $H1 172.66.2.101 | Should -BeTrue
        $seen = $capture | Receive-PacketCapture
        $seen.Banner | Should -BeLike '*link-type EN10MB*'
        $seen.Text | Should -BeLike '*proto IPIP (4)*10.90.6.238 > 192.168.1.129: IP *172.66.1.101 > 172.66.2.101: ICMP echo request*'
    }
}
