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

    internal string Where => _client.Namespace.Describe();

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
    /// Creates <paramref name="link"/> and returns it as the kernel reports it: a batch of one
    /// (see <see cref="LinkCreationBatch"/>), two exchanges. If anything after the creation
    /// fails, the link is deleted again, so a failure leaves nothing behind.
    /// </summary>
    /// <param name="underlayDevice">The device a tunnel is bound to, by name (see <see cref="LinkCreationBatch.Queue"/>).</param>
    /// <param name="clientFor">The connections to other namespaces (a veth peer's); null opens its own.</param>
    public Link Add(Link link, string? underlayDevice = null, Func<NetNamespace, RtnetlinkClient>? clientFor = null)
    {
        using var batch = CreateBatch(clientFor);
        batch.Queue(link, underlayDevice);
        var outcome = batch.Send()[0];
        return outcome.Made ?? throw outcome.Error!;
    }

    /// <summary>
    /// An empty batch of links to create here, each read back (see <see cref="LinkCreationBatch"/>).
    /// A veth peer in another namespace is finished through <paramref name="clientFor"/> (null:
    /// connections the batch opens itself); <paramref name="show"/> turns a made link into what is
    /// written for it (a tunnel's view), given the names of the devices the batch looked up.
    /// </summary>
    public LinkCreationBatch CreateBatch(Func<NetNamespace, RtnetlinkClient>? clientFor = null, Func<Link, Func<int, string?>, object?>? show = null) =>
        new(_client, clientFor, show);

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
        try
        {
            Execute($"change {parameters.Kind} link '{name}' {Where}", RtnlMessageType.NewLink, name, w =>
            {
                w.WriteStruct(new IfInfoMessage { Index = index });
                WriteLinkInfo(w, driver, parameters, context);
            });
        }
        catch (NetlinkException e) when (e.ErrorNumber != Errno.ENODEV)
        {
            throw driver.ExplainRefusal(e, link with { KindParameters = parameters }, _client) ?? e;
        }
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
    /// Sets the alias, the bridge and/or the state of a link just made, named in the request
    /// itself (an RTM_NEWLINK with index 0 and IFLA_IFNAME finds the device by name): what the
    /// kernel does not take in a creation request (for a veth's peer). Null and false leave a setting as it is.
    /// </summary>
    internal static void WriteFinish(MessageWriter w, string name, string? alias, int? masterIndex, bool up = false)
    {
        w.WriteStruct(new IfInfoMessage { Flags = up ? LinkFlags.Up : 0, Change = up ? LinkFlags.Up : 0 });
        w.AddString(LinkAttribute.Name, name);
        if (alias is not null)
        {
            w.AddString(LinkAttribute.Alias, alias);
        }

        if (masterIndex is int master)
        {
            w.AddUInt32(LinkAttribute.Master, (uint)master);
        }
    }

    /// <summary>Sets the alias, the bridge and/or the state of a link just made, in one exchange (see <see cref="WriteFinish"/>).</summary>
    internal void Finish(string name, string? alias, string? master, bool up)
    {
        var masterIndex = master is null ? (int?)null : IndexOf(master);
        Execute($"{FinishWords(alias, master, up)} on link '{name}' {Where}", RtnlMessageType.NewLink, name,
            w => WriteFinish(w, name, alias, masterIndex, up));
    }

    /// <summary>"set alias, master 'br0', up": what <see cref="WriteFinish"/> sets, for messages.</summary>
    internal static string FinishWords(string? alias, string? master, bool up) =>
        "set " + string.Join(", ", new[] { alias is null ? null : "alias", master is null ? null : $"master '{master}'", up ? "up" : null }.OfType<string>());

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

    internal static void WriteLinkInfo(MessageWriter w, ILinkKindDriver driver, LinkKindParameters parameters, LinkEncodingContext context)
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

    /// <summary>
    /// Words the kernel's refusal to create <paramref name="spec"/>: a taken name, then what the
    /// kind's driver knows of it (a veth peer's name, a tunnel's endpoints, a bridge option),
    /// then what any kind's refusal means.
    /// </summary>
    internal NetlinkException ExplainCreationRefusal(NetlinkException e, Link spec)
    {
        var kind = Parameters(spec).Kind;
        if (e.ErrorNumber == Errno.EEXIST && Find(spec.Name) is not null)
        {
            return e.ExplainWhole($"a link named '{spec.Name}' already exists {Where}",
                "Choose another name, or remove the existing link first.", NameTakenId, spec.Name);
        }

        return LinkKindRegistry.For(Parameters(spec)).ExplainRefusal(e, spec, _client) ?? e.ErrorNumber switch
        {
            // The kernel says "Unknown device type" for a kind it lacks; an EOPNOTSUPP without it
            // comes from the kind's own code refusing an option it was built without.
            Errno.EOPNOTSUPP when e.KernelMessage is null => e.Explain(
                $"this kernel makes '{kind}' links, but not with an option given for this one",
                "Leave that option out, or use a kernel built with it.", "KernelLacksLinkOption", spec.Name),
            Errno.EOPNOTSUPP => ExplainMissingKind(e, kind, spec.Name),
            Errno.EPERM => e.Explain("permission denied", "Run as root, or give the process CAP_NET_ADMIN.", "PermissionDenied", spec.Name),
            _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), e.RecommendedAction, e.ErrorId, spec.Name),
        };
    }

    /// <summary>
    /// Throws what creating <paramref name="spec"/> would be refused with because a name it
    /// needs is taken (its own, or its veth peer's): the kernel's EEXIST foreseen and worded by
    /// <see cref="ExplainCreationRefusal"/>, which looks the names up. What -WhatIf and -Confirm
    /// check before they speak; a real creation learns it from the kernel's answer.
    /// </summary>
    public void CheckNamesFree(Link spec)
    {
        var refusal = ExplainCreationRefusal(NetlinkException.Foreseen(CreationOperation(spec), Errno.EEXIST), spec);
        if (refusal.ErrorId == NameTakenId)
        {
            throw refusal;
        }
    }

    /// <summary>The id of a creation refused because a name it needs is taken.</summary>
    internal const string NameTakenId = "LinkNameTaken";

    /// <summary>What a refused creation says was attempted: "create veth link 'v0' in namespace 'n'".</summary>
    internal string CreationOperation(Link spec) => $"create {spec.Kind} link '{spec.Name}' {Where}";

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
