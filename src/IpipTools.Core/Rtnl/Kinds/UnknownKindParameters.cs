namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// A kind IpipTools has no driver for: only the kind's name is kept, not its IFLA_INFO_DATA,
/// so such a link can be listed and matched by kind, but its kind-specific settings are not shown.
/// </summary>
public sealed record UnknownKindParameters(string KindName) : LinkKindParameters
{
    public override string Kind => KindName;
}
