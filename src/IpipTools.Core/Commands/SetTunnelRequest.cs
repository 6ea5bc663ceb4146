using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Commands;

/// <summary>
/// The changes Set-IpipTunnel asks for (<c>ip tunnel change</c> plus <c>ip link set
/// up|down|mtu</c>); null leaves a setting as it is.
/// </summary>
public sealed record SetTunnelRequest(string Name) : TunnelSettings(Name)
{
    /// <summary>True for up, false for down, null to leave it.</summary>
    public bool? Up { get; init; }

    /// <summary>Whether any kernel tunnel parameter (not MTU or state) changes.</summary>
    public bool ChangesParameters => Local is not null || Remote is not null || Ttl is not null || Tos is not null || PathMtuDiscovery is not null;

    /// <summary>The -Up and -Down switches as one setting; both at once is refused.</summary>
    public static bool? AdminState(bool up, bool down) => (up, down) switch
    {
        (true, true) => throw new IpipToolsException("-Up and -Down were both given.", "ConflictingLinkState",
            IpipErrorCategory.InvalidArgument, "Give one of -Up and -Down."),
        (true, false) => true,
        (false, true) => false,
        _ => null,
    };

    /// <summary>The current parameters with this request's changes applied.</summary>
    public IpipParameters Apply(IpipParameters current) => current with
    {
        Local = Local ?? current.Local,
        Remote = Remote ?? current.Remote,
        Ttl = Ttl is null ? current.Ttl : TunnelOptionText.ParseTtl(Ttl),
        Tos = Tos is null ? current.Tos : TunnelOptionText.ParseTos(Tos),
        PathMtuDiscovery = PathMtuDiscovery ?? current.PathMtuDiscovery,
    };

    public override string ToString()
    {
        var words = SettingWords();
        if (Up is bool up)
        {
            words.Add(up ? "up" : "down");
        }

        return words.Count == 0 ? "nothing" : string.Join(" ", words);
    }
}
