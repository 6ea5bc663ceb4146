using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Module.Tests.Core;

/// <summary>What the module's one ErrorRecord helper copies: id, category by errno, target, kernel text, action.</summary>
public sealed class ErrorReportTests
{
    [Theory]
    [InlineData(Errno.EEXIST, nameof(IpipErrorCategory.ResourceExists))]
    [InlineData(Errno.ENOENT, nameof(IpipErrorCategory.ObjectNotFound))]
    [InlineData(Errno.ENODEV, nameof(IpipErrorCategory.ObjectNotFound))]
    [InlineData(Errno.EPERM, nameof(IpipErrorCategory.PermissionDenied))]
    [InlineData(Errno.EINVAL, nameof(IpipErrorCategory.InvalidArgument))]
    [InlineData(Errno.EOPNOTSUPP, nameof(IpipErrorCategory.NotInstalled))]
    public void ErrnoBecomesThePowerShellCategory(int errno, string category)
    {
        var report = ErrorReport.From(new NetlinkException("create ipip link 't1'", errno, kernelMessage: "Unknown device type"));
        Assert.Equal(category, report.CategoryName);
    }

    [Fact]
    public void AnExplainedNetlinkFailureKeepsIdTargetKernelTextAndAction()
    {
        var e = new NetlinkException("create ipip link 'ipipx'", Errno.EEXIST, "File exists")
            .Explain("the fallback device 'tunl0' already holds that empty parameter set", "Give the tunnel a local or remote address.", "TunnelParametersTaken", "ipipx");
        var report = ErrorReport.From(e);
        Assert.Equal("TunnelParametersTaken", report.ErrorId);
        Assert.Equal("ipipx", report.Target);
        Assert.Equal("File exists", report.KernelMessage);
        Assert.Contains("Kernel says: \"File exists\"", report.Message);
        Assert.Contains("tunl0", report.Message);
        Assert.Equal("Give the tunnel a local or remote address.", report.RecommendedAction);
    }

    [Fact]
    public void OtherFailuresAreReportedToo()
    {
        Assert.Equal(nameof(IpipErrorCategory.PermissionDenied), ErrorReport.From(new UnauthorizedAccessException("no")).CategoryName);
        Assert.Equal(nameof(IpipErrorCategory.ObjectNotFound), ErrorReport.From(new FileNotFoundException("gone", "/x")).CategoryName);
        Assert.True(ErrorReport.IsReportable(new IOException()));
        Assert.False(ErrorReport.IsReportable(new NullReferenceException()));
    }
}
