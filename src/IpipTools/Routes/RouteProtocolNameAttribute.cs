using System.Globalization;
using System.Management.Automation;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Routes;

/// <summary>
/// On a -Protocol parameter: a protocol by the name <c>ip route</c> prints (static, boot,
/// kernel, bird ...) or by any number from 0 to 255, named or not (<c>-Protocol 200</c>; an
/// enum conversion alone would refuse a number without a name). Anything else passes on to
/// PowerShell's own conversion, whose error names the value and lists the names.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RouteProtocolNameAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
        {
            string text when byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => (RouteProtocol)number,
            int number when number is >= 0 and <= byte.MaxValue => (RouteProtocol)number,
            byte number => (RouteProtocol)number,
            _ => inputData,
        };
}
