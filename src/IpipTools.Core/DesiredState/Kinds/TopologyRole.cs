namespace IpipTools.Core.DesiredState;

/// <summary>How a topology declares and builds links of a kind; each kind's driver says which is its own.</summary>
internal enum TopologyRole
{
    /// <summary>Declared under Bridges: other links join it as ports.</summary>
    Bridge,

    /// <summary>Declared under Veths: made in one request together with its peer, which may live in another namespace.</summary>
    Pair,

    /// <summary>Declared under Tunnels, with its Mode: an IP tunnel with endpoints and kind-specific settings.</summary>
    Tunnel,
}
