# A veth lab (New-VethLab) with an address on its first end: where the route suites add
# routes, onlink ones to gateways on that end's network or beyond it.
function New-RouteLab {
    param([string] $Device = 'cp0', [string] $Peer = 'cp1', [string] $Address = '198.51.100.2')

    $fixture = New-VethLab $Device $Peer
    $fixture | Add-TunnelPeerAddress $Address -PrefixLength 24 -InterfaceName $Device | Out-Null
    $fixture
}
