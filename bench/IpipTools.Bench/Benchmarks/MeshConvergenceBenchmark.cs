namespace IpipTools.Bench.Benchmarks;

/// <summary>
/// Benchmark 4: converge a Calico-style mesh of 1,000 peers (a tunnel address and an
/// onlink /26 route via each peer) from empty and from 1% drift, and count the change
/// requests when nothing drifted (must be zero). It needs the desired-state engine
/// (src/IpipTools.Core/DesiredState, issue 5), which does not exist yet: this is the
/// place to wire it in. The comparison for iproute2 is the `ip -batch` of the same
/// routes from benchmark 1, and for drift, a flush and re-add.
/// </summary>
internal static class MeshConvergenceBenchmark
{
    public const int Peers = 1000;

    public static ResultTable Run()
    {
        var table = new ResultTable("Mesh convergence", "peers", "scenario", "wall", "user", "system", "change requests");
        table.Notes.Add($"Not run: needs the desired-state engine (issue 5). Scenarios once it lands: {Peers:N0} peers from empty, from 1% drift, and with no drift (zero change requests, read from NetlinkConnection.ChangeRequestCount).");
        return table;
    }
}
