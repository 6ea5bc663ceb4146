using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// IFLA_INFO_DATA of kind "vti" (IFLA_VTI_*, linux/if_tunnel.h), in the order of the kernel's
/// vti_fill_info: link, ikey, okey, local, remote, fwmark. As with the other tunnels a change
/// resets what it omits, so all is sent. What vti lacks (TTL, TOS, path MTU discovery,
/// encapsulation, external mode) is refused rather than silently dropped.
/// </summary>
internal sealed class VtiDriver : Ipv4TunnelDriver<VtiParameters>
{
    private const ushort LinkAttribute = 1;
    private const ushort InputKeyAttribute = 2;
    private const ushort OutputKeyAttribute = 3;
    private const ushort LocalAttribute = 4;
    private const ushort RemoteAttribute = 5;
    private const ushort FirewallMarkAttribute = 6;

    private static readonly VtiParameters Defaults = new();

    public override string Kind => "vti";

    public override string KernelModule => "ip_vti";

    public override string KernelConfigOption => "CONFIG_NET_IPVTI";

    /// <summary>The keys as iproute2's ikey and okey, by the same names as a gre tunnel's.</summary>
    public override IReadOnlyList<KindSetting> OwnSettings { get; } =
    [
        Setting("InputKey", 0, uint.MaxValue, vti => vti.InputKey, (vti, key) => vti with { InputKey = key is 0 ? null : (uint?)key }),
        Setting("OutputKey", 0, uint.MaxValue, vti => vti.OutputKey, (vti, key) => vti with { OutputKey = key is 0 ? null : (uint?)key }),
    ];

    public override void WriteInfoData(MessageWriter writer, VtiParameters vti, LinkEncodingContext context)
    {
        Validate(vti);
        writer.AddUInt32(LinkAttribute, (uint)vti.UnderlayIndex);
        TunnelKey.Write(writer, InputKeyAttribute, vti.InputKey);
        TunnelKey.Write(writer, OutputKeyAttribute, vti.OutputKey);
        writer.AddAddress(LocalAttribute, vti.Local ?? System.Net.IPAddress.Any);
        writer.AddAddress(RemoteAttribute, vti.Remote ?? System.Net.IPAddress.Any);
        writer.AddUInt32(FirewallMarkAttribute, vti.FirewallMark);
    }

    public override VtiParameters Read(AttributeList? data) =>
        data is null
            ? new VtiParameters()
            : new VtiParameters
            {
                UnderlayIndex = (int)(data.GetUInt32(LinkAttribute) ?? 0),
                InputKey = NullIfZero(TunnelKey.Read(data, InputKeyAttribute)),
                OutputKey = NullIfZero(TunnelKey.Read(data, OutputKeyAttribute)),
                Local = Ipv4TunnelAttributes.NullIfAny(data.GetAddress(LocalAttribute)),
                Remote = Ipv4TunnelAttributes.NullIfAny(data.GetAddress(RemoteAttribute)),
                FirewallMark = data.GetUInt32(FirewallMarkAttribute) ?? 0,
            };

    private static uint? NullIfZero(uint key) => key == 0 ? null : key;

    private static void Validate(VtiParameters vti)
    {
        Ipv4TunnelAttributes.RequireIPv4Endpoints(vti);
        var unsupported = vti.Ttl != Defaults.Ttl ? "TTL"
            : vti.Tos != Defaults.Tos ? "TOS"
            : vti.PathMtuDiscovery != Defaults.PathMtuDiscovery ? "path MTU discovery setting"
            : vti.Encapsulation != Defaults.Encapsulation ? "encapsulation"
            : vti.CollectMetadata ? "external (collect metadata) mode"
            : null;
        if (unsupported is not null)
        {
            // vti_netlink_parms reads none of these: the kernel would make the tunnel without them.
            throw new IpipToolsException($"vti tunnels take no {unsupported}: the kernel would make the tunnel without it.",
                "UnsupportedTunnelOption", IpipErrorCategory.InvalidArgument,
                "Leave -Ttl, -Tos and -PathMtuDiscovery out for a vti tunnel, or use a gre or ipip tunnel.", Ipv4TunnelAttributes.Describe(vti));
        }
    }
}
