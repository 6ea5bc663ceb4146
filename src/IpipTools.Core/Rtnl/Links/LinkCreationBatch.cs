using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// Links queued for creation in one namespace and made together, each read back as the
/// kernel made it, in two sends however many links there are: the creations, then each
/// created link's alias and a read of it. rtnl_newlink neither echoes a new link nor reads
/// IFLA_IFALIAS at creation (seen on 6.1), so the alias needs a change of its own; it goes in
/// the second send, after its creation succeeded, so it can never land on another link of
/// the same name. One link is two round trips; a thousand are two sends of a few datagrams
/// each, instead of three round trips per link. A link whose alias or read fails is deleted
/// again, so a failure leaves nothing behind. A batch can be filled and sent any number of times.
/// </summary>
public sealed class LinkCreationBatch : IDisposable
{
    /// <summary>
    /// Where the request buffers start: one link's requests are a few hundred bytes, and a
    /// batch of one (every single creation) must not allocate the 64 KiB a route batch starts
    /// with; the buffers grow as links are queued.
    /// </summary>
    private const int SmallBatchCapacity = 2048;

    private readonly LinkOperations _links;
    private readonly NetlinkConnection _connection;
    private readonly NetlinkBatch _creations;
    private readonly List<Link> _queued = new();
    private readonly Dictionary<string, int> _masters = new(StringComparer.Ordinal);
    private readonly LinkEncodingContext _context = new();

    internal LinkCreationBatch(LinkOperations links, NetlinkConnection connection)
    {
        _links = links;
        _connection = connection;
        _creations = connection.CreateBatch(SmallBatchCapacity);
    }

    /// <summary>Links queued and not yet sent.</summary>
    public int Count => _queued.Count;

    /// <summary>
    /// Checks <paramref name="link"/> (name, kind parameters, bridge) and queues its creation.
    /// What can be refused before the kernel sees it is thrown here, and the batch is left as it was.
    /// </summary>
    public void Queue(Link link)
    {
        InterfaceName.Validate(link.Name);
        var driver = LinkKindRegistry.For(LinkOperations.Parameters(link));
        int? masterIndex = link.Master is null ? null
            : _masters.TryGetValue(link.Master, out var known) ? known
            : _masters[link.Master] = _links.IndexOf(link.Master);
        _creations.Add(RtnlMessageType.NewLink, NetlinkFlags.Create | NetlinkFlags.Exclusive,
            w => LinkOperations.WriteCreateRequest(w, link, driver, masterIndex, _context));
        _queued.Add(link);
    }

    /// <summary>Creates every queued link and reads each back; one outcome per link, in the order queued.</summary>
    public IReadOnlyList<LinkOutcome> Send()
    {
        if (_queued.Count == 0)
        {
            return Array.Empty<LinkOutcome>();
        }

        var links = _queued.ToList();
        var errors = new Exception?[links.Count];
        try
        {
            var created = _connection.ExecuteBatch(_creations, $"create links {_links.Where}",
                i => $"create {links[i].Kind} link '{links[i].Name}' {_links.Where}");
            foreach (var failure in created.Failures)
            {
                errors[failure.Index] = failure.Error is NetlinkException e ? _links.ExplainCreateFailure(e, links[failure.Index]) : failure.Error;
            }

            return Complete(links, errors);
        }
        finally
        {
            _creations.Clear();
            _queued.Clear();
            _context.Dispose();
        }
    }

    /// <summary>Closes the namespace descriptors queued veth peers hold (a batch dropped unsent).</summary>
    public void Dispose() => _context.Dispose();

    /// <summary>The second send: each created link's alias, then a read of it by name.</summary>
    private IReadOnlyList<LinkOutcome> Complete(List<Link> links, Exception?[] errors)
    {
        var made = new Link?[links.Count];
        var follow = _connection.CreateBatch(SmallBatchCapacity);
        var ownerOf = new List<int>();
        for (var i = 0; i < links.Count; i++)
        {
            if (errors[i] is not null)
            {
                continue;
            }

            var name = links[i].Name;
            if (links[i].Alias is string alias)
            {
                follow.Add(RtnlMessageType.NewLink, NetlinkFlags.None, w =>
                {
                    w.WriteStruct(new IfInfoMessage());
                    w.AddString(LinkAttribute.Name, name);
                    w.AddString(LinkAttribute.Alias, alias);
                });
                ownerOf.Add(i);
            }

            follow.AddRead(RtnlMessageType.GetLink, w =>
            {
                w.WriteStruct(new IfInfoMessage());
                w.AddString(LinkAttribute.Name, name);
            });
            ownerOf.Add(i);
        }

        var namespaceName = _links.NamespaceName;
        var followed = _connection.ExecuteBatch(follow, $"set aliases and read back links {_links.Where}",
            i => $"set alias of link '{links[ownerOf[i]].Name}' {_links.Where}",
            (i, message) => made[ownerOf[i]] = LinkReader.Read(LinkMessage.Parse(message), namespaceName));
        foreach (var failure in followed.Failures)
        {
            errors[ownerOf[failure.Index]] ??= failure.Error;
        }

        var outcomes = new LinkOutcome[links.Count];
        for (var i = 0; i < links.Count; i++)
        {
            if (errors[i] is null && made[i] is null)
            {
                errors[i] = new IpipToolsException($"The kernel created link '{links[i].Name}' {_links.Where} but does not report it.", "LinkVanished",
                    IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", links[i].Name);
            }

            if (errors[i] is not null && made[i] is not null)
            {
                // Created, but its alias failed: an error must not leave the link behind.
                _links.TryDelete(links[i].Name);
                made[i] = null;
            }

            outcomes[i] = new LinkOutcome(links[i], made[i], errors[i]);
        }

        return outcomes;
    }
}
