using System.Collections;
using System.Management.Automation;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Errors;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Topology.Hosts;

namespace IpipTools.Topology;

/// <summary>
/// What Test-IpipTopology and Set-IpipTopology share: a topology from a data file (-Path,
/// .psd1 or .json) or from data (-InputObject, a hashtable such as Get-IpipTopology
/// writes), -Prune, and -NetNamespace, the namespace the topology's current namespace
/// ('' in the data) stands for. A piped namespace object binds -NetNamespace only: its Path
/// (the namespace file) is no topology file (<see cref="PipedNamespaceCmdlet"/>). Data
/// with a Hosts section, given or in the file, is converged on each host it names, reached
/// with -Session, -UserName, -KeyFilePath and -SshOption.
/// </summary>
public abstract class TopologyCmdlet : PipedNamespaceCmdlet
{
    public const string PathSet = "Path";
    public const string DataSet = "Data";

    // The default parameter set is PipelineChoosesSet (PipedNamespaceCmdlet): each set has a
    // mandatory parameter that can come from the pipeline, so the piped object chooses: a
    // dictionary binds -InputObject, a plan -Plan, a file's FullName -Path, a namespace object
    // -PipedNamespace.

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string? Path { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DataSet)]
    public IDictionary? InputObject { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    public SwitchParameter Prune { get; set; }

    /// <summary>Sessions to hosts the topology's Hosts section names, matched by ComputerName (or Name); the other hosts get a session over SSH.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    // -Session is PowerShell's name for remoting sessions (Invoke-Command -Session); it hides
    // IpipCmdlet's static Session (the key of the namespace stack), which these cmdlets do not use.
    public new System.Management.Automation.Runspaces.PSSession[]? Session { get; set; }

    /// <summary>The user New-PSSession -HostName logs in as on the hosts it opens a session to.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    public string? UserName { get; set; }

    /// <summary>The private key for the SSH sessions opened to the hosts.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    public string? KeyFilePath { get; set; }

    /// <summary>ssh options for the sessions opened (New-PSSession -Options), e.g. @{ UserKnownHostsFile = '...'; ConnectTimeout = 5 }.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    public Hashtable? SshOption { get; set; }

    /// <summary>How many hosts are planned and applied at once (as Invoke-Command's: 0 means the default, 32).</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    [ValidateRange(0, int.MaxValue)]
    public int ThrottleLimit { get; set; }

    /// <summary>Runs a topology that names hosts as a background job (Get-Job, Receive-Job), and writes the job.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    public SwitchParameter AsJob { get; set; }

    // The file -Path names, as data: read by HostsData for the item being processed, and kept
    // so that a file without Hosts is not read a second time to plan it.
    private DataValue? _fileData;

    /// <summary>
    /// The data given when it names hosts (a Hosts section), else null: then the topology is
    /// planned and applied on each host over remoting. A file (-Path) is read as data, the
    /// shape Import-PowerShellDataFile or ConvertFrom-Json -AsHashtable gives it
    /// (<see cref="PlainData"/>), so that it is converged exactly as that data piped in.
    /// -AsJob is refused for data without hosts.
    /// </summary>
    protected IDictionary? HostsData()
    {
        _fileData = Path is null ? null : TopologyLoader.ReadFile(FileSystemPath(Path), PowerShellDataFile.Read);
        var hostsData = InputObject is not null
            ? (HostTopologies.HasHosts(InputObject) ? InputObject : null)
            : (_fileData is DataMap map && map.Get(HostTopologies.HostsKey) is not null ? PlainData.ToDictionary(map) : null);
        if (AsJob.IsPresent && hostsData is null)
        {
            // This machine's namespaces are entered per thread: a job's thread would not be where the caller is.
            throw new IpipToolsException("-AsJob runs a topology that names hosts (a Hosts section) as a job; this topology names none.", "AsJobWithoutHosts", IpipErrorCategory.InvalidArgument,
                "Leave -AsJob out to converge this machine's namespaces here, or give the topology a Hosts section.");
        }

        return hostsData;
    }

    /// <summary>
    /// What each host named in the data is asked to plan. -NetNamespace has no meaning here:
    /// each host's topology names its namespaces, '' being the host's own.
    /// </summary>
    protected IReadOnlyList<HostWork> HostWork(IDictionary hostsData)
    {
        if (MyInvocation.BoundParameters.ContainsKey(NamespaceParameter))
        {
            throw new IpipToolsException("-NetNamespace cannot be used with a topology that names hosts.", "TopologyHostsNamespace", IpipErrorCategory.InvalidArgument,
                "Leave -NetNamespace out: in each host's topology the namespace '' is that host's own, and other namespaces are named there.");
        }

        return HostTopologies.Read(hostsData).Select(h => new HostWork(h.HostName, new object?[] { h.Topology, Prune.IsPresent })).ToList();
    }

    /// <summary>How to reach the hosts: the sessions given, and how to open the others.</summary>
    protected ManyHostConvergence ManyHosts() =>
        new(this, new HostAccess(Session ?? Array.Empty<System.Management.Automation.Runspaces.PSSession>(), UserName, KeyFilePath, SshOption), ThrottleLimit);

    /// <summary>With -AsJob, starts the command as a job and writes it (true); call it once the data is known to name hosts.</summary>
    protected bool StartedAsJob() => ManyHostJob.StartIfAsked(this, AsJob.IsPresent);

    /// <summary>The plan that takes the namespaces from their state now to the topology given, made through this pipeline's connections.</summary>
    protected TopologyPlan PlanTopology() => TopologyEngine.Plan(Topology(), Clients, new PlanOptions { Prune = Prune.IsPresent });

    /// <summary>A file path as the user wrote it, resolved against PowerShell's location (not the process's).</summary>
    protected string FileSystemPath(string path) => GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>The topology given (file or data), its current namespace ("") renamed to the one -NetNamespace names.</summary>
    private Core.DesiredState.Topologies.Topology Topology()
    {
        var topology = Path is not null
            ? TopologyReader.Read(_fileData ?? TopologyLoader.ReadFile(FileSystemPath(Path), PowerShellDataFile.Read))
            : TopologyLoader.FromObject(InputObject ?? throw new IpipToolsException("No topology was given.", "TopologyMissing", IpipErrorCategory.InvalidArgument,
                    "Give a data file (-Path, .psd1 or .json) or data (-InputObject, a hashtable), or pipe either."),
                "the topology data", TopologyData.Unwrap);
        var current = TopologyNamespace.Of(Target);
        return current.Length == 0 ? topology : topology.RenameNamespaces(new Dictionary<string, string> { [TopologyNamespace.Current] = current });
    }
}
