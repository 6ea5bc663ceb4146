using System.Net;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Reliability.Tests.BadInput;

/// <summary>
/// The state every bad input is tried against, made once for the whole table: namespace A
/// with loopback up, veth bi0 (its peer bi1 in namespace B) up with 10.60.0.1/24, a route
/// 10.61.0.0/24 via 10.60.0.254, a bridge bibr that is up and one, bidown, that is down.
/// </summary>
public sealed class BadInputFixture : IDisposable
{
    public BadInputFixture()
    {
        A = new TestNamespace("bad");
        B = new TestNamespace("bad");
        using var client = A.Connect();
        client.Links.SetUp("lo", true);
        client.Links.Add(new LinkSpec("bi0", new VethParameters("bi1", B.Namespace)) { Up = true });
        using (var peer = B.Connect())
        {
            peer.Links.SetUp("bi1", true);
        }

        client.Links.Add(new LinkSpec("bibr", new BridgeParameters()) { Up = true });
        client.Links.Add(new LinkSpec("bidown", new BridgeParameters()));
        client.Addresses.Add(new AddressSpec("bi0", IPAddress.Parse("10.60.0.1"), 24));
        client.Routes.Add(new Route(IPNetwork.Parse("10.61.0.0/24")) { Gateway = IPAddress.Parse("10.60.0.254"), Device = "bi0" });
        WaitUntilSettled();
    }

    public TestNamespace A { get; }

    public TestNamespace B { get; }

    /// <summary>The state of both namespaces (see <see cref="StateSnapshot"/>).</summary>
    public string Snapshot() => StateSnapshot.Of(A.Name, B.Name);

    /// <summary>
    /// A veth's carrier and operational state follow its peer a moment later (the kernel's
    /// link watch runs on its own); until they settle, a snapshot taken before a row would
    /// differ from one taken after it for no fault of the row.
    /// </summary>
    private void WaitUntilSettled()
    {
        // The link watch needs the RTNL lock, which other tests in this process may keep
        // busy: wait for the veth ends to report up first, then for the whole state to hold.
        using (var a = A.Connect())
        using (var b = B.Connect())
        {
            for (var waited = 0; waited < 200 && (a.Links.Get("bi0").OperationalState != OperationalState.Up || b.Links.Get("bi1").OperationalState != OperationalState.Up); waited++)
            {
                Thread.Sleep(50);
            }
        }

        var previous = Snapshot();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            Thread.Sleep(200);
            var current = Snapshot();
            if (current == previous)
            {
                return;
            }

            previous = current;
        }

        Assert.Fail("the namespaces kept changing for 10 s after the fixture was built");
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
