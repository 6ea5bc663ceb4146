# ipip tunnels piped into New-IpipTunnel from Import-Csv rows (Name, Remote, Local: one
# remote per tunnel, since the kernel keys ipip tunnels by their endpoints) against
# `ip -batch` of `link add ... type ipip`, each in a fresh namespace. The same rows are also
# piped from memory (read before the clock starts), which leaves Import-Csv's own parsing out
# and so measures New-IpipTunnel alone. Needs a kernel with the ipip driver:
# bench/kernel/run.sh runs it in the qemu guest.

$script:TunnelLocal = '192.0.2.1'

$script:TunnelContestants = [ordered]@{
    PipedCsv   = @{
        Label = '`Import-Csv tunnels.csv | New-IpipTunnel`'
        Work  = { param($ns, $data) Import-Csv $data.Csv | New-IpipTunnel -NetNamespace $ns }
    }
    PipedRows  = @{
        Label = '`$rows | New-IpipTunnel` ($rows from Import-Csv, read before the clock starts)'
        Work  = { param($ns, $data) $data.Rows | New-IpipTunnel -NetNamespace $ns }
    }
    # What a user falls back on while piping does not bind: one New-IpipTunnel call per row.
    CmdletLoop = @{
        Label = '`foreach ($t in Import-Csv tunnels.csv) { New-IpipTunnel $t.Name -Remote $t.Remote -Local $t.Local }`'
        Work  = { param($ns, $data) foreach ($t in Import-Csv $data.Csv) { New-IpipTunnel $t.Name -Remote $t.Remote -Local $t.Local -NetNamespace $ns } }
    }
    IpBatch    = @{
        Label = '`ip -batch` (link add ... type ipip)'
        Work  = { param($ns, $data) Invoke-Ip -n $ns -batch $data.Batch }
    }
}

function New-TunnelData {
    param([int]$Count, [string]$Directory, [string]$Tag)
    $csv = [Collections.Generic.List[string]]::new()
    $batch = [Collections.Generic.List[string]]::new()
    $csv.Add('Name,Remote,Local')
    for ($i = 0; $i -lt $Count; $i++) {
        $remote = '198.18.{0}.{1}' -f [Math]::Floor($i / 250), ($i % 250 + 1)
        $csv.Add("bt$i,$remote,$script:TunnelLocal")
        $batch.Add("link add bt$i type ipip local $script:TunnelLocal remote $remote")
    }
    $data = [pscustomobject]@{ Count = $Count; Csv = Join-Path $Directory "tunnels-$Tag.csv"; Batch = Join-Path $Directory "tunnels-$Tag.batch" }
    [IO.File]::WriteAllLines($data.Csv, $csv)
    [IO.File]::WriteAllLines($data.Batch, $batch)
    $data | Add-Member Rows @(Import-Csv $data.Csv)
    $data
}

function Test-KernelHasIpip {
    Use-BenchNamespace {
        param($ns)
        & ip -n $ns link add probe0 type ipip local $script:TunnelLocal remote 198.18.0.1 2>$null
        $LASTEXITCODE -eq 0
    }
}

# Runs a contestant in a fresh namespace, checks with iproute2 that it made every tunnel.
function Measure-TunnelContestant {
    param([string]$Name, $Data)
    Use-BenchNamespace {
        param($ns)
        $sample = Measure-Work $script:TunnelContestants[$Name].Work -ArgumentList $ns, $Data
        $made = Get-IpLineCount "-n '$ns' -o link show type ipip" "| grep ': bt[0-9]*@'"
        if ($made -ne $Data.Count) { throw "$($script:TunnelContestants[$Name].Label) made $made tunnels, expected $($Data.Count)" }
        $sample
    }
    # A namespace holding many tunnels is torn down by a kernel worker after it is deleted:
    # wait, so that the teardown does not run in the next contestant's time.
    if ($Data.Count -ge 500) { Start-Sleep -Seconds 3 }
}

function Invoke-TunnelPipelineBenchmark {
    param([int]$Count, [int]$Repeat, [string]$Directory)
    $table = New-ResultTable 'ipip tunnel creation through the cmdlets' @(
        'tunnels', 'contestant', 'wall', 'user', 'system', 'throughput', 'vs ip -batch (throughput)')
    if (-not (Test-KernelHasIpip)) {
        $table.Notes.Add('Not run: this kernel has no ipip driver. Run `bash bench/kernel/run.sh` to measure it in the qemu guest.')
        return $table
    }

    $probe = New-TunnelData -Count 3 -Directory $Directory -Tag probe
    $pipedFailure = try { $null = Measure-TunnelContestant PipedCsv $probe; $null } catch { "$($_.Exception.Message)".Trim() }
    $ours = if ($null -eq $pipedFailure) { 'PipedCsv' } else { 'CmdletLoop' }
    if ($pipedFailure) { Write-Host "  the piped form does not work on this build: $pipedFailure" }

    # Warm-up, as in a long-lived session: enough tunnels for .NET's tiered JIT to recompile
    # the hot paths optimised (it does so a little after a method's 30th call).
    $forms = $pipedFailure ? @($ours) : @('PipedCsv', 'PipedRows')
    $warm = New-TunnelData -Count ([Math]::Min(300, $Count)) -Directory $Directory -Tag warm
    foreach ($name in @($forms) + 'IpBatch') { $null = Measure-TunnelContestant $name $warm }

    $data = New-TunnelData -Count $Count -Directory $Directory -Tag $Count
    $samples = @{}
    foreach ($name in @($forms) + 'IpBatch') { $samples[$name] = [Collections.Generic.List[object]]::new() }
    for ($round = 1; $round -le $Repeat; $round++) {
        Write-Host "  tunnels: $(Format-Count $Count), run $round of $Repeat"
        foreach ($name in @($forms) + 'IpBatch') { $samples[$name].Add((Measure-TunnelContestant $name $data)) }
    }
    $batch = Get-MedianSample $samples.IpBatch.ToArray()
    if ($pipedFailure) {
        Add-ResultRow $table @((Format-Count $Count), "$($script:TunnelContestants.PipedCsv.Label) (fails on this build: $pipedFailure)", '–', '–', '–', '–', '–')
    }
    foreach ($name in @($forms) + 'IpBatch') {
        $sample = Get-MedianSample $samples[$name].ToArray()
        $label = $script:TunnelContestants[$name].Label + ($name -eq 'CmdletLoop' ? ', measured because the piped form fails on this build' : '')
        Add-ResultRow $table @((Format-Count $Count), $label, (Format-Seconds $sample.Wall), (Format-Seconds $sample.User),
            (Format-Seconds $sample.System), (Format-Rate ($Count / $sample.Wall)), (Format-Ratio ($batch.Wall / $sample.Wall)))
    }
    foreach ($name in $forms) {
        $ratio = $batch.Wall / (Get-MedianSample $samples[$name].ToArray()).Wall
        $what = switch ($name) { 'PipedCsv' { 'piped New-IpipTunnel from Import-Csv' } 'PipedRows' { 'piped New-IpipTunnel from rows in memory' } default { 'one New-IpipTunnel call per tunnel (not piped)' } }
        $table.Notes.Add("$(Format-Count $Count) tunnels, ${what}: $(Format-Ratio $ratio) the throughput of ``ip -batch`` (target for the piped form ≥ 0.80×: $(Format-Target $ratio 0.8 AtLeast))")
    }
    $table
}
