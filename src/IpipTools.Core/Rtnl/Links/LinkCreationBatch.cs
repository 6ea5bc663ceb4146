using System.Net.NetworkInformation;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// The one way links are created: queued for one namespace and made together, each read back
/// as the kernel made it, in two sends however many links there are: the creations, then each
/// created link's alias and a read of it. rtnl_newlink neither echoes a new link nor reads
/// IFLA_IFALIAS at creation (seen on 6.1), so the alias needs a change of its own; it goes in
/// the second send, after its creation succeeded, so it can never land on another link of the
/// same name. A veth's peer is made in the creation request (name, namespace, MTU); its alias,
/// bridge and state are set in the second send, before the link is read (its operational state
/// follows the peer's), or, for a peer in another namespace, through the connection to that
/// namespace before it. A refusal is matched to its link by sequence
/// number and worded by the link's kind (<see cref="ILinkKindDriver.ExplainRefusal"/>); a link
/// whose alias, peer or read fails is deleted again (its peer with it), so a failure leaves
/// nothing behind. Bridges and underlay devices are looked up once per batch. A batch can be
/// filled and sent any number of times.
/// </summary>
public sealed class LinkCreationBatch : IChangeBatch<LinkOutcome>, IDisposable
{
    /// <summary>
    /// Where the request buffers start: one link's requests are a few hundred bytes, and a
    /// batch of one (every single creation) must not allocate the 64 KiB a route batch starts
    /// with; the buffers grow as links are queued.
    /// </summary>
    private const int SmallBatchCapacity = 2048;

    private readonly RtnetlinkClient _client;
    private readonly Func<NetNamespace, RtnetlinkClient>? _clientFor;
    private readonly Func<Link, Func<int, string?>, object?>? _show;
    private readonly NetlinkBatch _creations;
    private readonly List<Link> _queued = new();

    /// <summary>
    /// For each queued link, the client of its veth peer's namespace when the peer lives
    /// elsewhere: taken when the link is queued, on the caller's thread, since a batch may be
    /// sent on another (see the module's PipelineBatches) and a client pool is not thread-safe.
    /// </summary>
    private readonly List<RtnetlinkClient?> _peerClients = new();
    private readonly DeviceIndexCache _devices;
    private readonly LinkEncodingContext _context = new();

    /// <summary>Connections this batch opened itself, to the namespaces of peers, when it was given none.</summary>
    private ClientPool? _ownClients;

    internal LinkCreationBatch(RtnetlinkClient client, Func<NetNamespace, RtnetlinkClient>? clientFor, Func<Link, Func<int, string?>, object?>? show)
    {
        _client = client;
        _clientFor = clientFor;
        _show = show;
        _devices = new DeviceIndexCache(client);
        _creations = client.Connection.CreateBatch(SmallBatchCapacity);
    }

    /// <summary>Links queued and not yet sent.</summary>
    public int Count => _queued.Count;

    private LinkOperations Links => _client.Links;

    private string Where => _client.Namespace.Describe();

    /// <summary>
    /// Checks <paramref name="link"/> (name, kind parameters, bridge), binds it to
    /// <paramref name="underlayDevice"/> if one is named (a tunnel: that overrides the index in
    /// its parameters), and queues its creation. What can be refused before the kernel sees it
    /// is thrown here, and the batch is left as it was.
    /// </summary>
    public void Queue(Link link, string? underlayDevice = null)
    {
        var driver = LinkKindRegistry.For(LinkOperations.Parameters(link));
        InterfaceName.Validate(link.Name, $"{driver.Noun} name");
        if (underlayDevice is not null)
        {
            link = link with { KindParameters = driver.WithUnderlay(link.KindParameters!, _devices.IndexOf(underlayDevice)) };
        }

        int? masterIndex = link.Master is null ? null : _devices.IndexOf(link.Master);
        var peerClient = PeerOf(link) is { Here: false } peer ? ClientFor(peer.Namespace!) : null;
        _creations.Add(RtnlMessageType.NewLink, NetlinkFlags.Create | NetlinkFlags.Exclusive,
            w => WriteCreateRequest(w, link, driver, masterIndex, _context));
        _queued.Add(link);
        _peerClients.Add(peerClient);
    }

    /// <summary>Creates every queued link and reads each back; one outcome per link, in the order queued.</summary>
    public IReadOnlyList<LinkOutcome> Send()
    {
        if (_queued.Count == 0)
        {
            return Array.Empty<LinkOutcome>();
        }

        var links = _queued.ToList();
        var peerClients = _peerClients.ToList();
        var errors = new Exception?[links.Count];
        try
        {
            var created = _client.Connection.ExecuteBatch(_creations, $"create links {Where}",
                i => Links.CreationOperation(links[i]));
            foreach (var failure in created.Failures)
            {
                errors[failure.Index] = Links.ExplainCreationRefusal(failure.Error, links[failure.Index]);
            }

            var made = errors.Select(e => e is null).ToArray();
            FinishPeersElsewhere(links, peerClients, errors);
            return Complete(links, made, errors);
        }
        finally
        {
            _creations.Clear();
            _queued.Clear();
            _peerClients.Clear();
            _context.Dispose();
        }
    }

    /// <summary>Deletes again the links these outcomes made (never reported: a stopped pipeline); a veth's peer goes with it.</summary>
    public void TakeBack(IEnumerable<LinkOutcome> outcomes)
    {
        foreach (var made in outcomes.Where(o => o.Made is not null))
        {
            Links.TryDelete(made.Requested.Name);
        }
    }

    /// <summary>Closes the namespace descriptors queued veth peers hold (a batch dropped unsent), and the connections it opened.</summary>
    public void Dispose()
    {
        _context.Dispose();
        _ownClients?.Dispose();
    }

    /// <summary>The RTM_NEWLINK body that creates <paramref name="link"/>.</summary>
    private static void WriteCreateRequest(MessageWriter w, Link link, ILinkKindDriver driver, int? masterIndex, LinkEncodingContext context)
    {
        w.WriteStruct(new IfInfoMessage { Index = link.Index, Flags = link.IsUp ? LinkFlags.Up : 0, Change = link.IsUp ? LinkFlags.Up : 0 });
        w.AddString(LinkAttribute.Name, link.Name);
        if (link.Mtu is int mtu)
        {
            w.AddUInt32(LinkAttribute.Mtu, (uint)mtu);
        }

        if (link.HardwareAddress is { Length: > 0 } hardwareAddress)
        {
            w.AddAttribute(LinkAttribute.Address, PhysicalAddress.Parse(hardwareAddress.Replace(':', '-')).GetAddressBytes());
        }

        if (masterIndex is int master)
        {
            w.AddUInt32(LinkAttribute.Master, (uint)master);
        }

        LinkOperations.WriteLinkInfo(w, driver, LinkOperations.Parameters(link), context);
    }

    /// <summary>What is left to set on the peer <paramref name="link"/> was made with, if any, and whether that peer lives in this namespace.</summary>
    private (string Name, NetNamespace? Namespace, string? Alias, string? Master, bool Up, bool Here)? PeerOf(Link link)
    {
        if (LinkKindRegistry.For(LinkOperations.Parameters(link)) is not IPairKind pair || pair.PeerLeftToSet(link.KindParameters!) is not { } peer)
        {
            return null;
        }

        var here = peer.Namespace is null || peer.Namespace.Equals(_client.Namespace);
        return (peer.Name, peer.Namespace, peer.Alias, peer.Master, peer.Up, here);
    }

    /// <summary>Sets the alias and bridge of each created link's peer in another namespace, through the connection to it.</summary>
    private void FinishPeersElsewhere(List<Link> links, List<RtnetlinkClient?> peerClients, Exception?[] errors)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (errors[i] is null && peerClients[i] is { } there && PeerOf(links[i]) is { } peer)
            {
                try
                {
                    there.Links.Finish(peer.Name, peer.Alias, peer.Master, peer.Up);
                }
                catch (Exception e) when (ErrorReport.IsReportable(e))
                {
                    errors[i] = e;
                }
            }
        }
    }

    private RtnetlinkClient ClientFor(NetNamespace target) =>
        _clientFor?.Invoke(target) ?? (_ownClients ??= new ClientPool()).Get(target);

    /// <summary>The second send: each created link's alias, its peer's here, then a read of it by name.</summary>
    private IReadOnlyList<LinkOutcome> Complete(List<Link> links, bool[] created, Exception?[] errors)
    {
        var made = new Link?[links.Count];
        var follow = _client.Connection.CreateBatch(SmallBatchCapacity);
        var ownerOf = new List<(int Link, string What)>();
        for (var i = 0; i < links.Count; i++)
        {
            if (errors[i] is not null)
            {
                continue;
            }

            var name = links[i].Name;
            if (links[i].Alias is string alias)
            {
                follow.Add(RtnlMessageType.NewLink, NetlinkFlags.None, w => LinkOperations.WriteFinish(w, name, alias, null));
                ownerOf.Add((i, $"set alias of link '{name}'"));
            }

            if (PeerOf(links[i]) is { Here: true } peer)
            {
                int? masterIndex;
                try
                {
                    masterIndex = peer.Master is null ? null : _devices.IndexOf(peer.Master);
                }
                catch (Exception e) when (ErrorReport.IsReportable(e))
                {
                    errors[i] = e;
                    continue;
                }

                follow.Add(RtnlMessageType.NewLink, NetlinkFlags.None, w => LinkOperations.WriteFinish(w, peer.Name, peer.Alias, masterIndex, peer.Up));
                ownerOf.Add((i, $"{LinkOperations.FinishWords(peer.Alias, peer.Master, peer.Up)} on peer '{peer.Name}' of link '{name}'"));
            }

            follow.AddRead(RtnlMessageType.GetLink, w =>
            {
                w.WriteStruct(new IfInfoMessage());
                w.AddString(LinkAttribute.Name, name);
            });
            ownerOf.Add((i, $"read back link '{name}'"));
        }

        var namespaceName = _client.NamespaceName;
        var followed = _client.Connection.ExecuteBatch(follow, $"set aliases and read back links {Where}",
            i => $"{ownerOf[i].What} {Where}",
            (i, message) => made[ownerOf[i].Link] = LinkReader.Read(LinkMessage.Parse(message), namespaceName));
        foreach (var failure in followed.Failures)
        {
            errors[ownerOf[failure.Index].Link] ??= failure.Error;
        }

        var outcomes = new LinkOutcome[links.Count];
        for (var i = 0; i < links.Count; i++)
        {
            if (errors[i] is null && made[i] is null)
            {
                errors[i] = new IpipToolsException($"The kernel created link '{links[i].Name}' {Where} but does not report it.", "LinkVanished",
                    IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", links[i].Name);
            }

            if (errors[i] is not null && created[i])
            {
                // Created, but what followed failed: an error must not leave the link (or its peer) behind.
                Links.TryDelete(links[i].Name);
                made[i] = null;
            }

            outcomes[i] = new LinkOutcome(links[i], made[i], errors[i]) { Shown = made[i] is { } link ? _show?.Invoke(link, _devices.NameOf) : null };
        }

        return outcomes;
    }
}
