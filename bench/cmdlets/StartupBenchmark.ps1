# The cold costs a user pays once per session: Import-Module IpipTools and the first command
# after it, each run in a fresh pwsh process (the same pwsh as this one), median of several.
# The first command is Get-OnlinkRoute in a namespace holding 100 routes.

function Invoke-StartupBenchmark {
    param([int]$Runs, [string]$ModulePath)
    $table = New-ResultTable 'Import-Module and the first command (a fresh pwsh process each run)' @(
        'what', 'median', 'fastest', 'slowest')

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

        # Each figure is taken inside the child, around the statement it names.
        $child = @"
`$clock = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$ModulePath'
`$import = `$clock.Elapsed.TotalMilliseconds
`$clock.Restart()
`$first = @(Get-OnlinkRoute -InterfaceName $($script:BenchDevice) -NetNamespace $ns).Count
`$firstTime = `$clock.Elapsed.TotalMilliseconds
`$clock.Restart()
`$second = @(Get-OnlinkRoute -InterfaceName $($script:BenchDevice) -NetNamespace $ns).Count
`$secondTime = `$clock.Elapsed.TotalMilliseconds
"timings `$import `$firstTime `$secondTime `$first `$second"
"@
        $figures = @{ Bare = @(); Process = @(); Import = @(); First = @(); Second = @() }
        for ($run = 1; $run -le $Runs; $run++) {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $null = & $host_ @pwshArgs 'exit 0'
            $figures.Bare += $clock.Elapsed.TotalMilliseconds
            if ($LASTEXITCODE -ne 0) { throw "pwsh -Command 'exit 0' failed (exit $LASTEXITCODE)" }

            $clock.Restart()
            $output = & $host_ @pwshArgs $child 2>&1
            $figures.Process += $clock.Elapsed.TotalMilliseconds
            $line = @($output | Where-Object { "$_" -like 'timings *' })
            if ($LASTEXITCODE -ne 0 -or $line.Count -ne 1) { throw "the fresh pwsh failed (exit $LASTEXITCODE): $($output -join "`n")" }
            $import, $first, $second, $firstCount, $secondCount = "$($line[0])".Split(' ')[1..5]
            if ([int]$firstCount -ne 100 -or [int]$secondCount -ne 100) { throw "Get-OnlinkRoute returned $firstCount and $secondCount routes, expected 100" }
            $figures.Import += [double]$import
            $figures.First += [double]$first
            $figures.Second += [double]$second
        }

        $rows = [ordered]@{
            Bare    = 'pwsh start-up and exit, no module (process wall)'
            Import  = '`Import-Module IpipTools` (published folder)'
            First   = 'first command: `Get-OnlinkRoute -InterfaceName bench0` (100 routes)'
            Second  = 'the same command again'
            Process = 'whole process: start-up, import, both commands, exit (process wall)'
        }
        foreach ($key in $rows.Keys) {
            $sorted = @($figures[$key] | Sort-Object)
            $median = $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
            Add-ResultRow $table @($rows[$key], (Format-Millis $median), (Format-Millis $sorted[0]), (Format-Millis $sorted[-1]))
            if ($key -eq 'Import') {
                $table.Notes.Add("Import-Module IpipTools: $(Format-Millis $median) median of $Runs fresh processes (target ≤ 150 ms: $(Format-Target $median 150 AtMost))")
            }
        }
    }
    $table
}
