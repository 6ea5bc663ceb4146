# How a contestant is timed: wall time, and the CPU time of this pwsh process (every thread:
# pipeline, GC, JIT) plus that of the `ip` processes it ran and reaped, both read from
# /proc/self/stat (utime, stime, cutime, cstime; clock ticks of 10 ms).

function Get-CpuTicks {
    # The command name (field 2) may hold spaces; the fields after its closing parenthesis
    # start at field 3, so utime (field 14) is at index 11.
    $stat = [IO.File]::ReadAllText('/proc/self/stat')
    $fields = $stat.Substring($stat.LastIndexOf(')') + 2).Split(' ')
    [pscustomobject]@{
        User   = [long]$fields[11] + [long]$fields[13]
        System = [long]$fields[12] + [long]$fields[14]
    }
}

# Runs $Work once with $ArgumentList and returns its sample: the times, and how many objects
# it wrote (collected into a variable, as `$routes = Get-OnlinkRoute ...` does; counted
# outside the timing).
function Measure-Work {
    param([Parameter(Mandatory)][scriptblock]$Work, [object[]]$ArgumentList = @())
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    $before = Get-CpuTicks
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $output = & $Work @ArgumentList
    $clock.Stop()
    $after = Get-CpuTicks
    [pscustomobject]@{
        Wall   = $clock.Elapsed.TotalSeconds
        User   = ($after.User - $before.User) / 100.0
        System = ($after.System - $before.System) / 100.0
        Items  = @($output).Count
    }
}

# The sample with the median wall time (the lower middle one for an even count).
function Get-MedianSample {
    param([Parameter(Mandatory)][object[]]$Samples)
    $sorted = @($Samples | Sort-Object Wall)
    $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
}

# A sample of $Measured items scaled to $Count items (a per-item cost, extrapolated).
function Expand-Sample {
    param([Parameter(Mandatory)]$Sample, [int]$Measured, [int]$Count)
    $scale = $Count / $Measured
    [pscustomobject]@{ Wall = $Sample.Wall * $scale; User = $Sample.User * $scale; System = $Sample.System * $scale }
}
