# iproute2 as the independent oracle: what the kernel holds, read with `ip -d -j` and
# parsed with ConvertFrom-Json. The product never starts ip; only the tests do.

# The objects `ip -n NAMESPACE -d -j ARGUMENTS...` prints, one per link, address or route
# (nothing when there are none). Throws when ip fails, so a typo cannot pass as "empty".
function Get-IpJson {
    param(
        [Parameter(Mandatory)] [string] $Namespace,
        [Parameter(ValueFromRemainingArguments)] [string[]] $Arguments
    )

    $text = ip -n $Namespace -d -j @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "ip -n $Namespace -d -j $Arguments failed ($LASTEXITCODE): $text"
    }

    $json = "$text".Trim()
    if ($json) {
        $json | ConvertFrom-Json
    }
}

# One link as ip sees it, or nothing when the namespace has no such link.
function Get-IpLink {
    param([Parameter(Mandatory)] [string] $Namespace, [Parameter(Mandatory)] [string] $Name)
    Get-IpJson $Namespace link show | Where-Object ifname -eq $Name
}

# The IPv4 addresses of a device as ip sees them: objects with local, prefixlen,
# address (the peer, when there is one), and the device name as ifname.
function Get-IpJsonAddress {
    param([Parameter(Mandatory)] [string] $Namespace, [string] $Device)
    foreach ($link in Get-IpJson $Namespace -4 addr show) {
        if ($Device -and $link.ifname -ne $Device) { continue }
        foreach ($info in $link.addr_info) {
            $info | Add-Member -NotePropertyName ifname -NotePropertyValue $link.ifname -PassThru
        }
    }
}

# The IPv4 routes of every table as ip sees them (dst, gateway, dev, flags, protocol, ...).
function Get-IpJsonRoute {
    param([Parameter(Mandatory)] [string] $Namespace, [string] $Table = 'main', [ValidateSet('4', '6')] [string] $Family = '4')
    Get-IpJson $Namespace "-$Family" route show table $Table
}

# Whether IPv4 forwarding is on, read from /proc inside the namespace.
function Get-IpForwardingOracle {
    param([Parameter(Mandatory)] [string] $Namespace)
    (ip netns exec $Namespace cat /proc/sys/net/ipv4/ip_forward) -eq '1'
}

# Everything a refused request could leave behind in some namespaces, as text to compare:
# links (`ip -d -j link`), IPv4 addresses and the IPv4 routes of every table, one line per
# object. Left out is what changes on its own: bridge timers count down, IPv6 link-local
# addresses come and go with DAD, and a veth's carrier follows its peer up to a second after
# the request that set it (the kernel's link watch), which shows in operstate, in the link
# flags NO-CARRIER and LOWER_UP, and in the routes' flag linkdown. A link's admin state (UP)
# is kept: that is what a request sets.
function Get-IpState {
    param([Parameter(Mandatory)] [string[]] $Namespace)
    # The kernel finishes some changes after the request returns (link watch, carrier, the
    # routes of an address coming up), slowest under emulation: read until two reads agree.
    $previous = Read-IpState $Namespace
    for ($try = 0; $try -lt 30; $try++) {
        Start-Sleep -Milliseconds 100
        $current = Read-IpState $Namespace
        if (-not (Compare-Object $previous $current -SyncWindow 0)) { return $current }
        $previous = $current
    }
    throw "the state of $($Namespace -join ', ') did not settle within 3 s"
}

# One reading of Get-IpState's lines.
function Read-IpState {
    param([Parameter(Mandatory)] [string[]] $Namespace)
    foreach ($ns in $Namespace) {
        # Rules, and the neighbour entries set by hand (those the kernel resolves age on their own).
        foreach ($query in @('link', 'show'), @('-4', 'addr', 'show'), @('-4', 'route', 'show', 'table', 'all'), @('-4', 'rule', 'show'), @('-6', 'rule', 'show'),
            @('neigh', 'show', 'nud', 'permanent')) {
            $text = ip -n $ns -d -j @query
            if ($LASTEXITCODE -ne 0) { throw "ip -n $ns -d -j $query failed" }
            foreach ($item in "$text" | ConvertFrom-Json -AsHashtable) {
                "${ns}: $(Remove-IpVolatile $item | ConvertTo-Json -Depth 20 -Compress)"
            }
        }
        # Bridge FDB entries set by hand (permanent, static); learned ones come and go, and so
        # do the multicast ones the kernel adds as IPv6 addresses come up (33:33:..., 01:00:5e:...).
        $text = bridge -n $ns -j fdb show
        if ($LASTEXITCODE -ne 0) { throw "bridge -n $ns -j fdb show failed" }
        foreach ($item in "$text" | ConvertFrom-Json -AsHashtable | Where-Object { $_.state -in 'permanent', 'static' -and $_.mac -notlike '33:33:*' -and $_.mac -notlike '01:00:5e:*' }) {
            "${ns}: fdb $($item | ConvertTo-Json -Depth 20 -Compress)"
        }
    }
}

# The object without what changes on its own (see Get-IpState), at any depth.
function Remove-IpVolatile {
    param($Node)
    if ($Node -is [System.Collections.IDictionary]) {
        foreach ($key in @($Node.Keys)) {
            if ($key -like '*_timer' -or $key -eq 'operstate') { $Node.Remove($key) }
            elseif ($key -eq 'flags') { $Node[$key] = @($Node[$key] | Where-Object { $_ -notin 'NO-CARRIER', 'LOWER_UP', 'linkdown' }) }
            else { $Node[$key] = Remove-IpVolatile $Node[$key] }
        }
    }
    elseif ($Node -is [System.Collections.IList]) {
        for ($i = 0; $i -lt $Node.Count; $i++) { $Node[$i] = Remove-IpVolatile $Node[$i] }
    }

    , $Node
}

# The lines that differ between two Get-IpState readings ('- ' before, '+ ' after); nothing
# when they are equal. `Compare-IpState $before (Get-IpState ...) | Should -BeNullOrEmpty`
# names only what changed.
function Compare-IpState {
    param([string[]] $Before, [string[]] $After)
    Compare-Object @($Before) @($After) -SyncWindow 1000 | ForEach-Object {
        if ($_.SideIndicator -eq '<=') { "- $($_.InputObject)" } else { "+ $($_.InputObject)" }
    }
}
