using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.TestSupport;

namespace IpipTools.Core.Tests;

/// <summary>
/// The starting point of most address and route tests: a throwaway namespace with
/// a veth pair va — vb, both up, optionally an address on va, and a connection
/// into it (optionally recording every datagram). If building it fails, the
/// namespace is removed all the same.
/// </summary>
internal sealed class VethNamespace : IDisposable
{
    private VethNamespace(TestNamespace ns, RtnetlinkClient client, RecordingNetlinkTransport? recorder)
    {
        Namespace = ns;
        Client = client;
        Recorder = recorder;
    }

    public TestNamespace Namespace { get; }

    public string Name => Namespace.Name;

    public RtnetlinkClient Client { get; }

    /// <summary>The datagrams sent and received, when created with <c>record: true</c>.</summary>
    public RecordingNetlinkTransport? Recorder { get; }

    /// <param name="address">An address for va, like "10.1.0.1/24"; null for none.</param>
    /// <param name="maxSendSize">With <paramref name="record"/>, caps the datagram size (see <see cref="RecordingNetlinkTransport"/>).</param>
    public static VethNamespace Create(string prefix, string? address = "10.1.0.1/24", bool record = false, int? maxSendSize = null)
    {
        var ns = new TestNamespace(prefix);
        try
        {
            var (client, recorder) = record ? RecordingClient.Open(ns.Namespace, maxSendSize) : (ns.Connect(), null);
            TestNamespace.AddVethPair(client, "va", "vb");
            if (address is not null)
            {
                var parts = address.Split('/');
                client.Addresses.Add(new InterfaceAddress("va", IPAddress.Parse(parts[0]), byte.Parse(parts[1])));
            }

            LinkSettling.Wait(client);
            return new VethNamespace(ns, client, recorder);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Namespace.Dispose();
    }
}
