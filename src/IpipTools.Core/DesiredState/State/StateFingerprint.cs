using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.State;

/// <summary>
/// A digest of read state, stored in a plan: applying the plan later first reads the
/// same namespaces again and refuses if the digest differs, because the plan's steps were
/// computed against the state it was made from. The state is put in a canonical order
/// first, so the digest depends on what is there, not on the order the kernel lists it.
/// </summary>
public static class StateFingerprint
{
    public static string Compute(Topology observed)
    {
        var canonical = observed.Namespaces
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => n with
            {
                Links = n.Links.OrderBy(l => l.Name, StringComparer.Ordinal).ToList(),
                Addresses = n.Addresses.OrderBy(a => a.Describe(), StringComparer.Ordinal).ThenBy(a => a.Protocol).ToList(),
                Routes = n.Routes.OrderBy(r => r.Table).ThenBy(r => r.Destination.ToString(), StringComparer.Ordinal).ThenBy(r => r.Metric)
                    .ThenBy(r => r.ToString(), StringComparer.Ordinal).ToList(),
            })
            .ToList();
        var json = JsonSerializer.Serialize(canonical, PlanJson.Options);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant();
    }
}
