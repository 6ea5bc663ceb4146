# Scenario S6: a one-to-many mesh, Calico style (reference document 004). Nodes A
# (172.16.165.33/27), B (172.16.165.244/28) and C (172.16.168.113/24) sit on three subnets a
# router namespace joins. Each has a bridge mybr0 with 10.42.N.1/24, and tunl0 up with
# 10.42.N.0/32 and an onlink route per other node's block, made one command at a time as the
# document does (New-NetBridge, Set-IpipTunnel, the address and route cmdlets).
Describe 'Scenario S6: one-to-many mesh through tunl0' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Helpers.ps1')

        $script:Nodes = @(
            @{ N = 1; Underlay = '172.16.165.33'; Router = '172.16.165.62'; PrefixLength = 27 }
            @{ N = 2; Underlay = '172.16.165.244'; Router = '172.16.165.254'; PrefixLength = 28 }
            @{ N = 3; Underlay = '172.16.168.113'; Router = '172.16.168.1'; PrefixLength = 24 }
        )

        # Configures the namespaces of $s (made first, so AfterEach removes them even if this fails).
        function Build-S6($s) {
            $s.Router | Enable-IpForwarding
            for ($i = 0; $i -lt 3; $i++) {
                $node = $Nodes[$i]
                $ns = $s.Nodes[$i].Namespace
                Connect-RouterLink $s.Router.Namespace $ns "to-$($node.N)" eth0 $node.Router $node.Underlay $node.PrefixLength 0.0.0.0/0
                New-NetBridge mybr0 -Up -NetNamespace $ns | Add-IpAddress "10.42.$($node.N).1" -PrefixLength 24 | Out-Null
                $tunl0 = Set-IpipTunnel tunl0 -Up -PassThru -NetNamespace $ns
                $tunl0 | Add-IpAddress "10.42.$($node.N).0" -PrefixLength 32 | Out-Null
                foreach ($other in $Nodes | Where-Object N -ne $node.N) {
                    $tunl0 | Add-OnlinkRoute "10.42.$($other.N).0/24" -Gateway $other.Underlay | Out-Null
                }
            }
        }
    }

    BeforeEach {
        $script:S = [pscustomobject]@{ Router = New-NetNamespaceFixture s6r; Nodes = @($Nodes | ForEach-Object { New-NetNamespaceFixture "s6n$($_.N)" }) }
        Build-S6 $S
        $script:A = $S.Nodes[0].Namespace
    }

    AfterEach {
        @($S.Nodes) + $S.Router | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'from A, ping 10.42.2.1 and 10.42.3.1 answer' {
        Test-Ping $A 10.42.2.1 | Should -BeTrue
        Test-Ping $A 10.42.3.1 | Should -BeTrue
    }

    It 'on B and C the tunnel capture shows the inner source 10.42.1.0' {
        foreach ($i in 1, 2) {
            $capture = Start-PacketCapture $S.Nodes[$i].Namespace tunl0 -Count 1
            Test-Ping $A "10.42.$($i + 1).1" | Should -BeTrue
            ($capture | Receive-PacketCapture).Lines[0] | Should -BeLike "IP 10.42.1.0 > 10.42.$($i + 1).1: ICMP echo request*"
        }
    }

    It 'each node''s subnet is on the bridge mybr0, up, as ip sees it' {
        for ($i = 0; $i -lt 3; $i++) {
            $ns = $S.Nodes[$i].Namespace
            $bridge = Get-IpLink $ns mybr0
            $bridge.linkinfo.info_kind | Should -Be 'bridge'
            $bridge.flags | Should -Contain 'UP'
            (Get-IpJsonAddress $ns mybr0 | Where-Object family -eq inet | ForEach-Object { "$($_.local)/$($_.prefixlen)" }) | Should -Be "10.42.$($Nodes[$i].N).1/24"
        }
    }

    It 'each node has tunl0 up with 10.42.N.0/32 and an onlink route via each other node''s underlay' {
        for ($i = 0; $i -lt 3; $i++) {
            $ns = $S.Nodes[$i].Namespace
            (Get-IpLink $ns tunl0).flags | Should -Contain 'UP'
            $address = Get-IpJsonAddress $ns tunl0
            "$($address.local)/$($address.prefixlen)" | Should -Be "10.42.$($Nodes[$i].N).0/32"
            foreach ($other in $Nodes | Where-Object N -ne $Nodes[$i].N) {
                $route = Get-IpJsonRoute $ns | Where-Object dst -eq "10.42.$($other.N).0/24"
                $route.gateway | Should -Be $other.Underlay
                $route.dev | Should -Be 'tunl0'
                $route.flags | Should -Contain 'onlink'
            }
        }
    }
}
