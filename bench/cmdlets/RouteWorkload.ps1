# The routes every contestant programs: Calico-style /26 blocks out of 10.0.0.0/8 (room for
# 262,144), all via one gateway, onlink on the bench device; as the strings a user pipes, as
# the rows of a CSV file, and as `ip -batch` lines.

$script:RouteGateway = '172.16.0.1'

function Get-RoutePrefix {
    param([Parameter(Mandatory)][ValidateRange(1, 262144)][int]$Count)
    $prefixes = [string[]]::new($Count)
    for ($i = 0; $i -lt $Count; $i++) {
        $address = 0x0A000000 + $i * 64
        $prefixes[$i] = '{0}.{1}.{2}.{3}/26' -f ($address -shr 24), (($address -shr 16) -band 255), (($address -shr 8) -band 255), ($address -band 255)
    }
    $prefixes
}

# routes.csv as a user would keep it: Destination, Gateway, InterfaceName.
function Write-RouteCsv {
    param([string]$Path, [string[]]$Prefixes)
    $lines = [Collections.Generic.List[string]]::new($Prefixes.Count + 1)
    $lines.Add('Destination,Gateway,InterfaceName')
    foreach ($prefix in $Prefixes) { $lines.Add("$prefix,$script:RouteGateway,$script:BenchDevice") }
    [IO.File]::WriteAllLines($Path, $lines)
}

# `ip -batch` lines: `route add P via G dev D onlink`, or `route del P dev D`.
function Write-RouteBatch {
    param([string]$Path, [string[]]$Prefixes, [ValidateSet('add', 'del')][string]$Verb)
    $tail = if ($Verb -eq 'add') { " via $script:RouteGateway dev $script:BenchDevice onlink" } else { " dev $script:BenchDevice" }
    [IO.File]::WriteAllLines($Path, [string[]]@($Prefixes | ForEach-Object { "route $Verb $_$tail" }))
}

# Fails the run unless the bench device has exactly $Expected routes in the main table, all
# via the gateway (a route added without it, as when a CSV column did not bind, is not the
# route asked for). Counted by iproute2, the oracle, outside any timing.
function Assert-RouteCount {
    param([string]$Namespace, [int]$Expected, [string]$Contestant)
    $all = Get-IpLineCount "-n '$Namespace' route show dev $script:BenchDevice"
    $viaGateway = Get-IpLineCount "-n '$Namespace' route show dev $script:BenchDevice via $script:RouteGateway"
    if ($all -ne $Expected -or $viaGateway -ne $Expected) {
        throw "$Contestant left $all routes on $script:BenchDevice ($viaGateway via $script:RouteGateway), expected $Expected"
    }
}
