using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// Route changes of one kind queued for one namespace and sent together: one datagram for
/// hundreds of routes (<see cref="NetlinkConnection.ExecuteBatch"/>), each failure matched
/// back to its route with the kernel's extended-ack text. Adds and replaces carry NLM_F_ECHO,
/// so the kernel answers each with the route as it made it and no read-back is needed; a
/// route it does not echo is looked up in one read per family and table after the send.
/// (Desired state's batches ask for no echo: they need only success or failure.)
/// Device names are resolved once for the life of the batch. A batch can be filled and sent
/// any number of times; it holds no kernel state between sends.
/// </summary>
public sealed class RouteBatch : IChangeBatch<RouteOutcome>
{
    private readonly RtnetlinkClient _client;
    private readonly DeviceIndexCache _devices;
    private readonly NetlinkBatch _requests;
    private readonly List<Route> _routes = new();
    private readonly ushort _type;
    private readonly NetlinkFlags _flags;
    private readonly string _verb;
    private readonly bool _echo;

    internal RouteBatch(RtnetlinkClient client, RouteChange change, bool echo)
    {
        _client = client;
        Change = change;
        _devices = new DeviceIndexCache(client);
        _requests = client.Connection.CreateBatch();
        _echo = echo && change != RouteChange.Delete;
        _verb = VerbOf(change);
        (_type, _flags) = change switch
        {
            RouteChange.Add => (RtnlMessageType.NewRoute, NetlinkFlags.Create | NetlinkFlags.Exclusive),
            RouteChange.Replace => (RtnlMessageType.NewRoute, NetlinkFlags.Create | NetlinkFlags.Replace),
            _ => (RtnlMessageType.DeleteRoute, NetlinkFlags.None),
        };
        if (_echo)
        {
            _flags |= NetlinkFlags.Echo;
        }
    }

    public RouteChange Change { get; }

    /// <summary>Routes queued and not yet sent.</summary>
    public int Count => _routes.Count;

    /// <summary>
    /// Checks <paramref name="route"/> and queues it. What can be refused before the kernel
    /// sees it (an invalid route, a device that does not exist) is thrown here, and the batch
    /// is left as it was.
    /// </summary>
    public void Queue(Route route)
    {
        if (Change != RouteChange.Delete)
        {
            RouteEncoder.Validate(route);
        }

        var deviceIndex = _devices.IndexOf(route.Device);
        _requests.Add(_type, _flags, w => RouteEncoder.Write(w, route, deviceIndex));
        _routes.Add(route);
    }

    /// <summary>How a change is named in messages: "add", "replace", "delete".</summary>
    internal static string VerbOf(RouteChange change) => change switch
    {
        RouteChange.Add => "add",
        RouteChange.Replace => "replace",
        _ => "delete",
    };

    /// <summary>What a refusal of one route's change says was attempted: "add route 10.1.0.0/24 via ... in namespace 'n'".</summary>
    internal static string Operation(string verb, Route route, RtnetlinkClient client) => $"{verb} route {route} {client.Namespace.Describe()}";

    /// <summary>Sends what is queued and returns one outcome per route, in the order queued; the batch is then empty.</summary>
    public IReadOnlyList<RouteOutcome> Send()
    {
        if (_routes.Count == 0)
        {
            return Array.Empty<RouteOutcome>();
        }

        var routes = _routes.ToArray();
        var made = new Route?[routes.Length];
        var errors = new Exception?[routes.Length];
        try
        {
            var result = _client.Connection.ExecuteBatch(_requests, $"{_verb} routes {_client.Namespace.Describe()}",
                index => Operation(_verb, routes[index], _client),
                !_echo ? null : (index, message) => made[index] ??= Echoed(message, routes[index]));
            foreach (var failure in result.Failures)
            {
                errors[failure.Index] = RouteErrors.Explain(failure.Error, routes[failure.Index], _verb);
                made[failure.Index] = null;
            }
        }
        finally
        {
            _requests.Clear();
            _routes.Clear();
        }

        if (_echo)
        {
            ReadWhatWasNotEchoed(routes, made, errors);
            NameDevicesTheKernelChose(made);
        }

        return routes.Select((route, i) => new RouteOutcome(route, made[i], errors[i])).ToList();
    }

    /// <summary>
    /// Deletes again, as far as it can, the routes these outcomes of an add made: the way back
    /// for routes added but never reported (a stopped pipeline). A replace or a delete cannot
    /// be taken back, since what it replaced or deleted is gone; for those this does nothing.
    /// </summary>
    public void TakeBack(IEnumerable<RouteOutcome> outcomes)
    {
        var added = outcomes.Where(o => o.Made is not null).Select(o => o.Requested).ToList();
        if (Change == RouteChange.Add && added.Count > 0)
        {
            BestEffortUndo.Run(() => _client.Routes.DeleteMany(added));
        }
    }

    /// <summary>The echoed route, if it is the one <paramref name="requested"/> made (a replace can echo others).</summary>
    private Route? Echoed(NetlinkMessage message, Route requested)
    {
        if (message.Type != RtnlMessageType.NewRoute)
        {
            return null;
        }

        // Only the request's own device can appear: no lookup may be sent mid-batch.
        var route = RouteReader.Read(message, _devices.NameOf, _client.NamespaceName);
        return requested.IsMadeBy(route) ? route : null;
    }

    /// <summary>
    /// A route given without a device (a gateway alone, an IPv6 blackhole) goes out of the
    /// device the kernel chose, whose name the batch never looked up: one read of the links
    /// names them, so that a route written out says its device as <c>ip route</c> does.
    /// </summary>
    private void NameDevicesTheKernelChose(Route?[] made)
    {
        if (!made.Any(r => r is { Device: null, DeviceIndex: not 0 }))
        {
            return;
        }

        var names = _client.Links.List().ToDictionary(l => l.Index, l => l.Name);
        for (var i = 0; i < made.Length; i++)
        {
            if (made[i] is { Device: null, DeviceIndex: not 0 } route && names.TryGetValue(route.DeviceIndex, out var name))
            {
                made[i] = route with { Device = name };
            }
        }
    }

    /// <summary>
    /// Where the kernel echoed nothing for a route it accepted, one read per family and table
    /// finds it. A route still not found is reported and, after an add, deleted, so that an
    /// error never leaves its route behind.
    /// </summary>
    private void ReadWhatWasNotEchoed(Route[] routes, Route?[] made, Exception?[] errors)
    {
        var missing = Enumerable.Range(0, routes.Length).Where(i => made[i] is null && errors[i] is null).ToList();
        foreach (var group in missing.GroupBy(i => (Family: AddressFamilies.Of(routes[i].Destination.BaseAddress), routes[i].Table)))
        {
            var listed = _client.Routes.List(new RouteQuery { Family = group.Key.Family, Table = group.Key.Table });
            foreach (var i in group)
            {
                made[i] = listed.FirstOrDefault(routes[i].IsMadeBy);
                if (made[i] is null)
                {
                    errors[i] = new IpipToolsException($"The kernel accepted the route {routes[i]} but does not list it.", "RouteVanished",
                        IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", routes[i].ToString());
                    if (Change == RouteChange.Add)
                    {
                        _client.Routes.TryDelete(routes[i]);
                    }
                }
            }
        }
    }
}
