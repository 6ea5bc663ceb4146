using System.Runtime.InteropServices;

namespace IpipTools.Core.Rtnl.Links;

/// <summary><c>struct ifinfomsg</c> (linux/rtnetlink.h), 16 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct IfInfoMessage
{
    public byte Family;
    public byte Padding;
    public ushort DeviceType;
    public int Index;
    public LinkFlags Flags;
    public LinkFlags Change;
}
