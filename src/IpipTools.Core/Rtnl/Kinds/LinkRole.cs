namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>How links of a kind stand to other links when a set of them is built; each kind's driver says which is its own.</summary>
internal enum LinkRole
{
    /// <summary>Other links join it as ports.</summary>
    Bridge,

    /// <summary>Made in one request together with its peer, which may live in another namespace.</summary>
    Pair,

    /// <summary>An IP tunnel with endpoints and kind-specific settings, over an underlay.</summary>
    Tunnel,
}
