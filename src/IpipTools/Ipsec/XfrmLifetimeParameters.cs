using IpipTools.Core.Xfrm;

namespace IpipTools.Ipsec;

/// <summary>The lifetime parameters New-XfrmState and Set-XfrmState share, and the lifetime they make.</summary>
internal interface IXfrmLifetimeParameters
{
    TimeSpan? SoftLifetime { get; }

    TimeSpan? HardLifetime { get; }

    ulong? SoftByteLimit { get; }

    ulong? HardByteLimit { get; }

    ulong? SoftPacketLimit { get; }

    ulong? HardPacketLimit { get; }
}

internal static class XfrmLifetimeParameters
{
    /// <summary><paramref name="current"/> with what was given put in its place.</summary>
    public static XfrmLifetime Apply(this IXfrmLifetimeParameters given, XfrmLifetime current) => current with
    {
        SoftLifetime = given.SoftLifetime ?? current.SoftLifetime,
        HardLifetime = given.HardLifetime ?? current.HardLifetime,
        SoftByteLimit = given.SoftByteLimit ?? current.SoftByteLimit,
        HardByteLimit = given.HardByteLimit ?? current.HardByteLimit,
        SoftPacketLimit = given.SoftPacketLimit ?? current.SoftPacketLimit,
        HardPacketLimit = given.HardPacketLimit ?? current.HardPacketLimit,
    };
}
