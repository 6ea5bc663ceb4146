using IpipTools.Core.Fixtures;
using IpipTools.Core.Rtnl;
using IpipTools.TestSupport;

namespace IpipTools.Bench;

/// <summary>
/// A throwaway namespace with loopback up (the kernel checks onlink gateways against the
/// local table, which exists only once the namespace has an address) and a veth pair whose
/// both ends are up, as the device the routes go out of: the core's <see cref="NamespaceFixture"/>
/// (the one throwaway-namespace maker) with the bench's device, and a teardown ordered for
/// measurements. Deleted on dispose.
/// </summary>
internal sealed class BenchNamespace : IDisposable
{
    public const string Device = "bench0";
    private const string Peer = "bench1";

    private readonly NamespaceFixture _namespace;

    public BenchNamespace(bool withDevice = true)
    {
        _namespace = NamespaceFixture.Create("bench");
        try
        {
            using var client = Connect();
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

    public string Name => _namespace.Namespace;

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
