using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>Links (network interfaces) of one namespace: list, get, add, change, move, delete.</summary>
public sealed partial class LinkOperations
{
    private readonly RtnetlinkClient _client;

    internal LinkOperations(RtnetlinkClient client)
    {
        _client = client;
    }

    private NetlinkConnection Connection => _client.Connection;

    internal string Where => _client.NamespaceDescription;

    /// <summary>What links read here report as their namespace.</summary>
    internal string? NamespaceName => _client.NamespaceName;

    /// <summary>Every link, as the kernel's RTM_GETLINK dump reports them.</summary>
    public IReadOnlyList<Link> List() =>
        ListMessages().Select(m => LinkReader.Read(m, _client.NamespaceName)).ToList();

    /// <summary>The raw messages of a link dump (for round trips and drivers).</summary>
    public IReadOnlyList<LinkMessage> ListMessages() =>
        Connection.Dump($"list links {Where}", RtnlMessageType.GetLink, w => w.WriteStruct(new IfInfoMessage()), LinkMessage.Parse);

    /// <summary>The link named <paramref name="name"/>, or null if there is none.</summary>
    public Link? Find(string name)
    {
        var message = FindMessage(name);
        return message is null ? null : LinkReader.Read(message, _client.NamespaceName);
    }

    public LinkMessage? FindMessage(string name)
    {
        InterfaceName.Validate(name);
        try
        {
            return Connection.Query($"get link '{name}' {Where}", RtnlMessageType.GetLink, w =>
            {
                w.WriteStruct(new IfInfoMessage());
                w.AddString(LinkAttribute.Name, name);
            }, LinkMessage.Parse);
        }
        catch (NetlinkException e) when (e.ErrorNumber is Errno.ENODEV or Errno.ENOENT)
        {
            return null;
        }
    }

    public Link Get(string name) => Find(name) ?? throw NotFound(name);

    public Link Get(int index)
    {
        try
        {
            var message = Connection.Query($"get link #{index} {Where}", RtnlMessageType.GetLink,
                w => w.WriteStruct(new IfInfoMessage { Index = index }), LinkMessage.Parse);
            return LinkReader.Read(message, _client.NamespaceName);
        }
        catch (NetlinkException e) when (e.ErrorNumber is Errno.ENODEV or Errno.ENOENT)
        {
            throw new IpipToolsException($"No link with index {index} {Where}.", "LinkNotFound", IpipErrorCategory.ObjectNotFound,
                "List the links with Get-NetLink (or 'ip link').", index);
        }
    }

    /// <summary>The index of the link named <paramref name="name"/>; throws if missing.</summary>
    public int IndexOf(string name) => (FindMessage(name) ?? throw NotFound(name)).Index;

    /// <summary>
    /// Creates <paramref name="link"/> and returns it as the kernel reports it. If anything
    /// after the creation fails (the alias, the read-back), the link is deleted again, so a
    /// failure leaves nothing behind. Two exchanges: the RTM_NEWLINK, then the alias change
    /// (if any) and a read by name in one send (a 6.1 kernel does not echo RTM_NEWLINK).
    /// </summary>
    public Link Add(Link link)
    {
        using var batch = CreateBatch();
        batch.Queue(link);
        var outcome = batch.Send()[0];
        return outcome.Made ?? throw outcome.Error!;
    }

    /// <summary>An empty batch of links to create here, each read back (see <see cref="LinkCreationBatch"/>).</summary>
    public LinkCreationBatch CreateBatch() => new(this, Connection);

    /// <summary>
    /// <see cref="Add"/> without the read-back, for callers that change the link further
    /// before they read it (<see cref="AddVethPair"/>): only the creation and the alias.
    /// </summary>
    private void Create(Link link)
    {
        InterfaceName.Validate(link.Name);
        var driver = LinkKindRegistry.For(Parameters(link));
        var masterIndex = link.Master is null ? (int?)null : IndexOf(link.Master);
        var operation = $"create {link.Kind} link '{link.Name}' {Where}";
        using (var context = new LinkEncodingContext())
        {
            try
            {
                Connection.Execute(operation, RtnlMessageType.NewLink, NetlinkFlags.Create | NetlinkFlags.Exclusive,
                    w => WriteCreateRequest(w, link, driver, masterIndex, context));
            }
            catch (NetlinkException e)
            {
                throw ExplainCreateFailure(e, link);
            }
        }

        // The kernel ignores IFLA_IFALIAS in a creation request (rtnl_create_link does
        // not read it; seen on 6.1), so the alias is set again by a change.
        if (link.Alias is not null)
        {
            try
            {
                ChangeByName(link.Name, link.Alias, null);
            }
            catch
            {
                TryDelete(link.Name);
                throw;
            }
        }
    }

    /// <summary>The kind parameters a link to create must have.</summary>
    internal static LinkKindParameters Parameters(Link link) =>
        link.KindParameters ?? throw new ArgumentException($"link '{link.Name}' has no kind to create it with", nameof(link));

    /// <summary>
    /// Replaces the kind-specific parameters of an existing link (RTM_NEWLINK without
    /// NLM_F_CREATE). The parameters must be complete: see <see cref="ILinkKindDriver"/>.
    /// </summary>
    /// <remarks><paramref name="link"/> is the link as just read: the request names it by its index, with no lookup.</remarks>
    public void ChangeKindParameters(Link link, LinkKindParameters parameters)
    {
        var (name, index) = (link.Name, link.Index);
        var driver = LinkKindRegistry.For(parameters);
        using var context = new LinkEncodingContext();
        Execute($"change {parameters.Kind} link '{name}' {Where}", RtnlMessageType.NewLink, name, w =>
        {
            w.WriteStruct(new IfInfoMessage { Index = index });
            WriteLinkInfo(w, driver, parameters, context);
        });
    }

    public void SetUp(string name, bool up)
    {
        var index = IndexOf(name);
        Execute($"set link '{name}' {(up ? "up" : "down")} {Where}", RtnlMessageType.NewLink, name, w =>
            w.WriteStruct(new IfInfoMessage { Index = index, Flags = up ? LinkFlags.Up : 0, Change = LinkFlags.Up }));
    }

    public void SetMtu(string name, int mtu)
    {
        LinkMtu.Validate(mtu, $"link '{name}'");
        SetAttribute(name, $"set mtu {mtu} on link '{name}'", w => w.AddUInt32(LinkAttribute.Mtu, (uint)mtu));
    }

    public void Rename(string name, string newName)
    {
        InterfaceName.Validate(newName, "new interface name");
        SetAttribute(name, $"rename link '{name}' to '{newName}'", w => w.AddString(LinkAttribute.Name, newName));
    }

    public void SetAlias(string name, string? alias) =>
        SetAttribute(name, $"set alias on link '{name}'", w => w.AddString(LinkAttribute.Alias, alias ?? string.Empty));

    /// <summary>
    /// Sets the alias and/or the state of a link named in the request itself (an RTM_NEWLINK
    /// with index 0 and IFLA_IFNAME finds the device by name), in one exchange and with no
    /// index lookup; null leaves a setting as it is.
    /// </summary>
    private void ChangeByName(string name, string? alias, bool? up) =>
        Execute($"set {(alias is null ? string.Empty : "alias ")}{(up is bool u ? (u ? "up " : "down ") : string.Empty)}on link '{name}' {Where}", RtnlMessageType.NewLink, name, w =>
        {
            w.WriteStruct(new IfInfoMessage { Flags = up == true ? LinkFlags.Up : default, Change = up is null ? default : LinkFlags.Up });
            w.AddString(LinkAttribute.Name, name);
            if (alias is not null)
            {
                w.AddString(LinkAttribute.Alias, alias);
            }
        });

    /// <summary>Enslaves the link to a bridge (or frees it, with null).</summary>
    public void SetMaster(string name, string? master)
    {
        var masterIndex = master is null ? 0 : IndexOf(master);
        SetAttribute(name, $"set master of link '{name}' to '{master ?? "none"}'", w => w.AddUInt32(LinkAttribute.Master, (uint)masterIndex));
    }

    /// <summary>Moves a link into another namespace (it disappears from this one).</summary>
    public void MoveTo(string name, NetNamespace target)
    {
        using var handle = target.OpenHandle();
        SetAttribute(name, $"move link '{name}' to namespace {target}", w => w.AddUInt32(LinkAttribute.NetNamespaceFd, (uint)handle.Fd));
    }

    public void Delete(string name) => Delete(name, IndexOf(name));

    /// <summary>Deletes a link just read, by its index, without looking it up again.</summary>
    public void Delete(Link link) => Delete(link.Name, link.Index);

    private void Delete(string name, int index)
    {
        try
        {
            Execute($"delete link '{name}' {Where}", RtnlMessageType.DeleteLink, name, w => w.WriteStruct(new IfInfoMessage { Index = index }));
        }
        catch (NetlinkException e) when (e.ErrorNumber == Errno.EOPNOTSUPP)
        {
            // Only devices made with 'ip link add' (rtnl_link_ops with dellink) can be deleted:
            // loopback, physical devices and the tunnel fallback devices cannot.
            throw new IpipToolsException(
                $"Cannot delete link '{name}' {Where}: it is not a link that can be deleted (loopback, a physical device or a tunnel's fallback device); only links created with a kind can. {e.Message}",
                "LinkNotRemovable", IpipErrorCategory.InvalidOperation, "Set it down instead (Set-NetLink -Down), or remove the namespace it is in.", name, e);
        }
    }

    /// <summary>Deletes if present; used to undo a half-made object. Never throws.</summary>
    internal void TryDelete(string name) => BestEffortUndo.Run(() =>
    {
        if (FindMessage(name) is not null)
        {
            Delete(name);
        }
    });

    internal IpipToolsException NotFound(string name) => new(
        $"No link named '{name}' {Where}.", "LinkNotFound", IpipErrorCategory.ObjectNotFound,
        "Check the name and the namespace (Get-NetLink, or 'ip link').", name);

    private static void WriteLinkInfo(MessageWriter w, ILinkKindDriver driver, LinkKindParameters parameters, LinkEncodingContext context)
    {
        using var info = w.Nested(LinkAttribute.LinkInfo);
        w.AddString(LinkAttribute.Info.Kind, driver.Kind);
        using var data = w.Nested(LinkAttribute.Info.Data);
        driver.WriteInfoData(w, parameters, context);
    }

    private void SetAttribute(string name, string what, Action<MessageWriter> attribute)
    {
        var index = IndexOf(name);
        Execute($"{what} {Where}", RtnlMessageType.NewLink, name, w =>
        {
            w.WriteStruct(new IfInfoMessage { Index = index });
            attribute(w);
        });
    }

    private void Execute(string operation, ushort type, string name, RequestBodyWriter body)
    {
        try
        {
            Connection.Execute(operation, type, NetlinkFlags.None, body);
        }
        catch (NetlinkException e) when (e.ErrorNumber == Errno.ENODEV)
        {
            throw e.Explain($"there is no link named '{name}' {Where}", "Check the name and the namespace.", "LinkNotFound", name);
        }
        catch (NetlinkException e) when (e.ErrorNumber == Errno.EEXIST)
        {
            throw e.Explain("a link with that name already exists", "Choose another name.", "LinkNameTaken", name);
        }
    }

    internal NetlinkException ExplainCreateFailure(NetlinkException e, Link spec)
    {
        var kind = Parameters(spec).Kind;
        return e.ErrorNumber switch
        {
            Errno.EEXIST when Find(spec.Name) is not null => e.Explain(
                $"a link named '{spec.Name}' already exists {Where}",
                $"Choose another name, or remove the existing link first.", "LinkNameTaken", spec.Name),
            Errno.EEXIST when spec.KindParameters is VethParameters { PeerName: string peer } veth && PeerNameTaken(peer, veth.PeerNamespace) => e.Explain(
                $"the veth peer name '{peer}' is already taken {(veth.PeerNamespace is { IsCallerNamespace: false } peerNamespace ? $"in namespace '{peerNamespace}'" : Where)}",
                "Choose another peer name, or remove the link that has it first.", "LinkNameTaken", peer),
            // The kernel says "Unknown device type" for a kind it lacks; an EOPNOTSUPP without it
            // comes from the kind's own code refusing an option it was built without (a bridge's
            // VLAN filtering without CONFIG_BRIDGE_VLAN_FILTERING, seen on this host).
            Errno.EOPNOTSUPP when e.KernelMessage is null => e.Explain(
                $"this kernel makes '{kind}' links, but not with an option given for this one",
                "Leave that option out, or use a kernel built with it.", "KernelLacksLinkOption", spec.Name),
            Errno.EOPNOTSUPP => ExplainMissingKind(e, kind, spec.Name),
            Errno.EPERM => e.Explain("permission denied", "Run as root, or give the process CAP_NET_ADMIN.", "PermissionDenied", spec.Name),
            _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), e.RecommendedAction, e.ErrorId, spec.Name),
        };
    }

    /// <summary>Whether the kernel's EEXIST was about the peer: a peer goes where the driver sends it (see VethDriver).</summary>
    private bool PeerNameTaken(string peer, NetNamespace? peerNamespace)
    {
        if (peerNamespace is not { IsCallerNamespace: false })
        {
            return Find(peer) is not null;
        }

        using var there = RtnetlinkClient.Open(peerNamespace);
        return there.Links.Find(peer) is not null;
    }

    /// <summary>
    /// A kind the kernel lacks: the driver of the kind names its module and configuration
    /// option (ip_gre and CONFIG_NET_IPGRE for gre), so no kind is explained with another's.
    /// </summary>
    private static NetlinkException ExplainMissingKind(NetlinkException e, string kind, string name)
    {
        var driver = LinkKindRegistry.Find(kind) as ICreatableKind;
        var module = driver?.KernelModule ?? kind;
        return e.Explain(
            $"this kernel has no '{kind}' link support (the {module} module is not loaded and could not be loaded)",
            $"Load it with 'modprobe {module}', or use a kernel built with {driver?.KernelConfigOption ?? "it"}.",
            "KernelLacksLinkKind", name);
    }
}
