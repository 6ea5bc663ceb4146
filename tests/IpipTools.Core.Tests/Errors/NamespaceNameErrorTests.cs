using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>
/// Namespace names become file names under /run/netns; anything that could leave
/// that directory (or is not a file name at all) is refused before the file system
/// is touched, for create, delete and open alike.
/// </summary>
public sealed class NamespaceNameErrorTests
{
    public static TheoryData<string, string> BadNames => new()
    {
        { "", "is empty" },
        { ".", "would name the directory itself or its parent" },
        { "..", "would name the directory itself or its parent" },
        { "a/b", "contains '/'" },
        { "x\0y", "contains a NUL character" },
        { "tab\tname", "contains a control character" },
        { new string('n', 256), "is 256 bytes long; the limit is 255" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void BadNameIsRefusedForCreateDeleteAndOpen(string name, string problem)
    {
        var create = Assert.Throws<IpipToolsException>(() => NetNamespaceStore.Create(name));
        var delete = Assert.Throws<IpipToolsException>(() => NetNamespaceStore.Delete(name));
        var named = Assert.Throws<IpipToolsException>(() => NetNamespace.Named(name));

        foreach (var error in new[] { create, delete, named })
        {
            Assert.Equal("InvalidNamespaceName", error.ErrorId);
            Assert.Equal(IpipErrorCategory.InvalidArgument, error.Category);
            Assert.Contains(problem, error.Message);
        }
    }

    [Fact]
    public void EscapingNameTouchesNothingOutsideTheDirectory()
    {
        var outside = $"ipt-escape-{Guid.NewGuid():N}"[..20];
        var escaped = Path.Combine("/run", outside);
        var error = Assert.Throws<IpipToolsException>(() => NetNamespaceStore.Create($"../{outside}"));
        Assert.Contains("which would leave /run/netns", error.Message);
        Assert.False(File.Exists(escaped), "create made a file outside /run/netns");

        File.WriteAllText(escaped, "not a namespace");
        try
        {
            Assert.Throws<IpipToolsException>(() => NetNamespaceStore.Delete($"../{outside}"));
            Assert.Throws<IpipToolsException>(() => RtnetlinkClient.Open(".."));
            Assert.Equal("not a namespace", File.ReadAllText(escaped));
        }
        finally
        {
            File.Delete(escaped);
        }
    }

    [Fact]
    public void LongestLegalNameIsAccepted()
    {
        var name = new string('n', NetNamespace.MaxNameBytes);

        Assert.Equal(Path.Combine(NetNamespaceStore.Directory, name), NetNamespace.Named(name).Path);
    }

    [Fact]
    public void NameTakenIsRefusedAndTheFirstStaysUsable()
    {
        using var ns = new TestNamespace("err");
        var id = NamespaceThread.NamespaceId(ns.Namespace);

        var error = Assert.Throws<IpipToolsException>(() => NetNamespaceStore.Create(ns.Name));

        Assert.Equal("NamespaceExists", error.ErrorId);
        Assert.Equal($"Network namespace '{ns.Name}' already exists (/run/netns/{ns.Name}).", error.Message);
        Assert.Equal(id, NamespaceThread.NamespaceId(ns.Namespace));
    }
}
