using System.Net.NetworkInformation;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

public sealed partial class LinkOperations
{
    /// <summary>
    /// Creates many links in as few sends as the socket allows (see
    /// <see cref="NetlinkConnection.ExecuteBatch"/>): no round trip per link, and unlike
    /// <see cref="Add"/> no link is read back, so creating a thousand tunnels costs about
    /// what the kernel's own work costs. Every link is checked (names, kind parameters)
    /// before anything is sent, so bad input leaves nothing behind; the kernel's refusals
    /// are reported per link, with the same explanations Add gives, and the other links
    /// stay. Aliases, which the kernel ignores at creation, are set afterwards one by one.
    /// </summary>
    public BatchResult AddMany(IEnumerable<Link> links)
    {
        var list = links as IReadOnlyList<Link> ?? links.ToList();
        var masters = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = Connection.CreateBatch();
        BatchResult result;
        using (var context = new LinkEncodingContext())
        {
            foreach (var link in list)
            {
                InterfaceName.Validate(link.Name);
                var driver = LinkKindRegistry.For(Parameters(link));
                int? masterIndex = link.Master is null ? null
                    : masters.TryGetValue(link.Master, out var known) ? known
                    : masters[link.Master] = IndexOf(link.Master);
                batch.Add(RtnlMessageType.NewLink, NetlinkFlags.Create | NetlinkFlags.Exclusive,
                    w => WriteCreateRequest(w, link, driver, masterIndex, context));
            }

            result = Connection.ExecuteBatch(batch, $"create links {Where}", i => $"create {Parameters(list[i]).Kind} link '{list[i].Name}' {Where}");
        }

        var failures = result.Failures.Select(f => f with { Error = ExplainCreateFailure(f.Error, list[f.Index]) }).ToList();
        var failed = failures.Select(f => f.Index).ToHashSet();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Alias is string alias && !failed.Contains(i))
            {
                ChangeByName(list[i].Name, alias, null);
            }
        }

        return new BatchResult(result.RequestCount, failures);
    }

    /// <summary>The RTM_NEWLINK body that creates <paramref name="link"/>; shared by <see cref="Add"/> and <see cref="AddMany"/>.</summary>
    internal static void WriteCreateRequest(MessageWriter w, Link link, ILinkKindDriver driver, int? masterIndex, LinkEncodingContext context)
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

        if (link.Alias is not null)
        {
            w.AddString(LinkAttribute.Alias, link.Alias);
        }

        WriteLinkInfo(w, driver, Parameters(link), context);
    }
}
