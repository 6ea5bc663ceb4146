using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Tunnels;

/// <summary>
/// Tunnels queued for creation in one namespace and made together (a
/// <see cref="LinkCreationBatch"/>: two sends however many), each returned as the kernel made
/// it. Underlay devices named by the caller are looked up once per batch; a refusal the
/// kernel words as "File exists" for a tunnel whose name is free is explained as the clash
/// of endpoints it is.
/// </summary>
public sealed class TunnelCreationBatch : IChangeBatch<TunnelOutcome>, IDisposable
{
    private readonly TunnelOperations _tunnels;
    private readonly LinkOperations _links;
    private readonly LinkCreationBatch _batch;
    private readonly List<(Link Link, string? Underlay)> _queued = new();
    private readonly Dictionary<string, int> _underlays = new(StringComparer.Ordinal);

    internal TunnelCreationBatch(TunnelOperations tunnels, LinkOperations links)
    {
        _tunnels = tunnels;
        _links = links;
        _batch = links.CreateBatch();
    }

    /// <summary>Tunnels queued and not yet sent.</summary>
    public int Count => _queued.Count;

    /// <summary>
    /// Checks <paramref name="link"/>, whose kind parameters must be a tunnel's, binds it to
    /// <paramref name="underlayDevice"/> if one is named (that overrides the index in the
    /// parameters), and queues it. Bad input is thrown here, before anything is sent.
    /// </summary>
    public void Queue(Link link, string? underlayDevice = null)
    {
        InterfaceName.Validate(link.Name, "tunnel name");
        if (link.KindParameters is not Ipv4TunnelParameters parameters)
        {
            throw new ArgumentException($"'{link.Kind ?? "no kind"}' is not an IP tunnel kind", nameof(link));
        }

        if (underlayDevice is not null)
        {
            var index = _underlays.TryGetValue(underlayDevice, out var known) ? known : _underlays[underlayDevice] = _links.IndexOf(underlayDevice);
            parameters = parameters.WithUnderlay(index);
        }

        var queued = link with { KindParameters = parameters };
        _batch.Queue(queued);
        _queued.Add((queued, underlayDevice));
    }

    /// <summary>Creates every queued tunnel; one outcome per tunnel, in the order queued.</summary>
    public IReadOnlyList<TunnelOutcome> Send()
    {
        var queued = _queued.ToList();
        _queued.Clear();
        var outcomes = _batch.Send();
        var result = new TunnelOutcome[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (link, underlay) = queued[i];
            var outcome = outcomes[i];
            result[i] = outcome.Made is { } made
                ? new TunnelOutcome(link.Name, IpTunnel.FromLink(made, index => underlay ?? _links.Get(index).Name), null)
                : new TunnelOutcome(link.Name, null, Explain(outcome.Error!, link));
        }

        return result;
    }

    /// <summary>Deletes again the tunnels these outcomes made (never reported: a stopped pipeline).</summary>
    public void TakeBack(IEnumerable<TunnelOutcome> outcomes)
    {
        foreach (var made in outcomes.Where(o => o.Made is not null))
        {
            _links.TryDelete(made.Name);
        }
    }

    public void Dispose() => _batch.Dispose();

    private Exception Explain(Exception error, Link link) =>
        error is NetlinkException { ErrorNumber: Errno.EEXIST } e && e.ErrorId != "LinkNameTaken" && link.KindParameters is Ipv4TunnelParameters parameters
            ? _tunnels.ExplainDuplicateParameters(e, link.Name, parameters)
            : error;
}
