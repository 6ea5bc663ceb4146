using IpipTools.Core.DesiredState;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Core.Commands;

/// <summary>
/// <c>ip tunnel add NAME mode ipip [remote R] [local L] [ttl T] [tos S] [[no]pmtudisc] [dev D]</c>
/// as the New-IpipTunnel cmdlet's parameters give it (null: the kernel's default).
/// </summary>
public sealed record NewTunnelRequest(string Name) : TunnelSettings(Name)
{
    public string? UnderlayDevice { get; init; }

    public bool Up { get; init; }

    /// <summary>The link alias; IpipTools' mark (<see cref="Ownership.LinkAlias"/>) unless another is given.</summary>
    public string Alias { get; init; } = Ownership.LinkAlias;

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

    /// <summary>"ipip tunnel 'tunl' remote 10.10.20.2 local 10.10.10.2 up": only what was given.</summary>
    public override string ToString()
    {
        var words = SettingWords();
        if (UnderlayDevice is not null)
        {
            words.Insert(0, $"dev {UnderlayDevice}");
        }

        words.Insert(0, $"ipip tunnel '{Name}'");
        if (Up)
        {
            words.Add("up");
        }

        return string.Join(" ", words);
    }
}
