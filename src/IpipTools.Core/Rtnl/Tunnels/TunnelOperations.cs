using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Tunnels;

/// <summary>IP tunnels (ipip, gre, sit, vti: every kind whose parameters are <see cref="Ipv4TunnelParameters"/>) of one namespace.</summary>
public sealed class TunnelOperations
{
    private readonly RtnetlinkClient _client;

    internal TunnelOperations(RtnetlinkClient client)
    {
        _client = client;
    }

    private LinkOperations Links => _client.Links;

    /// <summary>Every tunnel, optionally of one kind ("ipip"), the fallback devices included.</summary>
    public IReadOnlyList<IpTunnel> List(string? kind = null)
    {
        var links = Links.List();
        var names = links.ToDictionary(l => l.Index, l => l.Name);
        return links
            .Select(l => IpTunnel.FromLink(l, i => names.GetValueOrDefault(i)))
            .OfType<IpTunnel>()
            .Where(t => kind is null || t.Kind == kind)
            .ToList();
    }

    public IpTunnel? Find(string name)
    {
        var link = Links.Find(name);
        return link is null ? null : ToTunnel(link);
    }

    public IpTunnel Get(string name)
    {
        var link = Links.Get(name);
        // A kind the tunnel cmdlets do not manage (gretap, ip6tnl, a bridge) is named as such, so
        // the reader knows it exists and where to read it; NotATunnel stays the id either way.
        return ToTunnel(link) ?? throw new IpipToolsException(
            $"Link '{name}' {_client.Namespace.Describe()} is {Wording.WithArticle(link.Kind ?? "device without a kind")}, not an IP tunnel of a mode IpipTools manages ({string.Join(", ", TunnelModes.Names)}).",
            "NotATunnel", IpipErrorCategory.InvalidArgument,
            $"Read it with 'Get-NetLink {name}', or give the name of an {string.Join(", ", TunnelModes.Names)} tunnel.", name);
    }

    /// <summary>
    /// Creates <paramref name="link"/>, whose kind parameters must be a tunnel's, bound to
    /// <paramref name="underlayDevice"/> if one is named, and returns it as the kernel reports
    /// it: <see cref="LinkOperations.Add"/>, two exchanges, plus the underlay's lookup. Bad
    /// input is refused before anything is sent; a tunnel that cannot be completed is removed again.
    /// </summary>
    public IpTunnel Create(Link link, string? underlayDevice = null)
    {
        if (link.KindParameters is not Ipv4TunnelParameters)
        {
            throw new ArgumentException($"'{link.Kind ?? "no kind"}' is not an IP tunnel kind", nameof(link));
        }

        var made = Links.Add(link, underlayDevice);
        return IpTunnel.FromLink(made, index => index == 0 ? null : underlayDevice ?? Links.Get(index).Name)!;
    }

    /// <summary>
    /// Changes a tunnel. The kernel replaces the whole parameter set on a change and
    /// resets whatever the request omits, so the current parameters are read first,
    /// <paramref name="change"/> edits them, and the complete set is sent back.
    /// </summary>
    public IpTunnel Modify<TParameters>(string name, Func<TParameters, TParameters> change)
        where TParameters : Ipv4TunnelParameters =>
        Modify(Get(name), change);

    /// <summary>As <see cref="Modify{TParameters}(string, Func{TParameters, TParameters})"/>, on a tunnel just read (<see cref="Get"/>): -WhatIf reads it before it speaks, and the change reads it no more.</summary>
    public IpTunnel Modify<TParameters>(IpTunnel current, Func<TParameters, TParameters> change)
        where TParameters : Ipv4TunnelParameters
    {
        var name = current.Name;
        if (current.Parameters is not TParameters typed)
        {
            var wanted = LinkKindRegistry.KindOf<TParameters>();
            throw new IpipToolsException(
                $"Tunnel '{name}' {_client.Namespace.Describe()} is {Wording.WithArticle(current.Kind)} tunnel; only the settings of {Wording.WithArticle(wanted)} tunnel can be changed here.",
                "TunnelKindMismatch", IpipErrorCategory.InvalidArgument,
                $"Set-IpipTunnel changes {wanted} tunnels only; change this one with 'Set-IpTunnel {name} ...', which takes every mode, or remove it and create {Wording.WithArticle(wanted)} tunnel in its place.", name);
        }

        var updated = change(typed);
        if (updated == typed)
        {
            return current;
        }

        if (current.IsFallback)
        {
            throw FallbackRefused(name, "changed");
        }

        // Some settings only take at creation: the kernel refuses a change of them, or
        // keeps the old value while applying the rest of the request.
        if (updated.FixedAtCreationDifference(typed) is string fixedSetting)
        {
            throw new IpipToolsException(
                $"The {fixedSetting} of tunnel '{name}' {_client.Namespace.Describe()} is fixed when the tunnel is created; the kernel cannot change it in place.",
                "TunnelSettingFixed", IpipErrorCategory.InvalidOperation,
                $"Remove '{name}' and create it again with the new {fixedSetting}.", name);
        }

        // A clash of endpoints with another tunnel is worded by the kind's driver.
        Links.ChangeKindParameters(current.Link, updated);

        return Get(name);
    }

    public void Delete(string name) => Links.Delete(Removable(name).Link);

    /// <summary>
    /// The tunnel named <paramref name="name"/>, read, if it can be deleted; refused as
    /// <see cref="Delete"/> refuses it otherwise (none of that name, not a tunnel, a fallback
    /// device). -WhatIf reads it before it speaks; the deletion is then <see cref="LinkOperations.Delete(Link)"/>.
    /// </summary>
    public IpTunnel Removable(string name)
    {
        var tunnel = Get(name);
        // The kernel answers success to deleting a fallback device but keeps it; say so instead.
        return tunnel.IsFallback ? throw FallbackRefused(name, "deleted") : tunnel;
    }

    private IpTunnel? ToTunnel(Link link) =>
        IpTunnel.FromLink(link, index => index == 0 ? null : Links.Get(index).Name);

    private IpipToolsException FallbackRefused(string name, string what) => new(
        $"'{name}' is the fallback device the tunnel module creates in every namespace; it cannot be {what}. It receives every packet that matches no other tunnel.",
        "FallbackTunnelImmutable", IpipErrorCategory.InvalidOperation,
        $"Leave '{name}' as it is (bring it up or down, give it addresses and routes), or create a tunnel of your own.", name);
}
