namespace IpipTools.Core.Xfrm;

/// <summary>
/// The keys of a new state, kept apart from <see cref="XfrmState"/> so that no state object,
/// and nothing made from one (a view, a serialized copy, an error's target), can carry them.
/// A key left null is empty (the null cipher takes none). Disposing zeroes them.
/// </summary>
public sealed class XfrmStateKeys : IDisposable
{
    public XfrmKey? Aead { get; init; }

    public XfrmKey? Encryption { get; init; }

    public XfrmKey? Authentication { get; init; }

    public override string ToString() => "(keys, not shown)";

    public void Dispose()
    {
        Aead?.Dispose();
        Encryption?.Dispose();
        Authentication?.Dispose();
    }
}
