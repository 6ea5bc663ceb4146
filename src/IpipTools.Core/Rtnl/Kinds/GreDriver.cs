using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// IFLA_INFO_DATA of kind "gre" (IFLA_GRE_*, linux/if_tunnel.h), in the order of the
/// kernel's ipgre_fill_info: link, flags and keys, the shared IPv4-tunnel run
/// (<see cref="Ipv4TunnelAttributes"/>), PMTUDISC, fwmark, encapsulation, ignore-df,
/// collect-metadata. As with ipip, a change resets what it omits, so all is sent.
/// </summary>
internal sealed class GreDriver : Ipv4TunnelDriver<GreParameters>
{
    private const ushort LinkAttribute = 1;
    private const ushort InputFlagsAttribute = 2;
    private const ushort OutputFlagsAttribute = 3;
    private const ushort InputKeyAttribute = 4;
    private const ushort OutputKeyAttribute = 5;
    private const ushort IgnoreDontFragmentAttribute = 19;

    /// <summary>The names of a gre tunnel's keys (RFC 2890) as its own settings: iproute2's ikey and okey.</summary>
    private const string InputKeyOption = "InputKey";
    private const string OutputKeyOption = "OutputKey";

    // GRE header flag bits (linux/if_tunnel.h GRE_*), as they travel: big-endian.
    private const ushort ChecksumFlag = 0x8000;
    private const ushort KeyFlag = 0x2000;
    private const ushort SequenceFlag = 0x1000;

    /// <summary>IFLA_GRE_*: gre numbers the shared attributes its own way.</summary>
    private static readonly Ipv4TunnelAttributes Attributes = new(
        Link: LinkAttribute, Local: 6, Remote: 7, Ttl: 8, Tos: 9, PathMtuDiscovery: 10, FirewallMark: 20,
        EncapType: 14, EncapFlags: 15, EncapSourcePort: 16, EncapDestinationPort: 17, CollectMetadata: 18);

    public override string Kind => "gre";

    public override string KernelModule => "ip_gre";

    public override string KernelConfigOption => "CONFIG_NET_IPGRE";

    /// <summary>The keys (RFC 2890) as iproute2's ikey and okey; the checksum and sequence flags are not described.</summary>
    public override IReadOnlyList<KindSetting> OwnSettings { get; } =
    [
        Setting(InputKeyOption, 0, uint.MaxValue, gre => gre.InputKey, (gre, key) => gre with { InputKey = (uint?)key }),
        Setting(OutputKeyOption, 0, uint.MaxValue, gre => gre.OutputKey, (gre, key) => gre with { OutputKey = (uint?)key }),
    ];

    public override void WriteInfoData(MessageWriter writer, GreParameters gre, LinkEncodingContext context)
    {
        Validate(gre);
        writer.AddUInt32(LinkAttribute, (uint)gre.UnderlayIndex);
        writer.AddUInt16BigEndian(InputFlagsAttribute, Flags(gre.InputChecksum, gre.InputKey, gre.InputSequence));
        writer.AddUInt16BigEndian(OutputFlagsAttribute, Flags(gre.OutputChecksum, gre.OutputKey, gre.OutputSequence));
        TunnelKey.Write(writer, InputKeyAttribute, gre.InputKey);
        TunnelKey.Write(writer, OutputKeyAttribute, gre.OutputKey);
        Attributes.WriteEndpoints(writer, gre);
        Attributes.WritePathMtuDiscovery(writer, gre);
        writer.AddUInt32(Attributes.FirewallMark, gre.FirewallMark);
        Attributes.WriteEncapsulation(writer, gre);
        writer.AddByte(IgnoreDontFragmentAttribute, gre.IgnoreDontFragment ? (byte)1 : (byte)0);
        Attributes.WriteCollectMetadata(writer, gre);
    }

    public override GreParameters Read(AttributeList? data)
    {
        if (data is null)
        {
            return new GreParameters();
        }

        var input = data.TryGet(InputFlagsAttribute, out var i) ? i.AsUInt16BigEndian() : (ushort)0;
        var output = data.TryGet(OutputFlagsAttribute, out var o) ? o.AsUInt16BigEndian() : (ushort)0;
        return Attributes.Read(data, new GreParameters
        {
            InputKey = (input & KeyFlag) != 0 ? TunnelKey.Read(data, InputKeyAttribute) : null,
            OutputKey = (output & KeyFlag) != 0 ? TunnelKey.Read(data, OutputKeyAttribute) : null,
            InputChecksum = (input & ChecksumFlag) != 0,
            OutputChecksum = (output & ChecksumFlag) != 0,
            InputSequence = (input & SequenceFlag) != 0,
            OutputSequence = (output & SequenceFlag) != 0,
            IgnoreDontFragment = (data.GetByte(IgnoreDontFragmentAttribute) ?? 0) != 0,
        });
    }

    private static ushort Flags(bool checksum, uint? key, bool sequence) =>
        (ushort)((checksum ? ChecksumFlag : 0) | (key is null ? 0 : KeyFlag) | (sequence ? SequenceFlag : 0));

    private static void Validate(GreParameters gre)
    {
        Ipv4TunnelAttributes.RequireIPv4Endpoints(gre);
        if (gre.IgnoreDontFragment && gre.PathMtuDiscovery)
        {
            // ipgre_netlink_parms answers EINVAL without a message for this pair.
            throw new IpipToolsException(
                "Ignoring DF and path MTU discovery cannot go together: discovery sets DF on every outer packet.",
                "ConflictingTunnelOptions", IpipErrorCategory.InvalidArgument,
                "Turn path MTU discovery off to ignore DF, or keep DF.", Ipv4TunnelAttributes.Describe(gre));
        }
    }
}
