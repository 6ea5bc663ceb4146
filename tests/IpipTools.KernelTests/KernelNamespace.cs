using IpipTools.Core.Rtnl;

namespace IpipTools.KernelTests;

/// <summary>
/// The bench of a tunnel test: a throwaway namespace with one IpipTools connection into
/// it, made only where the harness vouches for a kernel with the tunnel drivers (the test
/// is skipped elsewhere). Deleted on dispose, whatever the test did.
/// </summary>
internal sealed class KernelNamespace : IDisposable
{
    private KernelNamespace(TestNamespace testNamespace)
    {
        Namespace = testNamespace;
        Client = testNamespace.Connect();
    }

    public TestNamespace Namespace { get; }

    /// <summary>The namespace's name, for the iproute2 oracle.</summary>
    public string Name => Namespace.Name;

    public RtnetlinkClient Client { get; }

    public static KernelNamespace Create(string prefix)
    {
        KernelTestEnvironment.RequireKernel();
        var testNamespace = new TestNamespace(prefix);
        try
        {
            return new KernelNamespace(testNamespace);
        }
        catch
        {
            testNamespace.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A device to bind tunnels to: one end of a veth pair whose other end stays here too,
    /// up, with the MTU asked for.
    /// </summary>
    public void AddUnderlay(string name = "under", int? mtu = null) =>
        TestNamespace.AddVethPair(Client, name, name + "p", mtu, peerUp: false);

    /// <summary>`ip -n NAME ARGS...`: iproute2 making something for IpipTools to read, or the oracle.</summary>
    public Command.Result Ip(params string[] arguments) => Namespace.Ip(arguments);

    public void Dispose()
    {
        Client.Dispose();
        Namespace.Dispose();
    }
}
