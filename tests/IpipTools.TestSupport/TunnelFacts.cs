using System.Globalization;
using System.Net;
using System.Text.Json;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.TestSupport;

/// <summary>
/// What must agree between iproute2's view of an IP tunnel (<c>ip -d -j link show</c>:
/// the device fields and linkinfo.info_data) and our <see cref="IpTunnel"/>. As with
/// <see cref="LinkFacts"/>, both sides are reduced independently, iproute2's from its
/// own names and formats (ip/link_iptnl.c, ip/link_gre.c), so a failing comparison
/// shows the field that differs. Kind-specific fields are null for the other kinds.
/// </summary>
public sealed record TunnelFacts(
    string Name,
    string Kind,
    string? Local,
    string? Remote,
    int Ttl,
    int Tos,
    bool PathMtuDiscovery,
    string? Underlay,
    int Mtu,
    string Flags,
    int? Protocol,
    uint FirewallMark,
    string Encapsulation,
    bool External,
    string? Gre,
    string? Sit)
{
    // iproute2's names for the inner protocol (IFLA_IPTUN_PROTO).
    private static readonly Dictionary<string, int> Protocols = new()
    {
        ["ipip"] = 4, ["ip6ip"] = 41, ["mplsip"] = 137, ["any"] = 0,
    };

    private static readonly HashSet<string> PseudoFlags = new() { "NO-CARRIER", "M-DOWN" };

    public static TunnelFacts FromOracle(JsonElement link)
    {
        var data = link.InfoData();
        var kind = link.InfoKind() ?? throw new InvalidOperationException($"{link.String("ifname")} has no linkinfo");
        return new TunnelFacts(
            link.String("ifname")!,
            kind,
            AnyIsNull(data.String("local")),
            AnyIsNull(data.String("remote")),
            data.Int("ttl") ?? 0,
            data.String("tos") is string tos ? int.Parse(tos[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 0,
            data.TryGetProperty("pmtudisc", out var pmtu) && pmtu.GetBoolean(),
            data.String("link"),
            link.Int("mtu")!.Value,
            string.Join(",", link.Strings("flags").Where(f => !PseudoFlags.Contains(f))),
            data.String("proto") is string proto ? Protocols[proto] : null,
            data.String("fwmark") is string mark ? uint.Parse(mark[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 0,
            OracleEncapsulation(data),
            data.TryGetProperty("external", out var external) && external.GetBoolean(),
            kind == "gre" ? OracleGre(data) : null,
            kind == "sit" ? OracleSit(data) : null);
    }

    public static TunnelFacts From(IpTunnel tunnel) => new(
        tunnel.Name,
        tunnel.Kind,
        tunnel.Local?.ToString(),
        tunnel.Remote?.ToString(),
        tunnel.Ttl,
        tunnel.Tos,
        tunnel.PathMtuDiscovery,
        tunnel.UnderlayDevice,
        tunnel.Mtu,
        tunnel.Flags.ToIpString(),
        tunnel.Parameters switch
        {
            IpipParameters ipip => ipip.Protocol,
            SitParameters sit => sit.Protocol,
            _ => null,
        },
        tunnel.FirewallMark,
        tunnel.Encapsulation.Type == TunnelEncapsulationType.None
            ? "none"
            : $"{tunnel.Encapsulation.Type.ToString().ToLowerInvariant()} {tunnel.Encapsulation.SourcePort} {tunnel.Encapsulation.DestinationPort}",
        tunnel.CollectMetadata,
        tunnel.Parameters is GreParameters gre ? GreExtras(gre) : null,
        tunnel.Parameters is SitParameters s ? SitExtras(s) : null);

    /// <summary>The tunnel named <paramref name="name"/> as iproute2 reports it.</summary>
    public static TunnelFacts Oracle(string? netns, string name) =>
        FromOracle(IpOracle.Link(netns, name) ?? throw new InvalidOperationException($"iproute2 finds no link {name} in {netns ?? "the current namespace"}"));

    private static string? AnyIsNull(string? address) => address is null or "any" ? null : address;

    private static string OracleEncapsulation(JsonElement data) =>
        data.TryGetProperty("encap", out var encap) && encap.String("type") is string type && type != "none"
            ? $"{type} {encap.Int("sport") ?? 0} {encap.Int("dport") ?? 0}"
            : "none";

    // One comparable line per extra: keys as numbers, flags by iproute2's names.
    private static string OracleGre(JsonElement data) => string.Join(" ",
        $"ikey {OracleKey(data.String("ikey"))}",
        $"okey {OracleKey(data.String("okey"))}",
        Bools(data, "icsum", "ocsum", "iseq", "oseq", "ignore_df"));

    private static string GreExtras(GreParameters gre) => string.Join(" ",
        $"ikey {gre.InputKey?.ToString(CultureInfo.InvariantCulture) ?? "none"}",
        $"okey {gre.OutputKey?.ToString(CultureInfo.InvariantCulture) ?? "none"}",
        string.Join(",", new[] { ("icsum", gre.InputChecksum), ("ocsum", gre.OutputChecksum), ("iseq", gre.InputSequence), ("oseq", gre.OutputSequence), ("ignore_df", gre.IgnoreDontFragment) }
            .Where(f => f.Item2).Select(f => f.Item1)));

    /// <summary>iproute2 prints a GRE key as a dotted quad ("0.0.0.42"); the number is the address read big-endian.</summary>
    private static string OracleKey(string? dotted)
    {
        if (dotted is null)
        {
            return "none";
        }

        var bytes = IPAddress.Parse(dotted).GetAddressBytes();
        return ((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3])).ToString(CultureInfo.InvariantCulture);
    }

    private static string OracleSit(JsonElement data) => string.Join(" ",
        Bools(data, "isatap"),
        data.String("prefix") is string prefix ? $"6rd {prefix}/{data.Int("prefixlen")}" : "6rd none",
        data.String("relay_prefix") is string relay ? $"relay {relay}/{data.Int("relay_prefixlen")}" : "relay none");

    private static string SitExtras(SitParameters sit) => string.Join(" ",
        sit.Isatap ? "isatap" : string.Empty,
        sit.SixRdPrefix is { PrefixLength: > 0 } prefix ? $"6rd {prefix}" : "6rd none",
        sit.SixRdRelayPrefix is { } relay && !relay.BaseAddress.Equals(IPAddress.Any) ? $"relay {relay}" : "relay none");

    private static string Bools(JsonElement data, params string[] names) =>
        string.Join(",", names.Where(n => data.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.True));
}
