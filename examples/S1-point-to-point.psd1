# Scenario S1: two namespaces, point-to-point IPIP (reference documents 000 and 003;
# see docs/SCENARIOS.md).
#
# ns1 and ns2 each hang off the namespace the command runs in ('' below, the host's root
# namespace in the documents) through a veth pair; that namespace routes between them.
# Over this underlay, tunl (ns1) and tunr (ns2) form a point-to-point ipip tunnel with
# the peer addresses 10.10.100.10 <-> 10.10.200.10.
#
#   Set-IpipTopology -Path ./S1-point-to-point.psd1
#   ip netns exec ns1 ping 10.10.200.10
#
# Everything IpipTools creates here is marked as its own (alias ipiptools:managed on the
# links, proto 73 on addresses and routes), so Set-IpipTopology -Prune on a changed copy
# of this file removes only what this file made.
@{
    Description = 'S1: ns1 and ns2, joined through the current namespace, with a point-to-point ipip tunnel'
    Namespaces  = @(
        @{
            Name       = ''
            Forwarding = $true
            Veths      = @(
                @{ Name = 'v1-P'; Peer = 'v1'; PeerNamespace = 'ns1' }
                @{ Name = 'v2-P'; Peer = 'v2'; PeerNamespace = 'ns2' }
            )
            Addresses  = @(
                @{ Device = 'v1-P'; Address = '10.10.10.1/24' }
                @{ Device = 'v2-P'; Address = '10.10.20.1/24' }
            )
        }
        @{
            Name      = 'ns1'
            Tunnels   = @(
                @{ Name = 'tunl'; Local = '10.10.10.2'; Remote = '10.10.20.2' }
            )
            Addresses = @(
                @{ Device = 'v1'; Address = '10.10.10.2/24' }
                @{ Device = 'tunl'; Address = '10.10.100.10'; Peer = '10.10.200.10' }
            )
            Routes    = @(
                @{ Destination = '10.10.20.0/24'; Gateway = '10.10.10.1' }
            )
        }
        @{
            Name      = 'ns2'
            Tunnels   = @(
                @{ Name = 'tunr'; Local = '10.10.20.2'; Remote = '10.10.10.2' }
            )
            Addresses = @(
                @{ Device = 'v2'; Address = '10.10.20.2/24' }
                @{ Device = 'tunr'; Address = '10.10.200.10'; Peer = '10.10.100.10' }
            )
            Routes    = @(
                @{ Destination = '10.10.10.0/24'; Gateway = '10.10.20.1' }
            )
        }
    )
}
