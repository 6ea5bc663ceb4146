using System.Management.Automation;

namespace IpipTools.Infrastructure;

/// <summary>
/// Binds an empty or blank string as "not given" (null). Import-Csv gives every column of
/// every row, so a route without a gateway or a metric arrives as Gateway = '' or Metric = '',
/// which would otherwise fail to convert (an address) or become 0 (an MTU, which is refused).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BlankIsUnsetAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
}
