# Building blocks the S1-S6 scenarios share, made of the module's cmdlets only (iproute2 is
# only ever the oracle). A "host" of the reference documents is a namespace; the machine's
# root namespace is never touched: where a document uses it as the router, a router
# namespace stands in.

# Joins NODE to ROUTER with a veth pair, both ends up and addressed, and routes DESTINATION
# from NODE via the router's end, with a plain address on each end (Add-IpAddress) and a
# plain route via a gateway (Add-IpRoute).
function Connect-RouterLink {
    param(
        [Parameter(Mandatory)] [string] $Router,
        [Parameter(Mandatory)] [string] $Node,
        [Parameter(Mandatory)] [string] $RouterEnd,
        [Parameter(Mandatory)] [string] $NodeEnd,
        [Parameter(Mandatory)] [string] $RouterAddress,
        [Parameter(Mandatory)] [string] $NodeAddress,
        [Parameter(Mandatory)] [byte] $PrefixLength,
        [Parameter(Mandatory)] [string] $NodeRoute
    )

    New-VethPair $RouterEnd $NodeEnd -PeerNamespace $Node -Up -NetNamespace $Router | Out-Null
    Add-IpAddress "$RouterAddress/$PrefixLength" -InterfaceName $RouterEnd -NetNamespace $Router | Out-Null
    Add-IpAddress "$NodeAddress/$PrefixLength" -InterfaceName $NodeEnd -NetNamespace $Node | Out-Null
    Add-IpRoute $NodeRoute -Gateway $RouterAddress -InterfaceName $NodeEnd -NetNamespace $Node | Out-Null
}

# A bridge with an address in NAMESPACE, made by Set-IpipTopology from a hashtable topology
# (New-NetBridge and Add-IpAddress would do the same; the topology is one call for both).
function New-ScenarioBridge {
    param([Parameter(Mandatory)] [string] $Namespace, [Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Address)
    $topology = @{ Namespaces = @(@{ Name = ''; Bridges = @(@{ Name = $Name }); Addresses = @(@{ Device = $Name; Address = $Address }) }) }
    Set-IpipTopology -InputObject $topology -NetNamespace $Namespace | Out-Null
}
