using IpipTools.Core.Netlink;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// Real kernel replies round-trip through our message objects byte for byte: the
/// stored captures (Golden/kernel-*.bin, see <see cref="KernelCapture"/>) and a fresh
/// capture from whatever kernel runs the tests. Set IPIPTOOLS_GOLDEN_OUT to a
/// directory to write a fresh set of captures there.
/// </summary>
public sealed class KernelCaptureRoundTripTests
{
    public static TheoryData<string> StoredFiles => new(KernelCapture.Files);

    [Theory]
    [MemberData(nameof(StoredFiles))]
    public void StoredCaptureRoundTrips(string file)
    {
        var bytes = GoldenFiles.Read(file);

        Assert.NotEmpty(NetlinkMessage.ParseAll(bytes));
        MessageObjects.AssertSameBytes(bytes, MessageObjects.ReEmit(bytes));
    }

    [Fact]
    public void FreshCaptureRoundTrips()
    {
        var (files, received) = KernelCapture.Run();

        foreach (var datagram in received)
        {
            MessageObjects.AssertSameBytes(datagram, MessageObjects.ReEmit(datagram));
        }

        Assert.Equal(KernelCapture.Files.Order(), files.Keys.Order());
        if (Environment.GetEnvironmentVariable("IPIPTOOLS_GOLDEN_OUT") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(directory, name), bytes);
            }
        }
    }
}
