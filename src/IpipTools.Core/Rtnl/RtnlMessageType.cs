namespace IpipTools.Core.Rtnl;

/// <summary>rtnetlink message types (linux/rtnetlink.h).</summary>
public static class RtnlMessageType
{
    public const ushort NewLink = 16;
    public const ushort DeleteLink = 17;
    public const ushort GetLink = 18;
    public const ushort SetLink = 19;
    public const ushort NewAddress = 20;
    public const ushort DeleteAddress = 21;
    public const ushort GetAddress = 22;
    public const ushort NewRoute = 24;
    public const ushort DeleteRoute = 25;
    public const ushort GetRoute = 26;
    public const ushort NewNeighbor = 28;
    public const ushort DeleteNeighbor = 29;
    public const ushort GetNeighbor = 30;
    public const ushort NewRule = 32;
    public const ushort DeleteRule = 33;
    public const ushort GetRule = 34;
}
