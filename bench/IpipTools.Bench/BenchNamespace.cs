using IpipTools.Core.Rtnl;
using IpipTools.TestSupport;

namespace IpipTools.Bench;

/// <summary>
/// A throwaway namespace with loopback up (the kernel checks onlink gateways against the
/// local table, which exists only once the namespace has an address) and a veth pair whose
/// both ends are up, as the device the routes go out of. Deleted on dispose.
/// </summary>
internal sealed class BenchNamespace : IDisposable
{
    public const string Device = "bench0";
    private const string Peer = "bench1";

    private readonly TestNamespace _namespace;

    public BenchNamespace(bool withDevice = true)
    {
        _namespace = new TestNamespace("bench");
        try
        {
            using var client = Connect();
            client.Links.SetUp("lo", true);
            if (withDevice)
            {
                TestNamespace.AddVethPair(client, Device, Peer);
            }
        }
        catch
        {
            _namespace.Dispose();
            throw;
        }
    }

    public string Name => _namespace.Name;

    public RtnetlinkClient Connect() => _namespace.Connect();

    /// <summary>
    /// Deleting the device first drops all its routes in one synchronous kernel call, so
    /// the namespace's teardown (asynchronous, in a kernel worker) does not compete with
    /// the next measurement for the CPU.
    /// </summary>
    public void Dispose()
    {
        try
        {
            using var client = Connect();
            if (client.Links.Find(Device) is not null)
            {
                client.Links.Delete(Device);
            }
        }
        finally
        {
            _namespace.Dispose();
        }
    }
}
