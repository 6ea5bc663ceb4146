namespace IpipTools.Topology.Hosts;

/// <summary>
/// The PowerShell each host runs, in a session to it. Every host plans and applies with its
/// own copy of IpipTools (imported by name, so the module must be installed there): the
/// planner runs where the state is, and what travels is data (the topology, the plan as
/// JSON, the counts), never objects that only make sense on one machine.
/// </summary>
internal static class RemoteScripts
{
    /// <summary>
    /// Plans a topology on the host with Set-IpipTopology -WhatIf and returns the plan as JSON.
    /// The cmdlet runs in a runspace of its own, without a host: its "What if:" line would
    /// otherwise travel back and print on the caller's console, about "the current namespace".
    /// </summary>
    public const string PlanTopology = """
        param($Topology, $Prune)
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddArgument('IpipTools').AddStatement()
            $null = $shell.AddCommand('Set-IpipTopology').AddParameter('InputObject', $Topology).AddParameter('Prune', [bool]$Prune).AddParameter('WhatIf').AddParameter('ErrorAction', 'Stop')
            $plan = $shell.Invoke()
            if ($shell.Streams.Error.Count) { throw $shell.Streams.Error[0] }
            $plan[0].ToJson()
        }
        finally { $shell.Dispose() }
        """;

    /// <summary>Plans one mesh node on the host with Set-IpipMesh -WhatIf (in a runspace of its own, as above) and returns the plan as JSON.</summary>
    public const string PlanMesh = """
        param([hashtable] $Mesh)
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddArgument('IpipTools').AddStatement()
            $null = $shell.AddCommand('Set-IpipMesh').AddParameters($Mesh).AddParameter('WhatIf').AddParameter('ErrorAction', 'Stop')
            $plan = $shell.Invoke()
            if ($shell.Streams.Error.Count) { throw $shell.Streams.Error[0] }
            $plan[0].ToJson()
        }
        finally { $shell.Dispose() }
        """;

    /// <summary>
    /// Applies a plan made on this host moments ago; Set-IpipTopology -Plan first checks that
    /// the state is still the one the plan was made against, and undoes every step if one fails.
    /// </summary>
    public const string ApplyPlan = """
        param([string] $PlanJson)
        $ErrorActionPreference = 'Stop'
        Import-Module IpipTools
        $plan = [IpipTools.Core.DesiredState.Planning.TopologyPlan]::FromJson($PlanJson)
        $started = [datetime]::UtcNow
        $result = Set-IpipTopology -Plan $plan -Confirm:$false -WhatIf:$false
        [pscustomobject]@{ StepsApplied = $result.StepsApplied; ChangeRequests = $result.ChangeRequests; Milliseconds = $result.Duration.TotalMilliseconds; Started = $started }
        """;

    /// <summary>Opens SSH sessions to the hosts, all at once (New-PSSession opens them in parallel), with only the options the user gave.</summary>
    public const string OpenSessions = """
        param([string[]] $HostName, $UserName, $KeyFilePath, $SshOption)
        # One host that cannot be reached must not stop the others: whatever the caller's preference.
        $ErrorActionPreference = 'Continue'
        $open = @{ HostName = $HostName; ErrorAction = 'Continue' }
        if ($UserName) { $open.UserName = $UserName }
        if ($KeyFilePath) { $open.KeyFilePath = $KeyFilePath }
        if ($SshOption) { $open.Options = $SshOption }
        New-PSSession @open
        """;

    /// <summary>Starts a script on one session as a remoting job, and returns the job.</summary>
    public const string StartJob = """
        param($Session, [string] $Script, [object[]] $Arguments)
        Invoke-Command -Session $Session -ScriptBlock ([scriptblock]::Create($Script)) -ArgumentList $Arguments -AsJob
        """;

    /// <summary>What a finished remoting job wrote and the errors it raised, as one object; the job is removed.</summary>
    public const string ReceiveJob = """
        param($Job)
        $ErrorActionPreference = 'Continue'
        $failures = $null
        $output = Receive-Job -Job $Job -Wait -ErrorAction SilentlyContinue -ErrorVariable failures
        Remove-Job -Job $Job -Force
        [pscustomobject]@{ Output = @($output); Errors = @($failures) }
        """;

    /// <summary>Closes the sessions this command opened (never the ones the user gave).</summary>
    public const string CloseSessions = """
        param([object[]] $Sessions)
        $Sessions | Remove-PSSession -ErrorAction SilentlyContinue
        """;
}
