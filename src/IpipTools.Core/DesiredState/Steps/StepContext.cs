using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>What steps are applied with: the connections of the whole apply (one per namespace).</summary>
internal sealed class StepContext
{
    public StepContext(ClientPool clients)
    {
        Clients = clients;
    }

    public ClientPool Clients { get; }

    /// <summary>The connection to the namespace a step names ("" for the current one).</summary>
    public RtnetlinkClient In(string namespaceName) => Clients.Get(TopologyNamespace.Resolve(namespaceName));
}
