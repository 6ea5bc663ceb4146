using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

public sealed partial class LinkOperations
{
    /// <summary>
    /// The kinds whose devices take ports (have ndo_add_slave). Enslaving to any other device
    /// is EOPNOTSUPP with no extended ack, after the kernel has already applied the settings
    /// it handles first (the MTU, the name), so it is refused here beforehand.
    /// </summary>
    private static readonly string[] MasterKinds = { "bridge", "bond", "team", "vrf" };

    /// <summary>
    /// <c>ip link set NAME [netns NS] [mtu M] [name NEW] [alias A] [master BR | nomaster] [up|down]</c>:
    /// one RTM_NEWLINK that names the link by index, and the link read back (from
    /// <paramref name="destinationLinks"/>, the links of <see cref="LinkChange.NewNamespace"/>,
    /// when it moves). The kernel applies the settings in that order and stops at the first it
    /// refuses, keeping those before it; so everything it would refuse without saying why, or
    /// after it has moved or renamed the link, is checked first: the new name and whether it is
    /// free where the link ends up, the MTU against the link's own min_mtu and max_mtu, the
    /// master (it exists, takes ports, is not the link, and the link does not move away from it).
    /// </summary>
    public Link Change(Link link, LinkChange change, LinkOperations? destinationLinks = null)
    {
        var message = FindMessage(link.Name) ?? throw NotFound(link.Name);
        var moving = change.NewNamespace is not null && !change.NewNamespace.Equals(_client.Namespace);
        var there = moving ? destinationLinks ?? throw new ArgumentException("a link that moves needs the links of its new namespace", nameof(destinationLinks)) : this;
        var masterIndex = CheckChange(message, change, moving, there);
        var finalName = change.NewName ?? link.Name;

        using var handle = moving ? change.NewNamespace!.OpenHandle() : null;
        Execute($"set link '{link.Name}' {change} {Where}", RtnlMessageType.NewLink, link.Name, w =>
        {
            w.WriteStruct(new IfInfoMessage
            {
                Index = message.Index,
                Flags = change.Up == true ? LinkFlags.Up : 0,
                Change = change.Up is null ? 0 : LinkFlags.Up,
            });
            if (handle is not null)
            {
                w.AddUInt32(LinkAttribute.NetNamespaceFd, (uint)handle.Fd);
            }

            if (change.Mtu is int mtu)
            {
                w.AddUInt32(LinkAttribute.Mtu, (uint)mtu);
            }

            if (change.NewName is not null)
            {
                w.AddString(LinkAttribute.Name, change.NewName);
            }

            if (change.Alias is not null)
            {
                w.AddString(LinkAttribute.Alias, change.Alias);
            }

            if (masterIndex is int master)
            {
                w.AddUInt32(LinkAttribute.Master, (uint)master);
            }
        });
        return there.Get(finalName);
    }

    /// <summary>The checks of <see cref="Change"/>; returns the master's index to write (0 frees the link), or null to leave it.</summary>
    private int? CheckChange(LinkMessage message, LinkChange change, bool moving, LinkOperations there)
    {
        var name = message.Name;
        if (change.Master is not null && change.NoMaster)
        {
            throw Refused(name, "-Master and -NoMaster were both given: a link is either attached to a bridge or not.",
                "Give -Master BRIDGE to attach the link, or -NoMaster to detach it.");
        }

        if (moving && change.Master is not null)
        {
            throw Refused(name, $"the link cannot be attached to '{change.Master}' and moved to namespace '{change.NewNamespace}' at once: a bridge takes ports of its own namespace only, and a port that moves leaves its bridge.",
                "Move the link first, then attach it to a bridge of its new namespace (Set-NetLink -Master ... -NetNamespace NEWNS).");
        }

        if (change.NewName is not null)
        {
            InterfaceName.Validate(change.NewName, "new interface name");
            if (change.NewName != name && there.Find(change.NewName) is not null)
            {
                throw Refused(name, $"a link named '{change.NewName}' already exists {there.Where}.", "Choose another -NewName, or remove that link first.", "LinkNameTaken", IpipErrorCategory.ResourceExists);
            }
        }

        if (moving && change.NewName is null && there.Find(name) is not null)
        {
            throw Refused(name, $"a link named '{name}' already exists {there.Where}.", "Give the link another name as it moves (-NewName), or remove that link first.", "LinkNameTaken", IpipErrorCategory.ResourceExists);
        }

        if (change.Mtu is int mtu)
        {
            var minimum = (int)(message.Attributes.GetUInt32(LinkAttribute.MinMtu) ?? LinkMtu.Minimum);
            var maximum = (int)(message.Attributes.GetUInt32(LinkAttribute.MaxMtu) ?? LinkMtu.Maximum);
            if (mtu < minimum || (maximum > 0 && mtu > maximum))
            {
                throw new IpipToolsException(
                    $"MTU {mtu} is out of range for link '{name}' {Where}: the kernel accepts {minimum} to {maximum} for it.",
                    "InvalidMtu", IpipErrorCategory.InvalidArgument, $"Use an MTU from {minimum} to {maximum} (ip -d link show {name} reports them as minmtu and maxmtu).", mtu);
            }
        }

        if (change.NoMaster)
        {
            return 0;
        }

        if (change.Master is null)
        {
            return null;
        }

        var master = Find(change.Master) ?? throw new IpipToolsException(
            $"Cannot attach link '{name}' to '{change.Master}': there is no link named '{change.Master}' {Where}.",
            "MasterNotFound", IpipErrorCategory.ObjectNotFound,
            "Create the bridge first (New-NetBridge), or check its name (Get-NetLink -Kind bridge).", change.Master);
        if (master.Index == message.Index)
        {
            throw Refused(name, "a link cannot be attached to itself.", "Give -Master the name of a bridge.");
        }

        if (master.Kind is not string kind || !MasterKinds.Contains(kind))
        {
            throw new IpipToolsException(
                $"Cannot attach link '{name}' to '{master.Name}': '{master.Name}' is {Wording.WithArticle(master.Kind ?? "device without a kind")}, which takes no ports; a bridge does.",
                "NotAMaster", IpipErrorCategory.InvalidArgument,
                "Give -Master the name of a bridge (Get-NetLink -Kind bridge lists them; New-NetBridge makes one).", master.Name);
        }

        return master.Index;
    }

    private IpipToolsException Refused(string name, string reason, string action, string errorId = "InvalidLinkChange", IpipErrorCategory category = IpipErrorCategory.InvalidArgument) =>
        new($"Cannot change link '{name}' {Where}: {reason}", errorId, category, action, name);
}
