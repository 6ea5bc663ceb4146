using System.Runtime.InteropServices;

namespace IpipTools.Core.Rtnl.Addresses;

/// <summary><c>struct ifaddrmsg</c> (linux/if_addr.h), 8 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct IfAddrMessage
{
    public byte Family;
    public byte PrefixLength;
    public byte Flags;
    public byte Scope;
    public int Index;
}

/// <summary>IFA_* attribute types (linux/if_addr.h).</summary>
public static class AddressAttribute
{
    public const ushort Address = 1;
    public const ushort Local = 2;
    public const ushort Label = 3;
    public const ushort Broadcast = 4;
    public const ushort CacheInfo = 6;
    public const ushort Flags = 8;

    /// <summary>IFA_PROTO (Linux 6.1+): who added the address, as rtm_protocol says it for routes.</summary>
    public const ushort Protocol = 11;
}
