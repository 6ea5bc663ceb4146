using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Core.Diagnostics;

/// <summary>
/// The preflight behind Test-IpipSupport: can this kernel make ipip tunnels, is the
/// fallback device there, will reverse-path filtering drop decapsulated packets, does
/// each tunnel's MTU fit its underlay, and is path MTU discovery on. Every check
/// reports; none throws, so one missing permission does not hide the other answers.
/// </summary>
public static class IpipSupportCheck
{
    /// <summary>An ipip tunnel adds one 20-byte IPv4 header.</summary>
    public const int IpipOverhead = 20;

    private const string ModuleDirectory = "/sys/module/ipip";

    /// <summary>
    /// Runs every check against <paramref name="target"/>. With <paramref name="probe"/>,
    /// a kernel whose ipip module is not loaded is asked to create a tunnel in a
    /// throwaway namespace (which loads the module where it can be loaded). A missing
    /// <paramref name="target"/> is an error, not a list of checks that could not run.
    /// </summary>
    public static IReadOnlyList<SupportCheck> Run(NetNamespace target, bool probe = true)
    {
        target.MustExist();
        var where = target.Namespace;
        var module = Guard("IpipModule", () => CheckModule(probe));
        var results = new List<SupportCheck> { module };
        var tunnels = new List<IpTunnel>();
        results.Add(Guard("FallbackDevice", () =>
        {
            using var client = RtnetlinkClient.Open(target);
            tunnels.AddRange(client.Tunnels.List("ipip"));
            return CheckFallback(tunnels, module.Status);
        }));
        results.AddRange(GuardMany("ReversePathFilter", () => CheckReversePathFilter(target, tunnels)));
        results.AddRange(GuardMany("UnderlayMtu", () => CheckUnderlayMtu(target, tunnels)));
        results.AddRange(tunnels.Where(t => !t.IsFallback).Select(CheckPathMtuDiscovery));
        return results.Select(r => r with { Namespace = where }).ToList();
    }

    internal static SupportCheck CheckModule(bool probe)
    {
        if (Directory.Exists(ModuleDirectory))
        {
            return new SupportCheck("IpipModule", SupportStatus.Pass, $"The ipip module is loaded ({ModuleDirectory}).");
        }

        if (!probe)
        {
            return new SupportCheck("IpipModule", SupportStatus.Warning, $"The ipip module is not loaded ({ModuleDirectory} is missing); the kernel may still load it on demand.",
                "Run Test-IpipSupport without -NoProbe to let the kernel try, or load it with 'modprobe ipip'.");
        }

        return Probe();
    }

    /// <summary>Creates an ipip link in a throwaway namespace: EOPNOTSUPP means no ipip in this kernel.</summary>
    private static SupportCheck Probe()
    {
        var name = $"ipt-probe-{Guid.NewGuid().ToString("N")[..8]}";
        var scratch = NetNamespaceStore.Create(name);
        try
        {
            using var client = RtnetlinkClient.Open(scratch);
            client.Tunnels.Create(Link.Of("ipipprobe", new IpipParameters { Remote = IPAddress.Parse("192.0.2.1") }));
            return new SupportCheck("IpipModule", SupportStatus.Pass, "The kernel created an ipip tunnel in a throwaway namespace (the module loads on demand).");
        }
        catch (IpipToolsException e) when (e.Category == IpipErrorCategory.NotInstalled)
        {
            return new SupportCheck("IpipModule", SupportStatus.Fail,
                "This kernel cannot create ipip tunnels: the ipip module is neither loaded nor loadable (EOPNOTSUPP).",
                "Load it with 'modprobe ipip' (it needs tunnel4 and ip_tunnel), or use a kernel built with CONFIG_NET_IPIP.");
        }
        finally
        {
            NetNamespaceStore.Delete(name);
        }
    }

    internal static SupportCheck CheckFallback(IReadOnlyList<IpTunnel> tunnels, SupportStatus module)
    {
        var fallback = tunnels.FirstOrDefault(t => t.IsFallback);
        if (fallback is not null)
        {
            return new SupportCheck("FallbackDevice", SupportStatus.Pass,
                $"tunl0 is present ({(fallback.IsUp ? "up" : "down")}); it receives ipip packets no other tunnel matches and carries NBMA routes.")
            { Subject = fallback.Name };
        }

        return module == SupportStatus.Fail
            ? new SupportCheck("FallbackDevice", SupportStatus.Skipped, "No ipip support, so no tunl0.")
            : new SupportCheck("FallbackDevice", SupportStatus.Warning,
                "There is no tunl0 in this namespace, so one-to-many (NBMA) routes via tunl0 cannot be made here.",
                "Check net.core.fb_tunnels_only_for_init_net (2 keeps fallback devices out of new namespaces), and that the ipip module is loaded.");
    }

    /// <summary>
    /// The kernel uses the larger of conf/all and conf/DEVICE; strict (1) drops a
    /// decapsulated packet whose source the namespace would not route back through
    /// the same tunnel, which is the rule in meshes with asymmetric paths.
    /// </summary>
    internal static IEnumerable<SupportCheck> CheckReversePathFilter(NetNamespace target, IReadOnlyList<IpTunnel> tunnels)
    {
        var all = ReadInt(target, "net.ipv4.conf.all.rp_filter");
        var devices = tunnels.Select(t => t.Name).DefaultIfEmpty("default");
        foreach (var device in devices)
        {
            var own = ReadInt(target, $"net.ipv4.conf.{device}.rp_filter");
            var effective = Math.Max(all, own);
            yield return effective == 1
                ? new SupportCheck("ReversePathFilter", SupportStatus.Warning,
                    $"Strict reverse-path filtering is on for {device} (all={all}, {device}={own}): decapsulated packets whose source is not routed back through {device} are dropped.",
                    $"Use loose or no filtering: net.ipv4.conf.all.rp_filter and net.ipv4.conf.{device}.rp_filter set to 2 or 0.")
                { Subject = device }
                : new SupportCheck("ReversePathFilter", SupportStatus.Pass, $"Reverse-path filtering for {device} is {(effective == 0 ? "off" : "loose")} (all={all}, {device}={own}).") { Subject = device };
        }
    }

    /// <summary>A tunnel's MTU must leave room for the outer header on its underlay device.</summary>
    internal static IEnumerable<SupportCheck> CheckUnderlayMtu(NetNamespace target, IReadOnlyList<IpTunnel> tunnels)
    {
        var own = tunnels.Where(t => !t.IsFallback).ToList();
        if (own.Count == 0)
        {
            yield break;
        }

        using var client = RtnetlinkClient.Open(target);
        var links = client.Links.List();
        var addresses = client.Addresses.List();
        foreach (var tunnel in own)
        {
            var underlayName = tunnel.UnderlayDevice ?? addresses.FirstOrDefault(a => tunnel.Local is not null && a.Address.Equals(tunnel.Local))?.InterfaceName;
            var underlay = links.FirstOrDefault(l => l.Name == underlayName);
            yield return Compare(tunnel, underlay);
        }
    }

    public static SupportCheck Compare(IpTunnel tunnel, Link? underlay)
    {
        if (underlay is null)
        {
            return new SupportCheck("UnderlayMtu", SupportStatus.Skipped,
                $"{tunnel.Name} has no underlay device and no local address on a device here, so its underlay MTU is unknown.",
                $"Give {tunnel.Name} a local address or bind it to a device (-UnderlayDevice).") { Subject = tunnel.Name };
        }

        var room = underlay.Mtu - IpipOverhead;
        return tunnel.Mtu <= room
            ? new SupportCheck("UnderlayMtu", SupportStatus.Pass, $"{tunnel.Name} MTU {tunnel.Mtu} fits {underlay.Name} MTU {underlay.Mtu} minus {IpipOverhead}.") { Subject = tunnel.Name }
            : new SupportCheck("UnderlayMtu", SupportStatus.Warning,
                $"{tunnel.Name} MTU {tunnel.Mtu} exceeds {underlay.Name} MTU {underlay.Mtu} minus the {IpipOverhead}-byte outer header ({room}): full-size packets are fragmented or, with DF, dropped.",
                $"Set-IpipTunnel {tunnel.Name} -Mtu {room}") { Subject = tunnel.Name };
    }

    public static SupportCheck CheckPathMtuDiscovery(IpTunnel tunnel) => tunnel.PathMtuDiscovery
        ? new SupportCheck("PathMtuDiscovery", SupportStatus.Pass, $"{tunnel.Name} sets DF on outer packets and follows path MTU.") { Subject = tunnel.Name }
        : new SupportCheck("PathMtuDiscovery", tunnel.Ttl == 0 ? SupportStatus.Warning : SupportStatus.Fail,
            tunnel.Ttl == 0
                ? $"{tunnel.Name} has path MTU discovery off: outer packets may be fragmented on the way."
                : $"{tunnel.Name} has path MTU discovery off with a fixed TTL ({tunnel.Ttl}), a combination iproute2 refuses.",
            $"Set-IpipTunnel {tunnel.Name} -PathMtuDiscovery $true") { Subject = tunnel.Name };

    private static int ReadInt(NetNamespace target, string key) =>
        int.TryParse(Sysctl.Read(target, key), out var value) ? value : 0;

    private static SupportCheck Guard(string check, Func<SupportCheck> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            return Skipped(check, e);
        }
    }

    private static IReadOnlyList<SupportCheck> GuardMany(string check, Func<IEnumerable<SupportCheck>> run)
    {
        try
        {
            return run().ToList();
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            return new[] { Skipped(check, e) };
        }
    }

    private static SupportCheck Skipped(string check, Exception e) =>
        new(check, SupportStatus.Skipped, $"Could not check: {e.Message}", ErrorReport.From(e).RecommendedAction);
}
