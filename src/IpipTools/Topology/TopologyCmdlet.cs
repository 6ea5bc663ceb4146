using System.Collections;
using System.Management.Automation;
using IpipTools.Core.DesiredState;
using IpipTools.Infrastructure;

namespace IpipTools.Topology;

/// <summary>
/// What Test-IpipTopology and Set-IpipTopology share: a topology from a data file (-Path,
/// .psd1 or .json) or from data (-InputObject, a hashtable such as Get-IpipTopology
/// writes), -Prune, and -NetNamespace, the namespace the topology's current namespace
/// ('' in the data) stands for.
/// </summary>
public abstract class TopologyCmdlet : NamespacedCmdlet
{
    public const string PathSet = "Path";
    public const string DataSet = "Data";

    /// <summary>
    /// The default parameter set, deliberately one no parameter belongs to. Each set has a
    /// mandatory parameter that can come from the pipeline; with a real set as the default,
    /// PowerShell settles on it before the first piped object arrives, and a piped hashtable
    /// or plan then fails to bind ("The input object cannot be bound..."). With no set to
    /// fall back on, the piped object itself chooses: a dictionary binds -InputObject, a plan
    /// -Plan, a file's FullName -Path.
    /// </summary>
    public const string PipelineChoosesSet = "PipelineChooses";

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
