# Runs a script block in a child pwsh whose capability sets have no CAP_NET_ADMIN (setpriv
# drops it from the inheritable and bounding sets, so the exec'd child's permitted and
# effective sets lack it, even as root). The module is imported there; the variables are
# set. The child's error, if any, is thrown here as an ErrorRecord with the same error id,
# category and message, so a test reads it as it would read the cmdlet's own.
function Invoke-WithoutNetAdmin {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock, [hashtable] $Variables = @{})

    $assignments = foreach ($name in $Variables.Keys) { "`$$name = '$($Variables[$name] -replace "'", "''")'" }
    $child = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$((Get-Module IpipTools).Path)'
$($assignments -join "`n")
`$capabilities = [Convert]::ToUInt64(((Get-Content /proc/self/status | Select-String '^CapEff:').Line -split '\s+')[1], 16)
`$report = @{ NetAdmin = [bool](`$capabilities -band (1 -shl 12)) }
try { & { $ScriptBlock } | Out-Null }
catch { `$report += @{ ErrorId = `$_.FullyQualifiedErrorId; Category = "`$(`$_.CategoryInfo.Category)"; Message = `$_.Exception.Message } }
`$report | ConvertTo-Json -Compress
"@
    $runtime = (Get-Process -Id $PID).Path
    $pwsh = if ((Split-Path $runtime -Leaf) -eq 'dotnet') { @($runtime, (Join-Path $PSHOME 'pwsh.dll')) } else { @($runtime) }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($child))
    $output = setpriv --inh-caps=-net_admin --bounding-set=-net_admin -- @pwsh -NoProfile -NonInteractive -EncodedCommand $encoded
    $report = $output | Select-Object -Last 1 | ConvertFrom-Json
    if ($report.NetAdmin) { throw 'setpriv did not drop CAP_NET_ADMIN from the child' }
    if ($report.ErrorId) {
        $record = [System.Management.Automation.ErrorRecord]::new(
            [System.Exception]::new($report.Message), ($report.ErrorId -split ',')[0], [System.Management.Automation.ErrorCategory]$report.Category, $null)
        $PSCmdlet.ThrowTerminatingError($record)
    }
}
