using IpipTools.Core.Rtnl.Kinds;
using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using Xunit;
using static IpipTools.DesiredState.Tests.Planning.States;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.State;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// The planner over made-up desired and read states: what it adds, changes, recreates and
/// removes, what it refuses to touch, and the order it does it in. No kernel involved.
/// </summary>
public sealed class PlannerTests
{
    private const string Mesh = """
        "Bridges": [ { "Name": "mybr0" } ],
        "Tunnels": [ { "Name": "tunl0", "Exclusive": true } ],
        "Addresses": [ { "Device": "mybr0", "Address": "10.42.1.1/24" }, { "Device": "tunl0", "Address": "10.42.1.0/32" } ],
        "Routes": [ { "Destination": "10.42.2.0/24", "Gateway": "172.16.165.244", "Device": "tunl0", "OnLink": true, "Mtu": 1440 } ]
        """;

    [Fact]
    public void FromAMissingNamespaceEverythingIsAddedInDependencyOrder()
    {
        var plan = TopologyPlanner.Plan(InA($"\"Forwarding\": true, {Mesh}"), Read(Missing("a")));

        Assert.Equal(new[]
        {
            "Add Namespace a",
            "Change Forwarding net.ipv4.ip_forward",
            "Add Link bridge mybr0",
            "Change LinkState bridge mybr0",
            "Change LinkState ipip tunl0",
            "Add Address 10.42.1.1/24 dev mybr0",
            "Add Address 10.42.1.0/32 dev tunl0",
            "Add Route 10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 onlink mtu 1440",
        }, Summary(plan));
        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Number));
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void ConvergedStateGivesAnEmptyPlan()
    {
        var read = Read(Ns("a",
            new[] { Owned(Bridge("mybr0", 3)), Tunl0(up: true) },
            new[] { Address("mybr0", "10.42.1.1", 24), Address("tunl0", "10.42.1.0", 32) },
            new[] { Connected("10.42.1.0/24", "mybr0"), Route("10.42.2.0/24", "172.16.165.244", "tunl0", onLink: true, mtu: 1440) }));

        var plan = TopologyPlanner.Plan(InA(Mesh), read);

        Assert.True(plan.IsConverged, plan.ToString());
        Assert.True(TopologyPlanner.Plan(InA(Mesh), read, new PlanOptions { Prune = true }).IsConverged);
    }

    [Fact]
    public void ARouteComesAfterTheDeviceItNeedsAndTheAddressItsGatewayIsOn()
    {
        var plan = TopologyPlanner.Plan(InA("""
            "Routes": [ { "Destination": "10.9.0.0/16", "Gateway": "192.168.1.1" } ],
            "Addresses": [ { "Device": "br", "Address": "192.168.1.2/24" } ],
            "Bridges": [ { "Name": "br" } ]
            """), Read(Ns("a")));

        var link = Index(plan, PlanAction.Add, PlanObjectKind.Link);
        var up = Index(plan, PlanAction.Change, PlanObjectKind.LinkState);
        var address = Index(plan, PlanAction.Add, PlanObjectKind.Address);
        var route = Index(plan, PlanAction.Add, PlanObjectKind.Route);
        Assert.True(link < up && up < address && address < route, string.Join(" | ", Summary(plan)));
    }

    [Fact]
    public void BridgesAreMadeBeforeTheirPortsAndVethsBeforeTunnelsOverThem()
    {
        var plan = TopologyPlanner.Plan(Desired("""
            { "Namespaces": [ { "Name": "a",
                "Tunnels": [ { "Name": "t", "Local": "10.0.0.1", "Remote": "10.0.0.2", "Underlay": "v" } ],
                "Veths": [ { "Name": "v", "Peer": "w", "PeerNamespace": "b", "Master": "br" } ],
                "Bridges": [ { "Name": "br" } ] } ] }
            """), Read(Ns("a"), Ns("b")));

        Assert.Equal(new[] { "Add Link bridge br", "Add Link veth v (peer w in namespace 'b')", "Add Link ipip t" },
            Summary(plan).Where(s => s.StartsWith("Add Link")).ToArray());
        var veth = plan.Steps.Single(s => s.Kind == PlanObjectKind.Link && s.Target.StartsWith("veth v"));
        Assert.Equal("br", Assert.IsType<CreateLink>(veth).Link.Master);
        // Both ends come up, each in its own namespace.
        Assert.Equal(new[] { ("a", "v"), ("b", "w"), ("a", "br"), ("a", "t") }.Order(),
            plan.Steps.OfType<SetLinkState>().Select(s => (s.Namespace, s.Device)).Order());
    }

    [Fact]
    public void ATtlChangeIsAChangeInPlace()
    {
        var read = Read(Ns("a", new[] { Owned(Tunnel("t", 3, new IpipParameters { Local = Ip("10.0.0.1"), Remote = Ip("10.0.0.2"), Ttl = 64 })) }));

        var plan = TopologyPlanner.Plan(InA(""" "Tunnels": [ { "Name": "t", "Local": "10.0.0.1", "Remote": "10.0.0.2", "Ttl": 10 } ] """), read);

        var step = Assert.IsType<ChangeLink>(Assert.Single(plan.Steps));
        Assert.Equal((PlanAction.Change, PlanObjectKind.Link, "ttl 64 → 10"), (step.Action, step.Kind, step.Reason));
        Assert.Equal(64, step.Previous.Tunnel!.Ttl);
        Assert.Equal(10, step.Link.Tunnel!.Ttl);
    }

    [Theory]
    [InlineData(""" "Local": "10.0.0.1", "Remote": "10.0.0.2" """, """ "Local": "10.0.0.1" """, "point-to-point tunnel into a tunl0-style one")]
    [InlineData(""" "Local": "10.0.0.1" """, """ "Local": "10.0.0.1", "Remote": "10.0.0.2" """, "tunl0-style tunnel into a point-to-point one")]
    [InlineData(""" "Local": "10.0.0.1" """, """ "CollectMetadata": true """, "collect_metadata")]
    [InlineData(""" "CollectMetadata": true """, """ "CollectMetadata": true, "Ttl": 9 """, "collect_metadata")]
    public void TheKernelRefusesTheseChangesInPlaceSoTheTunnelIsRecreated(string was, string want, string reason)
    {
        var wasTunnel = TopologyLoader.FromJson($$"""{ "Namespaces": [ { "Tunnels": [ { "Name": "t", {{was}} } ] } ] }""").Namespaces[0].Links[0].Tunnel!;
        var read = Read(Ns("a",
            new[] { Owned(Tunnel("t", 3, wasTunnel)) },
            new[] { Address("t", "10.1.0.1", 32, peer: "10.1.0.2") },
            new[] { Connected("10.1.0.2/32", "t"), Route("10.5.0.0/16", null, "t") }));
        var plan = TopologyPlanner.Plan(InA($$"""
            "Tunnels": [ { "Name": "t", {{want}} } ],
            "Addresses": [ { "Device": "t", "Address": "10.1.0.1", "Peer": "10.1.0.2" } ],
            "Routes": [ { "Destination": "10.5.0.0/16", "Device": "t" } ]
            """), read);

        // Its address and route go first (the kernel would drop them), then the tunnel is
        // recreated, brought up, and the address and route come back.
        Assert.Equal(new[]
        {
            "Remove Route 10.5.0.0/16 dev t proto 73 scope link",
            "Remove Address 10.1.0.1 peer 10.1.0.2/32 dev t",
            "Recreate Link ipip t",
            "Change LinkState ipip t",
            "Add Address 10.1.0.1 peer 10.1.0.2/32 dev t",
            "Add Route 10.5.0.0/16 dev t proto 73 scope link",
        }, Summary(plan));
        Assert.Contains(reason, plan.Steps[2].Reason);
        Assert.Equal(3, Assert.IsType<RecreateLink>(plan.Steps[2]).Previous.Link.Index);
    }

    [Fact]
    public void ALinkIpipToolsDidNotCreateIsNeverRecreatedButReportedAsAConflict()
    {
        var read = Read(Ns("a", new[] { Tunnel("t", 3, new IpipParameters { Local = Ip("10.0.0.1"), Remote = Ip("10.0.0.2") }), Veth("mybr0", 4, 5) }));

        var plan = TopologyPlanner.Plan(InA(""" "Tunnels": [ { "Name": "t", "Local": "10.0.0.1" } ], "Bridges": [ { "Name": "mybr0" } ] """), read);

        Assert.DoesNotContain(plan.Steps, s => s.Action is PlanAction.Recreate or PlanAction.Remove);
        Assert.Equal(new[] { "bridge mybr0", "ipip t" }, plan.Conflicts.Select(c => c.Target));
        Assert.Contains("IpipTools did not create it", plan.Conflicts[0].Problem);
        Assert.Contains("not a bridge", plan.Conflicts[0].Problem);
        Assert.Contains("point-to-point", plan.Conflicts[1].Problem);
        Assert.False(plan.IsConverged);
    }

    [Fact]
    public void AnOwnedLinkOfTheWrongKindIsRecreated()
    {
        var read = Read(Ns("a", new[] { Owned(Veth("mybr0", 4, 5)), Owned(Veth("peer", 5, 4)) }));

        var plan = TopologyPlanner.Plan(InA(""" "Bridges": [ { "Name": "mybr0" } ] """), read);

        var recreate = Assert.IsType<RecreateLink>(Assert.Single(plan.Steps, s => s.Action == PlanAction.Recreate));
        Assert.Equal("bridge", recreate.Link.Kind);
        Assert.Equal(("peer", "a"), (recreate.Previous.PeerName, recreate.Previous.PeerNamespace));
        Assert.Equal("peer", recreate.PreviousPeerEnd!.Name);
    }

    [Fact]
    public void RoutesAreAddedChangedOrLeftByTheKernelsKey()
    {
        var read = Read(Ns("a", new[] { Tunl0(up: true) },
            new[] { Address("tunl0", "10.42.1.0", 32) },
            new[]
            {
                Route("10.42.2.0/24", "172.16.165.244", "tunl0", onLink: true, mtu: 1400),
                Route("10.42.3.0/24", "172.16.168.113", "tunl0", onLink: true),
            }));

        var plan = TopologyPlanner.Plan(InA("""
            "Tunnels": [ { "Name": "tunl0" } ],
            "Addresses": [ { "Device": "tunl0", "Address": "10.42.1.0" } ],
            "Routes": [
                { "Destination": "10.42.2.0/24", "Gateway": "172.16.165.244", "Device": "tunl0", "OnLink": true, "Mtu": 1440 },
                { "Destination": "10.42.3.0/24", "Gateway": "172.16.168.113", "Device": "tunl0", "OnLink": true },
                { "Destination": "10.42.4.0/24", "Gateway": "172.16.170.5", "Device": "tunl0", "OnLink": true }
            ]
            """), read);

        Assert.Equal(new[]
        {
            "Change Route 10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 onlink mtu 1440",
            "Add Route 10.42.4.0/24 via 172.16.170.5 dev tunl0 proto 73 onlink",
        }, Summary(plan));
        Assert.Equal("mtu 1400 → 1440", plan.Steps[0].Reason);
        Assert.Equal(1400, Assert.IsType<ReplaceRoute>(plan.Steps[0]).Previous.Mtu);
    }

    [Fact]
    public void ARouteWithoutADeviceAcceptsTheDeviceTheKernelChose()
    {
        var read = Read(Ns("a", new[] { Owned(Bridge("br", 3)) }, new[] { Address("br", "192.168.1.2", 24) },
            new[] { Connected("192.168.1.0/24", "br"), Route("10.9.0.0/16", "192.168.1.1", "br") }));

        var plan = TopologyPlanner.Plan(InA("""
            "Bridges": [ { "Name": "br" } ], "Addresses": [ { "Device": "br", "Address": "192.168.1.2/24" } ],
            "Routes": [ { "Destination": "10.9.0.0/16", "Gateway": "192.168.1.1" } ]
            """), read);

        Assert.True(plan.IsConverged, plan.ToString());
    }

    [Fact]
    public void SomeoneElsesRouteIsNeverReplacedButAnIdenticalOneCountsAsThere()
    {
        var read = Read(Ns("a", new[] { Tunl0(up: true) }, null, new[]
        {
            Route("10.42.2.0/24", "172.16.165.244", "tunl0", onLink: true, protocol: RouteProtocol.Boot),
            Route("10.42.3.0/24", "172.16.168.1", "tunl0", onLink: true, protocol: RouteProtocol.Static),
        }));

        var plan = TopologyPlanner.Plan(InA("""
            "Tunnels": [ { "Name": "tunl0" } ],
            "Routes": [ { "Destination": "10.42.2.0/24", "Gateway": "172.16.165.244", "Device": "tunl0", "OnLink": true },
                        { "Destination": "10.42.3.0/24", "Gateway": "172.16.168.113", "Device": "tunl0", "OnLink": true } ]
            """), read);

        Assert.Empty(plan.Steps);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.StartsWith("10.42.3.0/24", conflict.Target);
        Assert.Contains("proto static", conflict.Problem);
    }

    [Fact]
    public void AStrayOwnedRouteIsRemovedOnlyWhenPruningAndAForeignOneNever()
    {
        var read = Read(Ns("a", new[] { Owned(Bridge("br", 3)) }, null, new[]
        {
            Route("10.7.0.0/16", null, "br"),
            Route("10.8.0.0/16", null, "br", protocol: RouteProtocol.Boot),
        }));
        var desired = InA(""" "Bridges": [ { "Name": "br" } ] """);

        Assert.Empty(TopologyPlanner.Plan(desired, read).Steps);
        var pruned = TopologyPlanner.Plan(desired, read, new PlanOptions { Prune = true });

        var step = Assert.Single(pruned.Steps);
        Assert.Equal((PlanAction.Remove, PlanObjectKind.Route, "10.7.0.0/16"), (step.Action, step.Kind, Assert.IsType<RemoveRoute>(step).Route.Destination.ToString()));
        Assert.Equal("owned by IpipTools and not in the topology", step.Reason);
    }

    [Fact]
    public void AnExclusiveTunl0KeepsExactlyItsOneAddressAndItsDeclaredRoutes()
    {
        var read = Read(Ns("a", new[] { Tunl0(up: true), Owned(Bridge("mybr0", 3)) },
            new[] { Address("tunl0", "10.42.9.0", 32, protocol: 0), Address("tunl0", "10.42.1.0", 32), Address("mybr0", "10.42.1.1", 24), Address("mybr0", "10.50.0.1", 24, protocol: 0) },
            new[]
            {
                Connected("10.42.1.0/24", "mybr0"),
                Route("10.42.2.0/24", "172.16.165.244", "tunl0", onLink: true, mtu: 1440),
                Route("10.42.5.0/24", "172.16.170.5", "tunl0", onLink: true),
                Route("10.60.0.0/16", "172.16.170.9", "tunl0", onLink: true, protocol: RouteProtocol.Boot),
            }));

        var plan = TopologyPlanner.Plan(InA(Mesh), read);

        // The extra /32 goes whoever added it; IpipTools' route to the departed block goes;
        // someone else's route through tunl0 and the other bridge address stay.
        Assert.Equal(new[]
        {
            "Remove Route 10.42.5.0/24 via 172.16.170.5 dev tunl0 proto 73 onlink",
            "Remove Address 10.42.9.0/32 dev tunl0",
        }, Summary(plan));
        Assert.All(plan.Steps, s => Assert.Contains("tunl0 is exclusive", s.Reason));
    }

    [Fact]
    public void TheRoutesTheKernelDropsWithAnAddressArePlannedFirstAndTheDeclaredOnesComeBack()
    {
        // tunl0's one address is not the node's: when it goes, tunl0 has no IPv4 address left
        // until the node's comes, and the kernel drops every route out of it, the mesh's own
        // and someone else's; a route whose source the address is goes with it too.
        var read = Read(Ns("a", new[] { Tunl0(up: true), Owned(Bridge("mybr0", 3)) },
            new[] { Address("tunl0", "10.42.9.0", 32, protocol: 0), Address("mybr0", "10.42.1.1", 24) },
            new[]
            {
                Connected("10.42.1.0/24", "mybr0"),
                Route("10.42.2.0/24", "172.16.165.244", "tunl0", onLink: true, mtu: 1440),
                Route("10.60.0.0/16", "172.16.170.9", "tunl0", onLink: true, protocol: RouteProtocol.Boot),
                Route("10.70.0.0/16", null, "mybr0", protocol: RouteProtocol.Boot) with { PreferredSource = IPAddress.Parse("10.42.9.0") },
                Route("10.80.0.0/16", "10.42.1.9", "mybr0", protocol: RouteProtocol.Boot),
            }));

        var plan = TopologyPlanner.Plan(InA(Mesh), read);

        Assert.Equal(new[]
        {
            "Remove Route 10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 onlink mtu 1440",
            "Remove Route 10.60.0.0/16 via 172.16.170.9 dev tunl0 onlink",
            "Remove Route 10.70.0.0/16 dev mybr0 scope link src 10.42.9.0",
            "Remove Address 10.42.9.0/32 dev tunl0",
            "Add Address 10.42.1.0/32 dev tunl0",
            "Add Route 10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 onlink mtu 1440",
        }, Summary(plan));
        Assert.All(plan.Steps.Take(2), s => Assert.Equal("goes with 10.42.9.0/32 dev tunl0: the kernel removes the routes out of tunl0 when it has no IPv4 address left", s.Reason));
        Assert.Equal("goes with 10.42.9.0/32 dev tunl0: the kernel removes the routes whose source it is", plan.Steps[2].Reason);
    }

    [Fact]
    public void RemovalsComeBeforeTheAdditionsTheyWouldCollideWith()
    {
        var read = Read(Ns("a", new[] { Tunl0(up: true) }, new[] { Address("tunl0", "10.42.9.0", 32) }));

        var plan = TopologyPlanner.Plan(InA(""" "Tunnels": [ { "Name": "tunl0", "Exclusive": true } ], "Addresses": [ { "Device": "tunl0", "Address": "10.42.1.0" } ] """), read);

        Assert.Equal(new[] { "Remove Address 10.42.9.0/32 dev tunl0", "Add Address 10.42.1.0/32 dev tunl0" }, Summary(plan));
    }

    [Fact]
    public void PruningAnOwnedBridgeFreesItsPortsAndTakesItsAddressesAndRoutesFirst()
    {
        var read = Read(Ns("a",
            new[] { Owned(Bridge("old", 3)), Veth("port", 4, 5, master: "old"), Veth("port-p", 5, 4) },
            new[] { Address("old", "10.1.0.1", 24, protocol: 0) },
            new[] { Connected("10.1.0.0/24", "old"), Route("10.2.0.0/16", "10.1.0.9", "old", protocol: RouteProtocol.Boot) }));

        var plan = TopologyPlanner.Plan(InA(""), read, new PlanOptions { Prune = true });

        Assert.Equal(new[]
        {
            "Remove Route 10.2.0.0/16 via 10.1.0.9 dev old",
            "Remove Address 10.1.0.1/24 dev old",
            "Change Link veth port",
            "Remove Link bridge old",
        }, Summary(plan));
        Assert.All(plan.Steps.Take(3), s => Assert.Contains("goes with bridge old", s.Reason));
        var freed = Assert.IsType<ChangeLink>(plan.Steps[2]);
        Assert.Null(freed.Link.Master);
        Assert.Equal("old", freed.Previous.Master);
    }

    [Fact]
    public void NothingWithoutIpipToolsMarkIsPruned()
    {
        var read = Read(Ns("a",
            new[] { Bridge("theirs", 3), Veth("their-v", 4, 5), Veth("their-p", 5, 4), Tunnel("their-t", 6, new IpipParameters { Remote = Ip("1.2.3.4") }) },
            new[] { Address("theirs", "10.1.0.1", 24, protocol: 0) },
            new[] { Route("10.2.0.0/16", null, "theirs", protocol: RouteProtocol.Boot), Route("10.3.0.0/16", null, "theirs", protocol: RouteProtocol.Static) }));

        Assert.Empty(TopologyPlanner.Plan(InA(""), read, new PlanOptions { Prune = true }).Steps);
    }

    [Fact]
    public void AVethPairIsAddedOnceAndAHalfPairIsRecreated()
    {
        var desired = Desired(""" { "Namespaces": [ { "Name": "a", "Veths": [ { "Name": "v", "Peer": "w", "PeerNamespace": "b" } ] }, { "Name": "b" } ] } """);

        var fresh = TopologyPlanner.Plan(desired, Read(Ns("a"), Ns("b")));
        Assert.Single(fresh.Steps, s => s.Kind == PlanObjectKind.Link);

        // Only w is there (its pair is now with x in a): recreated from b's side.
        var half = TopologyPlanner.Plan(desired, Read(Ns("a", new[] { Owned(Veth("x", 7, 3)) }), Ns("b", new[] { Owned(Veth("w", 3, 7)) })));
        var recreate = Assert.IsType<RecreateLink>(Assert.Single(half.Steps, s => s.Action == PlanAction.Recreate));
        Assert.Equal(("b", "w", "v", "a"), (recreate.Namespace, recreate.Link.Name, recreate.Link.PeerName, recreate.Link.PeerNamespace));
        Assert.Equal(("x", "a"), (recreate.Previous.PeerName, recreate.Previous.PeerNamespace));

        // Both names taken by a pair that is not theirs together, one end not ours: refused.
        var foreign = TopologyPlanner.Plan(desired, Read(Ns("a", new[] { Veth("v", 3, 4), Veth("v2", 4, 3) }), Ns("b")));
        Assert.Contains("was not created by IpipTools", Assert.Single(foreign.Conflicts).Problem);
        Assert.DoesNotContain(foreign.Steps, s => s.Kind == PlanObjectKind.Link);
    }

    [Fact]
    public void AVethWhosePeerIsOutOfSightIsNotRemoved()
    {
        var read = Read(Ns("a", new[] { Owned(Veth("v", 3, 9)) }));

        var plan = TopologyPlanner.Plan(InA(""), read, new PlanOptions { Prune = true });

        Assert.Empty(plan.Steps);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(("a", "veth v"), (conflict.Namespace, conflict.Target));
        // The real reason, and the rule a user who dropped a namespace from the topology needs: not "what IpipTools does not own".
        Assert.Contains("it should be removed (owned by IpipTools and not in the topology), but its other end is in a namespace the topology does not name", conflict.Problem);
        Assert.Contains("-Prune never removes a namespace, not even one a topology created", conflict.Problem);
        Assert.DoesNotContain("does not own", conflict.Problem);
        Assert.Contains("Remove-VethPair v -NetNamespace 'a'", conflict.RecommendedAction);
    }

    [Fact]
    public void AVethWithSeveralPossiblePeersSaysSo()
    {
        // Index 9 in b and in c both point back at index 3: the kernel's indexes cannot tell which is v's other end.
        var read = Read(Ns("a", new[] { Owned(Veth("v", 3, 9)) }), Ns("b", new[] { Owned(Veth("w", 9, 3)) }), Ns("c", new[] { Owned(Veth("x", 9, 3)) }));

        var plan = TopologyPlanner.Plan(Desired(""" { "Namespaces": [ { "Name": "a" }, { "Name": "b" }, { "Name": "c" } ] } """), read, new PlanOptions { Prune = true });

        var conflict = Assert.Single(plan.Conflicts, c => c.Target == "veth v");
        Assert.DoesNotContain(plan.Steps, s => s.Target == "veth v");
        Assert.Contains("several veths in the namespaces the topology names could be its other end", conflict.Problem);
        Assert.DoesNotContain("-Prune never removes a namespace", conflict.Problem);
    }

    [Fact]
    public void Tunl0MustBeThereUnlessTheNamespaceIsNew()
    {
        var desired = InA(""" "Tunnels": [ { "Name": "tunl0" } ] """);

        var existing = TopologyPlanner.Plan(desired, Read(Ns("a")));
        Assert.Contains("ipip module", Assert.Single(existing.Conflicts).Problem);

        var created = TopologyPlanner.Plan(desired, Read(Missing("a")));
        Assert.Equal(new[] { "Add Namespace a", "Change LinkState ipip tunl0" }, Summary(created));
        Assert.Empty(created.Conflicts);
    }

    [Fact]
    public void DeclaredDevicesAreConfiguredButNeverCreated()
    {
        var desired = InA(""" "Devices": [ { "Name": "lo" }, { "Name": "eth9" } ] """);

        var plan = TopologyPlanner.Plan(desired, Read(Ns("a") with { Links = new[] { Lo.With(l => l with { IsUp = false }) } }));

        Assert.Equal(new[] { "Change LinkState device lo" }, Summary(plan));
        Assert.Contains("never created", Assert.Single(plan.Conflicts).Problem);
    }

    [Fact]
    public void LinkSettingsChangeInPlaceAndAnUndeclaredMtuIsLeftAlone()
    {
        var read = Read(Ns("a", new[] { Owned(Bridge("br", 3)), Owned(Bridge("br2", 4)), Owned(Veth("v", 5, 6, master: "br2")), Owned(Veth("w", 6, 5)) }));

        var plan = TopologyPlanner.Plan(InA(""" "Bridges": [ { "Name": "br", "Mtu": 1400 }, { "Name": "br2" } ], "Veths": [ { "Name": "v", "Peer": "w", "Master": "br" } ] """), read);

        Assert.Equal(new[] { ("bridge br", "mtu 1500 → 1400"), ("veth v", "master br2 → br") }, plan.Steps.Select(s => (s.Target, s.Reason)));
    }

    [Fact]
    public void MissingDevicesAreConflictsNotSteps()
    {
        var plan = TopologyPlanner.Plan(InA("""
            "Addresses": [ { "Device": "nope", "Address": "10.0.0.1/24" } ],
            "Routes": [ { "Destination": "10.9.0.0/16", "Device": "gone" } ],
            "Bridges": [ { "Name": "b", } ], "Veths": [ { "Name": "v", "Peer": "w", "Master": "nobr" } ]
            """), Read(Ns("a")));

        Assert.Equal(new[] { "veth v", "veth w", "10.0.0.1/24 dev nope", "10.9.0.0/16 dev gone proto 73 scope link" }.Where(t => t != "veth w"),
            plan.Conflicts.Select(c => c.Target));
    }

    [Fact]
    public void ForwardingIsChangedOnlyWhenDeclared()
    {
        Assert.Empty(TopologyPlanner.Plan(InA(""), Read(Ns("a", forwarding: true))).Steps);
        var step = Assert.Single(TopologyPlanner.Plan(InA(""" "Forwarding": false """), Read(Ns("a", forwarding: true))).Steps);
        Assert.Equal((PlanObjectKind.Forwarding, false, "1 → 0"), (step.Kind, Assert.IsType<SetForwarding>(step).Enabled, step.Reason));
    }

    [Fact]
    public void ARouteStepReadsAsTypedValuesAndWritesItsAddressesAsText()
    {
        // A route step as plans save it: the names and order routes always had in plans,
        // addresses and prefixes as text.
        var saved = """
            { "FormatVersion": 2, "Namespaces": [ "a" ], "Fingerprint": "f", "Steps": [ {
              "Step": "AddRoute", "Number": 1, "Action": "Add", "Kind": "Route", "Namespace": "a",
              "Target": "10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 src 10.42.1.1 onlink mtu 1440", "Reason": "missing",
              "Route": { "Destination": "10.42.2.0/24", "Gateway": "172.16.165.244", "Device": "tunl0", "OnLink": true, "Table": "Main",
                         "Metric": 0, "Protocol": "IpipTools", "Mtu": 1440, "Source": "10.42.1.1", "Scope": "Global", "Type": "Unicast" } } ] }
            """;

        var route = Assert.IsType<AddRoute>(Assert.Single(TopologyPlan.FromJson(saved).Steps)).Route;

        Assert.Equal(new Route(IPNetwork.Parse("10.42.2.0/24"))
        {
            Gateway = IPAddress.Parse("172.16.165.244"), Device = "tunl0", OnLink = true, Protocol = Ownership.Protocol, Mtu = 1440,
            PreferredSource = IPAddress.Parse("10.42.1.1"), Scope = RouteScope.Global,
        }, route);
        Assert.Contains("\"Source\": \"10.42.1.1\"", TopologyPlan.FromJson(saved).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void APlanRoundTripsThroughJson()
    {
        var read = Read(Ns("a", new[] { Owned(Veth("mybr0", 3, 4)), Owned(Veth("p", 4, 3)), Tunl0(up: true) }, null, new[] { Route("10.5.0.0/16", null, "mybr0") }));
        var plan = TopologyPlanner.Plan(InA(Mesh), read, new PlanOptions { Prune = true });
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Recreate);
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Remove && s.Kind == PlanObjectKind.Route);

        var again = TopologyPlan.FromJson(plan.ToJson());

        Assert.Equal(plan.ToJson(), again.ToJson());
        Assert.Equal(plan.Fingerprint, again.Fingerprint);
        Assert.Equal(plan.Steps.Count, again.Steps.Count);
        Assert.Equal(plan.Steps.Select(s => (s.GetType(), s.ToString())), again.Steps.Select(s => (s.GetType(), s.ToString())));
        Assert.Equal(plan.Steps.OfType<RouteStep>().Select(s => s.Route), again.Steps.OfType<RouteStep>().Select(s => s.Route));
        var recreate = Assert.IsType<RecreateLink>(again.Steps.Single(s => s.Action == PlanAction.Recreate));
        Assert.Equal(("mybr0", 3, "p"), (recreate.Previous.Name, recreate.Previous.Link.Index, recreate.PreviousPeerEnd!.Name));
    }

    [Fact]
    public void EveryKindOfStepHasItsNameInJson()
    {
        // A kind missing from PlanStep's list could be planned but not saved, or saved but not read back.
        var kinds = typeof(PlanStep).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PlanStep)) && !t.IsAbstract).ToHashSet();
        var listed = typeof(PlanStep).GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), false)
            .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().ToList();

        Assert.Equal(kinds.OrderBy(t => t.Name), listed.Select(a => a.DerivedType).OrderBy(t => t.Name));
        Assert.All(listed, a => Assert.Equal(a.DerivedType.Name, a.TypeDiscriminator));
        var step = new SetLinkState { Namespace = "a", Target = "veth v", Reason = "down → up", Device = "v", Up = true };
        var json = System.Text.Json.JsonSerializer.Serialize<PlanStep>(step, PlanJson.Options);
        Assert.StartsWith("{\n  \"Step\": \"SetLinkState\",\n  \"Number\": 0,\n  \"Action\": \"Change\",\n  \"Kind\": \"LinkState\",\n  \"Namespace\": \"a\"",
            json.ReplaceLineEndings("\n"));
        Assert.Equal(step, System.Text.Json.JsonSerializer.Deserialize<PlanStep>(json, PlanJson.Options));
    }

    [Fact]
    public void TheFingerprintDependsOnTheStateNotOnTheOrderItWasListedIn()
    {
        var a = Read(Ns("a", new[] { Owned(Bridge("b1", 3)), Owned(Bridge("b2", 4)) }, null, new[] { Route("10.1.0.0/16", null, "b1"), Route("10.2.0.0/16", null, "b2") }));
        var shuffled = Read(a.Namespaces[0] with { Links = a.Namespaces[0].Links.Reverse().ToList(), Routes = a.Namespaces[0].Routes.Reverse().ToList() });
        var changed = Read(a.Namespaces[0] with { Routes = new[] { Route("10.1.0.0/16", null, "b1"), Route("10.2.0.0/16", null, "b1") } });

        Assert.Equal(StateFingerprint.Compute(a), StateFingerprint.Compute(shuffled));
        Assert.NotEqual(StateFingerprint.Compute(a), StateFingerprint.Compute(changed));
    }

    private static int Index(TopologyPlan plan, PlanAction action, PlanObjectKind kind) =>
        plan.Steps.Select((s, i) => (s, i)).First(x => x.s.Action == action && x.s.Kind == kind).i;
}
