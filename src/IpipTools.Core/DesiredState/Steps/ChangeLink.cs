using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Changes a link in place: its tunnel parameters, bridge and MTU, whichever differ.
/// Undone by the same change the other way.
/// </summary>
public sealed record ChangeLink : PlanStep
{
    /// <summary>The link as it should be.</summary>
    public required TopologyLink Link { get; init; }

    /// <summary>The link as it was.</summary>
    public required TopologyLink Previous { get; init; }

    public ChangeLink()
        : base(PlanAction.Change, PlanObjectKind.Link)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        try
        {
            Send(context, Link, Previous, force: false);
        }
        catch
        {
            // A change is several requests, and even one may half succeed (a new master is
            // refused after the old one was left): put back the old values, every one of them.
            try
            {
                Send(context, Previous, Link, force: true);
            }
            catch (Exception)
            {
                // Best effort: the failure being reported is the original one.
            }

            throw;
        }

        undo(this with { Link = Previous, Previous = Link });
    }

    /// <summary>
    /// Sets what differs between <paramref name="was"/> and <paramref name="link"/>. With
    /// <paramref name="force"/> every value is sent, whatever the previous one, since after
    /// a failure what the kernel holds is not known.
    /// </summary>
    private void Send(StepContext context, TopologyLink link, TopologyLink was, bool force)
    {
        var client = context.In(Namespace);
        if (link.Tunnel is { } tunnel && was.Tunnel is not null && (force || TunnelSettings.Differences(link, was).Any()))
        {
            // What a topology does not model (inner protocol, encapsulation) is kept as it is.
            var underlayIndex = UnderlayIndex(client, link);
            client.Tunnels.Modify<Ipv4TunnelParameters>(link.Name, p => TunnelSettings.ApplyTo(tunnel, p, underlayIndex));
        }

        if (force || link.Master != was.Master)
        {
            client.Links.SetMaster(link.Name, link.Master);
        }

        // After the tunnel change: the kernel derives a tunnel's MTU from its underlay when that changes.
        if (link.Link.Mtu is int mtu && (force || mtu != was.Link.Mtu))
        {
            client.Links.SetMtu(link.Name, mtu);
        }
    }

    /// <summary>
    /// The index of the tunnel's underlay: the link of that name, or for a tunnel read with an
    /// underlay no link of its namespace has (one in another namespace), the index it was read with.
    /// </summary>
    private static int UnderlayIndex(Rtnl.RtnetlinkClient client, TopologyLink tunnel) =>
        tunnel.Underlay is { } name ? client.Links.IndexOf(name) : tunnel.Tunnel!.UnderlayIndex;
}
