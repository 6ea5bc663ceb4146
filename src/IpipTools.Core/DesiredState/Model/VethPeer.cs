namespace IpipTools.Core.DesiredState;

/// <summary>The other end of a veth pair: its name and the namespace it lives in ("" for the current one).</summary>
public sealed record VethPeer(string Name, string Namespace);
