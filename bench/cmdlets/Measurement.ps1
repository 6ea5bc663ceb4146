# How a contestant is timed: wall time, and the CPU time of this pwsh process (every thread:
# pipeline, GC, JIT; getrusage through Environment.CpuUsage) plus that of the `ip` processes
# it ran and reaped (cutime and cstime of /proc/self/stat, in clock ticks of 10 ms).

# User and system CPU seconds of the processes this one has run and reaped (cutime and
# cstime of /proc/self/stat; 100 ticks a second on Linux).
function Get-ChildCpuSeconds {
    # The command name (field 2) may hold spaces; the fields after its closing parenthesis
    # start at field 3, so cutime (field 16) is at index 13.
    $stat = [IO.File]::ReadAllText('/proc/self/stat')
    $fields = $stat.Substring($stat.LastIndexOf(')') + 2).Split(' ')
    [pscustomobject]@{ User = [long]$fields[13] / 100.0; System = [long]$fields[14] / 100.0 }
}

function Get-CpuSeconds {
    $children = Get-ChildCpuSeconds
    $own = [Environment]::CpuUsage
    [pscustomobject]@{
        User   = $own.UserTime.TotalSeconds + $children.User
        System = $own.PrivilegedTime.TotalSeconds + $children.System
    }
}

# Runs $Work once with $ArgumentList and returns its sample: the times, and how many objects
# it wrote (collected into a variable, as `$routes = Get-OnlinkRoute ...` does; counted
# outside the timing).
function Measure-Work {
    param([Parameter(Mandatory)][scriptblock]$Work, [object[]]$ArgumentList = @())
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    $before = Get-CpuSeconds
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $output = & $Work @ArgumentList
    $clock.Stop()
    $after = Get-CpuSeconds
    [pscustomobject]@{
        Wall   = $clock.Elapsed.TotalSeconds
        User   = $after.User - $before.User
        System = $after.System - $before.System
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

# The median of a list of numbers (the lower middle one for an even count).
function Get-Median {
    param([double[]]$Values)
    $sorted = @($Values | Sort-Object)
    $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
}
