using IpipTools.Core.Commands;
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

        Assert.True(NamespaceCommands.Resolve(session, null).IsCallerNamespace);
        NamespaceCommands.Enter(session, a.Name);
        NamespaceCommands.Enter(session, b.Name);
        Assert.Equal(b.Name, NamespaceCommands.Resolve(session, null).Name);
        Assert.Equal(a.Name, NamespaceCommands.Resolve(session, a.Name).Name);
        Assert.Equal(new[] { b.Name, a.Name }, NamespaceSession.For(session).Entered.Select(n => n.Name));

        Assert.Equal(a.Name, NamespaceCommands.Exit(session).Name);
        Assert.True(NamespaceCommands.Exit(session).IsCallerNamespace);
        Assert.Equal(thread, NamespaceThread.CurrentThreadNamespaceId());
    }

    [Fact]
    public void SessionsAreIndependent()
    {
        using var a = new TestNamespace();
        var one = new object();
        var two = new object();
        NamespaceCommands.Enter(one, a.Name);
        Assert.True(NamespaceCommands.Resolve(two, null).IsCallerNamespace);
        Assert.Equal(a.Name, NamespaceCommands.Resolve(one, "").Name);
    }

    [Fact]
    public void ExitWithNothingEnteredIsAnInvalidOperation()
    {
        var e = Assert.Throws<IpipToolsException>(() => NamespaceCommands.Exit(new object()));
        Assert.Equal("NoNamespaceEntered", e.ErrorId);
        Assert.Equal(IpipErrorCategory.InvalidOperation, e.Category);
    }

    [Fact]
    public void EnteringAMissingNamespaceFailsAtOnce()
    {
        var session = new object();
        var e = Assert.Throws<IpipToolsException>(() => NamespaceCommands.Enter(session, "ipt-missing-namespace"));
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
