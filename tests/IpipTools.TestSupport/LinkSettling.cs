using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.TestSupport;

/// <summary>
/// Bringing a link up or down changes its carrier at once, but its operational
/// state (and with it the RUNNING flag and the routes' linkdown flag) only when the
/// kernel's linkwatch work runs, a moment later. Two reads around that moment (ours
/// and iproute2's) would disagree, so tests that compare states first wait here
/// until every link's operational state matches its flags.
/// </summary>
public static class LinkSettling
{
    public static void Wait(RtnetlinkClient client, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var unsettled = client.Links.List().Where(l => !IsSettled(l)).ToList();
            if (unsettled.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"links never settled: {string.Join(", ", unsettled.Select(l => $"{l.Name} <{l.Flags.ToIpString()}> {l.OperationalState}"))}");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Whether the operational state is the one linkwatch derives from the flags (RFC 2863 as net/core/link_watch.c applies it).</summary>
    public static bool IsSettled(Link link)
    {
        var up = link.Flags.HasFlag(LinkFlags.Up);
        var carrier = link.Flags.HasFlag(LinkFlags.LowerUp);
        return (up, carrier) switch
        {
            (false, _) => link.OperationalState is OperationalState.Down or OperationalState.NotPresent,
            (true, true) => link.OperationalState is OperationalState.Up or OperationalState.Unknown or OperationalState.Dormant or OperationalState.Testing,
            (true, false) => link.OperationalState is OperationalState.Down or OperationalState.LowerLayerDown or OperationalState.NotPresent,
        };
    }
}
