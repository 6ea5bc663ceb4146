namespace IpipTools.Core.Netlink;

/// <summary>
/// An open nested attribute (IFLA_LINKINFO, IFLA_INFO_DATA, RTA_METRICS, ...) in a
/// <see cref="MessageWriter"/>: attributes written while it is open go inside it, and
/// disposing it writes its nla_len. Get one from <see cref="MessageWriter.Nested"/> with
/// <c>using var</c> (or a <c>using</c> block), so the nest is closed on every path out
/// of the code that fills it, exceptions included.
/// </summary>
/// <remarks>
/// A ref struct rather than a class or a closure (<c>Nested(type, w =&gt; ...)</c>):
/// batches encode thousands of requests, and a scope object or a capturing lambda would
/// put one or two allocations per nest on that path; this costs none. Being a ref
/// struct it also cannot be stored in a field or outlive the method that opened it.
/// </remarks>
public readonly ref struct NestedAttributeScope
{
    private readonly MessageWriter? _writer;
    private readonly int _start;
    private readonly int _depth;

    internal NestedAttributeScope(MessageWriter writer, int start, int depth)
    {
        _writer = writer;
        _start = start;
        _depth = depth;
    }

    /// <summary>Closes the nest: patches its nla_len to cover everything written since it was opened.</summary>
    public void Dispose() => _writer?.CloseNested(_start, _depth);
}
