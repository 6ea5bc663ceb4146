using System.Net;

namespace IpipTools.Core.Commands;

/// <summary>
/// The tunnel settings New-IpipTunnel and Set-IpipTunnel share, as the cmdlets give
/// them: null means "not given" (the kernel's default on creation, unchanged on a change).
/// </summary>
public abstract record TunnelSettings(string Name)
{
    public IPAddress? Local { get; init; }

    public IPAddress? Remote { get; init; }

    /// <summary>"inherit" or 1..255.</summary>
    public string? Ttl { get; init; }

    /// <summary>"inherit" or hexadecimal 00..ff.</summary>
    public string? Tos { get; init; }

    public bool? PathMtuDiscovery { get; init; }

    public int? Mtu { get; init; }

    /// <summary>The given settings in <c>ip tunnel</c>'s words: "remote 10.10.20.2 local 10.10.10.2 ttl 64".</summary>
    protected List<string> SettingWords()
    {
        var words = new List<string>();
        AddIf(words, "remote", Remote);
        AddIf(words, "local", Local);
        AddIf(words, "ttl", Ttl);
        AddIf(words, "tos", Tos);
        AddIf(words, "mtu", Mtu);
        if (PathMtuDiscovery is bool pmtu)
        {
            words.Add(pmtu ? "pmtudisc" : "nopmtudisc");
        }

        return words;
    }

    private static void AddIf(List<string> words, string key, object? value)
    {
        if (value is not null)
        {
            words.Add($"{key} {value}");
        }
    }
}
