using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Model;
using IpipTools.Core.Netlink;

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

    public void Add(RouteSpec spec) => Change(spec, NetlinkFlags.Create | NetlinkFlags.Exclusive, "add");

    /// <summary>Adds the route, or replaces the one with the same destination, table, tos and metric.</summary>
    public void Replace(RouteSpec spec) => Change(spec, NetlinkFlags.Create | NetlinkFlags.Replace, "replace");

    /// <summary>
    /// Adds the route and returns the routes the kernel echoes for it (RTM_NEWROUTE with
    /// NLM_F_ECHO): the new route as the kernel made it, without a read-back. Empty where
    /// the kernel echoes nothing. If the echo cannot be read, the route is deleted again.
    /// </summary>
    public IReadOnlyList<RouteEntry> AddEchoed(RouteSpec spec) => ChangeEchoed(spec, NetlinkFlags.Create | NetlinkFlags.Exclusive, "add");

    /// <summary><see cref="Replace"/>, returning what the kernel echoes as <see cref="AddEchoed"/> does (a replaced route is not undone).</summary>
    public IReadOnlyList<RouteEntry> ReplaceEchoed(RouteSpec spec) => ChangeEchoed(spec, NetlinkFlags.Create | NetlinkFlags.Replace, "replace");

    public void Delete(RouteSpec spec)
    {
        // Resolve the device before the request is built: a lookup inside the body
        // writer would send its own query over the connection mid-request.
        var deviceIndex = new DeviceIndexCache(_client).IndexOf(spec.Device);
        var operation = $"delete route {spec} {_client.NamespaceDescription}";
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
    internal void TryDelete(RouteSpec spec) => BestEffortUndo.Run(() => Delete(spec));

    /// <summary>
    /// Adds (or with <paramref name="replace"/>, replaces) many routes in as few sends as
    /// the socket allows; see <see cref="NetlinkConnection.ExecuteBatch"/>. Device
    /// names are resolved once. Failures are reported per route, with the kernel's text.
    /// </summary>
    public BatchResult AddMany(IEnumerable<RouteSpec> specs, bool replace = false) =>
        Batch(specs, RtnlMessageType.NewRoute, NetlinkFlags.Create | (replace ? NetlinkFlags.Replace : NetlinkFlags.Exclusive), replace ? "replace" : "add");

    public BatchResult DeleteMany(IEnumerable<RouteSpec> specs) =>
        Batch(specs, RtnlMessageType.DeleteRoute, NetlinkFlags.None, "delete");

    /// <summary>The routes <paramref name="query"/> selects (default: the main table, like <c>ip route</c>).</summary>
    public IReadOnlyList<RouteEntry> List(RouteQuery? query = null)
    {
        query ??= RouteQuery.MainTable;
        var names = DeviceNames();
        var deviceIndex = query.Device is null ? 0 : _client.Links.IndexOf(query.Device);
        try
        {
            return Connection.Dump($"list routes {_client.NamespaceDescription}", RtnlMessageType.GetRoute,
                w => WriteDumpRequest(w, query, deviceIndex),
                m => Keep(RouteReader.Read(m, names, _client.NamespaceName), query, deviceIndex));
        }
        catch (NetlinkException e) when (IsMissingTable(e, query))
        {
            return Array.Empty<RouteEntry>();
        }
    }

    /// <summary>
    /// Hands every selected route to <paramref name="onRoute"/> as it is read, keeping
    /// nothing, so memory stays flat however large the table.
    /// </summary>
    public void Stream(RouteQuery query, Action<RouteEntry> onRoute)
    {
        var names = DeviceNames();
        var deviceIndex = query.Device is null ? 0 : _client.Links.IndexOf(query.Device);
        try
        {
            Connection.DumpStreaming($"list routes {_client.NamespaceDescription}", RtnlMessageType.GetRoute,
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

    private void Change(RouteSpec spec, NetlinkFlags flags, string verb) => Send(spec, flags, verb, echo: false);

    private IReadOnlyList<RouteEntry> ChangeEchoed(RouteSpec spec, NetlinkFlags flags, string verb)
    {
        var (deviceIndex, echoed) = Send(spec, flags, verb, echo: true);
        try
        {
            // The echo names the device by index; the request's own device is known, any
            // other (there is none for a route with a device) is looked up on its own.
            Func<int, string?> names = index => index == 0 ? null : index == deviceIndex ? spec.Device : _client.Links.Get(index).Name;
            return echoed.Where(m => m.Type == RtnlMessageType.NewRoute)
                .Select(m => RouteReader.Read(m, names, _client.NamespaceName))
                .ToList();
        }
        catch when (!flags.HasFlag(NetlinkFlags.Replace))
        {
            TryDelete(spec);
            throw;
        }
    }

    /// <summary>Sends one RTM_NEWROUTE; returns the device's index and, with <paramref name="echo"/>, the messages the kernel echoed.</summary>
    private (int DeviceIndex, IReadOnlyList<NetlinkMessage> Echoed) Send(RouteSpec spec, NetlinkFlags flags, string verb, bool echo)
    {
        RouteEncoder.Validate(spec);
        var deviceIndex = new DeviceIndexCache(_client).IndexOf(spec.Device);
        var operation = $"{verb} route {spec} {_client.NamespaceDescription}";
        RequestBodyWriter body = w => RouteEncoder.Write(w, spec, deviceIndex);
        try
        {
            if (!echo)
            {
                Connection.Execute(operation, RtnlMessageType.NewRoute, flags, body);
                return (deviceIndex, Array.Empty<NetlinkMessage>());
            }

            return (deviceIndex, Connection.ExecuteWithEcho(operation, RtnlMessageType.NewRoute, flags, body));
        }
        catch (NetlinkException e)
        {
            throw RouteErrors.Explain(e, spec, verb);
        }
    }

    private BatchResult Batch(IEnumerable<RouteSpec> specs, ushort type, NetlinkFlags flags, string verb)
    {
        var devices = new DeviceIndexCache(_client);
        var batch = Connection.CreateBatch();
        var list = specs as IReadOnlyList<RouteSpec> ?? specs.ToList();
        foreach (var spec in list)
        {
            RouteEncoder.Validate(spec);
            var deviceIndex = devices.IndexOf(spec.Device);
            var writer = batch.Begin(type, flags);
            RouteEncoder.Write(writer, spec, deviceIndex);
            batch.End();
        }

        var result = Connection.ExecuteBatch(batch, $"{verb} routes {_client.NamespaceDescription}",
            index => $"{verb} route {list[index]} {_client.NamespaceDescription}");
        var explained = result.Failures.Select(f => f with { Error = RouteErrors.Explain(f.Error, list[f.Index], verb) }).ToList();
        return new BatchResult(result.RequestCount, explained);
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
    private static RouteEntry? Keep(RouteEntry route, RouteQuery query, int deviceIndex)
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
