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
            $"Link '{name}' {_client.NamespaceDescription} is {Wording.WithArticle(link.Kind ?? "device without a kind")}, not an IP tunnel of a mode IpipTools manages ({string.Join(", ", TunnelModes.Names)}).",
            "NotATunnel", IpipErrorCategory.InvalidArgument,
            $"Read it with 'Get-NetLink {name}', or give the name of an {string.Join(", ", TunnelModes.Names)} tunnel.", name);
    }

    /// <summary>
    /// Creates <paramref name="link"/>, whose kind parameters must be a tunnel's, bound to
    /// <paramref name="underlayDevice"/> if one is named, and returns it as the kernel reports
    /// it: a batch of one (see <see cref="TunnelCreationBatch"/>), two exchanges, plus the
    /// underlay's lookup. Bad input is refused before anything is sent; a tunnel that cannot
    /// be completed is removed again.
    /// </summary>
    public IpTunnel Create(Link link, string? underlayDevice = null)
    {
        using var batch = CreateBatch();
        batch.Queue(link, underlayDevice);
        var outcome = batch.Send()[0];
        return outcome.Made ?? throw outcome.Error!;
    }

    /// <summary>An empty batch of tunnels to create here, each read back.</summary>
    public TunnelCreationBatch CreateBatch() => new(this, Links);

    /// <summary>
    /// Changes a tunnel. The kernel replaces the whole parameter set on a change and
    /// resets whatever the request omits, so the current parameters are read first,
    /// <paramref name="change"/> edits them, and the complete set is sent back.
    /// </summary>
    public IpTunnel Modify<TParameters>(string name, Func<TParameters, TParameters> change)
        where TParameters : Ipv4TunnelParameters
    {
        var current = Get(name);
        if (current.Parameters is not TParameters typed)
        {
            var wanted = LinkKindRegistry.KindOf<TParameters>();
            throw new IpipToolsException(
                $"Tunnel '{name}' {_client.NamespaceDescription} is {Wording.WithArticle(current.Kind)} tunnel; only the settings of {Wording.WithArticle(wanted)} tunnel can be changed here.",
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
                $"The {fixedSetting} of tunnel '{name}' {_client.NamespaceDescription} is fixed when the tunnel is created; the kernel cannot change it in place.",
                "TunnelSettingFixed", IpipErrorCategory.InvalidOperation,
                $"Remove '{name}' and create it again with the new {fixedSetting}.", name);
        }

        try
        {
            Links.ChangeKindParameters(current.Link, updated);
        }
        catch (NetlinkException e) when (e.ErrorNumber == Errno.EEXIST)
        {
            throw ExplainDuplicateParameters(e, name, updated);
        }

        return Get(name);
    }

    public void Delete(string name)
    {
        var tunnel = Get(name);
        if (tunnel.IsFallback)
        {
            // The kernel answers success but keeps the device; say so instead.
            throw FallbackRefused(name, "deleted");
        }

        Links.Delete(tunnel.Link);
    }

    private IpTunnel? ToTunnel(Link link) =>
        IpTunnel.FromLink(link, index => index == 0 ? null : Links.Get(index).Name);

    private IpipToolsException FallbackRefused(string name, string what) => new(
        $"'{name}' is the fallback device the tunnel module creates in every namespace; it cannot be {what}. It receives every packet that matches no other tunnel.",
        "FallbackTunnelImmutable", IpipErrorCategory.InvalidOperation,
        $"Leave '{name}' as it is (bring it up or down, give it addresses and routes), or create a tunnel of your own.", name);

    /// <summary>
    /// EEXIST on a tunnel whose name is free means another tunnel of the same kind
    /// already has the same endpoints and underlay: the kernel keys tunnels by them.
    /// With no endpoints at all that other tunnel is the fallback device (tunl0).
    /// </summary>
    internal NetlinkException ExplainDuplicateParameters(NetlinkException e, string name, Ipv4TunnelParameters parameters)
    {
        var twin = List(parameters.Kind).FirstOrDefault(t => t.Name != name
            && Equals(t.Local, parameters.Local) && Equals(t.Remote, parameters.Remote) && t.UnderlayIndex == parameters.UnderlayIndex);
        var endpoints = $"local {parameters.Local?.ToString() ?? "any"}, remote {parameters.Remote?.ToString() ?? "any"}";
        if (parameters.Local is null && parameters.Remote is null && parameters.UnderlayIndex == 0)
        {
            return e.Explain(
                $"{(parameters.Kind.StartsWith('i') ? "an" : "a")} {parameters.Kind} tunnel with no local or remote address would be the fallback device '{twin?.Name ?? parameters.FallbackDeviceName}', which already holds that empty parameter set; the kernel allows one tunnel per set of endpoints",
                $"Give the tunnel a local and/or remote address (or an underlay device), or use '{parameters.FallbackDeviceName}' itself for a point-to-multipoint tunnel.",
                "TunnelParametersTaken", name);
        }

        return e.Explain(
            $"tunnel '{twin?.Name ?? "(another)"}' already uses the same endpoints ({endpoints}); the kernel allows one {parameters.Kind} tunnel per set of endpoints",
            "Change the local or remote address, bind to another underlay device, or reuse the existing tunnel.",
            "TunnelParametersTaken", name);
    }
}
