using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.TestSupport;

namespace IpipTools.Module.Tests.Core;

/// <summary>Enter-/Exit-NetNamespace's core: a per-session stack of defaults; no thread moves.</summary>
public sealed class NamespaceSessionTests
{
    [Fact]
    public void EnterPushesExitPopsAndResolveUsesTheTop()
    {
        using var a = new TestNamespace();
        using var b = new TestNamespace();
        var session = new object();
        var thread = NamespaceThread.CurrentThreadNamespaceId();

        Assert.True(NamespaceSession.For(session).Resolve(null).IsCallerNamespace);
        NamespaceSession.For(session).Enter(a.Name);
        NamespaceSession.For(session).Enter(b.Name);
        Assert.Equal(b.Name, NamespaceSession.For(session).Resolve(null).Name);
        Assert.Equal(a.Name, NamespaceSession.For(session).Resolve(a.Name).Name);
        Assert.Equal(new[] { b.Name, a.Name }, NamespaceSession.For(session).Entered.Select(n => n.Name));

        Assert.Equal(a.Name, NamespaceSession.For(session).Exit().Name);
        Assert.True(NamespaceSession.For(session).Exit().IsCallerNamespace);
        Assert.Equal(thread, NamespaceThread.CurrentThreadNamespaceId());
    }

    [Fact]
    public void SessionsAreIndependent()
    {
        using var a = new TestNamespace();
        var one = new object();
        var two = new object();
        NamespaceSession.For(one).Enter(a.Name);
        Assert.True(NamespaceSession.For(two).Resolve(null).IsCallerNamespace);
        Assert.Equal(a.Name, NamespaceSession.For(one).Resolve("").Name);
    }

    [Fact]
    public void ExitWithNothingEnteredIsAnInvalidOperation()
    {
        var e = Assert.Throws<IpipToolsException>(() => NamespaceSession.For(new object()).Exit());
        Assert.Equal("NoNamespaceEntered", e.ErrorId);
        Assert.Equal(IpipErrorCategory.InvalidOperation, e.Category);
    }

    [Fact]
    public void EnteringAMissingNamespaceFailsAtOnce()
    {
        var session = new object();
        var e = Assert.Throws<IpipToolsException>(() => NamespaceSession.For(session).Enter("ipt-missing-namespace"));
        Assert.Equal("NamespaceNotFound", e.ErrorId);
        Assert.Empty(NamespaceSession.For(session).Entered);
    }

    /// <summary>Leaving an entered shell with exit takes the session back to the depth it was entered at.</summary>
    [Fact]
    public void ExitToLeavesEverythingAboveTheGivenDepth()
    {
        using var a = new TestNamespace();
        using var b = new TestNamespace();
        var session = NamespaceSession.For(new object());
        session.Enter(a.Name);
        session.Enter(b.Name);
        Assert.Equal(2, session.Depth);

        session.ExitTo(1);
        Assert.Equal(a.Name, session.Current.Name);
        session.ExitTo(1);
        Assert.Equal(1, session.Depth);
        session.ExitTo(-1);
        Assert.Equal(0, session.Depth);
        Assert.True(session.Current.IsCallerNamespace);
    }
}
