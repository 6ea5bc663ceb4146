namespace IpipTools.TestSupport;

/// <summary>
/// Everything iproute2 reports about a namespace's IPv4 state (links, addresses,
/// routes in every table), its rules of both families, and the neighbour and bridge FDB
/// entries set by hand (permanent, static: the learned ones come and go), as text. Error tests take one before and one after a
/// refused operation: equal snapshots prove nothing was left behind. IPv6 is left
/// out because its link-local addresses change on their own (DAD) while a test runs.
/// </summary>
public static class NamespaceSnapshot
{
    public static string Of(string netns) => string.Join('\n',
        Command.Ip(netns, "-j", "link", "show").EnsureSuccess("ip link show").Output.Trim(),
        Command.Ip(netns, "-4", "-j", "addr", "show").EnsureSuccess("ip addr show").Output.Trim(),
        Command.Ip(netns, "-4", "-j", "route", "show", "table", "all").EnsureSuccess("ip route show").Output.Trim(),
        Command.Ip(netns, "-4", "-j", "rule", "show").EnsureSuccess("ip rule show").Output.Trim(),
        Command.Ip(netns, "-6", "-j", "rule", "show").EnsureSuccess("ip -6 rule show").Output.Trim(),
        Command.Ip(netns, "-j", "neigh", "show", "nud", "permanent").EnsureSuccess("ip neigh show").Output.Trim(),
        string.Join('\n', Command.Run("bridge", "-n", netns, "fdb", "show").EnsureSuccess("bridge fdb show").Output
            .Split('\n').Where(line => line.Contains(" permanent", StringComparison.Ordinal) || line.Contains(" static", StringComparison.Ordinal))));
}
