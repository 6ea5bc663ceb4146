using System.Collections;
using System.Management.Automation;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Errors;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;

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

    /// <summary>The plan that takes the namespaces from their state now to the topology given, made through this pipeline's connections.</summary>
    protected TopologyPlan PlanTopology() => TopologyEngine.Plan(Topology(), Connections, new PlanOptions { Prune = Prune.IsPresent });

    /// <summary>A file path as the user wrote it, resolved against PowerShell's location (not the process's).</summary>
    protected string FileSystemPath(string path) => GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>The topology given (file or data), its current namespace ("") renamed to the one -NetNamespace names.</summary>
    private Core.DesiredState.Topologies.Topology Topology()
    {
        var topology = Path is not null
            ? TopologyLoader.FromFile(FileSystemPath(Path), PowerShellDataFile.Read)
            : TopologyLoader.FromObject(InputObject ?? throw new IpipToolsException("No topology was given.", "TopologyMissing", IpipErrorCategory.InvalidArgument,
                    "Give a data file (-Path, .psd1 or .json) or data (-InputObject, a hashtable), or pipe either."),
                "the topology data", TopologyData.Unwrap);
        var current = TopologyNamespace.Of(Target);
        return current.Length == 0 ? topology : topology.RenameNamespaces(new Dictionary<string, string> { [TopologyNamespace.Current] = current });
    }
}
