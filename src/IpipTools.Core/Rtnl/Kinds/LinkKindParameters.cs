namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>The kind-specific part of a link (IFLA_INFO_DATA), one record type per kind.</summary>
public abstract record LinkKindParameters
{
    /// <summary>The IFLA_INFO_KIND string, e.g. "ipip".</summary>
    public abstract string Kind { get; }
}
