using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>Routes of one namespace: add, replace, delete (one at a time or in batches) and list.</summary>
public sealed class RouteOperations
{
    private readonly RtnetlinkClient _client;

    internal RouteOperations(RtnetlinkClient client)
    {
        _client = client;
    }

    private NetlinkConnection Connection => _client.Connection;

    public void Add(Route spec) => Change(spec, NetlinkFlags.Create | NetlinkFlags.Exclusive, "add");

    /// <summary>Adds the route, or replaces the one with the same destination, table, tos and metric.</summary>
    public void Replace(Route spec) => Change(spec, NetlinkFlags.Create | NetlinkFlags.Replace, "replace");

    public void Delete(Route spec)
    {
        // Resolve the device before the request is built: a lookup inside the body
        // writer would send its own query over the connection mid-request.
        var deviceIndex = new DeviceIndexCache(_client).IndexOf(spec.Device);
        var operation = $"delete route {spec} {_client.Namespace.Describe()}";
        try
        {
            Connection.Execute(operation, RtnlMessageType.DeleteRoute, NetlinkFlags.None, w => RouteEncoder.Write(w, spec, deviceIndex));
        }
        catch (NetlinkException e)
        {
            throw RouteErrors.Explain(e, spec, "delete");
        }
    }

    /// <summary>Deletes exactly this route, if it is there: the undo of an add whose aftermath failed, which must not hide that failure.</summary>
    internal void TryDelete(Route spec) => BestEffortUndo.Run(() => Delete(spec));

    /// <summary>
    /// Adds (or with <paramref name="replace"/>, replaces) many routes in as few sends as
    /// the socket allows; see <see cref="NetlinkConnection.ExecuteBatch"/>. Device
    /// names are resolved once. Failures are reported per route, with the kernel's text.
    /// </summary>
    public BatchResult AddMany(IEnumerable<Route> specs, bool replace = false) =>
        Batch(specs, replace ? RouteChange.Replace : RouteChange.Add);

    public BatchResult DeleteMany(IEnumerable<Route> specs) =>
        Batch(specs, RouteChange.Delete);

    /// <summary>
    /// An empty batch of <paramref name="change"/>s, to fill and send as often as wanted: what
    /// a cmdlet's pipeline uses, with each add or replace answered by the route the kernel made.
    /// </summary>
    public RouteBatch CreateBatch(RouteChange change) => new(_client, change, echo: true);

    /// <summary>What foresees the refusals of a batch of <paramref name="change"/>s without sending it (see <see cref="RouteChangeCheck"/>).</summary>
    public RouteChangeCheck CreateCheck(RouteChange change) => new(_client, change);

    /// <summary>The routes <paramref name="query"/> selects (default: the main table, like <c>ip route</c>).</summary>
    public IReadOnlyList<Route> List(RouteQuery? query = null)
    {
        query ??= RouteQuery.MainTable;
        var names = DeviceNames();
        var deviceIndex = query.Device is null ? 0 : _client.Links.IndexOf(query.Device);
        try
        {
            return Connection.Dump($"list routes {_client.Namespace.Describe()}", RtnlMessageType.GetRoute,
                w => WriteDumpRequest(w, query, deviceIndex),
                m => Keep(RouteReader.Read(m, names, _client.NamespaceName), query, deviceIndex));
        }
        catch (NetlinkException e) when (IsMissingTable(e, query))
        {
            return Array.Empty<Route>();
        }
    }

    /// <summary>
    /// Hands every selected route to <paramref name="onRoute"/> as it is read, keeping
    /// nothing, so memory stays flat however large the table.
    /// </summary>
    public void Stream(RouteQuery query, Action<Route> onRoute)
    {
        var names = DeviceNames();
        var deviceIndex = query.Device is null ? 0 : _client.Links.IndexOf(query.Device);
        try
        {
            Connection.DumpStreaming($"list routes {_client.Namespace.Describe()}", RtnlMessageType.GetRoute,
                w => WriteDumpRequest(w, query, deviceIndex),
                m =>
                {
                    var route = Keep(RouteReader.Read(m, names, _client.NamespaceName), query, deviceIndex);
                    if (route is not null)
                    {
                        onRoute(route);
                    }
                });
        }
        catch (NetlinkException e) when (IsMissingTable(e, query))
        {
            // No such table: nothing to stream.
        }
    }

    /// <summary>
    /// A dump filtered on a table the kernel has not made yet ("FIB table does not exist",
    /// ENOENT; a new namespace has no IPv4 main table until its first route): an empty
    /// table, not a failure.
    /// </summary>
    private static bool IsMissingTable(NetlinkException e, RouteQuery query) => e.ErrorNumber == Errno.ENOENT && query.Table is not null;

    private void Change(Route spec, NetlinkFlags flags, string verb)
    {
        RouteEncoder.Validate(spec);
        var deviceIndex = new DeviceIndexCache(_client).IndexOf(spec.Device);
        try
        {
            Connection.Execute($"{verb} route {spec} {_client.Namespace.Describe()}", RtnlMessageType.NewRoute, flags, w => RouteEncoder.Write(w, spec, deviceIndex));
        }
        catch (NetlinkException e)
        {
            throw RouteErrors.Explain(e, spec, verb);
        }
    }

    private BatchResult Batch(IEnumerable<Route> specs, RouteChange change)
    {
        var batch = new RouteBatch(_client, change, echo: false);
        foreach (var spec in specs)
        {
            batch.Queue(spec);
        }

        var outcomes = batch.Send();
        var failures = outcomes.Select((o, i) => (o.Error, i)).Where(f => f.Error is not null)
            .Select(f => new BatchFailure(f.i, (NetlinkException)f.Error!)).ToList();
        return new BatchResult(outcomes.Count, failures);
    }

    private Func<int, string?> DeviceNames()
    {
        var names = _client.Links.List().ToDictionary(l => l.Index, l => l.Name);
        return index => names.GetValueOrDefault(index);
    }

    private static void WriteDumpRequest(MessageWriter w, RouteQuery query, int deviceIndex)
    {
        // With NETLINK_GET_STRICT_CHK the kernel filters on these itself.
        w.WriteStruct(new RtMessage
        {
            Family = query.Family,
            Table = query.Table is RouteTable t && (uint)t < 256 ? (byte)t : (byte)0,
            Protocol = query.Protocol ?? RouteProtocol.Unspecified,
        });
        if (query.Table is RouteTable table && (uint)table >= 256)
        {
            w.AddUInt32(RouteAttribute.Table, (uint)table);
        }

        if (deviceIndex != 0)
        {
            w.AddUInt32(RouteAttribute.OutputInterface, (uint)deviceIndex);
        }
    }

    /// <summary>Applies the filters again on our side: older kernels ignore them.</summary>
    private static Route? Keep(Route route, RouteQuery query, int deviceIndex)
    {
        if (query.Table is RouteTable table && route.Table != table)
        {
            return null;
        }

        if (query.Protocol is RouteProtocol protocol && route.Protocol != protocol)
        {
            return null;
        }

        if (deviceIndex != 0 && route.DeviceIndex != deviceIndex)
        {
            return null;
        }

        if (query.ExcludeKernelRoutes && route.Protocol == RouteProtocol.Kernel)
        {
            return null;
        }

        return route;
    }
}
