# Onlink route programming as a user types it: routes piped into Add-OnlinkRoute (from
# strings and from Import-Csv rows), and removed with Get-OnlinkRoute | Remove-OnlinkRoute,
# against `ip -batch` adding and deleting the same routes and against a pwsh loop that runs
# `ip route add` once per route. Every contestant works in its own fresh namespace.

# The contestants, as their rows name them. Each scriptblock gets the namespace and the
# run's data (Prefixes, Csv, AddBatch, DelBatch).
$script:RouteContestants = [ordered]@{
    PipedStrings = @{
        Label = '`$prefixes | Add-OnlinkRoute -Gateway G -InterfaceName bench0`'
        Work  = { param($ns, $data) $data.Prefixes | Add-OnlinkRoute -Gateway $script:RouteGateway -InterfaceName $script:BenchDevice -NetNamespace $ns }
    }
    PipedCsv     = @{
        Label = '`Import-Csv routes.csv | Add-OnlinkRoute`'
        Work  = { param($ns, $data) Import-Csv $data.Csv | Add-OnlinkRoute -NetNamespace $ns }
    }
    PipedRemove  = @{
        Label = '`Get-OnlinkRoute -InterfaceName bench0 | Remove-OnlinkRoute -Confirm:$false`'
        Work  = { param($ns, $data) Get-OnlinkRoute -InterfaceName $script:BenchDevice -NetNamespace $ns | Remove-OnlinkRoute -Confirm:$false }
    }
    # What a user falls back on while piping does not bind: one Add-OnlinkRoute call per route.
    CmdletLoop   = @{
        Label = '`foreach ($p in $prefixes) { Add-OnlinkRoute $p -Gateway G -InterfaceName bench0 }`'
        Work  = { param($ns, $data) foreach ($p in $data.Prefixes) { Add-OnlinkRoute $p -Gateway $script:RouteGateway -InterfaceName $script:BenchDevice -NetNamespace $ns } }
    }
    IpBatchAdd   = @{
        Label = '`ip -batch` (route add ... onlink)'
        Work  = { param($ns, $data) Invoke-Ip -n $ns -batch $data.AddBatch }
    }
    IpBatchDel   = @{
        Label = '`ip -batch` (route del)'
        Work  = { param($ns, $data) Invoke-Ip -n $ns -batch $data.DelBatch }
    }
    IpLoop       = @{
        Label = 'pwsh loop: `foreach ($p in $prefixes) { ip route add $p via G dev bench0 onlink }`'
        Work  = { param($ns, $data) foreach ($p in $data.Prefixes) { & ip -n $ns route add $p via $script:RouteGateway dev $script:BenchDevice onlink } }
    }
}

# Runs contestant $Name once in namespace $Namespace, checks the routes it leaves (iproute2
# counts them), and returns its sample.
function Measure-RouteContestant {
    param([string]$Name, [string]$Namespace, $Data, [int]$Expected)
    $sample = Measure-Work $script:RouteContestants[$Name].Work -ArgumentList $Namespace, $Data
    Assert-RouteCount $Namespace $Expected $script:RouteContestants[$Name].Label
    $sample
}

# The error a piped form gives on this build (tried on three routes in a throwaway
# namespace), or $null when it works: on a build where -Destination takes no pipeline input
# it fails, and the benchmark measures the loop users fall back on instead.
function Test-PipedRouteForm {
    param([string]$Form, [string]$Directory)
    $data = New-RouteData -Prefixes (Get-RoutePrefix 3) -Directory $Directory -Tag probe
    try {
        Use-BenchNamespace -WithDevice {
            param($ns)
            if ($Form -eq 'PipedRemove') {
                Invoke-Ip -n $ns -batch $data.AddBatch
                $null = Measure-RouteContestant $Form $ns $data 0
            } else {
                $null = Measure-RouteContestant $Form $ns $data 3
            }
        }
        $null
    } catch {
        "$($_.Exception.Message)".Trim()
    }
}

function New-RouteData {
    param([string[]]$Prefixes, [string]$Directory, [string]$Tag)
    $data = [pscustomobject]@{
        Prefixes = $Prefixes
        Csv      = Join-Path $Directory "routes-$Tag.csv"
        AddBatch = Join-Path $Directory "add-$Tag.batch"
        DelBatch = Join-Path $Directory "del-$Tag.batch"
    }
    Write-RouteCsv $data.Csv $Prefixes
    Write-RouteBatch $data.AddBatch $Prefixes add
    Write-RouteBatch $data.DelBatch $Prefixes del
    $data
}

# One round at one size: every contestant once, each in a fresh namespace. $Forms says which
# piped forms work on this build; $Samples collects the samples by contestant and size.
function Invoke-RouteRound {
    param([int]$Count, $Data, $LoopData, [hashtable]$Forms, [hashtable]$Samples)
    function Add-Sample([string]$Name, $Sample) {
        $key = "$Name|$Count"
        if (-not $Samples.ContainsKey($key)) { $Samples[$key] = [Collections.Generic.List[object]]::new() }
        $Samples[$key].Add($Sample)
    }

    Use-BenchNamespace -WithDevice {
        param($ns)
        if ($Forms.PipedStrings) {
            Add-Sample PipedStrings (Measure-RouteContestant PipedStrings $ns $Data $Count)
        } else {
            Invoke-Ip -n $ns -batch $Data.AddBatch
        }
        if ($Forms.PipedRemove) { Add-Sample PipedRemove (Measure-RouteContestant PipedRemove $ns $Data 0) }
    }
    if ($Forms.PipedCsv) {
        Use-BenchNamespace -WithDevice { param($ns) Add-Sample PipedCsv (Measure-RouteContestant PipedCsv $ns $Data $Count) }
    }
    if (-not $Forms.PipedStrings) {
        Use-BenchNamespace -WithDevice { param($ns) Add-Sample CmdletLoop (Measure-RouteContestant CmdletLoop $ns $LoopData $LoopData.Prefixes.Count) }
    }
    Use-BenchNamespace -WithDevice {
        param($ns)
        Add-Sample IpBatchAdd (Measure-RouteContestant IpBatchAdd $ns $Data $Count)
        Add-Sample IpBatchDel (Measure-RouteContestant IpBatchDel $ns $Data 0)
    }
    Use-BenchNamespace -WithDevice { param($ns) Add-Sample IpLoop (Measure-RouteContestant IpLoop $ns $LoopData $LoopData.Prefixes.Count) }
}

function Invoke-RoutePipelineBenchmark {
    param([int[]]$Counts, [int]$Repeat, [int]$Sample, [string]$Directory)
    $table = New-ResultTable 'Onlink route programming through the cmdlets' @(
        'routes', 'contestant', 'wall', 'user', 'system', 'throughput', 'vs ip -batch (throughput)')

    # Which piped forms bind on this build.
    $forms = @{}
    $failures = @{}
    foreach ($name in 'PipedStrings', 'PipedCsv', 'PipedRemove') {
        $failures[$name] = Test-PipedRouteForm $name $Directory
        $forms[$name] = $null -eq $failures[$name]
        if (-not $forms[$name]) { Write-Host "  $name does not work on this build: $($failures[$name])" }
    }

    # Warm-up: JIT the measured paths first, as in a long-lived session (Import-Module and the
    # first command's cold cost are their own benchmark). 2,000 routes a form, twice: enough
    # calls for .NET's tiered JIT to recompile the hot paths (PowerShell's binder and ours)
    # optimised, which it does in the background a little after a method's 30th call; with
    # 200 the first measured 10,000-route runs still ran half of it unoptimised.
    $warmCount = [Math]::Min(2000, ($Counts | Measure-Object -Minimum).Minimum)
    $warm = New-RouteData -Prefixes (Get-RoutePrefix $warmCount) -Directory $Directory -Tag warm
    $warmLoop = New-RouteData -Prefixes (Get-RoutePrefix ([Math]::Min($warmCount, $Sample))) -Directory $Directory -Tag warm-loop
    for ($round = 0; $round -lt 2; $round++) {
        Invoke-RouteRound -Count $warmCount -Data $warm -LoopData $warmLoop -Forms $forms -Samples @{}
    }

    $samples = @{}
    foreach ($count in $Counts) {
        $prefixes = Get-RoutePrefix $count
        $data = New-RouteData -Prefixes $prefixes -Directory $Directory -Tag $count
        $loopCount = [Math]::Min($count, $Sample)
        $loopData = New-RouteData -Prefixes $prefixes[0..($loopCount - 1)] -Directory $Directory -Tag "$count-loop"
        for ($round = 1; $round -le $Repeat; $round++) {
            Write-Host "  routes: $(Format-Count $count), run $round of $Repeat"
            Invoke-RouteRound -Count $count -Data $data -LoopData $loopData -Forms $forms -Samples $samples
        }
        Add-RouteRows $table $samples $count $loopCount $forms $failures
    }
    Add-LinearityNotes $table $samples $Counts
    $table
}

# The table rows and target notes for one size.
function Add-RouteRows {
    param($Table, [hashtable]$Samples, [int]$Count, [int]$LoopCount, [hashtable]$Forms, [hashtable]$Failures)
    $median = @{}
    foreach ($key in $Samples.Keys) {
        $name, $size = $key.Split('|')
        if ([int]$size -eq $Count) { $median[$name] = Get-MedianSample $Samples[$key].ToArray() }
    }
    foreach ($name in 'IpLoop', 'CmdletLoop') {
        if ($median.ContainsKey($name)) { $median[$name] = Expand-Sample $median[$name] -Measured $LoopCount -Count $Count }
    }
    $scale = if ($LoopCount -lt $Count) { " ($(Format-Count $LoopCount) run, ×$(Format-Count ($Count / $LoopCount)))" } else { '' }

    $rows = @(
        @('PipedStrings', 'IpBatchAdd', ''), @('PipedCsv', 'IpBatchAdd', ''), @('CmdletLoop', 'IpBatchAdd', "$scale, measured because the piped form fails on this build"),
        @('IpBatchAdd', 'IpBatchAdd', ''), @('IpLoop', 'IpBatchAdd', $scale),
        @('PipedRemove', 'IpBatchDel', ''), @('IpBatchDel', 'IpBatchDel', ''))
    foreach ($row in $rows) {
        $name, $baseline, $suffix = $row
        $label = $script:RouteContestants[$name].Label + $suffix
        if (-not $median.ContainsKey($name)) {
            if ($name -like 'Piped*') {
                Add-ResultRow $Table @((Format-Count $Count), "$label (fails on this build: $($Failures[$name]))", '–', '–', '–', '–', '–')
            }
            continue
        }
        $sample = $median[$name]
        Add-ResultRow $Table @((Format-Count $Count), $label, (Format-Seconds $sample.Wall), (Format-Seconds $sample.User),
            (Format-Seconds $sample.System), (Format-Rate ($Count / $sample.Wall)), (Format-Ratio ($median[$baseline].Wall / $sample.Wall)))
    }

    foreach ($pair in @('PipedStrings', 'IpBatchAdd', 'piped add from strings'), @('PipedCsv', 'IpBatchAdd', 'piped add from Import-Csv'), @('PipedRemove', 'IpBatchDel', 'piped remove')) {
        $name, $baseline, $what = $pair
        if ($median.ContainsKey($name)) {
            $ratio = $median[$baseline].Wall / $median[$name].Wall
            $Table.Notes.Add("$(Format-Count $Count) routes, ${what}: $(Format-Ratio $ratio) the throughput of ``ip -batch`` (target ≥ 0.50×: $(Format-Target $ratio 0.5 AtLeast))")
        }
    }
}

# Linearity: the largest size's median wall time over the smallest's, against the size ratio.
function Add-LinearityNotes {
    param($Table, [hashtable]$Samples, [int[]]$Counts)
    if ($Counts.Count -lt 2) { return }
    $small = ($Counts | Measure-Object -Minimum).Minimum
    $large = ($Counts | Measure-Object -Maximum).Maximum
    $allowed = 1.2 * $large / $small
    foreach ($name in 'PipedStrings', 'PipedCsv', 'PipedRemove', 'IpBatchAdd', 'IpBatchDel') {
        if (-not ($Samples.ContainsKey("$name|$small") -and $Samples.ContainsKey("$name|$large"))) { continue }
        $ratio = (Get-MedianSample $Samples["$name|$large"].ToArray()).Wall / (Get-MedianSample $Samples["$name|$small"].ToArray()).Wall
        $target = if ($name -like 'Piped*') { " (target ≤ $(Format-Ratio $allowed): $(Format-Target $ratio $allowed AtMost))" } else { '' }
        $Table.Notes.Add("linearity, $($script:RouteContestants[$name].Label): $(Format-Count $large) routes take $(Format-Ratio $ratio) the time of $(Format-Count $small)$target")
    }
}
