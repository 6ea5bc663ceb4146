using IpipTools.Core.Model;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Commands;

/// <summary>
/// The tunnel cmdlets' operations (New/Get/Set/Remove-IpipTunnel), one call each, over
/// a connection opened for the call. The cmdlets only bind parameters and call here.
/// </summary>
public static class TunnelCommands
{
    /// <summary>
    /// The ipip tunnels whose names match. Without a name the fallback device (tunl0)
    /// is left out unless asked for, so <c>Get-IpipTunnel | Remove-IpipTunnel</c> removes
    /// exactly the tunnels that can be removed; an exact name returns it whatever it is.
    /// </summary>
    public static IReadOnlyList<IpTunnel> Get(NetNamespace target, string? name = null, bool includeFallback = false)
    {
        var pattern = NamePattern.Of(name);
        using var client = RtnetlinkClient.Open(target);
        if (pattern.IsExact)
        {
            return new[] { client.Tunnels.Get(pattern.Text!) };
        }

        return client.Tunnels.List("ipip")
            .Where(t => pattern.Matches(t.Name) && (includeFallback || pattern.Text is not null || !t.IsFallback))
            .ToList();
    }

    public static ChangeDescription DescribeNew(NetNamespace target, NewTunnelRequest request) =>
        new($"tunnel '{request.Name}' {ChangeDescription.Where(target)}", $"Create {request}");

    public static IpTunnel New(NetNamespace target, NewTunnelRequest request)
    {
        using var client = RtnetlinkClient.Open(target);
        return client.Tunnels.Create(request.ToSpec());
    }

    public static ChangeDescription DescribeSet(NetNamespace target, SetTunnelRequest request) =>
        new($"tunnel '{request.Name}' {ChangeDescription.Where(target)}", $"Set {request}");

    /// <summary>
    /// Applies the parameter changes as one complete parameter set (see
    /// <see cref="Rtnl.Tunnels.TunnelOperations.Modify{TParameters}"/>), then the MTU,
    /// then the state, so a tunnel brought up already has its final settings.
    /// </summary>
    public static IpTunnel Set(NetNamespace target, SetTunnelRequest request)
    {
        using var client = RtnetlinkClient.Open(target);
        if (request.ChangesParameters)
        {
            client.Tunnels.Modify<IpipParameters>(request.Name, request.Apply);
        }
        else
        {
            client.Tunnels.Get(request.Name);
        }

        if (request.Mtu is int mtu)
        {
            client.Links.SetMtu(request.Name, mtu);
        }

        if (request.Up is bool up)
        {
            client.Links.SetUp(request.Name, up);
        }

        return client.Tunnels.Get(request.Name);
    }

    public static ChangeDescription DescribeRemove(NetNamespace target, string name) =>
        new($"tunnel '{name}' {ChangeDescription.Where(target)}", "Remove tunnel");

    public static void Remove(NetNamespace target, string name)
    {
        using var client = RtnetlinkClient.Open(target);
        client.Tunnels.Delete(name);
    }
}
