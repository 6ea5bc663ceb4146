# Reading the routing table into PowerShell objects: Get-OnlinkRoute (every route of the main
# table with -All, IPv4 and IPv6, and the onlink routes of one device) against `ip -j route show | ConvertFrom-Json`, at the
# same table, filled by `ip -batch` in a fresh namespace for each run.

$script:DumpContestants = [ordered]@{
    GetAll    = @{
        Label = '`$routes = Get-OnlinkRoute -All`'
        Work  = { param($ns) Get-OnlinkRoute -All -NetNamespace $ns }
    }
    GetDevice = @{
        Label = '`$routes = Get-OnlinkRoute -InterfaceName bench0`'
        Work  = { param($ns) Get-OnlinkRoute -InterfaceName $script:BenchDevice -NetNamespace $ns }
    }
    IpJson    = @{
        Label = '`$routes = ip -j route show | ConvertFrom-Json`'
        Work  = { param($ns) & ip -n $ns -j route show | ConvertFrom-Json }
    }
}

function Invoke-RouteDumpBenchmark {
    param([int[]]$Counts, [int]$Repeat, [string]$Directory)
    $table = New-ResultTable 'Reading the routing table into PowerShell' @(
        'routes', 'contestant', 'wall', 'user', 'system', 'vs ip -j | ConvertFrom-Json (wall)')

    foreach ($count in @(200) + $Counts) {
        $warmUp = $count -eq 200
        $batch = Join-Path $Directory "dump-$count.batch"
        Write-RouteBatch $batch (Get-RoutePrefix $count) add
        $samples = @{}
        foreach ($name in $script:DumpContestants.Keys) { $samples[$name] = [Collections.Generic.List[object]]::new() }
        for ($round = 1; $round -le ($warmUp ? 2 : $Repeat); $round++) {
            if (-not $warmUp) { Write-Host "  dump: $(Format-Count $count) routes, run $round of $Repeat" }
            Use-BenchNamespace -WithDevice {
                param($ns)
                Invoke-Ip -n $ns -batch $batch
                foreach ($name in $script:DumpContestants.Keys) {
                    $sample = Measure-Work $script:DumpContestants[$name].Work -ArgumentList $ns
                    # -All is both families: the table's IPv6 routes too (the veth's fe80::/64).
                    $expected = $count + ($name -eq 'GetAll' ? (Get-IpLineCount "-n '$ns' -6 route show table main") : 0)
                    if ($sample.Items -ne $expected) { throw "$($script:DumpContestants[$name].Label) returned $($sample.Items) routes, expected $expected" }
                    $samples[$name].Add($sample)
                }
            }
        }
        if ($warmUp) { continue }

        $median = @{}
        foreach ($name in $samples.Keys) { $median[$name] = Get-MedianSample $samples[$name].ToArray() }
        foreach ($name in $script:DumpContestants.Keys) {
            $sample = $median[$name]
            Add-ResultRow $table @((Format-Count $count), $script:DumpContestants[$name].Label, (Format-Seconds $sample.Wall),
                (Format-Seconds $sample.User), (Format-Seconds $sample.System), (Format-Ratio ($sample.Wall / $median.IpJson.Wall)))
        }
        foreach ($name in 'GetAll', 'GetDevice') {
            $ratio = $median[$name].Wall / $median.IpJson.Wall
            $table.Notes.Add("$(Format-Count $count) routes: $($script:DumpContestants[$name].Label) takes $(Format-Ratio $ratio) the time of ``ip -j route show | ConvertFrom-Json`` (target ≤ 0.10×: $(Format-Target $ratio 0.1 AtMost))")
        }
    }
    $table
}
