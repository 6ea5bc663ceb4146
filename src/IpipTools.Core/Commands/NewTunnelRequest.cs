using System.Net;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Core.Commands;

/// <summary>
/// <c>ip tunnel add NAME mode ipip [remote R] [local L] [ttl T] [tos S] [[no]pmtudisc] [dev D]</c>
/// as the New-IpipTunnel cmdlet's parameters give it (null: the kernel's default).
/// </summary>
public sealed record NewTunnelRequest(string Name)
{
    public IPAddress? Local { get; init; }

    public IPAddress? Remote { get; init; }

    /// <summary>"inherit" or 1..255.</summary>
    public string? Ttl { get; init; }

    /// <summary>"inherit" or hexadecimal 00..ff.</summary>
    public string? Tos { get; init; }

    public bool? PathMtuDiscovery { get; init; }

    public string? UnderlayDevice { get; init; }

    public int? Mtu { get; init; }

    public bool Up { get; init; }

    public string? Alias { get; init; }

    public TunnelSpec ToSpec() => new(Name, new IpipParameters
    {
        Local = Local,
        Remote = Remote,
        Ttl = Ttl is null ? (byte)0 : TunnelOptionText.ParseTtl(Ttl),
        Tos = Tos is null ? (byte)0 : TunnelOptionText.ParseTos(Tos),
        PathMtuDiscovery = PathMtuDiscovery ?? true,
    })
    {
        UnderlayDevice = UnderlayDevice,
        Mtu = Mtu,
        Up = Up,
        Alias = Alias,
    };

    /// <summary>"remote 10.10.20.2 local 10.10.10.2 ttl inherit", only what was given.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"ipip tunnel '{Name}'" };
        AddIf(parts, "remote", Remote);
        AddIf(parts, "local", Local);
        AddIf(parts, "dev", UnderlayDevice);
        AddIf(parts, "ttl", Ttl);
        AddIf(parts, "tos", Tos);
        AddIf(parts, "mtu", Mtu);
        if (PathMtuDiscovery is bool pmtu)
        {
            parts.Add(pmtu ? "pmtudisc" : "nopmtudisc");
        }

        if (Up)
        {
            parts.Add("up");
        }

        return string.Join(" ", parts);
    }

    internal static void AddIf(List<string> parts, string key, object? value)
    {
        if (value is not null)
        {
            parts.Add($"{key} {value}");
        }
    }
}
