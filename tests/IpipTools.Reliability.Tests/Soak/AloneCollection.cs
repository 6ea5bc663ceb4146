using Xunit;

namespace IpipTools.Reliability.Tests.Soak;

/// <summary>
/// Tests that count the whole process's file descriptors and threads: they run after the
/// parallel tests and with nothing else running, so no other test's sockets or threads skew
/// the counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = nameof(AloneCollection);
}
