namespace IpipTools.Core.Xfrm;

/// <summary>XFRM_POLICY_IN/OUT/FWD: which traffic a policy applies to.</summary>
public enum XfrmDirection : byte
{
    /// <summary>Packets delivered to this host.</summary>
    In = 0,

    /// <summary>Packets this host sends.</summary>
    Out = 1,

    /// <summary>Packets this host forwards (ip's "fwd").</summary>
    Forward = 2,
}
