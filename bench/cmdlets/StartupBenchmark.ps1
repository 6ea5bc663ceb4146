# The cold costs a user pays once per session: Import-Module IpipTools and the first command
# after it, each run in a fresh pwsh process (the same pwsh as this one), median of several.
# The first command is Get-OnlinkRoute in a namespace holding 100 routes.

function Invoke-StartupBenchmark {
    param([int]$Runs, [string]$ModulePath)
    $table = New-ResultTable 'Import-Module and the first command (a fresh pwsh process each run)' @(
        'what', 'wall (median)', 'fastest', 'slowest', 'CPU (median)')

    # pwsh as this one was started: `dotnet pwsh.dll` (the pinned tool, the guest) or an apphost.
    $host_ = [Environment]::ProcessPath
    $pwshArgs = @()
    if ((Split-Path -Leaf $host_) -like 'dotnet*') { $pwshArgs += Join-Path $PSHOME 'pwsh.dll' }
    $pwshArgs += '-NoLogo', '-NoProfile', '-NonInteractive', '-Command'

    Use-BenchNamespace -WithDevice {
        param($ns)
        $batch = Join-Path ([IO.Path]::GetTempPath()) "$ns-startup.batch"
        Write-RouteBatch $batch (Get-RoutePrefix 100) add
        try { Invoke-Ip -n $ns -batch $batch } finally { Remove-Item $batch }

        # Each figure is taken inside the child, around the statement it names: wall time and
        # the child's CPU time (getrusage, every thread).
        $child = @"
function Get-CpuMilliseconds { [Environment]::CpuUsage.TotalTime.TotalMilliseconds }
`$figures = @()
foreach (`$step in { Import-Module '$ModulePath' },
    { @(Get-OnlinkRoute -InterfaceName $($script:BenchDevice) -NetNamespace $ns).Count },
    { @(Get-OnlinkRoute -InterfaceName $($script:BenchDevice) -NetNamespace $ns).Count }) {
    `$cpu = Get-CpuMilliseconds
    `$clock = [Diagnostics.Stopwatch]::StartNew()
    `$result = & `$step
    `$figures += `$clock.Elapsed.TotalMilliseconds, ((Get-CpuMilliseconds) - `$cpu), "`$result"
}
"timings `$(`$figures -join ' ')"
"@
        $wall = @{ Bare = @(); Process = @(); Import = @(); First = @(); Second = @() }
        $cpu = @{ Bare = @(); Process = @(); Import = @(); First = @(); Second = @() }
        for ($run = 1; $run -le $Runs; $run++) {
            $before = Get-ChildCpuSeconds
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $null = & $host_ @pwshArgs 'exit 0'
            $wall.Bare += $clock.Elapsed.TotalMilliseconds
            $after = Get-ChildCpuSeconds
            $cpu.Bare += 1000 * ($after.User + $after.System - $before.User - $before.System)
            if ($LASTEXITCODE -ne 0) { throw "pwsh -Command 'exit 0' failed (exit $LASTEXITCODE)" }

            $before = $after
            $clock.Restart()
            $output = & $host_ @pwshArgs $child 2>&1
            $wall.Process += $clock.Elapsed.TotalMilliseconds
            $after = Get-ChildCpuSeconds
            $cpu.Process += 1000 * ($after.User + $after.System - $before.User - $before.System)
            $line = @($output | Where-Object { "$_" -like 'timings *' })
            if ($LASTEXITCODE -ne 0 -or $line.Count -ne 1) { throw "the fresh pwsh failed (exit $LASTEXITCODE): $($output -join "`n")" }
            $figures = "$($line[0])".Split(' ')
            foreach ($step in @(@('Import', 1), @('First', 4), @('Second', 7))) {
                $key, $at = $step
                $wall[$key] += [double]$figures[$at]
                $cpu[$key] += [double]$figures[$at + 1]
                if ($key -ne 'Import' -and $figures[$at + 2] -ne '100') { throw "Get-OnlinkRoute returned $($figures[$at + 2]) routes in the fresh pwsh, expected 100" }
            }
        }

        $rows = [ordered]@{
            Bare    = 'pwsh start-up and exit, no module (process wall)'
            Import  = '`Import-Module IpipTools` (published folder)'
            First   = 'first command: `Get-OnlinkRoute -InterfaceName bench0` (100 routes)'
            Second  = 'the same command again'
            Process = 'whole process: start-up, import, both commands, exit (process wall)'
        }
        foreach ($key in $rows.Keys) {
            $sorted = @($wall[$key] | Sort-Object)
            $median = Get-Median $wall[$key]
            Add-ResultRow $table @($rows[$key], (Format-Millis $median), (Format-Millis $sorted[0]), (Format-Millis $sorted[-1]), (Format-Millis (Get-Median $cpu[$key])))
            if ($key -eq 'Import') {
                $table.Notes.Add("Import-Module IpipTools: $(Format-Millis $median) median of $Runs fresh processes (target ≤ 150 ms: $(Format-Target $median 150 AtMost))")
            }
        }
    }
    $table
}

