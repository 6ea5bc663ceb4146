using System.Collections;
using System.Management.Automation;
using IpipTools.Core.DesiredState;
using IpipTools.Infrastructure;

namespace IpipTools.Topology;

/// <summary>
/// What Test-IpipTopology and Set-IpipTopology share: a topology from a data file (-Path,
/// .psd1 or .json) or from data (-InputObject, a hashtable such as Get-IpipTopology
/// writes), -Prune, and -NetNamespace, the namespace the topology's current namespace
/// ('' in the data) stands for. A piped namespace object binds -NetNamespace only: its Path
/// (the namespace file) is no topology file (<see cref="PipedNamespaceCmdlet"/>).
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

    /// <summary>The request the bound parameters make.</summary>
    protected TopologyRequest Request() => new()
    {
        Path = Path,
        Data = InputObject,
        Prune = Prune.IsPresent,
        CurrentNamespace = Target,
        Unwrap = TopologyData.Unwrap,
        ReadPowerShellData = PowerShellDataFile.Read,
        ResolvePath = GetUnresolvedProviderPathFromPSPath,
    };
}
