using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Infrastructure;

/// <summary>
/// The links a creating cmdlet (New-IpTunnel, New-VethPair, New-NetBridge) makes in its
/// pipeline: each approved link is queued in its namespace's <see cref="LinkCreationBatch"/>
/// (see <see cref="PipelineBatches{TOutcome}"/>), so a thousand piped links cost a few sends,
/// and one given on the command line is a batch of one, sent at the end: two exchanges.
/// </summary>
internal sealed class PipelineLinkCreations : IDisposable
{
    /// <summary>
    /// Links per batch: creating a network device costs the kernel a thousand times what a
    /// route does, so small batches keep the kernel busy on one while the pipeline binds the
    /// next (see <see cref="PipelineBatches{TOutcome}"/>).
    /// </summary>
    internal const int FlushSize = 32;

    private readonly PipelineBatches<LinkOutcome> _batches;
    private readonly Func<NetNamespace, RtnetlinkClient> _clientFor;
    private readonly Func<Link, Func<int, string?>, object?>? _show;

    /// <param name="cmdlet">Whose pipeline the made links (or their errors) are written to.</param>
    /// <param name="clientFor">The pipeline's rtnetlink client for a namespace (a veth peer's too).</param>
    /// <param name="show">What is written for a made link, given the names of the devices looked up (a tunnel's view); null: the link.</param>
    public PipelineLinkCreations(Cmdlet cmdlet, Func<NetNamespace, RtnetlinkClient> clientFor, Func<Link, Func<int, string?>, object?>? show = null)
    {
        _batches = new PipelineBatches<LinkOutcome>(cmdlet, cmdlet.WriteObject, FlushSize);
        _clientFor = clientFor;
        _show = show;
    }

    /// <summary>Queues <paramref name="link"/> for <paramref name="target"/>, bound to <paramref name="underlayDevice"/> if one is named.</summary>
    public void Queue(NetNamespace target, Link link, string? underlayDevice = null) =>
        _batches.Queue(target, () => _clientFor(target).Links.CreateBatch(_clientFor, _show), batch => batch.Queue(link, underlayDevice), item: null);

    /// <summary>Creates the links still queued (at the end of the pipeline) and writes what was made.</summary>
    public void SendAll() => _batches.SendAll();

    public void Dispose() => _batches.Dispose();
}
