using IpipTools.Core.Fixtures;

namespace IpipTools.TestSupport;

/// <summary>
/// The iproute2 side of the core's <see cref="Lab"/>: ping and captures from a host, and a
/// teardown proven by the oracle. The lab itself is built only through IpipTools.
/// </summary>
public static class LabChecks
{
    /// <summary>One echo request from <paramref name="host"/>, answered within three seconds.</summary>
    public static bool Ping(this LabHost host, string address, string? source = null) =>
        Command.Ping(host.Name, address, TimeSpan.FromSeconds(3), source);

    /// <summary><c>ip -n HOST ARGS...</c>: the oracle, or iproute2 making something for IpipTools to read.</summary>
    public static Command.Result Ip(this LabHost host, params string[] arguments) => Command.Ip(host.Name, arguments);

    /// <summary>Starts tcpdump on <paramref name="device"/> of <paramref name="host"/> (see <see cref="PacketCapture.Start"/>).</summary>
    public static PacketCapture Capture(this LabHost host, string device, string filter, int count) =>
        PacketCapture.Start(host.Name, device, filter, count);

    /// <summary>
    /// Removes every link the lab added through IpipTools, then its namespaces, and checks
    /// with iproute2 that each host was back to its initial links, that no namespace of the
    /// lab is left, and that the caller's namespace has the links it had before. Throws
    /// listing whatever is left.
    /// </summary>
    public static void TearDown(this Lab lab)
    {
        var problems = new List<string>(lab.RemoveAddedLinks());
        foreach (var host in lab.Hosts)
        {
            var left = LinkNames(host.Name).Except(host.InitialLinks).Order(StringComparer.Ordinal).ToList();
            if (left.Count > 0)
            {
                problems.Add($"{host} still has {string.Join(", ", left)}");
            }
        }

        try
        {
            lab.Dispose();
        }
        catch (Exception e) when (e is Core.Errors.IpipToolsException or IOException)
        {
            problems.Add($"cannot delete every namespace: {e.Message}");
        }

        // What `ip netns list` lists: the files under /run/netns.
        problems.AddRange(lab.Hosts.Where(h => File.Exists(Path.Combine(Core.Namespaces.NetNamespaceStore.Directory, h.Name)))
            .Select(h => $"namespace {h.Name} ({h.Role}) still exists"));
        var callerNow = LinkNames(null);
        if (!callerNow.SetEquals(lab.CallerLinks))
        {
            problems.Add($"the caller's namespace changed: added {string.Join(", ", callerNow.Except(lab.CallerLinks))}; removed {string.Join(", ", lab.CallerLinks.Except(callerNow))}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{lab} left things behind: {string.Join("; ", problems)}");
        }
    }

    /// <summary>The link names iproute2 reports in a namespace (null: the caller's).</summary>
    private static IReadOnlySet<string> LinkNames(string? netns) =>
        IpOracle.Links(netns).EnumerateArray().Select(l => l.String("ifname")!).ToHashSet(StringComparer.Ordinal);
}
