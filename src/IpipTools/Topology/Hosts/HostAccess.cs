using System.Collections;
using System.Management.Automation.Runspaces;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// How to reach the hosts a topology names: sessions the user already has (matched by
/// their ComputerName), and for the other hosts what New-PSSession -HostName needs to
/// open one over SSH (user, key file, ssh options such as a known-hosts file).
/// </summary>
public sealed record HostAccess(IReadOnlyList<PSSession> Sessions, string? UserName, string? KeyFilePath, IDictionary? SshOption)
{
    /// <summary>The given session for <paramref name="hostName"/>, if there is one.</summary>
    public PSSession? SessionFor(string hostName) =>
        Sessions.FirstOrDefault(s => string.Equals(s.ComputerName, hostName, StringComparison.OrdinalIgnoreCase))
        ?? Sessions.FirstOrDefault(s => string.Equals(s.Name, hostName, StringComparison.OrdinalIgnoreCase));
}
