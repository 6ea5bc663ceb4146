<#
.SYNOPSIS
    Runs the Pester suites and ends with one line: `pester: N passed, N failed, N skipped`.

.DESCRIPTION
    tests/run.sh runs this on the host with -ExcludeTag Tunnel (the host kernel has no ipip),
    and the kernel harness runs it inside the qemu guest with -Tag Tunnel. Both import the
    published module (out/IpipTools, or -ModulePath) through the IPIPTOOLS_MODULE variable
    that Common.ps1 reads.

    With -NoSkip (CI), a skipped test counts as a failure: in CI every test must run.
    Exit code: 0 when nothing failed, 1 otherwise.
#>
[CmdletBinding()]
param(
    [string[]] $Tag,
    [string[]] $ExcludeTag,
    # A folder or files to run; the suites beside this script by default.
    [string[]] $Path = $PSScriptRoot,
    # The module manifest the suites import.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../IpipTools.psd1'),
    # NUnit XML results, for whoever wants them.
    [string] $ResultPath,
    [switch] $NoSkip
)

$ErrorActionPreference = 'Stop'
$env:IPIPTOOLS_MODULE = (Resolve-Path $ModulePath).Path
Import-Module Pester -MinimumVersion 5.7 -ErrorAction Stop

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Run.Exit = $false
if ($Tag) { $config.Filter.Tag = $Tag }
if ($ExcludeTag) { $config.Filter.ExcludeTag = $ExcludeTag }
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
if ($ResultPath) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $ResultPath
}

$result = Invoke-Pester -Configuration $config
if ($null -eq $result) {
    # Pester itself failed (a path that does not exist, a bad configuration): nothing ran.
    Write-Host 'pester: 0 passed, 1 failed, 0 skipped'
    exit 1
}

# Containers that failed to load (a syntax error, a throwing BeforeAll) hold tests that never
# ran: count each as a failure so that they cannot pass silently.
$broken = @($result.Containers | Where-Object Result -eq 'Failed' | Where-Object { $_.FailedCount -eq 0 })
$failed = $result.FailedCount + $result.FailedBlocksCount + $broken.Count
# Tests that -Tag or -ExcludeTag filtered out are not skips: the host run leaves the Tunnel
# tests to the guest and the guest leaves the rest to the host. A test that was selected
# and still did not run is.
$notRun = @($result.NotRun | Where-Object ShouldRun)
$skipped = $result.SkippedCount + $notRun.Count
foreach ($container in $broken) { Write-Host "pester: $($container.Item) did not run: $($container.ErrorRecord)" }
if ($NoSkip -and $skipped -gt 0) {
    foreach ($test in @($result.Skipped) + $notRun) { Write-Host "pester: skipped in a run that allows none: $($test.ExpandedPath)" }
    $failed += $skipped
}
Write-Host "pester: $($result.PassedCount) passed, $failed failed, $skipped skipped"
exit ([int]($failed -gt 0))
