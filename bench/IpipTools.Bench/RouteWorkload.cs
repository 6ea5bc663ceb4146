using System.Net;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Bench;

/// <summary>
/// The routes every contestant programs: Calico-style /26 blocks out of 10.0.0.0/8 (room for
/// 262,144), each via one of 1,000 peer gateways in 172.16.0.0/16, onlink on one device.
/// IpipTools gets them as <see cref="Route"/>s, iproute2 as the equivalent text.
/// </summary>
internal sealed class RouteWorkload
{
    public const int Peers = 1000;
    private const int MaxRoutes = 1 << 18;

    public RouteWorkload(int count, string device)
    {
        if (count < 1 || count > MaxRoutes)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"between 1 and {MaxRoutes} routes");
        }

        Count = count;
        Device = device;
    }

    public int Count { get; }

    public string Device { get; }

    public IPNetwork Destination(int i)
    {
        var address = 0x0A000000u + (uint)i * 64;
        return new IPNetwork(new IPAddress(ToBytes(address)), 26);
    }

    public IPAddress Gateway(int i)
    {
        var peer = (uint)(i % Peers);
        return new IPAddress(ToBytes(0xAC100000u + (peer / 250 << 8) + peer % 250 + 1));
    }

    public List<Route> Specs() =>
        Enumerable.Range(0, Count).Select(i => new Route(Destination(i)) { Gateway = Gateway(i), Device = Device, OnLink = true }).ToList();

    /// <summary>`ip route add` arguments for route <paramref name="i"/>, as a script would run it.</summary>
    public string[] IpArguments(int i) =>
        ["route", "add", Destination(i).ToString(), "via", Gateway(i).ToString(), "dev", Device, "onlink"];

    /// <summary>The same routes as `ip -batch` lines.</summary>
    public IEnumerable<string> BatchLines() => Enumerable.Range(0, Count).Select(i => string.Join(' ', IpArguments(i)));

    private static byte[] ToBytes(uint address) =>
        [(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address];
}
