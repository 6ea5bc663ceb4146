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
function Get-IpAddress {
    param([Parameter(Mandatory)] [string] $Namespace, [string] $Device)
    foreach ($link in Get-IpJson $Namespace -4 addr show) {
        if ($Device -and $link.ifname -ne $Device) { continue }
        foreach ($info in $link.addr_info) {
            $info | Add-Member -NotePropertyName ifname -NotePropertyValue $link.ifname -PassThru
        }
    }
}

# The IPv4 routes of every table as ip sees them (dst, gateway, dev, flags, protocol, ...).
function Get-IpRoute {
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
# object. Bridge timers count down on their own and IPv6 link-local addresses come and go
# with DAD, so those are left out.
function Get-IpState {
    param([Parameter(Mandatory)] [string[]] $Namespace)
    foreach ($ns in $Namespace) {
        foreach ($query in @('link', 'show'), @('-4', 'addr', 'show'), @('-4', 'route', 'show', 'table', 'all')) {
            $text = ip -n $ns -d -j @query
            if ($LASTEXITCODE -ne 0) { throw "ip -n $ns -d -j $query failed" }
            foreach ($item in "$text" | ConvertFrom-Json -AsHashtable) {
                "${ns}: $(Remove-IpTimer $item | ConvertTo-Json -Depth 20 -Compress)"
            }
        }
    }
}

# The object without the bridge timers (keys ending in _timer), at any depth.
function Remove-IpTimer {
    param($Node)
    if ($Node -is [System.Collections.IDictionary]) {
        foreach ($key in @($Node.Keys)) {
            if ($key -like '*_timer') { $Node.Remove($key) } else { $Node[$key] = Remove-IpTimer $Node[$key] }
        }
    }
    elseif ($Node -is [System.Collections.IList]) {
        for ($i = 0; $i -lt $Node.Count; $i++) { $Node[$i] = Remove-IpTimer $Node[$i] }
    }

    , $Node
}

# Waits until a link reports operstate UP (a veth follows its peer a moment later), so a
# state taken now does not change on its own afterwards.
function Wait-IpLinkUp {
    param([Parameter(Mandatory)] [string] $Namespace, [Parameter(Mandatory)] [string] $Name, [int] $TimeoutSeconds = 10)
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ((Get-IpLink $Namespace $Name).operstate -ne 'UP') {
        if ([datetime]::UtcNow -gt $deadline) { throw "link $Name in $Namespace did not come up within $TimeoutSeconds s" }
        Start-Sleep -Milliseconds 50
    }
}

# Waits until the state of some namespaces holds still (two equal readings in a row): a
# veth's carrier and a bridge's operstate follow a moment after the request that set them.
function Wait-IpStateSettled {
    param([Parameter(Mandatory)] [string[]] $Namespace, [int] $TimeoutSeconds = 10)
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    $previous = Get-IpState $Namespace
    while ($true) {
        Start-Sleep -Milliseconds 100
        $current = Get-IpState $Namespace
        if (($current -join "`n") -eq ($previous -join "`n")) { return }
        if ([datetime]::UtcNow -gt $deadline) { throw "the state of $Namespace kept changing for $TimeoutSeconds s" }
        $previous = $current
    }
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
