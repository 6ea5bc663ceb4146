using System.Runtime.InteropServices;

namespace IpipTools.Core.Netlink;

/// <summary><c>struct nlmsghdr</c>: the 16 bytes in front of every netlink message.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct NetlinkMessageHeader
{
    public const int Size = 16;

    public uint Length;
    public ushort Type;
    public NetlinkFlags Flags;
    public uint Sequence;
    public uint PortId;
}

/// <summary>The nlmsg_type values below NLMSG_MIN_TYPE that netlink itself defines.</summary>
public static class NetlinkMessageType
{
    public const ushort Noop = 1;
    public const ushort Error = 2;
    public const ushort Done = 3;
    public const ushort Overrun = 4;

    /// <summary>Types below this are control messages, above are the protocol's own.</summary>
    public const ushort MinimumProtocolType = 0x10;
}

/// <summary>nlmsg_flags. Several bits mean different things for GET, NEW and DELETE requests.</summary>
[Flags]
public enum NetlinkFlags : ushort
{
    None = 0,
    Request = 0x01,
    Multi = 0x02,
    Ack = 0x04,
    Echo = 0x08,
    DumpInterrupted = 0x10,
    DumpFiltered = 0x20,

    // GET requests
    Root = 0x100,
    Match = 0x200,
    Atomic = 0x400,
    Dump = Root | Match,

    // NEW requests
    Replace = 0x100,
    Exclusive = 0x200,
    Create = 0x400,
    Append = 0x800,

    // ACK messages
    Capped = 0x100,
    AckTlvs = 0x200,
}
