<#
.SYNOPSIS
    The commands of the DSC v3 resource IpipTools/Topology (IpipTools.Topology.dsc.resource.json).

.DESCRIPTION
    A DSC engine runs this script with pwsh, in the folder of the resource manifest (the module
    folder), with the resource instance as one JSON object on stdin. It answers as the engine
    expects of a command resource:
      get      one JSON line: the actual state of the namespaces the instance names
      test     two JSON lines: the actual state with _inDesiredState and the steps a set would
               take (changes), then the names of the properties not in the desired state
      set      two JSON lines: the state after the change, with the steps taken and the change
               requests sent, then the names of the properties it changed. It plans first
               (implementsPretest): a set on converged state sends no change request.
      set -WhatIf  the same two lines, planned and not applied: nothing changes
      delete   nothing on stdout; removes what IpipTools made in the instance's namespaces
      export   one JSON line per instance: the namespaces named on stdin (every namespace
               when stdin is empty), as an instance that set accepts
    Errors go to stderr as JSON lines ({"error": "..."}, warnings as {"warn": "..."}), which
    the engine logs at their level; the exit code is 0 on success, 2 when the instance is not
    a topology and 1 for any other failure (the manifest's exitCodes say the same).

    What-if is the manifest's own whatIf command, as the published v3 and v3.1 manifest
    schemas define it. DSC's development branch deprecates that command in favour of a
    {"whatIfArg": "-WhatIf"} item in set's args, which those schemas do not accept yet; when a
    released schema does, set's args can carry it and the whatIf command can go.

    The work is the module's: Get-, Test- and Set-IpipTopology, with their planner, ownership
    marks and -Prune. This script only translates between the engine's JSON and them.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [ValidateSet('get', 'test', 'set', 'delete', 'export')]
    [string] $Operation,

    # With set: plan and report, change nothing (the manifest's whatIf command).
    [switch] $WhatIf
)

$ErrorActionPreference = 'Stop'
# Only the JSON lines may reach stdout: nothing else of PowerShell's streams is shown.
$ProgressPreference = 'SilentlyContinue'
$InformationPreference = 'SilentlyContinue'
$VerbosePreference = 'SilentlyContinue'

# The DSC properties of the instance that are not topology settings.
$DscProperties = '_exist', '_purge', '_inDesiredState', 'changes', 'changeRequests'

class DscInputException : System.Exception {
    DscInputException([string] $message) : base($message) {}
}

function Write-DscLine([object] $Value) {
    [Console]::Out.WriteLine((ConvertTo-Json -InputObject $Value -Compress -Depth 32))
}

function Write-DscMessage([string] $Level, [string] $Message) {
    [Console]::Error.WriteLine((ConvertTo-Json -InputObject @{ $Level = $Message } -Compress))
}

# The instance on stdin as a topology (a hashtable Set-IpipTopology takes), the namespaces it
# names, and its DSC properties. An empty stdin is no instance ($null).
function Read-Instance([string] $Text) {
    if ([string]::IsNullOrWhiteSpace($Text)) { return $null }
    try {
        $data = ConvertFrom-Json -InputObject $Text -AsHashtable -Depth 64 -NoEnumerate
    } catch {
        throw [DscInputException]::new("The instance on stdin is not JSON: $($_.Exception.Message) Give one JSON object, as Get-Help about_IpipTools_DscResource describes.")
    }
    if ($data -isnot [System.Collections.IDictionary]) {
        throw [DscInputException]::new("The instance on stdin is not a JSON object. Give one JSON object with 'namespaces', as Get-Help about_IpipTools_DscResource describes.")
    }
    # Setting names are case-insensitive, as in every topology source; JSON's are not.
    $data = ConvertTo-CaseInsensitive $data
    $topology = [ordered]@{}
    foreach ($key in $data.Keys) {
        if ($key -notin $DscProperties) { $topology[$key] = $data[$key] }
    }
    $namespaces = @($topology['namespaces'] | ForEach-Object {
        if ($_ -isnot [System.Collections.IDictionary]) {
            throw [DscInputException]::new("Each item of 'namespaces' must be an object with a 'name'; one is '$_'.")
        }
        [string] $_['name']
    })
    [pscustomobject]@{
        Topology   = $topology
        Namespaces = $namespaces
        Exist      = if ($data.Contains('_exist')) { [bool] $data['_exist'] } else { $true }
        Purge      = [bool] $data['_purge']
    }
}

# JSON objects as PowerShell's ordered dictionaries, whose keys ignore case.
function ConvertTo-CaseInsensitive([object] $Value) {
    if ($Value -is [System.Collections.IDictionary]) {
        $result = [ordered]@{}
        foreach ($key in $Value.Keys) {
            if ($result.Contains($key)) {
                throw [DscInputException]::new("The instance names the setting '$key' twice (setting names ignore case).")
            }
            $result[$key] = ConvertTo-CaseInsensitive $Value[$key]
        }
        return $result
    }
    if ($Value -is [System.Collections.IList]) {
        return , @($Value | ForEach-Object { ConvertTo-CaseInsensitive $_ })
    }
    $Value
}

# Keys as DSC writes properties (camelCase), through the nested data Get-IpipTopology writes.
function ConvertTo-DscCase([object] $Value) {
    if ($Value -is [System.Collections.IDictionary]) {
        $result = [ordered]@{}
        foreach ($key in $Value.Keys) {
            $result[$key.Substring(0, 1).ToLowerInvariant() + $key.Substring(1)] = ConvertTo-DscCase $Value[$key]
        }
        return $result
    }
    if ($Value -is [System.Collections.IList]) {
        return , @($Value | ForEach-Object { ConvertTo-DscCase $_ })
    }
    $Value
}

# Get-IpipTopology for the named namespaces ('' is the one this process runs in), read in one
# call so that a veth pair between two of them is exported as a pair, not as two devices.
function Get-NamespaceTopology([string[]] $Names, [switch] $OwnedOnly) {
    if ('' -in $Names) { (Get-IpipTopology -OwnedOnly:$OwnedOnly).Namespaces }
    $named = @($Names | Where-Object { $_ -ne '' })
    if ($named.Count -gt 0) { (Get-IpipTopology -NetNamespace $named -OwnedOnly:$OwnedOnly).Namespaces }
}

# The actual state of the named namespaces as an instance. A namespace that does not exist is
# left out; _exist says whether IpipTools' objects are there (the namespaces exist and hold
# links, addresses or routes that IpipTools made).
function Get-ActualState([string[]] $Names) {
    $existing = @(Get-NetNamespace | ForEach-Object Name)
    $present = @($Names | Where-Object { $_ -eq '' -or $_ -in $existing })
    $namespaces = @(Get-NamespaceTopology $present | ForEach-Object { ConvertTo-DscCase $_ })
    $owned = @(Get-NamespaceTopology $present -OwnedOnly | Where-Object { $_.Keys | Where-Object { $_ -ne 'Name' } })
    [ordered]@{
        namespaces = $namespaces
        _exist     = $present.Count -eq $Names.Count -and $owned.Count -gt 0
    }
}

# What the instance asks set to converge to, and with which -Prune: the topology itself, or
# for _exist false each existing namespace it names, empty and pruned, which removes exactly
# what IpipTools made there.
function Get-Target([object] $Instance) {
    if ($Instance.Exist) {
        return [pscustomobject]@{ Topology = $Instance.Topology; Prune = $Instance.Purge }
    }
    $existing = @(Get-NetNamespace | ForEach-Object Name)
    $names = @($Instance.Namespaces | Where-Object { $_ -eq '' -or $_ -in $existing })
    [pscustomobject]@{ Topology = @{ Namespaces = @($names | ForEach-Object { @{ Name = $_ } }) }; Prune = $true }
}

# The plan a set would carry out: its steps and its conflicts, as text.
function Get-PlannedChanges([object] $Target) {
    if (@($Target.Topology.Namespaces).Count -eq 0) { return , @() }
    , @(Test-IpipTopology -InputObject $Target.Topology -Prune:$Target.Prune -Detailed | ForEach-Object {
        if ($_ -is [IpipTools.Core.DesiredState.Planning.PlanConflict]) { "Conflict: $_" } else { "$_".Trim() }
    })
}

function Get-DifferingProperties([object] $Instance, [object] $Actual, [string[]] $Changes) {
    $names = @()
    if ($Changes.Count -gt 0 -and $Instance.Exist) { $names += 'namespaces' }
    if ($Actual._exist -ne $Instance.Exist) { $names += '_exist' }
    , $names
}

function Invoke-Set([object] $Instance) {
    $target = Get-Target $Instance
    $changes = @()
    $requests = 0
    if (@($target.Topology.Namespaces).Count -gt 0) {
        $result = Set-IpipTopology -InputObject $target.Topology -Prune:$target.Prune -Confirm:$false -WarningVariable warnings 3>$null
        $warnings | ForEach-Object { Write-DscMessage warn "$_" }
        $changes = @($result.Plan.Steps | ForEach-Object { "$_".Trim() })
        $requests = $result.ChangeRequests
    }
    [pscustomobject]@{ Changes = $changes; ChangeRequests = $requests }
}

try {
    # The module this script was shipped with, in the same folder (not one found on PSModulePath).
    Import-Module (Join-Path $PSScriptRoot 'IpipTools.psd1')
    $instance = Read-Instance ([Console]::In.ReadToEnd())
    if ($null -eq $instance -and $Operation -ne 'export') {
        throw [DscInputException]::new("The $Operation operation needs the instance on stdin (one JSON object with 'namespaces'); stdin was empty.")
    }

    switch ($Operation) {
        'get' {
            # The instance is read as test and set read it, so that a setting that does not
            # exist is refused here too (exit code 2) rather than quietly left out.
            $null = Get-PlannedChanges (Get-Target $instance)
            Write-DscLine (Get-ActualState $instance.Namespaces)
        }
        'test' {
            $changes = Get-PlannedChanges (Get-Target $instance)
            $actual = Get-ActualState $instance.Namespaces
            $actual['changes'] = $changes
            $actual['_inDesiredState'] = $changes.Count -eq 0
            Write-DscLine $actual
            # In the desired state exactly when the plan is empty, so the diff is empty then too.
            Write-DscLine $(if ($changes.Count -eq 0) { , @() } else { Get-DifferingProperties $instance $actual $changes })
        }
        'set' {
            if ($WhatIf) {
                # The state set would leave: the instance as declared, with the plan that gets there.
                $changes = Get-PlannedChanges (Get-Target $instance)
                $before = Get-ActualState $instance.Namespaces
                $expected = [ordered]@{
                    namespaces = if ($instance.Exist) { @(ConvertTo-DscCase $instance.Topology['namespaces']) } else { $before.namespaces }
                    changes    = $changes
                    _exist     = $instance.Exist
                }
                Write-DscLine $expected
                Write-DscLine $(if ($changes.Count -eq 0) { , @() } else { Get-DifferingProperties $instance $before $changes })
            } else {
                $before = Get-ActualState $instance.Namespaces
                $applied = Invoke-Set $instance
                $after = Get-ActualState $instance.Namespaces
                $after['changes'] = $applied.Changes
                $after['changeRequests'] = $applied.ChangeRequests
                Write-DscLine $after
                Write-DscLine $(if ($applied.Changes.Count -eq 0) { , @() } else { Get-DifferingProperties $instance $before $applied.Changes })
            }
        }
        'delete' {
            $instance.Exist = $false
            $null = Invoke-Set $instance
        }
        'export' {
            # Every namespace unless the input names some; the current one only when named ('').
            $names = if ($null -ne $instance -and $instance.Namespaces.Count -gt 0) { $instance.Namespaces } else { @(Get-NetNamespace | ForEach-Object Name) }
            $state = Get-ActualState $names
            if ($state.namespaces.Count -gt 0) {
                Write-DscLine ([ordered]@{ namespaces = $state.namespaces })
            }
        }
    }
    exit 0
} catch {
    $record = $_
    $message = $record.Exception.Message
    $recommendation = $record.ErrorDetails.RecommendedAction
    if ($recommendation -and -not $message.Contains($recommendation)) { $message = "$message $recommendation" }
    Write-DscMessage error $message
    $invalidInput = $record.Exception -is [DscInputException] -or
        $record.CategoryInfo.Category -in 'InvalidArgument', 'InvalidData', 'InvalidType', 'SyntaxError'
    exit $(if ($invalidInput) { 2 } else { 1 })
}
