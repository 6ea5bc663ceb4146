using System.Management.Automation;
using System.Net;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Tunnels;

/// <summary>
/// The settings of some tunnel modes only, as New-IpTunnel and Set-IpTunnel both take them:
/// gre's keys, sequence numbers and checksums (vti's keys), sit's 6rd prefixes. Their names,
/// types and meaning are declared here once, and so is the <see cref="TunnelSettings"/> they
/// make (<see cref="Settings"/>).
/// <para>
/// The parameter attributes stay on each cmdlet's properties. PowerShell reads them from the
/// cmdlet's class, and the two cmdlets share no base class but the one every namespaced
/// cmdlet has (their Ipip forms, which lack these settings, derive from the same bases as
/// they do). And the attributes differ: New-IpTunnel binds keys and prefixes from rows by property
/// name, Set-IpTunnel only as typed, since a piped tunnel's own keys must not bind and be sent
/// again. The one mechanism that declares parameters outside a cmdlet's class, dynamic
/// parameters, would give both the same attributes (an object's) or build them at run time
/// (a dictionary), for parameters that are not dynamic at all.
/// </para>
/// </summary>
internal interface ITunnelModeParameters
{
    /// <summary>ikey and okey at once, as iproute2's "key K".</summary>
    uint? Key { get; }

    uint? InputKey { get; }

    uint? OutputKey { get; }

    SwitchParameter InputSequence { get; }

    SwitchParameter OutputSequence { get; }

    SwitchParameter InputChecksum { get; }

    SwitchParameter OutputChecksum { get; }

    IPNetwork? SixRdPrefix { get; }

    IPNetwork? SixRdRelayPrefix { get; }

    /// <summary>
    /// The settings given: -InputKey and -OutputKey over -Key, and a switch only when it was
    /// given (<paramref name="switchIfGiven"/>, by parameter name), so -InputSequence:$false turns it off.
    /// </summary>
    TunnelSettings Settings(Func<string, SwitchParameter, bool?> switchIfGiven) => new()
    {
        InputKey = InputKey ?? Key,
        OutputKey = OutputKey ?? Key,
        InputSequence = switchIfGiven(nameof(InputSequence), InputSequence),
        OutputSequence = switchIfGiven(nameof(OutputSequence), OutputSequence),
        InputChecksum = switchIfGiven(nameof(InputChecksum), InputChecksum),
        OutputChecksum = switchIfGiven(nameof(OutputChecksum), OutputChecksum),
        SixRdPrefix = SixRdPrefix,
        SixRdRelayPrefix = SixRdRelayPrefix,
    };
}
