using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Netlink;

/// <summary>
/// NLM_F_DUMP_INTR and ENOBUFS handling, against a scripted transport because a
/// live kernel cannot be made to interrupt a dump or overflow a queue on demand.
/// A dump marked inconsistent is started again a bounded number of times and only
/// a clean attempt's objects are returned; then it is reported.
/// </summary>
public sealed class DumpRetryTests
{
    [Fact]
    public void InterruptedDumpIsStartedAgainAndOnlyTheCleanAttemptIsReturned()
    {
        var attempt = 0;
        var transport = new ScriptedNetlinkTransport(request =>
        {
            attempt++;
            // Attempts 1 to 3: one message in the middle carries NLM_F_DUMP_INTR; attempt 4 is clean.
            return new[] { ScriptedReceive.Of(ScriptedRoutes.Dump(request[0].Sequence, ScriptedRoutes.Prefixes(attempt, 5), interruptedAt: attempt < 4 ? 2 : -1)) };
        }, ScriptedRoutes.Port);
        var connection = new NetlinkConnection(transport);

        var routes = ScriptedRoutes.Read(connection);

        Assert.Equal(ScriptedRoutes.Prefixes(4, 5), routes);
        Assert.Equal(4, transport.Sent.Count);
        Assert.Equal(4, connection.ReadRequestCount);
        Assert.Equal(4, transport.Sent.Select(d => NetlinkMessage.ParseAll(d)[0].Sequence).Distinct().Count());
    }

    [Fact]
    public void DumpThatStaysInterruptedIsReportedAfterTheBoundedAttempts()
    {
        var transport = new ScriptedNetlinkTransport(request => new[]
        {
            ScriptedReceive.Of(ScriptedRoutes.Dump(request[0].Sequence, ScriptedRoutes.Prefixes(1, 3), interruptedAt: 0)),
        }, ScriptedRoutes.Port);

        var error = Assert.Throws<NetlinkDumpInterruptedException>(() => ScriptedRoutes.Read(new NetlinkConnection(transport)));

        Assert.Equal(NetlinkConnection.MaxDumpAttempts, error.Attempts);
        Assert.Equal(NetlinkConnection.MaxDumpAttempts, transport.Sent.Count);
        Assert.Equal("DumpInterrupted", error.ErrorId);
        Assert.Contains("NLM_F_DUMP_INTR", error.Message);
        Assert.Contains($"{NetlinkConnection.MaxDumpAttempts} times in a row", error.Message);
    }

    [Fact]
    public void StreamingDumpIsNotRetriedBecauseItemsWereAlreadyHandedOut()
    {
        var transport = new ScriptedNetlinkTransport(request => new[]
        {
            ScriptedReceive.Of(ScriptedRoutes.Dump(request[0].Sequence, ScriptedRoutes.Prefixes(1, 4), interruptedAt: 3)),
        }, ScriptedRoutes.Port);
        var connection = new NetlinkConnection(transport);
        var seen = 0;

        var error = Assert.Throws<NetlinkDumpInterruptedException>(() =>
            connection.DumpStreaming("stream routes", RtnlMessageType.GetRoute, w => w.WriteStruct(new RtMessage()), _ => seen++));

        Assert.Equal(1, error.Attempts);
        Assert.Single(transport.Sent);
        Assert.Equal(4, seen);
    }

    [Fact]
    public void EnobufsMidDumpReadsOnToDoneAndStartsOver()
    {
        var attempt = 0;
        var transport = new ScriptedNetlinkTransport(request =>
        {
            var sequence = request[0].Sequence;
            attempt++;
            if (attempt == 1)
            {
                // The queue overflowed between two datagrams: part of the dump is lost.
                return new[]
                {
                    ScriptedReceive.Of(ScriptedRoutes.Dump(sequence, ScriptedRoutes.Prefixes(1, 3), withDone: false)),
                    ScriptedReceive.Failure(Errno.ENOBUFS),
                    ScriptedReceive.Of(ScriptedRoutes.Dump(sequence, new[] { "10.1.9.0/24" })),
                };
            }

            return new[] { ScriptedReceive.Of(ScriptedRoutes.Dump(sequence, ScriptedRoutes.Prefixes(2, 6))) };
        }, ScriptedRoutes.Port);

        var routes = ScriptedRoutes.Read(new NetlinkConnection(transport));

        Assert.Equal(ScriptedRoutes.Prefixes(2, 6), routes);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public void EnobufsOnEveryAttemptIsReportedAfterTheBoundedAttempts()
    {
        var transport = new ScriptedNetlinkTransport(request => new[]
        {
            ScriptedReceive.Failure(Errno.ENOBUFS),
            ScriptedReceive.Of(ScriptedRoutes.Dump(request[0].Sequence, ScriptedRoutes.Prefixes(1, 2))),
        }, ScriptedRoutes.Port);

        var error = Assert.Throws<NetlinkDumpInterruptedException>(() => ScriptedRoutes.Read(new NetlinkConnection(transport)));

        Assert.Equal(NetlinkConnection.MaxDumpAttempts, error.Attempts);
        Assert.Equal(NetlinkConnection.MaxDumpAttempts, transport.Sent.Count);
    }

    [Fact]
    public void OverrunMessageMakesTheDumpStartOver()
    {
        var attempt = 0;
        var transport = new ScriptedNetlinkTransport(request =>
        {
            var sequence = request[0].Sequence;
            if (++attempt == 1)
            {
                var overrun = new NetlinkReplyWriter(ScriptedRoutes.Port).Message(NetlinkMessageType.Overrun, NetlinkFlags.Multi, sequence, _ => { }).ToArray();
                return new[] { ScriptedReceive.Of(overrun), ScriptedReceive.Of(ScriptedRoutes.Dump(sequence, ScriptedRoutes.Prefixes(1, 1))) };
            }

            return new[] { ScriptedReceive.Of(ScriptedRoutes.Dump(sequence, ScriptedRoutes.Prefixes(2, 2))) };
        }, ScriptedRoutes.Port);

        Assert.Equal(ScriptedRoutes.Prefixes(2, 2), ScriptedRoutes.Read(new NetlinkConnection(transport)));
    }

    [Fact]
    public void DumpThatFailsPartWayReportsTheErrnoFromDone()
    {
        var transport = new ScriptedNetlinkTransport(request => new[]
        {
            ScriptedReceive.Of(new NetlinkReplyWriter(ScriptedRoutes.Port).Done(request[0].Sequence, -Errno.EOPNOTSUPP).ToArray()),
        }, ScriptedRoutes.Port);

        var error = Assert.Throws<NetlinkException>(() => ScriptedRoutes.Read(new NetlinkConnection(transport)));

        Assert.Equal(Errno.EOPNOTSUPP, error.ErrorNumber);
        Assert.StartsWith("Cannot list routes: ", error.Message);
        Assert.Single(transport.Sent);
    }
}
