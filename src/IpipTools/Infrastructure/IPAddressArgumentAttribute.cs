using System.Management.Automation;
using System.Net;

namespace IpipTools.Infrastructure;

/// <summary>
/// On an IPAddress parameter that binds by property name: reads an address string (an
/// Import-Csv cell, a JSON value) as the address it is, as PowerShell's own conversion would
/// (IPAddress.Parse), but while PowerShell binds without conversion.
/// <para>
/// Why: PowerShell binds a piped object's properties in two passes, first without type
/// conversion, then with it. A string cannot bind to an IPAddress in the first pass, so each
/// row's address was looked up twice and converted through PowerShell's general conversion
/// machinery; converted here, it binds in the first pass.
/// </para>
/// <para>
/// Text that is no address is refused here, naming it. Left to PowerShell, a piped row's
/// unconvertible address was dropped without a word (seen: a route with Gateway 'bogus' was
/// added without a gateway). Anything else (an IPAddress from a piped object, a blank cell,
/// which <see cref="BlankIsUnsetAttribute"/> makes "not given") passes unchanged.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class IPAddressArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is not string text || string.IsNullOrWhiteSpace(text))
        {
            return inputData;
        }

        return IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new ArgumentTransformationMetadataException($"'{text}' is not an IP address: give an IPv4 or IPv6 address, such as 192.0.2.1 or 2001:db8::1.");
    }
}
