<#
.SYNOPSIS
    Benchmarks the IpipTools cmdlets as users run them, against iproute2 in the same run.
.DESCRIPTION
    Needs root (it makes throwaway network namespaces). Usually started by bench/cmdlets/run.sh,
    which publishes the module, runs this script in the repository's pinned pwsh and writes the
    markdown into bench/RESULTS.md. Benchmarks (-Only):
      routes   N onlink routes piped into Add-OnlinkRoute from strings and from Import-Csv rows,
               removed with Get-OnlinkRoute | Remove-OnlinkRoute; against `ip -batch` and a pwsh
               loop running `ip route add` per route (sampled, extrapolated)
      dump     Get-OnlinkRoute against `ip -j route show | ConvertFrom-Json`
      startup  Import-Module IpipTools and the first command, each in a fresh pwsh process
      tunnels  ipip tunnels piped into New-IpipTunnel against `ip -batch` (needs ipip: the host
               kernel here has none; bench/kernel/run.sh runs it in the qemu guest)
.PARAMETER Quick
    N = 100 everywhere, one run each, no results file unless -Output is given: proves the
    benchmark works end to end (CI).
#>
[CmdletBinding()]
param(
    # Lists may be given comma-separated in one argument, as `pwsh -File` passes them.
    [string[]]$Routes = @(10000, 100000),
    [string[]]$DumpRoutes = @(100000),
    [int]$Tunnels = 1000,
    [int]$Repeat = 3,
    # `ip route add` processes run (and one-call-per-route cmdlet loops), then extrapolated.
    [int]$Sample = 200,
    [int]$StartupRuns = 7,
    # Any of routes, dump, startup, tunnels.
    [string[]]$Only = @('routes', 'dump', 'startup', 'tunnels'),
    [switch]$Quick,
    # The module manifest in the published folder (dotnet publish src/IpipTools -o out/IpipTools).
    [string]$ModulePath = (Join-Path $PSScriptRoot '../../out/IpipTools/IpipTools.psd1'),
    # Where the markdown goes (nowhere when not given).
    [string]$Output,
    # The command line to record in the results.
    [string]$CommandLine = 'bash bench/cmdlets/run.sh',
    # How this pwsh was built, for the results (run.sh says: precompiled as PowerShell's packages ship it, or the IL-only dotnet tool).
    [string]$PowerShellBuild = 'as started',
    # Every namespace this run makes is named PREFIX-N (run.sh removes leftovers by it).
    [string]$NamespacePrefix = "ipiptools-cbench-$PID"
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
foreach ($part in 'Measurement', 'BenchNamespace', 'RouteWorkload', 'Report', 'RoutePipelineBenchmark',
    'RouteDumpBenchmark', 'StartupBenchmark', 'TunnelPipelineBenchmark') {
    . (Join-Path $PSScriptRoot "$part.ps1")
}
$script:NamespacePrefix = $NamespacePrefix

$Routes = [int[]]@($Routes -split ',')
$DumpRoutes = [int[]]@($DumpRoutes -split ',')
$Only = @($Only -split ',')
foreach ($name in $Only) {
    if ($name -notin 'routes', 'dump', 'startup', 'tunnels') { throw "-Only $name`: the benchmarks are routes, dump, startup and tunnels" }
}

if ($Quick) {
    $Routes = @(100); $DumpRoutes = @(100); $Tunnels = 100; $Repeat = 1; $Sample = 10; $StartupRuns = 1
}
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module $ModulePath

function Get-LoadAverage { ([IO.File]::ReadAllText('/proc/loadavg').Split(' '))[0] }

$started = [DateTime]::UtcNow
$loadBefore = Get-LoadAverage
$cpu = (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.*)$' | Select-Object -First 1).Matches.Groups[1].Value
$machine = '{0} CPUs, {1}, kernel {2}, PowerShell {3} ({6}) on {4}, {5}' -f [Environment]::ProcessorCount, $cpu,
    (& uname -r), $PSVersionTable.PSVersion, [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription, (& ip -V), $PowerShellBuild
Write-Host "cmdlet benchmarks: $machine, load $loadBefore"

$work = Join-Path ([IO.Path]::GetTempPath()) $NamespacePrefix
$null = New-Item -ItemType Directory -Force $work
$tables = [Collections.Generic.List[object]]::new()
try {
    if ('routes' -in $Only) { $tables.Add((Invoke-RoutePipelineBenchmark -Counts $Routes -Repeat $Repeat -Sample $Sample -Directory $work)) }
    if ('dump' -in $Only) { $tables.Add((Invoke-RouteDumpBenchmark -Counts $DumpRoutes -Repeat $Repeat -Directory $work)) }
    if ('startup' -in $Only) { $tables.Add((Invoke-StartupBenchmark -Runs $StartupRuns -ModulePath $ModulePath)) }
    if ('tunnels' -in $Only) { $tables.Add((Invoke-TunnelPipelineBenchmark -Count $Tunnels -Repeat $Repeat -Directory $work)) }
} finally {
    Remove-Item -Recurse -Force $work
}

$report = [Text.StringBuilder]::new()
$null = $report.AppendLine('# Cmdlets, as users run them (PowerShell)').AppendLine()
$null = $report.AppendLine("- date: $($started.ToString('yyyy-MM-dd HH:mm')) UTC, $([int]([DateTime]::UtcNow - $started).TotalSeconds) s")
$null = $report.AppendLine("- machine: $machine")
$null = $report.AppendLine("- load average (1 min): $loadBefore before, $(Get-LoadAverage) after (the machine is shared; wall times move with it)")
$null = $report.AppendLine("- command: ``$CommandLine``")
$null = $report.AppendLine('- each figure is the median of the runs; every contestant works in a fresh throwaway namespace; the module is imported from its published folder and each cmdlet form is warmed up first, as in a long-lived session (the cold cost, Import-Module and the first command, is its own table in the host run); user/system are the CPU time of this pwsh process (all threads) and of the `ip` processes it ran; throughput ratios are against `ip -batch` in the same run').AppendLine()
foreach ($table in $tables) {
    $text = ConvertTo-Markdown $table
    Write-Host $text
    $null = $report.Append($text)
}

if ($Output) {
    [IO.File]::WriteAllText($Output, $report.ToString())
    Write-Host "results written to $Output"
}
