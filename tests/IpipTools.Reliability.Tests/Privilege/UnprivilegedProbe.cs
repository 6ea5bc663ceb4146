using System.Net;
using System.Text.Json;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Reliability.Tests.Privilege;

/// <summary>
/// The child side of <see cref="WithoutCapabilitiesTests"/>: started inside a throwaway
/// namespace with every capability dropped, it reports its effective capabilities, then
/// tries one read and several changes in its own namespace, one JSON line each.
/// </summary>
internal static class UnprivilegedProbe
{
    public const string Mode = "--unprivileged-probe";

    public sealed record Attempt(string Operation, bool Succeeded, string? ErrorId, string? Category, string? Message, string? RecommendedAction);

    public static readonly (string Operation, Action<RtnetlinkClient> Act)[] Changes =
    {
        ("add bridge link", c => c.Links.Add(new LinkSpec("np0", new BridgeParameters()))),
        ("set lo up", c => c.Links.SetUp("lo", true)),
        ("add address", c => c.Addresses.Add(new AddressSpec("lo", IPAddress.Parse("10.71.0.1"), 32))),
        ("add route", c => c.Routes.Add(new Route(IPNetwork.Parse("10.70.0.0/24")) { Device = "lo" })),
        ("add routes in a batch", c => c.Routes.AddMany([new Route(IPNetwork.Parse("10.72.0.0/24")) { Device = "lo" }]).ThrowIfAnyFailed()),
    };

    public static int Run(string[] args)
    {
        Console.WriteLine(File.ReadLines("/proc/self/status").First(l => l.StartsWith("CapEff:", StringComparison.Ordinal)));
        using var client = RtnetlinkClient.Open();
        Report(new[] { ("list links", (Action<RtnetlinkClient>)(c => c.Links.List())) }.Concat(Changes), client);
        return 0;
    }

    private static void Report(IEnumerable<(string Operation, Action<RtnetlinkClient> Act)> attempts, RtnetlinkClient client)
    {
        foreach (var (operation, act) in attempts)
        {
            Attempt attempt;
            try
            {
                act(client);
                attempt = new Attempt(operation, true, null, null, null, null);
            }
            catch (IpipToolsException e)
            {
                attempt = new Attempt(operation, false, e.ErrorId, e.Category.ToString(), e.Message, e.RecommendedAction);
            }

            Console.WriteLine(JsonSerializer.Serialize(attempt));
        }
    }
}
