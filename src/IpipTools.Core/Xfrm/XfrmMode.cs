namespace IpipTools.Core.Xfrm;

/// <summary>XFRM_MODE_*: how a state wraps a packet.</summary>
public enum XfrmMode : byte
{
    /// <summary>Protects the payload; the original IP header stays (host to host).</summary>
    Transport = 0,

    /// <summary>Wraps the whole packet in a new IP header between the state's endpoints (gateway to gateway, vti).</summary>
    Tunnel = 1,

    RouteOptimization = 2,
    InTrigger = 3,

    /// <summary>Bound End-to-End Tunnel: tunnel semantics with transport-mode overhead.</summary>
    Beet = 4,
}
