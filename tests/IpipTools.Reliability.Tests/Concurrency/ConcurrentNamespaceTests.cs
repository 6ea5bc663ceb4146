using System.Net;
using IpipTools.Core.Model;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Reliability.Tests.Concurrency;

/// <summary>
/// Eight threads, each with its own namespace and its own connection, all using the same
/// link name, each adding and deleting an address and an onlink route 500 times and
/// replacing its link (bridge and veth in turn) as it goes, checking every result with a
/// dump. The addresses and routes carry the thread's number, so anything that crossed
/// namespaces would show up in another thread's dumps, and a link made in the wrong
/// namespace would collide by name.
/// </summary>
public sealed class ConcurrentNamespaceTests
{
    private const int Threads = 8;
    private const int Iterations = 500;
    private const string Device = "cx0";

    /// <summary>
    /// Deleting a link waits for an RCU grace period under the global RTNL lock (about
    /// 20 ms here), so 4,000 link deletions would take minutes: CI replaces the link every
    /// 25th iteration; IPIPTOOLS_RELIABILITY_FULL=1 does it on every one.
    /// </summary>
    private static readonly int LinkEvery = Environment.GetEnvironmentVariable("IPIPTOOLS_RELIABILITY_FULL") == "1" ? 1 : 25;

    [Fact]
    public void EightNamespacesChangedAtOnceNeverSeeEachOther()
    {
        var namespaces = Enumerable.Range(0, Threads).Select(_ => new TestNamespace("conc")).ToList();
        try
        {
            var failures = new Exception?[Threads];
            var start = new Barrier(Threads);
            var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    Work(t, namespaces[t]);
                }
                catch (Exception e)
                {
                    failures[t] = e;
                }
            }) { Name = $"concurrency worker {t}" }).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => Assert.True(w.Join(TimeSpan.FromMinutes(5)), $"{w.Name} did not finish"));
            Assert.All(failures, (failure, t) => Assert.True(failure is null, $"thread {t}: {failure}"));

            for (var t = 0; t < Threads; t++)
            {
                using var client = namespaces[t].Connect();
                var links = client.Links.List();
                Assert.Equal(1, links.Count(l => l.Name == Device));
                Assert.DoesNotContain(client.Addresses.List(), a => a.Address.ToString().StartsWith("10.200.", StringComparison.Ordinal));
                Assert.DoesNotContain(client.Routes.List(new RouteQuery { Table = null }), r => r.Gateway is not null);
            }
        }
        finally
        {
            namespaces.ForEach(n => n.Dispose());
        }
    }

    private static void Work(int thread, TestNamespace ns)
    {
        using var client = ns.Connect();
        client.Links.SetUp("lo", true);
        var gateway = IPAddress.Parse($"192.0.2.{thread + 1}");
        for (var i = 0; i < Iterations; i++)
        {
            if (i % LinkEvery == 0)
            {
                ReplaceLink(client, useVeth: i / LinkEvery % 2 == 1);
            }

            var address = new AddressSpec(Device, IPAddress.Parse($"10.200.{thread}.{i % 250 + 1}"), 32);
            var route = new Route(new IPNetwork(IPAddress.Parse($"10.{100 + thread}.{i / 256}.{i % 256}"), 32))
            {
                Gateway = gateway, Device = Device, OnLink = true,
            };

            var added = client.Addresses.Add(address);
            Assert.Equal(address.Address, added.Address);
            client.Routes.Add(route);
            var routes = client.Routes.List(new RouteQuery { Table = null });
            var ours = Assert.Single(routes, r => r.Gateway is not null);
            Assert.Equal((route.Destination, gateway, Device, true), (ours.Destination, ours.Gateway, ours.Device, ours.OnLink));
            AssertOnlyOwn(thread, client.Addresses.List(), routes);

            client.Routes.Delete(route);
            client.Addresses.Delete(address);
            Assert.DoesNotContain(client.Routes.List(new RouteQuery { Table = null }), r => r.Gateway is not null);
            Assert.DoesNotContain(client.Addresses.List(Device), a => a.Address.Equals(address.Address));
        }
    }

    /// <summary>Deletes the link (its addresses and routes go with it) and makes a new one of the other kind.</summary>
    private static void ReplaceLink(RtnetlinkClient client, bool useVeth)
    {
        if (client.Links.Find(Device) is not null)
        {
            client.Links.Delete(Device);
        }

        LinkKindParameters kind = useVeth ? new VethParameters("cx1") : new BridgeParameters();
        var link = client.Links.Add(new LinkSpec(Device, kind) { Up = true });
        Assert.Equal(kind.Kind, link.Kind);
        Assert.True(link.IsUp);
    }

    /// <summary>Every 10.200.x.y address and every 10.(100+x) route in this namespace must be this thread's.</summary>
    private static void AssertOnlyOwn(int thread, IReadOnlyList<InterfaceAddress> addresses, IReadOnlyList<Route> routes)
    {
        foreach (var address in addresses.Where(a => a.Address.ToString().StartsWith("10.200.", StringComparison.Ordinal)))
        {
            Assert.StartsWith($"10.200.{thread}.", address.Address.ToString());
        }

        foreach (var route in routes.Where(r => r.Gateway is not null))
        {
            Assert.StartsWith($"10.{100 + thread}.", route.Destination.ToString());
        }
    }
}
