# -WhatIf says exactly what the real run does, or fails as it does. One row per exported
# cmdlet that supports ShouldProcess (a guard keeps the table complete): each row runs in a
# throwaway namespace of its own, set up with ip. The row's command runs first under
# $WhatIfPreference, with a capturing host that keeps the "What if:" lines; `ip -d -j` must
# show nothing changed. Then it runs for real, and what changed (links, addresses, routes,
# forwarding, namespaces of the row) must be exactly what the "What if:" lines named: every
# change named by some line, and every line naming some change. A row that fails for real
# must fail under -WhatIf with the same error ids, and change nothing either time.
# Routes the kernel derives from an address (protocol kernel) follow the address and are
# not counted as changes of their own.

BeforeDiscovery {
    # The rows: Act runs with $T (Ns: the row's namespace, Stem: a prefix of names the row may
    # create or remove; Given: what Setup wrote); Setup (ip commands, with $ns and $stem) runs
    # before. Implied: changes the text names by a phrase rather than by name (names matching
    # 'vp1' are implied by 'both ends').
    $script:HostRows = @(
        @{ Cmdlet = 'New-NetNamespace'; Act = { New-NetNamespace "$($T.Stem)-new" } }
        @{ Cmdlet = 'New-NetNamespace'; Case = 'a name in use'; Setup = { ip netns add "$stem-taken" }; Act = { New-NetNamespace "$($T.Stem)-taken" }; Fails = 'NamespaceExists' }
        @{ Cmdlet = 'Remove-NetNamespace'; Setup = { ip netns add "$stem-x1"; ip netns add "$stem-x2" }; Act = { Remove-NetNamespace "$($T.Stem)-x*" } }
        @{ Cmdlet = 'Remove-NetNamespace'; Case = 'a name that does not exist'; Act = { Remove-NetNamespace "$($T.Stem)-missing" }; Fails = 'NamespaceNotFound' }
        @{ Cmdlet = 'New-NetNamespaceFixture'; Act = { New-NetNamespaceFixture -Prefix $T.Stem } }
        # Its "What if:" line shows the namespaces as PREFIX-xxxxxxxx-l, -r and -rt.
        @{ Cmdlet = 'New-IpipLabFixture'; Act = { New-IpipLabFixture -Prefix $T.Stem }; Implied = @{ '*-r' = '-r and -rt'; '*-rt' = '-r and -rt' } }
        @{ Cmdlet = 'Remove-NetNamespaceFixture'; Setup = { New-NetNamespaceFixture -Prefix $stem }; Act = { Remove-NetNamespaceFixture $T.Given } }
        @{ Cmdlet = 'New-VethPair'; Act = { New-VethPair nv0 nv1 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-VethPair'; Act = { Remove-VethPair vp0 -NetNamespace $T.Ns }; Implied = @{ vp1 = 'both ends' } }
        @{ Cmdlet = 'Set-NetLink'; Act = { Set-NetLink dm0 -Mtu 1400 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-NetLink'; Act = { Remove-NetLink br0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'New-NetBridge'; Act = { New-NetBridge br1 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Set-NetBridge'; Act = { Set-NetBridge br0 -SpanningTree -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-NetBridge'; Act = { Remove-NetBridge br0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Add-IpAddress'; Act = { Add-IpAddress 10.93.0.1/24 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-IpAddress'; Act = { Remove-IpAddress 10.90.0.1/24 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Add-IpRoute'; Act = { Add-IpRoute 10.92.0.0/24 -Gateway 10.90.0.254 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-IpRoute'; Act = { Remove-IpRoute 10.91.0.0/24 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Add-OnlinkRoute'; Act = { Add-OnlinkRoute 10.97.0.0/24 -Gateway 172.16.0.1 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-OnlinkRoute'; Act = { Remove-OnlinkRoute 10.96.0.0/24 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Add-TunnelPeerAddress'; Act = { Add-TunnelPeerAddress 10.94.0.1 -Peer 10.94.0.2 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-TunnelPeerAddress'; Act = { Remove-TunnelPeerAddress 10.95.0.1 -Peer 10.95.0.2 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Add-IpRule'; Act = { Add-IpRule -From 10.1.0.0/24 -Table 100 -Priority 1000 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-IpRule'; Setup = { ip -n $ns rule add from 10.2.0.0/24 table 100 priority 1001 }; Act = { Remove-IpRule 1001 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Add-IpNeighbor'; Act = { Add-IpNeighbor 10.90.0.9 02:00:00:00:00:09 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Set-IpNeighbor'; Setup = { ip -n $ns neigh add 10.90.0.8 lladdr 02:00:00:00:00:08 dev dm0 nud permanent }; Act = { Set-IpNeighbor 10.90.0.8 02:00:00:00:00:18 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-IpNeighbor'; Setup = { ip -n $ns neigh add 10.90.0.8 lladdr 02:00:00:00:00:08 dev dm0 nud permanent }; Act = { Remove-IpNeighbor 10.90.0.8 -InterfaceName dm0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Add-BridgeFdbEntry'; Setup = { ip -n $ns link set vp0 master br0 }; Act = { Add-BridgeFdbEntry 02:00:00:00:00:77 -InterfaceName vp0 -Master -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-BridgeFdbEntry'; Setup = { ip -n $ns link set vp0 master br0; bridge -n $ns fdb add 02:00:00:00:00:78 dev vp0 master static }; Act = { Remove-BridgeFdbEntry 02:00:00:00:00:78 -InterfaceName vp0 -Master -NetNamespace $T.Ns } }
        # Refused for real: -WhatIf and -Confirm's question are refused first, in the same words.
        @{ Cmdlet = 'Set-NetLink'; Case = 'a missing link'; Act = { Set-NetLink nope0 -Mtu 1400 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Remove-VethPair'; Case = 'a missing link'; Act = { Remove-VethPair nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Remove-VethPair'; Case = 'a link that is no veth'; Act = { Remove-VethPair br0 -NetNamespace $T.Ns }; Fails = 'LinkKindMismatch' }
        @{ Cmdlet = 'Remove-NetBridge'; Case = 'a missing link'; Act = { Remove-NetBridge nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Set-NetBridge'; Case = 'a missing link'; Act = { Set-NetBridge nope0 -SpanningTree -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Set-NetBridge'; Case = 'a link that is no bridge'; Act = { Set-NetBridge dm0 -SpanningTree -NetNamespace $T.Ns }; Fails = 'LinkKindMismatch' }
        @{ Cmdlet = 'New-VethPair'; Case = 'a name in use'; Act = { New-VethPair dm0 nv1 -NetNamespace $T.Ns }; Fails = 'LinkNameTaken' }
        @{ Cmdlet = 'New-VethPair'; Case = 'a peer name in use'; Act = { New-VethPair nv0 dm0p -NetNamespace $T.Ns }; Fails = 'LinkNameTaken' }
        @{ Cmdlet = 'New-NetBridge'; Case = 'a name in use'; Act = { New-NetBridge br0 -NetNamespace $T.Ns }; Fails = 'LinkNameTaken' }
        @{ Cmdlet = 'Add-IpAddress'; Case = 'a missing link'; Act = { Add-IpAddress 10.93.0.1/24 -InterfaceName nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Add-IpAddress'; Case = 'an address that exists'; Act = { Add-IpAddress 10.90.0.1/24 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'AddressExists' }
        @{ Cmdlet = 'Add-IpAddress'; Case = 'a piped address that exists'; Act = { '10.90.0.1/24' | Add-IpAddress -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'AddressExists' }
        # IPv6 takes an address once per device, whatever its length.
        @{ Cmdlet = 'Add-IpAddress'; Case = 'an IPv6 address that exists, with another length'; Setup = { ip -n $ns -6 addr add fd00:90::1/64 dev dm0 nodad }; Act = { Add-IpAddress fd00:90::1/80 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'AddressExists' }
        @{ Cmdlet = 'Remove-IpAddress'; Case = 'a missing address'; Act = { Remove-IpAddress 10.90.0.7/24 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'AddressNotFound' }
        @{ Cmdlet = 'Remove-IpAddress'; Case = 'a missing link'; Act = { Remove-IpAddress 10.90.0.1/24 -InterfaceName nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Remove-TunnelPeerAddress'; Case = 'a missing address'; Act = { Remove-TunnelPeerAddress 10.95.0.9 -Peer 10.95.0.2 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'AddressNotFound' }
        # Without -Peer the kernel looks for the address on its own network, not its peer's, and keeps it.
        @{ Cmdlet = 'Remove-TunnelPeerAddress'; Case = 'a peer address without -Peer'; Act = { Remove-TunnelPeerAddress 10.95.0.1 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'AddressNotFound' }
        @{ Cmdlet = 'Add-IpRoute'; Case = 'a missing link'; Act = { Add-IpRoute 10.92.0.0/24 -Gateway 10.90.0.254 -InterfaceName nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        # The kernel tells routes apart by table, destination and metric: another gateway is no other route.
        @{ Cmdlet = 'Add-IpRoute'; Case = 'a route that exists'; Act = { Add-IpRoute 10.91.0.0/24 -Gateway 10.90.0.253 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'RouteExists' }
        @{ Cmdlet = 'Add-IpRoute'; Case = 'a piped route that exists'; Act = { '10.91.0.0/24' | Add-IpRoute -Gateway 10.90.0.254 -NetNamespace $T.Ns }; Fails = 'RouteExists' }
        @{ Cmdlet = 'Add-IpRoute'; Case = 'an IPv6 route that exists'; Setup = { ip -n $ns -6 addr add fd00:90::1/64 dev dm0 nodad; ip -n $ns -6 route add fd00:91::/64 via fd00:90::fe dev dm0 }; Act = { Add-IpRoute fd00:91::/64 -Gateway fd00:90::fd -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'RouteExists' }
        @{ Cmdlet = 'Add-OnlinkRoute'; Case = 'a route that exists'; Act = { Add-OnlinkRoute 10.96.0.0/24 -Gateway 172.16.0.1 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'RouteExists' }
        @{ Cmdlet = 'Remove-IpRoute'; Case = 'a missing route'; Act = { Remove-IpRoute 10.99.0.0/24 -NetNamespace $T.Ns }; Fails = 'RouteNotFound' }
        @{ Cmdlet = 'Remove-IpRoute'; Case = 'a route via another gateway'; Act = { Remove-IpRoute 10.91.0.0/24 -Gateway 10.90.0.253 -NetNamespace $T.Ns }; Fails = 'RouteNotFound' }
        @{ Cmdlet = 'Remove-IpRoute'; Case = 'a missing link'; Act = { Remove-IpRoute 10.91.0.0/24 -InterfaceName nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Remove-OnlinkRoute'; Case = 'a missing route'; Act = { Remove-OnlinkRoute 10.99.0.0/24 -InterfaceName dm0 -NetNamespace $T.Ns }; Fails = 'RouteNotFound' }
        @{ Cmdlet = 'Enable-IpForwarding'; Act = { Enable-IpForwarding -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Disable-IpForwarding'; Setup = { ip netns exec $ns sysctl -qw net.ipv4.ip_forward=1 }; Act = { Disable-IpForwarding -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Set-IpipMesh'; Plan = $true; Act = { Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '10.90.0.254' } -Device vp0 -NetNamespace $T.Ns } }
        # The address the mesh does not declare goes, and with it (the kernel's doing) the routes
        # out of vp0, left without an IPv4 address, and the route whose source it is: the plan names each.
        @{ Cmdlet = 'Set-IpipMesh'; Case = 'a device with an address it does not declare'; Plan = $true
            Setup = { ip -n $ns addr add 10.90.7.1/24 dev vp0; ip -n $ns link set vp0 up; ip -n $ns route add 10.93.0.0/24 via 10.90.7.254 dev vp0; ip -n $ns route add 10.94.0.0/24 dev dm0 src 10.90.7.1 }
            Act = { Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '10.90.7.254' } -Device vp0 -NetNamespace $T.Ns }
        }
        # The plan it writes names each step; the "What if:" line sums them up.
        @{ Cmdlet = 'Set-IpipTopology'; Plan = $true; Act = {
                Set-IpipTopology -NetNamespace $T.Ns -InputObject @{ Namespaces = @(@{
                            Name      = ''
                            Bridges   = @(@{ Name = 'br7' })
                            Addresses = @(@{ Device = 'br7'; Address = '10.98.0.1/24' })
                        }) }
            } 
        }
    )

    # Tunnels need the ipip and gre drivers: these rows run in the qemu guest. Each loads them
    # in its Setup, so that the fallback devices (tunl0, gre0, ...) a driver makes in every
    # namespace when it loads are there before, not counted as the row's changes.
    $script:TunnelRows = @(
        @{ Cmdlet = 'New-IpipTunnel'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { New-IpipTunnel nt0 -Remote 10.90.0.2 -Local 10.90.0.1 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Set-IpipTunnel'; Setup = { modprobe -a ipip ip_gre 2>$null; ip -n $ns tunnel add ipt0 mode ipip remote 10.90.0.2 local 10.90.0.1 }; Act = { Set-IpipTunnel ipt0 -Ttl 33 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-IpipTunnel'; Setup = { modprobe -a ipip ip_gre 2>$null; ip -n $ns tunnel add ipt0 mode ipip remote 10.90.0.2 local 10.90.0.1 }; Act = { Remove-IpipTunnel ipt0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'New-IpTunnel'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { New-IpTunnel gt0 -Mode gre -Remote 10.90.0.2 -Local 10.90.0.1 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Set-IpTunnel'; Setup = { modprobe -a ipip ip_gre 2>$null; ip -n $ns tunnel add gt0 mode gre remote 10.90.0.2 local 10.90.0.1 }; Act = { Set-IpTunnel gt0 -Ttl 33 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'Remove-IpTunnel'; Setup = { modprobe -a ipip ip_gre 2>$null; ip -n $ns tunnel add gt0 mode gre remote 10.90.0.2 local 10.90.0.1 }; Act = { Remove-IpTunnel gt0 -NetNamespace $T.Ns } }
        @{ Cmdlet = 'New-IpipTunnel'; Case = 'a name in use'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { New-IpipTunnel dm0 -Remote 10.90.0.2 -Local 10.90.0.1 -NetNamespace $T.Ns }; Fails = 'LinkNameTaken' }
        @{ Cmdlet = 'New-IpTunnel'; Case = 'a name in use'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { New-IpTunnel br0 -Mode gre -Remote 10.90.0.2 -Local 10.90.0.1 -NetNamespace $T.Ns }; Fails = 'LinkNameTaken' }
        @{ Cmdlet = 'Set-IpipTunnel'; Case = 'a missing tunnel'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { Set-IpipTunnel nope0 -Ttl 33 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Remove-IpipTunnel'; Case = 'a missing tunnel'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { Remove-IpipTunnel nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Remove-IpipTunnel'; Case = 'the fallback device'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { Remove-IpipTunnel tunl0 -NetNamespace $T.Ns }; Fails = 'FallbackTunnelImmutable' }
        @{ Cmdlet = 'Set-IpTunnel'; Case = 'a missing tunnel'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { Set-IpTunnel nope0 -Ttl 33 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
        @{ Cmdlet = 'Set-IpTunnel'; Case = 'a link that is no tunnel'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { Set-IpTunnel br0 -Ttl 33 -NetNamespace $T.Ns }; Fails = 'NotATunnel' }
        @{ Cmdlet = 'Remove-IpTunnel'; Case = 'a missing tunnel'; Setup = { modprobe -a ipip ip_gre 2>$null }; Act = { Remove-IpTunnel nope0 -NetNamespace $T.Ns }; Fails = 'LinkNotFound' }
    )
    foreach ($row in $HostRows + $TunnelRows) { if (-not $row.Case) { $row.Case = '' } }
    $script:Covered = @($HostRows + $TunnelRows).Cmdlet | Sort-Object -Unique
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # What the kernel holds, as ip shows it: one entry per link, address, route (not
    # protocol kernel), the namespace's forwarding, and each namespace named STEM-*; the
    # key names the thing (its name, address or destination), the value its settings.
    # Flags the kernel sets from the carrier (a veth's peer going up), not from a request.
    $script:CarrierFlags = 'LOWER_UP', 'NO-CARRIER', 'M-DOWN', 'DORMANT'

    function script:Get-State([string] $Ns, [string] $Stem) {
        $state = @{}
        foreach ($link in Get-IpJson $Ns link show) {
            $data = $link.linkinfo.info_data
            $state["link $($link.ifname)"] = [pscustomobject]@{
                Name = $link.ifname; Mtu = $link.mtu; Flags = ($link.flags | Where-Object { $_ -notin $CarrierFlags } | Sort-Object) -join ','; Master = $link.master
                Alias = $link.ifalias; Kind = $link.linkinfo.info_kind; Stp = $data.stp_state; VlanFiltering = $data.vlan_filtering
                Ttl = $data.ttl; Remote = $data.remote; Local = $data.local
            } | ConvertTo-Json -Compress
        }
        foreach ($link in Get-IpJson $Ns -4 address show) {
            foreach ($address in $link.addr_info) {
                $state["address $($address.local)/$($address.prefixlen) $($link.ifname)"] = "peer $($address.address)"
            }
        }
        foreach ($route in Get-IpJson $Ns -4 route show table all | Where-Object protocol -ne 'kernel') {
            $state["route $($route.dst) table $($route.table)"] = $route | Select-Object type, gateway, dev, metric, protocol, scope, flags | ConvertTo-Json -Compress
        }
        foreach ($rule in Get-IpJson $Ns rule show | Where-Object priority -notin 0, 32766, 32767) {
            $state["rule $($rule.priority)"] = $rule | ConvertTo-Json -Compress
        }
        foreach ($neighbour in Get-IpJson $Ns neigh show nud permanent) {
            $state["neighbour $($neighbour.dst) $($neighbour.dev)"] = $neighbour | Select-Object lladdr, state | ConvertTo-Json -Compress
        }
        # FDB entries set by hand in a bridge's table; the kernel's own (each link's address, multicast) come and go with the links.
        $own = @((Get-IpJson $Ns link show).address)
        foreach ($entry in bridge -n $Ns -j fdb show | ConvertFrom-Json | Where-Object { $_.master -and $_.master -ne $_.ifname -and $_.state -in 'static', 'permanent' -and $_.mac -notin $own -and $_.mac -notlike '33:33:*' -and $_.mac -notlike '01:00:5e:*' }) {
            $state["fdb $($entry.mac) $($entry.ifname) $(@($entry.flags) -join ',')"] = $entry | Select-Object state, master, dst, vlan | ConvertTo-Json -Compress
        }
        if (Test-Path "/run/netns/$Ns") {
            $state['forwarding'] = ip netns exec $Ns cat /proc/sys/net/ipv4/ip_forward
        }
        foreach ($name in (ip -j netns list | ConvertFrom-Json).name | Where-Object { $_ -like "$Stem-*" }) {
            $state["namespace $name"] = 'present'
        }
        $state
    }

    # The keys whose value differs between two states (added, removed or changed).
    function script:Get-Changed([hashtable] $Before, [hashtable] $After) {
        @($Before.Keys + $After.Keys | Sort-Object -Unique | Where-Object { $Before[$_] -ne $After[$_] })
    }

    # The name a "What if:" line must carry for a change: the link's name, the address, the
    # route's destination, the namespace's name, or the sysctl ip_forward.
    function script:Get-Named([string] $Key) {
        switch -Regex ($Key) {
            '^link (.+)$' { $Matches[1] }
            '^address ([^/]+)/' { $Matches[1] }
            '^route (\S+) ' { $Matches[1] }
            '^namespace (.+)$' { $Matches[1] }
            '^forwarding$' { 'ip_forward' }
            '^rule (\d+)$' { "rule $($Matches[1])" }
            '^neighbour (\S+) ' { $Matches[1] }
            '^fdb (\S+) ' { $Matches[1] }
        }
    }

    # Whether LINE names NAME; a fixture's line shows the random part of its names as xxxxxxxx.
    function script:Test-Names([string] $Line, [string] $Name) {
        $Line -like "*$Name*" -or $Line -like "*$($Name -replace '(?<=-)[0-9a-f]{8}(?=$|-)', 'xxxxxxxx')*"
    }

    # Runs the row's command under -WhatIf, for real, or (Confirm) asking before every change
    # and answered No (choice 2 of Yes, Yes to All, No, No to All, Suspend).
    function script:Invoke-Row([hashtable] $Row, [switch] $WhatIf, [switch] $Confirm) {
        $preference = if ($WhatIf) { '$WhatIfPreference = $true' } elseif ($Confirm) { '$ConfirmPreference = ''Low''' } else { '$ConfirmPreference = ''None''' }
        Invoke-HostCaptured ([scriptblock]::Create("$preference`n$($Row.Act)")) @{ T = $Row.Lab } -Choices @(2, 2, 2, 2)
    }

    # What a failure says: its id, category and message, one line per error.
    function script:Get-Failures($Run) {
        @($Run.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId) [$($_.CategoryInfo.Category)] $_" })
    }

    function script:Test-Row([hashtable] $Row) {
        $stem = 'ipt-wi-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $ns = "$stem-ns"
        ip netns add $ns
        try {
            ip -n $ns link set lo up
            ip -n $ns link add dm0 type veth peer name dm0p
            ip -n $ns link add vp0 type veth peer name vp1
            ip -n $ns link add br0 type bridge
            ip -n $ns addr add 10.90.0.1/24 dev dm0
            ip -n $ns addr add 10.95.0.1 peer 10.95.0.2 dev dm0
            ip -n $ns link set dm0 up
            ip -n $ns link set dm0p up
            ip -n $ns route add 10.91.0.0/24 via 10.90.0.254 dev dm0
            ip -n $ns route add 10.96.0.0/24 via 172.16.0.1 dev dm0 onlink
            $given = if ($Row.Setup) { & ([scriptblock]::Create($Row.Setup)) }
            $Row.Lab = @{ Ns = $ns; Stem = $stem; Given = $given }
            Start-Sleep -Milliseconds 200

            $before = Get-State $ns $stem
            $whatIf = Invoke-Row $Row -WhatIf
            $afterWhatIf = Get-State $ns $stem
            $confirm = if ($Row.Fails) { Invoke-Row $Row -Confirm }
            $afterConfirm = Get-State $ns $stem
            $real = Invoke-Row $Row
            $afterReal = Get-State $ns $stem
            [pscustomobject]@{
                WhatIf        = $whatIf
                Real          = $real
                Confirm       = $confirm
                ConfirmChanged = Get-Changed $before $afterConfirm
                WhatIfLines   = @($whatIf.HostLines | Where-Object { $_ -like 'What if:*' })
                # What names each change: the "What if:" lines, or the steps of the plan written.
                Said          = @(if ($Row.Plan) { $whatIf.Output.Steps | ForEach-Object { "$_" } } else { $whatIf.HostLines | Where-Object { $_ -like 'What if:*' } })
                WhatIfChanged = Get-Changed $before $afterWhatIf
                RealChanged   = Get-Changed $before $afterReal
            }
        }
        finally {
            foreach ($name in (ip -j netns list | ConvertFrom-Json).name | Where-Object { $_ -like "$stem-*" }) { ip netns delete $name }
        }
    }

    function script:Assert-Row([hashtable] $Row) {
        $run = Test-Row $Row
        $said = $run.Said -join "`n"
        $run.WhatIfChanged | Should -BeNullOrEmpty -Because "-WhatIf changes nothing ($said)"
        if ($Row.Fails) {
            @($run.Real.Errors.FullyQualifiedErrorId) | Should -BeLike "$($Row.Fails),*"
            $real = Get-Failures $run.Real
            Get-Failures $run.WhatIf | Should -Be $real -Because '-WhatIf fails as the real run does, in the same words'
            $run.WhatIfLines | Should -BeNullOrEmpty
            Get-Failures $run.Confirm | Should -Be $real -Because '-Confirm fails as the real run does, before it asks'
            $run.Confirm.Prompts | Should -BeNullOrEmpty -Because '-Confirm asks nothing about a change that would be refused'
            $run.ConfirmChanged | Should -BeNullOrEmpty
            $run.RealChanged | Should -BeNullOrEmpty
            return
        }

        $run.WhatIf.Errors | Should -BeNullOrEmpty
        $run.Real.Errors | Should -BeNullOrEmpty
        $run.WhatIfLines | Should -Not -BeNullOrEmpty
        $run.RealChanged | Should -Not -BeNullOrEmpty -Because "the real run changes something ($said)"
        foreach ($key in $run.RealChanged) {
            $name = Get-Named $key
            $implied = if ($Row.Implied) { $Row.Implied.Keys | Where-Object { $name -like $_ } | Select-Object -First 1 }
            if ($implied) {
                $said | Should -BeLike "*$($Row.Implied[$implied])*" -Because "'$key' changed, which the text implies"
            }
            else {
                @($run.Said | Where-Object { Test-Names $_ $name }) | Should -Not -BeNullOrEmpty -Because "'$key' changed, so -WhatIf must name $name (it said: $said)"
            }
        }
        foreach ($line in $run.Said) {
            @($run.RealChanged | Where-Object { Test-Names $line (Get-Named $_) }) | Should -Not -BeNullOrEmpty -Because "'$line' must name something that changed (changed: $($run.RealChanged -join '; '))"
        }
    }
}

Describe '-WhatIf tells what the real run does' {
    It 'covers every cmdlet that supports ShouldProcess' -ForEach @{ Covered = $Covered } {
        # The xfrm cmdlets' -WhatIf is proven in Ipsec.Tests.ps1, against `ip xfrm`, whose text
        # (it has no JSON) this table's state reader does not parse.
        $elsewhere = 'New-XfrmState', 'Set-XfrmState', 'Remove-XfrmState', 'New-XfrmPolicy', 'Set-XfrmPolicy', 'Remove-XfrmPolicy'
        $supporting = Get-Command -Module IpipTools | Where-Object { $_.Parameters.ContainsKey('WhatIf') -and $_.Name -notin $elsewhere }
        $supporting.Name | Sort-Object | Should -Be $Covered
    }

    It '<Cmdlet> <Case>' -ForEach $HostRows {
        Assert-Row $_
    }
}

Describe '-WhatIf tells what the real run does, for tunnels' -Tag Tunnel {
    It '<Cmdlet> <Case>' -ForEach $TunnelRows {
        Assert-Row $_
    }
}
