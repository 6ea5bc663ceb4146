using System.Buffers.Binary;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// A tunnel key (RFC 2890 for gre; the xfrm mark for vti) as the kernel carries it: __be32,
/// so key 42 is 00 00 00 2a on the wire and iproute2 shows it as 0.0.0.42.
/// </summary>
internal static class TunnelKey
{
    public static void Write(MessageWriter writer, ushort type, uint? key)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, key ?? 0);
        writer.AddAttribute(type, payload);
    }

    public static uint Read(AttributeList data, ushort type) =>
        data.TryGet(type, out var key) ? key.AsUInt32BigEndian() : 0;
}
