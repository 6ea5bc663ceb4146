namespace IpipTools.Core.Rtnl.Links;

/// <summary>RFC 2863 operational state (IF_OPER_*, linux/if.h).</summary>
public enum OperationalState : byte
{
    Unknown = 0,
    NotPresent = 1,
    Down = 2,
    LowerLayerDown = 3,
    Testing = 4,
    Dormant = 5,
    Up = 6,
}
