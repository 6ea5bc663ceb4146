using IpipTools.Core.Errors;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>
/// The shape of every error test: iproute2's view of the namespace before, the
/// refused operation, the same view after. Returns the error for the test to check
/// its id and words.
/// </summary>
internal static class NothingLeftBehind
{
    public static TException Assert<TException>(TestNamespace ns, Action refused)
        where TException : IpipToolsException
    {
        var before = NamespaceSnapshot.Of(ns.Name);

        var error = Xunit.Assert.Throws<TException>(refused);

        Xunit.Assert.Equal(before, NamespaceSnapshot.Of(ns.Name));
        return error;
    }
}
