# Scenario S4: NBMA through the fallback device tunl0 (reference document 002). host1..3
# share one underlay segment 192.168.122.0/24 (a bridge in a switch namespace) and each has
# a /32 on lo (11.1.1.1, 12.1.1.1, 13.1.1.1) that the others reach through tunl0 with an
# onlink route whose next hop is that host's underlay address.
Describe 'Scenario S4: NBMA through tunl0' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Helpers.ps1')

        # Configures the namespaces of $s (made first, so AfterEach removes them even if this fails).
        function Build-S4($s) {
            # The segment: a bridge with a veth port per host. No cmdlet makes a bridge or sets a
            # veth's master yet; Set-IpipTopology does both from a hashtable.
            $ports = for ($i = 1; $i -le 3; $i++) { @{ Name = "port$i"; Peer = 'eth0'; PeerNamespace = $s.Hosts[$i - 1].Namespace; Master = 'br0' } }
            Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Bridges = @(@{ Name = 'br0' }); Veths = @($ports) }) } -NetNamespace $s.Switch.Namespace | Out-Null
            for ($i = 1; $i -le 3; $i++) {
                $ns = $s.Hosts[$i - 1].Namespace
                Add-IpAddress "1$i.1.1.1/32" -InterfaceName lo -NetNamespace $ns | Out-Null
                Add-IpAddress "192.168.122.1$i/24" -InterfaceName eth0 -NetNamespace $ns | Out-Null
                Set-IpipTunnel tunl0 -Up -NetNamespace $ns
                foreach ($j in 1..3 | Where-Object { $_ -ne $i }) {
                    Get-IpipTunnel tunl0 -NetNamespace $ns | Add-OnlinkRoute "1$j.1.1.1/32" -Gateway "192.168.122.1$j" | Out-Null
                }
            }
        }
    }

    BeforeEach {
        $script:S = [pscustomobject]@{ Switch = New-NetNamespaceFixture s4sw; Hosts = @(1, 2, 3 | ForEach-Object { New-NetNamespaceFixture "s4h$_" }) }
        Build-S4 $S
        $script:Host1 = $S.Hosts[0].Namespace
    }

    AfterEach {
        @($S.Hosts) + $S.Switch | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'ping 12.1.1.1 -I 11.1.1.1 answers, and 13.1.1.1' {
        Test-Ping $Host1 12.1.1.1 -Source 11.1.1.1 | Should -BeTrue
        Test-Ping $Host1 13.1.1.1 -Source 11.1.1.1 | Should -BeTrue
    }

    It 'the route''s next hop becomes the outer destination' {
        $route = Get-IpJsonRoute $Host1 | Where-Object dst -eq '12.1.1.1'
        $route.gateway | Should -Be '192.168.122.12'
        $route.dev | Should -Be 'tunl0'
        $route.flags | Should -Contain 'onlink'
        $capture = Start-PacketCapture $Host1 eth0 -Filter 'ip proto 4' -Count 1
        Test-Ping $Host1 12.1.1.1 -Source 11.1.1.1 | Should -BeTrue
        ($capture | Receive-PacketCapture).Lines[0] | Should -BeLike 'IP 192.168.122.11 > 192.168.122.12: IP 11.1.1.1 > 12.1.1.1: ICMP echo request*'
    }

    It 'without onlink the kernel refuses the route: its next hop is not on tunl0''s network' {
        $before = Get-IpState $Host1
        Add-IpRoute 14.1.1.1/32 -Gateway 192.168.122.14 -InterfaceName tunl0 -NetNamespace $Host1 -ErrorVariable failure -ErrorAction SilentlyContinue
        ($failure[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'RouteGatewayRejected'
        $failure[0].Exception.Message | Should -BeLike '*192.168.122.14*'
        Compare-IpState $before (Get-IpState $Host1) | Should -BeNullOrEmpty
    }

    It 'a tunnel with no parameters fails with EEXIST, saying tunl0 holds that empty set' {
        $before = Get-IpState $Host1
        New-IpipTunnel ipipx -NetNamespace $Host1 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failure[0].Exception.Message | Should -BeLike '*tunl0*'
        Compare-IpState $before (Get-IpState $Host1) | Should -BeNullOrEmpty
    }
}
