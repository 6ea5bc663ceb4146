namespace IpipTools.Core.Rtnl.Links;

/// <summary>IFLA_* attribute types (linux/if_link.h) that IpipTools reads or writes.</summary>
public static class LinkAttribute
{
    public const ushort Address = 1;
    public const ushort Broadcast = 2;
    public const ushort Name = 3;
    public const ushort Mtu = 4;
    public const ushort Link = 5;
    public const ushort Master = 10;
    public const ushort OperationalState = 16;
    public const ushort LinkInfo = 18;
    public const ushort NetNamespacePid = 19;
    public const ushort Alias = 20;
    public const ushort Stats64 = 23;
    public const ushort NetNamespaceFd = 28;
    public const ushort ExtendedMask = 29;
    public const ushort Carrier = 33;
    public const ushort LinkNetNamespaceId = 37;
    public const ushort MinMtu = 50;
    public const ushort MaxMtu = 51;

    /// <summary>IFLA_INFO_* inside IFLA_LINKINFO.</summary>
    public static class Info
    {
        public const ushort Kind = 1;
        public const ushort Data = 2;
        public const ushort SlaveKind = 4;
    }
}
