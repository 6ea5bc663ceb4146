# Scenario S6: a one-to-many mesh, Calico style (reference document 004;
# see docs/SCENARIOS.md).
#
# Three nodes A, B and C on a routed underlay: each node's eth0 is on a subnet of its own
# (A 172.16.165.33/27, B 172.16.165.244/28, C 172.16.168.113/24), and the 'underlay'
# namespace routes between them. Each node has a bridge mybr0 with its host block
# 10.42.N.1/24, and the ipip fallback device tunl0, up, with the one address 10.42.N.0/32;
# every other node's block is reached by an onlink route via that node's underlay address
# on tunl0. tunl0 is Exclusive: its addresses and IpipTools' routes out of it are exactly
# these, so a node leaving the mesh is removed by the next Set-IpipTopology.
#
#   Set-IpipTopology -Path ./S6-calico-mesh.psd1
#   ip netns exec node-a ping 10.42.2.1    # B's bridge, through the tunnel
#   ip netns exec node-a ping 10.42.3.1    # C's bridge, through the tunnel and the router
#
# tunl0 exists only where the ipip module is loaded; the data file cannot create it.
@{
    Description = 'S6: three nodes meshed through tunl0 with onlink routes, Calico style'
    Namespaces  = @(
        @{
            Name       = 'underlay'
            Forwarding = $true
            Veths      = @(
                @{ Name = 'to-a'; Peer = 'eth0'; PeerNamespace = 'node-a' }
                @{ Name = 'to-b'; Peer = 'eth0'; PeerNamespace = 'node-b' }
                @{ Name = 'to-c'; Peer = 'eth0'; PeerNamespace = 'node-c' }
            )
            Addresses  = @(
                @{ Device = 'to-a'; Address = '172.16.165.62/27' }
                @{ Device = 'to-b'; Address = '172.16.165.254/28' }
                @{ Device = 'to-c'; Address = '172.16.168.1/24' }
            )
        }
        @{
            Name      = 'node-a'
            Devices   = @( @{ Name = 'lo' } )
            Bridges   = @( @{ Name = 'mybr0' } )
            Tunnels   = @( @{ Name = 'tunl0'; Exclusive = $true } )
            Addresses = @(
                @{ Device = 'eth0'; Address = '172.16.165.33/27' }
                @{ Device = 'mybr0'; Address = '10.42.1.1/24' }
                @{ Device = 'tunl0'; Address = '10.42.1.0/32' }
            )
            Routes    = @(
                @{ Destination = 'default'; Gateway = '172.16.165.62' }
                @{ Destination = '10.42.2.0/24'; Gateway = '172.16.165.244'; Device = 'tunl0'; OnLink = $true }
                @{ Destination = '10.42.3.0/24'; Gateway = '172.16.168.113'; Device = 'tunl0'; OnLink = $true }
            )
        }
        @{
            Name      = 'node-b'
            Devices   = @( @{ Name = 'lo' } )
            Bridges   = @( @{ Name = 'mybr0' } )
            Tunnels   = @( @{ Name = 'tunl0'; Exclusive = $true } )
            Addresses = @(
                @{ Device = 'eth0'; Address = '172.16.165.244/28' }
                @{ Device = 'mybr0'; Address = '10.42.2.1/24' }
                @{ Device = 'tunl0'; Address = '10.42.2.0/32' }
            )
            Routes    = @(
                @{ Destination = 'default'; Gateway = '172.16.165.254' }
                @{ Destination = '10.42.1.0/24'; Gateway = '172.16.165.33'; Device = 'tunl0'; OnLink = $true }
                @{ Destination = '10.42.3.0/24'; Gateway = '172.16.168.113'; Device = 'tunl0'; OnLink = $true }
            )
        }
        @{
            Name      = 'node-c'
            Devices   = @( @{ Name = 'lo' } )
            Bridges   = @( @{ Name = 'mybr0' } )
            Tunnels   = @( @{ Name = 'tunl0'; Exclusive = $true } )
            Addresses = @(
                @{ Device = 'eth0'; Address = '172.16.168.113/24' }
                @{ Device = 'mybr0'; Address = '10.42.3.1/24' }
                @{ Device = 'tunl0'; Address = '10.42.3.0/32' }
            )
            Routes    = @(
                @{ Destination = 'default'; Gateway = '172.16.168.1' }
                @{ Destination = '10.42.1.0/24'; Gateway = '172.16.165.33'; Device = 'tunl0'; OnLink = $true }
                @{ Destination = '10.42.2.0/24'; Gateway = '172.16.165.244'; Device = 'tunl0'; OnLink = $true }
            )
        }
    )
}
