using System.Globalization;
using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Tunnels;

/// <summary>
/// The settings a user states for a tunnel, each null when not stated: what New-IpTunnel
/// applies to a mode's defaults and Set-IpTunnel to a tunnel's current parameters. A setting
/// that belongs to other kinds (a key on a sit tunnel) is refused in words naming the
/// parameter, never dropped. Names are the cmdlets' parameter names.
/// </summary>
public sealed record TunnelSettings
{
    public IPAddress? Local { get; init; }

    public IPAddress? Remote { get; init; }

    public byte? Ttl { get; init; }

    public byte? Tos { get; init; }

    public bool? PathMtuDiscovery { get; init; }

    /// <summary>gre and vti: ikey.</summary>
    public uint? InputKey { get; init; }

    /// <summary>gre and vti: okey.</summary>
    public uint? OutputKey { get; init; }

    /// <summary>gre: iseq.</summary>
    public bool? InputSequence { get; init; }

    /// <summary>gre: oseq.</summary>
    public bool? OutputSequence { get; init; }

    /// <summary>gre: icsum.</summary>
    public bool? InputChecksum { get; init; }

    /// <summary>gre: ocsum.</summary>
    public bool? OutputChecksum { get; init; }

    /// <summary>sit: 6rd-prefix.</summary>
    public IPNetwork? SixRdPrefix { get; init; }

    /// <summary>sit: 6rd-relay_prefix.</summary>
    public IPNetwork? SixRdRelayPrefix { get; init; }

    /// <summary>Whether any tunnel parameter is stated (as opposed to nothing, or only link settings).</summary>
    public bool IsEmpty => this == new TunnelSettings();

    /// <summary>
    /// <paramref name="parameters"/> with every stated setting applied. Throws, naming the
    /// parameter, when a stated setting is not one of the tunnel's kind.
    /// </summary>
    public Ipv4TunnelParameters ApplyTo(Ipv4TunnelParameters parameters, string tunnelName)
    {
        var common = parameters with
        {
            Local = Local ?? parameters.Local,
            Remote = Remote ?? parameters.Remote,
            Ttl = Ttl ?? parameters.Ttl,
            Tos = Tos ?? parameters.Tos,
            PathMtuDiscovery = PathMtuDiscovery ?? parameters.PathMtuDiscovery,
        };
        return common switch
        {
            GreParameters gre => ApplyGre(gre),
            VtiParameters vti => Refuse(tunnelName, vti, OnlyGre()) ?? vti with
            {
                InputKey = InputKey is null ? vti.InputKey : NullIfZero(InputKey.Value),
                OutputKey = OutputKey is null ? vti.OutputKey : NullIfZero(OutputKey.Value),
            },
            SitParameters sit => Refuse(tunnelName, sit, OnlyGre().Concat(Keys())) ?? sit with
            {
                SixRdPrefix = SixRdPrefix ?? sit.SixRdPrefix,
                SixRdRelayPrefix = SixRdRelayPrefix ?? sit.SixRdRelayPrefix,
            },
            _ => Refuse(tunnelName, common, OnlyGre().Concat(Keys()).Concat(SixRd())) ?? common,
        };

        Ipv4TunnelParameters ApplyGre(GreParameters gre) => Refuse(tunnelName, gre, SixRd()) ?? gre with
        {
            InputKey = InputKey ?? gre.InputKey,
            OutputKey = OutputKey ?? gre.OutputKey,
            InputSequence = InputSequence ?? gre.InputSequence,
            OutputSequence = OutputSequence ?? gre.OutputSequence,
            InputChecksum = InputChecksum ?? gre.InputChecksum,
            OutputChecksum = OutputChecksum ?? gre.OutputChecksum,
        };
    }

    /// <summary>
    /// These settings with the ones every tunnel has, as the cmdlets take them: TTL and TOS
    /// as <c>ip tunnel</c> writes them ("inherit", "64", "0x10"), each null when not stated.
    /// </summary>
    public TunnelSettings WithCommon(IPAddress? local, IPAddress? remote, string? ttl, string? tos, bool? pathMtuDiscovery) => this with
    {
        Local = local,
        Remote = remote,
        Ttl = ttl is null ? null : Ipv4TunnelParameters.ParseTtl(ttl),
        Tos = tos is null ? null : Ipv4TunnelParameters.ParseTos(tos),
        PathMtuDiscovery = pathMtuDiscovery,
    };

    /// <summary>The stated settings in <c>ip tunnel</c>'s words: "remote 10.10.20.2 local 10.10.10.2 ttl 64 ikey 42".</summary>
    public IList<string> Words()
    {
        var words = new List<string>();
        // Typed, not through object and Convert: a thousand piped tunnels each describe
        // themselves for ShouldProcess, and boxing every setting showed in their profile.
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                words.Add(key + " " + value);
            }
        }

        void Flag(string on, string off, bool? value)
        {
            if (value is bool set)
            {
                words.Add(set ? on : off);
            }
        }

        static string? Number(uint? value) => value?.ToString(CultureInfo.InvariantCulture);

        Add("remote", Remote?.ToString());
        Add("local", Local?.ToString());
        Add("ttl", Ttl is 0 ? "inherit" : Number(Ttl));
        Add("tos", Tos is 1 ? "inherit" : Tos is byte tos ? "0x" + tos.ToString("x", CultureInfo.InvariantCulture) : null);
        Flag("pmtudisc", "nopmtudisc", PathMtuDiscovery);
        Add("ikey", Number(InputKey));
        Add("okey", Number(OutputKey));
        Flag("iseq", "noiseq", InputSequence);
        Flag("oseq", "nooseq", OutputSequence);
        Flag("icsum", "noicsum", InputChecksum);
        Flag("ocsum", "noocsum", OutputChecksum);
        Add("6rd-prefix", SixRdPrefix?.ToString());
        Add("6rd-relay_prefix", SixRdRelayPrefix?.ToString());
        return words;
    }

    private static uint? NullIfZero(uint key) => key == 0 ? null : key;

    private IEnumerable<(string Name, bool Given, string Kinds)> OnlyGre() =>
    [
        (nameof(InputSequence), InputSequence is not null, "gre"),
        (nameof(OutputSequence), OutputSequence is not null, "gre"),
        (nameof(InputChecksum), InputChecksum is not null, "gre"),
        (nameof(OutputChecksum), OutputChecksum is not null, "gre"),
    ];

    private IEnumerable<(string Name, bool Given, string Kinds)> Keys() =>
    [
        (nameof(InputKey), InputKey is not null, "gre and vti"),
        (nameof(OutputKey), OutputKey is not null, "gre and vti"),
    ];

    private IEnumerable<(string Name, bool Given, string Kinds)> SixRd() =>
    [
        (nameof(SixRdPrefix), SixRdPrefix is not null, "sit"),
        (nameof(SixRdRelayPrefix), SixRdRelayPrefix is not null, "sit"),
    ];

    /// <summary>Throws for the first stated setting among <paramref name="foreign"/>; returns null (apply) when none is stated.</summary>
    private static Ipv4TunnelParameters? Refuse(string tunnelName, Ipv4TunnelParameters kind, IEnumerable<(string Name, bool Given, string Kinds)> foreign)
    {
        foreach (var (name, given, kinds) in foreign)
        {
            if (given)
            {
                throw new IpipToolsException(
                    $"-{name} applies to {kinds} tunnels only; '{tunnelName}' is {Wording.WithArticle(kind.Mode)} tunnel.",
                    "TunnelSettingNotOfKind", IpipErrorCategory.InvalidArgument,
                    $"Leave -{name} out, or give -Mode {kinds.Split(' ')[0]} for a new tunnel.", name);
            }
        }

        return null;
    }
}
