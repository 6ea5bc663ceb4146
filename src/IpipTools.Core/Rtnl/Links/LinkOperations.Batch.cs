using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

public sealed partial class LinkOperations
{
    /// <summary>
    /// Creates many links in as few sends as the socket allows (see
    /// <see cref="NetlinkConnection.ExecuteBatch"/>): no round trip per link, and unlike
    /// <see cref="Add"/> no link is read back, so creating a thousand tunnels costs about
    /// what the kernel's own work costs. Every spec is checked (names, kind parameters)
    /// before anything is sent, so bad input leaves nothing behind; the kernel's refusals
    /// are reported per link, with the same explanations Add gives, and the other links
    /// stay. Aliases, which the kernel ignores at creation, are set afterwards one by one.
    /// </summary>
    public BatchResult AddMany(IEnumerable<LinkSpec> specs)
    {
        var list = specs as IReadOnlyList<LinkSpec> ?? specs.ToList();
        var masters = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = Connection.CreateBatch();
        BatchResult result;
        using (var context = new LinkEncodingContext())
        {
            foreach (var spec in list)
            {
                InterfaceName.Validate(spec.Name);
                var driver = LinkKindRegistry.For(spec.KindParameters);
                int? masterIndex = spec.Master is null ? null
                    : masters.TryGetValue(spec.Master, out var known) ? known
                    : masters[spec.Master] = IndexOf(spec.Master);
                batch.Add(RtnlMessageType.NewLink, NetlinkFlags.Create | NetlinkFlags.Exclusive,
                    w => WriteCreateRequest(w, spec, driver, masterIndex, context));
            }

            result = Connection.ExecuteBatch(batch, $"create links {Where}", i => $"create {list[i].KindParameters.Kind} link '{list[i].Name}' {Where}");
        }

        var failures = result.Failures.Select(f => f with { Error = ExplainCreateFailure(f.Error, list[f.Index]) }).ToList();
        var failed = failures.Select(f => f.Index).ToHashSet();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Alias is string alias && !failed.Contains(i))
            {
                SetAlias(list[i].Name, alias);
            }
        }

        return new BatchResult(result.RequestCount, failures);
    }

    /// <summary>The RTM_NEWLINK body that creates <paramref name="spec"/>; shared by <see cref="Add"/> and <see cref="AddMany"/>.</summary>
    private static void WriteCreateRequest(MessageWriter w, LinkSpec spec, ILinkKindDriver driver, int? masterIndex, LinkEncodingContext context)
    {
        w.WriteStruct(new IfInfoMessage { Index = spec.Index, Flags = spec.Up ? LinkFlags.Up : 0, Change = spec.Up ? LinkFlags.Up : 0 });
        w.AddString(LinkAttribute.Name, spec.Name);
        if (spec.Mtu is int mtu)
        {
            w.AddUInt32(LinkAttribute.Mtu, (uint)mtu);
        }

        if (spec.HardwareAddress is not null)
        {
            w.AddAttribute(LinkAttribute.Address, spec.HardwareAddress.GetAddressBytes());
        }

        if (masterIndex is int master)
        {
            w.AddUInt32(LinkAttribute.Master, (uint)master);
        }

        if (spec.Alias is not null)
        {
            w.AddString(LinkAttribute.Alias, spec.Alias);
        }

        WriteLinkInfo(w, driver, spec.KindParameters, context);
    }
}
