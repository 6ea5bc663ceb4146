# Bad input at the cmdlet level, one row each: the cmdlet must fail with an ErrorRecord whose
# category, error id and message say what was wrong (the message names the bad value or the
# missing object), and leave links, addresses and routes in both namespaces exactly as they
# were (ip -d -j before and after). Runs on any kernel: nothing here needs the ipip driver.
#
# A row may also name Advice: text the message or the recommended action must hold (the
# network a prefix with host bits probably meant, the cmdlet that lists namespaces).
#
# Each row's Act gets $T: Ns (namespace A: veth bi0 up with 10.60.0.1/24 and a route
# 10.61.0.0/24 via 10.60.0.254, bridge bibr up, bridge bidown down), Peer (namespace B,
# holding bi0's peer bi1), Missing (a namespace name that does not exist) and Drive (a
# folder for files).
BeforeDiscovery {
    $rows = @(
        # interface names
        @{ Row = 'link name of 16 bytes'; Act = { param($T) New-VethPair 'sixteen-letters!' x0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidInterfaceName'; Fragment = "'sixteen-letters!'" }
        @{ Row = 'link name with /'; Act = { param($T) New-VethPair 'a/b' x0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidInterfaceName'; Fragment = "'a/b'" }
        @{ Row = 'link name with a space'; Act = { param($T) New-VethPair 'a b' x0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidInterfaceName'; Fragment = "'a b'" }
        @{ Row = 'veth peer name with :'; Act = { param($T) New-VethPair ok0 'bad:peer' -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidInterfaceName'; Fragment = "'bad:peer'" }
        @{ Row = 'tunnel name of 20 bytes'; Act = { param($T) New-IpipTunnel 'tunnel-name-too-long' -Remote 192.0.2.2 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidInterfaceName'; Fragment = "'tunnel-name-too-long'" }
        @{ Row = 'veth ends with one name'; Act = { param($T) New-VethPair x0 x0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'VethEndNamesEqual'; Fragment = "'x0'"; Advice = '-PeerName' }
        @{ Row = 'link name taken'; Act = { param($T) New-VethPair bibr x0 -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'LinkNameTaken'; Fragment = "'bibr'" }
        @{ Row = 'bridge name in a topology too long'; Act = { param($T) Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Bridges = @(@{ Name = 'sixteen-letters!' }) }) } -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'TopologyFormatError'; Fragment = "'sixteen-letters!'" }

        # bridges and links (New-NetBridge, Set-NetLink, Remove-NetLink, Remove-NetBridge)
        @{ Row = 'bridge name of 16 bytes'; Act = { param($T) New-NetBridge 'sixteen-letters!' -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidInterfaceName'; Fragment = "'sixteen-letters!'" }
        @{ Row = 'bridge name taken'; Act = { param($T) New-NetBridge bibr -Up -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'LinkNameTaken'; Fragment = "'bibr'" }
        @{ Row = 'master that does not exist'; Act = { param($T) Set-NetLink bi0 -Master nobr -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'MasterNotFound'; Fragment = "'nobr'"; Advice = 'New-NetBridge' }
        @{ Row = 'master that is not a bridge, with a rename'; Act = { param($T) Set-NetLink bidown -NewName bix -Master bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NotAMaster'; Fragment = "'bi0' is a veth"; Advice = 'Get-NetLink -Kind bridge' }
        @{ Row = 'master and nomaster at once'; Act = { param($T) Set-NetLink bi0 -Master bibr -NoMaster -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidLinkChange'; Fragment = '-NoMaster' }
        @{ Row = 'link MTU out of range, with a rename'; Act = { param($T) Set-NetLink bi0 -NewName bix -Mtu 70000 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidMtu'; Fragment = '70000' }
        @{ Row = 'rename to a taken name'; Act = { param($T) Set-NetLink bidown -NewName bibr -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'LinkNameTaken'; Fragment = "'bibr'" }
        @{ Row = 'move to a missing namespace'; Act = { param($T) Set-NetLink bidown -NewNetNamespace $T.Missing -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>'; Advice = 'New-NetNamespace' }
        @{ Row = 'move and rename to a name taken there'; Act = { param($T) Set-NetLink bidown -NewName bi1 -Up -NewNetNamespace $T.Peer -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'LinkNameTaken'; Fragment = "'bi1'" }
        @{ Row = 'attach and move at once'; Act = { param($T) Set-NetLink bidown -Master bibr -NewNetNamespace $T.Peer -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidLinkChange'; Fragment = "'bibr'" }
        @{ Row = 'up and down at once'; Act = { param($T) Set-NetLink bidown -Up -Down -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'UpAndDown'; Fragment = '-Down' }
        @{ Row = 'link change with no setting'; Act = { param($T) Set-NetLink bidown -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NothingToChange'; Fragment = "'bidown'"; Advice = '-Master' }
        @{ Row = 'changing a missing link'; Act = { param($T) Set-NetLink nosuch0 -Up -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'removing loopback'; Act = { param($T) Remove-NetLink lo -NetNamespace $T.Ns -Confirm:$false }; Category = 'InvalidOperation'; ErrorId = 'LinkNotRemovable'; Fragment = "'lo'"; Advice = 'Set-NetLink -Down' }
        @{ Row = 'removing a veth as a bridge'; Act = { param($T) Remove-NetBridge bi0 -NetNamespace $T.Ns -Confirm:$false }; Category = 'InvalidArgument'; ErrorId = 'LinkKindMismatch'; Fragment = "'bi0'" }

        # namespace names
        @{ Row = 'namespace name with /'; Act = { param($T) New-NetNamespace "$($T.Missing)/x" }; Category = 'InvalidArgument'; ErrorId = 'InvalidNamespaceName'; Fragment = '/x' }
        @{ Row = 'namespace name ..'; Act = { param($T) New-NetNamespace '..' }; Category = 'InvalidArgument'; ErrorId = 'InvalidNamespaceName'; Fragment = "'..'" }
        @{ Row = 'namespace name taken'; Act = { param($T) New-NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'NamespaceExists'; Fragment = '<Ns>' }
        @{ Row = 'fixture prefix with /'; Act = { param($T) New-NetNamespaceFixture 'bad/prefix' }; Category = 'InvalidData'; ErrorId = 'ParameterArgumentValidationError'; Fragment = 'bad/prefix' }

        # addresses and prefixes
        @{ Row = 'IPv4 prefix /33'; Act = { param($T) Add-TunnelPeerAddress 10.60.0.9 -PrefixLength 33 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidPrefixLength'; Fragment = '/33' }
        @{ Row = 'IPv6 prefix /129'; Act = { param($T) Add-TunnelPeerAddress 2001:db8::9 -PrefixLength 129 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidPrefixLength'; Fragment = '/129' }
        @{ Row = 'peer of the other family'; Act = { param($T) Add-TunnelPeerAddress 10.60.0.9 -Peer 2001:db8::1 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'AddressFamilyMismatch'; Fragment = '2001:db8::1' }
        @{ Row = 'address that is not one'; Act = { param($T) Add-TunnelPeerAddress 10.60.0.999 -PrefixLength 24 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = '10.60.0.999' }
        @{ Row = 'duplicate address'; Act = { param($T) Add-TunnelPeerAddress 10.60.0.1 -PrefixLength 24 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'AddressExists'; Fragment = '10.60.0.1' }
        @{ Row = 'removing an absent address'; Act = { param($T) Remove-TunnelPeerAddress 10.60.0.77 -PrefixLength 24 -InterfaceName bi0 -NetNamespace $T.Ns -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'AddressNotFound'; Fragment = '10.60.0.77' }
        @{ Row = 'IPv6 tunnel endpoint'; Act = { param($T) New-IpipTunnel t0 -Remote 192.0.2.2 -Local 2001:db8::1 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidTunnelEndpoint'; Fragment = '2001:db8::1' }
        @{ Row = 'mesh address with a prefix'; Act = { param($T) Set-IpipMesh 10.42.1.0/24 @{ '10.42.2.0/24' = '192.0.2.2' } -Device bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'TopologyFormatError'; Fragment = '/24' }
        @{ Row = 'mesh block with host bits'; Act = { param($T) Set-IpipMesh 10.42.1.0 @{ '10.42.2.1/24' = '192.0.2.2' } -Device bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'TopologyFormatError'; Fragment = '10.42.2.1/24'; Advice = '10.42.2.0/24' }

        # routes
        @{ Row = 'gateway of the other family'; Act = { param($T) Add-OnlinkRoute 10.62.0.0/24 -Gateway 2001:db8::1 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'AddressFamilyMismatch'; Fragment = '2001:db8::1' }
        @{ Row = 'duplicate route'; Act = { param($T) Add-OnlinkRoute 10.61.0.0/24 -Gateway 10.60.0.254 -InterfaceName bi0 -CheckGateway -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'RouteExists'; Fragment = '10.61.0.0/24' }
        @{ Row = 'removing an absent route'; Act = { param($T) Remove-OnlinkRoute 10.62.0.0/24 -InterfaceName bi0 -NetNamespace $T.Ns -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'RouteNotFound'; Fragment = '10.62.0.0/24' }
        @{ Row = 'gateway off the link, checked'; Act = { param($T) Add-OnlinkRoute 10.62.0.0/24 -Gateway 192.0.2.77 -InterfaceName bi0 -CheckGateway -NetNamespace $T.Ns }; Category = 'ResourceUnavailable'; ErrorId = 'RouteGatewayRejected'; Fragment = '192.0.2.77' }
        @{ Row = 'onlink route on a device that is down'; Act = { param($T) Add-OnlinkRoute 10.62.0.0/24 -Gateway 192.0.2.1 -InterfaceName bidown -NetNamespace $T.Ns }; Category = 'ResourceUnavailable'; ErrorId = 'RouteDeviceDown'; Fragment = 'bidown' }
        @{ Row = 'veth MTU 67'; Act = { param($T) New-VethPair x0 y0 -Mtu 67 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidMtu'; Fragment = 'MTU 67'; Advice = '-Mtu' }
        @{ Row = 'veth peer MTU 65536'; Act = { param($T) New-VethPair x0 y0 -PeerMtu 65536 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidMtu'; Fragment = 'MTU 65536'; Advice = '-PeerMtu' }
        @{ Row = 'route MTU 10'; Act = { param($T) Add-OnlinkRoute 10.62.0.0/24 -InterfaceName bi0 -Mtu 10 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidMtu'; Fragment = 'MTU 10' }
        @{ Row = 'route with host bits'; Act = { param($T) Add-OnlinkRoute 10.62.0.1/24 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidData'; ErrorId = 'ParameterArgumentTransformationError'; Fragment = '10.62.0.1/24'; Advice = '10.62.0.0/24' }
        @{ Row = 'removing a route with host bits'; Act = { param($T) Remove-OnlinkRoute 10.61.0.1/24 -InterfaceName bi0 -NetNamespace $T.Ns -Confirm:$false }; Category = 'InvalidData'; ErrorId = 'ParameterArgumentTransformationError'; Fragment = '10.61.0.1/24'; Advice = '10.61.0.0/24' }
        @{ Row = 'listing routes by a destination with host bits'; Act = { param($T) Get-OnlinkRoute -Destination 10.61.0.1/24 -All -NetNamespace $T.Ns }; Category = 'InvalidData'; ErrorId = 'ParameterArgumentTransformationError'; Fragment = '10.61.0.1/24'; Advice = '10.61.0.0/24' }
        @{ Row = 'route in the local table'; Act = { param($T) Add-OnlinkRoute 10.62.0.0/24 -InterfaceName bi0 -Table 255 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'UnmanageableRouteTable'; Fragment = 'table 255'; Advice = 'local' }
        @{ Row = 'route in table 0'; Act = { param($T) Add-OnlinkRoute 10.62.0.0/24 -InterfaceName bi0 -Table 0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'UnmanageableRouteTable'; Fragment = 'table 0'; Advice = 'main' }
        @{ Row = 'onlink route in a topology without a device'; Act = { param($T) Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Routes = @(@{ Destination = '10.9.0.0/24'; Gateway = '10.60.0.254'; OnLink = $true }) }) } -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'TopologyFormatError'; Fragment = 'OnLink' }

        # plain addresses and routes (the Ip- cmdlets)
        @{ Row = 'plain address that is not one'; Act = { param($T) Add-IpAddress 10.60.0.999/24 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = '10.60.0.999/24' }
        @{ Row = 'plain address with a length that is no number'; Act = { param($T) Add-IpAddress 10.60.0.9/x -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = '10.60.0.9/x' }
        @{ Row = 'plain IPv4 address /33'; Act = { param($T) Add-IpAddress 10.60.0.9/33 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidPrefixLength'; Fragment = '/33' }
        @{ Row = 'plain IPv6 address /129'; Act = { param($T) Add-IpAddress 2001:db8::9/129 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidPrefixLength'; Fragment = '/129' }
        @{ Row = 'plain address with two lengths'; Act = { param($T) Add-IpAddress 10.60.0.9/24 -PrefixLength 16 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'PrefixLengthConflict'; Fragment = '10.60.0.9/24'; Advice = '10.60.0.9/16' }
        @{ Row = 'duplicate plain address'; Act = { param($T) '10.60.0.1/24' | Add-IpAddress -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'AddressExists'; Fragment = '10.60.0.1' }
        @{ Row = 'plain address on a missing link'; Act = { param($T) Add-IpAddress 10.60.0.9/24 -InterfaceName nosuch0 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'removing an absent plain address'; Act = { param($T) Remove-IpAddress 10.60.0.77/24 -InterfaceName bi0 -NetNamespace $T.Ns -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'AddressNotFound'; Fragment = '10.60.0.77' }
        @{ Row = 'route with neither gateway nor device'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'RouteNeedsNextHop'; Fragment = '10.62.0.0/24'; Advice = 'gateway' }
        @{ Row = 'route type that is none'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -Type wormhole -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = 'wormhole'; Advice = 'Blackhole' }
        @{ Row = 'route of type Unspecified'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -Type Unspecified -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'RouteTypeUnspecified'; Fragment = '10.62.0.0/24' }
        @{ Row = 'blackhole route with a gateway'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -Type Blackhole -Gateway 10.60.0.254 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidArgument'; Fragment = 'blackhole 10.62.0.0/24 via 10.60.0.254'; Advice = 'can not be specified' }
        @{ Row = 'route protocol that is none'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -InterfaceName bi0 -Protocol nosuchproto -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = 'nosuchproto'; Advice = 'Static' }
        @{ Row = 'route table that is no name'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -InterfaceName bi0 -Table nosuchtable -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = 'nosuchtable' }
        @{ Row = 'route into every table'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -InterfaceName bi0 -Table all -NetNamespace $T.Ns }; Category = 'InvalidData'; ErrorId = 'ParameterArgumentTransformationError'; Fragment = "'all' names every table"; Advice = 'Get-IpRoute' }
        @{ Row = 'route removed from every table'; Act = { param($T) Remove-IpRoute 10.62.0.0/24 -Table all -NetNamespace $T.Ns -Confirm:$false }; Category = 'InvalidData'; ErrorId = 'ParameterArgumentTransformationError'; Fragment = "'all' names every table" }
        @{ Row = 'route into the local table by name'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -InterfaceName bi0 -Table local -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'UnmanageableRouteTable'; Fragment = 'table 255'; Advice = 'local' }
        @{ Row = 'route gateway off the link'; Act = { param($T) '10.62.0.0/24' | Add-IpRoute -Gateway 192.0.2.77 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'ResourceUnavailable'; ErrorId = 'RouteGatewayRejected'; Fragment = '192.0.2.77'; Advice = '-OnLink' }
        @{ Row = 'route scope that is none'; Act = { param($T) Add-IpRoute 10.62.0.0/24 -InterfaceName bi0 -Scope galaxy -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = 'galaxy'; Advice = 'Link' }
        @{ Row = 'removing a route of another type'; Act = { param($T) Remove-IpRoute 10.61.0.0/24 -Type Blackhole -NetNamespace $T.Ns -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'RouteNotFound'; Fragment = '10.61.0.0/24' }
        @{ Row = 'removing a route of another metric'; Act = { param($T) Remove-IpRoute 10.61.0.0/24 -Metric 7 -NetNamespace $T.Ns -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'RouteNotFound'; Fragment = '10.61.0.0/24' }

        # tunnel options: TTL and TOS out of range, conflicting options
        @{ Row = 'TTL 256'; Act = { param($T) New-IpipTunnel t0 -Remote 192.0.2.2 -Ttl 256 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidTtl'; Fragment = "'256'" }
        @{ Row = 'TTL -1'; Act = { param($T) New-IpipTunnel t0 -Remote 192.0.2.2 -Ttl -1 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidTtl'; Fragment = "'-1'" }
        @{ Row = 'TOS 0x100'; Act = { param($T) New-IpipTunnel t0 -Remote 192.0.2.2 -Tos 0x100 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidTos'; Fragment = "'0x100'" }
        @{ Row = 'TOS not hexadecimal'; Act = { param($T) New-IpipTunnel t0 -Remote 192.0.2.2 -Tos zz -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidTos'; Fragment = "'zz'" }
        @{ Row = 'TTL 300 in a topology'; Act = { param($T) Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Tunnels = @(@{ Name = 't0'; Remote = '192.0.2.2'; Ttl = 300 }) }) } -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'TopologyFormatError'; Fragment = '300' }
        @{ Row = 'fixed TTL with path MTU discovery off in a topology'; Act = { param($T) Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Tunnels = @(@{ Name = 't0'; Remote = '192.0.2.2'; Ttl = 64; PathMtuDiscovery = $false }) }) } -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'TopologyFormatError'; Fragment = 'PathMtuDiscovery' }
        @{ Row = '-Up and -Down together'; Act = { param($T) Set-IpipTunnel bibr -Up -Down -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'ConflictingLinkState'; Fragment = '-Down' }
        @{ Row = 'fixed TTL with path MTU discovery off'; Act = { param($T) New-IpipTunnel t0 -Remote 192.0.2.2 -Ttl 64 -PathMtuDiscovery $false -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'ConflictingTunnelOptions'; Fragment = '(64)' }

        # missing objects: link, tunnel, namespace, file
        @{ Row = 'missing link'; Act = { param($T) Get-NetLink nosuch0 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'address on a missing link'; Act = { param($T) Add-TunnelPeerAddress 10.60.0.9 -PrefixLength 24 -InterfaceName nosuch0 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'route via a missing link'; Act = { param($T) Add-OnlinkRoute 10.62.0.0/24 -Gateway 192.0.2.1 -InterfaceName nosuch0 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'changing a missing tunnel'; Act = { param($T) Set-IpipTunnel nosuch0 -Ttl 64 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'removing a missing tunnel'; Act = { param($T) Remove-IpipTunnel nosuch0 -NetNamespace $T.Ns -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'removing a missing veth'; Act = { param($T) Remove-VethPair nosuch0 -NetNamespace $T.Ns -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'a bridge is not a tunnel'; Act = { param($T) Get-IpipTunnel bibr -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NotATunnel'; Fragment = "'bibr'" }
        @{ Row = 'changing a bridge as a tunnel'; Act = { param($T) Set-IpipTunnel bibr -Ttl 64 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NotATunnel'; Fragment = "'bibr'" }
        @{ Row = 'removing a bridge as a tunnel'; Act = { param($T) Remove-IpipTunnel bibr -NetNamespace $T.Ns -Confirm:$false }; Category = 'InvalidArgument'; ErrorId = 'NotATunnel'; Fragment = "'bibr'" }
        @{ Row = 'mesh on a missing device'; Act = { param($T) Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '192.0.2.2' } -Device nosuch0 -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'TopologyConflict'; Fragment = "'nosuch0'" }
        @{ Row = 'missing topology file'; Act = { param($T) Test-IpipTopology -Path (Join-Path $T.Drive 'nosuch.psd1') }; Category = 'ObjectNotFound'; ErrorId = 'TopologyFileNotFound'; Fragment = 'nosuch.psd1' }
        @{ Row = 'data file with an unknown key'; Act = { param($T) Set-Content (Join-Path $T.Drive 'bogus.psd1') "@{ Namespaces = @( @{ Name = ''; Bogus = 1 } ) }"; Set-IpipTopology -Path (Join-Path $T.Drive 'bogus.psd1') -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'TopologyFormatError'; Fragment = 'Bogus' }

        # a wrong or missing namespace
        @{ Row = 'address on a link of another namespace'; Act = { param($T) Add-TunnelPeerAddress 10.60.0.9 -PrefixLength 24 -InterfaceName bi1 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'bi1'" }
        @{ Row = 'links of a missing namespace'; Act = { param($T) Get-NetLink -NetNamespace $T.Missing }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>' }
        @{ Row = 'veth peer into a missing namespace'; Act = { param($T) New-VethPair x0 y0 -PeerNamespace $T.Missing -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>' }
        @{ Row = 'removing a missing namespace'; Act = { param($T) Remove-NetNamespace $T.Missing -Confirm:$false }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>' }
        @{ Row = 'entering a missing namespace'; Act = { param($T) Enter-NetNamespace $T.Missing }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>' }
        @{ Row = 'a command in a missing namespace'; Act = { param($T) Invoke-NetNamespaceCommand -NetNamespace $T.Missing /bin/true }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>' }
        @{ Row = 'topology of a missing namespace'; Act = { param($T) Get-IpipTopology -NetNamespace $T.Missing }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>'; Advice = 'New-NetNamespace' }
        @{ Row = 'topology of a namespace and a missing one'; Act = { param($T) Get-IpipTopology -NetNamespace $T.Ns, $T.Missing }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>'; Advice = 'Get-NetNamespace' }
        @{ Row = 'support checks of a missing namespace'; Act = { param($T) Test-IpipSupport -NoProbe -NetNamespace $T.Missing }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>'; Advice = 'New-NetNamespace' }
        @{ Row = 'forwarding in a missing namespace'; Act = { param($T) Enable-IpForwarding -NetNamespace $T.Missing }; Category = 'ObjectNotFound'; ErrorId = 'NamespaceNotFound'; Fragment = '<Missing>' }

        # no CAP_NET_ADMIN
        @{ Row = 'veth pair without CAP_NET_ADMIN'; Act = { param($T) Invoke-WithoutNetAdmin { New-VethPair x0 y0 -NetNamespace $ns } @{ ns = $T.Ns } }; Category = 'PermissionDenied'; ErrorId = ''; Fragment = "'x0'" }
        @{ Row = 'address without CAP_NET_ADMIN'; Act = { param($T) Invoke-WithoutNetAdmin { Add-TunnelPeerAddress 10.60.0.9 -PrefixLength 24 -InterfaceName bi0 -NetNamespace $ns } @{ ns = $T.Ns } }; Category = 'PermissionDenied'; ErrorId = ''; Fragment = '10.60.0.9' }

        # policy routing rules (Add-IpRule, Remove-IpRule)
        @{ Row = 'rule prefix of the other family'; Act = { param($T) Add-IpRule -From 10.1.0.0/24 -Family IPv6 -Table 100 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'RuleFamilyMismatch'; Fragment = '10.1.0.0/24'; Advice = '-Family IPv4' }
        @{ Row = 'rule prefix with host bits'; Act = { param($T) Add-IpRule -From 10.1.0.1/24 -Table 100 -NetNamespace $T.Ns }; Category = 'InvalidData'; ErrorId = 'ParameterArgumentTransformationError'; Fragment = '10.1.0.1/24'; Advice = '10.1.0.0/24' }
        @{ Row = 'blackhole rule with a table'; Act = { param($T) Add-IpRule -To 10.2.0.0/16 -Action Blackhole -Table 100 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'RuleTableWithoutLookup'; Fragment = 'table 100' }
        @{ Row = 'rule that looks up table 0'; Act = { param($T) Add-IpRule -From 10.1.0.0/24 -Table 0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'RuleTableUnspecified'; Fragment = 'table 0' }
        @{ Row = 'suppress_prefixlength past the family''s bits'; Act = { param($T) Add-IpRule -Table 100 -SuppressPrefixLength 33 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'RuleSuppressInvalid'; Fragment = '33' }
        @{ Row = 'rule iif name of 16 bytes'; Act = { param($T) Add-IpRule -InputInterface 'sixteen-letters!' -Table 100 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'InvalidInterfaceName'; Fragment = "'sixteen-letters!'" }
        @{ Row = 'duplicate rule'; Act = { param($T) Add-IpRule -Priority 32766 -Table main -Protocol kernel -NetNamespace $T.Ns }; Category = 'ResourceExists'; ErrorId = 'RuleExists'; Fragment = '32766' }
        @{ Row = 'removing an absent rule'; Act = { param($T) Remove-IpRule -Priority 4242 -Confirm:$false -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'RuleNotFound'; Fragment = '4242'; Advice = 'Get-IpRule' }
        @{ Row = 'removing a rule given nothing to match'; Act = { param($T) Remove-IpRule -Confirm:$false -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'RuleSelectorMissing'; Fragment = 'local table'; Advice = '-Priority' }

        # neighbour entries (Add-, Set-, Remove-IpNeighbor)
        @{ Row = 'neighbour link-layer address of the wrong length'; Act = { param($T) Add-IpNeighbor 10.60.0.9 192.0.2.2 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NeighborLinkLayerAddressLength'; Fragment = '192.0.2.2'; Advice = '6 bytes' }
        @{ Row = 'neighbour link-layer address that is none'; Act = { param($T) Add-IpNeighbor 10.60.0.9 'zz:zz' -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NeighborLinkLayerAddressInvalid'; Fragment = 'zz:zz' }
        @{ Row = 'neighbour without a link-layer address'; Act = { param($T) Add-IpNeighbor 10.60.0.9 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NeighborNeedsLinkLayerAddress'; Fragment = 'bi0'; Advice = '-LinkLayerAddress' }
        @{ Row = 'neighbour state the kernel keeps'; Act = { param($T) Add-IpNeighbor 10.60.0.9 02:00:00:00:00:09 -State Failed -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NeighborStateUnsupported'; Fragment = 'Failed'; Advice = 'Permanent' }
        @{ Row = 'proxy neighbour with a link-layer address'; Act = { param($T) Add-IpNeighbor 10.60.0.9 02:00:00:00:00:09 -Proxy -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'NeighborProxyWithAddress'; Fragment = '10.60.0.9' }
        @{ Row = 'neighbour on a missing device'; Act = { param($T) Add-IpNeighbor 10.60.0.9 02:00:00:00:00:09 -InterfaceName nosuch0 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'LinkNotFound'; Fragment = "'nosuch0'" }
        @{ Row = 'changing an absent neighbour'; Act = { param($T) Set-IpNeighbor 10.60.0.9 02:00:00:00:00:09 -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'NeighborNotFound'; Fragment = '10.60.0.9'; Advice = 'Add-IpNeighbor' }
        @{ Row = 'removing an absent neighbour'; Act = { param($T) Remove-IpNeighbor 10.60.0.9 -InterfaceName bi0 -Confirm:$false -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'NeighborNotFound'; Fragment = '10.60.0.9' }

        # bridge FDB entries (Add-, Remove-BridgeFdbEntry)
        @{ Row = 'FDB MAC address that is none'; Act = { param($T) Add-BridgeFdbEntry 02:00:00:00:09 -InterfaceName bibr -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'CannotConvertArgumentNoMessage'; Fragment = '02:00:00:00:09' }
        @{ Row = 'FDB MAC address of five bytes, in plain hex'; Act = { param($T) Add-BridgeFdbEntry 0200000009 -InterfaceName bibr -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'FdbMacAddressInvalid'; Fragment = '02:00:00:00:09' }
        @{ Row = 'FDB VNI over 24 bits'; Act = { param($T) Add-BridgeFdbEntry 02:00:00:00:00:09 -Vni 16777216 -InterfaceName bibr -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'FdbVniOutOfRange'; Fragment = '16777216' }
        @{ Row = 'FDB VLAN 4095'; Act = { param($T) Add-BridgeFdbEntry 02:00:00:00:00:09 -Vlan 4095 -InterfaceName bibr -NetNamespace $T.Ns }; Category = 'InvalidArgument'; ErrorId = 'FdbVlanOutOfRange'; Fragment = '4095' }
        @{ Row = 'FDB master entry on a device that is no port'; Act = { param($T) Add-BridgeFdbEntry 02:00:00:00:00:09 -Master -InterfaceName bi0 -NetNamespace $T.Ns }; Category = 'NotInstalled'; ErrorId = 'FdbDeviceNotBridgePort'; Fragment = 'bi0'; Advice = 'Set-NetLink bi0 -Master' }
        @{ Row = 'removing an absent FDB entry'; Act = { param($T) Remove-BridgeFdbEntry 02:00:00:00:00:99 -InterfaceName bibr -Confirm:$false -NetNamespace $T.Ns }; Category = 'ObjectNotFound'; ErrorId = 'FdbEntryNotFound'; Fragment = '02:00:00:00:00:99' }
    )
}

Describe 'Bad input' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:A = New-NetNamespaceFixture bad
        $script:B = New-NetNamespaceFixture bad
        $A | New-VethPair bi0 bi1 -PeerNamespace $B.Namespace -Up | Add-TunnelPeerAddress 10.60.0.1 -PrefixLength 24 | Out-Null
        $A | Add-OnlinkRoute 10.61.0.0/24 -Gateway 10.60.0.254 -InterfaceName bi0 -CheckGateway | Out-Null
        ip -n $A.Namespace link add bibr type bridge
        ip -n $A.Namespace link set bibr up
        ip -n $A.Namespace link add bidown type bridge
        $script:T = [pscustomobject]@{
            Ns      = $A.Namespace
            Peer    = $B.Namespace
            Missing = 'ipt-missing-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
            Drive   = "$TestDrive"
        }
    }

    AfterEach {
        Exit-NetNamespace -ErrorAction SilentlyContinue
        $A, $B | Remove-NetNamespaceFixture -Confirm:$false
        if (Test-Path "/run/netns/$($T.Missing)") { ip netns delete $T.Missing }
    }

    It 'has at least 30 rows' -ForEach @{ Count = $rows.Count } {
        $Count | Should -BeGreaterOrEqual 30
    }

    It '<Row>: <ErrorId> naming <Fragment>, nothing changed' -ForEach $rows {
        $before = Get-IpState $T.Ns, $T.Peer
        $failure = try {
            $ErrorActionPreference = 'Stop'
            & $Act $T | Out-Null
        }
        catch {
            $_
        }
        finally {
            $ErrorActionPreference = 'Continue'
        }

        $failure | Should -BeOfType [System.Management.Automation.ErrorRecord] -Because "$Row must fail"
        $failure.CategoryInfo.Category | Should -Be $Category
        if ($ErrorId) {
            ($failure.FullyQualifiedErrorId -split ',')[0] | Should -Be $ErrorId
        }
        $expected = $Fragment.Replace('<Ns>', $T.Ns).Replace('<Missing>', $T.Missing)
        $failure.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($expected))*"
        if ($Advice) {
            "$($failure.Exception.Message) $($failure.ErrorDetails.RecommendedAction)" | Should -BeLike "*$([WildcardPattern]::Escape($Advice))*"
        }
        Compare-IpState $before (Get-IpState $T.Ns, $T.Peer) | Should -BeNullOrEmpty
        Test-Path "/run/netns/$($T.Missing)" | Should -BeFalse -Because 'a missing namespace stays missing'
    }
}
