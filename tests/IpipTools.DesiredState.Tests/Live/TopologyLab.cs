using IpipTools.Core.Namespaces;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// Gives the namespaces of a topology unique throwaway names (so tests run side by side and
/// never touch the host's own namespace), and deletes every one of them on dispose, whether
/// the test or the engine created it and whatever happened in between.
/// </summary>
public sealed class TopologyLab : IDisposable
{
    private readonly Dictionary<string, string> _names = new();
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    /// <summary>The throwaway name for the topology's namespace <paramref name="logical"/> ("" — the data file's current namespace — included).</summary>
    public string this[string logical]
    {
        get
        {
            if (!_names.TryGetValue(logical, out var name))
            {
                name = $"dst-{_tag}-{(logical.Length == 0 ? "root" : logical)}";
                _names[logical] = name;
            }

            return name;
        }
    }

    /// <summary>The topology with every namespace it names renamed to its throwaway name.</summary>
    public Topology Map(Topology topology)
    {
        foreach (var name in topology.NamespaceNamesInvolved())
        {
            _ = this[name];
        }

        return topology.RenameNamespaces(_names);
    }

    /// <summary>Creates the throwaway namespace for <paramref name="logical"/> now (otherwise the engine does).</summary>
    public string Create(string logical)
    {
        NetNamespaceStore.Create(this[logical]);
        return this[logical];
    }

    public void Dispose()
    {
        foreach (var name in _names.Values)
        {
            if (NetNamespaceStore.Exists(name))
            {
                NetNamespaceStore.Delete(name);
            }
        }
    }
}
